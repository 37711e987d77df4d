"""Typed usage of both clients: mypy --strict checks this file (it is not run)."""
