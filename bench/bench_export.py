"""Benchmark: PDF and Excel export of a full GN + BJHQ inspection with 20 photos of 12 megapixels.

Run with ``python bench/bench_export.py [--runs N]``, or ``--largest`` for the size figure (below). Prints a table: the PDF and the Excel export (median
and best of N warm runs, each reading the inspection from the database), the first export of the process
(which also parses the 4 MB CJK font), a breakdown of the PDF time, and the *floor*: what reportlab needs
for a plain document of the same page count in the same fonts. Targets: PDF ≤ 1.0 s, Excel ≤ 0.5 s,
PDF / floor ≤ 2.

``--largest`` times the largest inspection the limits allow (``checklist.limits``: 2,000 rooms, 300 corrective
actions, 300 attachments; every text at the text policy's length; ``tests.export_fixtures.build_largest``)
against the small report above, in the same run: wall-clock and CPU seconds (CPU is what a busy machine does
not inflate), and the ratio largest / small. Targets: the largest PDF ≤ 7 s of CPU (a margin under the 10 s
that a slower plant PC must still meet), its workbook ≤ 10 s. ``--keep FOLDER`` keeps the built inspections
there and reuses them in the next run with the same folder.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository, for tests.export_fixtures

from reportlab.platypus import Flowable

from checklist.catalog import official_catalogs
from export.content import ReportContent, load_report
from export.fonts import report_fonts
from export.pdf import DocumentInfo, PageFurniture, build_story, make_styles, render
from export.reports import export_reports
from export.thumbnails import Thumbnail, thumbnail
from storage import inspections
from storage.db import Database, open_database
from tests.export_fixtures import build_inspection, build_largest

PHOTOS = 20
PHOTO_SIZE = (4000, 3000)  # 12 megapixels


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def pages_of(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page[^s]", pdf))


def floor_story(paragraph_count: int) -> list[Flowable]:
    """Plain paragraphs of catalog text (the same glyph variety as a report) in the report's body style."""
    st = make_styles(report_fonts())
    texts = [item.requirement_zh for catalog in official_catalogs().values() for item in catalog.items]
    return [st.p(texts[i % len(texts)]) for i in range(paragraph_count)]


def render_floor(paragraph_count: int) -> bytes:
    fonts = report_fonts()
    buffer = io.BytesIO()
    render(floor_story(paragraph_count), buffer, PageFurniture(fonts, "", "", "", False), DocumentInfo("floor"))
    return buffer.getvalue()


def floor_matching(pages: int) -> int:
    """How many plain paragraphs fill ``pages`` pages."""
    count = 20
    while pages_of(render_floor(count)) < pages:
        count += 10
    return count


def ready_thumbnails(content: ReportContent) -> dict[str, list[Future[Thumbnail | None]]]:
    """Every thumbnail made beforehand: to time the layout alone."""
    ready: dict[str, list[Future[Thumbnail | None]]] = {}
    for item in content.items:
        for photo in item.photos:
            future: Future[Thumbnail | None] = Future()
            future.set_result(thumbnail(photo.data))
            ready.setdefault(item.item_id, []).append(future)
    return ready


