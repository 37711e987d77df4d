"""`client.chat_ai`: AI agents (CRUD), agent files and document processing on the AI service (`/v3/ai`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from typing_extensions import TypedDict, Unpack

from ..._ai_bodies import merged_agent, with_agent_defaults
from ..._files import FilesArg, multipart_parts
from ..._generated.gateway.api.ai import list_providers
from ..._generated.gateway.api.chat_ai import (
    create_ai_agent,
    delete_ai_agent,
    extract_file,
    get_ai_agent,
    list_ai_agent_sub_agents,
    list_ai_agents,
    process_document,
    update_ai_agent,
    update_ai_agent_instructions,
    upload_agent_file,
)
from ..._ids import with_both_ids
from ..._types import Query, RequestOptions, Timeout
from ._resource import AsyncResource

if TYPE_CHECKING:
    from ..._generated.gateway.params import CreateAiAgentBody, UpdateAiAgentBody
    from ..._generated.gateway.shapes import (
        AgentFileUploadResult,
        AiAgent,
        DocumentProcessResult,
        ExtractedFile,
        Provider,
    )

__all__ = ["AsyncChatAiResource", "DocumentRequestOptions", "with_agent_defaults"]


class DocumentRequestOptions(TypedDict, total=False):
    """`RequestOptions` without `max_retries`, which `process_document` uses for the body's `maxRetries`.

    A per-call HTTP retry budget for `process_document` goes through `client.with_options(max_retries=...)`.
    """

    timeout: Timeout
    extra_headers: Mapping[str, str]
    extra_query: Query
    idempotent: bool


class AsyncChatAiResource(AsyncResource):
    """AI agents (CRUD), agent files and document processing on the AI service (`/v3/ai`)."""

    _service = "ai"

    # --- agents

    async def list_ai_agents(self, **options: Unpack[RequestOptions]) -> list[AiAgent]:
        """GET /v3/ai/accounts/assistants: every AI agent of the organization.

        Returns the server's list of agents; each is keyed by its UUID `id`, which later calls take (`_id` is added
        with the same value for code written against the hosted platform).

        Example: `agents = client.chat_ai.list_ai_agents()`
        """
        return with_both_ids(await self._json(list_ai_agents.build_request(), options))

    async def list_ai_agent_sub_agents(self, **options: Unpack[RequestOptions]) -> list[AiAgent]:
        """GET /v3/ai/assistants/agents: the agents an orchestrator can delegate to.

        Example: `sub_agents = client.chat_ai.list_ai_agent_sub_agents()`
        """
        return with_both_ids(await self._json(list_ai_agent_sub_agents.build_request(), options))

    async def get_ai_agent(self, ai_agent_id: str, **options: Unpack[RequestOptions]) -> AiAgent:
        """GET /v3/ai/assistants/{ai_agent_id}: one AI agent (an unknown id is a `BadRequestError`, as sent).

        Example: `agent = client.chat_ai.get_ai_agent("9f77692f-33d0-436a-8138-2efb268838e6")`
        """
        return with_both_ids(await self._json(get_ai_agent.build_request(ai_agent_id), options))

    async def create_ai_agent(self, body: CreateAiAgentBody, **options: Unpack[RequestOptions]) -> AiAgent:
        """POST /v3/ai/assistant_apps: create an AI agent.

        `body` needs `name` and `workflow_name`; `provider_id` defaults to "system" and `model_id` to "Default"
        (the organization's default model) when missing or None. Pass `"streaming": True` for an agent whose
        `/v2/chat` replies are SSE that `ai_agent.stream_chat_text` can parse. Other keys are sent as given, and the
        caller's dict is not changed. Returns the created agent (use its `id` in later calls).

        Example: `created = client.chat_ai.create_ai_agent({"name": "Support Bot", "workflow_name": "bot_v1"})`
        """
        return with_both_ids(await self._json(create_ai_agent.build_request(body=with_agent_defaults(body)), options))

    async def update_ai_agent(
        self, ai_agent_id: str, body: UpdateAiAgentBody, *, merge: bool = True, **options: Unpack[RequestOptions]
    ) -> AiAgent:
        """PUT /v3/ai/assistant_apps/{ai_agent_id}: change an AI agent's settings.

        The service's PUT is a full replace that clears every field the body leaves out (model, provider,
        streaming...) and needs `name` and `workflow_name`. So by default this reads the agent first
        (GET /v3/ai/assistants/{ai_agent_id}) and sends its settings with `body` over them, as the old package
        did: only the given fields change. `merge=False` sends `body` as is (one request, a full replace).
        Returns the updated agent.

        Example: `client.chat_ai.update_ai_agent(created["id"], {"name": "Bot v2"})`
        """
        payload = dict(body)
        if merge:
            payload = merged_agent(await self._json(get_ai_agent.build_request(ai_agent_id), options), payload)
        return with_both_ids(await self._json(update_ai_agent.build_request(ai_agent_id, body=payload), options))

    async def update_ai_agent_instructions(
        self, ai_agent_id: str, instructions: str | Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> AiAgent:
        """PATCH /v3/ai/assistants/{ai_agent_id}/instructions: set the agent's core task.

        `instructions` is the text (sent as `{"instructions": text}`), or a ready body mapping. The service stores
        it as the agent's `core_task` and regenerates `instructions` from it; returns the updated agent.

        Example: `client.chat_ai.update_ai_agent_instructions(created["id"], "You are a helpful support agent.")`
        """
        body = {"instructions": instructions} if isinstance(instructions, str) else dict(instructions)
        return with_both_ids(
            await self._json(update_ai_agent_instructions.build_request(ai_agent_id, body=body), options)
        )

    async def delete_ai_agent(self, ai_agent_id: str, **options: Unpack[RequestOptions]) -> bool:
        """DELETE /v3/ai/assistant_apps/{ai_agent_id}: delete an AI agent.

        Returns True once the server accepted the delete, as the previous SDK did (its body is not kept); any
        failure raises the typed error instead of returning False (an unknown id is a `BadRequestError`).

        Example: `client.chat_ai.delete_ai_agent(created["id"])`
        """
        await self._json(delete_ai_agent.build_request(ai_agent_id), options)
        return True

    # --- documents and files

    async def list_document_models(self, **options: Unpack[RequestOptions]) -> list[Provider]:
        """GET /v3/ai/providers: the organization's LLM providers, whose models Document AI can use.

        The same endpoint as `client.ai.list_providers(include_system=False)`: a list of providers (each with its
        `models`), not a flat model list.

        Example: `models = client.chat_ai.list_document_models()`
        """
        return with_both_ids(await self._json(list_providers.build_request(), options))

    async def upload_agent_file(
        self, files: FilesArg, agent_id: str, **options: Unpack[RequestOptions]
    ) -> AgentFileUploadResult:
        """POST /v3/ai/files/agent: upload a file for one agent (multipart: the file part plus an `agent_id` field).

        `files` is the doc's `{"file": open(...)}` dict, or a path, bytes or a binary file object (sent as part
        `file`); files are streamed, and paths are opened and closed here. Returns `{message, result}`, `result`
        being the stored file. The service wants an access token here: with an API key it answers 400.

        Example: `client.chat_ai.upload_agent_file(files={"file": open("report.pdf", "rb")}, agent_id="asst_abc")`
        """
        with multipart_parts(files, {"agent_id": agent_id}) as parts:
            return await self._json(upload_agent_file.build_request(body=parts), options)

    async def extract_file(self, files: FilesArg, **options: Unpack[RequestOptions]) -> ExtractedFile:
        """POST /v3/ai/files/extract: upload a PDF and get its extracted content back.

        `files` is the doc's `{"file": open(...)}` dict, or a path, bytes or a binary file object. Returns
        `{message, result}` (`result.text_elements`...); bytes that are not a PDF are a `BadRequestError`.

        Example: `extracted = client.chat_ai.extract_file(files={"file": open("report.pdf", "rb")})`
        """
        with multipart_parts(files) as parts:
            return await self._json(extract_file.build_request(body=parts), options)

    async def process_document(
        self,
        model_name: str,
        url: str,
        organization_id: str,
        board_id: str | None = None,
        language: str | None = None,
        additional_instructions: str | None = None,
        additional_document_instructions: str | None = None,
        process_model_name: str | None = None,
        file_url_to_fill: str | None = None,
        tools: Sequence[Mapping[str, Any]] | None = None,
        utc: int | None = None,
        chunk_size: int | None = None,
        max_concurrent: int | None = None,
        max_retries: int | None = None,
        use_enhanced_processing: bool | None = None,
        **options: Unpack[DocumentRequestOptions],
    ) -> DocumentProcessResult:
        """POST /v3/ai/document: extract structured data from a PDF or image at `url` with a vision model.

        The snake_case arguments become the camelCase body (`model_name` -> `modelName`, ...); None values are left
        out; `utc` is an integer. `organization_id` is required (the client's is not filled in). `max_retries` is
        the server's per-chunk retry count (`maxRetries`), not the HTTP retry budget: set that with
        `client.with_options(max_retries=...)`. Returns `{success, data}`; `data.filledPdfUrl` is set when
        `file_url_to_fill` asked for a filled PDF.

        Example: `result = client.chat_ai.process_document("gpt-4o", "https://cdn.example.com/a.pdf", "org_abc")`
        """
        fields: dict[str, Any] = {
            "modelName": model_name,
            "url": url,
            "organizationId": organization_id,
            "boardId": board_id,
            "language": language,
            "additionalInstructions": additional_instructions,
            "additionalDocumentInstructions": additional_document_instructions,
            "processModelName": process_model_name,
            "fileUrlToFill": file_url_to_fill,
            "tools": None if tools is None else [dict(tool) for tool in tools],
            "utc": utc,
            "chunkSize": chunk_size,
            "maxConcurrent": max_concurrent,
            "maxRetries": max_retries,
            "useEnhancedProcessing": use_enhanced_processing,
        }
        body = {key: value for key, value in fields.items() if value is not None}
        return await self._json(process_document.build_request(body=body), cast("RequestOptions", options))
