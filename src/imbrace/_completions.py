"""What `client.ai` builds and reads around its requests, with no I/O: completion and embedding bodies, reply
parsing, the completion keyword arguments and the synthetic system provider. Shared by the sync and async clients."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from typing_extensions import TypedDict

from ._errors import APIError
from ._ids import with_both_ids
from ._types import RequestOptions

if TYPE_CHECKING:
    from ._generated.gateway.shapes import LlmModel, ProviderModel
    from .types.ai import Completion, CompletionInput, CompletionMessage, Embedding, EmbeddingInput

__all__ = [
    "SYSTEM_PROVIDER_ID",
    "CompletionCall",
    "CompletionFields",
    "SystemProvider",
    "completion_body",
    "embedding_body",
    "model_list",
    "page_with_both_ids",
    "parse_completion",
    "parse_embedding",
    "split_call",
    "system_provider",
]

#: The `provider_id` of the synthetic provider `list_providers()` puts first: the platform's built-in models.
SYSTEM_PROVIDER_ID = "system"


def completion_body(
    input: CompletionInput | Mapping[str, Any] | None, fields: Mapping[str, Any], *, stream: bool
) -> dict[str, Any]:
    """The JSON body of POST /v3/ai/completions: `input` (model, dict or None) with the non-None `fields` over it.

    Validated by `CompletionInput` (so a missing `model` or `messages` fails before any request), None values
    dropped, unknown keys kept, and `stream` forced to the given value.
    """
    from .types.ai import CompletionInput

    merged = _merge(input, CompletionInput, fields)
    body = CompletionInput.model_validate(merged).to_request()
    body["stream"] = stream
    return body


def embedding_body(input: EmbeddingInput | Mapping[str, Any] | None, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON body of POST /v3/ai/embeddings: `input`, the non-None `fields` over it, validated."""
    from .types.ai import EmbeddingInput

    return EmbeddingInput.model_validate(_merge(input, EmbeddingInput, fields)).to_request()


def _merge(input: Any, model: type[Any], fields: Mapping[str, Any]) -> dict[str, Any]:
    if input is None:
        merged: dict[str, Any] = {}
    elif isinstance(input, model):
        merged = input.model_dump(exclude_none=True)
    elif isinstance(input, Mapping):
        merged = dict(input)
    else:
        raise TypeError(f"expected a {model.__name__}, a dict or keyword arguments, got {type(input).__name__}")
    merged.update((key, value) for key, value in fields.items() if value is not None)
    return merged


def _payload(body: Any, what: str) -> dict[str, Any]:
    """The result object of a completion or embedding reply: `{success, data}` unwrapped; a failure envelope raises."""
    if not isinstance(body, Mapping):
        raise APIError(f"unexpected {what} reply: expected a JSON object, got {type(body).__name__}", body=body)
    if body.get("success") is False:
        message = body.get("message") or body.get("error") or "the server reported success: false"
        raise APIError(f"{what} failed: {message}", body=body)
    data = body.get("data")
    return dict(data) if isinstance(data, Mapping) else dict(body)


def parse_completion(body: Any) -> Completion:
    from pydantic import ValidationError

    from .types.ai import Completion

    try:
        return Completion.model_validate(_payload(body, "completion"))
    except ValidationError as exc:
        raise APIError(f"unexpected completion reply: {exc}", body=body) from exc


def parse_embedding(body: Any) -> Embedding:
    from pydantic import ValidationError

    from .types.ai import Embedding

    try:
        return Embedding.model_validate(_payload(body, "embedding"))
    except ValidationError as exc:
        raise APIError(f"unexpected embedding reply: {exc}", body=body) from exc


def model_list(body: Any) -> list[LlmModel]:
    """The models of a GET /v3/ai/workflow-agent/models reply: its `data` array (or the reply, if a bare array)."""
    if isinstance(body, list):
        return body
    if isinstance(body, Mapping):
        if body.get("success") is False:
            raise APIError(f"listing the system models failed: {body.get('message') or 'success: false'}", body=body)
        data = body.get("data")
        if isinstance(data, list):
            return data
    raise APIError("unexpected reply from GET /v3/ai/workflow-agent/models: no `data` list of models", body=body)


class CompletionFields(TypedDict, total=False):
    """The fields of a completion request, as keyword arguments of `complete` and `stream`."""

    model: str
    messages: Sequence[CompletionMessage | Mapping[str, Any]]
    temperature: float
    max_tokens: int
    metadata: Mapping[str, Any]
    top_p: float
    n: int
    stop: str | Sequence[str]
    presence_penalty: float
    frequency_penalty: float
    seed: int
    tools: Sequence[Mapping[str, Any]]
    tool_choice: str | Mapping[str, Any]
    parallel_tool_calls: bool
    response_format: Mapping[str, Any]
    user: str


class CompletionCall(CompletionFields, RequestOptions, total=False):
    """Completion fields and per-call options together: what `complete(...)` and `stream(...)` take by keyword."""


def split_call(kwargs: Mapping[str, Any]) -> tuple[dict[str, Any], RequestOptions]:
    """Completion fields apart from per-call options; unknown names are refused before anything is sent."""
    unknown = set(kwargs) - _CALL_KEYS
    if unknown:
        raise TypeError(f"unexpected keyword arguments: {', '.join(sorted(unknown))}")
    fields = {
        k: (list(v) if k == "messages" else v) for k, v in kwargs.items() if k in CompletionFields.__annotations__
    }
    options = cast("RequestOptions", {k: v for k, v in kwargs.items() if k in RequestOptions.__annotations__})
    return fields, options


_CALL_KEYS = frozenset(CompletionCall.__annotations__)


class SystemProvider(TypedDict):
    """The synthetic first entry of `list_providers()`: the built-in models, not a stored provider (no ids)."""

    _id: None
    id: None
    provider_id: str
    name: str
    type: str
    source: str
    models: list[ProviderModel]


def system_provider(models: list[LlmModel]) -> SystemProvider:
    return {
        "_id": None,
        "id": None,
        "provider_id": SYSTEM_PROVIDER_ID,
        "name": "System Default",
        "type": "system",
        "source": "system",
        "models": cast("list[ProviderModel]", [dict(model) for model in models]),
    }


def page_with_both_ids(reply: Any) -> Any:
    """A list of records, bare or wrapped as `{data, total}`, with both id names on each record."""
    if isinstance(reply, dict):
        with_both_ids(reply.get("data"))
    return with_both_ids(reply)
