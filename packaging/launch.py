"""The built application's entry point, shared by its two executables.

``fugong-gui`` (windowed: no console on Windows) always opens the window; ``fugong`` (console) is the
command with its headless subcommands, as installed from ``pyproject.toml``. One script and one analysis
serve both, so the two programs in the folder are always built from the same modules.
"""

import sys
from pathlib import Path

from desktop.cli.main import gui_main, main

sys.exit(gui_main() if Path(sys.executable).stem.lower() == "fugong-gui" else main())
