"""The one error every ``fugong`` subcommand raises for a problem the user can fix."""

from __future__ import annotations


class CommandError(Exception):
    """A problem the user can fix; printed as one line, exit status 1."""
