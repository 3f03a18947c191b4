"""One box that searches everything: results grouped by kind, matches highlighted, Enter opens."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store import BadQueryError, Store
from fieldapp.store.queries import SearchHit
from fieldapp.ui.formatting import format_count, format_iso
from fieldapp.ui.icons import icon

# Control characters cannot occur in typed text, so they mark matches unambiguously.
MARK_START, MARK_END = "\x02", "\x03"
HIT_ROLE = Qt.ItemDataRole.UserRole + 10
HEADER_ROLE = Qt.ItemDataRole.UserRole + 11

GROUP_ORDER = (
    "activities",
    "observations",
    "people",
    "areas",
    "organisations",
    "actions",
    "attachments",
    "survey_items",
)
PAGE_SIZE = 100
GROUP_ICONS = {
    "survey_items": "listening_meeting",
    "activities": "activities",
    "observations": "walkabout",
    "people": "people",
    "areas": "areas",
    "organisations": "people",
    "actions": "actions",
    "attachments": "photo",
}

Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    """Hits in groups: a non-selectable header row per kind, then its hits."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[tuple[str, Any]] = []  # ("header", table) or ("hit", SearchHit)

    def group_title(self, table: str) -> str:
        titles = {
            "activities": self.tr("Activities"),
            "observations": self.tr("Observations"),
            "people": self.tr("People"),
            "areas": self.tr("Areas"),
            "organisations": self.tr("Organisations"),
            "actions": self.tr("Actions"),
            "attachments": self.tr("Photos and files"),
            "survey_items": self.tr("Survey statements"),
        }
        return titles.get(table, table)

    def set_hits(self, hits: list[SearchHit]) -> None:
        groups: dict[str, list[SearchHit]] = {}
        for hit in hits:
            groups.setdefault(hit.table, []).append(hit)
        order = [t for t in GROUP_ORDER if t in groups] + [t for t in groups if t not in GROUP_ORDER]
        self.beginResetModel()
        self.entries = []
        for table in order:
            self.entries.append(("header", table))
            self.entries.extend(("hit", hit) for hit in groups[table])
        self.endResetModel()

    def hit_count(self) -> int:
        return sum(1 for kind, _ in self.entries if kind == "hit")

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.entries[index.row()][0] == "header":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        kind, value = self.entries[index.row()]
        if kind == "header":
            if role == Qt.ItemDataRole.DisplayRole:
                return self.group_title(value)
            if role == HEADER_ROLE:
                return True
            if role == Qt.ItemDataRole.DecorationRole:
                return icon(GROUP_ICONS.get(value, "search"))
            return None
        hit: SearchHit = value
        if role == Qt.ItemDataRole.DisplayRole:
            return self._plain_line(hit)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._plain_line(hit)}. {hit.snippet.replace(MARK_START, '').replace(MARK_END, '')}"
        if role == HIT_ROLE:
            return hit
        if role == HEADER_ROLE:
            return False
        return None

    def _plain_line(self, hit: SearchHit) -> str:
        parts = []
        label = getattr(hit.kind, "label", None)
        if callable(label):
            parts.append(label())
        if hit.date:
            parts.append(format_iso(hit.date))
        parts.append(hit.title)
        return " · ".join(p for p in parts if p)


def snippet_html(hit: SearchHit, palette: QPalette) -> str:
    background = palette.color(QPalette.ColorRole.Highlight).name()
    foreground = palette.color(QPalette.ColorRole.HighlightedText).name()
    snippet = (
        html.escape(hit.snippet)
        .replace(MARK_START, f'<span style="background-color:{background}; color:{foreground}">')
        .replace(MARK_END, "</span>")
    )
    return snippet


