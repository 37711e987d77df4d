"""Credentials and the headers they become.

One mode at a time, as the platform expects:
- an API key sends `x-api-key`;
- otherwise a token sends `Authorization: Bearer` when it is a JWT, `x-access-token` when it is opaque (`acc_...`);
- `x-organization-id` goes with every mode whenever an organization is known (the old package dropped it with keys).
"""

from __future__ import annotations

import re

from ._validate import check_header_value

__all__ = ["Credentials", "is_jwt", "mask"]

_JWT = re.compile(r"^eyJ[\w-]*\.[\w-]+\.[\w-]*$")


def is_jwt(token: str) -> bool:
    return bool(_JWT.match(token))


def mask(secret: str | None) -> str | None:
    """What a repr may show of a secret: its kind, never its characters."""
    if not secret:
        return None
    return "<jwt>" if is_jwt(secret) else "<redacted>"


class Credentials:
    """The client's mutable credential state; shared by clients made with `with_options`."""

    __slots__ = ("_access_token", "_api_key", "_headers", "_organization_id")

    def __init__(self, *, api_key: str | None, access_token: str | None, organization_id: str | None) -> None:
        self._api_key = _checked("api_key", api_key)
        self._access_token = _checked("access_token", access_token)
        self._organization_id = _checked("organization_id", organization_id)
        self._headers = self._build()

    @property
    def api_key(self) -> str | None:
        return self._api_key

    @property
    def access_token(self) -> str | None:
        return self._access_token

    @property
    def organization_id(self) -> str | None:
        return self._organization_id

    @property
    def headers(self) -> dict[str, str]:
        """The auth headers for the next request (computed once per change, not per request)."""
        return self._headers

    def has_credential(self) -> bool:
        return bool(self._api_key or self._access_token)

    def set_access_token(self, token: str) -> None:
        """Switch to token mode; the API key is dropped, as in the old package."""
        if not token:
            raise ValueError("access token must be a non-empty string")
        self._api_key = None
        self._access_token = _checked("access_token", token)
        self._headers = self._build()

    def clear_access_token(self) -> None:
        self._access_token = None
        self._headers = self._build()

    def set_organization_id(self, organization_id: str | None) -> None:
        self._organization_id = _checked("organization_id", organization_id)
        self._headers = self._build()

    def _build(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        if self._api_key:
            headers["x-api-key"] = self._api_key
        elif self._access_token:
            if is_jwt(self._access_token):
                headers["authorization"] = f"Bearer {self._access_token}"
            else:
                headers["x-access-token"] = self._access_token
        if self._organization_id:
            headers["x-organization-id"] = self._organization_id
        return headers

    def __repr__(self) -> str:
        return (
            f"Credentials(api_key={mask(self._api_key)!r}, access_token={mask(self._access_token)!r}, "
            f"organization_id={self._organization_id!r})"
        )


def _checked(field: str, value: str | None) -> str | None:
    """A credential as it will be sent, or a ValueError naming the field (never showing the value)."""
    return None if not value else check_header_value(field, value)
