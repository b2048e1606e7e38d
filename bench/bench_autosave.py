"""One autosave (``storage.inspections.save_answer``) on a draft with 0, 10 and 30 photos attached, on SQLite
and on the tests' PostgreSQL server, with the full load of the same record (``load_inspection``: every photo's
bytes and thumbnail) measured in the same run.

    python bench/bench_autosave.py [--repeat 20]

A saved answer reads the record's attachments without their stored bytes, so its time should not grow with
the photos; the full load shows what it would cost if it did. Ratios are to the same measure on the record
without photos. PostgreSQL is skipped (and said so) when the server cannot be reached.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image

from bench.bench_storage import timed
from checklist.evaluation import Answer, Result
from storage.db import Database, open_database
from storage.inspections import add_evidence, load_inspection, save_answer
from tests.storage import helpers

PHOTOS = (0, 10, 30)


def photo(seed: int) -> bytes:
    """A camera-sized JPEG of noise (noise does not compress away, as real photos do not)."""
    buffer = io.BytesIO()
    Image.effect_noise((2000, 1500), 40 + seed % 20).convert("RGB").save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def draft_with_photos(db: Database, count: int, pictures: list[bytes]) -> tuple[int, int]:
    inspection_id, version = helpers.draft(db)
    for number in range(count):
        _, version = add_evidence(db, "officer", inspection_id, version, "GN-05", f"{number}.jpg", pictures[number])
    return inspection_id, version


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    pictures = [photo(seed) for seed in range(max(PHOTOS))]
    folder = Path(tempfile.mkdtemp(prefix="fugong-bench-autosave-"))
    backends = {"SQLite": lambda count: f"sqlite:///{folder / f'autosave-{count}.sqlite3'}"}
    try:
        from bench.pgdb import drop_pg, pg_database

        pg_database("fugong_bench_autosave")
        drop_pg("fugong_bench_autosave")
        backends["PostgreSQL"] = lambda count: pg_database(f"fugong_bench_autosave_{count}")
    except Exception as error:  # no server: SQLite only, and say so
        print(f"PostgreSQL skipped: {type(error).__name__}: {str(error).splitlines()[0]}")
    print(f"| {'database':<10} | {'photos':>6} | {'stored':>8} | {'autosave':>9} | {'× 0 photos':>10} |", end="")
    print(f" {'full load':>9} | {'× 0 photos':>10} |")
    print(f"|{'-' * 12}|{'-' * 8}|{'-' * 10}|{'-' * 11}|{'-' * 12}|{'-' * 11}|{'-' * 12}|")
    for name, url_for in backends.items():
        results = {count: measure_one(url_for(count), count, args.repeat, pictures) for count in PHOTOS}
        base_save, base_load, _ = results[0]
        for count, (save, load, stored) in results.items():
            print(
                f"| {name:<10} | {count:>6} | {stored / 1e6:>6.1f} MB | {save:>6.1f} ms | {save / base_save:>10.2f} |"
                f" {load:>6.1f} ms | {load / base_load:>10.2f} |"
            )
        if name == "PostgreSQL":
            for count in PHOTOS:
                drop_pg(f"fugong_bench_autosave_{count}")
    print(f"\nmedian of {args.repeat} runs each after one to warm up;", end=" ")
    print("stored: the photos' bytes and thumbnails as kept in the database")
    return 0


def measure_one(url: str, count: int, repeat: int, pictures: list[bytes]) -> tuple[float, float, int]:
    """(ms per autosave, ms per full load, stored bytes) on a new database at ``url`` with ``count`` photos."""
    db = open_database(url)
    try:
        inspection_id, version = draft_with_photos(db, count, pictures)
        stored = sum(len(e.data) + len(e.thumbnail or b"") for e in load_inspection(db, inspection_id).evidence)
        state = {"version": version, "flip": 0}

        def autosave() -> None:  # the answer alternates, so that every save changes the record
            state["flip"] ^= 1
            answer = Answer(Result.FAIL if state["flip"] else Result.PASS)
            state["version"] = save_answer(db, "officer", inspection_id, state["version"], "GN-01", answer)

        return timed(autosave, repeat), timed(lambda: load_inspection(db, inspection_id), repeat), stored
    finally:
        db.close()


if __name__ == "__main__":
    sys.exit(main())