def wall_and_cpu(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds (every thread of the process) of ``runs`` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def built_inspections(db: Database, folder: Path) -> tuple[int, int]:
    """The small and the largest inspection in ``db``: built, or found where an earlier run with the same
    ``--keep`` folder built them (building the largest takes about a minute)."""
    kept = folder / "inspections.json"
    if kept.exists():
        small, big = json.loads(kept.read_text(encoding="utf-8"))
        print(f"the inspections built before in {folder}\n")
        return int(small), int(big)
    small = build_inspection(db, photos=1, complete=False)
    print("building the largest allowed inspection …")
    start = time.perf_counter()
    first = inspections.load_inspection(db, small)
    big = build_largest(db, folder, company=(first.company_id, first.site_id or 0))
    print(f"  built in {time.perf_counter() - start:.1f} s\n")
    kept.write_text(json.dumps([small, big]), encoding="utf-8")
    return small, big


def largest(runs: int, keep: Path | None) -> None:
    """The size figure: the largest allowed inspection against the small report, in the same run."""
    with tempfile.TemporaryDirectory(prefix="fugong-bench-") as folder:
        out = Path(folder)
        built = keep or out
        built.mkdir(parents=True, exist_ok=True)
        db = open_database(f"sqlite:///{built / 'bench.sqlite3'}")
        small, big = built_inspections(db, built)
        export_reports(db, small, pdf=out / "warm.pdf")  # the fonts, parsed once per process
        figures = {}
        for label, inspection_id in (("small", small), ("largest", big)):
            pdf, xlsx = out / f"{label}.pdf", out / f"{label}.xlsx"
            figures[label, "PDF"] = wall_and_cpu(partial(export_reports, db, inspection_id, pdf=pdf), runs)
            figures[label, "Excel"] = wall_and_cpu(partial(export_reports, db, inspection_id, xlsx=xlsx), runs)
            figures[label, "pages"] = (pages_of(pdf.read_bytes()), 0)
        db.close()
    print(f"| {'median of ' + str(runs) + ' runs, seconds':<42} | {'wall':>7} | {'CPU':>7} | target |")
    print(f"|{'-' * 44}|{'-' * 9}|{'-' * 9}|{'-' * 8}|")
    for kind in ("PDF", "Excel"):
        for label in ("small", "largest"):
            wall, cpu = figures[label, kind]
            pages = f", {figures[label, 'pages'][0]} pages" if kind == "PDF" else ""
            target = ("≤ 7" if kind == "PDF" else "≤ 10") if label == "largest" else ""
            print(
                f"| {kind + ' of the ' + label + ' inspection' + pages:<42} | {wall:>7.2f} | {cpu:>7.2f} | {target:>6} |"
            )
        ratio_wall = figures["largest", kind][0] / figures["small", kind][0]
        ratio_cpu = figures["largest", kind][1] / figures["small", kind][1]
        print(f"| {kind + ': largest / small':<42} | {ratio_wall:>7.1f} | {ratio_cpu:>7.1f} | {'':>6} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--largest", action="store_true", help="time the largest inspection the limits allow")
    parser.add_argument(
        "--keep", type=Path, help="with --largest: a folder to keep the built inspections in and reuse them from"
    )
    arguments = parser.parse_args()
    runs = arguments.runs
    if arguments.largest:
        largest(runs, arguments.keep)
        return
    with tempfile.TemporaryDirectory(prefix="fugong-bench-") as folder:
        out = Path(folder)
        db = open_database(f"sqlite:///{out / 'bench.sqlite3'}")
        print(f"building a GN + BJHQ inspection with {PHOTOS} photos of {PHOTO_SIZE[0]}×{PHOTO_SIZE[1]} …")
        start = time.perf_counter()
        inspection_id = build_inspection(db, photos=PHOTOS, photo_size=PHOTO_SIZE)
        print(f"  built in {time.perf_counter() - start:.1f} s (photos are stored downscaled to ≤ 2048 px)\n")

        pdf, xlsx = out / "report.pdf", out / "report.xlsx"
        cold = timed(lambda: export_reports(db, inspection_id, pdf=pdf), 1)[0]
        pdf_times = timed(lambda: export_reports(db, inspection_id, pdf=pdf), runs)
        xlsx_times = timed(lambda: export_reports(db, inspection_id, xlsx=xlsx), runs)
        pages = pages_of(pdf.read_bytes())

        content = load_report(db, inspection_id)
        st = make_styles(report_fonts())
        furniture = PageFurniture(st.fonts, content.company_name, content.report_id, "", False)
        load_times = timed(lambda: load_report(db, inspection_id), runs)
        photos = [photo.data for item in content.items for photo in item.photos]
        thumb_times = timed(lambda: [thumbnail(data) for data in photos], runs)
        ready = ready_thumbnails(content)
        layout_times = timed(
            lambda: render(build_story(content, st, ready, None), io.BytesIO(), furniture, DocumentInfo("t")), runs
        )
        paragraphs = floor_matching(pages)
        floor_times = timed(lambda: render_floor(paragraphs), runs)
        db.close()

    def row(label: str, times: list[float], target: str = "") -> str:
        return f"| {label:<56} | {statistics.median(times):>7.3f} | {min(times):>7.3f} | {target:>6} |"

    def ratio(label: str, times: list[float], target: str = "") -> str:
        median = statistics.median(times) / statistics.median(floor_times)
        best = min(times) / min(floor_times)
        return f"| {label:<56} | {median:>7.2f} | {best:>7.2f} | {target:>6} |"

    print(f"| {'seconds; median and best of ' + str(runs) + ' warm runs':<56} | {'median':>7} | {'best':>7} | target |")
    print(f"|{'-' * 58}|{'-' * 9}|{'-' * 9}|{'-' * 8}|")
    print(row(f"PDF: {pages} pages, {PHOTOS} photos (read + write the file)", pdf_times, "≤ 1.0"))
    print(row("Excel (read + write the file)", xlsx_times, "≤ 0.5"))
    print(row("first PDF of the process (+ parsing the two fonts)", [cold]))
    print(row("  part of the PDF: reading inspection, JSON, hash check", load_times))
    print(row(f"  {PHOTOS} thumbnails, one thread (overlap layout in export)", thumb_times))
    print(row("  layout + writing with thumbnails ready beforehand", layout_times))
    print(row(f"floor: plain reportlab document, {pages} pages, same fonts", floor_times))
    print(ratio("PDF / floor", pdf_times, "≤ 2"))
    print(ratio("layout + writing / floor (no photo decoding)", layout_times))


if __name__ == "__main__":
    main()
