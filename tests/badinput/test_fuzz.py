"""Fuzzing the loaders and tampering with signed files: no input makes them crash, none is accepted as
garbage, and no change to what was signed goes unnoticed.

- the exchange loader gets arbitrary text, arbitrary JSON, and the corpus's valid file with one value
  replaced by an arbitrary one; whatever it accepts must satisfy the record's invariants, checked here
  independently of the loader (dates in the rules' era, names that are one printable line, bounded numbers);
- the catalog loader gets arbitrary TOML-ish text and shipped catalogs with lines dropped, doubled or cut;
- ``fugong verify`` gets signed reports with one bit flipped (PDF, workbook, ``.p7s``).
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import json
import os
import random
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checklist.catalog import CatalogError, parse_catalog
from checklist.text import LIMITS, TextKind
from desktop.cli.main import main
from storage.errors import InvalidInputError
from storage.exchange import EARLIEST_DATE, MAX_JSON_INT, ExchangeFile, parse_exchange
from tests.badinput.figures import record_figure

CORPUS = Path(__file__).resolve().parents[1] / "data" / "bad"
REPO = Path(__file__).resolve().parents[2]
FIGURES: Counter[str] = Counter()
BASE = json.loads((CORPUS / "import" / "trailing-garbage.json").read_text(encoding="utf-8")[:-1])
SHIPPED = (REPO / "resources" / "catalogs" / "gn.toml").read_text(encoding="utf-8")
FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["", " ", "2026-11-20", "1900-01-01", "2099-01-01", "GN-01", "industrial", "=1+1", "\x07", "张三"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=15,
)


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [path] + [p for key, value in node.items() for p in _leaves(value, (*path, key))]
    if isinstance(node, list):
        return [path] + [p for index, value in enumerate(node) for p in _leaves(value, (*path, index))]
    return [path]


PATHS = [p for p in _leaves(BASE) if p]


def _replace(document: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    node: Any = changed
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return changed


def _one_line_name(value: str) -> bool:
    return (
        bool(value.strip())
        and len(value) <= LIMITS[TextKind.NAME]
        and not any(unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") for c in value)
    )


def _plausible(parsed: ExchangeFile) -> None:
    """What an accepted file must be, whatever the loader thinks (the garbage the issue found, by kind)."""
    company, inspection = parsed.company, parsed.inspection
    latest = dt.date.today() + dt.timedelta(days=1)
    assert EARLIEST_DATE <= inspection.date <= latest
    assert _one_line_name(company.name) and _one_line_name(inspection.inspector)
    assert type(company.headcount) is int and 0 <= company.headcount <= MAX_JSON_INT
    for room in inspection.dormitory_rooms:
        assert _one_line_name(room.name) and type(room.occupants) is int and room.occupants >= 1
        assert isinstance(room.has_window, bool) and isinstance(room.bunk_beds, bool)
    for action in inspection.corrective_actions:
        assert _one_line_name(action.owner) and action.action.strip()
        assert action.status != "verified" or action.verification_note.strip()
    for response in inspection.responses:
        assert not any(unicodedata.category(c) == "Cc" and c not in "\n\t\r" for c in response.note)


def _load(text: str) -> None:
    FIGURES["fuzzed inputs"] += 1
    try:
        parsed = parse_exchange(text)
    except InvalidInputError as refused:
        assert "\n" not in str(refused) and "Traceback" not in str(refused)
        FIGURES["fuzzed inputs refused"] += 1
        return
    except Exception:
        FIGURES["fuzzed crashes"] += 1
        raise
    _plausible(parsed)


@pytest.mark.hostile
@FUZZ
@given(st.text(max_size=500))
def test_exchange_loader_on_any_text(text: str) -> None:
    _load(text)


@pytest.mark.hostile
@FUZZ
@given(json_values)
def test_exchange_loader_on_any_json(value: Any) -> None:
    _load(json.dumps(value, ensure_ascii=False))


@pytest.mark.hostile
@FUZZ
@given(st.sampled_from(PATHS), json_values)
@example(("inspection", "responses", 0, "measurements"), {"\n": None})  # found by this test at stop 23
def test_exchange_loader_on_one_value_changed(path: tuple[Any, ...], value: Any) -> None:
    _load(json.dumps(_replace(BASE, path, value), ensure_ascii=False))


BREAKING = "A\nB\u2028C\x00D\u200fE"  # a newline, a line separator, a NUL and a right-to-left mark


@pytest.mark.parametrize(
    ("path", "value", "named"),
    [
        (("inspection", "responses", 0, "measurements"), {BREAKING: 2}, True),
        (("inspection", "responses", 0, "measurements"), {BREAKING: "two"}, True),
        (("inspection", "date"), BREAKING, True),
        (("inspection", "catalogs", 0), BREAKING, True),
        # refused by the text policy first, which names the character rather than the value
        (("inspection", "responses", 0, "item"), BREAKING, False),
        (("inspection", "catalogs", 0), {"id": "GN", "version": BREAKING}, False),
        (("inspection", "corrective_actions", 0, "item"), BREAKING, False),
    ],
)
def test_a_refusal_shows_a_line_breaking_value_escaped_on_one_line(
    path: tuple[Any, ...], value: Any, named: bool
) -> None:
    """A value the refusal names (the reader must find it in the file) cannot break the sentence or hide."""
    with pytest.raises(InvalidInputError) as refused:
        parse_exchange(json.dumps(_replace(BASE, path, value), ensure_ascii=False))
    for text in (str(refused.value), refused.value.message_zh):
        assert not any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in text), text
        assert ("A\\nB\\u2028C\\u0000D\\u200fE" in text) is named, text


def test_a_duplicated_line_breaking_key_is_shown_escaped() -> None:
    text = json.dumps(BASE, ensure_ascii=False).replace('"format"', '"A\\nB", "A\\nB": 1, "format"', 1)
    text = text.replace('"A\\nB", ', '"A\\nB": 0, ', 1)
    with pytest.raises(InvalidInputError) as refused:
        parse_exchange(text)
    assert "A\\nB" in str(refused.value) and "\n" not in str(refused.value) + refused.value.message_zh


@pytest.mark.hostile
@FUZZ
@given(st.sampled_from(PATHS), st.integers(min_value=1, max_value=3000))
def test_exchange_loader_on_deep_nesting(path: tuple[Any, ...], depth: int) -> None:
    text = json.dumps(_replace(BASE, path, "@@"), ensure_ascii=False)
    _load(text.replace('"@@"', "[" * depth + "]" * depth))


@pytest.mark.hostile
@FUZZ
@given(st.text(max_size=400))
def test_catalog_loader_on_any_text(text: str) -> None:
    FIGURES["fuzzed inputs"] += 1
    try:
        parse_catalog(text, "fuzz.toml")
    except CatalogError as refused:
        assert str(refused).startswith("fuzz.toml: ")
        FIGURES["fuzzed inputs refused"] += 1


@pytest.mark.hostile
@FUZZ
@given(st.data())
def test_catalog_loader_on_damaged_catalogs(data: st.DataObject) -> None:
    lines = SHIPPED.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        index = data.draw(st.integers(min_value=0, max_value=len(lines) - 1))
        how = data.draw(st.sampled_from(["drop", "double", "cut", "insert"]))
        if how == "drop":
            del lines[index]
        elif how == "double":
            lines.insert(index, lines[index])
        elif how == "cut":
            lines[index] = lines[index][: data.draw(st.integers(min_value=0, max_value=len(lines[index])))]
        else:
            lines.insert(index, data.draw(st.sampled_from(["x = 1e400\n", f"x = {2**64}\n", "[[items]]\n", "= \n"])))
    FIGURES["fuzzed inputs"] += 1
    try:
        parse_catalog("".join(lines), "damaged.toml")
    except CatalogError:
        FIGURES["fuzzed inputs refused"] += 1


# --- tampering with signed files -----------------------------------------------------------------------

# 1,000 in all (FUGONG_FLIPS changes it): one signed set, the flipped file rewritten in place each time.
FLIPS = int(os.environ.get("FUGONG_FLIPS", "1000"))
FLIPS_PER_KIND = {"report.pdf": FLIPS - 2 * (FLIPS // 3), "report.xlsx": FLIPS // 3, "report.xlsx.p7s": FLIPS // 3}


def _verify(folder: Path, name: str) -> tuple[int, str, str]:
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        status = main(["verify", str(folder / name), "--trust", str(CORPUS / "verify" / "base" / "trust.pem")])
    return status, out.getvalue(), err.getvalue()


def _signed_parts(p7s: bytes) -> list[bytes]:
    """What a detached signature vouches for: per signer, the signed attributes, the signature value and the
    signer's certificate (the rest of the file, e.g. other certificates, is not signed)."""
    from asn1crypto import cms

    signed = cms.ContentInfo.load(p7s)["content"]
    parts: list[bytes] = []
    for info in signed["signer_infos"]:
        parts += [info["signed_attrs"].dump(), info["signature"].native, info["digest_algorithm"].dump()]
        serial = info["sid"].chosen["serial_number"].native
        parts += [c.chosen.dump() for c in signed["certificates"] if c.chosen.serial_number == serial]
    return parts


