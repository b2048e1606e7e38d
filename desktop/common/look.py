"""Small shared touches of appearance (row heights, result-button colours)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the main window places itself before the login form: no table classes built for that
    from PySide6.QtWidgets import QTableView, QWidget

RESULT_BUTTON_CSS = {
    "pass": "QPushButton:checked { background: #2e7d32; color: white; border: 1px solid #1b5e20; }",
    "fail": "QPushButton:checked { background: #c62828; color: white; border: 1px solid #8e0000; }",
    "na": "QPushButton:checked { background: #616161; color: white; border: 1px solid #424242; }",
}
SECONDARY_TEXT_CSS = "color: #555555"


def compact_rows(view: QTableView) -> None:
    """Rows as tall as a line of text plus a little air (the CJK fallback font has tall line metrics)."""
    from PySide6.QtWidgets import QHeaderView

    header = view.verticalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setDefaultSectionSize(view.fontMetrics().height() + 8)


# What a window manager adds around a window (title bar, borders): kept free so the frame fits too.
FRAME_ALLOWANCE = (16, 40)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Give a top-level window its preferred size, or less where the screen's free area (the screen less its
    taskbar) is smaller, as on the 1366×768 screens of many plant PCs."""
    area = window.screen().availableGeometry()
    window.resize(min(width, area.width() - FRAME_ALLOWANCE[0]), min(height, area.height() - FRAME_ALLOWANCE[1]))


def keep_within_screen(window: QWidget) -> None:
    """Bring a window restored from saved geometry back inside its screen's free area (the screen less its
    taskbar). Without a window manager a window has no frame, so it saves its bare rectangle at y = 0, and
    restoring it Qt moves it down by a title bar's height it never gets: a window as tall as the free area then
    ends under the taskbar (docs/usability.md #31). A place that fits is left alone."""
    area = window.screen().availableGeometry()
    if area.contains(window.frameGeometry()):
        return
    size = window.size()
    window.resize(
        min(size.width(), area.width() - FRAME_ALLOWANCE[0]), min(size.height(), area.height() - FRAME_ALLOWANCE[1])
    )
    frame = window.frameGeometry()
    x = min(max(frame.left(), area.left()), area.left() + area.width() - frame.width())
    y = min(max(frame.top(), area.top()), area.top() + area.height() - frame.height())
    window.move(max(x, area.left()), max(y, area.top()))
