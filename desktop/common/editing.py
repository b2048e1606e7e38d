"""Typed values that are still in an editor: commit them before anything is saved or a page goes away.

A table cell's editor (a spin box, a combo box) hands its value to the model only when it loses the focus or
Enter is pressed; closing the window, switching item or signing while it is open would otherwise save the old
value (an area of 20 typed, 0 saved). Whoever saves calls :func:`commit_open_editors` on the widgets first.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QWidget


def commit_open_editors(root: QWidget) -> int:
    """Hand every open cell editor's value under ``root`` to its model and close the editor; how many were
    committed."""
    committed = 0
    for view in root.findChildren(QAbstractItemView):
        if view.state() != QAbstractItemView.State.EditingState:
            continue
        editor = view.indexWidget(view.currentIndex())
        if editor is None:
            continue
        view.commitData(editor)
        view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        committed += 1
    return committed
