"""Sync files between laptops: the ``.feltsync`` format, export, import and folder sync.

No Qt and no SQL here: the format and its checks live in this package, the
database side (change log, bookkeeping, conflict inbox) in ``fieldapp.store``.
"""

from fieldapp.sync.errors import SyncError
from fieldapp.sync.service import (
    SyncSummary,
    export_file,
    import_file,
    sync_folder,
)

__all__ = ["SyncError", "SyncSummary", "export_file", "import_file", "sync_folder"]
