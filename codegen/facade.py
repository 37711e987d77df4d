"""Plan the generated facade of the vendor specs: which namespace and method serves each operation, with which call
shape, and render it with `templates/facade_*.jinja` into `src/imbrace/_async/resources/_generated/`.

Names come from `codegen/legacy_names.yaml` (the old package's, so upgrading code keeps working), else the defaults:
the namespace from the operation's tag, the method the operationId in snake case. The call shape is the default one
(path parameters positional in path order, then `body`, then keyword-only query parameters, then the per-call
options) unless the entry's `args` names the old package's. An operation that a hand-written method already serves
(the same HTTP method and route in `openapi/gateway.yaml`) is not generated again; methods that land in a
hand-written namespace go in a generated base class the hand-written one inherits.
"""

from __future__ import annotations

import ast
import keyword
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from openapi_python_client.strings import PythonIdentifier
from typeddicts import inline_result

from imbrace._vendor_specs import SERVICES, mounted_spec

REPO = Path(__file__).resolve().parent.parent
LEGACY_NAMES = REPO / "codegen" / "legacy_names.yaml"
#: Namespaces written by hand: generated methods landing there go in a base class, never replacing a method.
HAND_WRITTEN = {
    "chat_ai": "chat_ai.py",
    "ai_agent": "ai_agent",
    "ai": "ai",
    "boards": "boards",
    "folders": "folders.py",
}
#: The transport service each spec goes through (`services={"data_board": ...}` moves the data-board routes too).
TRANSPORT = {"data-board": "data_board"}
_METHODS = ("get", "put", "post", "delete", "patch")
_PAGING = {"skip": "OffsetPages", "offset": "OffsetPages", "page": "NumberedPages", "cursor": "NextCursorPages"}
_TRIPLE = '"' * 3


def package(service: str) -> str:
    """The generated package of a vendor spec: `data-board` -> `data_board`."""
    return service.replace("-", "_")


def snake(name: str) -> str:
    """A spec name as a facade parameter: snake case, a keyword gets a trailing underscore (builtins stay)."""
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).replace("-", "_").lower()
    return text + "_" if keyword.iskeyword(text) else text


def builder_name(name: str) -> str:
    """What openapi-python-client calls a parameter or module (`type` -> `type_`, `boardId` -> `board_id`)."""
    return str(PythonIdentifier(name, "field_"))


@dataclass
class Param:
    """One argument of a generated method and where it goes in the request."""

    name: str
    annotation: str
    to: str  # path:<spec name> | query:<spec name> | query | body | body:<field>
    required: bool
    builder: str = ""  # the request builder's argument, for path and query parameters


