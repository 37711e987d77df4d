"""Every Python example of the documentation page, run as written on both clients against the emulator.

The examples are copies of the page's blocks (`examples/NN_<name>.py.txt`, named `.py.txt` so that no tool treats
them as modules: they use a `client` they never define and keep the page's layout). `test_<name>` runs the example
`<name>` with its placeholder ids replaced by records it made first, on `ImbraceClient` and then on
`AsyncImbraceClient` (see `rewrite.py`), and checks what it printed, returned and sent.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from imbrace import AsyncImbraceClient, BadRequestError, ImbraceClient, NotFoundError
from imbrace.emulator import Emulator
from imbrace.emulator.ids import user_id_for
from imbrace.testing import TEST_API_KEY, TEST_ORGANIZATION_ID

from .harness import ACCESS_TOKEN, DOC, SAMPLE_FILES, Records, Runner, doc_blocks, example_files

REPLY = "You said: What can you do?"  # the emulator's agents echo the user's message


def test_every_block_of_the_page_is_an_example_with_its_test() -> None:
    examples = example_files()
    assert [path.read_text() for path in examples.values()] == doc_blocks(DOC.read_text())
    assert [name for name in examples if f"test_{name}" not in globals()] == []


# ---------------------------------------------------------------------------------------------- page introduction


def test_client_access_token(run: Runner, imbrace_emulator: Emulator) -> None:
    ran = run()
    client = ran.names["client"]
    assert isinstance(client, {"sync": ImbraceClient, "async": AsyncImbraceClient}[run.kind])
    assert client.services["gateway"] == imbrace_emulator.url  # IMBRACE_GATEWAY_URL wins over env="stable"
    assert ran.calls == {}
    assert run.call(client.ai_agent.get_chat_client_user({}))["id"] == user_id_for(ACCESS_TOKEN)
    run.close(client)


def test_client_api_key(run: Runner, imbrace_emulator: Emulator) -> None:
    ran = run()
    client = ran.names["client"]
    assert isinstance(client, {"sync": ImbraceClient, "async": AsyncImbraceClient}[run.kind])
    assert client.services["gateway"] == imbrace_emulator.url
    assert client.organization_id == TEST_ORGANIZATION_ID
    assert ran.calls == {}
    assert run.call(client.ai_agent.get_chat_client_user({}))["id"] == user_id_for(TEST_API_KEY)
    run.close(client)


# ------------------------------------------------------------------------------------------------------- chat_ai


def test_ai_agent_crud(run: Runner, records: Records, imbrace_client: ImbraceClient) -> None:
    agent_id = records.agent()
    ran = run({"9f77692f-33d0-436a-8138-2efb268838e6": agent_id})
    assert ran.calls == {
        "GET /v3/ai/accounts/assistants": 1,
        "GET /v3/ai/assistants/agents": 1,
        "GET /v3/ai/assistants/{ai_agent_id}": 1,
        "POST /v3/ai/assistant_apps": 1,
        "PUT /v3/ai/assistant_apps/{ai_agent_id}": 1,
        "PATCH /v3/ai/assistants/{ai_agent_id}/instructions": 1,
        "DELETE /v3/ai/assistant_apps/{ai_agent_id}": 1,
    } | {"GET /v3/ai/assistants/{ai_agent_id}": 2}  # the update reads the agent to merge into it
    names = ran.names
    assert [agent["id"] for agent in names["agents"]] == [agent_id]
    assert [agent["id"] for agent in names["sub_agents"]] == [agent_id]
    assert names["agent"]["id"] == names["agent"]["_id"] == agent_id
    assert names["created"]["streaming"] is True
    updated = names["updated"]
    # The service's update is a full replace; merged by the SDK, it keeps what the example did not resend.
    assert (updated["name"], updated["streaming"], updated["model_id"]) == ("Support Bot v2", True, "Default")
    assert [agent["id"] for agent in imbrace_client.chat_ai.list_ai_agents()] == [agent_id]  # `created` is deleted


def test_completions(run: Runner) -> None:
    ran = run()
    assert ran.calls == {"POST /v3/ai/completions": 1}
    assert ran.out == "You said: Summarize this customer note: ...\n"


def test_document_models(run: Runner, imbrace_client: ImbraceClient) -> None:
    imbrace_client.ai.create_provider({"name": "Vision models", "type": "openai", "config": {"api_key": "sk-test"}})
    ran = run()
    assert ran.calls == {"GET /v3/ai/providers": 1}
    assert [provider["name"] for provider in ran.names["models"]] == ["Vision models"]


def test_file_extraction(run: Runner, records: Records, imbrace_client: ImbraceClient) -> None:
    """The service uploads agent files with the caller's access token (an API-key client gets 400) and extracts
    PDFs only (the sample `report.pdf` is text): both calls of the page fail there, and on the emulator."""
    agent_id = records.agent()
    with pytest.raises(BadRequestError, match="Error uploading file: 401"):
        run({"asst_abc": agent_id})
    assert run.calls() == {"POST /v3/ai/files/agent": 1}
    with pytest.raises(BadRequestError, match="not a PDF"):
        imbrace_client.chat_ai.extract_file(files={"file": ("report.pdf", SAMPLE_FILES["report.pdf"])})
    extracted = imbrace_client.chat_ai.extract_file(files={"file": ("scan.pdf", b"%PDF-1.7 Quarterly report")})
    assert extracted["result"]["text_elements"][0]["text"] == "%PDF-1.7 Quarterly report"


def test_knowledge_hub(run: Runner, imbrace_client: ImbraceClient) -> None:
    """The folder calls run (create_folder sends the client's organization, which the service needs); the upload has
    no folder, which the service rejects (400): the SDK refuses it before sending. With a folder it is accepted."""
    with pytest.raises(ValueError, match="upload_file needs a folder"):
        run()
    assert run.calls() == {
        "POST /data-board/folders": 1,
        "GET /data-board/folders/search": 1,
        "PUT /data-board/folders/{folder_id}": 1,
        "POST /data-board/folders/delete": 1,
    }
    assert imbrace_client.boards.search_folders() == []
    folder = imbrace_client.boards.create_folder({"name": "Q1 Reports"})
    assert folder["organization_id"] == TEST_ORGANIZATION_ID
    with open("doc.pdf", "rb") as handle:
        file = imbrace_client.boards.upload_file(files={"file": handle}, folder_id=folder["_id"])
    assert file["name"] == "doc.pdf"
    assert [found["_id"] for found in imbrace_client.boards.search_files(folder_id=folder["_id"])] == [file["_id"]]


# ------------------------------------------------------------------------------------------------------------ ai


def test_ai_service(run: Runner) -> None:
    ran = run()
    assert ran.calls == {"POST /v3/ai/completions": 2, "POST /v3/ai/embeddings": 1}
    assert ran.out == "You said: Summarize this customer note: ...\nYou said: Draft a follow-up email for this lead."
    assert [item.index for item in ran.names["result"].data] == [0, 1]


def test_llm_models(run: Runner) -> None:
    ran = run()
    assert ran.calls == {"GET /v3/ai/workflow-agent/models": 1}
    lines = ran.out.splitlines()
    assert lines[0] == "gpt-4o True"  # the service lists no "Default" model
    assert len(lines) == len(ran.names["result"]["data"])


def test_providers(run: Runner, imbrace_client: ImbraceClient) -> None:
    """The page's provider has its settings at the top level: the service refuses that (400 "Invalid provider
    config."), so the SDK raises ValueError with the accepted shape before sending it."""
    with pytest.raises(ValueError, match=r"'config': \{'api_key': ..., 'base_url': ...\}"):
        run()
    assert run.calls() == {"GET /v3/ai/providers": 2, "GET /v3/ai/workflow-agent/models": 1}
    assert imbrace_client.ai.list_providers(include_system=False) == []
    fixed = {"name": "My OpenAI", "type": "openai", "config": {"api_key": "sk-...", "base_url": "https://o.test/v1"}}
    provider = imbrace_client.ai.create_provider(fixed)
    renamed = imbrace_client.ai.update_provider(provider["_id"], {**fixed, "name": "OpenAI (prod)"})
    assert (renamed["id"], renamed["name"]) == (provider["id"], "OpenAI (prod)")
    assert imbrace_client.ai.refresh_provider_models(provider["_id"])["models"]
    assert imbrace_client.ai.delete_provider(provider["_id"])["deleted"] is True


def test_guardrails(run: Runner, imbrace_client: ImbraceClient) -> None:
    """The page's update sends no `unsafe_categories`, which the service needs: the SDK raises ValueError before
    sending. `created["_id"]` works: the SDK adds `_id` from the reply's `guardrails_config_id`."""
    body = {"name": "PII filter", "model": "gpt-4o", "instructions": "Block personal data.", "unsafe_categories": []}
    guardrail_id = imbrace_client.ai.create_guardrail(body)["_id"]
    with pytest.raises(ValueError, match="needs unsafe_categories"):
        run({"guardrail_id": guardrail_id})
    assert run.calls() == {
        "GET /v3/ai/guardrail/all": 1,
        "GET /v3/ai/guardrail/{guardrail_id}": 1,
        "POST /v3/ai/guardrail/create": 1,
    }
    listed = imbrace_client.ai.list_guardrails()
    assert [guardrail["_id"] for guardrail in listed] == [guardrail_id, listed[1]["guardrails_config_id"]]
    assert listed[1]["competitor_keywords"] == ["CompetitorA", "CompetitorB"]


def test_guardrail_providers(run: Runner, imbrace_client: ImbraceClient) -> None:
    body = {"name": "Moderation", "type": "openai", "config": {}}
    provider_id = imbrace_client.ai.create_guardrail_provider(body)["_id"]
    ran = run({"provider_id": provider_id})
    assert ran.calls == {
        "GET /v3/ai/guardrail-providers": 1,
        "GET /v3/ai/guardrail-providers/{provider_id}": 1,
        "POST /v3/ai/guardrail-providers": 1,
        "POST /v3/ai/guardrail-providers/{provider_id}/test": 1,
        "GET /v3/ai/guardrail-providers/{provider_id}/models": 1,
        "PUT /v3/ai/guardrail-providers/{provider_id}": 1,
        "DELETE /v3/ai/guardrail-providers/{provider_id}": 1,
    }
    assert ran.names["provider"]["name"] == "Moderation"
    assert ran.names["gp"]["_id"] == ran.names["gp"]["guardrail_provider_id"]  # added by the SDK
    assert ran.names["test_result"]["is_connected"] is True  # the service ignores the page's prompt
    assert ran.names["models"]["models"]
    remaining = imbrace_client.ai.list_guardrail_providers()
    assert [provider["_id"] for provider in remaining] == [provider_id]


def test_rag_files(run: Runner, imbrace_client: ImbraceClient) -> None:
    file_id = imbrace_client.ai.upload_rag_file(files={"file": ("faq.txt", b"Opening hours: 9 to 5.")})["_id"]
    ran = run({"file_id": file_id})
    assert ran.calls == {
        "GET /v3/ai/rag/files": 1,
        "GET /v3/ai/rag/files/{file_id}": 1,
        "POST /v3/ai/rag/files": 1,
        "DELETE /v3/ai/rag/files/{file_id}": 1,
    }
    assert ran.names["file"]["filename"] == "faq.txt"
    assert ran.names["uploaded"]["filename"] == "knowledge.pdf"
    assert [file["_id"] for file in imbrace_client.ai.list_rag_files()] == [file_id]


def test_ai_agents_via_ai(run: Runner, records: Records, imbrace_client: ImbraceClient) -> None:
    agent_id = records.agent()
    ran = run({"asst_abc": agent_id})
    assert ran.calls == {
        "GET /v3/ai/accounts/assistants": 1,
        "GET /v3/ai/assistants/agents": 1,
        "GET /v3/ai/assistants/{ai_agent_id}": 1,
        "GET /v3/ai/assistants/check-name": 1,
        "PATCH /v3/ai/assistants/{ai_agent_id}/instructions": 1,
    }
    assert ran.names["agent"]["id"] == agent_id
    assert ran.names["check"] == {"exist": True}  # the agent made first is named "Support Bot"
    agent = imbrace_client.chat_ai.get_ai_agent(agent_id)
    assert agent["core_task"] == "You are a concise, helpful assistant."  # the service stores it as the core task
    assert "- Core Task: You are a concise, helpful assistant." in agent["instructions"]


def test_ai_agent_apps(run: Runner, records: Records, imbrace_client: ImbraceClient) -> None:
    """The page's last call updates the workflow of the app the call before deleted: a 400, as the service answers
    for a missing agent. `update_ai_agent_app({"name"})` works because the SDK merges it into the current agent."""
    agent_id = records.agent()
    app_id = imbrace_client.ai.create_ai_agent_app({"name": "Orders App", "workflow_name": "orders_v1"})["_id"]
    with pytest.raises(BadRequestError, match=r"Assistant not found.*PUT /v3/ai/assistant_apps/\S+/workflow"):
        run({"app_id": app_id, "asst_abc": agent_id})
    assert run.calls() == {
        "GET /v3/ai/assistant_apps": 1,
        "GET /v3/ai/assistant_apps/{ai_agent_id}": 1,
        "POST /v3/ai/assistant_apps": 1,
        "GET /v3/ai/assistants/{ai_agent_id}": 1,
        "PUT /v3/ai/assistant_apps/{ai_agent_id}": 1,
        "DELETE /v3/ai/assistant_apps/{ai_agent_id}": 1,
        "PUT /v3/ai/assistant_apps/{ai_agent_id}/workflow": 1,
    }
    left = [app["name"] for app in imbrace_client.ai.list_ai_agent_apps()["data"]]
    assert left == ["Support Bot", "Orders App"]  # the records made first: the example's own app is deleted


def test_tool_server(run: Runner, imbrace_client: ImbraceClient) -> None:
    """The page's body has only `url`: the service answers 422 (and a plain 500 without `type`), so the SDK raises
    ValueError with the accepted shape before sending."""
    with pytest.raises(ValueError, match="needs path, auth_type, key, config, type"):
        run()
    assert run.calls() == {}
    body = {"url": "https://my-tools.example.com", "path": "", "type": "mcp", "auth_type": None, "key": None}
    assert imbrace_client.ai.verify_tool_server({**body, "config": None})["status"] is True


# ------------------------------------------------------------------------------------------------------ ai_agent


def _chat_id() -> str:
    """A new chat id for the examples' "chat_id": the service wants a UUID (a placeholder is a 500, doc-errata.md)."""
    return str(uuid.uuid4())


def test_stream_chat_text(run: Runner, records: Records) -> None:
    ran = run({"asst_abc": records.agent(streaming=True), "chat_id": _chat_id()})
    assert ran.calls == {"POST /ai-agent/v2/chat": 1}
    assert ran.out == REPLY


@pytest.mark.parametrize(
    ("streaming", "content_type", "out", "chats"),
    [(True, "text/event-stream", REPLY, 2), (False, "text/plain", REPLY + "\n", 1)],
    ids=["streaming-agent", "plain-agent"],
)
def test_streaming_and_plain(
    run: Runner, records: Records, streaming: bool, content_type: str, out: str, chats: int
) -> None:
    ran = run({"asst_abc": records.agent(streaming=streaming), "chat_id": _chat_id()})
    assert ran.names["res"].headers["content-type"].startswith(content_type)
    assert ran.out == out
    assert ran.calls == {"POST /ai-agent/v2/chat": chats}


def test_async_client(run_as_written: Runner, records: Records) -> None:
    ran = run_as_written({"asst_abc": records.agent(streaming=True), "chat_id": _chat_id()})
    assert ran.calls == {"POST /ai-agent/v2/chat": 1}
    lines = ran.out.splitlines()
    assert lines[-1] == "data: [DONE]"
    chunks = [json.loads(line.removeprefix("data: ")) for line in lines[:-1]]
    assert "".join(chunk["delta"] for chunk in chunks if chunk["type"] == "text-delta") == "You said: Hello"


def test_sub_agent_chat(run: Runner, records: Records) -> None:
    ran = run({"asst_sub": records.agent()})
    assert ran.calls == {"POST /ai-agent/v2/sub-agent-chat": 1, "GET /ai-agent/v2/sub-agent-chat/history": 1}
    history = ran.names["history"]["data"]
    assert (history["chat_id"], history["session_id"]) == ("chat_id", "sess_xyz")
    assert history["messages"][0]["parts"] == [{"type": "text", "text": "Explain the data."}]


def test_prompt_suggestions(run: Runner, records: Records) -> None:
    ran = run({"asst_abc": records.agent()})
    assert ran.calls == {"GET /ai-agent/chat/get-agent-prompt-suggestion": 1}
    assert ran.names["suggestions"]["data"]


def test_embeddings(run: Runner, imbrace_client: ImbraceClient) -> None:
    folder_id = imbrace_client.boards.create_folder({"name": "FAQ"})["_id"]
    file_id = imbrace_client.boards.upload_file(
        files={"file": ("faq.txt", b"Opening hours: 9 to 5.")}, folder_id=folder_id
    )["_id"]
    ran = run({"file_abc": file_id})
    assert ran.calls == {
        "POST /ai-agent/embedding/process": 2,
        "GET /ai-agent/embedding/files": 1,
        "GET /ai-agent/embedding/files/{file_id}": 1,
        "GET /ai-agent/embedding/files/preview": 1,
        "PUT /ai-agent/embedding/files/{file_id}/status": 1,
        "DELETE /ai-agent/embedding/files/{file_id}": 1,
        "GET /ai-agent/embedding/classify": 1,
    }
    assert [file["id"] for file in ran.names["files"]["data"]["files"]] == [file_id]
    assert ran.names["file"]["data"]["options"] == {"chunk_size": 512}
    assert ran.names["preview"]["data"]["file_id"] == file_id
    assert ran.names["classification"]["data"]["file_id"] == file_id
    assert imbrace_client.ai_agent.list_embedding_files()["data"]["files"] == []


def test_data_board(run: Runner) -> None:
    ran = run()
    assert ran.calls == {"POST /ai-agent/data-board/suggest-field-types": 1}
    assert {"datetime", "number"} <= {field["suggestedType"] for field in ran.names["result"]["fields"]}


def test_parquet(run: Runner, imbrace_client: ImbraceClient) -> None:
    """The service stores `<date>_users` and deletes only by that name: the SDK refuses `exports/users.parquet`."""
    with pytest.raises(ValueError, match="delete_parquet_file takes the stored file name"):
        run()
    assert run.calls() == {"POST /ai-agent/parquet/generate": 1, "GET /ai-agent/parquet/files": 1}
    (stored,) = imbrace_client.ai_agent.list_parquet_files()["files"]
    assert (stored["folderName"], stored["fileName"].split("_", 1)[1]) == ("exports", "users")
    imbrace_client.ai_agent.delete_parquet_file(stored["fileName"], folder_name="exports")
    assert imbrace_client.ai_agent.list_parquet_files()["files"] == []


def test_tracing(run: Runner, imbrace_client: ImbraceClient) -> None:
    trace_id = imbrace_client.ai_agent.get_traces(service="ai-agent", limit=1)["traces"][0]["traceID"]
    ran = run({"org_abc": TEST_ORGANIZATION_ID, "trace_id_hex": trace_id})
    assert ran.calls == {
        "GET /ai-agent/trace/traces": 1,
        "GET /ai-agent/trace/traces/{trace_id}": 1,
        "GET /ai-agent/trace/services": 1,
        "GET /ai-agent/trace/tags": 1,
        "GET /ai-agent/trace/tags/{tag_name}/values": 1,
        "GET /ai-agent/trace/search/traceql": 1,
    }
    assert trace_id in [trace["traceID"] for trace in ran.names["traces"]["traces"]]
    assert ran.names["trace"]["metadata"]["traceId"] == trace_id
    assert ran.names["values"]["values"]


def test_chat_client_auth(run: Runner, imbrace_client: ImbraceClient) -> None:
    """`{token}` and `{name, secret}` are 400s on the service: the SDK refuses the first, before sending."""
    with pytest.raises(ValueError, match=r"verify_chat_client_credentials takes \{'email': \.\.\., 'password'"):
        run()
    assert run.calls() == {}
    login = {"email": f"{run.kind}@example.com", "password": "pw-123456"}
    assert imbrace_client.ai_agent.register_chat_client(login) == {"ok": True}
    assert imbrace_client.ai_agent.verify_chat_client_credentials(login)["email"] == login["email"]
    assert imbrace_client.ai_agent.get_chat_client_user({"token": "tok_xxx"})["id"] == user_id_for(TEST_API_KEY)


def test_chat_client_chats(run: Runner, records: Records, imbrace_client: ImbraceClient) -> None:
    """With UUIDs for its placeholders the block runs until the title call, which has no message: the SDK refuses
    it (the service answers 400)."""
    chat_id, _ = records.chat(records.agent())
    ids = {"chat_id": chat_id, "org_abc": TEST_ORGANIZATION_ID, "chat_uuid": _chat_id(), "msg_uuid": _chat_id()}
    with pytest.raises(ValueError, match="generate_client_chat_title needs the message to title"):
        run(ids)
    assert run.calls() == {
        "POST /ai-agent/chat-client/chats": 1,
        "GET /ai-agent/chat-client/chats": 1,
        "GET /ai-agent/chat-client/chats/{chat_id}": 1,
        "PATCH /ai-agent/chat-client/chats/{chat_id}": 1,
        "DELETE /ai-agent/chat-client/chats/{chat_id}": 1,
        "DELETE /ai-agent/chat-client/chats": 1,
    }
    assert imbrace_client.ai_agent.list_client_chats(organization_id=TEST_ORGANIZATION_ID)["chats"] == []


def test_chat_client_messages(run: Runner, records: Records, imbrace_client: ImbraceClient) -> None:
    chat_id, message_id = records.chat(records.agent())
    ran = run({"chat_id": chat_id, "message_id": message_id})
    assert ran.calls == {
        "POST /ai-agent/chat-client/messages": 1,
        "GET /ai-agent/chat-client/chats/{chat_id}/messages": 1,
        "DELETE /ai-agent/chat-client/messages/{message_id}/trailing": 1,
    }
    assert [message["role"] for message in ran.names["messages"]] == ["user", "assistant"]
    assert ran.names["messages"][1]["parts"] == [{"type": "text", "text": "Hello"}]  # `content` as a text part
    assert imbrace_client.ai_agent.list_client_messages(chat_id) == []  # trailing from the first message: all


def test_chat_client_votes(run: Runner, records: Records, imbrace_client: ImbraceClient) -> None:
    """`{messageId, vote}` lacks the chat the service needs: the SDK refuses it; with `chatId` the vote is stored."""
    chat_id, message_id = records.chat(records.agent())
    with pytest.raises(ValueError, match=r"update_vote takes .*\['chatId'\] missing"):
        run({"chat_id": chat_id, "msg_id": message_id})
    assert run.calls() == {"GET /ai-agent/chat-client/chats/{chat_id}/votes": 1}
    imbrace_client.ai_agent.update_vote({"chatId": chat_id, "messageId": message_id, "vote": "up"})
    vote = {"chatId": chat_id, "messageId": message_id, "isUpvoted": True}
    assert imbrace_client.ai_agent.get_votes(chat_id) == [vote]


def test_chat_client_documents(run: Runner, imbrace_client: ImbraceClient) -> None:
    """The block's first document has no title, which the service requires: the SDK refuses it before sending.
    The rest of the block, run on a titled document, reads it and deletes every version."""
    document_id = imbrace_client.ai_agent.create_document({"title": "Plan", "kind": "text", "content": "Draft 1"})[0]
    with pytest.raises(ValueError, match="create_document needs a title"):
        run({"doc_id": document_id["id"]})
    assert run.calls() == {}
    ai_agent = imbrace_client.ai_agent
    ai_agent.create_document({"title": "Plan", "kind": "text", "content": "Draft 2"}, document_id["id"])
    assert [version["content"] for version in ai_agent.get_document(document_id["id"])] == ["Draft 1", "Draft 2"]
    assert ai_agent.get_document_public(document_id["id"])["content"] == "Draft 2"
    assert ai_agent.get_document_latest_by_kind(kind="text")["content"] == "Draft 2"
    assert len(ai_agent.delete_document(document_id["id"]) or []) == 2
    with pytest.raises(NotFoundError):
        ai_agent.get_document(document_id["id"])


def test_service_info(run: Runner) -> None:
    ran = run()
    assert ran.calls == {"GET /ai-agent/config": 1, "GET /ai-agent/health": 2, "GET /ai-agent/version": 1}
    assert ran.names["health"]["data"]["status"] == ran.names["details"]["data"]["status"] == "ok"
    assert ran.names["version"]["data"]["version"]


def test_admin_guides(run: Runner, imbrace_client: ImbraceClient) -> None:
    """The service bundles `ai-agent-guide-*.pdf` guides only: the page's `onboarding.pdf` is a 404."""
    with pytest.raises(NotFoundError, match="Guide not found"):
        run()
    assert run.calls() == {"GET /ai-agent/admin/guides": 1, "GET /ai-agent/admin/guides/{filename}": 1}
    names = [guide["filename"] for guide in imbrace_client.ai_agent.list_admin_guides()["data"]]
    assert names and all(name.startswith("ai-agent-guide-") and name.endswith(".pdf") for name in names)
    assert imbrace_client.ai_agent.get_admin_guide(names[0]).content.startswith(b"%PDF-")
    assert not Path("onboarding.pdf").exists()


def test_legacy_v1_chat(run: Runner, records: Records, imbrace_client: ImbraceClient) -> None:
    chat_id, _ = records.chat(records.agent())
    user_id = imbrace_client.ai_agent.get_client_chat(chat_id)["userId"]
    ran = run({"chat_id": chat_id, "org_abc": TEST_ORGANIZATION_ID, "user_123": user_id})
    assert ran.calls == {
        "GET /ai-agent/chat": 1,
        "GET /ai-agent/chat/{chat_id}": 1,
        "DELETE /ai-agent/chat/{chat_id}": 1,
    }
    assert [chat["id"] for chat in ran.names["chats"]["chats"]] == [chat_id]
    assert [message["content"] for message in ran.names["chat"]["messages"]] == ["Where is my order?"]
    assert imbrace_client.ai_agent.list_chats(organization_id=TEST_ORGANIZATION_ID)["chats"] == []
