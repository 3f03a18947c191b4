"""SQLite storage: schema, migrations, the change log, queries. The only place with SQL."""

from fieldapp.store.errors import (
    AttachmentMissingError,
    BadQueryError,
    CannotOpenError,
    DatabaseLockedError,
    DiskFullError,
    NewerSchemaError,
    NotANotebookError,
    NotFoundError,
    ReadOnlyError,
    StoreError,
)
from fieldapp.store.store import DELETED, ERASED, FieldVersion, Store

__all__ = [
    "DELETED", "ERASED", "AttachmentMissingError", "BadQueryError", "CannotOpenError", "DatabaseLockedError",
    "DiskFullError", "FieldVersion", "NewerSchemaError", "NotANotebookError", "NotFoundError",
    "ReadOnlyError", "Store", "StoreError",
]
