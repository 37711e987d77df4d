"""The chat-client store: users, chats, messages and votes (errors in the ChatSDKError `{code, message, cause?}` shape).

A chat belongs to the caller's credential (all tokens of one login share a user); others may read it only when it
is public. Chats created by `POST /v2/chat` live here too, so their history is listed like any other. Statuses,
codes and id checks follow `routes/chatClient.ts` and `controllers/chatClientController.ts` of imbraceltd/ai-agent.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

from ..agent_rejections import ChatSdkError, database_uuid, is_uuid, model_uuid
from ..chatmodel import text_of
from ..ids import new_uuid, now_iso
from ..store import Doc
from .base import Ctx, operation

__all__ = ["CHATS", "MESSAGES", "chat_messages", "new_chat", "require_chat", "save_message"]

CHATS = "chats"
MESSAGES = "messages"
VOTES = "votes"
USERS = "chat_client_users"
_TITLE_LENGTH = 80


def require_chat(ctx: Ctx, chat_id: str, *, owner_only: bool = False, surface: str = "chat") -> Doc:
    chat = ctx.store.get(CHATS, chat_id)
    if chat is None:
        raise ChatSdkError(f"not_found:{surface}")
    if chat["userId"] != ctx.user_id and (owner_only or chat.get("visibility") != "public"):
        raise ChatSdkError(f"forbidden:{surface}")
    return chat


def title_of(text: str) -> str:
    """The title the service makes without an LLM: the text on one line, cut to 80 characters with an ellipsis."""
    compact = " ".join(text.split())
    if len(compact) <= _TITLE_LENGTH:
        return compact or "New chat"
    return compact[: _TITLE_LENGTH - 1].rstrip() + "\u2026"


def new_chat(
    ctx: Ctx, chat_id: str, *, title: str, assistant_id: str | None, chat_type: str = "chat", organization: str | None
) -> Doc:
    doc = {
        "id": chat_id,
        "createdAt": now_iso(),
        "title": title,
        "userId": ctx.user_id,
        "organizationId": organization,
        "assistantId": assistant_id,
        "visibility": "private",
        "type": chat_type,
        "status": "idle",
        "lastContext": None,
    }
    return ctx.store.put(CHATS, chat_id, doc)


def save_message(ctx: Ctx, chat_id: str, role: str, parts: list[Any], message_id: str | None = None) -> Doc:
    """Stores a message; a non-UUID id is replaced and kept in a leading `source` part, as `Message.create` does."""
    key = message_id or new_uuid()
    if not is_uuid(key):
        parts = [{"type": "source", "source": {"upstreamMessageId": key}}, *parts]
        key = new_uuid()
    doc = {
        "id": key,
        "chatId": chat_id,
        "role": role,
        "parts": parts,
        "attachments": [],
        "metadata": None,
        "createdAt": now_iso(),
    }
    return ctx.store.put(MESSAGES, key, doc)


def chat_messages(ctx: Ctx, chat_id: str) -> list[Doc]:
    return ctx.store.all(MESSAGES, lambda d: d["chatId"] == chat_id)


def parts_of(message: dict[str, Any]) -> list[Any]:
    """The message's parts; a `{role, content}` message becomes one text part."""
    parts = message.get("parts")
    return parts if isinstance(parts, list) else [{"type": "text", "text": text_of(message)}]


def _delete_chat(ctx: Ctx, chat_id: str) -> Doc | None:
    for message in chat_messages(ctx, chat_id):
        ctx.store.delete(MESSAGES, message["id"])
    for vote in ctx.store.all(VOTES, lambda d: d["chatId"] == chat_id):
        ctx.store.delete(VOTES, f"{vote['chatId']}:{vote['messageId']}")
    return ctx.store.delete(CHATS, chat_id)


@operation("verify_chat_client_credentials")
def verify_credentials(ctx: Ctx) -> Doc | JSONResponse:
    body = ctx.json
    user = ctx.store.get(USERS, body["email"])
    if user is None or user["password"] != body["password"]:
        return JSONResponse({"error": "invalid_credentials"}, status_code=401)
    return {"id": user["id"], "email": user["email"]}


@operation("register_chat_client")
def register(ctx: Ctx) -> JSONResponse:
    body = ctx.json
    if ctx.store.get(USERS, body["email"]) is not None:
        return JSONResponse({"error": "user_exists"}, status_code=409)
    ctx.store.put(USERS, body["email"], {"id": new_uuid(), "email": body["email"], "password": body["password"]})
    return JSONResponse({"ok": True}, status_code=201)


@operation("get_chat_client_user")
def get_user(ctx: Ctx) -> Doc:
    return {"id": ctx.user_id, "email": f"{ctx.user_id}@emulator.local"}


@operation("create_client_chat")
def create_chat(ctx: Ctx) -> JSONResponse:
    body = ctx.json
    chat_id, message = body["id"], body["message"]
    existing = ctx.store.get(CHATS, chat_id)
    if existing is None:
        title = title_of(text_of(message))
        chat = new_chat(
            ctx,
            chat_id,
            title=title,
            assistant_id=body.get("assistantId"),
            chat_type=body.get("type", "chat"),
            organization=body.get("organizationId"),
        )
        chat = ctx.store.put(CHATS, chat_id, {**chat, "visibility": body["selectedVisibilityType"]})
    else:
        chat = require_chat(ctx, chat_id, owner_only=True)
        ctx.store.put(CHATS, chat_id, {**chat, "assistantId": body.get("assistantId") or chat["assistantId"]})
    save_message(ctx, chat_id, "user", message["parts"], message.get("id"))
    return JSONResponse(
        {"ok": True, "id": chat_id, "created": existing is None}, status_code=201 if existing is None else 200
    )