def _pdf_signature_at(pdf: bytes, position: int) -> bytes | None:
    """The CMS signature (DER) whose /Contents placeholder holds ``position``, or None where ``position`` is
    in the bytes a /ByteRange covers (the signed bytes)."""
    import re

    for match in re.finditer(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", pdf):
        _, length, second, _ = map(int, match.groups())
        if length < position < second - 1:
            return bytes.fromhex(pdf[length + 1 : second - 1].decode("ascii"))  # DER, then zero padding
    return None


@pytest.mark.hostile
@pytest.mark.parametrize("target", ["report.pdf", "report.xlsx", "report.xlsx.p7s"])
def test_every_bit_flip_in_what_was_signed_is_detected(target: str, tmp_path: Path) -> None:
    base = CORPUS / "verify" / "base"
    original = (base / target).read_bytes()
    rng = random.Random(f"flip-{target}")
    shown = "report.pdf" if target == "report.pdf" else "report.xlsx"
    for name in ("report.pdf", "report.xlsx", "report.xlsx.p7s"):
        (tmp_path / name).write_bytes((base / name).read_bytes())
    status, out, err = _verify(tmp_path, shown)
    assert status == 0, f"the unflipped base does not verify, so no flip would test anything: {out}{err}"
    counts = {"tried": 0, "detected": 0, "outside what was signed": 0, "tracebacks": 0}
    for _ in range(FLIPS_PER_KIND[target]):
        counts["tried"] += 1
        data = bytearray(original)
        position = rng.randrange(len(data))
        data[position] ^= 1 << rng.randrange(8)
        (tmp_path / target).write_bytes(bytes(data))
        status, _, err = _verify(tmp_path, shown)
        (tmp_path / target).write_bytes(original)
        FIGURES["byte flips tried"] += 1
        assert "Traceback" not in err and "unexpected error" not in err, err
        assert len(err.strip().splitlines()) <= 1, err
        if status != 0:
            FIGURES["byte flips detected"] += 1
            counts["detected"] += 1
            continue
        # Accepted: only possible where the flip is outside what the signatures cover, i.e. in a signature
        # file's (or a PDF signature's) unsigned parts, such as the issuing certificate it carries along.
        assert target != "report.xlsx", f"flip at {position} of the workbook not detected"
        if target == "report.pdf":
            before, after = _pdf_signature_at(original, position), _pdf_signature_at(bytes(data), position)
            assert before is not None and after is not None, f"flip at {position} of the signed PDF bytes not detected"
        else:
            before, after = original, bytes(data)
        assert _signed_parts(after) == _signed_parts(before), f"signed bytes changed at {position}"
        FIGURES["byte flips outside what was signed"] += 1
        counts["outside what was signed"] += 1
    record_figure("byte flips", target, counts)
