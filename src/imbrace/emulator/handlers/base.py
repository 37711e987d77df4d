"""The handler contract: what a handler receives (`Ctx`), what it returns, how it is registered, shared lookups.

A handler is a plain function of one operation (registered under the spec's operationId). It returns JSON data
(answered as 200 `application/json`) or a starlette Response, and raises HttpError for failures.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Optional, Union

from starlette.requests import Request
from starlette.responses import Response
from typing_extensions import TypeAlias

from ..errors import HttpError
from ..ids import now_iso, user_id_for
from ..multipart import Form, UploadedFile
from ..specs import Operation
from ..state import EmulatorState
from ..store import Doc, Store

__all__ = ["HANDLERS", "Ctx", "Handler", "Reply", "operation", "require", "stamp", "touch"]

Reply: TypeAlias = Optional[Union[Response, dict[str, Any], list[Any], bool]]
Handler: TypeAlias = Callable[["Ctx"], Reply]

HANDLERS: dict[str, Handler] = {}


def operation(operation_id: str) -> Callable[[Handler], Handler]:
    """Register the decorated function as the handler of `operation_id`."""

    def register(handler: Handler) -> Handler:
        if operation_id in HANDLERS:
            raise RuntimeError(f"two handlers for {operation_id}")
        HANDLERS[operation_id] = handler
        return handler

    return register


@dataclass(frozen=True)
class Ctx:
    request: Request
    state: EmulatorState
    path: Mapping[str, str]
    credential: str | None
    body: Any = None
    form: Form | None = None
    operation: Operation | None = None

    @property
    def store(self) -> Store:
        return self.state.store

    @property
    def json(self) -> dict[str, Any]:
        """The JSON body as an object ({} when there is none)."""
        return self.body if isinstance(self.body, dict) else {}

    @property
    def organization_id(self) -> str:
        headers = self.request.headers
        return headers.get("x-organization-id") or headers.get("x-org-id") or self.state.settings.organization_id

    @property
    def user_id(self) -> str:
        """The chat-client user of the caller's credential (tokens of one login account share it)."""
        return user_id_for(self.state.auth.account_of(self.credential))

    @property
    def origin(self) -> str:
        return str(self.request.base_url).rstrip("/")

    def query(self, name: str) -> str | None:
        return self.request.query_params.get(name)

    def query_int(self, name: str, default: int) -> int:
        value = self.query(name)
        return default if value is None else int(value)

    def query_flag(self, name: str) -> bool:
        return self.query(name) == "true"

    def file(self, name: str = "file") -> UploadedFile:
        if self.form is None or name not in self.form.files:
            raise HttpError(400, f"the multipart body has no file part {name!r}")
        return self.form.files[name]

    def field(self, name: str) -> str | None:
        return None if self.form is None else self.form.fields.get(name)


def require(store: Store, collection: str, key: str, what: str, *, code: str | None = None) -> Doc:
    """The document, or HttpError(404) "<what> not found: <key>"."""
    doc = store.get(collection, key)
    if doc is None:
        raise HttpError(404, f"{what} not found: {key}", code=code)
    return doc


def stamp(doc: Doc) -> Doc:
    """The document with fresh `created_at` and `updated_at`."""
    now = now_iso()
    return {**doc, "created_at": now, "updated_at": now}


def touch(doc: Doc, changes: Mapping[str, Any]) -> Doc:
    """A copy of the document with the changes applied and `updated_at` renewed."""
    return {**doc, **changes, "updated_at": now_iso()}
