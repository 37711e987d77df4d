"""The OpenAI-compatible service as documented: a completion, the same completion streamed, embeddings."""

from __future__ import annotations

import math

import pytest

from imbrace.types.ai import ChatCompletionChunk, CompletionInput, CompletionMessage, EmbeddingInput

from .support import collect
from helpers import Harness

pytestmark = pytest.mark.integration


def test_completion_then_stream(client: Harness) -> None:
    ai = client.client.ai
    response = client.call(
        ai.complete,
        CompletionInput(
            model="gpt-4o",
            messages=[
                CompletionMessage(role="system", content="You are a helpful CRM assistant."),
                CompletionMessage(role="user", content="Summarize this customer note: ..."),
            ],
            temperature=0.7,
        ),
    )
    assert response.choices[0].message.content
    assert response.choices[0].finish_reason == "stop"

    request = CompletionInput(
        model="gpt-4o", messages=[CompletionMessage(role="user", content="Draft a follow-up email for this lead.")]
    )
    chunks: list[ChatCompletionChunk] = collect(client, ai.stream(request))
    choices = [chunk.choices[0] for chunk in chunks if chunk.choices]
    # One completion, in order: the role first, then the text, then the finish.
    assert len({chunk.id for chunk in chunks}) == 1
    assert choices[0].delta.role == "assistant"
    assert "".join(choice.delta.content or "" for choice in choices)
    assert [choice.finish_reason for choice in choices][-1] == "stop"


def test_embeddings(client: Harness) -> None:
    texts = ["customer complained about billing", "billing issue escalated"]
    result = client.call(client.client.ai.embed, EmbeddingInput(model="text-embedding-ada-002", input=texts))
    vectors = [item.embedding for item in sorted(result.data, key=lambda item: item.index)]
    assert len(vectors) == len(texts) and len(vectors[0]) == len(vectors[1]) > 0
    assert vectors[0] != vectors[1]
    assert all(math.isclose(math.hypot(*vector), 1.0, rel_tol=1e-3) for vector in vectors)
