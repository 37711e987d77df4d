"""Every module of the package imports, and every pydantic model in it builds, on the Python running the suite.

On 3.9 and 3.10 (scripts/matrix) this is what catches a newer construct evaluated at run time, in a module no other
test happens to load: `X | Y` in a pydantic field, a base class or a type alias, `dataclass(slots=True)`,
`typing.Self`. mypy cannot: its oldest target is 3.10, and it accepts `X | Y` in annotations pydantic evaluates.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import GenericAlias

from pydantic import BaseModel

import imbrace


def test_every_module_imports_and_every_model_builds() -> None:
    names = sorted(
        info.name for info in pkgutil.walk_packages(imbrace.__path__, "imbrace.") if not info.name.endswith("__main__")
    )
    failures, models = [], 0
    for name in names:
        try:
            module = importlib.import_module(name)
            for _, value in inspect.getmembers(module, inspect.isclass):
                # `dict[str, Any]` passes isclass before Python 3.11, and issubclass rejects it
                if not isinstance(value, GenericAlias) and issubclass(value, BaseModel) and value.__module__ == name:
                    value.model_rebuild(force=True)
                    models += 1
        except Exception as exc:
            failures.append(f"{name}: {type(exc).__name__}: {exc}")
    assert not failures, "\n".join(failures)
    assert len(names) > 300 and models > 30, (len(names), models)
