"""``python -m desktop`` is the ``fugong`` command."""

import sys

from desktop.cli import main

sys.exit(main())
