"""The official texts the catalogs cite, shipped in ``resources/texts`` (one UTF-8 file per document).

Each file starts with a header of :data:`HEADER_LINES` lines — 名称, 英文名称, 文号, 发布机关, 日期, 摘自 (the
source collection and its lines) and a rule — followed by the text itself. Catalog items cite lines of these
files, so a quote can be checked, and shown in context, without anything outside the product.

Catalogs of version 1.0.0 (kept in ``resources/catalogs/archive``) cited lines of the source collection
(``seeds/<file>.txt:<first>-<last>``); :func:`text_of` maps those to the shipped file that holds them, so an
old inspection still opens its clauses.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

HEADER_LINES = 7
_FIELDS = ("名称", "英文名称", "文号", "发布机关", "日期", "摘自")
_EXCERPT = re.compile(
    r"^(?P<seed>seeds/\S+\.txt) 第 (?P<first>\d+)–(?P<last>\d+) 行(?:（(?P<correction>.+)）)?$"
)  # with an editorial note
_LEGACY_SOURCE = re.compile(r"^(?P<seed>seeds/\S+\.txt):(?P<first>\d+)-(?P<last>\d+)$")
SHIPPED_SOURCE = re.compile(r"^texts/(?P<key>[a-z0-9_]+)\.txt$")


class TextError(Exception):
    """An official text that is missing or malformed (a packaging error, not a user error)."""


@dataclass(frozen=True)
class OfficialText:
    """One shipped official document: its header and its lines (numbered from 1, header included)."""

    key: str  # file name without ".txt", e.g. "gn"
    name_zh: str
    name_en: str
    number: str  # 文号, "" where the document has none
    issuer: str
    date: str
    seed: str  # "seeds/<file>.txt" the text was taken from
    seed_first: int
    seed_last: int
    lines: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"texts/{self.key}.txt"

    @property
    def first_text_line(self) -> int:
        return HEADER_LINES + 1

    @property
    def last_line(self) -> int:
        return len(self.lines)

    def from_seed_line(self, seed_line: int) -> int:
        """The line of this file that holds line ``seed_line`` of the source collection."""
        if not self.seed_first <= seed_line <= self.seed_last:
            raise TextError(f"{self.path} holds {self.seed} lines {self.seed_first}–{self.seed_last}, not {seed_line}")
        return seed_line - self.seed_first + self.first_text_line

    def excerpt(self, first: int, last: int) -> str:
        """Lines ``first``–``last`` (1-based, inclusive) joined with newlines."""
        if not self.first_text_line <= first <= last <= self.last_line:
            raise TextError(f"{self.path} has text lines {self.first_text_line}–{self.last_line}, not {first}–{last}")
        return "\n".join(self.lines[first - 1 : last])


def parse_text(key: str, content: str) -> OfficialText:
    lines = tuple(content.splitlines())
    if len(lines) <= HEADER_LINES:
        raise TextError(f"texts/{key}.txt: shorter than its header")
    header: dict[str, str] = {}
    for number, (line, field) in enumerate(zip(lines, _FIELDS, strict=False), start=1):
        label, sep, value = line.partition("：")
        if not sep or label != field or not value.strip():
            raise TextError(f"texts/{key}.txt line {number}: expected “{field}：…”")
        header[field] = value.strip()
    if not set(lines[HEADER_LINES - 1]) <= {"="}:
        raise TextError(f"texts/{key}.txt line {HEADER_LINES}: expected the ==== rule under the header")
    excerpt = _EXCERPT.match(header["摘自"])
    if excerpt is None:
        raise TextError(f"texts/{key}.txt: 摘自 should read “seeds/<file>.txt 第 A–B 行”")
    return OfficialText(
        key=key,
        name_zh=header["名称"],
        name_en=header["英文名称"],
        number="" if header["文号"] == "无" else header["文号"],
        issuer=header["发布机关"],
        date=header["日期"],
        seed=excerpt["seed"],
        seed_first=int(excerpt["first"]),
        seed_last=int(excerpt["last"]),
        lines=lines,
    )


@functools.cache
def shipped_texts() -> dict[str, OfficialText]:
    """Every official text in ``resources/texts``, keyed by file name without ``.txt``."""
    folder = resources.files("resources") / "texts"
    found: dict[str, OfficialText] = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".txt"):
            key = entry.name.removesuffix(".txt")
            found[key] = parse_text(key, entry.read_text(encoding="utf-8"))
    return dict(sorted(found.items()))


@dataclass(frozen=True)
class CitedPassage:
    """Where an item's clause stands in its official text (lines of the shipped file, inclusive)."""

    text: OfficialText
    first: int
    last: int

    @property
    def passage(self) -> str:
        return self.text.excerpt(self.first, self.last)


def _line_range(source_lines: str) -> tuple[int, int]:
    first, _, last = source_lines.partition("-")
    return int(first), int(last or first)


def text_of(document_source: str) -> OfficialText:
    """The shipped text a catalog's ``document.source`` names (or, for a 1.0.0 catalog, holds its lines)."""
    shipped = SHIPPED_SOURCE.match(document_source)
    texts = shipped_texts()
    if shipped is not None:
        try:
            return texts[shipped["key"]]
        except KeyError:
            raise TextError(f"{document_source} is not shipped with this version of 复工自查") from None
    legacy = _LEGACY_SOURCE.match(document_source)
    if legacy is not None:
        first, last = int(legacy["first"]), int(legacy["last"])
        for text in texts.values():
            if text.seed == legacy["seed"] and text.seed_first <= first and last <= text.seed_last:
                return text
    raise TextError(f"no shipped official text holds {document_source}")


def cited_passage(document_source: str, source_lines: str) -> CitedPassage:
    """The passage an item cites, in the numbering of the shipped file."""
    text = text_of(document_source)
    first, last = _line_range(source_lines)
    if _LEGACY_SOURCE.match(document_source):
        first, last = text.from_seed_line(first), text.from_seed_line(last)
    text.excerpt(first, last)  # raises if outside the text
    return CitedPassage(text, first, last)
