"""The cold path loads only what it needs: `import imbrace` and a client load nothing heavy, a namespace's first call
loads only its own request builders, and the first `stream_chat_text` builds no pydantic model (issues 7 and 14;
measured by benchmarks/cold_calls.py).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

HEAVY = re.compile(
    r"""
    imbrace\._generated\.[^.]+\.api(\..*)?              # generated request builders
    | imbrace\.emulator(\..*)?                          # the emulator
    | imbrace\.types\..*                                # the pydantic input and stream types
    | (attrs?|pydantic|pydantic_core|starlette|uvicorn|openapi_core|yaml)(\..*)?
    """,
    re.VERBOSE,
)
MODELS = re.compile(r"(attrs?|pydantic|pydantic_core|imbrace\.types\..*)(\..*)?")

# A client whose requests a MockTransport answers in-process: the probe sees only the SDK's own imports.
CLIENT = """
import json, sys
import httpx, imbrace
SSE = b"".join(b"data: " + part + b"\\n\\n" for part in (
    b'{"type":"start","messageId":"m"}', b'{"type":"text-start","id":"t"}',
    b'{"type":"text-delta","id":"t","delta":"Hi"}', b'{"type":"text-end","id":"t"}', b'{"type":"finish"}', b"[DONE]",
))
def answer(request):
    if request.url.path.endswith("/v2/chat"):
        return httpx.Response(200, content=SSE, headers={"content-type": "text/event-stream"})
    return httpx.Response(200, json={"data": [], "total": 0, "count": 0} if "data-board" in request.url.path else [])
client = imbrace.ImbraceClient(
    api_key="k", organization_id="org_1", http_client=httpx.Client(transport=httpx.MockTransport(answer))
)
CHAT = {"assistant_id": "asst_1", "messages": [{"role": "user", "content": "Hello"}]}
before = set(sys.modules)
"""

# Each namespace's first call, and the builder packages it may load (chat_ai also lists the AI service's providers).
FIRST_CALLS = {
    "chat_ai": (
        "client.chat_ai.list_ai_agents()",
        ("imbrace._generated.gateway.api.chat_ai", "imbrace._generated.gateway.api.ai"),
    ),
    "boards": ("client.boards.list()", ("imbrace._generated.gateway.api.boards",)),
    "ai_agent": ("client.ai_agent.get_health()", ("imbrace._generated.ai_agent.api.ai_agent",)),
    # A namespace generated from the vendor specs: each method imports its own builder on its first call.
    "channel": ("client.channel.list()", ("imbrace._generated.channel.api.channels",)),
}


def modules_after(code: str) -> set[str]:
    """The names in `sys.modules` after running `code` in a fresh interpreter."""
    probe = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    output = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout
    return set(json.loads(output))


def loaded_by(call: str) -> set[str]:
    """The modules that `call` loads on a fresh client (those the client itself loaded left out)."""
    probe = f"{CLIENT}\n{call}\nprint(json.dumps(sorted(set(sys.modules) - before)))"
    output = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout
    return set(json.loads(output.splitlines()[-1]))


def test_import_and_a_client_load_nothing_heavy() -> None:
    loaded = modules_after(
        "import imbrace; imbrace.ImbraceClient(api_key='k'); imbrace.AsyncImbraceClient(api_key='k')"
    )
    assert {"imbrace._sync.client", "imbrace._async.client"} <= loaded  # the probe did build both clients
    assert sorted(name for name in loaded if HEAVY.fullmatch(name)) == []


@pytest.mark.parametrize("namespace", sorted(FIRST_CALLS))
def test_a_namespaces_first_call_loads_only_its_own_builders_and_no_models(namespace: str) -> None:
    call, package = FIRST_CALLS[namespace]
    loaded = loaded_by(call)
    generated = sorted(name for name in loaded if name.startswith("imbrace._generated."))
    assert generated, "the probe made no call"
    builders = [name for name in generated if name.count(".") >= 4]  # imbrace._generated.<spec>.api.<tag>...
    assert [name for name in builders if not name.startswith(package)] == []
    assert sorted(name for name in loaded if MODELS.fullmatch(name)) == []


def test_a_generated_method_loads_its_own_builder_only() -> None:
    loaded = loaded_by("client.channel.list()")
    builders = sorted(name for name in loaded if name.startswith("imbrace._generated.channel.api."))
    assert builders == [
        "imbrace._generated.channel.api.channels",
        "imbrace._generated.channel.api.channels.list_channels",
    ]


def test_touching_a_generated_namespace_loads_no_builder() -> None:
    loaded = loaded_by("client.channel; client.workflows; client.boards")
    assert "imbrace._sync.resources._generated.channel" in loaded
    assert sorted(name for name in loaded if name.startswith("imbrace._generated.channel")) == []
    assert sorted(name for name in loaded if name.startswith("imbrace._generated.workflow")) == []
    assert sorted(name for name in loaded if name.startswith("imbrace._generated.data_board")) == []


def test_the_first_stream_of_text_builds_no_model() -> None:
    loaded = loaded_by('assert list(client.ai_agent.stream_chat_text(CHAT)) == ["Hi"]')
    assert "imbrace._sync.streaming" in loaded
    assert sorted(name for name in loaded if MODELS.fullmatch(name)) == []


def test_typed_chunks_build_only_the_parsers_of_the_types_that_arrived() -> None:
    code = (
        "assert [c.type for c in client.ai_agent.stream_chat(CHAT)][:2] == ['start', 'text-start']\n"
        "from imbrace.types.ui_message import _JSON_PARSERS\n"
        "print(sorted(_JSON_PARSERS))"
    )
    probe = f"{CLIENT}\n{code}"
    output = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout
    assert output.split() == ["['finish',", "'start',", "'text-delta',", "'text-end',", "'text-start']"]
