"""docs/api.md is what `codegen/api_reference.py` writes from the client and the specs, and covers every method."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

from imbrace import ImbraceClient

ROOT = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("api_reference", ROOT / "codegen" / "api_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_reference_is_up_to_date() -> None:
    written = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert written == _generator().render(), "docs/api.md is stale: run python codegen/api_reference.py"


def test_every_method_of_every_namespace_is_listed_with_a_route_and_a_result() -> None:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    with ImbraceClient(api_key="k") as client:
        for namespace in ("chat_ai", "ai_agent", "ai", "boards", "folders"):
            resource = getattr(client, namespace)
            for name in (n for n in dir(type(resource)) if not n.startswith("_")):
                if not callable(getattr(type(resource), name)):  # a nested namespace: its own section
                    assert f"\n## {namespace}.{name}\n" in text, name
                    continue
                entry = re.search(rf"^- `client\.{namespace}\.{name}\((.*)\) -> (.+)`\n  (.*)$", text, re.MULTILINE)
                assert entry is not None, f"{namespace}.{name} missing from docs/api.md"
                assert entry.group(2), name
                assert re.match(r"`(GET|POST|PUT|PATCH|DELETE) /", entry.group(3)), (name, entry.group(3))


def test_a_route_comes_from_the_specs_and_types_from_the_signature() -> None:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert "- `client.boards.list_items(board_id: str, limit: int = 20, skip: int = 0, *," in text
    assert "\n  `GET /data-board/boards/{board_id}/items`: " in text
    health = "- `client.ai_agent.get_health(detailed: bool = False, **options) -> HealthResponse`"
    assert health + "\n  `GET /ai-agent/health`" in text


def test_the_readme_links_to_it() -> None:
    assert "docs/api.md" in (ROOT / "README.md").read_text(encoding="utf-8")
