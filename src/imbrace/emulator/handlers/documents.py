"""AI-generated documents (artifacts) of the chat client: every save adds a version (key: id + createdAt)."""

from __future__ import annotations

from ..errors import HttpError
from ..ids import new_object_id, new_uuid, now_iso
from ..store import Doc
from .base import Ctx, operation

DOCUMENTS = "documents"


def _versions_of(ctx: Ctx, doc_id: str) -> list[Doc]:
    versions = ctx.store.all(DOCUMENTS, lambda d: d["id"] == doc_id)
    if not versions:
        raise HttpError(404, f"Document not found: {doc_id}", code="not_found:document")
    return versions


@operation("create_document")
def create_document(ctx: Ctx) -> list[Doc]:
    body = ctx.json
    doc_id = ctx.query("id") or new_uuid()
    version = {
        "id": doc_id,
        "createdAt": now_iso(),
        "title": body.get("title") or "Untitled",
        "content": body["content"],
        "kind": body["kind"],
        "userId": ctx.user_id,
    }
    return [ctx.store.put(DOCUMENTS, f"{doc_id}#{new_object_id()}", version)]


@operation("get_document_latest_by_kind")
def get_latest_by_kind(ctx: Ctx) -> Doc | None:
    kind = ctx.query("kind")
    mine = ctx.store.all(DOCUMENTS, lambda d: d["kind"] == kind and d["userId"] == ctx.user_id)
    return mine[-1] if mine else None


@operation("get_document")
def get_document(ctx: Ctx) -> list[Doc]:
    return _versions_of(ctx, ctx.path["doc_id"])


@operation("delete_document")
def delete_document(ctx: Ctx) -> list[Doc]:
    doc_id, after = ctx.path["doc_id"], ctx.query("timestamp") or ""
    _versions_of(ctx, doc_id)
    doomed = [(key, v) for key, v in ctx.store.keyed(DOCUMENTS) if v["id"] == doc_id and v["createdAt"] > after]
    for key, _ in doomed:
        ctx.store.delete(DOCUMENTS, key)
    return [version for _, version in doomed]


@operation("get_document_latest")
def get_document_latest(ctx: Ctx) -> Doc:
    return _versions_of(ctx, ctx.path["doc_id"])[-1]


@operation("get_document_public")
def get_document_public(ctx: Ctx) -> Doc:
    return _versions_of(ctx, ctx.path["doc_id"])[-1]


@operation("get_document_suggestions")
def get_document_suggestions(ctx: Ctx) -> list[Doc]:
    return []
