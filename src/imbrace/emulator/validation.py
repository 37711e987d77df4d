"""Requests checked against the specs with openapi-core's schema validators, compiled once per operation.

openapi-core's `OpenAPI.validate_request` re-walks the spec on every call: 2 to 7 ms per request here, more than the
emulator spends on anything else. So each operation's query-parameter and body schemas are compiled into openapi-core
`SchemaValidator`s on first use and kept; a request then costs its JSON parse plus the schema checks.

Multipart file parts are checked as present strings: openapi-core's OAS 3.1 validator rejects the bytes of a
`format: binary` property ("is not of type 'string'"), which would turn every valid upload into a 400.
"""

from __future__ import annotations

import inspect
import json
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from jsonschema_path import SchemaPath
from openapi_core.validation.schemas import oas31_schema_validators_factory
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue
from openapi_core.validation.schemas.validators import SchemaValidator

from .errors import HttpError
from .fastapi_errors import missing
from .multipart import Form
from .specs import Operation, Service, load_spec

__all__ = ["InvalidRequest", "ParsedRequest", "RequestValidator"]

_MAX_MESSAGE = 400


class InvalidRequest(HttpError):
    """A request its operation's schemas reject: where (`json`, `content-type`, `query`, `body`) and the schema errors.

    The app may answer it in the shape of the service that owns the operation (see `rejections.py`).
    """

    def __init__(self, message: str, location: str, issues: tuple[Any, ...] = (), *, detail: Any = None) -> None:
        super().__init__(400, message, detail=detail, schema_errors=issues if location == "body" else ())
        self.location = location
        self.issues = issues


@dataclass(frozen=True)
class ParsedRequest:
    """The request body: JSON as Python values, or a multipart form."""

    body: Any = None
    form: Form | None = None


@dataclass(frozen=True)
class _Param:
    name: str
    required: bool
    kind: str
    validator: SchemaValidator


@dataclass(frozen=True)
class _Compiled:
    params: tuple[_Param, ...]
    body_required: bool
    media: Mapping[str, SchemaValidator]
    checked_by_handler: bool = False  # `x-imbrace-validation: manual`: the service checks the body by hand
    required_lists: tuple[str, ...] = ()  # repeated query parameters that must be present


