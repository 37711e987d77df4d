"""Benchmarks against raw httpx, run by `scripts/bench` (see `__main__.py`); not part of `scripts/test`."""
