"""The generated iterators walk a vendor list page after page with the list method's own parameter names, on both
clients, fetching the next page only when the current one is used up."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from imbrace import AsyncImbraceClient, ImbraceClient

CONTACTS = [{"_id": f"c{n}"} for n in range(5)]


def _pages(sent: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        offset, limit = int(request.url.params["offset"]), int(request.url.params["limit"])
        return httpx.Response(200, json={"data": CONTACTS[offset : offset + limit]})

    return httpx.MockTransport(handler)


def test_iter_contacts_walks_every_page_lazily() -> None:
    sent: list[httpx.Request] = []
    client = ImbraceClient(api_key="k", gateway="http://gw", http_client=httpx.Client(transport=_pages(sent)))
    walk = client.contacts.iter_contacts(limit=2, q="ann")
    assert next(walk) == {"_id": "c0"} and len(sent) == 1
    assert [item["_id"] for item in walk] == ["c1", "c2", "c3", "c4"]
    assert [(r.url.path, dict(r.url.params)) for r in sent] == [
        ("/channel-service/v1/contacts", {"limit": "2", "offset": str(offset), "q": "ann"}) for offset in (0, 2, 4)
    ]


def test_the_async_twin_walks_the_same_pages() -> None:
    sent: list[httpx.Request] = []

    async def walk() -> list[Any]:
        http = httpx.AsyncClient(transport=_pages(sent))
        async with AsyncImbraceClient(api_key="k", gateway="http://gw", http_client=http) as client:
            return [item async for item in client.contacts.iter_contacts(limit=3)]

    assert asyncio.run(walk()) == CONTACTS
    assert [r.url.params["offset"] for r in sent] == ["0", "3"]


def test_a_bare_list_reply_is_its_own_page() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params["offset"])
        return httpx.Response(200, json=CONTACTS[offset : offset + 2])

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = ImbraceClient(api_key="k", gateway="http://gw", http_client=http)
    assert list(client.contacts.iter_contacts(limit=2)) == CONTACTS


def test_iter_flows_follows_the_next_cursor_until_there_is_none() -> None:
    pages = {None: (["f1", "f2"], "c2"), "c2": (["f3"], "c3"), "c3": ([], None)}
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        ids, following = pages[request.url.params.get("cursor")]
        return httpx.Response(200, json={"data": [{"id": i} for i in ids], "next": following, "previous": None})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = ImbraceClient(api_key="k", gateway="http://gw", http_client=http)
    assert [flow["id"] for flow in client.workflows.iter_flows(status="ENABLED", limit=2)] == ["f1", "f2", "f3"]
    assert [dict(r.url.params) for r in sent] == [
        {"limit": "2", "status": "ENABLED"},
        {"limit": "2", "status": "ENABLED", "cursor": "c2"},
        {"limit": "2", "status": "ENABLED", "cursor": "c3"},
    ]
    assert {r.url.path for r in sent} == {"/activepieces/v1/flows"}
