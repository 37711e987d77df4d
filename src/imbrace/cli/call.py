"""`imbrace call NAMESPACE.METHOD ARGS... [--option VALUE]`: any method of the SDK, its result printed as JSON.

Like `gh api` or `openai api`, but typed from the SDK's surface: the arguments come from the method's signature
(required parameters are positional, the others `--options`, as in `imbrace call boards.list_items BOARD_ID --limit
5`). A value becomes what the parameter's type asks for: text, a number, a boolean, or JSON for bodies and lists;
`@file` reads a value from a file (`@-` from stdin), and a file parameter takes a path. Per-call options
(`--timeout`, `--max-retries`, `--extra-body`...) work on every method. The client is configured from the
environment (IMBRACE_API_KEY, IMBRACE_GATEWAY_URL, ...) and `--gateway`.

The result goes to stdout as indented JSON; an iterator or a stream as one JSON line per item, as it arrives; a raw
response (a download) as its bytes. A failure is one line on stderr with the status, as for every command.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache, cached_property
from pathlib import Path
from typing import Any, TextIO

import httpx

from .. import ImbraceClient
from .._open_routes import MissingCredentialsError
from .errors import USAGE, CliError, exit_status, one_line

__all__ = ["NAMESPACES", "OPTION_HELP", "call", "namespace_names", "resource_class"]

_PROG = "imbrace call"
OPTION_HELP: Mapping[str, str] = {
    "timeout": "seconds for this call",
    "max_retries": "this call's retry budget",
    "extra_headers": "JSON object of headers to add",
    "extra_query": "JSON object of query parameters to add",
    "extra_body": "JSON object merged into the JSON body",
    "idempotent": "true lets a POST be retried (false stops retries of a GET)",
}


def namespace_names() -> list[str]:
    """The client's namespaces, hand-written and generated, from its classes (cheap: nothing is imported)."""
    found = {
        name for cls in ImbraceClient.__mro__ for name, value in vars(cls).items() if isinstance(value, cached_property)
    }
    return sorted(found)


NAMESPACES = namespace_names()


@cache
def _placeholder() -> ImbraceClient:
    return ImbraceClient(api_key="-", gateway="http://127.0.0.1")


def resource_class(path: str) -> type:
    """The sync class of a namespace, nested ones too: `boards` -> `BoardsResource`, `ai_agent.threads` -> ...

    Found on a client that is looked at, never used to send. Raises CliError for a name that is no namespace.
    """
    node: object = _placeholder()
    for part in path.split("."):
        attribute = None if part.startswith("_") else getattr(type(node), part, None)
        if attribute is None or callable(attribute):
            raise CliError(f"{path!r} is not a namespace (see: imbrace call --help)", code=USAGE)
        node = getattr(node, part)
    return type(node)


