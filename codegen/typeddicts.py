"""Emit `TypedDict`s for a spec: its component schemas (`shapes.py`, the facade's results and bodies) and each
operation's request (`params.py`: `<Operation>Body` and `<Operation>Query`, as openai-python's `*_params.py`).

The facade returns the JSON the server sent (dicts and lists, unknown fields kept, `x["id"]` works as the doc uses
it) and sends the caller's dicts as given; these TypedDicts type both for IDEs and mypy (a misspelt key, a wrong
enum literal) at zero runtime cost. openapi-python-client has no TypedDict output, hence this step.
"""

from __future__ import annotations

import keyword
import re
from pathlib import Path
from typing import Any

import yaml

_PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: Body keys the facade fills in when the caller leaves them out (a new chat id, the client's organization): the
#: service requires them, the facade's `<Operation>Body` does not.
FILLED_BY_FACADE: dict[str, set[str]] = {
    "stream_chat": {"id"},
    "create_folder": {"organization_id"},
    "update_ai_agent": {"name", "workflow_name"},  # merged over the agent's current settings by default
}


#: The generated modules' imports: `Required` and `TypeAlias` are newer than Python 3.9's typing, and
#: `typing_extensions.TypedDict` is the one that knows `Required` (and that pydantic accepts) on every supported Python.
_IMPORTS = (
    "from __future__ import annotations\n\n"
    "from typing import Any, Literal\n\n"
    "from typing_extensions import Required, TypeAlias, TypedDict\n\n"
)


class _Emitter:
    def __init__(self, schemas: dict[str, Any]) -> None:
        self.schemas = schemas

    def annotation(self, schema: dict[str, Any] | bool) -> str:
        """The Python type of a schema, as a string; open or unknown shapes become `Any`."""
        if not isinstance(schema, dict):
            return "Any"
        if "$ref" in schema:
            return schema["$ref"].rsplit("/", 1)[-1]
        if "const" in schema:
            return f"Literal[{schema['const']!r}]"
        for key in ("oneOf", "anyOf"):
            if key in schema:
                return self._union([self.annotation(s) for s in schema[key]])
        if "allOf" in schema and len(schema["allOf"]) == 1:
            return self.annotation(schema["allOf"][0])
        kinds = schema.get("type")
        if isinstance(kinds, list):
            return self._union([self.annotation({**schema, "type": k}) for k in kinds])
        if "enum" in schema and kinds == "string":
            return "Literal[" + ", ".join(repr(v) for v in schema["enum"] if v is not None) + "]"
        if kinds == "array":
            return f"list[{self.annotation(schema.get('items', {}))}]"
        if kinds == "object" or "properties" in schema:
            extra = schema.get("additionalProperties")
            if not schema.get("properties") and isinstance(extra, dict):
                return f"dict[str, {self.annotation(extra)}]"
            return "dict[str, Any]"
        return _PRIMITIVES.get(kinds, "Any") if isinstance(kinds, str) else "Any"

    @staticmethod
    def _union(parts: list[str]) -> str:
        unique = list(dict.fromkeys(parts))
        return "Any" if "Any" in unique else " | ".join(unique)

    def merged(self, schema: dict[str, Any]) -> dict[str, Any]:
        """An `allOf` of objects as one object schema (properties and required lists combined)."""
        if "allOf" not in schema or len(schema["allOf"]) < 2:
            return schema
        merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
        for part in schema["allOf"]:
            if "$ref" in part:
                part = self.merged(self.schemas[part["$ref"].rsplit("/", 1)[-1]])
            merged["properties"].update(part.get("properties") or {})
            merged["required"] += part.get("required") or []
        return {**merged, "description": schema.get("description", "")}

    def definition(self, name: str, schema: dict[str, Any]) -> str:
        schema = self.merged(schema)
        properties: dict[str, Any] = schema.get("properties") or {}
        doc = _docstring(schema)
        if schema.get("type") != "object" and not properties:
            return f'{name}: TypeAlias = "{self.annotation(schema)}"\n{doc}'
        required = set(schema.get("required") or [])
        fields = {p: self._field(s, p in required) for p, s in properties.items()}
        if all(_IDENTIFIER.match(p) and not keyword.iskeyword(p) for p in properties):
            body = [f"    {p}: {kind}" for p, kind in fields.items()] or ["    pass"]
            head = [f"class {name}(TypedDict, total=False):", *([f"    {doc.strip()}"] if doc else [])]
            return "\n".join([*head, *body])
        items = ", ".join(f"{p!r}: {kind!r}" for p, kind in fields.items())
        return f'{name} = TypedDict("{name}", {{{items}}}, total=False)\n{doc}'

    def _field(self, schema: dict[str, Any], required: bool) -> str:
        kind = self.annotation(schema)
        return f"Required[{kind}]" if required else kind


def _docstring(schema: dict[str, Any]) -> str:
    text = " ".join((schema.get("title") or schema.get("description") or "").split())
    if not text:
        return ""
    first = text.split(". ")[0].rstrip(".").replace("\\", "\\\\").replace('"""', "'''")
    return f'"""{first}."""\n'


def _pascal(operation_id: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in operation_id.split("_"))


def _operations(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for methods in spec["paths"].values():
        for method, operation in methods.items():
            if method in ("get", "post", "put", "patch", "delete") and "operationId" in operation:
                found.append((operation["operationId"], operation))
    return sorted(found, key=lambda item: item[0])


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node and not node["$ref"].startswith("#/components/schemas/"):
        section, name = node["$ref"].split("/")[-2:]
        node = spec["components"][section][name]
    return node


def inline_result(operation: dict[str, Any]) -> dict[str, Any] | None:
    """The JSON schema a success reply declares inline (the vendor specs have no component schemas), if any."""
    for status, response in sorted((operation.get("responses") or {}).items()):
        if str(status).startswith("2") and isinstance(response, dict):
            schema = ((response.get("content") or {}).get("application/json") or {}).get("schema")
            if isinstance(schema, dict) and "$ref" not in schema and schema:
                return schema
    return None


def render_params(spec_path: Path, origin: str, *, results: bool = False) -> str:
    """`params.py`: a `<Operation>Body` per JSON request body and a `<Operation>Query` per operation with a query;
    with `results`, a `<Operation>Result` per success reply declared inline."""
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    emitter = _Emitter(spec.get("components", {}).get("schemas", {}))
    blocks: list[str] = []
    for operation_id, operation in _operations(spec):
        name = _pascal(operation_id)
        body = _resolve(spec, operation.get("requestBody") or {})
        schema = (body.get("content") or {}).get("application/json", {}).get("schema")
        if schema is not None:
            schema = _resolve(spec, schema)
            filled = FILLED_BY_FACADE.get(operation_id, set())
            if filled:
                whole = emitter.merged(emitter.schemas[schema["$ref"].rsplit("/", 1)[-1]])
                optional = [key for key in whole.get("required", []) if key not in filled]
                blocks.append(emitter.definition(f"{name}Body", {**whole, "required": optional}))
            elif "$ref" in schema:
                blocks.append(f"{name}Body: TypeAlias = {emitter.annotation(schema)}")
            else:
                blocks.append(emitter.definition(f"{name}Body", schema))
        query = [_resolve(spec, p) for p in operation.get("parameters", [])]
        query = [p for p in query if p.get("in") == "query"]
        if query:
            required = [p["name"] for p in query if p.get("required")]
            # None means "not sent", as in the request builders.
            properties = {
                p["name"]: p.get("schema", {})
                if p["name"] in required
                else {"anyOf": [p.get("schema", {}), {"type": "null"}]}
                for p in query
            }
            object_schema = {"type": "object", "properties": properties, "required": required}
            blocks.append(emitter.definition(f"{name}Query", {**object_schema, "description": f"{name} query."}))
        result = inline_result(operation) if results else None
        if result is not None:
            blocks.append(emitter.definition(f"{name}Result", {**result, "description": f"{name} reply."}))
    header = (
        f"# Generated by codegen/typeddicts.py from {origin}. Do not edit: change the spec and run scripts/generate.\n"
        f'"""Request bodies and query parameters of {origin}, as TypedDicts (static types only)."""\n\n' + _IMPORTS
    )
    text = "\n\n".join(blocks)
    used = sorted(name for name in emitter.schemas if re.search(rf"\b{name}\b", text))
    imports = f"from .shapes import {', '.join(used)}\n\n\n" if used else "\n"
    return header + imports + text + "\n"


def _refs(node: Any) -> set[str]:
    """The component schemas a spec node names, directly."""
    if isinstance(node, dict):
        found = {node["$ref"].rsplit("/", 1)[-1]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(_refs(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(value) for value in node))
    return set()


def render_namespaces(spec_path: Path, origin: str) -> dict[str, str]:
    """Per facade namespace (from each operation's `x-imbrace-methods`), a module re-exporting the TypedDicts its
    calls send and return: what `imbrace.types.<namespace>` makes public."""
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    schemas: dict[str, Any] = spec.get("components", {}).get("schemas", {})
    params = set(re.findall(r"^(?:class )?(\w+(?:Body|Query))\b", render_params(spec_path, origin), re.MULTILINE))
    by_namespace: dict[str, tuple[set[str], set[str]]] = {}
    for operation_id, operation in _operations(spec):
        namespaces = {method.split(".")[0] for method in operation.get("x-imbrace-methods", [])}
        shapes, own = _refs({key: operation.get(key) for key in ("requestBody", "responses", "parameters")}), set()
        pending = list(shapes)
        while pending:
            for ref in _refs(schemas.get(pending.pop(), {})) - shapes:
                shapes.add(ref)
                pending.append(ref)
        own = {name for name in (f"{_pascal(operation_id)}Body", f"{_pascal(operation_id)}Query") if name in params}
        for namespace in namespaces:
            held = by_namespace.setdefault(namespace, (set(), set()))
            held[0].update(name for name in shapes if name in schemas)
            held[1].update(own)
    modules = {}
    for namespace, (shapes, own) in sorted(by_namespace.items()):
        lines = [
            f"# Generated by codegen/typeddicts.py from {origin}. Do not edit: change the spec, run scripts/generate.",
            f'"""The TypedDicts that `client.{namespace}` sends and returns."""',
            "",
            f"from ..params import {', '.join(sorted(own))}" if own else "",
            f"from ..shapes import {', '.join(sorted(shapes))}",
            "",
            f"__all__ = {sorted(shapes | own)!r}",
        ]
        modules[namespace] = "\n".join(line for line in lines if line is not None) + "\n"
    return modules


def render(spec_path: Path, origin: str) -> str:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    schemas: dict[str, Any] = spec.get("components", {}).get("schemas", {})
    emitter = _Emitter(schemas)
    blocks = [emitter.definition(name, schemas[name]) for name in sorted(schemas)]
    header = (
        f"# Generated by codegen/typeddicts.py from {origin}. Do not edit: change the spec and run scripts/generate.\n"
        f'"""Result shapes of {origin}, as TypedDicts: the JSON the server sends, typed for IDEs and mypy."""\n\n'
        + _IMPORTS
        + f"__all__ = {sorted(schemas)!r}\n\n\n"
    )
    return header + "\n\n".join(blocks)
