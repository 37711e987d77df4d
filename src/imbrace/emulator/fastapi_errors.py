"""How the AI service (`/v3/ai`, `/v2/ai`: a FastAPI app, `imbraceltd/chat-ai`) answers failures.

Every error body is FastAPI's `{"detail": ...}`. A body its pydantic models reject is a 422 whose `detail` lists
pydantic errors (`{type, loc, msg, input}`); its routes guarded by `auth_imbrace` (`utils/auth.py:344`) answer 401
`{"detail": "x-organization-id is required"}` before they look at the body.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from starlette.responses import JSONResponse

if TYPE_CHECKING:
    from .errors import HttpError
    from .specs import Operation

__all__ = ["AI_PREFIXES", "check_organization", "fastapi_response", "missing", "pydantic_errors"]

AI_PREFIXES = ("/v3/ai/", "/v2/ai/")
ORGANIZATION_REQUIRED = "x-organization-id is required"
# Routes whose organization comes from a declared header parameter: FastAPI answers a missing one with a 422.
_HEADER_PARAMETER = frozenset({"get_llm_models"})

_TYPE_ERRORS = {
    "string": ("string_type", "Input should be a valid string"),
    "object": ("dict_type", "Input should be a valid dictionary"),
    "array": ("list_type", "Input should be a valid list"),
    "integer": ("int_type", "Input should be a valid integer"),
    "number": ("float_type", "Input should be a valid number"),
    "boolean": ("bool_type", "Input should be a valid boolean"),
}


def missing(location: str, name: str, value: Any = None) -> dict[str, Any]:
    """The pydantic error of a required field that is absent."""
    return {"type": "missing", "loc": [location, name], "msg": "Field required", "input": value}


def check_organization(op: Operation, headers: Mapping[str, str]) -> None:
    """Refuse a call to a guarded AI-service route that names no organization, as `auth_imbrace` does."""
    from .errors import HttpError

    if not op.secured or not op.route.startswith(AI_PREFIXES) or headers.get("x-organization-id"):
        return
    if op.operation_id in _HEADER_PARAMETER:
        raise HttpError(422, ORGANIZATION_REQUIRED, detail=[missing("header", "x-organization-id")])
    raise HttpError(401, ORGANIZATION_REQUIRED)


def pydantic_errors(schema_errors: Iterable[Any], location: str = "body") -> list[dict[str, Any]]:
    """FastAPI's 422 `detail` for jsonschema errors: one pydantic-style entry per failed field."""
    found: list[dict[str, Any]] = []
    for error in schema_errors:
        loc = [location, *error.absolute_path]
        if error.validator == "required":
            found += [missing(location, name, error.instance) | {"loc": [*loc, name]} for name in _absent(error)]
        elif error.validator == "type":
            kind, msg = _TYPE_ERRORS.get(_first(error.validator_value), ("type_error", error.message))
            found.append({"type": kind, "loc": loc, "msg": msg, "input": error.instance})
        elif error.validator == "enum":
            options = " or ".join(repr(value) for value in error.validator_value)
            found.append(
                {"type": "literal_error", "loc": loc, "msg": f"Input should be {options}", "input": error.instance}
            )
        else:
            found.append({"type": "value_error", "loc": loc, "msg": error.message, "input": error.instance})
    seen: set[tuple[Any, ...]] = set()
    unique = []
    for issue in found:  # openapi-core may report one failure twice
        key = (issue["type"], *issue["loc"])
        if key not in seen:
            seen.add(key)
            unique.append(issue)
    return unique


def fastapi_response(error: HttpError) -> JSONResponse:
    """The AI service's reply to a failure: `{detail}`; a list of pydantic errors (a refused request) is a 422."""
    detail = pydantic_errors(error.schema_errors) if error.schema_errors else error.detail
    if detail is None:
        detail = error.message
    status = 422 if isinstance(detail, list) else error.status
    return JSONResponse({"detail": detail}, status_code=status, headers=error.headers)


def _absent(error: Any) -> list[str]:
    instance = error.instance if isinstance(error.instance, Mapping) else {}
    return [name for name in error.validator_value if name not in instance]


def _first(kind: Any) -> str:
    return str(kind[0] if isinstance(kind, list) and kind else kind)
