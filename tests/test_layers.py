"""The layer contracts (pyproject's ``[tool.importlinter]``) hold, and they catch an arrow the wrong way.

``.ci/check`` runs ``lint-imports`` too; these tests keep the contracts honest: each broken on purpose in a
copy of the code must fail with the contract's name.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("checklist", "storage", "export", "desktop", "resources")
_SHORT_NAMES = (
    "Dependencies point one way",
    "resources/ is data",
    "Qt only in desktop/",
    "The core imports no database",
    "The command line imports no Qt itself",
    "Inside desktop/",
    "No import cycles",
)


def _lint_imports(where: Path) -> subprocess.CompletedProcess[str]:
    tool = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(tool), "--no-cache"], cwd=where, capture_output=True, text=True, timeout=300, env={"PATH": ""}
    )


@pytest.fixture
def code_copy(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "*.ttf"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_the_code_keeps_every_contract() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    verdicts = _verdicts(result.stdout)
    assert set(verdicts) == set(_SHORT_NAMES) and set(verdicts.values()) == {"KEPT"}


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("storage/record.py", "import desktop.common.look", "Dependencies point one way"),
        ("checklist/rules.py", "import export.fonts", "Dependencies point one way"),
        ("export/pdf.py", "from PySide6 import QtCore", "Qt only in desktop/"),
        ("resources/__init__.py", "import checklist.rules", "resources/ is data"),
        ("checklist/catalog.py", "import sqlalchemy", "The core imports no database"),
        ("desktop/cli/commands.py", "from PySide6 import QtWidgets", "The command line imports no Qt itself"),
        ("desktop/common/look.py", "import desktop.editor.rooms", "Inside desktop/"),
        ("storage/audit.py", "def _hidden():\n    import storage.exchange", "No import cycles"),
    ],
)
def test_an_arrow_against_the_layers_is_caught(code_copy: Path, module: str, line: str, contract: str) -> None:
    _append(code_copy / module, line)
    result = _lint_imports(code_copy)
    assert result.returncode != 0
    assert _verdicts(result.stdout)[contract] == "BROKEN", result.stdout


def _verdicts(report: str) -> dict[str, str]:
    """Contract name (its start) → KEPT or BROKEN, from lint-imports' summary lines."""
    found = re.findall(r"^(.+?) (KEPT|BROKEN)(?: \(.*\))?$", report, flags=re.MULTILINE)
    return {short: verdict for name, verdict in found for short in _SHORT_NAMES if name.startswith(short)}
