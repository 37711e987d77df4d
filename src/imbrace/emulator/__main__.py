"""`python -m imbrace.emulator --host 127.0.0.1 --port 8787 [--db FILE] [--api-key KEY]`."""

from __future__ import annotations

import sys

from .cli import EXTRA_NEEDED, main, missing_extra

try:
    status = main()
except ModuleNotFoundError as exc:
    if not missing_extra(exc):
        raise
    print(f"python -m imbrace.emulator: {EXTRA_NEEDED.format(exc.name)}", file=sys.stderr)
    status = 1
raise SystemExit(status)
