"""``python -m desktop`` is the ``fugong`` command."""

import sys

from desktop.cli.main import main

sys.exit(main())
