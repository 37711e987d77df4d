"""The TypedDicts `client.folders` sends (`<Operation>Body`, `<Operation>Query`) and returns.

Static types of plain dicts: importing this module loads no model, and nothing checks them at runtime.
"""

from .._generated.gateway.namespaces.folders import *  # noqa: F403
