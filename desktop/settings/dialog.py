"""设置 / Settings: the database, the language, the catalogs a new inspection starts with.

A PostgreSQL server is tried (``storage.db.probe_database``) before it is saved. Its password is typed here
and used only for that try: the settings file keeps the address without it, and the application asks for it
when it starts (README "Settings" says why: no keyring is required on a plant's PC, and a password in a file
is a password anyone with the file has).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from checklist.catalog import Catalog
from desktop.common import i18n
from desktop.common.errors import error_text
from desktop.common.file_dialogs import save_file_name
from desktop.common.i18n import pick
from desktop.common.settings import default_catalogs, save_database_url, save_default_catalogs, saved_database_url
from storage.errors import KnownError

if TYPE_CHECKING:
    from desktop.settings.logo import LogoBox, LogoChoice

SQLITE_PREFIX = "sqlite:///"


def postgres_url(host: str, port: int, database: str, user: str, password: str | None) -> str:
    """A PostgreSQL URL for psycopg; the parts are quoted, so a password with ``@`` or ``/`` stays one."""
    from sqlalchemy.engine import URL

    url = URL.create(
        "postgresql+psycopg", username=user or None, password=password or None, host=host, port=port, database=database
    )
    return url.render_as_string(hide_password=False)


class SettingsDialog(QDialog):
    """Shows the saved choices; on OK tries the database and saves what changed (nothing if the try fails).

    ``language`` is the language chosen (the caller switches to it); ``database_changed`` says the database
    takes effect at the next start.
    """

    def __init__(
        self,
        current_url: str,
        catalogs: Mapping[str, Catalog],
        parent: QWidget | None = None,
        logo: LogoChoice | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("设置"))
        self.database_changed = False
        self.language = i18n.current_language()
        from sqlalchemy.engine import make_url

        saved = saved_database_url() or current_url
        self._in_use = saved
        parsed = make_url(saved)

        self.sqlite_button = QRadioButton(self.tr("本机数据库文件（SQLite）(&F)"))
        self.sqlite_button.setObjectName("useSqlite")
        self.postgres_button = QRadioButton(self.tr("数据库服务器（PostgreSQL）(&S)"))
        self.postgres_button.setObjectName("usePostgres")
        kinds = QButtonGroup(self)
        kinds.addButton(self.sqlite_button)
        kinds.addButton(self.postgres_button)
        self.file_edit = QLineEdit(parsed.database or "" if parsed.get_backend_name() == "sqlite" else "")
        self.file_edit.setObjectName("sqliteFile")
        browse = QPushButton(self.tr("浏览(&B)…"))
        browse.setObjectName("browse")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        is_server = parsed.get_backend_name() == "postgresql"
        self.host_edit = QLineEdit(parsed.host or "" if is_server else "")
        self.host_edit.setObjectName("host")
        self.port_spin = QSpinBox()
        self.port_spin.setObjectName("port")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(parsed.port or 5432 if is_server else 5432)
        self.name_edit = QLineEdit(parsed.database or "" if is_server else "")
        self.name_edit.setObjectName("databaseName")
        self.user_edit = QLineEdit(parsed.username or "" if is_server else "")
        self.user_edit.setObjectName("user")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("只用于测试连接，不保存"))
        server = QFormLayout()
        server.addRow(self.tr("主机(&H)："), self.host_edit)
        server.addRow(self.tr("端口："), self.port_spin)
        server.addRow(self.tr("数据库名："), self.name_edit)
        server.addRow(self.tr("用户名(&U)："), self.user_edit)
        server.addRow(self.tr("密码(&P)："), self.password_edit)
        (self.postgres_button if is_server else self.sqlite_button).setChecked(True)
        database_box = QGroupBox(self.tr("数据库（下次启动时生效）"))
        database_layout = QVBoxLayout(database_box)
        database_layout.addWidget(self.sqlite_button)
        database_layout.addLayout(file_row)
        database_layout.addWidget(self.postgres_button)
        database_layout.addLayout(server)

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        for language, name in i18n.LANGUAGES.items():
            self.language_combo.addItem(name, language)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(self.language)))

        catalogs_box = QGroupBox(self.tr("新建检查时默认选中的清单"))
        catalogs_layout = QVBoxLayout(catalogs_box)
        chosen = default_catalogs()
        self.catalog_boxes: dict[str, QCheckBox] = {}
        for catalog in catalogs.values():
            check = QCheckBox(f"{catalog.id}  {pick(catalog, 'title')}")
            check.setObjectName(f"default_{catalog.id}")
            check.setChecked(catalog.id in chosen)
            self.catalog_boxes[catalog.id] = check
            catalogs_layout.addWidget(check)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        language_row = QFormLayout()
        language_row.addRow(self.tr("语言 / Language(&L)："), self.language_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(database_box)
        layout.addLayout(language_row)
        layout.addWidget(catalogs_box)
        self.logo_box: LogoBox | None = None
        if logo is not None:  # logged in, with a company: its logo (README "Settings")
            from desktop.settings.logo import LogoBox

            self.logo_box = LogoBox(logo, self)
            layout.addWidget(self.logo_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        chosen = save_file_name(
            self,
            self.tr("数据库文件"),
            self.file_edit.text(),
            self.tr("SQLite 数据库 (*.sqlite3 *.sqlite *.db)"),
            confirm_overwrite=False,
        )
        if chosen:
            self.file_edit.setText(chosen)

    def chosen_url(self, with_password: bool) -> str:
        """The database the form describes; the password only when ``with_password`` (to try it)."""
        if self.sqlite_button.isChecked():
            return SQLITE_PREFIX + str(Path(self.file_edit.text().strip()).expanduser())
        return postgres_url(
            self.host_edit.text().strip(),
            self.port_spin.value(),
            self.name_edit.text().strip(),
            self.user_edit.text().strip(),
            self.password_edit.text() if with_password else None,
        )

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def accept(self) -> None:
        """Try the database, then save everything; a refusal says why and saves nothing."""
        from storage.db import probe_database

        if self.sqlite_button.isChecked() and not self.file_edit.text().strip():
            self._refuse(self.tr("请选择数据库文件。未保存任何设置。"))
            return
        if self.postgres_button.isChecked() and not (self.host_edit.text().strip() and self.name_edit.text().strip()):
            self._refuse(self.tr("请填写服务器主机和数据库名。未保存任何设置。"))
            return
        catalog_ids = tuple(cid for cid, check in self.catalog_boxes.items() if check.isChecked())
        if not catalog_ids:
            self._refuse(self.tr("请至少选择一个默认清单。未保存任何设置。"))
            return
        url = self.chosen_url(with_password=False)
        try:
            probe_database(self.chosen_url(with_password=True))
        except KnownError as error:
            self._refuse(
                QCoreApplication.translate("SettingsDialog", "无法使用该数据库：%1。未保存任何设置。").replace(
                    "%1", error_text(error)
                )
            )
            return
        if self.logo_box is not None:
            try:
                self.logo_box.save_choice()
            except KnownError as error:
                self._refuse(
                    QCoreApplication.translate("SettingsDialog", "无法保存公司标志：%1。未保存任何设置。").replace(
                        "%1", error_text(error)
                    )
                )
                return
        self.password_edit.clear()
        if url != self._in_use:
            save_database_url(url)
            self.database_changed = True
        save_default_catalogs(catalog_ids)
        self.language = str(self.language_combo.currentData())
        super().accept()
