"""The two rewrites a documentation example gets, both on its syntax tree (never on its text).

- `with_ids`: each placeholder id string ("asst_abc", "chat_id"...) becomes the id of a record the test created;
  dict keys are left alone, so `{"chat_id": "chat_id"}` keeps its key.
- `to_async`: the example as it reads on `AsyncImbraceClient`, wrapped in `async def __example__()` that returns its
  variables:
  - `ImbraceClient` becomes `AsyncImbraceClient` (the import and the constructor);
  - a call `client.<namespace>.<method>(...)` is awaited, except an async generator iterated by a `for`
    (`client.ai.stream`, `client.ai_agent.stream_chat_text`, `client.*.iter_*`): that `for` becomes `async for`;
  - a stream opened by `s = client.<namespace>.stream_*(...)` is read with `await s.aread()` before the statement
    that reads `s.text` or `s.content` (httpx semantics: an async response body must be read, awaited, first).
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

__all__ = ["ASYNC_ENTRY", "to_async", "with_ids"]

ASYNC_ENTRY = "__example__"
_ASYNC_GENERATORS = {"stream", "stream_chat_text"}
_BODY_READS = {"text", "content"}
_BLOCKS = ("body", "orelse", "finalbody")  # the statement lists of compound statements (if, for, with, try...)


def with_ids(tree: ast.Module, ids: Mapping[str, str]) -> ast.Module:
    """The example with its placeholder ids replaced; a placeholder the example does not contain is an error."""
    rewriter = _Ids(ids)
    tree = ast.fix_missing_locations(rewriter.visit(tree))
    unused = set(ids) - rewriter.used
    if unused:
        raise ValueError(f"the example contains no {sorted(unused)}")
    return tree


def to_async(tree: ast.Module) -> ast.Module:
    """The example as the body of `async def __example__()`, which returns the example's variables."""
    body = _Async().visit(tree).body
    body = _read_first(body, _streams(body))
    module = ast.parse(f"async def {ASYNC_ENTRY}():\n    return locals()")
    entry = module.body[0]
    assert isinstance(entry, ast.AsyncFunctionDef)
    entry.body[:0] = body
    return ast.fix_missing_locations(module)


class _Ids(ast.NodeTransformer):
    def __init__(self, ids: Mapping[str, str]) -> None:
        self.ids = ids
        self.used: set[str] = set()

    def visit_Dict(self, node: ast.Dict) -> ast.Dict:
        node.values = [self.visit(value) for value in node.values]
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.Constant:
        if not isinstance(node.value, str) or node.value not in self.ids:
            return node
        self.used.add(node.value)
        return ast.copy_location(ast.Constant(self.ids[node.value]), node)


def _client_method(node: ast.AST) -> str | None:
    """`m` when `node` is a call `client.<namespace>.m(...)`."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    namespace = node.func.value
    if (
        isinstance(namespace, ast.Attribute)
        and isinstance(namespace.value, ast.Name)
        and namespace.value.id == "client"
    ):
        return node.func.attr
    return None


def _is_async_generator(method: str | None) -> bool:
    return method is not None and (method in _ASYNC_GENERATORS or method.startswith("iter_"))


class _Async(ast.NodeTransformer):
    def __init__(self) -> None:
        self.iterated: set[int] = set()

    def visit_alias(self, node: ast.alias) -> ast.alias:
        return ast.alias("AsyncImbraceClient", node.asname) if node.name == "ImbraceClient" else node

    def visit_Name(self, node: ast.Name) -> ast.Name:
        return ast.Name("AsyncImbraceClient", node.ctx) if node.id == "ImbraceClient" else node

    def visit_For(self, node: ast.For) -> ast.For | ast.AsyncFor:
        if not _is_async_generator(_client_method(node.iter)):
            return self.generic_visit(node)  # type: ignore[return-value]
        self.iterated.add(id(node.iter))
        self.generic_visit(node)
        return ast.copy_location(ast.AsyncFor(node.target, node.iter, node.body, node.orelse), node)

    def visit_Call(self, node: ast.Call) -> ast.expr:
        self.generic_visit(node)
        if _client_method(node) is None or id(node) in self.iterated:
            return node
        return ast.Await(node)


def _streams(body: list[ast.stmt]) -> set[str]:
    """The names bound by `name = await client.<namespace>.stream_*(...)`."""
    names = set()
    for node in ast.walk(ast.Module(body, type_ignores=[])):
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Await)
            and (_client_method(node.value.value) or "").startswith("stream_")
        ):
            names.add(node.targets[0].id)
    return names


def _read_first(body: list[ast.stmt], streams: set[str]) -> list[ast.stmt]:
    """`body` with `await s.aread()` before each simple statement that reads the body of a stream `s`."""
    rewritten: list[ast.stmt] = []
    for statement in body:
        blocks = [field for field in _BLOCKS if isinstance(getattr(statement, field, None), list)]
        for field in blocks:
            setattr(statement, field, _read_first(getattr(statement, field), streams))
        if not blocks:
            for name in sorted(_body_reads(statement, streams)):
                aread = ast.Call(ast.Attribute(ast.Name(name, ast.Load()), "aread", ast.Load()), [], [])
                rewritten.append(ast.copy_location(ast.Expr(ast.Await(aread)), statement))
        rewritten.append(statement)
    return rewritten


def _body_reads(statement: ast.stmt, streams: set[str]) -> set[str]:
    return {
        node.value.id
        for node in ast.walk(statement)
        if isinstance(node, ast.Attribute)
        and node.attr in _BODY_READS
        and isinstance(node.value, ast.Name)
        and node.value.id in streams
    }
