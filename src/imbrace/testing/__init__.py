"""Test helpers for applications built on imbrace: pytest fixtures backed by the local emulator.

Enable the fixtures with `pytest_plugins = ["imbrace.testing.plugin"]` in your top-level conftest.py; see
`imbrace.testing.plugin` for the list. The fixture clients use these credentials:
"""

from __future__ import annotations

__all__ = ["TEST_API_KEY", "TEST_ORGANIZATION_ID"]

TEST_API_KEY = "test-key"
TEST_ORGANIZATION_ID = "org_test"
