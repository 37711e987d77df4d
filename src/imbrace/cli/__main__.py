"""`python -m imbrace.cli`: the `imbrace` console script."""

from __future__ import annotations

from . import main

raise SystemExit(main())
