"""Async sources of the client; `codegen/unasync.py` derives `imbrace._sync` from them."""