class SearchResultDelegate(QStyledItemDelegate):
    """Group headers in bold; a hit as its title line and a snippet with highlighted matches."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(4)
        hit: SearchHit = index.data(HIT_ROLE)
        title = html.escape(index.data(Qt.ItemDataRole.DisplayRole) or "")
        doc.setHtml(f"<b>{title}</b><br/>{snippet_html(hit, option.palette)}")
        doc.setTextWidth(max(option.rect.width(), 200))
        return doc

    def paint(self, painter, option, index) -> None:
        if index.data(HEADER_ROLE):
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            opt.font.setBold(True)
            opt.font.setPointSizeF(opt.font.pointSizeF() * 1.1)
            super().paint(painter, opt, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.left() + 16, option.rect.top())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        context.clip = QRectF(0, 0, option.rect.width() - 16, option.rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        if index.data(HEADER_ROLE):
            size = super().sizeHint(option, index)
            return QSize(size.width(), size.height() + 12)
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()) + 16, int(doc.size().height()) + 4)


class ResultList(QListView):
    """Enter opens the current hit."""

    activated_hit = Signal(object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            hit = self.currentIndex().data(HIT_ROLE)
            if hit is not None:
                self.activated_hit.emit(hit)
                return
        super().keyPressEvent(event)


class SearchView(QWidget):
    """Type to search (after a short pause); arrow down into the results; Enter opens one."""

    open_hit = Signal(object)  # SearchHit

    def __init__(self, store: Store, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.lang = lang
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.box = QLineEdit()
        self.box.setPlaceholderText(
            self.tr('Search everything: words, names, places … (prefix* and "exact phrase" work)')
        )
        self.box.setAccessibleName(self.tr("Search"))
        self.box.setClearButtonEnabled(True)
        self.box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        layout.addWidget(self.box)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Search status"))
        self.offset = 0  # of the page shown
        self.total = 0  # matches in all
        self.previous_page = QPushButton(icon("previous"), self.tr("Previous"))
        self.next_page = QPushButton(icon("next"), self.tr("Next"))
        for button, step in ((self.previous_page, -PAGE_SIZE), (self.next_page, PAGE_SIZE)):
            button.setVisible(False)
            button.clicked.connect(lambda _checked=False, step=step: self.show_page(self.offset + step))
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.previous_page)
        row.addWidget(self.next_page)
        layout.addLayout(row)
        self.model = SearchResultsModel(self)
        self.results = ResultList()
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchResultDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(lambda _text: self._timer.start())
        self.box.returnPressed.connect(self._enter_in_box)
        self.results.activated_hit.connect(self.open_hit)
        self.results.doubleClicked.connect(self._open_index)

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def run_search(self) -> None:
        self._timer.stop()
        self.show_page(0)

    def show_page(self, offset: int) -> None:
        """Show the hits from ``offset`` on (``PAGE_SIZE`` at a time), with the true total."""
        query = self.box.text().strip()
        self.previous_page.setVisible(False)
        self.next_page.setVisible(False)
        if not query:
            self.model.set_hits([])
            self.status.clear()
            return
        try:
            page = self.store.search_page(
                query, offset=max(0, offset), limit=PAGE_SIZE, highlight=(MARK_START, MARK_END)
            )
        except BadQueryError as error:
            self.model.set_hits([])
            self.status.setText(error.message(self.lang))
            return
        self.offset, self.total = page.offset, page.total
        self.model.set_hits(page.hits)
        if page.total == 0:
            self.status.setText(self.tr("No matches."))
        elif page.total <= PAGE_SIZE:
            self.status.setText(self.tr("%n match(es)", "", page.total))
        else:
            self.status.setText(
                self.tr("%n match(es), showing %1–%2", "", page.total)
                .replace("%1", format_count(page.offset + 1, self.lang))
                .replace("%2", format_count(page.offset + len(page.hits), self.lang))
            )
            self.previous_page.setVisible(True)
            self.next_page.setVisible(True)
            self.previous_page.setEnabled(page.offset > 0)
            self.next_page.setEnabled(page.offset + len(page.hits) < page.total)
        first = next(
            (r for r in range(self.model.rowCount()) if not self.model.index(r).data(HEADER_ROLE)), None
        )
        if first is not None:
            self.results.setCurrentIndex(self.model.index(first))
            self.results.scrollToTop()

    def _enter_in_box(self) -> None:
        if self._timer.isActive() or not self.model.entries:
            self.run_search()
        if self.results.currentIndex().isValid():
            self._open_index(self.results.currentIndex())

    def _open_index(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.open_hit.emit(hit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and self.box.hasFocus():
            self.results.setFocus()
            return
        super().keyPressEvent(event)