@dataclass
class Method:
    """One generated method."""

    service: str
    operation_id: str
    namespace: str
    name: str
    http_method: str
    route: str
    summary: str
    module: str  # the request builder, relative to `imbrace._generated`
    positional: list[Param] = field(default_factory=list)
    keyword: list[Param] = field(default_factory=list)
    body_type: str | None = None
    body_required: bool = False
    result: str = "Any"  # `<Operation>Result` where the spec declares the reply
    item: str = "Any"  # what its `data` list holds, for the paging twin
    required_in_query: list[tuple[str, str]] = field(default_factory=list)  # (builder, spec name), whole-query calls
    style: str = ""  # the PageStyle, when the operation pages by limit + skip/offset/page/cursor
    page_key: str = ""
    limit_key: str = ""
    symbol: str = ""  # the builder module's name in the namespace module

    @property
    def params(self) -> list[Param]:
        return [*self.positional, *self.keyword]

    @property
    def pascal(self) -> str:
        return self.operation_id[:1].upper() + self.operation_id[1:]

    @property
    def body_fields(self) -> list[Param]:
        return [p for p in self.params if p.to.startswith("body:")]

    @property
    def whole_body(self) -> Param | None:
        return next((p for p in self.params if p.to == "body"), None)

    @property
    def whole_query(self) -> Param | None:
        return next((p for p in self.params if p.to == "query"), None)

    @property
    def iter_positional(self) -> list[Param]:
        """The paging twin's positional parameters: the path parameters."""
        return [p for p in self.positional if p.to.startswith("path:")]

    @property
    def page_filters(self) -> list[Param]:
        """The paging twin's keyword parameters: the list method's other query parameters."""
        skip = {self.page_key, self.limit_key} | {p.name for p in self.iter_positional}
        return [p for p in self.params if p.name not in skip]

    @property
    def docstring(self) -> str:
        summary = self.summary if self.summary.endswith(".") else self.summary + "."
        first = f"{self.http_method} {self.route}: {summary}".replace(_TRIPLE, "'''").replace("\\", "\\\\")
        second = f"The vendor's `{self.operation_id}` ({self.service} spec); returns the reply as sent."
        example = f"Example: `client.{self.namespace}.{self.name}({self.example_args})`"
        lines = [*textwrap.wrap(first, 108), "", second, "", example]
        body = "\n".join(f"        {line}" if line else "" for line in lines)
        return f"        {_TRIPLE}{body.lstrip()}\n        {_TRIPLE}"

    @property
    def iter_docstring(self) -> str:
        first = (
            f"{self.http_method} {self.route}, page after page: every item `{self.name}` returns (its `data`), each"
            " page fetched only when needed; `limit` is the page size."
        )
        args = ", ".join(f'"{p.name}"' for p in self.iter_positional)
        example = f"Example: `for item in client.{self.namespace}.{iter_name(self)}({args}): print(item)`"
        body = "\n".join(f"        {line}" if line else "" for line in [*textwrap.wrap(first, 108), "", example])
        return f"        {_TRIPLE}{body.lstrip()}\n        {_TRIPLE}"

    @property
    def example_args(self) -> str:
        """The required arguments of an example call: ids by name, bodies and queries as `{...}`."""
        shown = [f'"{p.name}"' if p.annotation == "str" else "{...}" for p in self.positional if p.required]
        return ", ".join(shown)

    @property
    def call(self) -> list[str]:
        """The method's body: build the request, send it."""
        args = [f"{p.builder}={p.name}" for p in self.params if p.to.startswith(("path:", "query:"))]
        fields = self.body_fields
        if fields:
            required = ", ".join(f'"{p.to[5:]}": {p.name}' for p in fields if p.required)
            optional = ", ".join(f'"{p.to[5:]}": {p.name}' for p in fields if not p.required)
            args.append(f"body=body_of({{{required}}}, {{{optional}}})")
        elif self.whole_body is not None:
            args.append(f"body={self.whole_body.name}")
        whole = self.whole_query
        if whole is not None:
            args += [f'{builder}={whole.name}["{spec}"]' for builder, spec in self.required_in_query]
        sent = "kwargs" if whole is None else f"with_query(kwargs, {whole.name})"
        where, name = self.module.rsplit(".", 1)
        alias = "" if self.symbol == name else f" as {self.symbol}"
        return [
            f"from ...._generated.{where} import {name}{alias}",
            "",
            f"kwargs = {self.symbol}.build_request({', '.join(args)})",
            f"return await self._json({sent}, options)",
        ]


def hand_written_routes() -> dict[tuple[str, str], str]:
    """`(METHOD, route shape)` -> the hand-written `namespace.method` serving it, from `openapi/gateway.yaml`."""
    spec = yaml.safe_load((REPO / "openapi" / "gateway.yaml").read_text(encoding="utf-8"))
    found = {}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in _METHODS and operation.get("x-imbrace-methods"):
                found[(method.upper(), _shape(path))] = operation["x-imbrace-methods"][0]
    return found


def hand_written_names(namespace: str) -> set[str]:
    """The method names the hand-written namespace defines (read from its source, nothing imported)."""
    where = REPO / "src" / "imbrace" / "_async" / "resources" / HAND_WRITTEN[namespace]
    files = sorted(where.rglob("*.py")) if where.is_dir() else [where]
    names = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                names.add(node.name)
    return names