@operation("list_client_chats")
def list_chats(ctx: Ctx) -> Doc:
    organization, before, after = ctx.query("organization_id"), ctx.query("ending_before"), ctx.query("starting_after")
    if before and after:
        raise ChatSdkError("bad_request:api", "Only one of starting_after or ending_before can be provided.")
    chats = ctx.store.all(
        CHATS,
        lambda d: (
            d["userId"] == ctx.user_id
            and d.get("type") == "chat"
            and (organization is None or d.get("organizationId") == organization)
        ),
    )
    chats.reverse()
    cursor = after or before
    if cursor is not None:
        ids = [chat["id"] for chat in chats]
        if cursor not in ids:
            raise ChatSdkError("not_found:database", f"Chat with id {model_uuid(cursor)} not found")
        position = ids.index(cursor)
        chats = chats[:position] if after else chats[position + 1 :]
    limit = ctx.query_int("limit", 10)
    return {"chats": chats[:limit], "hasMore": len(chats) > limit}


@operation("delete_all_client_chats")
def delete_all_chats(ctx: Ctx) -> Doc:
    organization = ctx.query("organization_id")
    mine = ctx.store.all(
        CHATS,
        lambda d: d["userId"] == ctx.user_id and (organization is None or d.get("organizationId") == organization),
    )
    return {"deletedCount": sum(_delete_chat(ctx, chat["id"]) is not None for chat in mine)}


@operation("get_client_chat")
def get_chat(ctx: Ctx) -> Doc:
    return require_chat(ctx, model_uuid(ctx.path["chat_id"]))


@operation("update_client_chat")
def update_chat(ctx: Ctx) -> Doc:
    chat = ctx.store.get(CHATS, model_uuid(ctx.path["chat_id"]))
    if chat is None:
        raise ChatSdkError("not_found:database", "Chat not found")
    chat = require_chat(ctx, chat["id"], owner_only=True)
    changes: dict[str, Any] = {key: ctx.json[key] for key in ("visibility", "assistantId") if key in ctx.json}
    ctx.store.put(CHATS, chat["id"], {**chat, **changes})
    return {"ok": True}


@operation("delete_client_chat")
def delete_chat(ctx: Ctx) -> Doc | None:
    chat = require_chat(ctx, model_uuid(ctx.path["chat_id"]), owner_only=True)
    return _delete_chat(ctx, chat["id"])


@operation("generate_client_chat_title")
def generate_title(ctx: Ctx) -> Doc:
    """Titles the body's message; like the service, neither reads nor updates the chat."""
    return {"title": title_of(text_of(ctx.json["message"]))}


@operation("persist_client_message")
def persist_message(ctx: Ctx) -> Doc:
    message = ctx.json["message"]
    require_chat(ctx, message["chatId"], owner_only=True)
    saved = save_message(ctx, message["chatId"], "assistant", message["parts"], message["id"])
    if message.get("metadata") is not None:
        saved = ctx.store.put(MESSAGES, saved["id"], {**saved, "metadata": message["metadata"]})
    return {"ok": True, "id": saved["id"]}


@operation("list_client_messages")
def list_messages(ctx: Ctx) -> list[Doc]:
    return chat_messages(ctx, require_chat(ctx, model_uuid(ctx.path["chat_id"]))["id"])


@operation("delete_trailing_messages")
def delete_trailing(ctx: Ctx) -> Doc:
    message = ctx.store.get(MESSAGES, model_uuid(ctx.path["message_id"]))
    if message is None:
        raise ChatSdkError("not_found:chat")
    messages = chat_messages(ctx, require_chat(ctx, message["chatId"], owner_only=True)["id"])
    for doomed in messages[messages.index(message) :]:
        ctx.store.delete(MESSAGES, doomed["id"])
        ctx.store.delete(VOTES, f"{doomed['chatId']}:{doomed['id']}")
    return {"ok": True}


@operation("get_votes")
def get_votes(ctx: Ctx) -> list[Doc]:
    chat = ctx.store.get(CHATS, database_uuid(ctx.path["chat_id"]))
    if chat is None:
        raise ChatSdkError("not_found:chat")
    chat = require_chat(ctx, chat["id"], owner_only=True, surface="vote")
    return ctx.store.all(VOTES, lambda d: d["chatId"] == chat["id"])


@operation("update_vote")
def update_vote(ctx: Ctx) -> Doc:
    """Upserts the vote; a message the chat lacks breaks the table's foreign key (400 `bad_request:database`)."""
    body = ctx.json
    chat = require_chat(ctx, body["chatId"], owner_only=True, surface="vote")
    message = ctx.store.get(MESSAGES, body["messageId"])
    if message is None or message["chatId"] != chat["id"]:
        cause = 'insert or update on table "Vote_v2" violates foreign key constraint'
        raise ChatSdkError("bad_request:database", cause)
    vote = {"chatId": chat["id"], "messageId": message["id"], "isUpvoted": body["type"] == "up"}
    ctx.store.put(VOTES, f"{chat['id']}:{message['id']}", vote)
    return {"ok": True}
