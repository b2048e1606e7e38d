"""An open inspection: the section navigator on the left, the item page and the summary on the right."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTabWidget, QTreeView, QVBoxLayout, QWidget

from checklist.evaluation import Result
from desktop.common.assets import icon
from desktop.common.editing import commit_open_editors
from desktop.common.errors import show_error
from desktop.common.settings import SPLITTER, load_bytes, save_bytes
from desktop.editor.inspection import InspectionEditor
from desktop.editor.item_page import ItemPage
from desktop.editor.navigator import ItemIdRole, NavigatorModel
from desktop.editor.summary import SummaryPage


class InspectionView(QWidget):
    """Navigator + item page + summary for one inspection; all changes are saved as they are made."""

    status_changed = Signal()

    def __init__(self, editor: InspectionEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectionView")
        self.editor = editor
        self.navigator_model = NavigatorModel(self)
        self.navigator_model.set_catalogs(editor.catalogs, editor.evaluation.outcomes)
        self.navigator = QTreeView()
        self.navigator.setObjectName("navigator")
        self.navigator.setModel(self.navigator_model)
        self.navigator.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.navigator.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.navigator.setUniformRowHeights(True)
        self.navigator.header().setStretchLastSection(False)
        self.navigator.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.navigator.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.navigator.expandAll()
        self.navigator.setMinimumWidth(260)

        self.item_page = ItemPage(editor)
        self.summary = SummaryPage(editor)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("inspectionTabs")
        self.tabs.addTab(self.item_page, icon("item"), self.tr("检查项"))
        self.tabs.addTab(self.summary, icon("summary"), self.tr("汇总"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 860])
        saved = load_bytes(SPLITTER)
        if saved is not None:
            self.splitter.restoreState(saved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.navigator.selectionModel().selectionChanged.connect(self._selected)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.summary.item_requested.connect(self.go_to_item)
        self.summary.completed.connect(lambda _: self.status_changed.emit())
        editor.answer_changed.connect(self._outcomes_changed)
        editor.rooms_changed.connect(self._outcomes_changed)
        editor.actions_changed.connect(self._outcomes_changed)
        editor.reloaded.connect(self._reloaded)
        editor.conflict.connect(self._conflict)
        editor.save_failed.connect(self._save_failed)

        first = editor.items[0].id if editor.items else None
        if first is not None:
            self.go_to_item(first)

    # --- navigation -----------------------------------------------------------------------------------

    def current_item_id(self) -> str | None:
        return self.item_page.item.id if self.item_page.item is not None else None

    @Slot(str)
    def go_to_item(self, item_id: str) -> None:
        index = self.navigator_model.index_of_item(item_id)
        if not index.isValid():
            return
        self.commit_editors()  # before the item changes, while its table is still there
        self.tabs.setCurrentWidget(self.item_page)
        self.navigator.setCurrentIndex(index)
        self.navigator.scrollTo(index)
        if self.current_item_id() != item_id:
            self.item_page.show_item(item_id)

    def step(self, offset: int) -> None:
        """Go to the next (+1) or previous (-1) item across sections and catalogs."""
        ids = [item.id for item in self.editor.items]
        current = self.current_item_id()
        position = ids.index(current) if current in ids else -1
        target = min(max(position + offset, 0), len(ids) - 1)
        if ids:
            self.go_to_item(ids[target])

    def choose_result(self, result: Result) -> None:
        if self.tabs.currentWidget() is self.item_page:
            self.item_page.choose_result(result)

    def show_summary(self) -> None:
        self.tabs.setCurrentWidget(self.summary)

    @Slot(QItemSelection, QItemSelection)
    def _selected(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        index: QModelIndex = indexes[0]
        item_id = index.data(ItemIdRole)
        if item_id and item_id != self.current_item_id():
            self.commit_editors()
            self.tabs.setCurrentWidget(self.item_page)
            self.item_page.show_item(item_id)

    @Slot(int)
    def _tab_changed(self, _: int) -> None:
        self.commit_editors()
        if self.tabs.currentWidget() is self.summary:
            self.summary.refresh()
        else:
            self.flush()

    # --- editor events --------------------------------------------------------------------------------

    @Slot()
    def _outcomes_changed(self) -> None:
        self.navigator_model.set_outcomes(self.editor.evaluation.outcomes)

    @Slot()
    def _reloaded(self) -> None:
        self.navigator_model.set_outcomes(self.editor.evaluation.outcomes)
        if self.tabs.currentWidget() is self.summary:
            self.summary.refresh()
        self.status_changed.emit()

    @Slot(str)
    def _conflict(self, message: str) -> None:
        box = show_error(
            self,
            self.tr("这次检查刚被其他人保存过，您最近的修改没有保存。"),
            message,
            self.tr("窗口已重新载入对方保存的内容。上面列出了没有保存的内容，请核对后重新填写。"),
        )
        box.setObjectName("conflictBox")

    @Slot(object)
    def _save_failed(self, error: Exception) -> None:
        if type(error).__name__ == "PermissionDeniedError":
            box = show_error(
                self,
                self.tr("您的账户无权修改这次检查，刚才的填写没有保存。"),
                error,
                self.tr("填写的内容仍显示在窗口中，但没有保存到数据库。请用有修改权限的账户登录后再填写。"),
            )
            box.setObjectName("permissionBox")
            return
        show_error(
            self,
            self.tr("刚才的填写暂时没能保存到数据库。"),
            error,
            self.tr("填写的内容仍保留在窗口中，程序会在您下次修改、切换检查项或关闭窗口时再次保存。"),
        )

    def save_state(self) -> None:
        save_bytes(SPLITTER, self.splitter.saveState())

    def commit_editors(self) -> None:
        """Hand the values still in open cell editors (the dormitory table's) to the editor."""
        commit_open_editors(self)

    def flush(self) -> bool:
        """Save everything typed, open cell editors included; False if something could not be saved."""
        self.commit_editors()
        return self.editor.flush()

    def close_inspection(self) -> bool:
        """Save everything before the view goes away (photos still being attached too); False if something
        could not be saved."""
        self.save_state()
        self.editor.wait_for_photos()
        return self.flush()
