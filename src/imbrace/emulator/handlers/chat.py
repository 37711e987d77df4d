"""Agent chat turns (`/v2/chat`, `/v2/sub-agent-chat`) and the chat status stream.

A turn needs the caller's organization (401 `Missing organization ID` otherwise), stores the user's message, marks
the chat `processing` and answers from the deterministic chat model. A streaming agent answers a Vercel AI SDK
UI-message stream, paced by the stream delay, then stores the reply and marks the chat `idle`; as on the platform, a
turn whose client disconnects still completes and is saved. Any other agent (new agents default to
`streaming: false`) answers `text/plain` with the whole reply, which, as on the service (`chat-processor.ts`), is
not saved: the chat stays `processing`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from starlette.responses import PlainTextResponse, Response

from .. import chatmodel
from ..agent_rejections import model_uuid
from ..errors import HttpError
from ..ids import new_uuid, now_iso
from ..responses import DONE, frame, paced, sse
from ..store import Doc
from .agents import find_agent
from .base import Ctx, operation
from .chat_client import CHATS, chat_messages, new_chat, parts_of, require_chat, save_message, title_of
from .documents import save_version
from .pacing import stream_delay

# The service's streams say `text/event-stream` with no charset (measured).
_EVENT_STREAM = {"content-type": "text/event-stream"}
_UI_STREAM_HEADERS = {**_EVENT_STREAM, "x-vercel-ai-ui-message-stream": "v1"}


def require_organization(ctx: Ctx) -> str:
    """The organization header `requireOrganizationId` insists on (`middleware/authorize.ts`)."""
    organization = ctx.request.headers.get("x-organization-id") or ctx.request.headers.get("x-org-id")
    if not organization:
        raise HttpError(401, "Missing organization ID")
    return organization


def _agent(ctx: Ctx, assistant_id: str | None) -> Doc:
    if not assistant_id:
        raise HttpError(400, "Missing required field assistant_id")
    agent = find_agent(ctx.store, assistant_id)
    if agent is None:
        raise HttpError(500, f"Assistant not found: {assistant_id}")
    return agent


def _begin(ctx: Ctx, chat_id: str, agent: Doc, messages: list[Any], chat_type: str, extra: dict[str, Any]) -> str:
    """Open (or create) the chat, store the new user message, mark the chat processing; the user's text."""
    last = messages[-1] if messages else {}
    text = chatmodel.text_of(last)
    chat = ctx.store.get(CHATS, chat_id)
    if chat is None:
        organization = require_organization(ctx)
        chat = new_chat(
            ctx, chat_id, title=title_of(text), assistant_id=agent["id"], chat_type=chat_type, organization=organization
        )
    else:
        chat = require_chat(ctx, chat_id, owner_only=True)
    ctx.store.put(CHATS, chat_id, {**chat, **extra, "status": "processing"})
    if isinstance(last, dict) and last.get("role") == "user":
        save_message(ctx, chat_id, "user", parts_of(last), last.get("id"))
    return text


def _finish(ctx: Ctx, chat_id: str, turn: chatmodel.Turn, message_id: str) -> None:
    save_message(ctx, chat_id, "assistant", chatmodel.message_parts(turn), message_id)
    chat = ctx.store.get(CHATS, chat_id)
    if chat is not None:
        context = _last_context(turn)
        if chat.get("type") == "sub-agent":
            context["subAgentSummary"] = _sub_agent_summary(ctx, chat, turn)
        ctx.store.put(CHATS, chat_id, {**chat, "status": "idle", "lastContext": context})
    ctx.state.turns.turn_ended(chat_id)


def _last_context(turn: chatmodel.Turn) -> Doc:
    """The usage the service keeps of a chat's last streamed turn (its token counts are strings there)."""
    tokens = str(len(turn.reply.split()))
    return {
        "lastTotalTokens": None,
        "lastOutputTokens": tokens,
        "lastPromptTokens": tokens,
        "lastUsageTimestamp": now_iso(),
    }


