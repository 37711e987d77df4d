"""Which operation a request is for, matched on the raw (still percent-encoded) path.

Matching segment by segment on the raw path keeps an id holding `%2F` in one path parameter, as the SDK encodes it.
Literal segments beat parameters, position by position (`/folders/search` before `/folders/{folder_id}`), and a
trailing slash is not significant (`/v3/ai/document/` is declared with one).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

from .specs import Operation

__all__ = ["Match", "Router"]


@dataclass(frozen=True)
class Match:
    operation: Operation
    params: dict[str, str]


@dataclass(frozen=True)
class _Template:
    operation: Operation
    literals: tuple[str | None, ...]  # None where the segment is a parameter
    names: tuple[str, ...]

    @classmethod
    def of(cls, operation: Operation) -> _Template:
        literals: list[str | None] = []
        names: list[str] = []
        for segment in _segments(operation.route):
            if segment.startswith("{") and segment.endswith("}"):
                literals.append(None)
                names.append(segment[1:-1])
            else:
                literals.append(segment)
        return cls(operation, tuple(literals), tuple(names))

    def specificity(self) -> tuple[int, ...]:
        return tuple(0 if literal is not None else 1 for literal in self.literals)


class Router:
    """Finds the operation for a method and raw path."""

    def __init__(self, operations: Iterable[Operation]) -> None:
        by_length: defaultdict[int, list[_Template]] = defaultdict(list)
        for operation in operations:
            template = _Template.of(operation)
            by_length[len(template.literals)].append(template)
        self._by_length = {n: sorted(group, key=_Template.specificity) for n, group in by_length.items()}

    def match(self, method: str, raw_path: str) -> Match | None:
        segments = _segments(raw_path)
        for template in self._by_length.get(len(segments), ()):
            pairs = list(zip(segments, template.literals))
            if template.operation.method != method or any(lit is not None and lit != s for s, lit in pairs):
                continue
            values = [unquote(s) for s, lit in pairs if lit is None]
            if all(values):
                return Match(template.operation, dict(zip(template.names, values)))
        return None


def _segments(path: str) -> list[str]:
    return path.strip("/").split("/")
