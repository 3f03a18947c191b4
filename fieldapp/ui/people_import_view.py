"""File ▸ Import people…: map the columns, look at the first rows, decide on likely duplicates.

The work is ``fieldapp.people_import``; this dialog shows its plan and lets the user change
the column mapping (remembered per file layout), the area the people belong to, and which
likely duplicates to import anyway (none, by default).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp import people_import as pi
from fieldapp.domain import Area
from fieldapp.store import Store

PREVIEW_ROWS = 8


class PeopleImportDialog(QDialog):
    def __init__(self, store: Store, path: Path, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.path = path
        self.lang = lang
        self.rows = pi.read_table(path)  # PeopleImportError: the caller says it in one sentence
        self.header_index = pi.find_header(self.rows)
        self.headers = self.rows[self.header_index]
        mapping = pi.remembered_mapping(self.headers) or pi.guess_mapping(self.headers)
        self.plan: pi.Plan | None = None
        self.duplicates: dict[int, list] = {}
        self.setWindowTitle(self.tr("Import people from %1").replace("%1", path.name))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.area = QComboBox()
        self.area.addItem(self.tr("No area"), None)
        for area in store.list(Area):
            self.area.addItem(area.name or "", area.id)
        self.area.currentIndexChanged.connect(self.replan)
        form.addRow(self.tr("The people live in"), self.area)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                self.tr("Row %1 is the header. Choose what each column holds:").replace(
                    "%1", str(self.header_index + 1)
                )
            )
        )
        grid = QGridLayout()
        self.column_boxes: list[QComboBox] = []
        for index, header in enumerate(self.headers):
            box = QComboBox()
            box.addItem(self.tr("(nothing)"), None)
            for target in pi.TARGETS:
                box.addItem(pi.TARGET_LABELS[target][lang], target)
            box.setCurrentIndex(max(box.findData(mapping.get(index)), 0))
            box.setAccessibleName(header or str(index + 1))
            box.currentIndexChanged.connect(self.replan)
            grid.addWidget(QLabel(header or f"({index + 1})"), 0, index)
            grid.addWidget(box, 1, index)
            self.column_boxes.append(box)
        layout.addLayout(grid)
        self.preview_model = QStandardItemModel(self)
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.preview, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.duplicate_list = QListWidget()
        self.duplicate_list.itemChanged.connect(self._refresh_count)
        self.duplicate_label = QLabel(self.tr("Likely already in the notebook (tick to import anyway):"))
        layout.addWidget(self.duplicate_label)
        layout.addWidget(self.duplicate_list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 600)
        self.replan()

    def mapping(self) -> dict[int, str]:
        return {i: box.currentData() for i, box in enumerate(self.column_boxes) if box.currentData()}

    def replan(self) -> None:
        try:
            self.plan = pi.plan(
                self.rows, self.mapping(), area_id=self.area.currentData(), source=self.path.name
            )
        except pi.PeopleImportError as error:
            self.plan = None
            self.summary.setText(error.message(self.lang))
            self.ok_button.setEnabled(False)
            self._fill_preview([])
            self.duplicate_list.clear()
            return
        self.duplicates = pi.likely_duplicates(self.store, self.plan.candidates)
        self._fill_preview(self.plan.candidates[:PREVIEW_ROWS])
        self.duplicate_list.clear()
        for candidate in self.plan.candidates:
            known = self.duplicates.get(candidate.row)
            if not known:
                continue
            names = ", ".join(p.name or "" for p in known)
            item = QListWidgetItem(
                self.tr("Row %1: %2 — like %3")
                .replace("%1", str(candidate.row))
                .replace("%2", candidate.person.name or "")
                .replace("%3", names)
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, candidate.row)
            self.duplicate_list.addItem(item)
        self.duplicate_label.setVisible(bool(self.duplicates))
        self.duplicate_list.setVisible(bool(self.duplicates))
        chosen = len(self.chosen())
        text = self.tr("%n person(s) will be imported", "", chosen)
        if self.plan.skipped:
            rows = ", ".join(str(row) for row, _ in self.plan.skipped[:10])
            text += "; " + self.tr("rows without a name are left out: %1").replace("%1", rows)
        text += ". " + self.tr("Consent is recorded as unknown and each person is due for review in 30 days.")
        self.summary.setText(text)
        self.ok_button.setText(self.tr("Import %n person(s)", "", chosen))
        self.ok_button.setEnabled(chosen > 0)

    def _refresh_count(self, _item=None) -> None:
        chosen = len(self.chosen())
        self.ok_button.setText(self.tr("Import %n person(s)", "", chosen))
        self.ok_button.setEnabled(chosen > 0)

    def _fill_preview(self, candidates: list[pi.Candidate]) -> None:
        columns = [
            pi.TARGET_LABELS[t][self.lang] for t in ("name", "phone", "email", "roles", "organisation")
        ]
        model = self.preview_model
        model.clear()
        model.setHorizontalHeaderLabels(columns)
        for candidate in candidates:
            person = candidate.person
            values = [person.name, person.phone, person.email, person.roles, candidate.organisation]
            model.appendRow([QStandardItem(value or "") for value in values])
        model.setVerticalHeaderLabels([str(c.row) for c in candidates])

    def import_anyway(self) -> set[int]:
        rows = set()
        for i in range(self.duplicate_list.count()):
            item = self.duplicate_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                rows.add(item.data(Qt.ItemDataRole.UserRole))
        return rows

    def chosen(self) -> list[pi.Candidate]:
        if self.plan is None:
            return []
        anyway = self.import_anyway()
        return [c for c in self.plan.candidates if c.row not in self.duplicates or c.row in anyway]

    def run_import(self) -> pi.Imported:
        chosen = self.chosen()
        pi.remember_mapping(self.headers, self.mapping())
        skipped = len(self.plan.candidates) - len(chosen) if self.plan else 0
        return pi.import_people(self.store, chosen, duplicates_skipped=skipped)
