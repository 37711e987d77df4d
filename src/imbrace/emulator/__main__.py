"""`python -m imbrace.emulator --host 127.0.0.1 --port 8787 [--db FILE] [--api-key KEY]`."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
