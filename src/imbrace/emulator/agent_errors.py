"""Error bodies of the AI-agent service, which differ by route group and middleware layer.

Sources (imbraceltd/ai-agent, server/src): `lib/chatSdkError.ts` (chat-client `{code, message, cause?}`, the message
fixed by the code), `middleware/authorize.ts` (401 `{message}`), `middleware/chatClientAuth.ts` (401
`{code: "unauthorized:auth", message}`), `app.ts` (unknown routes and bad JSON: `{success: false, error, timestamp,
path, method}`), the controllers (`{error}`, admin guides `{success: false, error}`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .ids import now_iso

if TYPE_CHECKING:
    from .errors import HttpError

__all__ = ["CHAT_SDK_STATUS", "agent_error_body", "chat_sdk_message"]

CHAT_SDK_STATUS = {"bad_request": 400, "unauthorized": 401, "forbidden": 403, "not_found": 404, "rate_limit": 429}
_TYPE_OF_STATUS = {status: kind for kind, status in CHAT_SDK_STATUS.items()}
_CHAT_SDK_MESSAGES = {
    "bad_request:api": "The request couldn't be processed. Please check your input and try again.",
    "unauthorized:auth": "You need to sign in before continuing.",
    "forbidden:auth": "Your account does not have access to this feature.",
    "not_found:chat": "The requested chat was not found. Please check the chat ID and try again.",
    "forbidden:chat": "This chat belongs to another user. Please check the chat ID and try again.",
    "not_found:document": "The requested document was not found. Please check the document ID and try again.",
    "forbidden:document": "This document belongs to another user. Please check the document ID and try again.",
    "bad_request:document": (
        "The request to create or update the document was invalid. Please check your input and try again."
    ),
}
_INVALID_TOKEN = {"code": "unauthorized:auth", "message": "Invalid or expired access token"}
# Routes behind `chatClientAuth`, which checks the credential with the gateway (the others only need one present).
_CHAT_CLIENT_AUTH = ("/chat-client/", "/v2/chat")
_PLAIN_ERROR = ("/v2/", "/chat", "/parquet/", "/trace/")


def chat_sdk_message(code: str) -> str:
    """The message `getMessageByErrorCode` gives a ChatSDKError code."""
    if "database" in code:
        return "An error occurred while executing a database query."
    return _CHAT_SDK_MESSAGES.get(code, "Something went wrong. Please try again later.")


def agent_error_body(method: str, path: str, error: HttpError) -> dict[str, Any]:
    """The body the AI-agent service sends for `error` on `path` (a path under `/ai-agent`)."""
    route = path.removeprefix("/ai-agent")
    if getattr(error, "location", None) == "json" or error.message.startswith("API endpoint not found"):
        return {"success": False, "error": error.message, "timestamp": now_iso(), "path": path, "method": method}
    if error.status == 401:
        return _unauthorized(route, error)
    if route.startswith("/chat-client/"):
        code = error.code or f"{_TYPE_OF_STATUS.get(error.status, 'bad_request')}:api"
        cause = getattr(error, "cause", None)
        return {"code": code, "message": chat_sdk_message(code), **({} if cause is None else {"cause": cause})}
    if route.startswith(_PLAIN_ERROR):
        return {"error": error.message}
    if route.startswith("/admin/"):
        return {"success": False, "error": error.message}
    return {"success": False, "error": error.message, "timestamp": now_iso(), "path": path, "method": method}


def _unauthorized(route: str, error: HttpError) -> dict[str, Any]:
    if error.message.startswith("Missing") or not route.startswith(_CHAT_CLIENT_AUTH):
        return {"message": error.message}
    return dict(_INVALID_TOKEN)
