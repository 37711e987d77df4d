# Generated from src/imbrace/_async/resources/ai/_shared.py by codegen/unasync.py: edit that file.
"""What the `client.ai` sub-resources share: constants and pure helpers."""

from __future__ import annotations

_GUARDRAIL_ID = "guardrails_config_id"
_PROVIDER_ID = "guardrail_provider_id"
