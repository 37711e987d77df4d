"""How the AI-agent service answers requests it rejects, and the chat-client ChatSDKError.

The emulator checks each request against `openapi/ai-agent.yaml` first; `reject` turns a failed check into what the
service's own validators send for that route (imbraceltd/ai-agent, server/src): zod errors of
`routes/chatClient.ts` become 400 `bad_request:api` with the issue messages in `cause`; the legacy controllers
(`controllers/chatClientController.ts`) answer fixed causes; `/v2/chat` (`controllers/chatController.ts`) and the
parquet and prompt-suggestion controllers answer `{error}`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from .agent_errors import CHAT_SDK_STATUS, chat_sdk_message
from .errors import HttpError
from .specs import Operation
from .validation import InvalidRequest

__all__ = ["ChatSdkError", "database_uuid", "is_uuid", "model_uuid", "reject"]

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)
_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}


class ChatSdkError(HttpError):
    """A chat-client error as `ChatSDKError.toExpressResponse` sends it: the code's status and message, a cause."""

    def __init__(self, code: str, cause: str | None = None) -> None:
        super().__init__(CHAT_SDK_STATUS[code.split(":", 1)[0]], chat_sdk_message(code), code=code)
        self.cause = cause


def is_uuid(value: str) -> bool:
    return _UUID.match(value) is not None


def model_uuid(value: str) -> str:
    """A path id the Chat/Message models parse with zod's `uuid()` (`models/client/*.ts`): 400 `Invalid uuid`."""
    if not is_uuid(value):
        raise ChatSdkError("bad_request:api", "Invalid uuid")
    return value


def database_uuid(value: str) -> str:
    """A path id the legacy controllers hand to Postgres as is: a non-UUID fails there (400 `bad_request:database`)."""
    if not is_uuid(value):
        raise ChatSdkError("bad_request:database", f'invalid input syntax for type uuid: "{value}"')
    return value


def reject(op: Operation, error: InvalidRequest) -> HttpError:
    """What the service answers to the request `error` describes (unchanged outside the AI-agent service)."""
    if op.service != "ai_agent" or error.location == "json":
        return error
    special = _SPECIAL.get(op.operation_id)
    if special is not None:
        return special(error)
    if op.spec_path.startswith("/chat-client/"):
        return ChatSdkError("bad_request:api", zod_cause(error.issues) or None)
    return error


def zod_cause(issues: tuple[Any, ...]) -> str:
    """The schema errors as zod words them, joined with `; ` as `handleError` does."""
    return "; ".join(_zod_message(issue) for issue in issues)


def _zod_message(issue: Any) -> str:
    kind, expected, value = issue.validator, issue.validator_value, issue.instance
    if kind == "format":
        return "Invalid uuid" if expected == "uuid" else f"Invalid {expected}"
    if kind == "required":
        return "Required"
    if kind == "enum":
        options = " | ".join(f"'{option}'" for option in expected)
        return f"Invalid enum value. Expected {options}, received '{value}'"
    if kind == "const":
        return f"Invalid literal value, expected {json.dumps(expected)}"
    if kind == "type":
        return f"Expected {expected}, received {_JSON_TYPES.get(type(value), 'null')}"
    if kind in ("minLength", "maxLength"):
        bound = "at least" if kind == "minLength" else "at most"
        return f"String must contain {bound} {expected} character(s)"
    if kind in ("anyOf", "oneOf"):
        return "Invalid input"
    return str(issue.message)


def _fixed(code: str, cause: str | None = None) -> Callable[[InvalidRequest], HttpError]:
    return lambda _: ChatSdkError(code, cause)


def _missing(issues: tuple[Any, ...], field: str) -> bool:
    """Whether the body itself (not a nested object) lacks `field`."""
    return any(
        issue.validator == "required" and not issue.absolute_path and field not in issue.instance for issue in issues
    )


def _document(error: InvalidRequest) -> HttpError:
    if error.location == "query":
        return ChatSdkError("bad_request:api", "Parameter id is required.")
    return ChatSdkError("bad_request:document")


def _chat_turn(error: InvalidRequest) -> HttpError:
    """`handleChatV2` checks `id` and `assistant_id` itself; the chat model's zod check of the id throws (500)."""
    if error.location != "body":
        return HttpError(400, error.message)
    if _missing(error.issues, "id"):
        return HttpError(400, "Chat ID is required in request body")
    if _missing(error.issues, "assistant_id"):
        return HttpError(400, "Missing required field assistant_id")
    dump = [
        {"validation": "uuid", "code": "invalid_string", "message": "Invalid uuid", "path": list(issue.absolute_path)}
        for issue in error.issues
        if issue.validator == "format"
    ]
    return HttpError(500, json.dumps(dump, indent=2) if dump else error.message)


def _parquet(error: InvalidRequest) -> HttpError:
    if any(issue.validator == "minItems" for issue in error.issues):
        return HttpError(400, "Input array cannot be empty")
    return HttpError(400, "Input 'data' must be a JSON array")


_CREDENTIALS = _fixed("bad_request:api", "email and password are required.")
_SPECIAL: dict[str, Callable[[InvalidRequest], HttpError]] = {
    "verify_chat_client_credentials": _CREDENTIALS,
    "register_chat_client": _CREDENTIALS,
    "update_vote": _fixed("bad_request:api", "Parameters chatId, messageId, and type are required."),
    "delete_document": _fixed("bad_request:api", "Parameter timestamp is required."),
    "get_document_latest_by_kind": _fixed("bad_request:api", "Parameter kind is required."),
    "update_client_chat": _fixed("bad_request:api"),
    "generate_client_chat_title": _fixed("bad_request:api"),
    "create_document": _document,
    "stream_chat": _chat_turn,
    "generate_parquet": _parquet,
    "get_agent_prompt_suggestion": lambda _: HttpError(400, "assistant_id is required"),
}
