"""What the SDK tells the server about itself: computed once per process."""

from __future__ import annotations

import platform
from functools import lru_cache

from ._version import __version__

__all__ = ["user_agent"]


@lru_cache(maxsize=1)
def user_agent() -> str:
    return (
        f"imbrace-python/{__version__} (Python {platform.python_version()}; "
        f"{platform.system() or 'unknown'} {platform.machine() or 'unknown'}; {platform.python_implementation()})"
    )
