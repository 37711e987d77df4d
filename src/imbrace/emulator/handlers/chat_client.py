"""The chat-client store: users, chats, messages and votes (errors in the ChatSDKError `{code, message}` shape).

A chat belongs to the caller's credential (all tokens of one login share a user); others may read it only when it
is public. Chats created by `POST /v2/chat` live here too, so their history is listed like any other.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

from ..chatmodel import text_of
from ..errors import HttpError
from ..ids import new_uuid, now_iso
from ..store import Doc
from .base import Ctx, operation

__all__ = ["CHATS", "MESSAGES", "chat_messages", "new_chat", "require_chat", "save_message"]

CHATS = "chats"
MESSAGES = "messages"
VOTES = "votes"
USERS = "chat_client_users"
_TITLE_LENGTH = 80


def require_chat(ctx: Ctx, chat_id: str, *, owner_only: bool = False) -> Doc:
    chat = ctx.store.get(CHATS, chat_id)
    if chat is None:
        raise HttpError(404, f"Chat not found: {chat_id}", code="not_found:chat")
    if chat["userId"] != ctx.user_id and (owner_only or chat.get("visibility") != "public"):
        raise HttpError(403, "This chat belongs to another user", code="forbidden:chat")
    return chat


def title_of(text: str) -> str:
    return text.strip()[:_TITLE_LENGTH] or "New chat"


def new_chat(ctx: Ctx, chat_id: str, *, title: str, assistant_id: str | None, chat_type: str = "chat") -> Doc:
    doc = {
        "id": chat_id,
        "createdAt": now_iso(),
        "title": title,
        "userId": ctx.user_id,
        "organizationId": ctx.organization_id,
        "assistantId": assistant_id,
        "visibility": "private",
        "type": chat_type,
        "status": "idle",
        "lastContext": None,
    }
    return ctx.store.put(CHATS, chat_id, doc)


def save_message(ctx: Ctx, chat_id: str, role: str, parts: list[Any], message_id: str | None = None) -> Doc:
    key = message_id or new_uuid()
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
    if "email" not in body:
        return {"id": ctx.user_id, "email": f"{ctx.user_id}@emulator.local"}
    user = ctx.store.get(USERS, body["email"])
    if user is None or user["password"] != body.get("password"):
        return JSONResponse({"error": "invalid_credentials"}, status_code=401)
    return {"id": user["id"], "email": user["email"]}


@operation("register_chat_client")
def register(ctx: Ctx) -> JSONResponse:
    body = ctx.json
    login = body.get("email") or body.get("name")
    secret = body.get("password") or body.get("secret")
    if not login or not secret:
        raise HttpError(400, "email and password (or name and secret) are required")
    if ctx.store.get(USERS, login) is not None:
        return JSONResponse({"error": "user_exists"}, status_code=409)
    user = ctx.store.put(USERS, login, {"id": new_uuid(), "email": login, "password": secret})
    return JSONResponse({"ok": True, "id": user["id"]}, status_code=201)


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
            ctx, chat_id, title=title, assistant_id=body.get("assistantId"), chat_type=body.get("type", "chat")
        )
        chat = ctx.store.put(CHATS, chat_id, {**chat, "visibility": body["selectedVisibilityType"]})
    else:
        chat = require_chat(ctx, chat_id, owner_only=True)
        ctx.store.put(CHATS, chat_id, {**chat, "assistantId": body.get("assistantId", chat["assistantId"])})
    save_message(ctx, chat_id, "user", parts_of(message), message.get("id"))
    return JSONResponse(
        {"ok": True, "id": chat_id, "created": existing is None}, status_code=201 if existing is None else 200
    )


@operation("list_client_chats")
def list_chats(ctx: Ctx) -> Doc:
    organization, before, after = ctx.query("organization_id"), ctx.query("ending_before"), ctx.query("starting_after")
    if before and after:
        raise HttpError(400, "Only one of starting_after or ending_before can be given", code="bad_request:api")
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
            raise HttpError(404, f"Chat with id {cursor} not found", code="not_found:database")
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
    return require_chat(ctx, ctx.path["chat_id"])


@operation("update_client_chat")
def update_chat(ctx: Ctx) -> Doc:
    chat = require_chat(ctx, ctx.path["chat_id"], owner_only=True)
    changes: dict[str, Any] = {key: ctx.json[key] for key in ("visibility", "assistantId") if key in ctx.json}
    ctx.store.put(CHATS, chat["id"], {**chat, **changes})
    return {"ok": True}


@operation("delete_client_chat")
def delete_chat(ctx: Ctx) -> Doc | None:
    chat = require_chat(ctx, ctx.path["chat_id"], owner_only=True)
    return _delete_chat(ctx, chat["id"])


@operation("generate_client_chat_title")
def generate_title(ctx: Ctx) -> Doc:
    message = ctx.json.get("message")
    if isinstance(message, dict):
        return {"title": title_of(text_of(message))}
    chat = ctx.store.get(CHATS, ctx.path["chat_id"])
    first = next((m for m in chat_messages(ctx, chat["id"]) if m["role"] == "user"), None) if chat else None
    return {"title": title_of(text_of(first) if first else "")}


@operation("persist_client_message")
def persist_message(ctx: Ctx) -> Doc:
    body = ctx.json
    message = body.get("message")
    if isinstance(message, dict):
        chat_id, parts, message_id = message.get("chatId") or body.get("chatId"), parts_of(message), message.get("id")
    else:
        chat_id, parts, message_id = body.get("chatId"), [{"type": "text", "text": body.get("content", "")}], None
    if not chat_id:
        raise HttpError(400, "chatId is required", code="bad_request:api")
    require_chat(ctx, chat_id, owner_only=True)
    return {"ok": True, "id": save_message(ctx, chat_id, "assistant", parts, message_id)["id"]}


@operation("list_client_messages")
def list_messages(ctx: Ctx) -> list[Doc]:
    return chat_messages(ctx, require_chat(ctx, ctx.path["chat_id"])["id"])


@operation("delete_trailing_messages")
def delete_trailing(ctx: Ctx) -> Doc:
    message = ctx.store.get(MESSAGES, ctx.path["message_id"])
    if message is None:
        raise HttpError(404, f"Message not found: {ctx.path['message_id']}", code="not_found:database")
    messages = chat_messages(ctx, require_chat(ctx, message["chatId"], owner_only=True)["id"])
    for doomed in messages[messages.index(message) :]:
        ctx.store.delete(MESSAGES, doomed["id"])
        ctx.store.delete(VOTES, f"{doomed['chatId']}:{doomed['id']}")
    return {"ok": True}


@operation("get_votes")
def get_votes(ctx: Ctx) -> list[Doc]:
    chat = require_chat(ctx, ctx.path["chat_id"], owner_only=True)
    return ctx.store.all(VOTES, lambda d: d["chatId"] == chat["id"])


@operation("update_vote")
def update_vote(ctx: Ctx) -> Doc:
    body = ctx.json
    message = ctx.store.get(MESSAGES, body["messageId"])
    if message is None:
        raise HttpError(404, f"Message not found: {body['messageId']}", code="not_found:vote")
    chat = require_chat(ctx, body.get("chatId") or message["chatId"], owner_only=True)
    kind = body.get("type") or body.get("vote")
    if kind is None:
        raise HttpError(400, "Parameters chatId, messageId, and type are required.", code="bad_request:api")
    vote = {"chatId": chat["id"], "messageId": message["id"], "isUpvoted": kind == "up"}
    ctx.store.put(VOTES, f"{chat['id']}:{message['id']}", vote)
    return {"ok": True}
