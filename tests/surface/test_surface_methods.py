"""Every row of the surface table: the method exists on both clients, sends its HTTP method and path, and the
async twin is awaitable (or async-iterable, for the generators)."""

from __future__ import annotations

import asyncio
import csv
import inspect
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from imbrace import AsyncImbraceClient, ImbraceClient

SURFACE = Path(__file__).with_name("imbrace-surface.tsv")
DEVIATIONS = {("boards", "update_segment"): "PUT"}
PATH_DEVIATIONS = {  # the AI service redirects `/document/`; the data-board's Excel import is `/import_excel`
    ("chat_ai", "process_document"): "/v3/ai/document",
    ("boards", "import_excel"): "/data-board/boards/{board_id}/import_excel",
}
_GUARDRAIL = {"name": "n", "model": "m", "instructions": "i", "unsafe_categories": []}
_TOOL_SERVER = {"url": "u", "path": "", "type": "mcp", "auth_type": None, "key": None, "config": None}
ROWS = list(csv.DictReader(SURFACE.open(encoding="utf-8", newline=""), delimiter="\t"))
# Calls whose required inputs the generic argument builder cannot guess.
SAMPLE_CALLS: dict[str, tuple[list[Any], dict[str, Any]]] = {
    # The data-board service's bodies (the SDK refuses, before sending, the ones the service rejects).
    "boards.import_csv": (["x1", {"fileUrl": "u", "mappings": [{"csvHeader": "A", "boardFieldId": "f"}]}], {}),
    "boards.import_excel": (["x1", {"fileUrl": "u", "mappings": [{"csvHeader": "A", "boardFieldId": "f"}]}], {}),
    "boards.link_items": (["x1", "x1", "x1", {"relatedItemIds": ["x1"]}], {}),
    "boards.unlink_items": (["x1", "x1", "x1", {"relatedItemIds": ["x1"]}], {}),
    "boards.upload_file": ([{"file": ("a.txt", b"hello", "text/plain")}, "x1"], {}),
    "ai.complete": ([{"model": "m", "messages": [{"role": "user", "content": "hi"}]}], {}),
    "ai.stream": ([{"model": "m", "messages": [{"role": "user", "content": "hi"}]}], {}),
    "ai.embed": ([{"model": "m", "input": ["a"]}], {}),
    # The AI-agent service's bodies (the SDK refuses, before sending, the ones the service rejects).
    "ai_agent.verify_chat_client_credentials": ([{"email": "a@b.co", "password": "pw"}], {}),
    "ai_agent.register_chat_client": ([{"email": "a@b.co", "password": "pw"}], {}),
    "ai_agent.generate_client_chat_title": (["x1", {"message": {"parts": []}}], {}),
    "ai_agent.persist_client_message": ([{"chatId": "chat_id", "content": "Hi"}], {}),
    "ai_agent.update_vote": ([{"chatId": "chat_id", "messageId": "message_id", "type": "up"}], {}),
    "ai_agent.create_document": ([{"title": "T", "kind": "text", "content": "x"}], {}),
    "ai_agent.generate_parquet": ([], {"data": [{"id": 1}], "file_name": "f", "folder_name": "d"}),
    "ai.create_guardrail": ([_GUARDRAIL], {}),
    "ai.update_guardrail": (["x1", _GUARDRAIL], {}),
    "ai.create_provider": ([{"name": "n", "type": "openai", "config": {}}], {}),
    "ai.update_provider": (["x1", {"name": "n", "type": "openai", "config": {}}], {}),
    "ai.verify_tool_server": ([_TOOL_SERVER], {}),
}
SSE = b'data: {"type":"start"}\n\ndata: {"type":"finish"}\n\ndata: [DONE]\n\n'


