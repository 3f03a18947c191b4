"""SQLite storage: schema, migrations, the change log, queries. The only place with SQL."""

from fieldapp.store.errors import (
    AttachmentMissingError,
    BadBackupError,
    BadQueryError,
    CannotOpenError,
    CorruptDatabaseError,
    DatabaseLockedError,
    DiskFullError,
    NewerSchemaError,
    NoGoodBackupError,
    NotANotebookError,
    NotFoundError,
    ReadOnlyError,
    StoreError,
)
from fieldapp.store.store import DELETED, ERASED, FieldVersion, Store

__all__ = [
    "DELETED",
    "ERASED",
    "AttachmentMissingError",
    "BadBackupError",
    "BadQueryError",
    "CannotOpenError",
    "CorruptDatabaseError",
    "DatabaseLockedError",
    "NoGoodBackupError",
    "DiskFullError",
    "FieldVersion",
    "NewerSchemaError",
    "NotANotebookError",
    "NotFoundError",
    "ReadOnlyError",
    "Store",
    "StoreError",
]
