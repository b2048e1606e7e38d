"""Writing files so that a crash, a full disk or a cancel never leaves half a file under the final name."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def atomic_write(path: Path, data: bytes) -> None:
    atomic_produce(path, lambda tmp: tmp.write_bytes(data))


def atomic_produce(path: Path, produce: Callable[[Path], object]) -> None:
    """Call ``produce(tmp)`` to write a temporary file beside ``path``, fsync it, then rename it into place.
    If ``produce`` raises, the temporary file is removed and ``path`` is untouched."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        produce(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