def _respond(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    if path.endswith(("/v2/chat", "/sub-agent-chat")):
        return httpx.Response(200, content=SSE, headers={"content-type": "text/event-stream"})
    if path.endswith("/status/stream"):
        status = b'data: {"status":"idle"}\n\n'
        return httpx.Response(200, content=status, headers={"content-type": "text/event-stream"})
    if path.endswith("/completions"):
        if b'"stream":true' in request.content.replace(b" ", b""):
            chunk = b'data: {"id":"c","model":"m","choices":[]}\n\ndata: [DONE]\n\n'
            return httpx.Response(200, content=chunk, headers={"content-type": "text/event-stream"})
        return httpx.Response(200, json={"id": "c", "model": "m", "choices": []})
    if path.endswith("/embeddings"):
        return httpx.Response(200, json={"model": "m", "data": []})
    return httpx.Response(200, json={"data": [], "success": True, "id": "x1", "_id": "x1", "status": "completed"})


def _argument(name: str, annotation: str) -> Any:
    if name in ("files", "file"):
        return {"file": ("a.txt", b"hello", "text/plain")}
    if "list" in annotation or "Sequence" in annotation:
        return ["x1"]
    if name in ("body", "data", "input", "options") or "Mapping" in annotation or "dict" in annotation:
        return {"model": "m", "messages": [], "input": ["a"]} if name == "input" else {}
    return "x1"


def _call_arguments(method: Any) -> tuple[list[Any], dict[str, Any]]:
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for name, parameter in inspect.signature(method).parameters.items():
        if parameter.default is not inspect.Parameter.empty or parameter.kind is parameter.VAR_KEYWORD:
            continue
        value = _argument(name, str(parameter.annotation))
        if parameter.kind is parameter.KEYWORD_ONLY:
            kwargs[name] = value
        else:
            args.append(value)
    return args, kwargs


def _expected_path(row: dict[str, str]) -> str:
    path = PATH_DEVIATIONS.get((row["namespace"], row["python_method"]), row["path"])
    return re.sub(r"\{[^}]+\}", "x1", path)


def _consume_sync(result: Any) -> None:
    if hasattr(result, "__iter__") and not isinstance(result, (dict, list, str, bytes, httpx.Response)):
        for _ in result:
            pass
    close = getattr(result, "close", None)
    if callable(close) and not isinstance(result, httpx.Response):
        close()


async def _consume_async(result: Any) -> None:
    if inspect.isawaitable(result):
        result = await result
    if hasattr(result, "__aiter__"):
        async for _ in result:
            pass
    aclose = getattr(result, "aclose", None)
    if callable(aclose) and not isinstance(result, httpx.Response):
        await aclose()


def _routes(requests: list[httpx.Request]) -> list[tuple[str, str]]:
    return [(r.method, r.url.path) for r in requests]


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['namespace']}.{r['python_method']}" for r in ROWS])
def test_surface_row_on_both_clients(row: dict[str, str]) -> None:
    namespace, name = row["namespace"], row["python_method"]
    sync_requests: list[httpx.Request] = []
    async_requests: list[httpx.Request] = []

    def record(into: list[httpx.Request]) -> Any:
        def handler(request: httpx.Request) -> httpx.Response:
            request.read()
            into.append(request)
            return _respond(request)

        return httpx.MockTransport(handler)

    sync_http = httpx.Client(transport=record(sync_requests))
    sync_client = ImbraceClient(api_key="k", organization_id="org", gateway="http://gw", http_client=sync_http)
    sync_method = getattr(getattr(sync_client, namespace), name)
    args, kwargs = SAMPLE_CALLS.get(f"{namespace}.{name}") or _call_arguments(sync_method)
    _consume_sync(sync_method(*args, **kwargs))

    async def run_async() -> None:
        transport = record(async_requests)
        async with AsyncImbraceClient(
            api_key="k", organization_id="org", gateway="http://gw", http_client=httpx.AsyncClient(transport=transport)
        ) as client:
            method = getattr(getattr(client, namespace), name)
            result = method(*args, **kwargs)
            assert inspect.isawaitable(result) or hasattr(result, "__aiter__"), f"{namespace}.{name} is not async"
            await _consume_async(result)

    asyncio.run(run_async())
    assert _routes(sync_requests) == _routes(async_requests)
    if row["http_method"] == "?":
        assert sync_requests, f"{namespace}.{name} sent nothing"
        return
    expected_method = DEVIATIONS.get((namespace, name), row["http_method"])
    expected_path = _expected_path(row)
    assert (expected_method, expected_path) in _routes(sync_requests)
