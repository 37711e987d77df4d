"""Test helpers for applications built on imbrace: pytest fixtures backed by the local emulator.

The plugin is opt-in, so it costs nothing in projects that do not use it: enable the fixtures with
`pytest_plugins = ["imbrace.testing"]` in your top-level conftest.py, or `pytest -p imbrace.testing`. They need the
`imbrace[emulator]` extra; see `imbrace.testing.plugin` for the list. The fixture clients use these credentials:
"""

from __future__ import annotations

__all__ = [
    "TEST_API_KEY",
    "TEST_ORGANIZATION_ID",
    "async_imbrace_client",
    "imbrace_client",
    "imbrace_emulator",
    "imbrace_emulator_server",
    "imbrace_emulator_settings",
]

TEST_API_KEY = "test-key"
TEST_ORGANIZATION_ID = "org_test"

from .plugin import (  # noqa: E402  (the plugin reads the constants above)
    async_imbrace_client,
    imbrace_client,
    imbrace_emulator,
    imbrace_emulator_server,
    imbrace_emulator_settings,
)