class RequestValidator:
    """Parses request bodies and, when enabled, checks parameters and bodies against the operation's schemas."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self._specs: dict[Service, SchemaPath] = {}
        self._compiled: dict[str, _Compiled] = {}
        self._lock = threading.Lock()

    def parse(self, op: Operation, query: Mapping[str, str], content_type: str, body: bytes | Form) -> ParsedRequest:
        """The parsed body; raises HttpError(400) with the validation message when the request breaks the spec."""
        compiled = self._compile(op)
        if self.enabled:
            _check_params(compiled.params, query)
            _check_present(compiled.required_lists, query)
        if not compiled.media:
            return ParsedRequest()
        if not body:
            if compiled.body_required and self.enabled:
                raise InvalidRequest("Request body validation error: a request body is required", "body")
            return ParsedRequest()
        mime = content_type.split(";", 1)[0].strip().lower()
        validator = compiled.media.get(mime)
        if validator is None:
            accepted = ", ".join(compiled.media)
            message = f"Request body validation error: content type {mime or 'none'!r}, expected {accepted}"
            raise InvalidRequest(message, "content-type")
        parsed = _decode(body)
        if self.enabled and not compiled.checked_by_handler:
            value = _form_for_validation(parsed.form) if parsed.form is not None else parsed.body
            _check(validator, value, "Request body validation error", "body", "body")
        return parsed

    def _compile(self, op: Operation) -> _Compiled:
        key = op.key
        compiled = self._compiled.get(key)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(key) or self._build(op)
                self._compiled[key] = compiled
        return compiled

    def _build(self, op: Operation) -> _Compiled:
        spec = self._specs.get(op.service)
        if spec is None:
            spec = self._specs[op.service] = SchemaPath.from_dict(load_spec(op.service))
        item = spec / "paths" / op.spec_path
        operation = item / op.method.lower()
        in_query = [p for p in _parameters(item, operation) if _value(p / "in") == "query"]
        params = [_param(spec, p) for p in in_query if not _repeated(p)]
        lists = tuple(_value(p / "name") for p in in_query if _repeated(p) and _required(p))
        media: dict[str, SchemaValidator] = {}
        required = False
        if "requestBody" in operation:
            request_body = operation / "requestBody"
            required = "required" in request_body and _value(request_body / "required") is True
            content = request_body / "content"
            media = {mime: _validator(spec, content / mime / "schema") for mime in _value(content)}
        manual = "x-imbrace-validation" in operation and _value(operation / "x-imbrace-validation") == "manual"
        return _Compiled(tuple(params), required, media, manual, lists)


def _parameters(item: SchemaPath, operation: SchemaPath) -> Iterable[SchemaPath]:
    for owner in (item, operation):
        if "parameters" in owner:
            yield from owner / "parameters"


def _repeated(param: SchemaPath) -> bool:
    """Whether the parameter is a list repeated in the query: its handler reads and checks every value."""
    schema = param / "schema"
    return "type" in schema and _value(schema / "type") == "array"


def _param(spec: SchemaPath, param: SchemaPath) -> _Param:
    schema = param / "schema"
    kind = _value(schema / "type") if "type" in schema else "string"
    if kind not in ("string", "integer", "number", "boolean"):
        raise NotImplementedError(f"query parameters of type {kind} are not supported")
    return _Param(_value(param / "name"), _required(param), kind, _validator(spec, schema))


def _required(param: SchemaPath) -> bool:
    return "required" in param and _value(param / "required") is True


def _value(path: SchemaPath) -> Any:
    """The value at a spec path, read the way jsonschema-path 0.3 (the last for Python 3.9) and 0.4 both allow."""
    with path.open() as value:
        return value


def _validator(spec: SchemaPath, schema: SchemaPath) -> SchemaValidator:
    """A schema's validator: openapi-core 0.23+ (Python 3.10+) reads the spec too, 0.22 (Python 3.9) only the schema.

    A `format: binary` value (a file part's placeholder) passes, as 0.23 lets it and 0.22 would not.
    """
    create: Callable[..., SchemaValidator] = oas31_schema_validators_factory.create
    formats = {"binary": _any_value}
    if _CREATE_TAKES_SPEC:
        return create(spec, schema, extra_format_validators=formats)
    return create(schema, extra_format_validators=formats)


def _any_value(value: object) -> bool:
    return True


_CREATE_TAKES_SPEC = "spec" in inspect.signature(oas31_schema_validators_factory.create).parameters


def _check_params(params: tuple[_Param, ...], query: Mapping[str, str]) -> None:
    for param in params:
        raw = query.get(param.name)
        if raw is None:
            if param.required:
                raise InvalidRequest(
                    f"Missing required query parameter: {param.name}", "query", detail=[missing("query", param.name)]
                )
            continue
        try:
            value = _cast(param.kind, raw)
        except ValueError:
            message = f"Query parameter {param.name}: {raw!r} is not a valid {param.kind}"
            raise InvalidRequest(message, "query") from None
        _check(param.validator, value, f"Query parameter {param.name}", param.name, "query")


def _check_present(names: tuple[str, ...], query: Mapping[str, str]) -> None:
    for name in names:
        if query.get(name) is None:
            raise InvalidRequest(f"Missing required query parameter: {name}", "query", detail=[missing("query", name)])


def _cast(kind: str, raw: str) -> Any:
    if kind == "integer":
        return int(raw)
    if kind == "number":
        return float(raw)
    if kind == "boolean":
        if raw not in ("true", "false"):
            raise ValueError(raw)
        return raw == "true"
    return raw


def _decode(body: bytes | Form) -> ParsedRequest:
    if isinstance(body, Form):
        if body.error is not None:
            raise InvalidRequest(f"Request body validation error: {body.error}", "body")
        return ParsedRequest(form=body)
    try:
        return ParsedRequest(body=json.loads(body, parse_constant=_not_a_number, parse_float=_finite))
    except RecursionError:
        raise HttpError(400, "Request body validation error: invalid JSON (nested too deeply)") from None
    except ValueError as exc:
        raise InvalidRequest(f"Request body validation error: invalid JSON ({exc})", "json") from None


def _not_a_number(name: str) -> float:
    """JSON has no NaN or Infinity; Python's parser accepts them, and a stored one would break every later reply."""
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"{text[:20]} is out of range for a number")
    return value


def _form_for_validation(form: Form) -> dict[str, Any]:
    return {**form.fields, **{name: f"<file {upload.filename}>" for name, upload in form.files.items()}}


def _check(validator: SchemaValidator, value: Any, prefix: str, root: str, location: str) -> None:
    try:
        validator.validate(value)
    except InvalidSchemaValue as exc:
        details = "; ".join(_describe(error, root) for error in exc.schema_errors)
        raise InvalidRequest(f"{prefix}: {details}"[:_MAX_MESSAGE], location, tuple(exc.schema_errors)) from None


def _describe(error: Exception, root: str) -> str:
    message = str(getattr(error, "message", error))
    location = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in getattr(error, "absolute_path", ()))
    return f"{root}{location}: {message}"
