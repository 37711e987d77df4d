# Generated from src/imbrace/_async/resources/ai/completions.py by codegen/unasync.py: edit that file.
"""OpenAI-compatible completions (whole or streamed) and embeddings."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from typing_extensions import Unpack

from ...._completions import (
    CompletionCall,
    completion_body,
    embedding_body,
    parse_completion,
    parse_embedding,
    split_call,
)
from ...._generated.gateway.api.ai import (
    complete,
    embed,
)
from ...._types import RequestOptions
from .._resource import Resource

if TYPE_CHECKING:
    from ....types.ai import (
        ChatCompletionChunk,
        Completion,
        CompletionInput,
        Embedding,
        EmbeddingInput,
    )

__all__ = ["Completions"]


class Completions(Resource):
    """The OpenAI-compatible AI service: completions, embeddings, models, providers, guardrails, RAG files, agents."""

    _service = "ai"

    # --- completions

    def complete(
        self, input: CompletionInput | Mapping[str, Any] | None = None, **kwargs: Unpack[CompletionCall]
    ) -> Completion:
        """POST /v3/ai/completions: one chat completion, not streamed (`stream` is always sent as false).

        Pass a `CompletionInput`, a dict of the same fields, or the fields as keyword arguments (keywords given along
        with an input override its fields). A `{success, data}` envelope is unwrapped; a `success: false` one, or a
        reply that is not a completion, raises `APIError`. Returns a `Completion` that keeps unknown fields and takes
        any finish reason (`content_filter`...) and a null `content`. Stream with `client.ai.stream(...)`.

        Example: `response = client.ai.complete(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])`
        """
        fields, options = split_call(kwargs)
        body = completion_body(input, fields, stream=False)
        return parse_completion(self._json(complete.build_request(body=body), options))

    def stream(
        self, input: CompletionInput | Mapping[str, Any] | None = None, **kwargs: Unpack[CompletionCall]
    ) -> Iterator[ChatCompletionChunk]:
        """POST /v3/ai/completions with `stream: true`: `ChatCompletionChunk`s as the server sends them.

        Takes the same input as `complete`. The request goes out when iteration starts; a non-2xx status raises its
        typed error before the first chunk, an `error` payload raises `StreamError`, a stream cut before `[DONE]`
        raises `IncompleteStreamError`. Breaking out of the loop closes the connection.

        Example: `for chunk in client.ai.stream(model="gpt-4o", messages=[...]): print(chunk.choices[0].delta.content)`
        """
        from ...streaming import CompletionStream

        fields, options = split_call(kwargs)
        request = complete.build_request(body=completion_body(input, fields, stream=True))
        stream = CompletionStream(
            self._open_stream(request, options, accept="text/event-stream"),
            self._transport.limits.max_event_bytes,
        )
        try:
            for chunk in stream:
                yield chunk
        finally:
            stream.close()

    def embed(
        self,
        request: EmbeddingInput | Mapping[str, Any] | str | None = None,
        /,
        input: EmbeddingInput | Mapping[str, Any] | str | Sequence[str] | None = None,
        *,
        model: str | None = None,
        encoding_format: str | None = None,
        dimensions: int | None = None,
        user: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Embedding:
        """POST /v3/ai/embeddings: embedding vectors for one text or a list of texts.

        Accepts every form the previous clients took: an `EmbeddingInput` or a dict (`embed(EmbeddingInput(...))`,
        `embed(input=EmbeddingInput(...))`), keywords (`embed(model=..., input=[...])`), or the old async client's
        positional `embed(model, input)`; a string first argument is the model. A `{success, data}` envelope is
        unwrapped. Returns an `Embedding`: `result.data[i].embedding` is the vector of text `i`.

        Example: `result = client.ai.embed(model="text-embedding-ada-002", input=["billing issue escalated"])`
        """
        from ....types.ai import EmbeddingInput

        if isinstance(request, str):
            if model is not None:
                raise TypeError("embed() got the model twice: as the first argument and as model=")
            model, request = request, None
        texts: str | Sequence[str] | None = None
        if isinstance(input, (EmbeddingInput, Mapping)):
            if request is not None:
                raise TypeError("embed() got two requests: pass one EmbeddingInput or dict")
            request = input
        else:
            texts = input
        fields = {
            "model": model,
            "input": texts if texts is None or isinstance(texts, str) else list(texts),
            "encoding_format": encoding_format,
            "dimensions": dimensions,
            "user": user,
        }
        body = embedding_body(request, fields)
        return parse_embedding(self._json(embed.build_request(body=body), options))
