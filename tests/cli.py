"""Running the ``fugong`` command in the test process, the way a script would run it.

:func:`fugong` calls ``desktop.cli.main.main(argv)`` with standard input, output and error replaced, so a
command-line test costs no new interpreter (each ``python -m desktop`` start took about a second). What is
not covered this way (the installed entry point, ``python -m desktop``, a real process's exit status) is
covered by the few subprocess smoke tests in ``tests/test_cli_entry_point.py``.
"""

from __future__ import annotations

import contextlib
import io
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class CommandResult:
    """What a run of the command left: its exit status and everything it printed."""

    returncode: int
    stdout: str
    stderr: str


def fugong(*args: str, stdin: str = "") -> CommandResult:
    """Run ``fugong ARGS`` in this process, ``stdin`` as its standard input (passwords one per line).

    The status is what ``main`` returns, or the code of a ``SystemExit`` it raises (argparse does for bad
    arguments and ``--help``). Any other exception propagates: a command must never end in a traceback, so
    a test that meets one fails with it.
    """
    from desktop.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(list(args))
            except SystemExit as exit_:
                code = exit_.code
                status = code if isinstance(code, int) else (0 if code is None else 1)
                if isinstance(code, str):
                    err.write(code + "\n")
    finally:
        sys.stdin = saved_stdin
    return CommandResult(status, out.getvalue(), err.getvalue())
