"""The data-board operations of the gateway spec say what backs them and answer as the service does."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "gateway.yaml"
EVIDENCE = re.compile(r"^(source src/\S+.*|recorded|old-package|unverified)$")
CREATES = {"create_board", "create_field", "create_item", "create_folder", "create_file", "upload_file"}


def _operations() -> list[tuple[str, dict[str, Any]]]:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return [
        (f"{method.upper()} {path}", operation)
        for path, item in spec["paths"].items()
        if path.startswith("/data-board/")
        for method, operation in item.items()
        if isinstance(operation, dict) and "operationId" in operation
    ]


@pytest.mark.parametrize(("key", "operation"), _operations(), ids=[key for key, _ in _operations()])
def test_every_data_board_operation_records_its_evidence(key: str, operation: dict[str, Any]) -> None:
    evidence = operation.get("x-imbrace-evidence")
    assert isinstance(evidence, list) and evidence, f"{key} has no x-imbrace-evidence"
    assert all(EVIDENCE.match(part) for part in evidence), f"{key}: {evidence!r}"


def test_creates_answer_201() -> None:
    statuses = {op["operationId"]: set(op["responses"]) for _, op in _operations()}
    assert all("201" in statuses[name] and "200" not in statuses[name] for name in CREATES), statuses
