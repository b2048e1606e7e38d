"""The built application's entry point, shared by its two executables.

``fugong-gui`` (windowed: no console on Windows) always opens the window; ``fugong`` (console) is the
command with its headless subcommands, as installed from ``pyproject.toml``. One script and one analysis
serve both, so the two programs in the folder are always built from the same modules. On Linux, where a
program has no console of its own to hide, ``fugong-gui`` is a symbolic link to ``fugong`` (each program
carries the whole Python archive, 19 MB): the name it was started by decides, hence ``sys.argv[0]``.
"""

import sys
from pathlib import Path

from desktop.cli.main import gui_main, main

started_as = Path(sys.argv[0] if sys.argv and sys.argv[0] else sys.executable).stem.lower()
sys.exit(gui_main() if started_as == "fugong-gui" else main())
