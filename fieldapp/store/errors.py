"""Errors the store raises, each with a one-sentence message in Danish and English."""

from __future__ import annotations

import errno

from fieldapp.domain.i18n import pick

_TEXT: dict[str, dict[str, str]] = {
    "not_a_notebook": {
        "da": "»{path}« er ikke en Feltbog-notesbog (ikke en SQLite-database).",
        "en": "'{path}' is not a Feltbog notebook (not an SQLite database).",
    },
    "newer_schema": {
        "da": "Notesbogen »{path}« er lavet med en nyere version af Feltbog. Opdater Feltbog for at åbne den.",
        "en": "The notebook '{path}' was made by a newer version of Feltbog. Update Feltbog to open it.",
    },
    "locked": {
        "da": "Notesbogen er i brug af et andet program lige nu. Prøv igen om lidt.",
        "en": "The notebook is in use by another program right now. Try again in a moment.",
    },
    "read_only": {
        "da": "Notesbogen kan ikke gemmes, fordi filen eller mappen er skrivebeskyttet.",
        "en": "The notebook cannot be saved because the file or its folder is read-only.",
    },
    "disk_full": {
        "da": "Disken er fuld, så ændringen blev ikke gemt. Frigør plads, og prøv igen.",
        "en": "The disk is full, so the change was not saved. Free some space and try again.",
    },
    "corrupt": {
        "da": "Notesbogen »{path}« er beskadiget ({detail}). Du kan gendanne den nyeste gode sikkerhedskopi;"
        " den beskadigede fil gemmes først.",
        "en": "The notebook '{path}' is damaged ({detail}). You can restore the newest good backup;"
        " the damaged file is kept first.",
    },
    "no_good_backup": {
        "da": "Der findes ingen brugbar sikkerhedskopi af »{path}« i »{folder}«.",
        "en": "There is no usable backup of '{path}' in '{folder}'.",
    },
    "bad_backup": {
        "da": "»{path}« kan ikke gendannes: {detail}",
        "en": "'{path}' cannot be restored: {detail}",
    },
    "cannot_open": {
        "da": "Notesbogen »{path}« kunne ikke åbnes: {detail}",
        "en": "The notebook '{path}' could not be opened: {detail}",
    },
    "not_found": {"da": "Der findes ingen {what} med id {id}.", "en": "There is no {what} with id {id}."},
    "attachment_missing": {
        "da": "Filen »{path}« findes ikke (længere).",
        "en": "The file '{path}' does not exist (any more).",
    },
    "attachment_unreadable": {
        "da": "Filen »{path}« kunne ikke læses: {detail}",
        "en": "The file '{path}' could not be read: {detail}",
    },
    "attachment_too_large": {
        "da": "Filen »{path}« er for stor ({size} MB; højst {limit} MB).",
        "en": "The file '{path}' is too large ({size} MB; at most {limit} MB).",
    },
    "blob_missing": {
        "da": "Indholdet af »{name}« mangler i notesbogens mappe med vedhæftede filer.",
        "en": "The contents of '{name}' are missing from the notebook's attachments folder.",
    },
    "erasures_unknown": {
        "da": "Notesbogen »{path}« kan ikke læses, og listen over slettede personer mangler, så Feltbog kan "
        "ikke sikre, at slettede personer forbliver slettet efter gendannelsen. Bekræft, hvis du vil gendanne "
        "alligevel, og slet dem igen bagefter.",
        "en": "The notebook '{path}' cannot be read and the list of erased people is missing, so Feltbog "
        "cannot make sure that erased people stay erased after the restore. Confirm if you want to restore "
        "anyway, and erase them again afterwards.",
    },
    "bad_query": {
        "da": "Søgningen »{query}« kunne ikke forstås.",
        "en": "The search '{query}' could not be understood.",
    },
}


class StoreError(Exception):
    """An expected problem with a notebook; ``message(lang)`` is for the user."""

    key = "cannot_open"

    def __init__(self, **params: object):
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        # A parameter may itself be a {"da": …, "en": …} text, e.g. an entity's name.
        params = {k: pick(v, lang) if isinstance(v, dict) else v for k, v in self.params.items()}
        return pick(_TEXT[self.key], lang).format(**params)


class NotANotebookError(StoreError):
    key = "not_a_notebook"


class NewerSchemaError(StoreError):
    key = "newer_schema"


class DatabaseLockedError(StoreError):
    key = "locked"


class ReadOnlyError(StoreError):
    key = "read_only"


class DiskFullError(StoreError):
    key = "disk_full"


class CorruptDatabaseError(StoreError):
    key = "corrupt"


class CannotOpenError(StoreError):
    key = "cannot_open"


class NoGoodBackupError(StoreError):
    key = "no_good_backup"


class BadBackupError(StoreError):
    key = "bad_backup"


class ErasuresUnknownError(StoreError):
    """A restore cannot learn which people were erased (see ``backups.restore``)."""

    key = "erasures_unknown"


class NotFoundError(StoreError, LookupError):
    key = "not_found"


class AttachmentMissingError(StoreError, FileNotFoundError):
    key = "attachment_missing"


class AttachmentUnreadableError(StoreError):
    key = "attachment_unreadable"


class AttachmentTooLargeError(StoreError):
    key = "attachment_too_large"


class BlobMissingError(StoreError):
    key = "blob_missing"


class BadQueryError(StoreError):
    key = "bad_query"


def translate_sqlite_error(error: Exception) -> StoreError | None:
    """Map an sqlite3 error to the user-facing error it means, if we know it."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLockedError()
    if "readonly" in text or "read-only" in text:
        return ReadOnlyError()
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFullError()
    if "malformed" in text or "not a database" in text:
        return CorruptDatabaseError(path="", detail=str(error))
    return None


def translate_os_error(error: OSError, path: object) -> StoreError:
    """Map a failed file operation (writing a backup, say) to a user-facing error."""

    if error.errno == errno.ENOSPC:
        return DiskFullError()
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyError()
    return CannotOpenError(path=path, detail=error.strerror or str(error))
