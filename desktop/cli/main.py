"""The ``fugong`` command: the GUI with no arguments, headless subcommands otherwise.

Headless subcommands never import Qt. Each exits 0 on success and non-zero with a one-line message on
standard error when something is wrong.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from desktop.cli.errors import CommandError

if TYPE_CHECKING:  # imported when a subcommand is parsed: the GUI starts without it
    import argparse

Handler = Callable[["argparse.Namespace"], int]


# --- catalogs -----------------------------------------------------------------------------------------


def _catalogs_list(_: argparse.Namespace) -> int:
    from checklist.catalog import official_catalogs

    print(f"{'ID':<6} {'版本':<8} {'条目':>4}  文件")
    for catalog in official_catalogs().values():
        number = f"，{catalog.document.number}" if catalog.document.number else ""
        print(
            f"{catalog.id:<6} {catalog.version:<8} {len(catalog.items):>4}  "
            f"《{catalog.title_zh}》{number}，{catalog.document.date.isoformat()}"
        )
    return 0


def _catalogs_show(args: argparse.Namespace) -> int:
    from checklist.catalog import official_catalogs

    catalogs = official_catalogs()
    catalog = catalogs.get(args.id.upper())
    if catalog is None:
        from checklist.messages import msg

        raise CommandError(msg("cli.no_catalog", id=args.id, known=", ".join(catalogs)))
    if args.json:
        import json

        json.dump(catalog.model_dump(mode="json", by_alias=True), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"{catalog.id} {catalog.version} 《{catalog.title_zh}》 {catalog.document.number} {catalog.document.date}")
    for section in catalog.sections:
        print(f"\n{section.title_zh}")
        for item in catalog.items:
            if item.section == section.id:
                print(f"  {item.id:<10} {item.title_zh}  [{item.clause_zh}]")
    return 0


def _catalogs_validate(args: argparse.Namespace) -> int:
    from checklist.catalog import CatalogError, load_catalog_file

    try:
        catalog = load_catalog_file(Path(args.file))
    except CatalogError as exc:
        raise CommandError(str(exc)) from None
    print(f"{args.file}: valid catalog {catalog.id} {catalog.version}, {len(catalog.items)} items")
    return 0


# --- parser -------------------------------------------------------------------------------------------

_EXTRA_COMMANDS: list[Callable[[Any], None]] = []


def build_parser() -> argparse.ArgumentParser:
    import argparse

    class OneLineParser(argparse.ArgumentParser):
        """A usage error is one line and exit status 1, like every other refusal of the command."""

        def error(self, message: str) -> NoReturn:
            self.exit(1, f"fugong: {message} (see `{self.prog} --help`)\n")

    parser = OneLineParser(prog="fugong", description="复工自查 — 复工复产疫情防控自查")
    parser.add_argument(
        "--db", default=None, help="database URL (default: $FUGONG_DB_URL or SQLite in the user data folder)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    catalogs = commands.add_parser("catalogs", help="the official checklist catalogs")
    catalog_commands = catalogs.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    catalog_commands.add_parser("list", help="list the catalogs with item counts").set_defaults(handler=_catalogs_list)
    show = catalog_commands.add_parser("show", help="show one catalog")
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help="print every item as JSON")
    show.set_defaults(handler=_catalogs_show)
    validate = catalog_commands.add_parser("validate", help="check a catalog file")
    validate.add_argument("file")
    validate.set_defaults(handler=_catalogs_validate)

    from desktop.cli import commands as storage_commands

    storage_commands.register(commands)
    from desktop.cli import ledger_commands

    ledger_commands.register(commands, storage_commands._guard)
    return parser


def gui_main(argv: Sequence[str] | None = None) -> int:
    """``fugong-gui``: the window, never a subcommand (it has no console to print to on Windows).

    Takes only ``--db URL``; anything else is ignored rather than refused, since there is nowhere to say so.
    """
    arguments = sys.argv[1:] if argv is None else list(argv)
    db_url = None
    for index, argument in enumerate(arguments):
        if argument == "--db" and index + 1 < len(arguments):
            db_url = arguments[index + 1]
        elif argument.startswith("--db="):
            db_url = argument.removeprefix("--db=")
    from desktop.app import run_gui

    return run_gui(db_url)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if not arguments:  # the GUI, the everyday case: straight to it, without building the command parser
        from desktop.app import run_gui

        return run_gui(None)
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.command is None:
        from desktop.app import run_gui

        return run_gui(args.db)
    from checklist.messages import msg
    from desktop.cli.language import cli_language, detect_language, say, use_language
    from storage.logfile import logger, setup_logging

    use_language(detect_language())  # each run: the environment may have changed (tests run it in-process)
    log_file = setup_logging()
    try:
        from storage.files import clean_leftovers

        clean_leftovers()  # what a killed run left: temporary folders and .part files
        if args.db is None and getattr(args, "needs_db", False):
            from storage.location import default_db_url

            args.db = default_db_url()
        handler: Handler = args.handler
        return handler(args)
    except CommandError as exc:
        logger("cli").info("fugong %s refused: %s", args.command, " ".join(str(exc).split()))
        message = " ".join(exc.text(cli_language()).split())  # one line, whatever the message quoted
        print(f"fugong: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"fugong: {say(msg('cli.interrupted'))}", file=sys.stderr)
        return 130
    except RecursionError:
        logger("cli").exception("fugong %s: input nested too deeply", args.command)
        print(f"fugong: {say(msg('cli.nested'))}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: one sentence for the user, the traceback for whoever fixes it
        logger("cli").exception("fugong %s failed unexpectedly", args.command)
        print(f"fugong: {say(msg('cli.unexpected', error=type(exc).__name__, log=str(log_file)))}", file=sys.stderr)
        return 1
    finally:
        from desktop.cli.commands import close_databases

        close_databases()
