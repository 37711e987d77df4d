"""Every method of the five namespaces, on both clients: one signature, one docstring that names its HTTP call and
shows an example, and the per-call options last. The methods are the surface table's rows and every public method
of the namespace classes."""

from __future__ import annotations

import csv
import functools
import inspect
import re
from pathlib import Path
from typing import Any

import pytest

from imbrace._async.resources.ai import AsyncAiResource
from imbrace._async.resources.ai_agent import AsyncAiAgentResource
from imbrace._async.resources.boards import AsyncBoardsResource
from imbrace._async.resources.chat_ai import AsyncChatAiResource
from imbrace._async.resources.folders import AsyncFoldersResource
from imbrace._sync.resources.ai import AiResource
from imbrace._sync.resources.ai_agent import AiAgentResource
from imbrace._sync.resources.boards import BoardsResource
from imbrace._sync.resources.chat_ai import ChatAiResource
from imbrace._sync.resources.folders import FoldersResource

SURFACE = Path(__file__).with_name("imbrace-surface.tsv")
# namespace: (async class, sync class, the paths its docstrings may name)
NAMESPACES: dict[str, tuple[type, type, tuple[str, ...]]] = {
    "chat_ai": (AsyncChatAiResource, ChatAiResource, ("/v3/ai/",)),
    "ai": (AsyncAiResource, AiResource, ("/v3/ai/", "/v2/ai/")),
    "ai_agent": (AsyncAiAgentResource, AiAgentResource, ("/",)),
    "boards": (AsyncBoardsResource, BoardsResource, ("/",)),
    "folders": (AsyncFoldersResource, FoldersResource, ("/",)),
}
HTTP_CALL = re.compile(r"(GET|POST|PUT|PATCH|DELETE) (/[^\s:,]*)[:, ]")
EXAMPLE = re.compile(r"Example:(:\n| `)")
# The per-call options are `**options`, except where keywords carry the body's fields too (the completion calls) or
# the body has a field named `options` (embedding processing).
OPTIONS = {
    "ai.complete": "kwargs",
    "ai.stream": "kwargs",
    "ai_agent.process_embedding": "request_options",
    "ai_agent.process_embedding_and_wait": "request_options",
}


def _methods(namespace: str) -> list[str]:
    with SURFACE.open(encoding="utf-8") as handle:
        rows = {row["python_method"] for row in csv.DictReader(handle, delimiter="\t") if row["namespace"] == namespace}
    public = {name for name in dir(NAMESPACES[namespace][0]) if not name.startswith("_")}
    return sorted(rows | public)


METHODS = [(namespace, name) for namespace in NAMESPACES for name in _methods(namespace)]


@pytest.mark.parametrize(("namespace", "name"), METHODS, ids=[f"{ns}.{name}" for ns, name in METHODS])
def test_both_clients_have_the_method_with_one_signature_and_a_docstring(namespace: str, name: str) -> None:
    async_class, sync_class, paths = NAMESPACES[namespace]
    async_method: Any = getattr(async_class, name)
    sync_method: Any = getattr(sync_class, name)
    assert async_method.__doc__ == sync_method.__doc__
    if isinstance(async_method, (property, functools.cached_property)):
        return
    assert inspect.iscoroutinefunction(async_method) or inspect.isasyncgenfunction(async_method)
    assert not inspect.iscoroutinefunction(sync_method) and not inspect.isasyncgenfunction(sync_method)
    # The same parameters; the results differ by design (`Iterator` / `AsyncIterator`, `ChatStream` / `AsyncChatStream`)
    assert inspect.signature(sync_method).parameters == inspect.signature(async_method).parameters
    doc = inspect.getdoc(sync_method) or ""
    call = HTTP_CALL.match(doc.splitlines()[0])
    assert call is not None and call.group(2).startswith(paths), doc.splitlines()[0]
    assert EXAMPLE.search(doc)
    last = list(inspect.signature(sync_method).parameters.values())[-1]
    assert (last.name, last.kind) == (OPTIONS.get(f"{namespace}.{name}", "options"), inspect.Parameter.VAR_KEYWORD)
