"""Login on the platform service: OTP request, password/OTP login, organization selection.

Any password or one-time password logs in, unless the emulator runs with an API key: then the secret must be that key.
The tokens it issues (`login_acc_...`, then the organization-scoped `acc_...`) authenticate later calls.
"""

from __future__ import annotations

from ..errors import HttpError
from ..store import Doc
from .base import Ctx, operation

_ORGANIZATION_NAME = "Emulator organization"


@operation("request_otp")
def request_otp(ctx: Ctx) -> Doc:
    return {"success": True, "message": f"A one-time password was sent to {ctx.json['email']}"}


@operation("login")
def login(ctx: Ctx) -> Doc:
    body = ctx.json
    secret = body.get("password", body.get("otp"))
    if secret is None:
        raise HttpError(400, "password or otp is required")
    if not ctx.state.auth.accepts_secret(secret):
        raise HttpError(401, "Invalid email or password")
    organization = {"id": ctx.state.settings.organization_id, "name": _ORGANIZATION_NAME}
    token = ctx.state.auth.issue("login_acc_", body["email"])
    return {"accessToken": token, "organizations": [organization]}


@operation("select_organization")
def select_organization(ctx: Ctx) -> Doc:
    account = ctx.state.auth.account_of(ctx.credential) or "anonymous"
    token = ctx.state.auth.issue("acc_", account, ctx.json["organization_id"])
    return {"token": token, "access_token": token}
