"""The built one-folder application: its size, and its start-up against the same version run from the venv.

Both programs start in a subprocess with QT_QPA_PLATFORM=offscreen and FUGONG_EXIT_WHEN_READY set and are
timed from the start of the process to their ``FUGONG_READY`` line (as ``bench/bench_startup.py`` does),
on an ordinary working day: a database with an account and a login remembered on this computer. The venv
runs the installed ``fugong`` script; the build runs ``dist/fugong/fugong-gui``. Runs are interleaved, so a
slow moment of the machine hits both alike.

Besides the wall-clock time, the CPU time the process has used when it says it is ready (user + system,
all its threads, from ``/proc/PID/stat``; Linux only) is printed: it is what the start-up costs whatever
else runs on the machine, which a shared machine's wall-clock times are not. The load average is printed
with the figures.

Run: ``bash .ci/build && python bench/bench_build.py [--dist dist/fugong] [--repeat 15]``.
Goals: the folder ≤ 200 MB (decimal, as the issue writes it); the built application's start-up ≤ 1.2 × the
venv's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_startup import SEED, fugong_command, run_once, start_env  # beside this script, on sys.path when it runs

REPO = Path(__file__).resolve().parent.parent


def folder_bytes(folder: Path) -> int:
    """The sum of the files' sizes (what a download unpacks), symbolic links not counted twice."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def load_average() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:  # Windows
        return "unknown"


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
    env = start_env(work, FUGONG_CONFIG_DIR=str(work / "fugong-config"))
    subprocess.run([sys.executable, "-c", SEED], env=env, check=True)
    cases = {"venv (`fugong`)": fugong_command(), "built (`fugong-gui`)": [str(built)]}
    for command in cases.values():  # one unmeasured run of each warms the file cache
        run_once(command, dict(env, FUGONG_EXIT_WHEN_READY="loaded"), "login")
    modes = {"login form": "1", "database open": "loaded"}
    times: dict[tuple[str, str], list[float]] = {(c, m): [] for c in cases for m in modes}
    cpu: dict[tuple[str, str], list[float]] = {(c, m): [] for c in cases for m in modes}
    load_before = load_average()
    for _ in range(args.repeat):
        for case, command in cases.items():
            for mode, value in modes.items():
                wall, _, used = run_once(command, dict(env, FUGONG_EXIT_WHEN_READY=value), "login")
                times[(case, mode)].append(wall)
                if used is not None:
                    cpu[(case, mode)].append(used)
    load_after = load_average()

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
    if all(cpu.values()):
        print(f"\n{'CPU time until':<16} {'venv (median)':>14} {'built (median)':>15} {'built ÷ venv':>13}")
        for mode in modes:
            venv_cpu = statistics.median(cpu[("venv (`fugong`)", mode)])
            build_cpu = statistics.median(cpu[("built (`fugong-gui`)", mode)])
            print(f"{mode:<16} {venv_cpu * 1000:>11.0f} ms {build_cpu * 1000:>12.0f} ms {build_cpu / venv_cpu:>13.2f}")
    print(f"\n{args.repeat} runs each, interleaved; paired: median of each round's built ÷ venv")
    print(f"load average (1, 5, 15 min): {load_before} before, {load_after} after; {os.cpu_count()} CPUs")
    ratio = ratios["login form"]
    print(f"goal ≤ 1.2 × the venv for the login form: {'met' if ratio <= 1.2 else 'NOT met'} ({ratio:.2f} ×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
