"""The ``fugong`` command: the GUI with no arguments, headless subcommands otherwise.

Headless subcommands never import Qt. Each exits 0 on success and non-zero with a one-line message on
standard error when something is wrong.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from checklist.messages import ENGLISH, Both
from desktop.cli.errors import CommandError
from desktop.cli.language import Words, cli_language

if TYPE_CHECKING:  # imported when a subcommand is parsed: the GUI starts without it
    import argparse

Handler = Callable[["argparse.Namespace"], int]


# --- catalogs -----------------------------------------------------------------------------------------

# What this module prints and its parser says: code → (English, Chinese).
WORDS_TABLE: dict[str, tuple[str, str]] = {
    "catalogs.header": ("{id:<6} {version:<8} {items:>5}  document", "{id:<6} {version:<8} {items:>5}  文件"),
    "catalogs.id": ("ID", "ID"),
    "catalogs.version": ("version", "版本"),
    "catalogs.items": ("items", "条目"),
    "catalogs.valid": (
        "{file}: valid catalog {id} {version}, {items} items",
        "{file}：检查表 {id} {version} 有效，共 {items} 项",
    ),
    "see_help": ("{message} (see `{prog} --help`)", "{message}（参见 `{prog} --help`）"),
    "description": (
        "复工自查 (Fugong Self-Check) — the epidemic-control self-check for returning to work",
        "复工自查 — 复工复产疫情防控自查",
    ),
    "url": ("URL", "地址"),
    "db_help": (
        "database URL (default: $FUGONG_DB_URL or SQLite in the user data folder)",
        "数据库地址（默认：$FUGONG_DB_URL，或用户数据文件夹中的 SQLite 数据库）",
    ),
    "command": ("COMMAND", "命令"),
    "action": ("ACTION", "操作"),
    "catalogs": ("the official checklist catalogs", "官方检查表"),
    "catalogs.list": ("list the catalogs with item counts", "列出检查表及其条目数"),
    "catalogs.show": ("show one catalog", "显示一个检查表"),
    "catalogs.show.id": ("the catalog's ID, e.g. GN", "检查表的 ID，例如 GN"),
    "catalogs.show.json": ("print every item as JSON", "以 JSON 格式输出全部条目"),
    "catalogs.validate": ("check a catalog file", "检查一个检查表文件"),
    "file": ("FILE", "文件"),
    "catalogs.validate.file": ("the catalog file (JSON)", "检查表文件（JSON）"),
}
WORDS = Words(WORDS_TABLE)


def _catalogs_list(_: argparse.Namespace) -> int:
    from checklist.catalog import official_catalogs

    print(
        WORDS(
            "catalogs.header", id=WORDS("catalogs.id"), version=WORDS("catalogs.version"), items=WORDS("catalogs.items")
        )
    )
    english = cli_language() == ENGLISH
    for catalog in official_catalogs().values():
        number, date = catalog.document.number, catalog.document.date.isoformat()
        if english:  # the official title as it is (quoted), then its English title
            document = f"《{catalog.title_zh}》 ({catalog.title_en}){', ' + number if number else ''}, {date}"
        else:
            document = f"《{catalog.title_zh}》{'，' + number if number else ''}，{date}"
        print(f"{catalog.id:<6} {catalog.version:<8} {len(catalog.items):>5}  {document}")
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
    english = cli_language() == ENGLISH
    title = f"《{catalog.title_zh}》 ({catalog.title_en})" if english else f"《{catalog.title_zh}》"
    print(f"{catalog.id} {catalog.version} {title} {catalog.document.number} {catalog.document.date}")
    for section in catalog.sections:
        print(f"\n{section.title_en if english else section.title_zh}")
        for item in catalog.items:
            if item.section == section.id:
                text, clause = (item.title_en, item.clause_en) if english else (item.title_zh, item.clause_zh)
                print(f"  {item.id:<10} {text}  [{clause}]")
    return 0


def _catalogs_validate(args: argparse.Namespace) -> int:
    from checklist.catalog import CatalogError, load_catalog_file

    try:
        catalog = load_catalog_file(Path(args.file))
    except CatalogError as exc:
        raise CommandError(Both(str(exc), str(getattr(exc, "message_zh", "") or exc))) from None
    print(WORDS("catalogs.valid", file=args.file, id=catalog.id, version=catalog.version, items=len(catalog.items)))
    return 0


# --- parser -------------------------------------------------------------------------------------------

_EXTRA_COMMANDS: list[Callable[[Any], None]] = []


def build_parser() -> argparse.ArgumentParser:
    import argparse

    class OneLineParser(argparse.ArgumentParser):
        """A usage error is one line and exit status 1, like every other refusal of the command."""

        def error(self, message: str) -> NoReturn:
            self.exit(1, f"fugong: {WORDS('see_help', message=message, prog=self.prog)}\n")

    parser = OneLineParser(prog="fugong", description=WORDS("description"))
    parser.add_argument("--db", default=None, metavar=WORDS("url"), help=WORDS("db_help"))
    commands = parser.add_subparsers(dest="command", metavar=WORDS("command"))

    from desktop.cli.parsers import Subcommands

    build = Subcommands(WORDS)
    catalog_commands = build.group(commands, "catalogs", "catalogs", "catalog_command")
    build.parser(catalog_commands, "list", "catalogs.list").set_defaults(handler=_catalogs_list)
    show = build.parser(catalog_commands, "show", "catalogs.show")
    show.add_argument("id", help=WORDS("catalogs.show.id"))
    show.add_argument("--json", action="store_true", help=WORDS("catalogs.show.json"))
    show.set_defaults(handler=_catalogs_show)
    validate = build.parser(catalog_commands, "validate", "catalogs.validate")
    build.file_argument(validate, "catalogs.validate.file")
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
    from checklist.messages import msg
    from desktop.cli.language import argparse_words, detect_language, say, use_language
    from storage.logfile import logger, setup_logging

    use_language(detect_language())  # each run: the environment may have changed (tests run it in-process)
    with argparse_words():  # --help, usage and argparse's refusals in the run's language
        args = build_parser().parse_args(arguments)
    if args.command is None:
        from desktop.app import run_gui

        return run_gui(args.db)
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
