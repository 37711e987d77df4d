"""The README's table of conveniences next to openai-python is true: every name in its imbrace column exists, on both
clients where it is a client's. (What each one does is tested in tests/core/test_raw_response.py,
tests/core/test_day_one_options.py and tests/cli/test_call.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import imbrace
from imbrace import AsyncImbraceClient, ImbraceClient, RawResponse, RequestOptions, StreamedResponse
from imbrace.cli.call import resource_class

ROOT = Path(__file__).resolve().parents[2]
NAMESPACES = ("chat_ai", "ai_agent", "ai", "boards", "folders")


def _imbrace_column() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## What openai-python users will find", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ") and not line.startswith("| openai-python")]
    assert len(rows) >= 10
    return [span for row in rows for span in re.findall(r"`([^`]+)`", row.split(" | ")[1])]


def _check(span: str) -> None:
    """Fail unless the thing `span` names exists."""
    source = (ROOT / "src" / "imbrace" / "_config.py").read_text(encoding="utf-8")
    if span.startswith(("client.", "with client.", "await client.")):
        path = re.sub(r"^(with|await) ", "", span).split("(", 1)[0].split(".")[1:]
        clients = (AsyncImbraceClient(api_key="k"),) if span.startswith("await ") else ()
        for client in clients or (ImbraceClient(api_key="k"), AsyncImbraceClient(api_key="k")):
            target: object = client
            for name in path:
                target = getattr(target, name)
            assert callable(target), span
    elif span.startswith(".") or span.startswith("response."):
        name = span.split(".", 1)[1].removesuffix("()")
        assert hasattr(StreamedResponse, name), span
        assert name in ("read", "iter_bytes") or hasattr(RawResponse, name), span
    elif span.endswith("="):
        names = set(RequestOptions.__annotations__) | {"base_url", "gateway", "headers"}
        assert span[:-1] in names, span
    elif span.startswith("IMBRACE_"):
        assert f'"{span}"' in source, span
    elif span.startswith("iter_"):
        assert any(hasattr(resource_class(ns), span.split("(", 1)[0]) for ns in NAMESPACES), span
    elif span.startswith("imbrace call "):
        namespace, method = span.split()[2].split(".")
        assert hasattr(resource_class(namespace), method), span
    elif span == "async with":
        assert hasattr(AsyncImbraceClient, "__aenter__")
    else:
        assert hasattr(imbrace, span.removeprefix("imbrace.")), span


@pytest.mark.parametrize("span", _imbrace_column())
def test_every_name_in_the_imbrace_column_exists(span: str) -> None:
    _check(span)
