"""The AI-agent service's other routes: service info, the legacy v1 chat routes (over the chat-client store),
prompt suggestions, field-type suggestions and the admin guides."""

from __future__ import annotations

import re
import time
from typing import Any
from urllib.parse import urlparse

from starlette.responses import Response

from ..chatmodel import text_of
from ..errors import HttpError
from ..ids import now_iso
from ..store import Doc
from .agents import find_agent
from .base import Ctx, operation
from .chat import require_organization
from .chat_client import CHATS, chat_messages, require_chat

_STARTED = time.monotonic()
_VERSION = "1.0.0"
# The five guides bundled with the service (`server/src/assets/guides/`), and the file names it serves.
_GUIDES = {
    f"ai-agent-guide-{topic}.pdf": title
    for topic, title in (
        ("automate-data-board", "Automate a data board"),
        ("code-step", "Code step"),
        ("document-ai", "Document AI"),
        ("send-email", "Send an email"),
        ("webhook-return-response", "Webhook return response"),
    )
}
_GUIDE_NAME = re.compile(r"^[a-zA-Z0-9._-]+\.pdf$")
_GUIDES_NOTE = (
    "Download these PDFs and upload them to the target knowledge-hub folder. Set assistant.folder_ids to that folder "
    "so folderContentsTool + RAGknowledge can retrieve them."
)
_BUILTIN_AGENTS = frozenset({"builtin-databoard-agent"})
_SUGGESTIONS = ["What can you do?", "Summarise my data", "Create a board", "Help me start"]


def _envelope(data: Any) -> Doc:
    return {"success": True, "data": data, "timestamp": now_iso()}


@operation("get_config")
def get_config(ctx: Ctx) -> Doc:
    return _envelope({"aichat": {"url": ""}, "webapp": {"url": ctx.origin, "appgateway": "api/v1"}})


@operation("get_health")
def get_health(ctx: Ctx) -> Doc:
    status = {"status": "ok", "uptime": round(time.monotonic() - _STARTED, 3), "timestamp": now_iso()}
    return _envelope({**status, "version": _VERSION, "environment": "emulator"})


@operation("get_version")
def get_version(ctx: Ctx) -> Doc:
    info = {"version": _VERSION, "name": "imbrace-emulator", "environment": "emulator", "nodeVersion": "v20.0.0"}
    return _envelope({**info, "timestamp": now_iso()})


def _legacy(chat: Doc) -> Doc:
    return {
        "id": chat["id"],
        "title": chat["title"],
        "organization_id": chat.get("organizationId") or "",
        "user_id": chat["userId"],
        "assistant_id": chat.get("assistantId") or "",
        "created_at": chat["createdAt"],
        "updated_at": chat["createdAt"],
    }


@operation("list_chats")
def list_chats(ctx: Ctx) -> Doc:
    require_organization(ctx)
    organization, user = ctx.query("organization_id"), ctx.query("user_id")
    chats = ctx.store.all(
        CHATS, lambda d: d.get("organizationId") == organization and (user is None or d["userId"] == user)
    )
    chats = chats[: ctx.query_int("limit", 50)]
    return {"chats": [_legacy(chat) for chat in chats], "count": len(chats)}


@operation("get_chat")
def get_chat(ctx: Ctx) -> Doc:
    require_organization(ctx)
    chat = require_chat(ctx, ctx.path["chat_id"])
    detail: Doc = {"chat": _legacy(chat)}
    if ctx.query_flag("include_messages"):
        detail["messages"] = [
            {"id": m["id"], "role": m["role"], "content": text_of(m), "created_at": m["createdAt"]}
            for m in chat_messages(ctx, chat["id"])
        ]
    return detail


@operation("delete_chat")
def delete_chat(ctx: Ctx) -> Doc:
    require_organization(ctx)
    chat = require_chat(ctx, ctx.path["chat_id"])
    if chat.get("organizationId") != ctx.query("organization_id"):
        raise HttpError(403, "This chat belongs to another organization")
    for message in chat_messages(ctx, chat["id"]):
        ctx.store.delete("messages", message["id"])
    ctx.store.delete(CHATS, chat["id"])
    return {"message": "Chat deleted successfully", "chat": _legacy(chat)}


@operation("get_agent_prompt_suggestion")
def get_agent_prompt_suggestion(ctx: Ctx) -> Doc:
    """The service's four fallback prompts, for a built-in agent or one of the organization's (404 otherwise)."""
    assistant_id = ctx.query("assistant_id") or ""
    if assistant_id not in _BUILTIN_AGENTS and find_agent(ctx.store, assistant_id) is None:
        raise HttpError(404, "Assistant not found")
    return {"success": True, "data": _SUGGESTIONS}


@operation("suggest_field_types")
def suggest_field_types(ctx: Ctx) -> Doc:
    names = [urlparse(url).path.rsplit("/", 1)[-1] or url for url in ctx.json["file_urls"]]
    guesses = [("document_name", "text", names[0]), ("document_date", "datetime", now_iso()), ("total", "number", 0)]
    data = [
        {"field_name": name, "type": kind, "description": f"The {name.replace('_', ' ')}", "sample_data": sample}
        | {"sub_fields": []}
        for name, kind, sample in guesses
    ]
    fields = [{"name": name, "suggestedType": kind} for name, kind, _ in guesses]
    return {"success": True, "data": data, "fields": fields, "timestamp": now_iso()}


def _pdf(title: str) -> bytes:
    """A minimal one-page PDF whose document title is `title`."""
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
        b"4 0 obj<</Title(" + title.encode() + b")>>endobj\n"
        b"trailer<</Root 1 0 R/Info 4 0 R>>\n%%EOF\n"
    )


@operation("list_admin_guides")
def list_admin_guides(ctx: Ctx) -> Doc:
    guides = [
        {"filename": name, "size_bytes": len(_pdf(title)), "download_url": f"/api/admin/guides/{name}"}
        for name, title in _GUIDES.items()
    ]
    return {"success": True, "data": guides, "note": _GUIDES_NOTE}


@operation("get_admin_guide")
def get_admin_guide(ctx: Ctx) -> Response:
    name = ctx.path["filename"]
    if not _GUIDE_NAME.match(name):
        raise HttpError(400, "Invalid filename")
    if name not in _GUIDES:
        raise HttpError(404, "Guide not found")
    headers = {"content-disposition": f'attachment; filename="{name}"'}
    return Response(_pdf(_GUIDES[name]), media_type="application/pdf", headers=headers)