def call(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Run `imbrace call ARGV`; returns the exit status."""
    out = out or sys.stdout
    target, rest = (argv[0], list(argv[1:])) if argv else ("", [])
    if not target or target.startswith("-"):
        return _print_help(out, _overview(), status=0 if target in ("-h", "--help") else USAGE)
    first = target.partition(".")[0]
    if first not in NAMESPACES:
        raise CliError(f"unknown namespace {first!r}: expected one of {', '.join(NAMESPACES)}", code=USAGE)
    namespace, _, method = target.rpartition(".")
    if not namespace or method.startswith("_") or not callable(getattr(resource_class(namespace), method, None)):
        return _namespace_or_error(target, rest, out)
    function = getattr(resource_class(namespace), method)
    parser = _method_parser(target, function)
    try:
        parsed, extra = parser.parse_known_args(rest)
        kwargs = vars(parsed)
        gateway = kwargs.pop("gateway")
        kwargs.pop("debug")  # the console script acts on it
        if extra and not _takes_more_keywords(function):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args, keywords = _arguments(function, kwargs, _extras(extra, parser))
    except SystemExit as exit_:
        return exit_status(exit_)
    with _client(gateway) as client:
        bound: Any = client
        for part in target.split("."):
            bound = getattr(bound, part)
        try:
            result = bound(*args, **keywords)
        except (TypeError, ValueError, MissingCredentialsError) as exc:  # refused before sending
            raise CliError(f"{target}: {one_line(exc)}", code=USAGE) from exc
        _write(result, out)
    return 0


def _namespace_or_error(target: str, rest: Sequence[str], out: TextIO) -> int:
    """`imbrace call NAMESPACE [--help]`: its methods; a name that is neither a namespace nor a method is an error."""
    namespace, _, method = target.rpartition(".")
    if method.startswith("_") or (namespace and not hasattr(resource_class(namespace), method)):
        where = f"imbrace call {namespace} --help"
        raise CliError(f"{namespace} has no method {method!r} (see: {where})", code=USAGE)
    help_text = _namespace_help(target, resource_class(target))
    return _print_help(out, help_text, status=0 if _wants_help(rest) else USAGE)


def _takes_more_keywords(function: Callable[..., Any]) -> bool:
    """Whether the method takes `**kwargs` beyond the per-call options (`ai.complete`'s completion fields)."""
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind is inspect.Parameter.VAR_KEYWORD and "RequestOptions]" not in str(parameter.annotation):
            return True
    return False


def _wants_help(rest: Sequence[str]) -> bool:
    return any(arg in ("-h", "--help") for arg in rest)


def _print_help(out: TextIO, text: str, *, status: int) -> int:
    (out if status == 0 else sys.stderr).write(text)
    return status


def _overview() -> str:
    lines = [
        f"usage: {_PROG} NAMESPACE.METHOD [ARGS...] [--option VALUE ...]",
        "",
        "Run any method of the SDK and print its result as JSON.",
        "",
        "namespaces:",
    ]
    for name in NAMESPACES:
        lines.append(f"  {name:<10} {_first_line(resource_class(name).__doc__)}")
    lines += ["", f"Methods of a namespace: {_PROG} NAMESPACE --help; one method: {_PROG} NAMESPACE.METHOD --help", ""]
    return "\n".join(lines)


def _namespace_help(namespace: str, resource: type) -> str:
    lines = [f"usage: {_PROG} {namespace}.METHOD [ARGS...] [--option VALUE ...]", "", f"{namespace} methods:"]
    for name in _methods(resource):
        lines.append(f"  {name:<34} {_first_line(getattr(resource, name).__doc__)}")
    nested = [name for name in _public(resource) if not callable(getattr(resource, name))]
    if nested:
        lines += ["", f"namespaces in {namespace}:"]
        lines += [
            f"  {namespace}.{name:<25} {_first_line(resource_class(f'{namespace}.{name}').__doc__)}" for name in nested
        ]
    lines += ["", f"One method's arguments: {_PROG} {namespace}.METHOD --help", ""]
    return "\n".join(lines)


def _public(resource: type) -> list[str]:
    return sorted(name for name in dir(resource) if not name.startswith("_"))


def _methods(resource: type) -> list[str]:
    return [name for name in _public(resource) if callable(getattr(resource, name))]


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().splitlines()[0] if doc else ""


def _method_parser(name: str, function: Callable[..., Any]) -> argparse.ArgumentParser:
    """An argparse parser for one method: required parameters positional, the others options."""
    doc = inspect.getdoc(function) or ""
    parser = argparse.ArgumentParser(
        prog=f"{_PROG} {name}", description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    for parameter in list(inspect.signature(function).parameters.values())[1:]:
        annotation = str(parameter.annotation).replace("FilesArg", "a file path")
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            group = parser.add_argument_group("per-call options (any other --name VALUE is passed on as a keyword)")
            for option, help_text in OPTION_HELP.items():
                flag = "--" + option.replace("_", "-")
                group.add_argument(flag, dest=f"**{option}", type=_json_or_text, metavar="VALUE", help=help_text)
            continue
        convert = _converter(annotation)
        metavar = parameter.name.upper()
        if parameter.default is inspect.Parameter.empty and parameter.kind is not inspect.Parameter.KEYWORD_ONLY:
            parser.add_argument(parameter.name, type=convert, metavar=metavar, help=annotation)
        else:
            required = parameter.default is inspect.Parameter.empty
            default = None if required else parameter.default
            parser.add_argument(
                "--" + parameter.name.replace("_", "-"),
                dest=parameter.name,
                type=convert,
                metavar=metavar,
                required=required,
                default=default,
                help=f"{annotation} (default: {default!r})" if not required else annotation,
            )
    parser.add_argument("--gateway", metavar="URL", help="the gateway (default: IMBRACE_GATEWAY_URL or the env's)")
    parser.add_argument("--debug", action="store_true", help="show the traceback of a failure")
    return parser


def _arguments(
    function: Callable[..., Any], parsed: dict[str, Any], extra: dict[str, Any]
) -> tuple[list[Any], dict[str, Any]]:
    """Positional and keyword arguments for the call: positional-only parameters by position, the rest by name."""
    args: list[Any] = []
    keywords: dict[str, Any] = {}
    for parameter in list(inspect.signature(function).parameters.values())[1:]:
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            continue
        value = parsed.pop(parameter.name)
        if parameter.kind is inspect.Parameter.POSITIONAL_ONLY:
            args.append(value)
        elif value is not None or parameter.default is inspect.Parameter.empty:
            keywords[parameter.name] = value
    keywords.update({key[2:]: value for key, value in parsed.items() if key.startswith("**") and value is not None})
    keywords.update(extra)
    return args, keywords


def _extras(extra: list[str], parser: argparse.ArgumentParser) -> dict[str, Any]:
    """`--name VALUE` (or `--name=VALUE`) pairs argparse did not know, for methods that take more keywords."""
    pairs: dict[str, Any] = {}
    items = iter(extra)
    for item in items:
        name, equals, inline = item.partition("=")
        value = inline if equals else next(items, None)
        if not name.startswith("--") or value is None:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        pairs[name[2:].replace("-", "_")] = _json_or_text(value)
    return pairs


def _converter(annotation: str) -> Callable[[str], Any]:
    """How a command-line value becomes an argument of the annotated type (named for argparse's messages)."""
    kinds = _members(annotation) - {"None"}
    if "a file path" in kinds or kinds == {"str", "Path"}:
        return _named("path", lambda value: Path(value[1:] if value.startswith("@") else value))
    scalar: dict[str, Callable[[str], Any]] = {"str": str, "int": int, "float": float, "bool": _boolean}
    if len(kinds) == 1 and next(iter(kinds)) in scalar:
        kind = next(iter(kinds))
        return _named(kind, lambda value: scalar[kind](_read(value)))
    text_allowed = "str" in kinds
    return _named("JSON", lambda value: _json_or_text(_read(value), text_allowed=text_allowed))


def _members(annotation: str) -> set[str]:
    """The members of a union as written in an annotation: `A | B`, `Optional[A]` or `Union[A, B]` (nested alike)."""
    parts = _split_top_level(annotation, "|")
    if len(parts) > 1:
        return set().union(*(_members(part) for part in parts))
    text = annotation.strip()
    for wrapper, extra in (("Optional[", {"None"}), ("Union[", set())):
        if text.startswith((wrapper, f"typing.{wrapper}")) and text.endswith("]"):
            inner = text[text.index("[") + 1 : -1]
            return extra.union(*(_members(part) for part in _split_top_level(inner, ",")))
    return {text}


def _split_top_level(text: str, separator: str) -> list[str]:
    """`text` split at `separator` outside brackets: `dict[str, int] | None` splits in two at `|`, not at `,`."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += (char == "[") - (char == "]")
        if char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    return [*parts, text[start:]]


def _named(name: str, convert: Callable[[str], Any]) -> Callable[[str], Any]:
    convert.__name__ = name
    return convert


def _read(value: str) -> str:
    """`@file` (or `@-` for stdin) stands for the file's text."""
    if not value.startswith("@"):
        return value
    name = value[1:]
    try:
        return sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except OSError as exc:
        raise argparse.ArgumentTypeError(f"cannot read {name}: {exc.strerror}") from exc


def _json_or_text(value: str, *, text_allowed: bool = True) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        if text_allowed:
            return value
        raise argparse.ArgumentTypeError(f"expected JSON, got {value[:60]!r}") from None


def _boolean(value: str) -> bool:
    lowered = value.lower()
    if lowered in ("true", "1", "yes"):
        return True
    if lowered in ("false", "0", "no"):
        return False
    raise argparse.ArgumentTypeError(f"expected true or false, got {value!r}")


def _client(gateway: str | None) -> ImbraceClient:
    try:
        return ImbraceClient(gateway=gateway)
    except ValueError as exc:
        raise CliError(str(exc), code=USAGE) from exc


def _write(result: Any, out: TextIO) -> None:
    """The result as JSON; items of an iterator or a stream one per line as they come; a raw response's bytes."""
    if isinstance(result, httpx.Response):
        out.flush()
        binary = getattr(out, "buffer", None)
        if binary is None:
            out.write(result.text)
        else:
            binary.write(result.content)
            binary.flush()
        return
    items = getattr(result, "iter_events", None)
    iterable = isinstance(result, Iterable) and not isinstance(result, _WHOLE) and not hasattr(result, "model_dump")
    if items is not None or iterable:
        try:
            for item in items() if items is not None else result:
                out.write(json.dumps(_plain(item), ensure_ascii=False) + "\n")
                out.flush()
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        return
    out.write(json.dumps(_plain(result), indent=2, ensure_ascii=False) + "\n")


# Results printed as one JSON document, although Python can iterate them.
_WHOLE = (str, bytes, Mapping, list, tuple)


def _plain(value: Any) -> Any:
    """JSON-ready: pydantic models dumped, paths as text."""
    dump = getattr(value, "model_dump", None)
    if dump is not None:
        return dump(mode="json", exclude_none=True)
    if isinstance(value, Path):
        return str(value)
    return value
