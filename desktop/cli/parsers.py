"""How the ``fugong`` command's modules add their subcommands: each one's help in the run's language (from the
module's own :class:`~desktop.cli.language.Words`), its handler run through the command's guard, and the
``--db`` option where it opens the database. Imported while the command line is parsed, never by the GUI.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from desktop.cli.language import Words

Handler = Callable[[argparse.Namespace], int]


def unguarded(handler: Handler) -> Handler:
    """A guard that lets the handler's errors through as they are (the catalogs need no database)."""
    return handler


class Subcommands:
    """Builds subcommands whose words are ``words``'s codes (``url``, ``db_help``, ``action``, ``file`` and
    each command's help code) and whose handlers ``guard`` wraps (turning storage errors into one line)."""

    def __init__(self, words: Words, guard: Callable[[Handler], Handler] = unguarded) -> None:
        self.words = words
        self.guard = guard

    def parser(self, parent: Any, name: str, help_code: str) -> argparse.ArgumentParser:
        """The subcommand ``name`` of ``parent`` (a subparsers action), whose help and description say
        ``help_code``."""
        words = self.words(help_code)
        parser: argparse.ArgumentParser = parent.add_parser(name, help=words, description=words)
        return parser

    def group(self, parent: Any, name: str, help_code: str, dest: str) -> Any:
        """A subcommand that holds actions (``fugong users add``): the subparsers to add them to; one is
        required, its name stored as ``dest``."""
        return self.parser(parent, name, help_code).add_subparsers(
            dest=dest, metavar=self.words("action"), required=True
        )

    def runs(
        self, parser: argparse.ArgumentParser, handler: Handler, needs_db: bool = True, db_option: bool | None = None
    ) -> argparse.ArgumentParser:
        """``parser`` runs ``handler`` through the guard; ``--db URL`` is added (here, after the arguments
        added so far) where it opens the database, or where ``db_option`` says (it may, as ``verify`` does)."""
        if needs_db if db_option is None else db_option:
            parser.add_argument(
                "--db", default=argparse.SUPPRESS, metavar=self.words("url"), help=self.words("db_help")
            )
        parser.set_defaults(handler=self.guard(handler), needs_db=needs_db)
        return parser

    def command(
        self, parent: Any, name: str, handler: Handler, help_code: str, needs_db: bool = True
    ) -> argparse.ArgumentParser:
        """A subcommand that runs ``handler`` (``--db`` first where it opens the database)."""
        return self.runs(self.parser(parent, name, help_code), handler, needs_db)

    def file_argument(self, parser: argparse.ArgumentParser, help_code: str) -> None:
        """The positional ``FILE`` argument, said by ``help_code``."""
        parser.add_argument("file", metavar=self.words("file"), help=self.words(help_code))
