"""Requests built from the specs, and responses checked against them with openapi-core.

`sample` makes the smallest instance of a schema (required properties only, first enum value, first oneOf branch).
`check_response` validates a live response with openapi-core's response validator; for the media types it has no
deserializer for (binary downloads, CSV, SSE: it hands the schema bytes, which fail `type: string`), it checks the
documented status and content type, and every SSE event against the schema the spec names for its events.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import httpx
from jsonschema_path import SchemaPath
from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from openapi_core.validation.schemas import oas31_schema_validators_factory

from imbrace.emulator.specs import SERVICES, Operation, Service, load_spec

BINARY_SAMPLE = b"%PDF-1.4 emulator sample \x00\xff"


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        node: Any = spec
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        schema = node
    return schema


def sample(spec: dict[str, Any], schema: dict[str, Any]) -> Any:
    schema = resolve(spec, schema)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    for combinator in ("oneOf", "anyOf"):
        if combinator in schema:
            return sample(spec, schema[combinator][0])
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            merged.update(sample(spec, part))
        return merged
    kind = schema.get("type", "object")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    return _SAMPLERS[kind](spec, schema)


def _object(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    properties = schema.get("properties", {})
    return {name: sample(spec, properties.get(name, {})) for name in schema.get("required", [])}


def _array(spec: dict[str, Any], schema: dict[str, Any]) -> list[Any]:
    return [sample(spec, schema.get("items", {})) for _ in range(schema.get("minItems", 0))]


def _string(spec: dict[str, Any], schema: dict[str, Any]) -> Any:
    if schema.get("format") == "binary":
        return BINARY_SAMPLE
    if schema.get("format") == "uri":
        return "https://example.com/sample.pdf"
    return "x" * max(1, schema.get("minLength", 1))


_SAMPLERS: dict[str, Any] = {
    "object": _object,
    "array": _array,
    "string": _string,
    "integer": lambda spec, schema: max(1, schema.get("minimum", 1)),
    "number": lambda spec, schema: max(0.5, schema.get("minimum", 0.5)),
    "boolean": lambda spec, schema: True,
}


def operation_spec(op: Operation) -> dict[str, Any]:
    operation: dict[str, Any] = load_spec(op.service)["paths"][op.spec_path][op.method.lower()]
    return operation


def sample_body(op: Operation) -> tuple[str, Any] | None:
    """(media type, sample value) of the operation's request body, or None when it declares no body."""
    body = operation_spec(op).get("requestBody")
    if body is None:
        return None
    spec = load_spec(op.service)
    media, content = next(iter(resolve(spec, body)["content"].items()))
    return media, sample(spec, content["schema"])


def required_query(op: Operation) -> dict[str, Any]:
    spec = load_spec(op.service)
    item = spec["paths"][op.spec_path]
    params = [resolve(spec, p) for p in [*item.get("parameters", []), *operation_spec(op).get("parameters", [])]]
    return {p["name"]: sample(spec, p["schema"]) for p in params if p["in"] == "query" and p.get("required")}


@cache
def openapi(service: Service) -> OpenAPI:
    """openapi-core's view of a spec, with its server set to the emulator's mount point of the service."""
    spec = dict(load_spec(service))
    spec["servers"] = [{"url": SERVICES[service][1] or "/"}]
    return OpenAPI.from_dict(spec, config=Config(spec_validator_cls=None))


_STREAM_EVENT_KEYS = ("x-imbrace-event-schema", "x-sse-data-schema")


def check_response(op: Operation, params: dict[str, str], response: httpx.Response) -> None:
    """Raise when the response breaks the operation's documented responses."""
    content_type = response.headers.get("content-type", "")
    mime = content_type.split(";")[0]
    if mime in ("application/json", "text/plain") or response.status_code == 204:
        request = MockRequest(
            str(response.request.url.copy_with(path="/", query=None)).rstrip("/"),
            op.method.lower(),
            response.request.url.path,
            path_pattern=op.route,
            view_args=params,
        )
        data = MockResponse(response.content, status_code=response.status_code, content_type=content_type)
        openapi(op.service).validate_response(request, data)
        return
    media = _documented_media(op, response.status_code)
    assert mime in media, f"{op.key}: {mime} is not documented for {response.status_code} (only {sorted(media)})"
    if mime == "text/event-stream":
        _check_events(op, media[mime], response.text)


def _documented_media(op: Operation, status: int) -> dict[str, Any]:
    spec = load_spec(op.service)
    responses = operation_spec(op)["responses"]
    documented = resolve(spec, responses.get(str(status)) or responses["default"])
    content: dict[str, Any] = documented.get("content", {})
    return content


def _check_events(op: Operation, media: dict[str, Any], body: str) -> None:
    spec_path = SchemaPath.from_dict(load_spec(op.service))
    schema = media["schema"]
    key = next(k for k in _STREAM_EVENT_KEYS if k in schema)
    name = schema[key]["$ref"].rsplit("/", 1)[-1]
    validator = oas31_schema_validators_factory.create(spec_path, spec_path / "components" / "schemas" / name)
    events = [line.removeprefix("data: ") for line in body.split("\n") if line.startswith("data: ")]
    assert events, f"{op.key}: an empty event stream"
    for event in events:
        if event != "[DONE]":
            validator.validate(json.loads(event))
