"""医学观察: who is under home or centralised observation on a day, since when, until when and why; extend,
shorten (a manager, with a reason), restart after a new exposure, end, or start one.

The rules are the core's (:mod:`checklist.ledger`: 14 days, BJHQ 二, BJTG 三; LK28 二（二）2 for shortening),
enforced by :mod:`storage.ledger`, which records every change and audits it. The page flags anyone marked 在岗
before their observation ends (BJTG 三: 不得安排未完成 14 天观察人员返岗), as the core finds them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checklist.company import company_today
from checklist.ledger import OBSERVATION_KIND_EN, OBSERVATION_KIND_ZH, ObservationKind
from desktop.common.dates import python_date, qdate
from desktop.common.errors import error_label, error_text, refused_in_words, show_error
from desktop.common.i18n import english
from desktop.common.operations import run_in_background
from desktop.common.table_model import RowTableModel
from desktop.registers.page import LedgerPage, day_edit, record_table

if TYPE_CHECKING:
    from checklist.ledger import ReturnFlag
    from storage.db import Database
    from storage.ledger import ObservationView
    from storage.roster import EmployeeView, Page

PAGE_SIZE = 200
FLAG_CSS = "color: #b71c1c; font-weight: bold"


def kind_text(kind: str) -> str:
    return (
        OBSERVATION_KIND_EN.get(ObservationKind(kind), kind)
        if english()
        else OBSERVATION_KIND_ZH.get(ObservationKind(kind), kind)
    )


class ObservationColumn(IntEnum):
    NAME = 0
    KIND = 1
    START = 2
    END = 3
    DAY = 4
    REASON = 5


class ObservationModel(RowTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("姓名"),
            self.tr("方式"),
            self.tr("开始"),
            self.tr("结束（含）"),
            self.tr("第几天"),
            self.tr("原因"),
        ]
        self.early: set[int] = set()  # employee ids marked 在岗 before the end (BJTG 三)

    def cell(self, row: ObservationView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.employee_id in self.early:
            from PySide6.QtGui import QBrush, QColor

            return QBrush(QColor("#b71c1c"))
        if role == Qt.ItemDataRole.ToolTipRole and row.employee_id in self.early:
            return self.tr("已标为在岗，但观察期未结束（BJTG 三）")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = {
            ObservationColumn.NAME: row.name,
            ObservationColumn.KIND: kind_text(row.kind),
            ObservationColumn.START: row.start.isoformat(),
            ObservationColumn.END: row.end.isoformat(),
            ObservationColumn.DAY: self.tr("第 %1 天").replace("%1", str(row.day_of)),
            ObservationColumn.REASON: row.reason,
        }
        return values.get(ObservationColumn(column), "")


class Loaded(NamedTuple):
    page: Page[ObservationView]
    early: list[ReturnFlag]


class ObservationPage(LedgerPage):
    """The observations running on a day, the BJTG 三 flags, and the changes."""

    def __init__(self, db: Database, actor: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, role, parent)
        from checklist.workflow import Role

        self.is_manager = role == Role.MANAGER
        self.day = company_today()
        self.total = 0
        self.dialog: ObservationDialog | None = None
        self._wanted: dt.date | None = None

        self.date_edit = day_edit("observationDate")
        date_label = QLabel(self.tr("日期(&D)："))
        date_label.setBuddy(self.date_edit)
        self.count_label = QLabel()
        self.count_label.setObjectName("observationCount")
        self.start_button = QPushButton(self.tr("开始观察(&B)…"))
        self.start_button.setObjectName("observationStart")
        self.extend_button = QPushButton(self.tr("延长(&L)…"))
        self.extend_button.setObjectName("observationExtend")
        self.shorten_button = QPushButton(self.tr("缩短(&S)…"))
        self.shorten_button.setObjectName("observationShorten")
        self.shorten_button.setToolTip(self.tr("仅单位主要负责人，须填写理由（如经检测筛查排除感染，LK28 二（二）2）"))
        self.restart_button = QPushButton(self.tr("新的接触(&R)…"))
        self.restart_button.setObjectName("observationRestart")
        self.restart_button.setToolTip(self.tr("新的暴露：自接触之日起重新计算 14 天"))
        self.end_button = QPushButton(self.tr("结束观察(&E)…"))
        self.end_button.setObjectName("observationEnd")
        self.early_label = QLabel()
        self.early_label.setObjectName("earlyReturns")
        self.early_label.setStyleSheet(FLAG_CSS)
        self.early_label.setWordWrap(True)
        self.early_label.hide()
        self.message = QLabel()
        self.message.setObjectName("observationMessage")
        self.message.setWordWrap(True)

        self.model = ObservationModel(self)
        self.table = record_table(self.model, "observationTable", single=True, read_only=True, striped=True)

        top = QHBoxLayout()
        top.addWidget(date_label)
        top.addWidget(self.date_edit)
        top.addWidget(self.count_label, 1)
        for button in (self.start_button, self.extend_button, self.shorten_button, self.restart_button):
            top.addWidget(button)
        top.addWidget(self.end_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.early_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

        self.date_edit.dateChanged.connect(lambda date: self.show_day(python_date(date)))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.start_button.clicked.connect(self.start_observation)
        self.extend_button.clicked.connect(lambda: self.change_end(shorten=False))
        self.shorten_button.clicked.connect(lambda: self.change_end(shorten=True))
        self.restart_button.clicked.connect(self.restart)
        self.end_button.clicked.connect(self.end)
        self._update_buttons()

    def show_day(self, day: dt.date) -> None:
        from storage.ledger import early_returns, observation_list

        if self.loading:  # one read at a time; the newest day asked for is read next
            self._wanted = day
            return
        self._wanted = None
        self.loading = True
        db = self.db
        run_in_background(
            self,
            lambda _progress: Loaded(observation_list(db, day, limit=PAGE_SIZE), early_returns(db, day)),
            lambda loaded: self._shown(day, loaded),
            self._load_failed,
            show_progress=False,
        )

    def _shown(self, day: dt.date, loaded: Loaded) -> None:
        self.loading = False
        if self._wanted is not None:
            self.show_day(self._wanted)
            return
        self.day, self.total = day, loaded.page.total
        self.model.early = {flag.employee_id for flag in loaded.early}
        self.model.set_rows(loaded.page.rows)
        more = loaded.page.total - len(loaded.page.rows)
        self.count_label.setText(
            self.tr("观察中 %1 人").replace("%1", str(loaded.page.total))
            + (self.tr("（显示结束最早的 %1 人）").replace("%1", str(len(loaded.page.rows))) if more > 0 else "")
        )
        words = [flag.message_en if english() else flag.message_zh for flag in loaded.early]
        self.early_label.setText("\n".join(words))
        self.early_label.setVisible(bool(words))
        self._update_buttons()
        self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        self.loading = False
        show_error(self, self.tr("无法读取观察名单。"), error, self.tr("没有修改任何数据。"))

    def selected(self) -> ObservationView | None:
        rows = self.table.selectionModel().selectedRows()
        shown: list[ObservationView] = self.model.rows()
        return shown[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None and self.can_edit
        self.start_button.setEnabled(self.can_edit)
        for button in (self.extend_button, self.restart_button, self.end_button):
            button.setEnabled(chosen)
        self.shorten_button.setEnabled(chosen and self.is_manager)

    # --- changes ------------------------------------------------------------------------------------

    def _open(self, dialog: ObservationDialog, done: str) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._changed(done))
        dialog.finished.connect(lambda _: setattr(self, "dialog", None))
        dialog.open()

    def _changed(self, done: str) -> None:
        self.message.setText(done)
        self.show_day(self.day)

    @Slot()
    def start_observation(self) -> None:
        from storage.ledger import start_observation
        from storage.roster import list_employees

        db, actor = self.db, self.actor
        dialog = ObservationDialog(
            self.tr("开始医学观察"),
            self.tr("自开始之日起观察 14 天（BJHQ 二；BJTG 三），开始日为第 1 天。"),
            self.tr("开始日期(&D)："),
            self.day,
            lambda values: start_observation(db, actor, values.employee_id, values.kind, values.day, values.reason),
            self,
            find_people=lambda text: list_employees(db, search=text, limit=50).rows,
            reason_required=False,
        )
        self._open(dialog, self.tr("已开始观察。"))

    def change_end(self, shorten: bool) -> None:
        from storage.ledger import extend_observation

        chosen = self.selected()
        if chosen is None:
            return
        db, actor, observation_id = self.db, self.actor, chosen.id
        if shorten:
            title, note = (
                self.tr("缩短观察期"),
                self.tr("%1 的观察期至 %2。缩短须由单位主要负责人填写理由（如经检测筛查排除感染，LK28 二（二）2）。"),
            )
            default = chosen.end - dt.timedelta(days=1)
        else:
            title, note = self.tr("延长观察期"), self.tr("%1 的观察期至 %2。")
            default = chosen.end + dt.timedelta(days=7)
        dialog = ObservationDialog(
            title,
            note.replace("%1", chosen.name).replace("%2", chosen.end.isoformat()),
            self.tr("新的结束日期(&D)："),
            default,
            lambda values: extend_observation(db, actor, observation_id, values.day, values.reason),
            self,
            reason_required=shorten,
        )
        self._open(dialog, self.tr("观察期已缩短。") if shorten else self.tr("观察期已延长。"))

    @Slot()
    def restart(self) -> None:
        from storage.ledger import restart_observation

        chosen = self.selected()
        if chosen is None:
            return
        db, actor, observation_id = self.db, self.actor, chosen.id
        dialog = ObservationDialog(
            self.tr("新的接触"),
            self.tr("%1 有新的暴露：自接触之日起重新观察 14 天（已更晚的结束日期保留）。").replace("%1", chosen.name),
            self.tr("接触日期(&D)："),
            self.day,
            lambda values: restart_observation(db, actor, observation_id, values.day, values.reason),
            self,
            reason_required=True,
        )
        self._open(dialog, self.tr("观察已重新开始。"))

    @Slot()
    def end(self) -> None:
        from storage.ledger import end_observation

        chosen = self.selected()
        if chosen is None:
            return
        db, actor, observation_id = self.db, self.actor, chosen.id
        dialog = ObservationDialog(
            self.tr("结束观察"),
            self.tr("%1 的观察期至 %2；提前结束须由单位主要负责人填写理由。结束后请在花名册中更改其状态。")
            .replace("%1", chosen.name)
            .replace("%2", chosen.end.isoformat()),
            self.tr("结束日期(&D)："),
            max(self.day, chosen.end),
            lambda values: end_observation(db, actor, observation_id, values.day, values.reason),
            self,
            reason_required=False,
        )
        self._open(dialog, self.tr("观察已结束。"))


class ObservationValues(NamedTuple):
    day: dt.date
    reason: str
    employee_id: int
    kind: str


class ObservationDialog(QDialog):
    """A date and a reason (and, to start one, the person and home or centralised); ``apply`` stores them off the
    GUI thread, and a refusal of the core is said in the dialog."""

    def __init__(
        self,
        title: str,
        note: str,
        date_label: str,
        day: dt.date,
        apply: Callable[[ObservationValues], object],
        parent: QWidget | None = None,
        *,
        find_people: Callable[[str], list[EmployeeView]] | None = None,
        reason_required: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("observationDialog")
        self.setWindowTitle(title)
        self._apply = apply
        self._find = find_people
        self.busy = False
        note_label = QLabel(note)
        note_label.setWordWrap(True)
        self.person_search = QLineEdit()
        self.person_search.setObjectName("observationPersonSearch")
        self.person_search.setPlaceholderText(self.tr("输入姓名或部门查找"))
        self.person = QComboBox()
        self.person.setObjectName("observationPerson")
        self.kind = QComboBox()
        self.kind.setObjectName("observationKind")
        for kind in ObservationKind:
            self.kind.addItem(kind_text(kind), kind.value)
        self.date = day_edit("observationDay", qdate(day))
        self.reason = QLineEdit()
        self.reason.setObjectName("observationReason")
        self.reason.setPlaceholderText(
            self.tr("必填，例如：3 月 1 日自湖北返京") if reason_required else self.tr("例如：3 月 1 日自湖北返京")
        )
        # the example whole (#45: the dialog was 250 px wide and cut it to “例如：3 月 1 日自湖北…”)
        self.reason.setMinimumWidth(self.reason.fontMetrics().horizontalAdvance(self.reason.placeholderText()) + 24)
        self.error = error_label("observationError")
        form = QFormLayout()
        if find_people is not None:
            form.addRow(self.tr("查找(&F)："), self.person_search)
            form.addRow(self.tr("人员(&P)："), self.person)
            form.addRow(self.tr("方式(&K)："), self.kind)
        form.addRow(date_label, self.date)
        form.addRow(self.tr("原因(&R)："), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("observationOk")
        layout = QVBoxLayout(self)
        layout.addWidget(note_label)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.person_search.textChanged.connect(self._search)
        self.person.currentIndexChanged.connect(lambda _: self._update())
        self._update()
        if find_people is not None:
            self._search("")

    def _update(self) -> None:
        self.ok_button.setEnabled(not self.busy and (self._find is None or self.person.currentData() is not None))

    @Slot(str)
    def _search(self, text: str) -> None:
        find = self._find
        if find is None:
            return
        run_in_background(
            self,
            lambda _progress: find(text),
            lambda people: self._found(text, people),
            lambda error: self._say(error_text(error)),
            show_progress=False,
        )

    def _found(self, text: str, people: list[EmployeeView]) -> None:
        if text != self.person_search.text():
            return  # an older search
        self.person.clear()
        for person in people:
            self.person.addItem(f"{person.name}（{person.department or '—'}，#{person.id}）", person.id)
        self._update()

    def _say(self, words: str) -> None:
        self.error.setText(words)
        self.error.show()

    @Slot()
    def _accept(self) -> None:
        if self.busy:
            return
        values = ObservationValues(
            python_date(self.date.date()),
            self.reason.text(),
            int(self.person.currentData() or 0),
            str(self.kind.currentData()),
        )
        apply = self._apply
        self.busy = True
        self._update()
        self.error.hide()
        run_in_background(
            self,
            lambda _progress: apply(values),
            lambda _result: self._done(),
            self._refused,
            QCoreApplication.translate("Observation", "正在保存……"),
            show_progress=False,
        )

    def _done(self) -> None:
        self.busy = False
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.busy = False
        if refused_in_words(
            self, self.ok_button, error, self.tr("未能保存。"), self.tr("填写的内容仍保留在对话框中。")
        ):
            self._say(error_text(error))
        self._update()
