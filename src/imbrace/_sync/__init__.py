# Generated from src/imbrace/_async/__init__.py by codegen/unasync.py. Do not edit: change the async source.
"""Async sources of the client; `codegen/unasync.py` derives `imbrace._sync` from them."""
