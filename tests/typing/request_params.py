"""mypy checks what a caller sends: each `# type: ignore[code]` below is an error mypy must find, and strict mypy's
`warn_unused_ignores` fails the check if it stops finding it (pytest never runs this file)."""

from __future__ import annotations

from imbrace import AsyncImbraceClient, ImbraceClient
from imbrace.types.ai_agent import StreamChatBody
from imbrace.types.boards import Board, CreateBoardBody
from imbrace.types.chat_ai import AiAgent


def sync_usage(client: ImbraceClient) -> None:
    client.chat_ai.create_ai_agent({"name": "Bot", "workflow_name": "bot_v1"})
    client.chat_ai.create_ai_agent({"name": "Bot", "workflow_name": "bot_v1", "streming": True})  # type: ignore[typeddict-unknown-key]
    client.boards.create("Leads", type="Tasks")
    client.boards.create("Leads", type="Taks")  # type: ignore[arg-type]
    turn: StreamChatBody = {"assistant_id": "asst_1", "messages": [{"role": "user", "content": "Hi"}]}
    client.ai_agent.stream_chat_text(turn)
    client.ai_agent.stream_chat_text({"assistant_id": "a", "messages": [{"role": "usr"}]})  # type: ignore[typeddict-item]
    ImbraceClient(env="sandbox")
    ImbraceClient(env="staging")  # type: ignore[arg-type]
    board: Board = client.boards.get("board_id")["data"]
    agent: AiAgent = client.chat_ai.get_ai_agent("agent_id")
    body: CreateBoardBody = {"name": "Leads", "type": "Tasks", "team_ids": board.get("team_ids") or []}
    del agent, body


async def async_usage(client: AsyncImbraceClient) -> None:
    await client.chat_ai.create_ai_agent({"name": "Bot", "workflow_name": "b", "modl": "x"})  # type: ignore[typeddict-unknown-key]
    AsyncImbraceClient(env="prod")  # type: ignore[arg-type]
