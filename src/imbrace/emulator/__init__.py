"""A local, stateful Imbrace platform for demos and tests (the `imbrace[emulator]` extra), as moto is for boto3.

    from imbrace import ImbraceClient
    from imbrace.emulator import Emulator

    with Emulator() as emulator:
        client = ImbraceClient(api_key="test-key", organization_id="org_test", gateway=emulator.url)

It serves every operation of `openapi/gateway.yaml`, `openapi/ai-agent.yaml` (under `/ai-agent`) and the vendor's five
service specs (`openapi/vendor/`, under their gateway mounts) on one origin. Names load on first use, so importing
this package or its settings does not import starlette or uvicorn.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import create_app
    from .cli import main
    from .config import EmulatorSettings
    from .server import Emulator

__all__ = ["Emulator", "EmulatorSettings", "create_app", "main"]

_LOCATION = {"Emulator": ".server", "EmulatorSettings": ".config", "create_app": ".app", "main": ".cli"}


def __getattr__(name: str) -> Any:
    module = _LOCATION.get(name)
    if module is None:
        raise AttributeError(f"module 'imbrace.emulator' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
