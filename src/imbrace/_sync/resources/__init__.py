# Generated from src/imbrace/_async/resources/__init__.py by codegen/unasync.py: edit that file.
"""The namespaces: one module each, thin layers over the generated endpoints and the transport."""
