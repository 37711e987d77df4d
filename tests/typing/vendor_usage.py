"""mypy checks the generated vendor namespaces as it checks the hand-written ones: bodies and query parameters typed
from the specs, replies typed where the spec declares them, on both clients. Each `# type: ignore[code]` is an error
mypy must find (`warn_unused_ignores` fails the check if it stops finding it); pytest never runs this file."""

from __future__ import annotations

from typing import Any

from imbrace import AsyncImbraceClient, ImbraceClient


def sync_usage(client: ImbraceClient) -> None:
    client.contacts.create({"display_name": "Ann", "email": "ann@example.com"})
    client.contacts.create({"display_nam": "Ann"})  # type: ignore[typeddict-unknown-key]
    client.contacts.get(42)  # type: ignore[arg-type]
    client.channel.list("web", limit=10)
    client.channel.list(limit="10")  # type: ignore[arg-type]
    flows = client.workflows.list_flows(limit=5)
    first: dict[str, Any] = flows["data"][0]
    cursor: str | None = flows.get("next")
    client.workflows.list_flows()["nxt"]  # type: ignore[typeddict-item]
    for flow in client.workflows.iter_flows(status="ENABLED"):
        flow.get("id")
    del first, cursor


async def async_usage(client: AsyncImbraceClient) -> None:
    await client.contacts.create({"display_nam": "Ann"})  # type: ignore[typeddict-unknown-key]
    flows = await client.workflows.list_flows(cursor="c2")
    flows["data"]
    async for flow in client.workflows.iter_flows():
        flow.get("id")
    await client.boards.get_board_schema("board_id")
    await client.boards.get_board_schema()  # type: ignore[call-arg]
