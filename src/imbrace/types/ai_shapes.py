"""The TypedDicts `client.ai` sends (`<Operation>Body`, `<Operation>Query`) and returns.

`imbrace.types.ai` holds the pydantic completion types; these are the JSON of the AI service's other calls.

Static types of plain dicts: importing this module loads no model, and nothing checks them at runtime.
"""

from .._generated.gateway.namespaces.ai import *  # noqa: F403
