"""Public types: UI message stream chunks, the message a stream builds, and the OpenAI-compatible AI types.

Names load on first use (PEP 562), so `import imbrace.types` imports neither pydantic nor any model. Each name is
exported by one of the modules below, whose `__all__` lists it (the one list of it); a name is looked up in them in
this order, the lighter modules first, so an AI type never loads the thirty stream chunk models.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._accumulate import *  # noqa: F403
    from .ai import *  # noqa: F403
    from .ui_message import *  # noqa: F403

_MODULES = ("imbrace.types.ai", "imbrace.types.ui_message", "imbrace.types._accumulate")


def __getattr__(name: str) -> Any:
    if name == "__all__":
        return [exported for module in _MODULES for exported in import_module(module).__all__]
    if not name.startswith("__"):
        for module_name in _MODULES:
            module = import_module(module_name)
            if name in module.__all__:
                value = getattr(module, name)
                globals()[name] = value
                return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
