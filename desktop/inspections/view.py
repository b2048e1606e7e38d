"""The inspections list page: filters above a sortable table. It shows rows it is given."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from checklist.workflow import SignOffStage
from desktop.common.dates import company_qdate, python_date
from desktop.common.look import compact_rows
from desktop.common.words import sign_off_text
from desktop.inspections.model import Column, InspectionFilterProxy, InspectionTableModel

if TYPE_CHECKING:
    from storage.listing import InspectionRow


class InspectionsPage(QWidget):
    """All inspections with company/site, date, status, score and open actions."""

    open_requested = Signal(int)
    selection_changed = Signal()
    shown_changed = Signal()  # the rows shown (after the filters) changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = InspectionTableModel(self)
        self.proxy = InspectionFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.place_filter = QComboBox()
        self.place_filter.setObjectName("placeFilter")
        self.place_filter.setMinimumContentsLength(14)
        self.place_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("全部状态"), "")
        for stage in SignOffStage:  # the stages the status column shows
            self.status_filter.addItem(sign_off_text(stage), stage.value)
        self.date_filter = QCheckBox(self.tr("日期从(&D)"))
        self.date_from = QDateEdit(company_qdate().addMonths(-1))
        self.date_to = QDateEdit(company_qdate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.text_filter = QLineEdit()
        self.text_filter.setObjectName("textFilter")
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setPlaceholderText(self.tr("搜索企业、场所、检查人、编号"))
        self.count_label = QLabel()
        self.batch_button = QToolButton()  # the window gives it its action (导出汇总表)
        self.batch_button.setObjectName("batchExport")
        self.batch_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        filters = QHBoxLayout()
        place_label = QLabel(self.tr("场所(&S)："))
        place_label.setBuddy(self.place_filter)
        filters.addWidget(place_label)
        filters.addWidget(self.place_filter)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.date_filter)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("至")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.text_filter, 1)

        self.table = QTableView()
        self.table.setObjectName("inspectionsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        compact_rows(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.PLACE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setSortIndicator(Column.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        for column, width in ((Column.ID, 60), (Column.DATE, 100), (Column.INSPECTOR, 90)):
            self.table.setColumnWidth(column, width)
        # The sign-off stage in full (待检查人签署 was cut to 待检查人… at a fixed 70 px).
        stages = [sign_off_text(stage) for stage in SignOffStage] + [self.tr("状态")]
        widest = max(self.table.fontMetrics().horizontalAdvance(text) for text in stages)
        self.table.setColumnWidth(Column.STATUS, widest + 24)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.batch_button)
        layout.addLayout(bottom)

        self.place_filter.currentIndexChanged.connect(self._place_changed)
        self.status_filter.currentIndexChanged.connect(self._status_changed)
        self.date_filter.toggled.connect(self._dates_changed)
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)
        self.text_filter.textChanged.connect(self._text_changed)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.setTabOrder(self.place_filter, self.status_filter)
        self.setTabOrder(self.status_filter, self.date_filter)
        self.setTabOrder(self.date_filter, self.date_from)
        self.setTabOrder(self.date_from, self.date_to)
        self.setTabOrder(self.date_to, self.text_filter)
        self.setTabOrder(self.text_filter, self.table)
        self.setTabOrder(self.table, self.batch_button)
        self._update_places([])
        self._update_count()

    def set_rows(self, rows: Sequence[InspectionRow]) -> None:
        """Show these rows (the loader ran the query); keeps the filters and the sort order."""
        selected = self.selected_id()
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._update_places(rows)
        if selected is not None:
            self.select_id(selected)

    def _update_places(self, rows: Sequence[InspectionRow]) -> None:
        current = self.place_filter.currentData()
        places = sorted({(row.company, row.site) for row in rows})
        self.place_filter.blockSignals(True)
        self.place_filter.clear()
        self.place_filter.addItem(self.tr("全部场所"), None)
        for company, site in places:
            self.place_filter.addItem(f"{company} / {site}" if site else company, (company, site))
        index = self.place_filter.findData(current) if current is not None else 0
        self.place_filter.setCurrentIndex(max(index, 0))
        self.place_filter.blockSignals(False)
        self._place_changed()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.row_at(rows[0].row()).id if rows else None

    def shown_ids(self) -> tuple[int, ...]:
        """The inspections the table shows after its filters, in the order shown."""
        return tuple(self.proxy.row_at(row).id for row in range(self.proxy.rowCount()))

    def select_id(self, inspection_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.row_at(row).id == inspection_id:
                self.table.selectRow(row)
                return True
        return False

    @Slot()
    def _place_changed(self) -> None:
        place = self.place_filter.currentData()
        self.proxy.set_place(tuple(place) if place else None)

    @Slot()
    def _status_changed(self) -> None:
        self.proxy.set_status(self.status_filter.currentData() or None)

    @Slot()
    def _dates_changed(self) -> None:
        on = self.date_filter.isChecked()
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        if on:
            self.proxy.set_date_range(python_date(self.date_from.date()), python_date(self.date_to.date()))
        else:
            self.proxy.set_date_range(None, None)

    @Slot(str)
    def _text_changed(self, text: str) -> None:
        self.proxy.set_text(text)

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        self.open_requested.emit(self.proxy.row_at(index.row()).id)

    @Slot()
    def _update_count(self) -> None:
        if self.model.rowCount() == 0:  # a new user's first look: say what to do
            self.count_label.setText(self.tr("还没有检查记录。点“新建检查”开始第一次检查。"))
        else:
            self.count_label.setText(
                self.tr("共 {total} 次检查，显示 {shown} 次").format(
                    total=self.model.rowCount(), shown=self.proxy.rowCount()
                )
            )
        self.shown_changed.emit()
