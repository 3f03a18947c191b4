"""Why a sync file was refused, in one sentence, in Danish and English.

Every refusal is a ``SyncError`` (a ``StoreError``, so the CLI and the UI show it
like any other expected problem); the database is never changed when one is raised.
"""

from __future__ import annotations

from fieldapp.domain.i18n import pick
from fieldapp.store.errors import StoreError

_TEXT: dict[str, dict[str, str]] = {
    "wrong_passphrase": {
        "da": "Forkert adgangssætning: synkroniseringsfilen kan ikke låses op med den.",
        "en": "Wrong passphrase: the sync file cannot be unlocked with it.",
    },
    "passphrase_needed": {
        "da": "Synkroniseringsfilen er krypteret; angiv holdets adgangssætning.",
        "en": "The sync file is encrypted; give the team passphrase.",
    },
    "not_a_sync_file": {
        "da": "»{name}« er ikke en Feltbog-synkroniseringsfil.",
        "en": "'{name}' is not a Feltbog sync file.",
    },
    "newer_format": {
        "da": "»{name}« er lavet med en nyere version af Feltbog. Opdater Feltbog for at indlæse den.",
        "en": "'{name}' was made by a newer version of Feltbog. Update Feltbog to import it.",
    },
    "damaged": {
        "da": "Synkroniseringsfilen »{name}« er beskadiget eller ændret: {detail}",
        "en": "The sync file '{name}' is damaged or has been altered: {detail}",
    },
    "too_large": {
        "da": "Synkroniseringsfilen »{name}« er for stor eller pakker for meget ud ({detail}).",
        "en": "The sync file '{name}' is too large or unpacks to too much ({detail}).",
    },
    "bad_content": {
        "da": "Synkroniseringsfilen »{name}« indeholder ugyldige data: {detail}",
        "en": "The sync file '{name}' contains invalid data: {detail}",
    },
    "clock_far_ahead": {
        "da": "Synkroniseringsfilen »{name}« har tidsstempler langt ude i fremtiden; "
        "tjek uret på den computer, der lavede den.",
        "en": "The sync file '{name}' carries timestamps far in the future; "
        "check the clock of the computer that made it.",
    },
    "already_imported": {
        "da": "Synkroniseringsfilen »{name}« er allerede indlæst; intet blev ændret.",
        "en": "The sync file '{name}' has already been imported; nothing was changed.",
    },
    "mass_delete": {
        "da": "Synkroniseringsfilen »{name}« ville slette {deleted} af {total} poster. "
        "Den blev ikke indlæst, for det skal først bekræftes.",
        "en": "The sync file '{name}' would delete {deleted} of {total} records. "
        "It was not imported, as that must be confirmed first.",
    },
    "cannot_read": {
        "da": "Synkroniseringsfilen »{name}« kunne ikke læses: {detail}",
        "en": "The sync file '{name}' could not be read: {detail}",
    },
    "cannot_write": {
        "da": "Synkroniseringsfilen »{name}« kunne ikke skrives: {detail}",
        "en": "The sync file '{name}' could not be written: {detail}",
    },
    "unencrypted": {
        "da": "Synkroniseringsfilen »{name}« er ikke krypteret, så intet viser, at den kommer fra holdet; "
        "den blev ikke indlæst.",
        "en": "The sync file '{name}' is not encrypted, so nothing shows it comes from the team; "
        "it was not imported.",
    },
    "forged": {
        "da": "Synkroniseringsfilen »{name}« modsiger notesbogens historik ({detail}); den er forfalsket "
        "eller lavet af en kopi af denne notesbog, og blev ikke indlæst.",
        "en": "The sync file '{name}' contradicts the notebook's history ({detail}); it is forged or was "
        "made by a copy of this notebook, and was not imported.",
    },
    "not_a_folder": {
        "da": "»{name}« er ikke en mappe.",
        "en": "'{name}' is not a folder.",
    },
}


class SyncError(StoreError):
    """A sync file was refused (or could not be written); nothing was changed."""

    key = "damaged"

    def message(self, lang: str | None = None) -> str:
        params = {"name": "", "detail": ""} | self.params
        # A detail may itself be bilingual: {"da": …, "en": …}.
        params = {k: pick(v, lang) if isinstance(v, dict) else v for k, v in params.items()}
        return pick(_TEXT[self.key], lang).format(**params)


def both(da: str, en: str) -> dict[str, str]:
    """A bilingual detail for a ``SyncError`` message."""
    return {"da": da, "en": en}


class WrongPassphraseError(SyncError):
    key = "wrong_passphrase"


class PassphraseNeededError(SyncError):
    key = "passphrase_needed"


class NotASyncFileError(SyncError):
    key = "not_a_sync_file"


class NewerFormatError(SyncError):
    key = "newer_format"


class DamagedFileError(SyncError):
    key = "damaged"


class TooLargeError(SyncError):
    key = "too_large"


class BadContentError(SyncError):
    key = "bad_content"


class ClockFarAheadError(SyncError):
    key = "clock_far_ahead"


class AlreadyImportedError(SyncError):
    key = "already_imported"


class MassDeleteError(SyncError):
    key = "mass_delete"


class CannotReadError(SyncError):
    key = "cannot_read"


class CannotWriteError(SyncError):
    key = "cannot_write"


class NotAFolderError(SyncError):
    key = "not_a_folder"


class UnencryptedError(SyncError):
    key = "unencrypted"


class ForgedError(SyncError):
    key = "forged"
