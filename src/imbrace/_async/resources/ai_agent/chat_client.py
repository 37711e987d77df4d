"""The chat-client routes: auth, chats, messages and votes."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import TYPE_CHECKING, Any

from typing_extensions import Unpack

from ...._agent_bodies import (
    chat_update_body,
    client_chat_body,
    credentials_body,
    message_body,
    title_body,
    vote_body,
)
from ...._generated.ai_agent.api.ai_agent import (
    create_client_chat,
    delete_all_client_chats,
    delete_client_chat,
    delete_trailing_messages,
    generate_client_chat_title,
    get_chat_client_user,
    get_client_chat,
    get_votes,
    list_client_chats,
    list_client_messages,
    persist_client_message,
    register_chat_client,
    update_client_chat,
    update_vote,
    verify_chat_client_credentials,
)
from ...._types import RequestOptions
from ...pagination import async_walk

if TYPE_CHECKING:
    from ...._generated.ai_agent.params import (
        CreateClientChatBody,
        GenerateClientChatTitleBody,
        GetChatClientUserBody,
        PersistClientMessageBody,
        RegisterChatClientBody,
        UpdateClientChatBody,
        UpdateVoteBody,
        VerifyChatClientCredentialsBody,
    )
    from ...._generated.ai_agent.shapes import (
        ChatClientUser,
        ClientChat,
        ClientChatCreateResponse,
        ClientChatList,
        ClientMessage,
        ClientMessageCreateResponse,
        DeleteAllClientChatsResponse,
        GenerateTitleResponse,
        OkResponse,
        Vote,
    )
from ._shared import _CLIENT_CHAT_PAGES
from .traces import AsyncAgentTraces

__all__ = ["AsyncChatClient"]


class AsyncChatClient(AsyncAgentTraces):
    """The chat-client routes: auth, chats, messages and votes."""

    # ------------------------------------------------------------------ chat client: auth

    async def verify_chat_client_credentials(
        self, body: VerifyChatClientCredentialsBody, **options: Unpack[RequestOptions]
    ) -> ChatClientUser:
        """POST /chat-client/auth/verify-credentials: check a chat-client user's `{email, password}`.

        Returns `{id, email}`; a wrong password raises AuthenticationError (401 `invalid_credentials`). A body without
        both (the documentation's `{token}`) raises ValueError before sending.

        Example: `user = client.ai_agent.verify_chat_client_credentials({"email": "a@b.co", "password": "pw-123456"})`
        """
        return await self._json(
            verify_chat_client_credentials.build_request(body=credentials_body(body, "verify_chat_client_credentials")),
            options,
        )

    async def register_chat_client(self, body: RegisterChatClientBody, **options: Unpack[RequestOptions]) -> OkResponse:
        """POST /chat-client/auth/register: create a chat-client user from `{email, password}` (201 `{ok: true}`).

        A registered e-mail raises ConflictError (409 `user_exists`). A body without both (the documentation's
        `{name, secret}`) raises ValueError before sending.

        Example: `client.ai_agent.register_chat_client({"email": "a@b.co", "password": "pw-123456"})`
        """
        return await self._json(
            register_chat_client.build_request(body=credentials_body(body, "register_chat_client")), options
        )

    async def get_chat_client_user(
        self, body: GetChatClientUserBody | None = None, **options: Unpack[RequestOptions]
    ) -> ChatClientUser:
        """POST /chat-client/auth/user: the calling chat-client user (its `id` is the chat `user_id`).

        The service reads no body (the documentation's `{token}` is ignored); without `body` the request has none.

        Example: `user = client.ai_agent.get_chat_client_user()`
        """
        return await self._json(get_chat_client_user.build_request(body=body), options)

    # ------------------------------------------------------------------ chat client: chats

    async def create_client_chat(
        self,
        body: CreateClientChatBody | str,
        *,
        message: Mapping[str, Any] | None = None,
        selectedVisibilityType: str | None = None,
        assistantId: str | None = None,
        organizationId: str | None = None,
        userId: str | None = None,
        type: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ClientChatCreateResponse:
        """POST /chat-client/chats: create a chat with its first user message (or add the message if it exists).

        `body` is the whole chat dict, or the chat id with the other fields as keywords (the old `(id, **fields)`
        form); keywords given override the dict. `organizationId` defaults to the client's. The chat id and the
        message id are UUIDs; a message with `content` and no `parts` (the documentation's form) is sent with its
        text as a text part (the service reads only `parts`).

        Example: `client.ai_agent.create_client_chat({"id": str(uuid4()), "selectedVisibilityType": "private", ...})`
        """
        fields = {
            "message": message,
            "selectedVisibilityType": selectedVisibilityType,
            "assistantId": assistantId,
            "organizationId": organizationId,
            "userId": userId,
            "type": type,
        }
        chat: dict[str, Any] = {"id": body} if isinstance(body, str) else dict(body)
        chat.update({key: value for key, value in fields.items() if value is not None})
        if chat.get("organizationId") is None:
            organization = self._organization(None)
            if organization:
                chat["organizationId"] = organization
        return await self._json(create_client_chat.build_request(body=client_chat_body(chat)), options)

    async def list_client_chats(
        self,
        organization_id: str | None = None,
        limit: int | None = None,
        starting_after: str | None = None,
        ending_before: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ClientChatList:
        """GET /chat-client/chats: one page of the caller's chats, newest first (cursor paging).

        `organization_id` defaults to the client's. `ending_before=<chat id>` gives older chats, `starting_after`
        newer ones. Walk every page with `iter_client_chats`.

        Example: `chats = client.ai_agent.list_client_chats(organization_id="org_abc", limit=20)`
        """
        kwargs = list_client_chats.build_request(
            organization_id=self._organization(organization_id),
            limit=limit,
            starting_after=starting_after,
            ending_before=ending_before,
        )
        return await self._json(kwargs, options)

    async def iter_client_chats(
        self,
        organization_id: str | None = None,
        limit: int | None = None,
        ending_before: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[ClientChat]:
        """GET /chat-client/chats, page after page: every chat, newest first, fetching a page only when needed.

        Each next page starts before the oldest chat seen (`ending_before`); stops when the server says `hasMore`
        is false. `organization_id` defaults to the client's; `ending_before` starts below a given chat.

        Example: `for chat in client.ai_agent.iter_client_chats(limit=50): print(chat["title"])`
        """

        first = {"organization_id": organization_id, "limit": limit, "ending_before": ending_before}
        async for chat in async_walk(self.list_client_chats, _CLIENT_CHAT_PAGES, first, **options):
            yield chat

    async def delete_all_client_chats(
        self, organization_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> DeleteAllClientChatsResponse | None:
        """DELETE /chat-client/chats: delete all of the caller's chats of an organization, with messages and votes.

        `organization_id` defaults to the client's. None when the reply has no body.

        Example: `client.ai_agent.delete_all_client_chats("org_abc")`
        """
        kwargs = delete_all_client_chats.build_request(organization_id=self._organization(organization_id))
        return await self._json(kwargs, options)

    async def get_client_chat(self, chat_id: str, **options: Unpack[RequestOptions]) -> ClientChat:
        """GET /chat-client/chats/{chat_id}: one chat.

        Example: `chat = client.ai_agent.get_client_chat("chat_id")`
        """
        return await self._json(get_client_chat.build_request(chat_id), options)

    async def update_client_chat(
        self, chat_id: str, body: UpdateClientChatBody, **options: Unpack[RequestOptions]
    ) -> OkResponse:
        """PATCH /chat-client/chats/{chat_id}: change a chat's `assistantId` or `visibility`.

        Any other key (e.g. `title`, which the service silently ignores) raises ValueError before sending.

        Example: `client.ai_agent.update_client_chat("chat_id", {"visibility": "private"})`
        """
        return await self._json(update_client_chat.build_request(chat_id, body=chat_update_body(body)), options)

    async def delete_client_chat(self, chat_id: str, **options: Unpack[RequestOptions]) -> ClientChat | None:
        """DELETE /chat-client/chats/{chat_id}: delete a chat with its messages and votes; returns the deleted chat.

        None when the server answers null or without a body (204).

        Example: `client.ai_agent.delete_client_chat("chat_id")`
        """
        return await self._json(delete_client_chat.build_request(chat_id), options)

    async def generate_client_chat_title(
        self, chat_id: str, body: GenerateClientChatTitleBody | None = None, **options: Unpack[RequestOptions]
    ) -> GenerateTitleResponse:
        """POST /chat-client/chats/{chat_id}/title: a title for a message's text (the chat itself is not updated).

        `body` is `{"message": {"parts": [text_part, ...]}}` with `text_part = {"type": "text", "text": ...}`; without
        it (the documentation's call)
        ValueError is raised before sending: the service answers 400.

        Example: `client.ai_agent.generate_client_chat_title("chat_id", {"message": {"parts": [text_part]}})`
        """
        kwargs = generate_client_chat_title.build_request(chat_id, body=title_body(body))
        return await self._json(kwargs, options)

    # ------------------------------------------------------------------ chat client: messages and votes

    async def persist_client_message(
        self, body: PersistClientMessageBody, **options: Unpack[RequestOptions]
    ) -> ClientMessageCreateResponse:
        """POST /chat-client/messages: store an assistant message produced elsewhere; returns `{ok, id}`.

        `body` is `{"message": {"id", "chatId", "role": "assistant", "parts", "metadata"?}}`, or the documented
        `{"chatId", "content"}`, sent as such a message with one text part and a new UUID id. Anything else raises
        ValueError before sending. A non-UUID message id is replaced by the service (and kept in a `source` part).

        Example: `client.ai_agent.persist_client_message({"chatId": "chat_id", "content": "Hello"})`
        """
        return await self._json(persist_client_message.build_request(body=message_body(body)), options)

    async def list_client_messages(self, chat_id: str, **options: Unpack[RequestOptions]) -> list[ClientMessage]:
        """GET /chat-client/chats/{chat_id}/messages: every message of a chat, oldest first.

        Example: `messages = client.ai_agent.list_client_messages("chat_id")`
        """
        return await self._json(list_client_messages.build_request(chat_id), options)

    async def delete_trailing_messages(self, message_id: str, **options: Unpack[RequestOptions]) -> OkResponse | None:
        """DELETE /chat-client/messages/{message_id}/trailing: delete a message and every later one of its chat.

        None when the reply has no body.

        Example: `client.ai_agent.delete_trailing_messages("message_id")`
        """
        return await self._json(delete_trailing_messages.build_request(message_id), options)

    async def get_votes(self, chat_id: str, **options: Unpack[RequestOptions]) -> list[Vote]:
        """GET /chat-client/chats/{chat_id}/votes: the up/down votes on a chat's messages.

        Example: `votes = client.ai_agent.get_votes("chat_id")`
        """
        return await self._json(get_votes.build_request(chat_id), options)

    async def update_vote(self, body: UpdateVoteBody, **options: Unpack[RequestOptions]) -> OkResponse:
        """PATCH /chat-client/votes: vote a message of a chat up or down, `{"chatId", "messageId", "type"}`.

        A `vote` key is taken as `type`; without `chatId` (the documentation's `{messageId, vote}`) ValueError is
        raised before sending. A message the chat does not hold is a 400 (`bad_request:database`).

        Example: `client.ai_agent.update_vote({"chatId": "chat_id", "messageId": "msg_id", "type": "up"})`
        """
        return await self._json(update_vote.build_request(body=vote_body(body)), options)
