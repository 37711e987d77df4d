"""Chat-client request bodies as the AI-agent service accepts them, checked or mapped before anything is sent.

The platform's documentation shows bodies the service rejects (`docs/doc-errata.md`). Where the documented shape
maps to the service's without losing or inventing anything (a message's `content` as a text part, a vote's `vote` as
its `type`, a new document's id), the SDK sends the service's shape; otherwise it raises `ValueError` showing the
shape that works, so nothing is sent that the service would refuse or silently ignore.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

__all__ = [
    "ALL_VERSIONS",
    "chat_update_body",
    "client_chat_body",
    "credentials_body",
    "message_body",
    "parquet_stored_name",
    "title_body",
    "turn_messages",
    "vote_body",
]

# `delete_document` without a timestamp deletes the versions created after the Unix epoch: all of them.
ALL_VERSIONS = "1970-01-01T00:00:00.000Z"
_CHAT_UPDATE_KEYS = frozenset({"assistantId", "visibility"})


def credentials_body(body: Mapping[str, Any], method: str) -> dict[str, Any]:
    """`{email, password}`, the only credentials the chat-client auth routes read."""
    if not (isinstance(body.get("email"), str) and body["email"] and isinstance(body.get("password"), str)):
        raise ValueError(
            f"{method} takes {{'email': ..., 'password': ...}} (the service answers 400 'email and password are "
            f"required.' otherwise); got the keys {sorted(body)}"
        )
    if not body["password"]:
        raise ValueError(f"{method}: the password is empty")
    return dict(body)


def client_chat_body(chat: dict[str, Any]) -> dict[str, Any]:
    """The chat, its first message's `content` (which the service ignores) made a text part when it has no parts."""
    message = chat.get("message")
    if isinstance(message, Mapping) and "parts" not in message and isinstance(message.get("content"), str):
        text = {"type": "text", "text": message["content"]}
        chat["message"] = {key: value for key, value in message.items() if key != "content"} | {"parts": [text]}
    return chat


def turn_messages(messages: Any) -> Any:
    """The turn's messages, each `{role, content}` one given its text as a part too: the service reads `parts`."""
    if not isinstance(messages, list):
        return messages
    return [
        {**message, "parts": [{"type": "text", "text": message["content"]}]}
        if isinstance(message, Mapping) and "parts" not in message and isinstance(message.get("content"), str)
        else message
        for message in messages
    ]


def chat_update_body(body: Mapping[str, Any]) -> dict[str, Any]:
    """The update, when it changes only what the service can change (it ignores anything else, e.g. `title`)."""
    ignored = sorted(set(body) - _CHAT_UPDATE_KEYS)
    if ignored:
        raise ValueError(
            f"update_client_chat can change only 'assistantId' and 'visibility' ('public' or 'private'); the service "
            f"would silently ignore {ignored}"
        )
    return dict(body)


def title_body(body: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """The title request: the service titles the text parts of `message` and answers 400 without them."""
    if body is None or not isinstance(body.get("message"), Mapping):
        raise ValueError(
            "generate_client_chat_title needs the message to title: "
            "{'message': {'parts': [{'type': 'text', 'text': 'How do I make a parquet file?'}]}}"
        )
    return body


def message_body(body: Mapping[str, Any]) -> Mapping[str, Any]:
    """`{message: {id, chatId, role: "assistant", parts}}`; the documented `{chatId, content}` becomes one with a text
    part and a new UUID (an `id` given is kept, a `metadata` too)."""
    if "message" in body:
        return body
    role = body.get("role", "assistant")
    if not (isinstance(body.get("chatId"), str) and isinstance(body.get("content"), str)) or role != "assistant":
        raise ValueError(
            "persist_client_message stores an assistant message: {'message': {'id': <uuid>, 'chatId': <chat uuid>, "
            "'role': 'assistant', 'parts': [{'type': 'text', 'text': ...}]}} or {'chatId': <chat uuid>, 'content': "
            f"<text>}}; got the keys {sorted(body)}" + ("" if role == "assistant" else f" and role {role!r}")
        )
    message: dict[str, Any] = {
        "id": body.get("id") or str(uuid.uuid4()),
        "chatId": body["chatId"],
        "role": "assistant",
        "parts": [{"type": "text", "text": body["content"]}],
    }
    if body.get("metadata") is not None:
        message["metadata"] = body["metadata"]
    return {"message": message}


def vote_body(body: Mapping[str, Any]) -> Mapping[str, Any]:
    """`{chatId, messageId, type}`; the documented `vote` key is taken as `type` when the chat is given."""
    if "type" not in body and "vote" in body:
        body = {key: value for key, value in body.items() if key != "vote"} | {"type": body["vote"]}
    missing = [key for key in ("chatId", "messageId", "type") if key not in body]
    if missing:
        raise ValueError(
            "update_vote takes {'chatId': <chat uuid>, 'messageId': <message uuid>, 'type': 'up' | 'down'}; "
            f"{missing} missing"
        )
    return body


def parquet_stored_name(file_name: str) -> str:
    """The stored name `generate_parquet` answered (`20261202_users`), which is all `DELETE /parquet/{name}` finds."""
    if "/" in file_name or file_name.endswith(".parquet"):
        raise ValueError(
            f"delete_parquet_file takes the stored file name generate_parquet returned (its 'fileName', e.g. "
            f"'20261202_users') and the folder as folder_name=, not {file_name!r}"
        )
    return file_name
