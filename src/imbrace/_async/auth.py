"""The login flow: request an OTP, log in, select an organization; the client then uses the token it got."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._errors import ImbraceError
from .._generated.gateway.api.client import login, request_otp, select_organization
from .._types import RequestOptions
from .transport import AsyncTransport

if TYPE_CHECKING:
    from .._generated.gateway.shapes import ExchangeTokenResponse, LoginResponse

__all__ = ["async_request_otp", "async_login", "async_select_organization"]

_TOKEN_KEYS = ("accessToken", "token", "access_token")


async def async_request_otp(transport: AsyncTransport, email: str, options: RequestOptions) -> None:
    await transport.request("gateway", request_otp.build_request(body={"email": email}), options)


async def async_login(transport: AsyncTransport, body: dict[str, str], options: RequestOptions) -> LoginResponse:
    """POST the credentials; on success the client switches to the returned token (dropping any API key)."""
    answer: LoginResponse = await transport.request_json("gateway", login.build_request(body=body), options)
    transport.credentials.set_access_token(_token(answer, "login"))
    organizations = answer.get("organizations")
    if not isinstance(organizations, list):
        answer["organizations"] = [] if organizations is None else [organizations]
    return answer


async def async_select_organization(
    transport: AsyncTransport, organization_id: str, options: RequestOptions
) -> ExchangeTokenResponse:
    """Exchange the login token for one scoped to the organization; on any failure the old state is kept."""
    if not organization_id:
        raise ValueError("organization_id must be a non-empty string")
    credentials = transport.credentials
    previous = credentials.organization_id
    credentials.set_organization_id(organization_id)
    try:
        kwargs = select_organization.build_request(body={"organization_id": organization_id})
        answer: ExchangeTokenResponse = await transport.request_json("gateway", kwargs, options)
        credentials.set_access_token(_token(answer, "select_organization"))
    except BaseException:
        credentials.set_organization_id(previous)
        raise
    return answer


def _token(answer: Any, step: str) -> str:
    if isinstance(answer, dict):
        for key in _TOKEN_KEYS:
            value = answer.get(key)
            if isinstance(value, str) and value:
                return value
    raise ImbraceError(f"{step}: the platform's answer carried no token (looked for {', '.join(_TOKEN_KEYS)})")
