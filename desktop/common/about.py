"""Help menu: the About box and the list of official sources the catalogs encode."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from checklist.catalog import Catalog
from desktop.common.i18n import english, pick
from desktop.common.look import fit_to_screen


def show_about(parent: QWidget, version: str) -> None:
    translate = QCoreApplication.translate
    title = translate("About", "复工自查")
    lines = [
        translate("About", "企事业单位复工复产疫情防控自查：逐项检查、现场测量、整改跟踪和检查报告。"),
        translate("About", "检查表依据的官方文件见“帮助 → 依据文件”。"),
        translate("About", "中文字体：Droid Sans Fallback（Apache License 2.0）。"),
    ]
    QMessageBox.about(
        parent,
        translate("About", "关于复工自查"),
        f"<h3>{escape(title)} {escape(version)}</h3>" + "".join(f"<p>{escape(line)}</p>" for line in lines),
    )


class SourcesDialog(QDialog):
    """The official documents behind the checklist items, with 文号 and dates."""

    def __init__(self, catalogs: Mapping[str, Catalog], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesDialog")
        self.setWindowTitle(self.tr("依据文件"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("sources")
        self.browser.setHtml(self.sources_html(catalogs))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 560)

    def sources_html(self, catalogs: Mapping[str, Catalog]) -> str:
        """Each catalog's document: name, issuer, 文号, date, catalog version."""
        headers = (self.tr("检查表"), self.tr("文件"), self.tr("发文机关"), self.tr("文号"), self.tr("日期"))
        rows = [
            "<table cellspacing='0' cellpadding='6' border='1' style='border-collapse: collapse'>",
            "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in headers) + "</tr>",
        ]
        for catalog in catalogs.values():
            document = catalog.document
            name = document.name_en if english() else document.name_zh
            issuer = document.issuer_en if english() else document.issuer_zh
            rows.append(
                "<tr>"
                f"<td><b>{escape(catalog.id)}</b><br>{escape(pick(catalog, 'title'))}<br>v{escape(catalog.version)}</td>"
                f"<td>{escape(name)}</td><td>{escape(issuer)}</td>"
                f"<td>{escape(document.number or '—')}</td><td>{document.date.isoformat()}</td>"
                "</tr>"
            )
        rows.append("</table>")
        return "".join(rows)
