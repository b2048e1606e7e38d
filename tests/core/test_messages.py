"""Every message the core raises for a user reaches them in their language.

The catalogue (``checklist.messages``) is complete in both languages, and a scan of the core's source finds no
raise of a user-facing error with a literal English-only text: such a raise either passes a catalogue
:class:`Message` or gives the Chinese beside the English.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

from checklist.messages import CATALOGUE, Message, check_catalogue, from_dict, msg
from storage.errors import InvalidInputError, KnownError

ROOT = Path(__file__).resolve().parents[2]
CORE = ("checklist", "storage", "export")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")

# Errors a user reads, by the number of leading arguments before the English text: the English text is then
# followed by the Chinese one (``Error(english, chinese)`` / ``MeasurementError(field, english, chinese)``).
BILINGUAL_BY_POSITION = {"MeasurementError": 1, "NumberFormatError": 0, "TextPolicyError": 0, "_refuse": 1}


def _user_facing_errors() -> dict[str, int]:
    """Every KnownError subclass of the core, by class name: the English text is the first argument."""
    names: dict[str, int] = dict(BILINGUAL_BY_POSITION)
    for package in CORE:
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            if ".migrations" in info.name:
                continue
            for _, value in inspect.getmembers(importlib.import_module(info.name), inspect.isclass):
                if issubclass(value, KnownError):
                    names[value.__name__] = 0
    return names


def _english_only(text: ast.expr) -> bool:
    """A literal (or f-string) with English words and no Chinese in it."""
    parts = [text.value] if isinstance(text, ast.Constant) and isinstance(text.value, str) else []
    if isinstance(text, ast.JoinedStr):
        parts = [v.value for v in text.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    if isinstance(text, ast.BinOp) and isinstance(text.left, ast.Constant) and isinstance(text.left.value, str):
        parts = [text.left.value]
    joined = "".join(parts)
    return bool(LATIN_WORD.search(joined)) and not re.search(r"[\u4e00-\u9fff]", joined)


def english_only_raises() -> list[str]:
    errors = _user_facing_errors()
    found: list[str] = []
    for package in CORE:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
                    continue
                call = node.exc
                name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
                if name not in errors:
                    continue
                position = errors[name]
                texts = call.args[position:]
                if not texts:
                    continue
                chinese_given = len(texts) > 1 or any(k.arg == "message_zh" for k in call.keywords)
                if _english_only(texts[0]) and not chinese_given:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}(…)")
    return found


def test_no_core_raise_says_it_in_english_only() -> None:
    found = english_only_raises()
    assert not found, "user-facing errors raised with English-only text:\n" + "\n".join(found)


def test_the_scan_finds_an_english_only_raise(tmp_path: Path) -> None:
    """The scan is not vacuous: it recognises the shapes the core used to raise."""
    tree = ast.parse('raise InvalidInputError(f"no inspection {x}")\nraise NotFoundError("gone", "没了")')
    raises = [n for n in ast.walk(tree) if isinstance(n, ast.Raise)]
    assert isinstance(raises[0].exc, ast.Call) and _english_only(raises[0].exc.args[0])
    assert isinstance(raises[1].exc, ast.Call) and len(raises[1].exc.args) == 2
    assert "InvalidInputError" in _user_facing_errors() and "TrustError" in _user_facing_errors()


def test_the_catalogue_says_everything_in_both_languages() -> None:
    assert check_catalogue() == []
    assert len(CATALOGUE) > 50


def test_a_message_renders_in_the_readers_language_and_round_trips() -> None:
    said = msg("inspection.reopen_not_completed", status=msg("status.signed"))
    assert said.en == "only a completed inspection can be reopened (this one is signed)"
    assert said.zh == "只有已完成的检查才能重新打开（此检查为已签署）"
    assert from_dict(said.as_dict()) == Message(said.code, (("status", said.as_dict()["params"]["status"]),))
    assert from_dict(said.as_dict()).render("zh_CN") == said.zh
    with pytest.raises(KeyError):
        msg("no.such.code")


def test_a_known_error_raised_with_a_message_speaks_both_languages() -> None:
    error = InvalidInputError(msg("account.exists", name="王五"))
    assert str(error) == "an account named '王五' already exists"
    assert error.message_zh == "已有名为“王五”的账户"
    assert error.text("en") == str(error) and error.text("zh_CN") == error.message_zh
    old_style = InvalidInputError("plain", "平常")
    assert old_style.text("zh") == "平常" and old_style.message is None
