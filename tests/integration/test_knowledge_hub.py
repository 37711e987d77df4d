"""The Knowledge Hub flow: a folder, a file uploaded to it, found, embedded, then deleted with the folder."""

from __future__ import annotations

import pytest

from .recording import Target
from helpers import Harness

pytestmark = pytest.mark.integration

POLICY = b"Refunds are paid within 14 days of a return.\n"


def test_knowledge_hub(client: Harness, target: Target) -> None:
    boards, ai_agent = client.client.boards, client.client.ai_agent
    folder = client.call(boards.create_folder, {"name": "Q1 Reports"})
    folder_id = folder["_id"]

    uploaded = client.call(
        boards.upload_file, files={"file": ("refunds.txt", POLICY, "text/plain")}, folder_id=folder_id
    )
    assert uploaded["name"] == "refunds.txt"
    found = client.call(boards.search_files, folder_id=folder_id)
    assert [file["_id"] for file in found] == [uploaded["_id"]]

    embedded = client.call(
        ai_agent.process_embedding_and_wait, uploaded["_id"], interval=target.poll_interval, timeout=300
    )
    assert embedded["data"]["status"] == "completed"

    deleted = client.call(boards.delete_folders, [folder_id])
    assert deleted["data"]["deletedCount"] == 1
    assert client.call(boards.search_files, folder_id=folder_id) == []
