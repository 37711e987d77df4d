"""Both generations of ids in results (`_id` and `id`), and the AI-service bodies checked before sending."""

from __future__ import annotations

from typing import Any

import pytest

from imbrace._ai_bodies import check_guardrail, check_provider, check_tool_server, merged_agent
from imbrace._ids import with_both_ids


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"id": "a1", "name": "x"}, {"id": "a1", "_id": "a1", "name": "x"}),
        ({"_id": "b1"}, {"_id": "b1", "id": "b1"}),
        ({"_id": "b1", "id": "a1"}, {"_id": "b1", "id": "a1"}),  # both sent: both kept as they are
        ({"id": None}, {"id": None}),  # no id to copy
        ({"name": "x"}, {"name": "x"}),
    ],
)
def test_a_record_gets_the_other_id_name(given: dict[str, Any], expected: dict[str, Any]) -> None:
    assert with_both_ids(given) == expected


def test_list_items_get_it_too_but_nothing_deeper() -> None:
    reply = [{"id": "a1", "files": [{"id": "f1"}]}, "text", {"_id": "b1"}]
    assert with_both_ids(reply) == [
        {"id": "a1", "_id": "a1", "files": [{"id": "f1"}]},
        "text",
        {"_id": "b1", "id": "b1"},
    ]
    assert with_both_ids(None) is None and with_both_ids(True) is True


def test_a_record_keyed_by_another_field_gets_both_names_from_it() -> None:
    written = {"message": "ok", "guardrails_config_id": "g1", "status": "success"}
    assert with_both_ids(written, "guardrails_config_id") == {**written, "_id": "g1", "id": "g1"}
    assert with_both_ids({"guardrails_config_id": None}, "guardrails_config_id") == {"guardrails_config_id": None}


def test_an_agent_update_keeps_the_current_settings_under_the_changes() -> None:
    current = {
        "id": "a1",
        "name": "Bot",
        "workflow_name": "w",
        "model_id": "gpt-4o",
        "description": None,
        "model": "rag",
    }
    assert merged_agent(current, {"name": "Bot v2", "streaming": True}) == {
        "name": "Bot v2",
        "workflow_name": "w",
        "model_id": "gpt-4o",
        "streaming": True,
    }


@pytest.mark.parametrize(
    "body",
    [
        {"name": "Azure", "type": "azure", "api_key": "sk-secret-1", "base_url": "https://a.test"},
        {"name": "Renamed"},
        {"type": "openai", "config": {}},
    ],
)
def test_a_provider_without_name_type_and_config_is_refused_without_echoing_secrets(body: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=r"\{'name': ..., 'type': ..., 'config': \{") as refused:
        check_provider(body, "create_provider")
    assert "sk-secret-1" not in str(refused.value)
    check_provider({"name": "OpenAI", "type": "openai", "config": {"api_key": "sk"}}, "create_provider")


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"name": "n", "model": "m", "instructions": "i"}, "unsafe_categories"),
        ({"name": "n", "model": "m", "instructions": " ", "unsafe_categories": []}, "instructions"),
        ({"model": "m", "instructions": "i", "unsafe_categories": ["x", 1]}, "name, unsafe_categories"),
    ],
)
def test_a_guardrail_needs_non_empty_text_and_a_category_list(body: dict[str, Any], named: str) -> None:
    with pytest.raises(ValueError, match=f"needs {named}:"):
        check_guardrail(body, "create_guardrail")
    check_guardrail({"name": "n", "model": "m", "instructions": "i", "unsafe_categories": []}, "create_guardrail")


def test_a_tool_server_body_needs_every_key_of_the_service_model() -> None:
    with pytest.raises(ValueError, match="needs path, auth_type, key, config, type:"):
        check_tool_server({"url": "https://t.test"})
    check_tool_server({"url": "u", "path": "", "type": "mcp", "auth_type": None, "key": None, "config": None})
