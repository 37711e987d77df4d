"""A request body of the wrong type is a TypeError naming the argument and the expected type, before anything is sent.

mypy catches it in typed code; this catches it everywhere else (`None`, a str, a dataclass instead of a dict) at the
call, before the facade's helpers would fail on it with an unrelated message. Shared by the sync and async namespaces.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["check_bodies"]


def check_bodies(cls: type) -> None:
    """Wrap each public method of `cls` (defined on it) that takes a JSON `body` so a non-mapping body raises."""
    for name, method in list(vars(cls).items()):
        if name.startswith("_") or not inspect.isfunction(method) or _is_generator(method):
            continue  # a generator method passes its body to a checked method
        annotation = getattr(method, "__annotations__", {}).get("body")
        if not isinstance(annotation, str):
            continue
        expected, *others = (part.strip() for part in annotation.split("|"))
        if (expected.endswith("Body") or expected.startswith("Mapping[")) and set(others) <= _OTHERS.keys():
            setattr(cls, name, _checked(method, expected, tuple(_OTHERS[other] for other in others)))


# What else a `body` annotation may allow besides the JSON object (e.g. the instructions text); any other
# alternative leaves the method unchecked.
_OTHERS: dict[str, type] = {"None": type(None), "str": str}


def _is_generator(method: Callable[..., Any]) -> bool:
    return inspect.isgeneratorfunction(method) or inspect.isasyncgenfunction(method)


def _checked(method: Callable[..., Any], expected: str, others: tuple[type, ...]) -> Callable[..., Any]:
    """`method` behind the check, still a coroutine function when it was one (the async namespaces)."""
    code = method.__code__
    position = code.co_varnames[: code.co_argcount].index("body") if "body" in code.co_varnames else None

    def check(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        if "body" in kwargs:
            body = kwargs["body"]
        elif position is not None and len(args) > position:
            body = args[position]
        else:
            return  # left out: the call itself says what is missing, or the body is optional
        if not isinstance(body, (Mapping, *others)):
            raise TypeError(
                f"{method.__qualname__}: body must be a mapping ({expected}, a dict), got {type(body).__name__}"
            )

    if inspect.iscoroutinefunction(method):

        @functools.wraps(method)
        async def checked_async(*args: Any, **kwargs: Any) -> Any:
            check(args, kwargs)
            return await method(*args, **kwargs)

        return checked_async

    @functools.wraps(method)
    def checked(*args: Any, **kwargs: Any) -> Any:
        check(args, kwargs)
        return method(*args, **kwargs)

    return checked