def _shape(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


def _annotation(schema: dict[str, Any]) -> str:
    kinds = schema.get("type")
    kind = next((k for k in kinds if k != "null"), None) if isinstance(kinds, list) else kinds
    if kind == "array":
        return f"builtins.list[{_annotation(schema.get('items') or {})}]"  # a namespace may have a `list` method
    if kind == "object":
        return "dict[str, Any]"
    return {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}.get(kind or "", "Any")


def _body_schema(operation: dict[str, Any]) -> dict[str, Any] | None:
    content = (operation.get("requestBody") or {}).get("content") or {}
    schema = (content.get("application/json") or {}).get("schema")
    return schema if isinstance(schema, dict) else None


def plan() -> list[Method]:
    """Every vendor operation no hand-written method serves, as a generated method, in service and spec order."""
    legacy: dict[str, Any] = yaml.safe_load(LEGACY_NAMES.read_text(encoding="utf-8")) if LEGACY_NAMES.exists() else {}
    served = hand_written_routes()
    methods = []
    for service in SERVICES:
        for route, item in mounted_spec(service)["paths"].items():
            for http_method, operation in item.items():
                if http_method not in _METHODS or (http_method.upper(), _shape(route)) in served:
                    continue
                entry = (legacy.get(service) or {}).get(operation["operationId"]) or {}
                methods.append(_method(service, route, http_method, operation, entry))
    _check_names(methods)
    return methods


def _method(service: str, route: str, http_method: str, operation: dict[str, Any], entry: dict[str, Any]) -> Method:
    operation_id = operation["operationId"]
    tag = (operation.get("tags") or [service])[0]
    method = Method(
        service=service,
        operation_id=operation_id,
        namespace=entry.get("namespace") or snake(tag),
        name=entry.get("method") or snake(operation_id),
        http_method=http_method.upper(),
        route=route,
        summary=" ".join((operation.get("summary") or "").split()),
        module=f"{package(service)}.api.{builder_name(tag)}.{builder_name(operation_id)}",
    )
    parameters = operation.get("parameters") or []
    path = {p["name"]: p for p in parameters if p["in"] == "path"}
    query = {p["name"]: p for p in parameters if p["in"] == "query"}
    body = _body_schema(operation)
    reply = inline_result(operation)
    if reply is not None:
        method.result = f"{method.pascal}Result"
        items = ((reply.get("properties") or {}).get("data") or {}).get("items") or {}
        method.item = "dict[str, Any]" if items.get("type") == "object" else "Any"
    if body is not None:
        method.body_type = f"{method.pascal}Body"
        method.body_required = bool((operation.get("requestBody") or {}).get("required"))
    named = [_named(method, arg, path, query, body or {}) for arg in entry.get("args") or []]
    taken = {p.to.partition(":")[2] for p in named if p.to.startswith(("path:", "query:"))}
    whole_query = any(p.to == "query" for p in named)
    body_named = any(p.to == "body" or p.to.startswith("body:") for p in named)
    rest = [Param(snake(n), "str", f"path:{n}", True, builder_name(n)) for n in path if n not in taken]
    if body is not None and not body_named:
        rest.append(Param("body", method.body_type or "Any", "body", method.body_required))
    method.positional = named + rest
    method.keyword = [
        Param(snake(n), _annotation(p.get("schema") or {}), f"query:{n}", bool(p.get("required")), builder_name(n))
        for n, p in query.items()
        if n not in taken and not whole_query
    ]
    _check_order(method)
    if http_method == "get":
        _paging(method)
    return method


def _named(
    method: Method, arg: dict[str, str], path: dict[str, Any], query: dict[str, Any], body: dict[str, Any]
) -> Param:
    """One argument of the old call shape (`codegen/legacy_names.yaml` `args`)."""
    where, _, target = arg["to"].partition(":")
    if where == "path":
        return Param(arg["name"], "str", arg["to"], True, builder_name(path[target]["name"]))
    if where == "query" and target:
        schema, required = query[target].get("schema") or {}, bool(query[target].get("required"))
        return Param(arg["name"], _annotation(schema), arg["to"], required, builder_name(target))
    if where == "query":
        method.required_in_query = [(builder_name(n), n) for n, p in query.items() if p.get("required")]
        annotation = f"{method.pascal}Query" if query else "Query"
        return Param(arg["name"], annotation, "query", bool(method.required_in_query))
    if target:
        fields = body.get("properties") or {}
        return Param(arg["name"], _annotation(fields[target]), arg["to"], target in set(body.get("required") or []))
    return Param(arg["name"], method.body_type or "Any", "body", method.body_required)


def _paging(method: Method) -> None:
    """Mark a list operation that pages by `limit` and `skip`/`offset`/`page`/`cursor`, with the facade's names."""
    by_target = {p.to: p.name for p in method.params}
    key = next((k for k in _PAGING if f"query:{k}" in by_target), None)
    if "query:limit" in by_target and key is not None:
        method.style = _PAGING[key]
        method.page_key, method.limit_key = by_target[f"query:{key}"], by_target["query:limit"]


def _check_order(method: Method) -> None:
    optional = False
    for param in method.positional:
        if optional and param.required:
            raise SystemExit(f"generate: {method.namespace}.{method.name}: required {param.name} after an optional one")
        optional = optional or not param.required
    names = [p.name for p in method.params]
    if len(names) != len(set(names)):
        raise SystemExit(f"generate: {method.namespace}.{method.name} has two parameters named alike: {names}")


def _check_names(methods: list[Method]) -> None:
    seen: dict[tuple[str, str], str] = {}
    for method in methods:
        key = (method.namespace, method.name)
        if key in seen:
            raise SystemExit(f"generate: {'.'.join(key)} would serve both {seen[key]} and {method.operation_id}")
        if method.namespace in HAND_WRITTEN and method.name in hand_written_names(method.namespace):
            raise SystemExit(f"generate: {'.'.join(key)} ({method.operation_id}) is already a hand-written method")
        seen[key] = method.operation_id


def iter_name(method: Method) -> str:
    """The paging twin of a list method: `list_flows` -> `iter_flows`, `get_team_labels` -> `iter_team_labels`,
    `contacts.list` -> `iter_contacts`."""
    if method.name == "list":
        return f"iter_{method.namespace}"
    return "iter_" + re.sub(r"^(list|get)_", "", method.name)


def render(out_root: Path) -> list[Path]:
    """Write one async module per namespace, the client's namespace mixin and the operation index; returns them."""
    methods = plan()
    env = Environment(
        loader=FileSystemLoader(REPO / "codegen" / "templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["iter_name"] = iter_name
    folder = out_root / "src" / "imbrace" / "_async" / "resources" / "_generated"
    folder.mkdir(parents=True, exist_ok=True)
    by_namespace: dict[str, list[Method]] = {}
    for method in methods:
        by_namespace.setdefault(method.namespace, []).append(method)
    written = []
    for namespace, members in sorted(by_namespace.items()):
        names = {m.name for m in members} | (hand_written_names(namespace) if namespace in HAND_WRITTEN else set())
        text = env.get_template("facade_namespace.py.jinja").render(
            namespace=namespace,
            class_name=_class_name(namespace),
            base=namespace in HAND_WRITTEN,
            service=TRANSPORT.get(members[0].service, "gateway"),
            services=sorted({m.service for m in members}),
            methods=members,
            paged=[m for m in members if m.style and iter_name(m) not in names],
            **_imports(members),
        )
        written.append(folder / f"{namespace}.py")
        written[-1].write_text(text, encoding="utf-8")
    index = env.get_template("facade_index.py.jinja").render(
        namespaces=[(n, _class_name(n)) for n in sorted(by_namespace) if n not in HAND_WRITTEN],
    )
    written.append(folder / "__init__.py")
    written[-1].write_text(index, encoding="utf-8")
    operations = env.get_template("facade_operations.py.jinja").render(operations=_index(methods))
    written.append(folder / "operations.py")
    written[-1].write_text(operations, encoding="utf-8")
    return written


def _imports(members: list[Method]) -> dict[str, Any]:
    """What a namespace module imports: the body and query types and the call-shape helpers its methods use. Each
    method imports its own builder on its first call (aliased where two specs name one alike), so touching a
    namespace loads no builder it does not call."""
    counts: dict[str, int] = {}
    for method in members:
        name = method.module.rsplit(".", 1)[1]
        counts[name] = counts.get(name, 0) + 1
    types: dict[str, set[str]] = {}
    for method in members:
        name = method.module.rsplit(".", 1)[1]
        method.symbol = name if counts[name] == 1 else f"{package(method.service)}_{name}"
        used = {p.annotation for p in method.params} & {f"{method.pascal}Body", f"{method.pascal}Query"}
        used |= {method.result} - {"Any"}
        if used:
            types.setdefault(f"{package(method.service)}.params", set()).update(used)
    helpers = {"body_of" for m in members if m.body_fields} | {"with_query" for m in members if m.whole_query}
    return {
        "types": sorted((where, sorted(names)) for where, names in types.items()),
        "shapes": sorted(helpers),
        "uses_query": any(p.annotation == "Query" for m in members for p in m.params),
        "uses_builtins": any("builtins." in p.annotation for m in members for p in m.params),
    }


def _class_name(namespace: str) -> str:
    words = "".join(word[:1].upper() + word[1:] for word in namespace.split("_"))
    return f"AsyncGenerated{words}" if namespace in HAND_WRITTEN else f"Async{words}Resource"


def _index(methods: list[Method]) -> list[tuple[str, str, str]]:
    """`(service.operationId, namespace.method, METHOD route)` for all operations, generated or hand-written."""
    generated = {(m.service, m.operation_id): f"{m.namespace}.{m.name}" for m in methods}
    served = hand_written_routes()
    rows = []
    for service in SERVICES:
        for route, item in mounted_spec(service)["paths"].items():
            for http_method, operation in item.items():
                if http_method not in _METHODS:
                    continue
                key = (service, operation["operationId"])
                target = generated.get(key) or served[(http_method.upper(), _shape(route))]
                rows.append((f"{service}.{operation['operationId']}", target, f"{http_method.upper()} {route}"))
    return rows
