"""The rewrites that run a documentation example with the test's ids and on the async client."""

from __future__ import annotations

import ast
import textwrap

import pytest

from .harness import example_files
from .rewrite import to_async, with_ids


def _rewritten(source: str, ids: dict[str, str] | None = None, *, run_async: bool = False) -> str:
    tree = with_ids(ast.parse(textwrap.dedent(source)), ids or {})
    return ast.unparse(to_async(tree) if run_async else tree)


def test_ids_are_replaced_in_values_and_arguments_but_not_in_keys() -> None:
    source = """
        res = client.ai_agent.stream_sub_agent_chat({"assistant_id": "asst_sub", "chat_id": "chat_id"})
        history = client.ai_agent.get_sub_agent_history(chat_id="chat_id")
    """
    assert _rewritten(source, {"asst_sub": "a1", "chat_id": "c1"}) == (
        "res = client.ai_agent.stream_sub_agent_chat({'assistant_id': 'a1', 'chat_id': 'c1'})\n"
        "history = client.ai_agent.get_sub_agent_history(chat_id='c1')"
    )


def test_a_placeholder_the_example_lacks_is_an_error() -> None:
    with pytest.raises(ValueError, match="asst_abc"):
        _rewritten("client.ai.get_ai_agent('asst_x')", {"asst_abc": "a1"})


def test_the_async_form_of_the_streaming_and_plain_example() -> None:
    source = example_files()["streaming_and_plain"].read_text()
    assert _rewritten(source, run_async=True).splitlines() == [
        "async def __example__():",
        "    body = {'id': 'chat_id', 'assistant_id': 'asst_abc', "
        "'messages': [{'role': 'user', 'content': 'What can you do?'}]}",
        "    res = await client.ai_agent.stream_chat(body)",
        "    res.raise_for_status()",
        "    if 'text/event-stream' in res.headers.get('content-type', ''):",
        "        async for chunk in client.ai_agent.stream_chat_text(body):",
        "            print(chunk, end='', flush=True)",
        "    else:",
        "        await res.aread()",
        "        print(res.text)",
        "    return locals()",
    ]


def test_the_async_form_awaits_calls_and_iterates_generators_and_pages() -> None:
    source = """
        from imbrace import ImbraceClient
        client = ImbraceClient()
        for chunk in client.ai.stream(client.chat_ai.get_ai_agent("a")["model_id"]):
            print(chunk)
        for file in client.ai_agent.iter_embedding_files():
            print(file, len(client.ai_agent.list_chats()))
        for agent in client.chat_ai.list_ai_agents():
            print(agent.text)
        response = client.ai_agent.get_admin_guide("onboarding.pdf")
        data = response.content
    """
    assert _rewritten(source, run_async=True) == textwrap.dedent(
        """\
        async def __example__():
            from imbrace import AsyncImbraceClient
            client = AsyncImbraceClient()
            async for chunk in client.ai.stream((await client.chat_ai.get_ai_agent('a'))['model_id']):
                print(chunk)
            async for file in client.ai_agent.iter_embedding_files():
                print(file, len(await client.ai_agent.list_chats()))
            for agent in await client.chat_ai.list_ai_agents():
                print(agent.text)
            response = await client.ai_agent.get_admin_guide('onboarding.pdf')
            data = response.content
            return locals()"""
    )
