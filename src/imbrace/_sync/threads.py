# Generated from src/imbrace/_async/threads.py by codegen/unasync.py: edit that file.
"""`client.ai_agent.threads`: one handle for a conversation with an agent.

The AI-agent service keeps the conversation itself. `POST /v2/chat` with a new chat id creates the chat from its first
message (and titles it from that message); every turn saves the new user message and reloads the history from the
service's store. So a turn sends only its new message, as the service's web client and the recorded exchanges do,
and the chat id is all a thread needs to continue a conversation later. What the service does not do, the thread says:

- A `streaming: false` agent answers `text/plain`, and the service neither saves that reply nor marks the chat idle.
  The thread keeps such a reply in its local `history` (metadata `{"saved": False}`), and `wait_idle` does not wait
  for an idle that never comes.
- A reply closed before its end (by `cancel()` or by leaving the stream) is still completed and saved by the service;
  the part that arrived is in `history` with metadata `{"partial": True}`. `wait_idle()` waits for the rest.
- The title is set by the service from the first message; no route changes it, so a thread has no `rename`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from time import monotonic
from typing import TYPE_CHECKING, cast
from uuid import uuid4

import httpx
from typing_extensions import Unpack

from .._errors import APIStatusError, APITimeoutError, ChatIdleTimeoutError
from .._generated.ai_agent.api.ai_agent import stream_chat
from .._threads import Content, ThreadMessage, check_chat_id, reply_message, shutdown_socket, user_message
from .._types import RequestOptions
from ..types._accumulate import MessageAccumulator, UIMessage
from ..types.ui_message import UIMessageChunk
from .resources.ai_agent._shared import _CHAT_ACCEPT
from .streaming import ChatStream

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from .._generated.ai_agent.shapes import ClientChat, ClientMessage
    from .resources.ai_agent import AiAgentResource

__all__ = ["Thread", "ThreadReply", "Threads"]

DEFAULT_IDLE_TIMEOUT = 120.0
"""Seconds `wait_idle` waits by default (the service itself gives up on a turn after 5 minutes)."""


class ThreadReply(ChatStream):
    """The reply to `Thread.send`: the `ChatStream` of `stream_chat` (`iter_events()`, `iter_text()`,
    `get_final_message()`, the raw response API), which also records the reply in its thread when it ends.

    The thread records what was read through the typed readers; a body read raw (`iter_lines()`, `text`) is left
    out of `history` (the service has it: `Thread.messages()`).
    """

    _typed_text = True  # the reply is recorded from its typed chunks, whichever reader reads it

    def __init__(self, response: httpx.Response, thread: Thread) -> None:
        super().__init__(response)
        self._thread = thread
        self._accumulator = MessageAccumulator()
        self._recording = threading.Lock()  # `cancel()` and the reader may close it at once, from two threads
        self._recorded = False
        self.cancelled = False
        """True when `Thread.cancel()` closed this reply."""

    @property
    def plain(self) -> bool:
        """True for a `text/plain` reply (a `streaming: false` agent): the service does not save it."""
        return self._plain is not None

    def get_final_message(self) -> UIMessage:
        """Read the whole reply and return the message it builds (a cancelled reply: the part that arrived)."""
        for _ in self._items("get_final_message()"):
            pass
        return self._accumulator.message

    def close(self) -> None:
        super().close()
        self._thread._record(self)

    def _cancel(self) -> None:
        self.cancelled = True
        self._closed_by_caller = True
        shutdown_socket(self.response)
        self.close()

    def _feed(self, data: bytes) -> Iterable[UIMessageChunk | str]:
        return self._seen(super()._feed(data))

    def _end(self) -> Iterable[UIMessageChunk | str]:
        return self._seen(super()._end())

    def _seen(self, chunks: Iterable[UIMessageChunk | str]) -> Iterator[UIMessageChunk | str]:
        for chunk in chunks:
            self._accumulator.add(cast("UIMessageChunk", chunk))
            yield chunk


class Thread:
    """One conversation with an agent: `send` a message, read the reply as it streams, send the next.

    Make one with `client.ai_agent.threads.create(assistant_id)` (a new chat, created on the service by its first
    message) or re-attach with `threads.get(chat_id)` / `threads(chat_id)`. `id` is the chat id (a UUID); keep it
    to continue later. A thread streams one reply at a time; `cancel()` stops it from another thread or task.

    Example:
        thread = client.ai_agent.threads.create("asst_abc")
        print(thread.reply("What can you do?").text)
        with thread.send("Tell me more") as reply:
            for text in reply.iter_text():
                print(text, end="", flush=True)
        thread.wait_idle()
        print([m["role"] for m in thread.messages()])
    """

    def __init__(
        self,
        agent: AiAgentResource,
        chat_id: str,
        assistant_id: str | None,
        *,
        exists: bool,
        chat: ClientChat | None = None,
        history: Iterable[Mapping[str, object]] = (),
    ) -> None:
        self.id = chat_id
        """The chat id (a UUID)."""
        self.assistant_id = assistant_id
        """The agent that answers; read from the chat on the first `send` when None."""
        self.chat: ClientChat = {"id": chat_id} if chat is None else chat
        """The chat as last read (`get`, `list`, `title`); only its `id` until then."""
        self._agent = agent
        self._exists = exists
        self._history = [dict(message) for message in history]
        self._reply: ThreadReply | None = None
        self._opening = False
        self._plain_turn = False

    @property
    def history(self) -> list[ThreadMessage]:
        """The conversation as this handle knows it, oldest first: the messages read by `threads.get`, then each
        turn sent since and its reply. A copy.

        A reply the service did not save (a `streaming: false` agent's) has metadata `{"saved": False}`; a reply
        closed before its end, `{"partial": True}` (the service saves all of it: `messages()` has the rest).

        User messages carry the id this handle gave them; the service stores them under ids of its own, so compare
        `messages()` by role and parts, not id. A reply's id is the one the service saved it under.

        Example: `for message in thread.history: print(message["role"], message["parts"])`
        """
        return [dict(message) for message in self._history]

    def send(self, content: Content, **options: Unpack[RequestOptions]) -> ThreadReply:
        """POST /v2/chat: send a user message and return the reply as it streams.

        `content` is a text or a list of parts. The first `send` creates the chat. The reply reads like
        `stream_chat`'s (`iter_events()`, `iter_text()`, `get_final_message()`); close it (or use `with`) if you do
        not read it to the end. Raises RuntimeError while the previous reply is still open. Never retried once sent.

        Example: `for text in thread.send("Hello").iter_text(): print(text, end="")`
        """
        if self._opening or (self._reply is not None and not self._reply.response.is_closed):
            raise RuntimeError("this thread's previous reply is still open: read it to the end, close it, or cancel()")
        message = user_message(content)
        self._opening = True
        try:
            body = {"id": self.id, "assistant_id": self._assistant(), "messages": [message]}
            kwargs = stream_chat.build_request(body=self._agent._chat_body(body, new_id=False))
            response = self._agent._open_stream(kwargs, options, accept=_CHAT_ACCEPT)
        except APIStatusError:
            self._exists = True  # the service creates the chat before it fails a turn (and saves the error)
            raise
        finally:
            self._opening = False
        self._exists = True
        self._history.append(message)
        self._reply = ThreadReply(response, self)
        return self._reply

    def reply(self, content: Content, **options: Unpack[RequestOptions]) -> UIMessage:
        """`send`, then read the whole reply: the assistant's message (`.text`, `.tool_calls`, `.parts`).

        Example: `answer = thread.reply("What is the capital of France?").text`
        """
        stream = self.send(content, **options)
        return stream.get_final_message()

    def cancel(self) -> bool:
        """Stop the reply in flight, from any thread or task: its stream ends and its connection is closed.

        The thread stays usable. The service still completes and saves that turn (`wait_idle()` waits for it).
        Returns False when no reply was open.

        Example: `threading.Timer(5, thread.cancel).start()` (or `task_group.start_soon(thread.cancel)`)
        """
        reply = self._reply
        if reply is None or reply.response.is_closed:
            return False
        reply._cancel()
        return True

    def wait_idle(self, timeout: float = DEFAULT_IDLE_TIMEOUT) -> None:
        """GET /chat-client/chats/{id}/status/stream until the chat is idle (no turn running), at most `timeout` s.

        Raises `ChatIdleTimeoutError` (a `TimeoutError`) when the bound passes first. Returns at once for a chat
        not created yet, and after a `streaming: false` reply (complete on arrival; the service never marks such a
        chat idle). A stale idle (the service gave up waiting) is not taken as idle.

        Example: `thread.wait_idle(timeout=60)`
        """
        if not self._exists or self._plain_turn:
            return
        deadline = monotonic() + timeout
        status: str | None = None
        while (remaining := deadline - monotonic()) > 0:
            try:
                with self._agent.stream_client_chat_status(self.id, timeout=remaining) as events:
                    for event in events:
                        status = event.status
                        if status == "idle" and not event.stale:
                            return
            except APITimeoutError:
                break
        raise ChatIdleTimeoutError(self.id, timeout, status)

    def messages(self, **options: Unpack[RequestOptions]) -> list[ClientMessage]:
        """GET /chat-client/chats/{id}/messages: the messages the service stored, oldest first ([] before the first).

        Example: `for message in thread.messages(): print(message["role"], message["parts"])`
        """
        if not self._exists:
            return []
        return self._agent.list_client_messages(self.id, **options)

    def title(self, **options: Unpack[RequestOptions]) -> str | None:
        """GET /chat-client/chats/{id}: the chat's title (None before the first message).

        The service titles a chat from its first message, shortly after that turn starts ("New chat" until then).

        Example: `print(thread.title())`
        """
        if not self._exists:
            return None
        self.chat = self._agent.get_client_chat(self.id, **options)
        return self.chat.get("title")

    def delete(self, **options: Unpack[RequestOptions]) -> ClientChat | None:
        """DELETE /chat-client/chats/{id}: delete the chat with its messages; returns it (None if never created).

        The handle's history empties; a later `send` starts a new chat under the same id.

        Example: `thread.delete()`
        """
        if not self._exists:
            return None
        deleted = self._agent.delete_client_chat(self.id, **options)
        self._exists, self._history, self.chat = False, [], {"id": self.id}
        return deleted

    def _assistant(self) -> str:
        if self.assistant_id is None:
            self.chat = self._agent.get_client_chat(self.id)
            self.assistant_id = self.chat.get("assistantId")
            if not self.assistant_id:
                raise ValueError(f"chat {self.id} names no agent: pass assistant_id= to threads.get() or threads()")
        return self.assistant_id

    def _record(self, reply: ThreadReply) -> None:
        """Add a finished reply to the history, once."""
        with reply._recording:
            if reply._recorded:
                return
            reply._recorded = True
        self._plain_turn = reply.plain
        message = reply._accumulator.message
        if not message.parts:
            return
        marks = {"saved": False} if reply.plain else {}
        if not message.finished:
            marks["partial"] = True
        self._history.append(reply_message(message, **marks))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(id={self.id!r}, assistant_id={self.assistant_id!r})"


class Threads:
    """`client.ai_agent.threads`: conversation handles over the chat-client API.

    Example:
        thread = client.ai_agent.threads.create("asst_abc")
        again = client.ai_agent.threads.get(thread.id)
    """

    def __init__(self, agent: AiAgentResource) -> None:
        self._agent = agent

    def create(self, assistant_id: str, *, chat_id: str | None = None) -> Thread:
        """A new conversation with the agent `assistant_id`; nothing is sent until the first `send`.

        `chat_id` (a UUID) names the chat; a fresh UUID by default.

        Example: `thread = client.ai_agent.threads.create("asst_abc")`
        """
        if not assistant_id:
            raise ValueError("create() needs the assistant_id of the agent to talk to")
        chat_id = str(uuid4()) if chat_id is None else check_chat_id(chat_id)
        return Thread(self._agent, chat_id, assistant_id, exists=False)

    def __call__(self, chat_id: str, *, assistant_id: str | None = None) -> Thread:
        """A handle on an existing chat, without a request (its agent is read on the first `send` unless given).

        Example: `thread = client.ai_agent.threads("5f0c...-uuid", assistant_id="asst_abc")`
        """
        return Thread(self._agent, check_chat_id(chat_id), assistant_id, exists=True)

    def get(self, chat_id: str, *, assistant_id: str | None = None, **options: Unpack[RequestOptions]) -> Thread:
        """GET the chat and its messages: a handle on an existing chat, its `history` loaded. NotFoundError if none.

        Example: `thread = client.ai_agent.threads.get(saved_chat_id)`
        """
        chat = self._agent.get_client_chat(check_chat_id(chat_id), **options)
        messages = self._agent.list_client_messages(chat_id, **options)
        agent_id = assistant_id or chat.get("assistantId")
        return Thread(self._agent, chat_id, agent_id, exists=True, chat=chat, history=messages)

    def list(
        self, organization_id: str | None = None, limit: int | None = None, **options: Unpack[RequestOptions]
    ) -> Iterator[Thread]:
        """GET /chat-client/chats, page after page: a thread for each of the caller's chats, newest first.

        `thread.chat` is the listed chat; `limit` is the page size. Pages come from `iter_client_chats`.

        Example: `for thread in client.ai_agent.threads.list(): print(thread.id, thread.chat["title"])`
        """
        for chat in self._agent.iter_client_chats(organization_id, limit, **options):
            yield Thread(self._agent, chat["id"], chat.get("assistantId"), exists=True, chat=chat)
