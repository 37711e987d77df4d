# Generated from src/imbrace/_async/__init__.py by codegen/unasync.py: edit that file.
"""The client's I/O-bound classes: `imbrace._async` is the hand-written source, `imbrace._sync` the sync twin
`codegen/unasync.py` derives from it."""
