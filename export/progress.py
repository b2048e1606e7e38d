"""Progress and cancellation for exports, as plain callbacks so the GUI can drive them without ``export``
knowing Qt (the GUI's operation helper turns them into a progress dialog with a cancel button)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

ProgressCallback = Callable[[float, str], None]
CancelCheck = Callable[[], bool]


class ExportCancelled(Exception):
    """The user cancelled the export; nothing was written under the final file name."""


@dataclass(frozen=True)
class Progress:
    """Reports one part of an export as the share ``[start, end]`` of the whole, and raises
    :class:`ExportCancelled` at the next report after the user asked to cancel."""

    callback: ProgressCallback | None = None
    cancelled: CancelCheck | None = None
    start: float = 0.0
    end: float = 1.0

    def __call__(self, fraction: float, message: str) -> None:
        self.check()
        if self.callback is not None:
            share = min(max(fraction, 0.0), 1.0)
            self.callback(self.start + (self.end - self.start) * share, message)

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled("export cancelled; no file was written")

    def part(self, start: float, end: float) -> Progress:
        """The progress of a step that covers ``[start, end]`` of this one."""
        width = self.end - self.start
        return Progress(self.callback, self.cancelled, self.start + width * start, self.start + width * end)


SILENT = Progress()  # reports nothing and never cancels
