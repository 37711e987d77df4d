"""`cassettes/real/`: the replies the running AI-agent service sent, as vcrpy cassettes the SDK can replay.

Built from the recorded exchanges (`tests/conformance/recorded/`), one cassette per flow. A request is written as
the SDK sends it to `FAKE_GATEWAY` (the service root is `/ai-agent` there), with the query the recording left out;
the organization becomes `FAKE_ORGANIZATION`, and every secret field (passwords, emails: `is_secret_field`)
`REDACTED` as a recording would write it, the deliberately wrong password too (its reply, a 401, tells that request
apart; a replay plays equal requests in recorded order); the recording holds no credential header. Left out:
streams and files (the recording kept no body for them), and the requests the SDK no longer sends as recorded (the
documentation's bodies it refuses or maps, `REFUSED`).
`python tests/integration/real_cassettes.py` writes the cassettes; a test checks that the files are what this builds.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

if __package__ in (None, ""):  # run as a script: import the test helpers as pytest does
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from conformance.exchanges import EXCHANGES, RECORDED_ORGANIZATION, query  # noqa: I001
from integration.recording import CASSETTES, FAKE_GATEWAY, FAKE_ORGANIZATION, ReadableYaml, scrub_json_fields

__all__ = ["FLOWS", "REAL", "REFUSED", "build"]

REAL = CASSETTES / "real"
ROOT = "/ai-agent"
# The recorded steps whose request the SDK no longer makes as recorded: it refuses the documentation's body before
# sending, or sends the service's shape (with a new UUID) instead.
REFUSED = frozenset(
    {
        "verify_chat_client_credentials(docstring body)",
        "register_chat_client(docstring body)",
        "update_client_chat(title, per docstring)",
        "generate_client_chat_title(no body)",
        "persist_client_message(docstring body) -> 400",
        "update_vote(docstring body) -> 400",
        "create_document(no id) -> 400",
        "delete_document(no timestamp)",
    }
)
# Cassette name -> the recorded steps (by index) it holds, in recorded order.
FLOWS: dict[str, tuple[int, ...]] = {
    "service_info": (0, 1, 2, 3, 4, 7, 8),
    "parquet": (9, 10, 11, 12, 13, 14),
    "chat_client_auth": (15, 16, 17, 18, 21),
    "chats": (22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 34, 35, 38),
    "messages_and_votes": (39, 40, 42, 43, 45, 46, 47, 48),
    "documents": (49, 50, 52, 53, 54, 55, 56, 57, 58, 59, 61, 62),
    "prompt_suggestions": (63, 64, 65),
    "chat_history": (68, 69, 81, 83, 85),
    "chat_errors": (78, 79, 80, 88, 89),
    "chat_without_organization": (90,),
    "cleanup": (91, 92, 93, 94),
    "not_served": (86, 87, 95, 96, 97),
}
_RENAME = {RECORDED_ORGANIZATION: FAKE_ORGANIZATION}


def _scrubbed(text: str) -> str:
    text = text.replace(f'"{RECORDED_ORGANIZATION}"', f'"{FAKE_ORGANIZATION}"')
    return scrub_json_fields(text.encode()).decode()


def _interaction(exchange: dict[str, Any], occurrence: int) -> dict[str, Any]:
    params = urlencode(query(exchange["step"], occurrence, _RENAME))
    body = exchange["request_body"]
    headers = {"content-type": ["application/json"]} if body is not None else {}
    reply = json.dumps(exchange["body"], separators=(",", ":"))
    return {
        "request": {
            "method": exchange["method"],
            "uri": f"{FAKE_GATEWAY}{ROOT}{exchange['path']}" + (f"?{params}" if params else ""),
            "body": "" if body is None else _scrubbed(body),
            "headers": headers,
        },
        "response": {
            "status": {"code": exchange["status"], "message": HTTPStatus(exchange["status"]).phrase},
            "headers": {"content-type": [exchange["content_type"]]},
            "body": {"string": _scrubbed(reply)},
        },
    }


def build() -> dict[str, str]:
    """Each cassette's file name and text."""
    occurrences: list[int] = []
    seen: Counter[str] = Counter()
    for exchange in EXCHANGES:
        occurrences.append(seen[exchange["step"]])
        seen[exchange["step"]] += 1
    cassettes = {}
    for name, indexes in FLOWS.items():
        interactions = [_interaction(EXCHANGES[i], occurrences[i]) for i in indexes]
        cassettes[f"{name}.yaml"] = ReadableYaml.serialize({"version": 1, "interactions": interactions})
    return cassettes


if __name__ == "__main__":
    REAL.mkdir(parents=True, exist_ok=True)
    for file_name, text in build().items():
        (REAL / file_name).write_text(text, encoding="utf-8")
