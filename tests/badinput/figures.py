"""Figures of the long reliability runs (kills, disk full, access matrix, concurrency, byte flips), recorded by
the tests and printed at the end of the run by ``tests/conftest.py`` (section "reliability: figures"), also
under xdist: each test writes its figures to a file in the run's folder (``FUGONG_FIGURES_DIR``)."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Mapping
from pathlib import Path

FOLDER_VARIABLE = "FUGONG_FIGURES_DIR"


def record_figure(section: str, row: str, figures: Mapping[str, int | str]) -> None:
    """Keep ``figures`` (name → value) as row ``row`` of table ``section`` for the end of the run."""
    folder = os.environ.get(FOLDER_VARIABLE)
    if not folder:
        return
    path = Path(folder) / f"{uuid.uuid4().hex}.json"
    path.write_text(json.dumps({"section": section, "row": row, "figures": dict(figures)}, ensure_ascii=False), "utf-8")


def read_figures(folder: Path) -> dict[str, dict[str, dict[str, int | str]]]:
    """section → row → figures, from every file the run's tests wrote."""
    tables: dict[str, dict[str, dict[str, int | str]]] = {}
    for path in sorted(folder.glob("*.json")):
        entry = json.loads(path.read_text("utf-8"))
        tables.setdefault(entry["section"], {})[entry["row"]] = entry["figures"]
    return tables
