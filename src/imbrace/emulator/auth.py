"""Who may call: any credential by default; with an API key configured, only that key or a token the emulator issued."""

from __future__ import annotations

import secrets

from starlette.datastructures import Headers

from .errors import HttpError
from .ids import now_iso
from .store import Store

__all__ = ["Auth", "credential_of"]

_TOKENS = "tokens"


def credential_of(headers: Headers) -> str | None:
    """The caller's credential: `x-api-key`, else `x-access-token`, else an `Authorization: Bearer` token."""
    for name in ("x-api-key", "x-access-token"):
        value = headers.get(name, "").strip()
        if value:
            return value
    scheme, _, token = headers.get("authorization", "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


class Auth:
    def __init__(self, store: Store, api_key: str | None) -> None:
        self._store = store
        self.api_key = api_key

    def check(self, headers: Headers) -> str:
        """The caller's credential, or HttpError(401)."""
        credential = credential_of(headers)
        if credential is None:
            raise HttpError(401, "Missing credential (x-access-token or x-api-key)", code="unauthorized:auth")
        if self.api_key is not None and credential != self.api_key and self._store.get(_TOKENS, credential) is None:
            raise HttpError(401, "Invalid credential", code="unauthorized:auth")
        return credential

    def accepts_secret(self, secret: str | None) -> bool:
        """Whether a login password or one-time password is good: anything, or the API key when one is set."""
        return self.api_key is None or secret == self.api_key

    def issue(self, prefix: str, account: str, organization_id: str | None = None) -> str:
        """A new token (`login_acc_...` or `acc_...`) of `account` that `check` accepts from now on."""
        token = f"{prefix}{secrets.token_hex(16)}"
        record = {"token": token, "account": account, "organization_id": organization_id, "created_at": now_iso()}
        self._store.put(_TOKENS, token, record)
        return token

    def account_of(self, credential: str | None) -> str | None:
        """Who a credential stands for: the e-mail a token was issued to, else the credential itself."""
        record = self._store.get(_TOKENS, credential) if credential else None
        return record["account"] if record else credential
