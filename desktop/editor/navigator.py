"""The section navigator: catalog → section → item, with answered / total and failures in red.

The model is handed the catalogs and, after every change, the item outcomes; it reads no database.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from checklist.catalog import Catalog, Item
from checklist.evaluation import ItemOutcome, Result
from desktop.common.assets import icon
from desktop.common.i18n import pick

ModelIndex = QModelIndex | QPersistentModelIndex
ItemIdRole = Qt.ItemDataRole.UserRole + 1
FAIL_COLOR = QColor("#c62828")
PASS_COLOR = QColor("#2e7d32")
RESULT_ICONS = {Result.PASS: "pass", Result.FAIL: "fail", Result.NA: "na"}


@dataclass
class _Node:
    kind: str  # "catalog", "section" or "item"
    parent: int  # node id of the parent, -1 at the top
    row: int
    catalog: Catalog
    section_id: str = ""
    item: Item | None = None
    children: list[int] = field(default_factory=list)


class NavigatorModel(QAbstractItemModel):
    """Tree of the inspection's catalogs; two columns: title and progress / result."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._nodes: list[_Node] = []
        self._top: list[int] = []
        self._outcomes: Mapping[str, ItemOutcome] = {}
        self._item_nodes: dict[str, int] = {}
        # node id → the results of the items under it, worked out once per set of outcomes: the view asks
        # data() for a row's every role on every paint, and a catalog row has a hundred items under it.
        self._results_of: dict[int, list[Result | None]] = {}

    def set_catalogs(self, catalogs: Sequence[Catalog], outcomes: Mapping[str, ItemOutcome]) -> None:
        self.beginResetModel()
        self._nodes, self._top, self._item_nodes = [], [], {}
        self._outcomes = outcomes
        self._results_of = {}
        for catalog in catalogs:
            catalog_id = self._add(_Node("catalog", -1, len(self._top), catalog))
            self._top.append(catalog_id)
            for section in catalog.sections:
                items = [item for item in catalog.items if item.section == section.id]
                if not items:
                    continue
                parent = self._nodes[catalog_id]
                section_node = self._add(_Node("section", catalog_id, len(parent.children), catalog, section.id))
                parent.children.append(section_node)
                for item in items:
                    holder = self._nodes[section_node]
                    item_node = self._add(_Node("item", section_node, len(holder.children), catalog, section.id, item))
                    holder.children.append(item_node)
                    self._item_nodes[item.id] = item_node
        self.endResetModel()

    def _add(self, node: _Node) -> int:
        self._nodes.append(node)
        return len(self._nodes) - 1

    def set_outcomes(self, outcomes: Mapping[str, ItemOutcome]) -> None:
        """New outcomes after a change: every row's text and colour may change, the shape does not."""
        self._outcomes = outcomes
        self._results_of = {}
        self._changed(QModelIndex(), self._top)

    def _changed(self, parent: QModelIndex, children: list[int]) -> None:
        if not children:
            return
        self.dataChanged.emit(self.index(0, 0, parent), self.index(len(children) - 1, 1, parent))
        for row, node_id in enumerate(children):
            self._changed(self.index(row, 0, parent), self._nodes[node_id].children)

    def index_of_item(self, item_id: str) -> QModelIndex:
        node_id = self._item_nodes.get(item_id)
        if node_id is None:
            return QModelIndex()
        return self.createIndex(self._nodes[node_id].row, 0, node_id)

    # --- QAbstractItemModel ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= 2 or row < 0:
            return QModelIndex()
        children = self._nodes[parent.internalId()].children if parent.isValid() else self._top
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, child: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        node = self._nodes[child.internalId()]
        if node.parent < 0:
            return QModelIndex()
        return self.createIndex(self._nodes[node.parent].row, 0, node.parent)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._top)
        if parent.column() != 0:
            return 0
        return len(self._nodes[parent.internalId()].children)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("检查项"), self.tr("进度")][section] if 0 <= section < 2 else None
        return None

    def _results(self, node_id: int) -> list[Result | None]:
        """The results of the items at and under node ``node_id``, in order (None: unanswered)."""
        known = self._results_of.get(node_id)
        if known is not None:
            return known
        node = self._nodes[node_id]
        results: list[Result | None]
        if node.item is not None:
            outcome = self._outcomes.get(node.item.id)
            results = [outcome.result if outcome else None]
        else:
            results = [result for child in node.children for result in self._results(child)]
        self._results_of[node_id] = results
        return results

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node_id = index.internalId()
        node = self._nodes[node_id]
        column = index.column()
        if role == ItemIdRole:
            return node.item.id if node.item is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole and (column == 0 or node.item is not None):
            return self._full_text(node_id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(node_id, column, role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.ForegroundRole:
            results = self._results(node_id)
            if Result.FAIL in results:
                return QBrush(FAIL_COLOR)
            if node.item is not None and results[0] is Result.PASS and column == 1:
                return QBrush(PASS_COLOR)
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and node.item is not None:
            result = self._results(node_id)[0]
            return icon(RESULT_ICONS[result] if result is not None else "unanswered")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _full_text(self, node_id: int) -> str:
        """The row's title in full (the tree cuts long ones) and, for an item, its requirement and result: rich
        text, so that a long tooltip wraps instead of running off the screen."""
        node = self._nodes[node_id]
        title = f"<p><b>{escape(self._text(node_id, 0, False))}</b></p>"
        if node.item is None:
            return title
        result = self._text(node_id, 1, False)
        result_line = f"<p>{escape(self.tr('结果：') + result)}</p>" if result else ""
        return title + f"<p>{escape(pick(node.item, 'requirement'))}</p>" + result_line

    def _text(self, node_id: int, column: int, tooltip: bool) -> str:
        node = self._nodes[node_id]
        if column == 0:
            if node.kind == "catalog":
                return f"{node.catalog.id} {pick(node.catalog, 'title')}"
            if node.kind == "section":
                return pick(node.catalog.section(node.section_id), "title")
            assert node.item is not None
            return f"{node.item.id} {pick(node.item, 'title')}"
        results = self._results(node_id)
        if node.item is not None:
            names = {Result.PASS: self.tr("合格"), Result.FAIL: self.tr("不合格"), Result.NA: self.tr("不适用")}
            return names.get(results[0], "") if results[0] is not None else ""
        answered = sum(1 for r in results if r is not None)
        failed = sum(1 for r in results if r is Result.FAIL)
        if tooltip:
            return self.tr("已答 {answered} / 共 {total}，不合格 {failed}").format(
                answered=answered, total=len(results), failed=failed
            )
        return f"{answered}/{len(results)}"
