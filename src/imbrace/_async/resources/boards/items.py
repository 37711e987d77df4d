"""Board items (rows), search and segments."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from typing_extensions import Unpack

from ...._boards import (
    ITEM_PAGES,
    field_index,
    item_fields,
    list_filter,
    related_body,
    reply_data,
    search_sort,
    unknown_fields_error,
)
from ...._generated.gateway.api.boards import (
    bulk_delete_items,
    create_item,
    create_segment,
    delete_item,
    delete_segment,
    get_item,
    get_related_items,
    link_items,
    list_items,
    list_segments,
    search_board_items,
    unlink_items,
    update_item,
    update_segment,
)
from ...._types import RequestOptions
from ...pagination import async_walk

if TYPE_CHECKING:
    from ...._generated.gateway.params import (
        BulkDeleteItemsBody,
        CreateItemBody,
        CreateSegmentBody,
        LinkItemsBody,
        UnlinkItemsBody,
        UpdateItemBody,
        UpdateSegmentBody,
    )
    from ...._generated.gateway.shapes import (
        BoardItem,
        BoardItemEnvelope,
        BoardItemList,
        BoardSearchResult,
        BulkDeleteResult,
        MessageResult,
        Segment,
        SegmentList,
    )
from ._shared import _PAGE_SIZE
from .core import AsyncBoardsCore

__all__ = ["AsyncBoardItems"]


class AsyncBoardItems(AsyncBoardsCore):
    """Board items (rows), search and segments."""

    # ---------------------------------------------------------------------------------------------------------------
    # Items
    # ---------------------------------------------------------------------------------------------------------------

    async def list_items(
        self,
        board_id: str,
        limit: int = 20,
        skip: int = 0,
        *,
        filter: Mapping[str, Any] | None = None,
        sort: str | None = None,
        include_parent: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> BoardItemList:
        """GET /data-board/boards/{board_id}/items: one page of a board's items.

        `limit` (20; 0 is all, the service's maximum is 1000) and `skip` (0) page; `sort` is `"-created_at"` or
        `"fields.<field id>"` (comma-separated, `-` for descending); `include_parent=True` adds each item's parent.
        `filter` is a mapping, sent as JSON (a string is refused): the open-source service rejects every `filter`
        on this route with a 400, so filter with `search`. Walk every page with `iter_items`.

        Returns `{"data": [item, ...], "count": <matching items>, "skip", "limit", "totalPages"}`.

        Example: `items = client.boards.list_items("board_id", limit=100)["data"]`
        """
        kwargs = list_items.build_request(
            board_id, limit=limit, skip=skip, filter_=list_filter(filter), sort=sort, include_parent=include_parent
        )
        return await self._json(kwargs, options)

    async def iter_items(
        self,
        board_id: str,
        *,
        limit: int = _PAGE_SIZE,
        filter: Mapping[str, Any] | None = None,
        sort: str | None = None,
        include_parent: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[BoardItem]:
        """GET /data-board/boards/{board_id}/items, page after page: every item, fetching pages only when needed.

        `limit` is the page size, lowered to the service's 1000; the filters are those of `list_items`. Pages follow
        the reply's count of matching items.

        Example: `for item in client.boards.iter_items("board_id"): print(item["_id"])`
        """

        filters = {"filter": filter, "sort": sort, "include_parent": include_parent}
        first = ITEM_PAGES.first_params(limit)
        async for item in async_walk(self.list_items, ITEM_PAGES, first, board_id, **filters, **options):
            yield item

    async def get_item(self, board_id: str, item_id: str, **options: Unpack[RequestOptions]) -> BoardItemEnvelope:
        """GET /data-board/boards/{board_id}/items/{item_id}: one item with its field values, as `{"data": item}`.

        Example: `item = client.boards.get_item("board_id", "item_id")`
        """
        return await self._json(get_item.build_request(board_id, item_id), options)

    async def create_item(
        self, board_id: str, body: CreateItemBody, **options: Unpack[RequestOptions]
    ) -> BoardItemEnvelope:
        """POST /data-board/boards/{board_id}/items: create an item (`{"fields": {field id or name: value}}`).

        The service keys values by field id only (a name would be stored as an orphan key no field shows), so an
        object's keys are resolved here: field ids are kept, field names become their ids. The board's fields are
        read once per client and board (again when a key is unknown, or after this client changed the board's
        fields); a key that names no field raises `ValueError` before sending. The list form
        `[{"board_field_id", "value"}]` is sent as is, without a read.

        Returns the reply as sent: `{"data": item}`.

        Example: `item = client.boards.create_item("board_id", {"fields": {"Name": "Ada"}})["data"]`
        """
        sent = await self._with_field_ids(board_id, body, options)
        return await self._json(create_item.build_request(board_id, body=sent), options)

    async def update_item(
        self, board_id: str, item_id: str, body: UpdateItemBody, **options: Unpack[RequestOptions]
    ) -> BoardItemEnvelope:
        """PATCH /data-board/boards/{board_id}/items/{item_id}: change field values; fields not mentioned are kept.

        `body` is `{"fields": {field id or name: value}}` (names resolved as for `create_item`) or the legacy
        `{"data": [{"key": <field id>, "value": ...}]}`. Returns the reply as sent: `{"data": item}`.

        Example: `client.boards.update_item("board_id", "item_id", {"fields": {"Name": "Grace"}})`
        """
        sent = await self._with_field_ids(board_id, body, options)
        return await self._json(update_item.build_request(board_id, item_id, body=sent), options)

    async def _with_field_ids(self, board_id: str, body: Mapping[str, Any], options: RequestOptions) -> dict[str, Any]:
        """`body` with an object of `fields` keyed by field id (one cached board read), else as given."""
        fields = body.get("fields")
        if not isinstance(fields, Mapping) or not fields:
            return dict(body)
        cached = self._fields.get(board_id)
        mapped = None if cached is None else item_fields(fields, cached)
        if mapped is None:
            index = self._fields[board_id] = field_index(await self.get(board_id, **options))
            mapped = item_fields(fields, index)
            if mapped is None:
                raise unknown_fields_error(fields, index)
        return {**body, "fields": mapped}

    async def delete_item(self, board_id: str, item_id: str, **options: Unpack[RequestOptions]) -> None:
        """DELETE /data-board/boards/{board_id}/items/{item_id}: delete an item. Destructive. Returns None.

        Example: `client.boards.delete_item("board_id", "item_id")`
        """
        await self._json(delete_item.build_request(board_id, item_id), options)

    async def bulk_delete_items(
        self, board_id: str, body: BulkDeleteItemsBody, **options: Unpack[RequestOptions]
    ) -> BulkDeleteResult:
        """DELETE /data-board/boards/{board_id}/items/bulk-delete: delete many items (`{"ids": [...]}`, a JSON body).

        Every id must be an item of the board (else a 404, nothing deleted). Returns `{"message", "count"}`.

        Example: `client.boards.bulk_delete_items("board_id", {"ids": ["i1", "i2"]})`
        """
        return await self._json(bulk_delete_items.build_request(board_id, body=dict(body)), options)

    async def get_related_items(
        self,
        board_id: str,
        item_id: str,
        related_board_id: str,
        *,
        link: str | None = None,
        name: str | None = None,
        skip: int | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[BoardItem]:
        """GET /data-board/boards/{board_id}/items/{item_id}/related/{related_board_id}: an item's related items.

        `link` ("true", the default: the linked items; "false": the candidates), `name`, `skip` and `limit` (20) are
        the service's filters (not sent when None).

        Returns the reply's `data` (the list of items); a bare list is returned as is.

        Example: `related = client.boards.get_related_items("board_id", "item_id", "other_board_id")`
        """
        kwargs = get_related_items.build_request(
            board_id, item_id, related_board_id, link=link, name=name, skip=skip, limit=limit
        )
        return reply_data(await self._json(kwargs, options))

    async def link_items(
        self,
        board_id: str,
        item_id: str,
        related_board_id: str,
        body: LinkItemsBody,
        **options: Unpack[RequestOptions],
    ) -> MessageResult:
        """POST /data-board/boards/{board_id}/items/{item_id}/related: link items of another board to an item.

        Sends `body` (`{"relatedItemIds": [...]}`, or `{"ids": [...]}`) with `relatedBoardId` set to
        `related_board_id`; every other key of `body` is sent too (the old package dropped them). Without item ids
        it raises `ValueError` before sending (the service's 400).

        Example: `client.boards.link_items("board_id", "item_id", "other_board_id", {"relatedItemIds": ["i9"]})`
        """
        kwargs = link_items.build_request(board_id, item_id, body=related_body(related_board_id, body))
        return await self._json(kwargs, options)

    async def unlink_items(
        self,
        board_id: str,
        item_id: str,
        related_board_id: str,
        body: UnlinkItemsBody,
        **options: Unpack[RequestOptions],
    ) -> MessageResult:
        """DELETE /data-board/boards/{board_id}/items/{item_id}/related: unlink related items (a JSON body).

        The body is built as for `link_items`: `relatedBoardId` from the argument, every key of `body` kept.

        Example: `client.boards.unlink_items("board_id", "item_id", "other_board_id", {"relatedItemIds": ["i9"]})`
        """
        kwargs = unlink_items.build_request(board_id, item_id, body=related_body(related_board_id, body))
        return await self._json(kwargs, options)

    # ---------------------------------------------------------------------------------------------------------------
    # Search and segments
    # ---------------------------------------------------------------------------------------------------------------

    async def search(
        self,
        board_id: str,
        q: str | None = None,
        limit: int = 100,
        offset: int = 0,
        *,
        filter: str | None = None,
        sort: str | Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> BoardSearchResult:
        """POST /data-board/search/{board_id}: full-text search of a board's items.

        Sends `{"limit": 100, "offset": 0}` (the service allows 1 to 10000) plus `q` when not empty, `filter` (an
        expression) and `sort` (a list of rules such as `["created_at:desc"]`; one string is a list of one) when
        given.

        Returns the Meilisearch-style envelope `{"success", "message": {"hits", "estimatedTotalHits", ...}}`.

        Example: `hits = client.boards.search("board_id", "acme")["message"]["hits"]`
        """
        body: dict[str, Any] = {"limit": limit, "offset": offset}
        if q:
            body["q"] = q
        if filter is not None:
            body["filter"] = filter
        if sort is not None:
            body["sort"] = search_sort(sort)
        return await self._json(search_board_items.build_request(board_id, body=body), options)

    async def list_segments(self, board_id: str, **options: Unpack[RequestOptions]) -> SegmentList:
        """GET /data-board/boards/{board_id}/segmentation: a board's saved segments (item filters), as `{"data"}`.

        Example: `segments = client.boards.list_segments("board_id")`
        """
        return await self._json(list_segments.build_request(board_id), options)

    async def create_segment(
        self, board_id: str, body: CreateSegmentBody, **options: Unpack[RequestOptions]
    ) -> Segment:
        """POST /data-board/boards/{board_id}/segmentation: save a segment (`{"name", "description", "filters"}`).

        Other keys are dropped by the service. Returns the segment (the bare row).

        Example: `client.boards.create_segment("board_id", {"name": "VIP", "filters": [...]})`
        """
        return await self._json(create_segment.build_request(board_id, body=dict(body)), options)

    async def update_segment(
        self, board_id: str, segment_id: str, body: UpdateSegmentBody, **options: Unpack[RequestOptions]
    ) -> Segment:
        """PUT /data-board/boards/{board_id}/segmentation/{segment_id}: replace a segment's name, description, filters.

        PUT, as the data-board service declares it (the old package sent PATCH).

        Example: `client.boards.update_segment("board_id", "segment_id", {"name": "VIP 2025"})`
        """
        return await self._json(update_segment.build_request(board_id, segment_id, body=dict(body)), options)

    async def delete_segment(self, board_id: str, segment_id: str, **options: Unpack[RequestOptions]) -> None:
        """DELETE /data-board/boards/{board_id}/segmentation/{segment_id}: delete a segment. Returns None.

        Example: `client.boards.delete_segment("board_id", "segment_id")`
        """
        await self._json(delete_segment.build_request(board_id, segment_id), options)
