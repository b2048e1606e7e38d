"""登录: name and password, checked off the GUI thread; a refused login is said in words, and after several
wrong passwords the dialog counts down the wait the service layer imposes. Cancel (or Esc) quits the app."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.accounts.account import Account, refusal_text, wait_seconds_of
from desktop.common.errors import error_label, refused_in_words
from desktop.common.operations import run_in_background


class LockedPage(QWidget):
    """What the window shows while nobody is logged in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockedPage")
        self.message = QLabel(self.tr("正在打开数据库……"))
        self.message.setProperty("alignment", "AlignCenter")  # by name: see desktop.app
        self.message.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName("lockedButton")
        self.button.hide()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addStretch(2)


class LoginDialog(QDialog):
    """Asks for the account; ``check(name, password)`` returns the :class:`Account` or raises.

    On success :attr:`account` is set and the dialog is accepted. The dialog may open before the database
    is: ``check`` is then None, the officer types meanwhile, and a login asked for before
    :meth:`set_check` waits and goes ahead as soon as the database is open.
    """

    def __init__(
        self,
        check: Callable[[str, str], Account] | None,
        name: str = "",
        database: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("登录 — 复工自查"))
        self._check = check
        self.account: Account | None = None
        self.busy = False
        self.waiting = False  # asked to log in before the database was open
        self._wait = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

        heading = QLabel(self.tr("请登录"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(self.tr("所有修改都以登录的账户记入审计记录。"))
        intro.setWordWrap(True)
        self.database = QLabel(self.tr("数据库：{name}").format(name=database) if database else "")
        self.database.setWordWrap(True)
        self.database.setStyleSheet("color: #555555")
        self.database.setVisible(bool(database))

        self.name_edit = QLineEdit(name)
        self.name_edit.setObjectName("loginName")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("loginPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label("loginError")
        form = QFormLayout()
        form.addRow(self.tr("账户名(&N)："), self.name_edit)
        form.addRow(self.tr("密码(&P)："), self.password_edit)

        # Two plain buttons rather than a QDialogButtonBox: this dialog opens at start-up, where every Qt
        # class touched costs time (bench/bench_startup.py). Enter logs in, Esc quits, as in a button box.
        self.ok_button = QPushButton(self.tr("登录(&L)"))
        self.ok_button.setObjectName("loginOk")
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("退出程序"))
        self.ok_button.clicked.connect(self._accept)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.database)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(420)
        (self.password_edit if name else self.name_edit).setFocus()

    def set_check(self, check: Callable[[str, str], Account]) -> None:
        """The database is open: logins can be checked now, and one already asked for goes ahead."""
        self._check = check
        if self.waiting:
            self.waiting = False
            self._accept()

    def reject(self) -> None:
        """Not while the work runs: it cannot be called back halfway, and its result must arrive here."""
        if not self.busy:
            super().reject()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    @Slot()
    def _accept(self) -> None:
        if self.busy or self.waiting or self._wait:
            return
        name, password = self.name_edit.text().strip(), self.password_edit.text()
        if not name:
            self._fail(self.tr("请填写账户名。"))
            self.name_edit.setFocus()
            return
        if not password:
            self._fail(self.tr("请填写密码。"))
            self.password_edit.setFocus()
            return
        self.ok_button.setEnabled(False)
        self.error.hide()
        check = self._check
        if check is None:
            self.waiting = True
            self.ok_button.setText(self.tr("正在打开数据库……"))
            return
        self.ok_button.setText(self.tr("登录(&L)"))
        self.busy = True
        run_in_background(self, lambda _: check(name, password), self._succeeded, self._failed, show_progress=False)

    def _succeeded(self, account: Account) -> None:
        self.busy = False
        self.password_edit.clear()
        self.account = account
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        if not refused_in_words(
            self, self.ok_button, error, self.tr("无法登录。"), self.tr("没有修改任何数据。"), self.password_edit
        ):
            return
        self._fail(refusal_text(error))
        self._wait = wait_seconds_of(error)
        if self._wait:
            self.ok_button.setEnabled(False)
            self._countdown.start()

    @Slot()
    def _tick(self) -> None:
        self._wait = max(self._wait - 1, 0)
        if self._wait:
            self._fail(self.tr("密码错误次数过多，请等 {seconds} 秒后再试。").format(seconds=self._wait))
            return
        self._countdown.stop()
        self.ok_button.setEnabled(True)
        self.error.setText(self.tr("现在可以再试一次。"))
