"""The OpenAI-compatible types: dicts accepted, newer values and unknown fields tolerated and kept, None dropped."""

from __future__ import annotations

from imbrace.types.ai import (
    ChatCompletionChunk,
    ChoiceDelta,
    ChunkChoice,
    Completion,
    CompletionInput,
    CompletionMessage,
    Embedding,
    EmbeddingInput,
    StreamChoice,
    StreamChunk,
    StreamDelta,
)


def test_documented_construction_and_request_body() -> None:
    request = CompletionInput(
        model="gpt-4o",
        messages=[
            CompletionMessage(role="system", content="You are a helpful CRM assistant."),
            CompletionMessage(role="user", content="Summarize this customer note: ..."),
        ],
        temperature=0.7,
    )
    assert request.to_request() == {
        "model": "gpt-4o",
        "messages": [
            {"role": "system", "content": "You are a helpful CRM assistant."},
            {"role": "user", "content": "Summarize this customer note: ..."},
        ],
        "temperature": 0.7,
        "stream": False,
    }


def test_inputs_accept_dicts_tools_and_multimodal_content() -> None:
    request = CompletionInput.model_validate(
        {
            "model": "m",
            "messages": [
                {
                    "role": "user",
                    "content": [{"type": "text", "text": "hi"}, {"type": "image_url", "image_url": {"url": "u"}}],
                },
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [{"id": "c", "function": {"name": "f", "arguments": "{}"}}],
                },
                {"role": "tool", "tool_call_id": "c", "content": "42"},
                {"role": "developer", "content": "be brief"},
            ],
            "tools": [{"type": "function", "function": {"name": "f"}}],
            "tool_choice": "auto",
            "stop": ["\n"],
            "logprobs": True,
        }
    )
    body = request.to_request()
    assert body["messages"][1] == {
        "role": "assistant",
        "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}],
    }
    assert body["messages"][3]["role"] == "developer"
    assert body["logprobs"] is True


def test_completion_with_content_filter_and_null_content() -> None:
    completion = Completion.model_validate(
        {
            "id": "x",
            "object": "chat.completion",
            "created": 1,
            "model": "m",
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": None}, "finish_reason": "content_filter"}
            ],
            "usage": {
                "prompt_tokens": 3,
                "completion_tokens": 0,
                "total_tokens": 3,
                "prompt_tokens_details": {"cached": 0},
            },
            "system_fingerprint": "fp",
        }
    )
    assert completion.choices[0].finish_reason == "content_filter"
    assert completion.choices[0].message.content is None
    assert completion.usage is not None and completion.usage.model_extra == {"prompt_tokens_details": {"cached": 0}}
    assert completion.model_extra == {"system_fingerprint": "fp"}


def test_completion_without_id_or_usage() -> None:
    completion = Completion.model_validate({"choices": [{"message": {"role": "assistant", "content": "hi"}}]})
    assert completion.id is None
    assert completion.choices[0].message.content == "hi"


def test_stream_chunk_and_its_old_names() -> None:
    assert (StreamChunk, StreamChoice, StreamDelta) == (ChatCompletionChunk, ChunkChoice, ChoiceDelta)
    chunk = StreamChunk.model_validate(
        {
            "id": "c",
            "object": "chat.completion.chunk",
            "created": 2,
            "model": "m",
            "choices": [
                {
                    "index": 0,
                    "delta": {"role": "assistant", "tool_calls": [{"index": 0, "function": {"arguments": '{"a'}}]},
                }
            ],
        }
    )
    delta = chunk.choices[0].delta
    assert delta.content is None
    assert delta.tool_calls is not None and delta.tool_calls[0].function is not None
    assert delta.tool_calls[0].function.arguments == '{"a'


def test_chunk_with_no_choices_and_unknown_finish_reason() -> None:
    assert ChatCompletionChunk.model_validate({"choices": [], "usage": {"total_tokens": 9}}).usage is not None
    choice = ChatCompletionChunk.model_validate({"choices": [{"delta": {}, "finish_reason": "max_output"}]}).choices[0]
    assert choice.finish_reason == "max_output"
    assert choice.delta.content is None


def test_embedding_input_and_response() -> None:
    assert EmbeddingInput(model="e", input="one text").to_request() == {"model": "e", "input": "one text"}
    assert EmbeddingInput(model="e", input=["a", "b"]).to_request() == {"model": "e", "input": ["a", "b"]}
    embedding = Embedding.model_validate(
        {
            "object": "list",
            "model": "e",
            "data": [{"index": 0, "embedding": [0.1, 0.2]}, {"index": 1, "embedding": "AAA="}],
        }
    )
    assert embedding.data[0].embedding == [0.1, 0.2]
    assert embedding.data[1].embedding == "AAA="
    assert embedding.usage is None


def test_to_request_drops_none_but_keeps_falsy_values() -> None:
    body = CompletionInput(model="m", messages=[], temperature=0, max_tokens=None, metadata={}).to_request()
    assert body == {"model": "m", "messages": [], "temperature": 0, "stream": False, "metadata": {}}
