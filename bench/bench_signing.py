"""Benchmark: one visible PAdES signature on a report, with the stamp's font cut down first, against the old way.

Run with ``python bench/bench_signing.py [--runs N]``. Signs a real two-signer report PDF (the inspector's
stamp with a drawn signature, then the approver's opaque card) with ``export.pades.sign_pdf``:

- **now**: the stamp font is cut to the stamp's characters by HarfBuzz (``export.pades.stamp_font``), and
  pyHanko subsets that small font;
- **old way**: pyHanko is handed the whole 4 MB CJK font and subsets it with fontTools (what
  ``sign_pdf`` did before), measured in the same run, interleaved with the new way.

Prints CPU seconds (this process; what the signature costs whoever waits for it) and wall seconds, median
and best of N, the ratio old / now, and the size of the signed file. The first signature of a process is
shown apart (it also imports pyHanko's signing modules). Target: now ≤ 0.5 × the old way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository, for tests.export_fixtures


from export import pades
from export.content import Signer
from export.crypto import Identity, font_path, new_signing_key, self_signed_certificate
from export.pdf import signature_box
from export.reports import export_reports
from storage.db import open_database
from tests.export_fixtures import build_inspection

STAMP = (
    "检查人：张三（安全员）\n时间：%(ts)s\n记录哈希：0123456789abcdef0123456789abcdef\n0123456789abcdef0123456789abcdef"
)
CARD = (
    "单位主要负责人审核\n姓名：王经理\n职务：单位主要负责人\n签署时间：2026-11-20 10:00 UTC（北京时间 18:00）\n"
    "记录哈希：0123456789abcdef0123456789abcdef\n0123456789abcdef0123456789abcdef"
)


def identity(name: str) -> Identity:
    key = new_signing_key()
    return Identity(key, self_signed_certificate(key, name, days=30))


def report_with_two_slots(folder: Path) -> bytes:
    db = open_database(f"sqlite:///{folder / 'bench.sqlite3'}")
    inspection_id = build_inspection(db, photos=2)
    at = dt.datetime(2026, 11, 20, 10, 0)
    signers = [Signer("张三", "安全员", "检查人", at), Signer("王经理", "单位主要负责人", "单位主要负责人审核", at)]
    pdf = folder / "report.pdf"
    export_reports(db, inspection_id, pdf=pdf, signers=signers)
    db.close()
    return pdf.read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="fugong-bench-") as folder:
        unsigned = report_with_two_slots(Path(folder))
    inspector, approver = identity("张三"), identity("王经理")
    with open(font_path(), "rb") as handle:
        whole_font = handle.read()

    def two_signatures() -> bytes:
        page, box = signature_box(unsigned, "inspector")
        once = pades.sign_pdf(unsigned, inspector, "Inspector", box, page, STAMP, "检查人", meaning="inspector")
        page, box = signature_box(once, "approver")
        return pades.sign_pdf(once, approver, "Approver", box, page, CARD, "审核", meaning="approver", opaque=True)

    def old_way() -> bytes:
        with mock.patch.object(pades, "stamp_font", lambda characters: whole_font):
            return two_signatures()

    def timed(action: Callable[[], bytes]) -> tuple[float, float, int]:
        cpu, wall = time.process_time(), time.perf_counter()
        size = len(action())
        return (time.process_time() - cpu) / 2, (time.perf_counter() - wall) / 2, size

    first = timed(two_signatures)
    samples: dict[str, list[tuple[float, float, int]]] = {"now": [], "old way": []}
    for _ in range(runs):  # interleaved: a busy moment of the machine hits both alike
        samples["now"].append(timed(two_signatures))
        samples["old way"].append(timed(old_way))

    def median(name: str, index: int) -> float:
        return statistics.median(sample[index] for sample in samples[name])

    def best(name: str, index: int) -> float:
        return min(sample[index] for sample in samples[name])

    print(f"\none signature (mean of the two stamps), {runs} runs each, interleaved")
    print(f"| {'':<34} | {'CPU median':>10} | {'CPU best':>8} | {'wall median':>11} | {'file':>9} |")
    print(f"|{'-' * 36}|{'-' * 12}|{'-' * 10}|{'-' * 13}|{'-' * 11}|")
    for name, label in (("now", "now: stamp font cut by HarfBuzz"), ("old way", "old way: pyHanko subsets 4 MB font")):
        size = samples[name][0][2]
        print(
            f"| {label:<34} | {median(name, 0):>8.3f} s | {best(name, 0):>6.3f} s | "
            f"{median(name, 1):>9.3f} s | {size / 1024:>6.0f} kB |"
        )
    print(f"| {'first signature of the process':<34} | {first[0]:>8.3f} s | {'':>8} | {first[1]:>9.3f} s | {'':>9} |")
    ratio = median("now", 0) / median("old way", 0)
    print(f"\nnow / old way (CPU medians): {ratio:.2f}; target ≤ 0.50: {'met' if ratio <= 0.5 else 'NOT met'}")


if __name__ == "__main__":
    main()
