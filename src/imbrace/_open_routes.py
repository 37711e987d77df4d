"""Which calls need no credential, and the error every other call raises at once when the client has none.

Without this check a client with no credential sends the call to the public gateway and gets a 401 that names no
setting (or, offline, waits for DNS). The routes below answer without a credential on the real services
(`service-conformance.md`: health, version, config, parquet, admin guides, prompt suggestion, chat-client
register/verify, public documents; the traces, by the service's source). Each is `security: []` in its spec, as are
the gateway's login routes and chat-ai's PDF extract and tool-server verify, which check no credential.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from ._errors import ImbraceError

__all__ = ["OPEN_ROUTES", "MissingCredentialsError", "check_credential"]

# service -> (method, spec path) pairs; `{name}` stands for one path segment.
OPEN_ROUTES: Mapping[str, frozenset[tuple[str, str]]] = {
    "gateway": frozenset(
        {
            ("POST", "/platform/v1/login/_signin_email_request"),
            ("POST", "/platform/v1/login/authenticate"),
            ("POST", "/v3/ai/files/extract"),
            ("POST", "/v3/ai/configs/tool_servers/verify"),
        }
    ),
    "ai_agent": frozenset(
        {
            ("GET", "/health"),
            ("GET", "/version"),
            ("GET", "/config"),
            ("GET", "/chat/get-agent-prompt-suggestion"),
            ("POST", "/parquet/generate"),
            ("GET", "/parquet/files"),
            ("DELETE", "/parquet/{file_name}"),
            ("POST", "/chat-client/auth/verify-credentials"),
            ("POST", "/chat-client/auth/register"),
            ("GET", "/chat-client/documents/{doc_id}/public"),
            ("GET", "/admin/guides"),
            ("GET", "/admin/guides/{filename}"),
            ("GET", "/trace/traces"),
            ("GET", "/trace/traces/{trace_id}"),
            ("GET", "/trace/services"),
            ("GET", "/trace/tags"),
            ("GET", "/trace/tags/{tag_name}/values"),
            ("GET", "/trace/search/traceql"),
        }
    ),
}

MISSING_CREDENTIALS = (
    "no credentials: pass api_key= (or access_token=) to the client, set IMBRACE_API_KEY (or IMBRACE_ACCESS_TOKEN), "
    "or log in first with client.login(email, password) or client.request_otp(email) + client.login_with_otp(...)"
)


class MissingCredentialsError(ImbraceError):
    """A call that needs a credential, on a client that has none; raised before anything is sent."""

    def __init__(self, message: str = MISSING_CREDENTIALS) -> None:
        super().__init__(message)


def check_credential(service: str, method: str, path: str) -> None:
    """Raise `MissingCredentialsError` unless `method path` of `service` is an open route (call only without one)."""
    pattern = _patterns().get(service)
    if pattern is None or not pattern.fullmatch(f"{method} {path.split('?', 1)[0]}"):
        raise MissingCredentialsError


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    def one(method: str, path: str) -> str:
        return re.escape(f"{method} ") + re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(path))

    return {service: re.compile("|".join(one(*route) for route in routes)) for service, routes in OPEN_ROUTES.items()}
