"""Print the bad-input figures at the end of a run (``docs/reliability.md`` quotes them)."""

from __future__ import annotations

import sys
from typing import Any


def pytest_terminal_summary(terminalreporter: Any) -> None:
    figures = {}
    for name in ("tests.badinput.test_corpus", "tests.badinput.test_fuzz"):
        module = sys.modules.get(name)
        if module is not None:
            for key, value in getattr(module, "FIGURES", {}).items():
                figures[key] = figures.get(key, 0) + value
    if not figures:
        return
    terminalreporter.section("bad input: figures")
    for key in (
        "inputs tried",
        "refused cleanly",
        "valid inputs accepted",
        "crashes",
        "garbage accepted",
        "fuzzed inputs",
        "fuzzed inputs refused",
        "fuzzed crashes",
        "byte flips tried",
        "byte flips detected",
        "byte flips outside what was signed",
    ):
        if key in figures or key in ("crashes", "garbage accepted"):
            terminalreporter.write_line(f"{key:<38} {figures.get(key, 0):>7}")
