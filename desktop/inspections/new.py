"""The "new inspection" dialog: company site, date, inspector, and which catalogs to check against."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from checklist.catalog import Catalog
from desktop.common.dates import company_qdate, python_date
from desktop.common.discard import DiscardGuard
from desktop.common.errors import error_text, is_known
from desktop.common.i18n import pick
from desktop.common.settings import default_catalogs


@dataclass(frozen=True)
class PlaceChoice:
    """A company, or one of its sites."""

    company_id: int
    site_id: int | None
    text: str


@dataclass(frozen=True)
class NewInspection:
    company_id: int
    site_id: int | None
    date: dt.date
    inspector: str
    catalog_ids: tuple[str, ...]


class NewInspectionDialog(QDialog):
    """Collects a :class:`NewInspection`; ``create`` stores it (raising KnownError with the reason)."""

    def __init__(
        self,
        places: Sequence[PlaceChoice],
        catalogs: Mapping[str, Catalog],
        inspector: str,
        create: Callable[[NewInspection], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newInspectionDialog")
        self.setWindowTitle(self.tr("新建检查"))
        self._create = create
        self.place_combo = QComboBox()
        self.place_combo.setObjectName("place")
        for place in places:
            self.place_combo.addItem(place.text, place)
        self.date_edit = QDateEdit(company_qdate())
        self.date_edit.setObjectName("inspectionDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.inspector_edit = QLineEdit(inspector)
        self.inspector_edit.setObjectName("inspector")
        form = QFormLayout()
        form.addRow(self.tr("企业 / 场所(&S)："), self.place_combo)
        form.addRow(self.tr("检查日期(&D)："), self.date_edit)
        form.addRow(self.tr("检查人(&I)："), self.inspector_edit)

        box = QGroupBox(self.tr("检查依据（可多选）"))
        box_layout = QVBoxLayout(box)
        self.catalog_boxes: dict[str, QCheckBox] = {}
        for catalog in catalogs.values():
            number = f"，{catalog.document.number}" if catalog.document.number else ""
            check = QCheckBox(f"{catalog.id}  {pick(catalog, 'title')}")
            check.setObjectName(f"catalog_{catalog.id}")
            check.setToolTip(f"《{catalog.document.name_zh}》{number}，{catalog.document.date.isoformat()}")
            check.setChecked(catalog.id in default_catalogs())
            self.catalog_boxes[catalog.id] = check
            box_layout.addWidget(check)
            detail = QLabel(
                self.tr("{items} 项，{date}{number}").format(
                    items=len(catalog.items), date=catalog.document.date.isoformat(), number=number
                )
            )
            detail.setStyleSheet("color: #555555; margin-left: 24px")
            box_layout.addWidget(detail)
        self.error = QLabel()
        self.error.setObjectName("newInspectionError")
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("开始检查"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)
        self.discard_guard = DiscardGuard(self, self._typed, lambda: QDialog.reject(self))

    def _typed(self) -> tuple[object, ...]:
        """What the officer chose and typed (compared with the starting values before Esc closes)."""
        checked = tuple(cid for cid, check in self.catalog_boxes.items() if check.isChecked())
        return (self.place_combo.currentIndex(), self.date_edit.date(), self.inspector_edit.text(), checked)

    def reject(self) -> None:
        """Esc or 取消: at once if nothing was changed, else after asking."""
        if self.discard_guard.may_discard():
            super().reject()

    def values(self) -> NewInspection:
        place: PlaceChoice = self.place_combo.currentData()
        chosen = tuple(cid for cid, check in self.catalog_boxes.items() if check.isChecked())
        return NewInspection(
            place.company_id,
            place.site_id,
            python_date(self.date_edit.date()),
            self.inspector_edit.text().strip(),
            chosen,
        )

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    @Slot()
    def _accept(self) -> None:
        if self.place_combo.currentData() is None:
            self._fail(self.tr("请先完成首次设置，登记企业。"))
            return
        values = self.values()
        if not values.catalog_ids:
            self._fail(self.tr("请至少选择一份检查依据。"))
            return
        if not values.inspector:
            self._fail(self.tr("请填写检查人。"))
            self.inspector_edit.setFocus()
            return
        try:
            self._create(values)
        except Exception as error:
            if not is_known(error):
                raise
            self._fail(self.tr("未能创建检查：") + error_text(error))
            return
        self.accept()
