"""OpenAI-compatible completions (JSON, or `chat.completion.chunk` SSE with `stream: true`) and embeddings."""

from __future__ import annotations

from starlette.responses import Response

from .. import chatmodel
from ..responses import DONE, frame, paced, sse
from ..store import Doc
from .base import Ctx, operation
from .pacing import stream_delay


@operation("complete")
def complete(ctx: Ctx) -> Doc | Response:
    body = ctx.json
    if not body.get("stream"):
        return chatmodel.completion(body["model"], body["messages"])
    chunks = chatmodel.completion_chunks(body["model"], body["messages"])
    return sse(paced([*(frame(chunk) for chunk in chunks), DONE], stream_delay(ctx)))


@operation("embed")
def embed(ctx: Ctx) -> Doc:
    body = ctx.json
    texts = body["input"] if isinstance(body["input"], list) else [body["input"]]
    data = [
        {"object": "embedding", "index": i, "embedding": chatmodel.embedding_vector(text)}
        for i, text in enumerate(texts)
    ]
    tokens = sum(len(text.split()) for text in texts)
    return {
        "object": "list",
        "model": body["model"],
        "data": data,
        "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
    }
