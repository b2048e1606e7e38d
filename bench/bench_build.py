"""The built one-folder application: its size, and its start-up against the same version run from the venv.

Both programs start in a subprocess with QT_QPA_PLATFORM=offscreen and FUGONG_EXIT_WHEN_READY set and are
timed from the start of the process to their ``FUGONG_READY`` line (as ``bench/bench_startup.py`` does),
on an ordinary working day: a database with an account and a login remembered on this computer. The venv
runs the installed ``fugong`` script; the build runs ``dist/fugong/fugong-gui``. Runs are interleaved, so a
slow moment of the machine hits both alike.

Run: ``bash .ci/build && python bench/bench_build.py [--dist dist/fugong] [--repeat 15]``.
Goals: the folder ≤ 200 MB; the built application's start-up ≤ 1.2 × the venv's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_startup import SEED, fugong_command, run_once  # beside this script, on sys.path when it runs

REPO = Path(__file__).resolve().parent.parent


def folder_bytes(folder: Path) -> int:
    """The sum of the files' sizes (what a download unpacks), symbolic links not counted twice."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist" / "fugong")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    exe = ".exe" if sys.platform == "win32" else ""
    built = args.dist / f"fugong-gui{exe}"
    if not built.exists():
        print(f"{built} is missing: build it first with `bash .ci/build`", file=sys.stderr)
        return 1

    size = folder_bytes(args.dist)
    files = sum(1 for p in args.dist.rglob("*") if p.is_file())

    work = Path(tempfile.mkdtemp(prefix="fugong-bench-build-"))
    (work / "home").mkdir()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        FUGONG_DB_URL=f"sqlite:///{work / 'bench.sqlite3'}",
        FUGONG_CONFIG_DIR=str(work / "fugong-config"),
        XDG_CONFIG_HOME=str(work / "config"),
        XDG_DATA_HOME=str(work / "data"),
        HOME=str(work / "home"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed application runs from compiled bytecode
    subprocess.run([sys.executable, "-c", SEED], env=env, check=True)
    cases = {"venv (`fugong`)": fugong_command(), "built (`fugong-gui`)": [str(built)]}
    for command in cases.values():  # one unmeasured run of each warms the file cache
        run_once(command, dict(env, FUGONG_EXIT_WHEN_READY="loaded"), "login")
    modes = {"login form": "1", "database open": "loaded"}
    times: dict[tuple[str, str], list[float]] = {(c, m): [] for c in cases for m in modes}
    for _ in range(args.repeat):
        for case, command in cases.items():
            for mode, value in modes.items():
                times[(case, mode)].append(run_once(command, dict(env, FUGONG_EXIT_WHEN_READY=value), "login")[0])

    print(f"folder {args.dist}: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB) in {files} files; goal ≤ 200 MB")
    print()
    print(f"{'start-up until':<16} {'venv (median)':>14} {'built (median)':>15} {'built ÷ venv':>13} {'paired':>7}")
    ratios = {}
    for mode in modes:
        venv = times[("venv (`fugong`)", mode)]
        build = times[("built (`fugong-gui`)", mode)]
        paired = statistics.median(b / v for b, v in zip(build, venv, strict=True))
        ratios[mode] = statistics.median(build) / statistics.median(venv)
        print(
            f"{mode:<16} {statistics.median(venv) * 1000:>11.0f} ms {statistics.median(build) * 1000:>12.0f} ms "
            f"{ratios[mode]:>13.2f} {paired:>7.2f}"
        )
    print(f"\n{args.repeat} runs each, interleaved; paired: median of each round's built ÷ venv")
    ratio = ratios["login form"]
    print(f"goal ≤ 1.2 × the venv for the login form: {'met' if ratio <= 1.2 else 'NOT met'} ({ratio:.2f} ×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
