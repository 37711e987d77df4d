"""`import imbrace` stays cheap: a fresh interpreter that imports it and builds a client has loaded none of the heavy
modules, and a namespace loads only its own service's generated code (issue 7; measured by benchmarks/cold_start.py).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

HEAVY = re.compile(
    r"""
    imbrace\._generated\.[^.]+\.(models|api)(\..*)?   # generated endpoints and models
    | imbrace\.emulator(\..*)?                          # the emulator
    | imbrace\.types\..*                                # the pydantic input and stream types
    | (pydantic|pydantic_core|starlette|uvicorn|openapi_core|yaml)(\..*)?
    """,
    re.VERBOSE,
)


def modules_after(code: str) -> set[str]:
    """The names in `sys.modules` after running `code` in a fresh interpreter."""
    probe = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    output = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout
    return set(json.loads(output))


def test_import_and_a_client_load_nothing_heavy() -> None:
    loaded = modules_after(
        "import imbrace; imbrace.ImbraceClient(api_key='k'); imbrace.AsyncImbraceClient(api_key='k')"
    )
    assert {"imbrace._sync.client", "imbrace._async.client"} <= loaded  # the probe did build both clients
    assert sorted(name for name in loaded if HEAVY.fullmatch(name)) == []


def test_a_namespace_loads_only_its_own_services_generated_code() -> None:
    loaded = modules_after("import imbrace; imbrace.ImbraceClient(api_key='k').ai_agent")
    assert "imbrace._generated.ai_agent.api.ai_agent.stream_chat" in loaded
    assert sorted(name for name in loaded if name.startswith("imbrace._generated.gateway")) == []
    assert sorted(name for name in loaded if name.startswith(("imbrace.types.", "pydantic"))) == []


def test_one_endpoint_module_loads_only_its_own_models() -> None:
    loaded = modules_after("import imbrace._generated.ai_agent.api.ai_agent.get_client_chat")
    models = sorted(name for name in loaded if name.startswith("imbrace._generated.ai_agent.models."))
    assert "imbrace._generated.ai_agent.models.client_chat" in models
    assert len(models) < 10, models  # the package has over a hundred: the lazy models/__init__ template at work
