"""Which words of a text are in the wrong language: Latin words in Chinese text, Chinese in English text.

Qt-free, so that the GUI's language guard (:mod:`tests.gui.language_guard`) and the command line's and the
reports' tests (``tests/cli/``, ``tests/export/``) judge by the same rules."""

from __future__ import annotations

import re

# Latin words a Chinese interface may show: names of products, formats, standards and units.
_ALLOWED = """
    PDF Excel JSON SQLite PostgreSQL PAdES CMS SHA QR OpenSSL pyHanko poppler UTC GB ID PNG JPEG JPG WAL XLSX xlsx
    YYYY MM DD HH SS pem p12 pfx PKCS X Qt fugong ok PKI CA USB CSV TOML GNU MB KB kB
    m mg L min h px cm mm kg PM AM am pm
    GN BJHQ BJTG NHC LK BJ JT GJJT PostgreSQL pg_dump pg_restore sqlite postgresql
    Fugong Self Check AB Ctrl Shift Alt Esc Tab Enter Del Backspace PgUp PgDown Home End
    """
ALLOWED_LATIN = {word.lower() for word in _ALLOWED.split()}
# Things that are not words to translate: codes (GN-01, A101, FG-2-v4), file names and paths, addresses, hashes.
NOT_WORDS = re.compile(
    r"""
      [A-Za-z0-9_.+-]+@[A-Za-z0-9.-]+                         # an e-mail address
    | (?:[A-Za-z]:)?[\w.~-]*[/\\][\w./\\~ -]*                   # a path
    | [\w-]+\.(?:pdf|xlsx|json|p7s|pem|p12|pfx|png|jpe?g|txt|toml|sqlite3?|qm|ts|py)\b   # a file name
    | \b(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*\b  # a code with a digit: GN-01, A101, v4, 2.0
    | \b[0-9a-f]{8,}\b                                          # a hash
    | %\d                                                       # a Qt placeholder
    | &(?=\S)                                                   # a mnemonic marker
    | “[^”]*”                                                   # a name quoted from the user's data
    """,
    re.VERBOSE,
)
LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# Quoted text in an English interface: an official title 《…》, a quotation “…”, something the user typed.
QUOTED = re.compile(
    r"[\u4e00-\u9fff]+〔\d{4}〕\d+号|《[^》]*》|“[^”]*”|「[^」]*」|\"[^\"]*\"|'[^']*'|（[^）]*[\u4e00-\u9fff][^）]*）"
)


PRODUCT_NAME = "复工自查"  # the product's name, shown beside its English name in both interfaces


def latin_words(text: str) -> list[str]:
    """The Latin words in ``text`` a Chinese interface should not show."""
    stripped = NOT_WORDS.sub(" ", text)
    return [w for w in LATIN_WORD.findall(stripped) if w.lower() not in ALLOWED_LATIN and len(w) > 1]


def chinese_words(text: str, names: set[str]) -> list[str]:
    """The Chinese in ``text`` an English interface should not show (quotes and typed names are allowed)."""
    stripped = QUOTED.sub(" ", text)
    return [
        run
        for run in CJK.findall(stripped)
        if run != PRODUCT_NAME and not any(run in name or name in run for name in names)
    ]
