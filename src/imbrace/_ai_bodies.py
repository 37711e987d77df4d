"""Request bodies for the AI service (`/v3/ai`) as it accepts them, checked or completed before anything is sent.

The service answers some bodies of the documentation with a 400 or 422 (see docs/doc-errata.md); these checks raise
a `ValueError` that shows the accepted shape instead, so nothing half-valid is sent. Secrets in a body are never
echoed: messages name keys, not values.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = [
    "AGENT_DEFAULTS",
    "with_agent_defaults",
    "AGENT_FIELDS",
    "check_guardrail",
    "check_provider",
    "check_tool_server",
    "merged_agent",
]

#: The agent fields the service's create and update read (helper.py `validate_create_assistant_app_input`).
AGENT_FIELDS = frozenset(
    {
        "name", "workflow_name", "description", "instructions", "file_ids", "folder_ids", "board_ids", "metadata",
        "provider_id", "model_id", "credential_id", "credential_name", "mode", "channel", "category",
        "personality_role", "core_task", "tone_and_style", "response_length", "banned_words", "knowledge_hubs",
        "workflow_function_call", "show_thinking_process", "preload_information", "preload_information_type",
        "guardrail_id", "agent_type", "sub_agents", "streaming", "temperature", "use_memory",
        "version", "default_folder_id", "document_ai", "vibe_code",
    }
)  # fmt: skip

_TOOL_SERVER_KEYS = ("url", "path", "auth_type", "key", "config", "type")


def merged_agent(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """The full body of an agent update: the current agent's settings (non-null) with `changes` over them.

    The service's update replaces the whole agent and clears what the body leaves out (model, provider,
    streaming...); the old package read and merged the same way before its PUT.
    """
    kept = {key: value for key, value in current.items() if key in AGENT_FIELDS and value is not None}
    return {**kept, **changes}


def check_provider(body: Mapping[str, Any], what: str) -> None:
    """A provider body needs `name`, `type` and a `config` object (the service refuses top-level settings)."""
    if isinstance(body.get("config"), Mapping) and body.get("name") and body.get("type"):
        return
    settings = sorted(key for key in body if key not in ("name", "type", "config", "metadata", "models"))
    shown = ", ".join(f"{key!r}: ..." for key in settings) or "'api_key': ..."
    raise ValueError(
        f"{what}: the AI service takes a provider as {{'name': ..., 'type': ..., 'config': {{{shown}}}}}, with its "
        f"settings inside `config` (sent on every update too); got the keys {sorted(body)}"
    )


def check_guardrail(body: Mapping[str, Any], what: str) -> None:
    """A guardrail body needs `name`, `model`, non-empty `instructions` and a `unsafe_categories` list."""
    problems = [key for key in ("name", "model", "instructions") if not _text(body.get(key))]
    categories = body.get("unsafe_categories")
    if not isinstance(categories, list) or not all(isinstance(item, str) for item in categories):
        problems.append("unsafe_categories")
    if problems:
        raise ValueError(
            f"{what}: the AI service needs {', '.join(problems)}: send {{'name': ..., 'model': ..., "
            "'instructions': '<non-empty text>', 'unsafe_categories': [<category names>, possibly empty], ...}} "
            "(an update resends them all)"
        )


def check_tool_server(body: Mapping[str, Any]) -> None:
    """A tool-server body needs every key of the service's `ToolServerConnection` plus `type`."""
    absent = [key for key in _TOOL_SERVER_KEYS if key not in body]
    if absent:
        raise ValueError(
            f"verify_tool_server: the AI service needs {', '.join(absent)}: send {{'url': 'https://host', "
            "'path': 'openapi.json' (or '' for MCP), 'type': 'openapi' or 'mcp', 'auth_type': 'bearer' or None, "
            "'key': <token> or None, 'config': {} or None}"
        )


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


#: What `create_ai_agent` fills in when the caller leaves a key out (or passes None).
AGENT_DEFAULTS: Mapping[str, str] = {"provider_id": "system", "model_id": "Default"}


def with_agent_defaults(body: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `body` with `provider_id="system"` and `model_id="Default"` where missing or None.

    A caller's value, even an empty string, is kept; the caller's mapping is never changed.
    """
    filled = dict(body)
    for key, default in AGENT_DEFAULTS.items():
        if filled.get(key) is None:
            filled[key] = default
    return filled
