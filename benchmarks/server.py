"""The loopback server the benchmarks measure against: a bare asyncio HTTP/1.1 server in its own process.

    python -m benchmarks.server    # prints its port on stdout, then serves 127.0.0.1 until killed

It answers on the SDK's own paths, so the SDK and raw httpx receive the same bytes:

- GET  /v3/ai/accounts/assistants: a fixed JSON list of 100 agents;
- GET  /data-board/boards: one page of 20 boards; GET /ai-agent/health: `{"status": "ok"}` (the cold calls);
- POST /ai-agent/v2/chat: a UI message stream picked by the body's `assistant_id`: "paced" (40 text deltas over 1 s,
  each delta the `time.time()` at which it was sent), "burst" (20,000 deltas in 16 KiB writes), "large" (100 MiB of
  64 KiB deltas), anything else a short answer of 10 deltas;
- GET  /data-board/files/{id}/download: 100 MiB of bytes;
- GET  /_stats: `{"open": n, "accepted": n}`, the connections open now and accepted so far (stats queries excluded).

Bare asyncio rather than uvicorn keeps the server's share of each round trip small, so the client's cost shows.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

MIB = 1 << 20
PACED_DELTAS = 40
PACED_SECONDS = 1.0
BURST_DELTAS = 20_000
SHORT_DELTAS = 10
LARGE_BYTES = 100 * MIB
LARGE_DELTA = 64 * 1024
DOWNLOAD_BYTES = 100 * MIB


def _agent(n: int) -> dict[str, Any]:
    return {
        "id": f"9f77692f-33d0-436a-8138-{n:012d}",
        "name": f"Support agent {n}",
        "workflow_name": f"support_{n}",
        "description": "Answers customer questions about orders, returns and delivery times.",
        "instructions": "Be brief and friendly. Quote the order number. Escalate refunds above 100 EUR.",
        "mode": "standard",
        "model_id": "Default",
        "provider_id": "system",
        "organization_id": "org_benchmark",
        "streaming": n % 2 == 0,
        "show_thinking_process": False,
        "teams": ["team_a", "team_b"],
        "categories": [1, 2, 3],
        "agent_type": "agent",
        "sub_agents": [],
        "created_at": "2025-01-02T03:04:05.678Z",
        "updated_at": "2025-06-07T08:09:10.111Z",
    }


AGENTS = json.dumps([_agent(n) for n in range(100)]).encode()
BOARDS = json.dumps(
    {"data": [{"_id": f"{n:024x}", "name": f"Board {n}", "type": "Tasks"} for n in range(20)], "total": 20, "count": 20}
).encode()
HEALTH = b'{"status":"ok"}'
CHANNELS = json.dumps({"data": [{"_id": f"ch_{n}", "type": "web", "name": f"Channel {n}"} for n in range(20)]}).encode()


def _frame(chunk: dict[str, Any]) -> bytes:
    return b"data: " + json.dumps(chunk, separators=(",", ":")).encode() + b"\n\n"


def _delta(text: str) -> bytes:
    return _frame({"type": "text-delta", "id": "t", "delta": text})


OPEN = _frame({"type": "start", "messageId": "m"}) + _frame({"type": "text-start", "id": "t"})
CLOSE = _frame({"type": "text-end", "id": "t"}) + _frame({"type": "finish"}) + b"data: [DONE]\n\n"
BURST = OPEN + b"".join(_delta(f"tok{n} ") for n in range(BURST_DELTAS)) + CLOSE
SHORT = OPEN + b"".join(_delta(f"word{n} ") for n in range(SHORT_DELTAS)) + CLOSE
LARGE_FRAME = _delta("x" * LARGE_DELTA)
LARGE_FRAMES = LARGE_BYTES // len(LARGE_FRAME)


def _head(content_type: str, length: int | None = None) -> bytes:
    size = "transfer-encoding: chunked" if length is None else f"content-length: {length}"
    return f"HTTP/1.1 200 OK\r\ncontent-type: {content_type}\r\n{size}\r\n\r\n".encode()


def _chunk(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


class Server:
    def __init__(self) -> None:
        self.open = 0
        self.accepted = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.open += 1
        self.accepted += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                method, target, _ = head.split(b" ", 2)
                length = 0
                for line in head.lower().split(b"\r\n"):
                    if line.startswith(b"content-length:"):
                        length = int(line[15:])
                body = await reader.readexactly(length)
                await self.respond(writer, method.decode(), target.decode().partition("?")[0], body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            self.open -= 1
            writer.close()

    async def respond(self, writer: asyncio.StreamWriter, method: str, path: str, body: bytes) -> None:
        if path == "/v3/ai/accounts/assistants":
            writer.write(_head("application/json", len(AGENTS)) + AGENTS)
        elif path == "/data-board/boards":
            writer.write(_head("application/json", len(BOARDS)) + BOARDS)
        elif path == "/ai-agent/health":
            writer.write(_head("application/json", len(HEALTH)) + HEALTH)
        elif path == "/channel-service/v1/channels":
            writer.write(_head("application/json", len(CHANNELS)) + CHANNELS)
        elif path == "/_stats":
            self.accepted -= 1  # the query's own connection is not counted
            stats = json.dumps({"open": self.open - 1, "accepted": self.accepted}).encode()
            writer.write(_head("application/json", len(stats)) + stats)
        elif method == "POST" and path == "/ai-agent/v2/chat":
            writer.write(_head("text/event-stream"))
            await self.chat(writer, json.loads(body).get("assistant_id"))
            writer.write(b"0\r\n\r\n")
        elif path.startswith("/data-board/files/") and path.endswith("/download"):
            writer.write(_head("application/octet-stream", DOWNLOAD_BYTES))
            block = b"\0" * MIB
            for _ in range(DOWNLOAD_BYTES // MIB):
                writer.write(block)
                await writer.drain()
        else:
            writer.write(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n")

    async def chat(self, writer: asyncio.StreamWriter, mode: str | None) -> None:
        if mode == "paced":
            writer.write(_chunk(OPEN))
            for _ in range(PACED_DELTAS):
                await asyncio.sleep(PACED_SECONDS / PACED_DELTAS)
                writer.write(_chunk(_delta(repr(time.time()))))
                await writer.drain()
            writer.write(_chunk(CLOSE))
        elif mode == "burst":
            for start in range(0, len(BURST), 16384):
                writer.write(_chunk(BURST[start : start + 16384]))
        elif mode == "large":
            writer.write(_chunk(OPEN))
            for _ in range(LARGE_FRAMES):
                writer.write(_chunk(LARGE_FRAME))
                await writer.drain()
            writer.write(_chunk(CLOSE))
        else:
            writer.write(_chunk(SHORT))


async def main() -> None:
    server = Server()
    listener = await asyncio.start_server(server.handle, "127.0.0.1", 0, backlog=1024)
    print(listener.sockets[0].getsockname()[1], flush=True)
    await listener.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
