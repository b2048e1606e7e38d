"""Writing files so that a crash, a full disk or a cancel never leaves half a file under the final name,
and no temporary file outlives the process that made it.

Temporary folders (e.g. the unsigned report while it is signed) live in a private folder of the user's
(``0700``, in the user cache folder), never in the shared TMPDIR. A ``.part`` file written beside its target
is registered there while it exists; :func:`clean_leftovers`, run at every start, removes what a killed
process left behind: its temporary folders and its registered ``.part`` files.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

PENDING = "pending"  # markers of .part files being written, one file per .part: "<pid>\n<path>"


def private_root() -> Path:
    """The user's private folder for temporary files (created ``0700`` if missing)."""
    override = os.environ.get("FUGONG_TMP")
    if override:
        root = Path(override)
    else:
        from platformdirs import user_cache_path

        root = user_cache_path("fugong", appauthor=False) / "tmp"
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        root.chmod(0o700)
    return root


@contextlib.contextmanager
def private_temp_dir(prefix: str) -> Iterator[Path]:
    """A temporary folder only this user can read, removed when the block ends (and, if the process is
    killed, by the next start's :func:`clean_leftovers`)."""
    folder = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=private_root()))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _owner(name: str) -> int | None:
    """The process id in a temporary folder's name ``<prefix><pid>-<random>``."""
    head = name.rsplit("-", 1)[0]
    digits = head[len(head.rstrip("0123456789")) :]
    return int(digits) if digits else None


def clean_leftovers() -> int:
    """Remove the temporary folders and ``.part`` files of processes that no longer run; return how many."""
    try:
        root = private_root()
    except OSError:
        return 0
    removed = 0
    for entry in root.iterdir():
        if entry.name == PENDING or not entry.is_dir():
            continue
        pid = _owner(entry.name)
        if pid is None or not _alive(pid):
            shutil.rmtree(entry, ignore_errors=True)
            removed += 1
    pending = root / PENDING
    if pending.is_dir():
        for marker in pending.iterdir():
            try:
                pid_text, part = marker.read_text(encoding="utf-8").split("\n", 1)
                pid = int(pid_text)
            except (OSError, ValueError):
                marker.unlink(missing_ok=True)
                continue
            if _alive(pid):
                continue
            if part.endswith(".part"):
                with contextlib.suppress(OSError):
                    Path(part).unlink()
                    removed += 1
            marker.unlink(missing_ok=True)
    return removed


def _register(part: Path) -> Path | None:
    try:
        pending = private_root() / PENDING
        pending.mkdir(exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f"{os.getpid()}-", dir=pending)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n{part.resolve()}")
        return Path(name)
    except OSError:
        return None  # the write itself still works; only a crash's leftover would not be found


def _new_part(path: Path) -> tuple[Path, Path | None]:
    """Create an empty ``.part`` file beside ``path``, registered *before* it exists: a kill between the
    two steps must never leave a ``.part`` file that the next start does not know of."""
    import secrets

    while True:
        tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.part"
        marker = _register(tmp)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            if marker is not None:
                marker.unlink(missing_ok=True)
            continue
        except BaseException:
            if marker is not None:
                marker.unlink(missing_ok=True)
            raise
        os.close(fd)
        return tmp, marker


def atomic_write(path: Path, data: bytes) -> None:
    atomic_produce(path, lambda tmp: tmp.write_bytes(data))


def atomic_produce(path: Path, produce: Callable[[Path], object]) -> None:
    """Call ``produce(tmp)`` to write a temporary file beside ``path``, fsync it, then rename it into place.
    If ``produce`` raises, the temporary file is removed and ``path`` is untouched."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp, marker = _new_part(path)
    try:
        produce(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        if marker is not None:
            marker.unlink(missing_ok=True)