def _sub_agent_summary(ctx: Ctx, chat: Doc, turn: chatmodel.Turn) -> Doc:
    """The summary the service writes after a sub-agent chat's turn (`chatService.ts` handleStreamFinish)."""
    return {
        "status": "completed",
        "remaining": [],
        "confidence": 0.3,
        "tools_used": [turn.tool.name] if turn.tool else [],
        "accomplished": ["Sub-agent produced responses"],
        "generated_at": now_iso(),
        "key_findings": [turn.reply],
        "message_count": len(chat_messages(ctx, chat["id"])),
        "recommendations": ["Review sub-agent results for accuracy"],
        "task_description": chat["title"],
    }


def _turn(
    ctx: Ctx, agent: Doc, chat_id: str, messages: list[Any], chat_type: str, extra: dict[str, Any] | None = None
) -> Response:
    text = _begin(ctx, chat_id, agent, messages, chat_type, extra or {})
    document_id = new_uuid()
    turn = chatmodel.plan_turn(
        text, thinking=bool(agent.get("show_thinking_process")), chat_id=chat_id, document_id=document_id
    )
    if turn.tool is not None and turn.tool.name == "createDocument":
        output = turn.tool.output
        save_version(ctx, document_id, title=output["title"], content=output["content"], kind=output["kind"])
    message_id = new_uuid()
    if not agent.get("streaming"):
        reply = turn.reply
        if ctx.json.get("from-connector"):
            reply = f"session_id: {chat_id}\n\n<chat_result>\n{reply}\n</chat_result>"
        return PlainTextResponse(reply)
    return sse(_stream(ctx, chat_id, turn, message_id, stream_delay(ctx, agent)), _UI_STREAM_HEADERS)


async def _stream(ctx: Ctx, chat_id: str, turn: chatmodel.Turn, message_id: str, delay: float) -> AsyncIterator[bytes]:
    frames = [*(frame(chunk) for chunk in chatmodel.ui_chunks(turn, message_id)), DONE]
    try:
        async for chunk in paced(frames, delay):
            yield chunk
    finally:
        _finish(ctx, chat_id, turn, message_id)


@operation("stream_chat")
def stream_chat(ctx: Ctx) -> Response:
    body = ctx.json
    require_organization(ctx)
    agent = _agent(ctx, body["assistant_id"])
    return _turn(ctx, agent, body["id"], body["messages"], "chat")


@operation("stream_sub_agent_chat")
def stream_sub_agent_chat(ctx: Ctx) -> Response:
    body = ctx.json
    agent = _agent(ctx, body.get("assistant_id"))
    chat_id = body.get("chat_id") or body.get("session_id") or new_uuid()
    extra = {"sessionId": body["session_id"]} if "session_id" in body else {}
    return _turn(ctx, agent, chat_id, body.get("messages") or [], "sub-agent", extra)


@operation("get_sub_agent_history")
def get_sub_agent_history(ctx: Ctx) -> Doc:
    chat_id, session_id = ctx.query("chat_id"), ctx.query("session_id")
    if chat_id is None and session_id is None:
        raise HttpError(400, "session_id or chat_id is required")
    chat = ctx.store.get(CHATS, chat_id) if chat_id else None
    if chat is None and session_id is not None:
        chat = next(iter(ctx.store.all(CHATS, lambda d: d.get("sessionId") == session_id)), None)
    if chat is None:
        raise HttpError(404, f"No sub-agent chat for session {session_id or chat_id}")
    messages = chat_messages(ctx, chat["id"])
    data = {"chat_id": chat["id"], "session_id": chat.get("sessionId"), "messages": messages}
    return {"success": True, "data": data, "messages": messages}


@operation("stream_client_chat_status")
def stream_client_chat_status(ctx: Ctx) -> Response:
    chat = require_chat(ctx, model_uuid(ctx.path["chat_id"]))
    return sse(_status_events(ctx, chat["id"]), _EVENT_STREAM)


async def _status_events(ctx: Ctx, chat_id: str) -> AsyncIterator[bytes]:
    """As the service does: an idle chat gets one `idle`; a running turn gets `processing`, then `idle` when it ends
    (`idle` with `stale: true` if it has not ended within the status timeout)."""

    def running() -> bool:
        chat = ctx.store.get(CHATS, chat_id)
        return chat is not None and chat.get("status") == "processing"

    if running():
        yield frame({"status": "processing"})
        if not await ctx.state.turns.wait(chat_id, ctx.state.settings.status_timeout, running):
            yield frame({"status": "idle", "stale": True})
            return
    yield frame({"status": "idle"})
