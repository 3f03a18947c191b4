"""Who is meant by a typed name: an existing person, or — only on an explicit choice — a new one.

Used by every box where a name is typed (the person picker, participants, referrals,
relations). Nobody is ever created silently: a name that matches nobody exactly offers the
likely people first (same name written differently, same phone or e-mail) and then
"Create »Jens« as a new person"; creating asks about consent, as the person editor does.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from fieldapp.domain import ConsentHow, Person, ValidationError
from fieldapp.store import Store, StoreError, lookups, privacy
from fieldapp.ui.dialogs import Dialogs


class PersonChooser(QObject):
    def __init__(self, store: Store, dialogs: Dialogs, lang: str, parent: QObject | None = None):
        super().__init__(parent)
        self.store, self.dialogs, self.lang = store, dialogs, lang

    def resolve(self, parent: QWidget | None, text: str, area_id: str | None = None) -> str | None:
        """The id of the person ``text`` means, after asking when it is not plain; ``None``: nobody."""
        name = " ".join(text.split())
        if not name:
            return None
        candidates = lookups.likely_people(self.store, name)
        exact = [c for c in candidates if c[0].casefold() == name.casefold()]
        if len(exact) == 1:
            return exact[0][1]
        options = [f"{c[0]} ({c[2]})" if c[2] else c[0] for c in candidates]
        create = self.tr("Create »%1« as a new person").replace("%1", name)
        question = (
            self.tr("»%1« is not in the notebook. Did you mean one of these?").replace("%1", name)
            if candidates
            else self.tr("»%1« is not in the notebook yet.").replace("%1", name)
        )
        chosen = self.dialogs.choose(parent, self.tr("Who is it?"), question, [*options, create])
        if chosen is None:
            return None
        if chosen < len(candidates):
            return candidates[chosen][1]
        return self.create_person(parent, name, area_id)

    def create_person(self, parent: QWidget | None, name: str, area_id: str | None) -> str | None:
        try:
            person = self.store.add(Person(name=name, area_id=area_id))
        except (ValidationError, StoreError) as error:
            self.dialogs.error(parent, self.tr("Not saved"), error.message(self.lang))
            return None
        consent = self.dialogs.ask(
            parent,
            self.tr("Consent"),
            self.tr(
                "Has %1 agreed that you keep their name and notes in the notebook?\n\n"
                "If not yet, ask them; until then they are listed in the personal data review."
            ).replace("%1", name),
            self.tr("Yes, they agreed today"),
            safe_default=True,  # consent is recorded only on purpose
        )
        if consent:
            try:
                privacy.record_consent(self.store, person.id, on=date.today(), how=ConsentHow.VERBAL)
            except (ValidationError, StoreError) as error:
                self.dialogs.error(parent, self.tr("Not saved"), error.message(self.lang))
        return person.id
