"""Every public method of both clients reads like the doc in `help()` and IDE hovers: a docstring with an example."""

from __future__ import annotations

import inspect

import pytest

from imbrace import AsyncImbraceClient, ImbraceClient
from imbrace.cli.call import NAMESPACES


def _public_methods(cls: type) -> list[tuple[str, object]]:
    return [(name, fn) for name, fn in inspect.getmembers(cls, inspect.isfunction) if not name.startswith("_")]


@pytest.mark.parametrize("client_class", [ImbraceClient, AsyncImbraceClient])
@pytest.mark.parametrize("namespace", NAMESPACES)
def test_every_namespace_method_has_a_docstring_with_an_example(client_class: type, namespace: str) -> None:
    methods = _public_methods(type(getattr(client_class(api_key="k"), namespace)))
    assert len(methods) >= 1
    missing = [name for name, fn in methods if "Example" not in (inspect.getdoc(fn) or "")]
    assert missing == []


@pytest.mark.parametrize("client_class", [ImbraceClient, AsyncImbraceClient])
def test_every_client_method_has_a_docstring(client_class: type) -> None:
    assert [name for name, fn in _public_methods(client_class) if not inspect.getdoc(fn)] == []
