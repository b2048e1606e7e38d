"""Help menu: the About box and the list of official sources the catalogs encode."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from checklist.catalog import Catalog
from desktop.i18n import english, pick


def show_about(parent: QWidget, version: str) -> None:
    tr = parent.tr
    QMessageBox.about(
        parent,
        tr("关于复工自查"),
        "<h3>" + escape(tr("复工自查")) + f" {escape(version)}</h3>"
        "<p>" + escape(tr("企事业单位复工复产疫情防控自查：逐项检查、现场测量、整改跟踪和签署报告。")) + "</p>"
        "<p>" + escape(tr("检查表依据的官方文件见“帮助 → 依据文件”。")) + "</p>"
        "<p>" + escape(tr("中文字体：Droid Sans Fallback（Apache License 2.0）。")) + "</p>",
    )


def sources_html(catalogs: Mapping[str, Catalog], parent: QWidget) -> str:
    """Each catalog's document: name, issuer, 文号, date, catalog version."""
    tr = parent.tr
    rows = [
        "<table cellspacing='0' cellpadding='6' border='1' style='border-collapse: collapse'>",
        "<tr><th>"
        + "</th><th>".join(escape(h) for h in (tr("检查表"), tr("文件"), tr("发文机关"), tr("文号"), tr("日期")))
        + "</th></tr>",
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


class SourcesDialog(QDialog):
    """The official documents behind the checklist items, with 文号 and dates."""

    def __init__(self, catalogs: Mapping[str, Catalog], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesDialog")
        self.setWindowTitle(self.tr("依据文件"))
        browser = QTextBrowser()
        browser.setObjectName("sources")
        browser.setHtml(sources_html(catalogs, self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        self.resize(900, 560)
