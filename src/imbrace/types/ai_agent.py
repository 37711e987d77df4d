"""The TypedDicts `client.ai_agent` sends (`<Operation>Body`, `<Operation>Query`) and returns.

Static types of plain dicts: importing this module loads no model, and nothing checks them at runtime.
"""

from .._generated.ai_agent.namespaces.ai_agent import *  # noqa: F403
