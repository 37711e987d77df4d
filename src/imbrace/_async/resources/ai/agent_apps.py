"""AI agents and agent apps on the AI service (v1 and v2 routes), their workflows and tool servers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from typing_extensions import Unpack

from ...._ai_bodies import check_tool_server, merged_agent, with_agent_defaults
from ...._completions import (
    page_with_both_ids,
)
from ...._generated.gateway.api.ai import (
    check_ai_agent_name,
    create_ai_agent_app_v2,
    create_ai_agent_v2,
    delete_ai_agent_v2,
    get_ai_agent_app,
    list_ai_agent_apps,
    list_ai_agents_v2,
    update_ai_agent_v2,
    update_ai_agent_workflow,
    verify_tool_server,
)
from ...._generated.gateway.api.chat_ai import (
    create_ai_agent,
    delete_ai_agent,
    get_ai_agent,
    list_ai_agent_sub_agents,
    list_ai_agents,
    update_ai_agent,
    update_ai_agent_instructions,
)
from ...._ids import with_both_ids
from ...._types import RequestOptions

if TYPE_CHECKING:
    from ...._generated.gateway.params import (
        CreateAiAgentAppV2Body,
        CreateAiAgentBody,
        CreateAiAgentV2Body,
        UpdateAiAgentBody,
        UpdateAiAgentInstructionsBody,
        UpdateAiAgentV2Body,
        UpdateAiAgentWorkflowBody,
        VerifyToolServerBody,
    )
    from ...._generated.gateway.shapes import (
        AiAgent,
        AiAgentApp,
        AiAgentAppListResponse,
        AiAgentListResponse,
        AiDeleted,
        NameCheck,
        ToolServerVerifyResult,
    )
from .rag_files import AsyncRagFiles

__all__ = ["AsyncAgentApps"]


class AsyncAgentApps(AsyncRagFiles):
    """AI agents and agent apps on the AI service (v1 and v2 routes), their workflows and tool servers."""

    # --- AI agents

    async def list_ai_agents(self, **options: Unpack[RequestOptions]) -> list[AiAgent]:
        """GET /v3/ai/accounts/assistants: every AI agent of the organization (as `client.chat_ai.list_ai_agents`).

        Returns the server's list of agents (each with `id`, and `_id` added).

        Example: `account_agents = client.ai.list_ai_agents()`
        """
        return with_both_ids(await self._json(list_ai_agents.build_request(), options))

    async def list_agents(self, **options: Unpack[RequestOptions]) -> list[AiAgent]:
        """GET /v3/ai/assistants/agents: the agents endpoint (as `client.chat_ai.list_ai_agent_sub_agents`).

        Example: `agents = client.ai.list_agents()`
        """
        return with_both_ids(await self._json(list_ai_agent_sub_agents.build_request(), options))

    async def get_ai_agent(self, ai_agent_id: str, **options: Unpack[RequestOptions]) -> AiAgent:
        """GET /v3/ai/assistants/{ai_agent_id}: one AI agent.

        Example: `agent = client.ai.get_ai_agent("asst_abc")`
        """
        return with_both_ids(await self._json(get_ai_agent.build_request(ai_agent_id), options))

    async def check_ai_agent_name(self, name: str, **options: Unpack[RequestOptions]) -> NameCheck:
        """GET /v3/ai/assistants/check-name: whether an agent of the organization has this name (sent as `?name=`).

        Returns `{"exist": bool}` as the service sends it (`not check["exist"]` is the name being free).

        Example: `check = client.ai.check_ai_agent_name("Support Bot")`
        """
        return await self._json(check_ai_agent_name.build_request(name=name), options)

    async def patch_instructions(
        self, ai_agent_id: str, body: UpdateAiAgentInstructionsBody | str, **options: Unpack[RequestOptions]
    ) -> AiAgent:
        """PATCH /v3/ai/assistants/{ai_agent_id}/instructions: set the agent's core task, and so its instructions.

        `body` is `{"instructions": "..."}`, or the text alone; stored as the agent's `core_task`, from which the
        service regenerates `instructions` (see `client.chat_ai.update_ai_agent_instructions`).

        Example: `client.ai.patch_instructions("asst_abc", {"instructions": "You are a concise, helpful assistant."})`
        """
        payload = {"instructions": body} if isinstance(body, str) else dict(body)
        reply = await self._json(update_ai_agent_instructions.build_request(ai_agent_id, body=payload), options)
        return with_both_ids(reply)

    # --- AI agent apps

    async def list_ai_agent_apps(self, **options: Unpack[RequestOptions]) -> AiAgentAppListResponse:
        """GET /v3/ai/assistant_apps: every AI agent app (a hosted-platform route the open-source service lacks).

        Example: `apps = client.ai.list_ai_agent_apps()`
        """
        reply = await self._json(list_ai_agent_apps.build_request(), options)
        return page_with_both_ids(reply)

    async def get_ai_agent_app(self, ai_agent_id: str, **options: Unpack[RequestOptions]) -> AiAgentApp:
        """GET /v3/ai/assistant_apps/{ai_agent_id}: one AI agent app (a hosted-platform route; see `get_ai_agent`).

        Example: `app = client.ai.get_ai_agent_app("app_id")`
        """
        return with_both_ids(await self._json(get_ai_agent_app.build_request(ai_agent_id), options))

    async def create_ai_agent_app(self, body: CreateAiAgentBody, **options: Unpack[RequestOptions]) -> AiAgent:
        """POST /v3/ai/assistant_apps: create an AI agent (`name`, `workflow_name`...; `assistant_id` is replaced).

        Like `client.chat_ai.create_ai_agent` (the same endpoint), `provider_id` defaults to "system" and `model_id`
        to "Default" when missing or None; the caller's dict is not changed.

        Example: `app = client.ai.create_ai_agent_app({"name": "Support App", "workflow_name": "support_workflow_v1"})`
        """
        return with_both_ids(await self._json(create_ai_agent.build_request(body=with_agent_defaults(body)), options))

    async def update_ai_agent_app(
        self, ai_agent_id: str, body: UpdateAiAgentBody, *, merge: bool = True, **options: Unpack[RequestOptions]
    ) -> AiAgent:
        """PUT /v3/ai/assistant_apps/{ai_agent_id}: change an AI agent app's settings.

        As `client.chat_ai.update_ai_agent`: the service's PUT is a full replace, so by default the agent is read
        first and `body` merged over its settings; `merge=False` sends `body` as is.

        Example: `client.ai.update_ai_agent_app(app["_id"], {"name": "Support App v2"})`
        """
        payload = dict(body)
        if merge:
            payload = merged_agent(await self._json(get_ai_agent.build_request(ai_agent_id), options), payload)
        return with_both_ids(await self._json(update_ai_agent.build_request(ai_agent_id, body=payload), options))

    async def delete_ai_agent_app(self, ai_agent_id: str, **options: Unpack[RequestOptions]) -> AiDeleted:
        """DELETE /v3/ai/assistant_apps/{ai_agent_id}: delete an AI agent app.

        Returns `{id, object: "assistant.deleted", deleted: true}`.

        Example: `client.ai.delete_ai_agent_app(app["_id"])`
        """
        return await self._json(delete_ai_agent.build_request(ai_agent_id), options)

    async def update_ai_agent_workflow(
        self, ai_agent_id: str, body: UpdateAiAgentWorkflowBody, **options: Unpack[RequestOptions]
    ) -> AiAgentApp:
        """PUT /v3/ai/assistant_apps/{ai_agent_id}/workflow: replace only the app's workflow definition.

        `body` is `{"workflow": {...}}`.

        Example: `client.ai.update_ai_agent_workflow(app["_id"], {"workflow": {"steps": []}})`
        """
        return with_both_ids(
            await self._json(update_ai_agent_workflow.build_request(ai_agent_id, body=dict(body)), options)
        )

    # --- tool servers

    async def verify_tool_server(
        self, body: VerifyToolServerBody, **options: Unpack[RequestOptions]
    ) -> ToolServerVerifyResult:
        """POST /v3/ai/configs/tool_servers/verify: check that a tool server answers, and read what it offers.

        `body` is the service's `ToolServerConnection`: `url`, `path`, `type` ("openapi" or "mcp"), `auth_type`,
        `key` and `config` (the last three may be None); a missing key raises `ValueError` before sending. Returns
        `{type, url, connection_url, headers, openapi, info, specs}` for an OpenAPI server, `{status, specs}` for MCP.

        Example::

            result = client.ai.verify_tool_server({
                "url": "https://tools.example.com", "path": "openapi.json", "type": "openapi",
                "auth_type": None, "key": None, "config": None,
            })
        """
        check_tool_server(body)
        return await self._json(verify_tool_server.build_request(body=dict(body)), options)

    # --- v2 agent routes

    async def list_ai_agents_v2(self, **options: Unpack[RequestOptions]) -> AiAgentListResponse:
        """GET /v2/ai/ai/assistants: AI agents on the v2 route (the doubled `ai` is the gateway's path).

        Example: `agents = client.ai.list_ai_agents_v2()`
        """
        reply = await self._json(list_ai_agents_v2.build_request(), options)
        return page_with_both_ids(reply)

    async def create_ai_agent_v2(self, body: CreateAiAgentV2Body, **options: Unpack[RequestOptions]) -> AiAgent:
        """POST /v2/ai/ai/assistants: create an AI agent on the v2 route; the body is sent as given (no defaults).

        Example: `agent = client.ai.create_ai_agent_v2({"name": "Support Bot"})`
        """
        return with_both_ids(await self._json(create_ai_agent_v2.build_request(body=dict(body)), options))

    async def update_ai_agent_v2(
        self, ai_agent_id: str, body: UpdateAiAgentV2Body, **options: Unpack[RequestOptions]
    ) -> AiAgent:
        """PUT /v2/ai/ai/assistants/{ai_agent_id}: update an AI agent on the v2 route.

        Example: `client.ai.update_ai_agent_v2("asst_abc", {"name": "Support Bot v2"})`
        """
        return with_both_ids(await self._json(update_ai_agent_v2.build_request(ai_agent_id, body=dict(body)), options))

    async def delete_ai_agent_v2(self, ai_agent_id: str, **options: Unpack[RequestOptions]) -> AiDeleted:
        """DELETE /v2/ai/ai/assistants/{ai_agent_id}: delete an AI agent on the v2 route.

        Example: `client.ai.delete_ai_agent_v2("asst_abc")`
        """
        return await self._json(delete_ai_agent_v2.build_request(ai_agent_id), options)

    async def create_ai_agent_app_v2(
        self, body: CreateAiAgentAppV2Body, **options: Unpack[RequestOptions]
    ) -> AiAgentApp:
        """POST /v2/ai/ai/assistant_apps: create an AI agent app on the v2 route; the body is sent as given.

        Example: `app = client.ai.create_ai_agent_app_v2({"name": "Support App", "workflow_name": "support_v1"})`
        """
        return with_both_ids(await self._json(create_ai_agent_app_v2.build_request(body=dict(body)), options))
