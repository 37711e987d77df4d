"""AI-generated documents (artifacts) of the chat client: every save adds a version (key: id + createdAt).

As `controllers/chatClientController.ts` of imbraceltd/ai-agent: the document id is the `id` query parameter of a
save, reads and deletes are the owner's (the public link excepted), a delete removes the versions created after its
`timestamp`, and a non-UUID id fails in Postgres (400 `bad_request:database`).
"""

from __future__ import annotations

from datetime import datetime, timezone

from ..agent_rejections import ChatSdkError, database_uuid
from ..ids import new_object_id, now_iso
from ..store import Doc
from .base import Ctx, operation

DOCUMENTS = "documents"


def _versions_of(ctx: Ctx, doc_id: str, *, owner_only: bool = True) -> list[Doc]:
    versions = ctx.store.all(DOCUMENTS, lambda d: d["id"] == database_uuid(doc_id))
    if not versions:
        raise ChatSdkError("not_found:document")
    if owner_only and versions[0]["userId"] != ctx.user_id:
        raise ChatSdkError("forbidden:document")
    return versions


def save_version(ctx: Ctx, doc_id: str, *, title: str, content: str, kind: str) -> Doc:
    """Adds a version of the document (the caller's: another user's document is 403 `forbidden:document`)."""
    existing = ctx.store.all(DOCUMENTS, lambda d: d["id"] == doc_id)
    if existing and existing[0]["userId"] != ctx.user_id:
        raise ChatSdkError("forbidden:document")
    version = {"id": doc_id, "createdAt": now_iso(), "title": title, "content": content, "kind": kind}
    return ctx.store.put(DOCUMENTS, f"{doc_id}#{new_object_id()}", {**version, "userId": ctx.user_id})


@operation("create_document")
def create_document(ctx: Ctx) -> list[Doc]:
    body = ctx.json
    doc_id = database_uuid(ctx.query("id") or "")
    return [save_version(ctx, doc_id, title=body["title"], content=body["content"], kind=body["kind"])]


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
    doc_id = ctx.path["doc_id"]
    _versions_of(ctx, doc_id)
    after = _instant(ctx.query("timestamp") or "")
    doomed = [
        (key, v) for key, v in ctx.store.keyed(DOCUMENTS) if v["id"] == doc_id and _instant(v["createdAt"]) > after
    ]
    for key, _ in doomed:
        ctx.store.delete(DOCUMENTS, key)
    return [version for _, version in doomed]


def _instant(value: str) -> datetime:
    """An ISO 8601 instant as JavaScript's `new Date()` reads it; an unreadable one is a database error."""
    try:
        instant = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ChatSdkError("bad_request:database", f"Invalid time value: {value!r}") from None
    return instant if instant.tzinfo else instant.replace(tzinfo=timezone.utc)


@operation("get_document_latest")
def get_document_latest(ctx: Ctx) -> Doc:
    return _versions_of(ctx, ctx.path["doc_id"])[-1]


@operation("get_document_public")
def get_document_public(ctx: Ctx) -> Doc:
    return _versions_of(ctx, ctx.path["doc_id"], owner_only=False)[-1]


@operation("get_document_suggestions")
def get_document_suggestions(ctx: Ctx) -> list[Doc]:
    database_uuid(ctx.path["document_id"])
    return []
