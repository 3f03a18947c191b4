"""Helpers shared by the sync tests (not a test module)."""

from __future__ import annotations

import json
from pathlib import Path

from fieldapp.domain import BY_TABLE
from fieldapp.store import Store
from fieldapp.sync import archive, envelope
from fieldapp.sync.envelope import TEST_KDF

PASSPHRASE = "rød grød med fløde"


def open_notebook(folder: Path, name: str = "feltbog.sqlite") -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    return Store.open(folder / name)


def tables(store: Store) -> dict[str, list[tuple]]:
    """Every materialised table, row by row (what must be byte-identical across replicas)."""
    return {tbl: store.conn.execute(f"SELECT * FROM {tbl} ORDER BY id").fetchall() for tbl in BY_TABLE}


def full_dump(store: Store) -> list[str]:
    """The whole database as SQL, for "nothing changed" checks."""
    return list(store.conn.iterdump())


def version_set(store: Store) -> set[tuple]:
    return set(store.conn.execute("SELECT tbl, row_id, field, value, hlc, site, prev FROM field_versions"))


def craft(
    path: Path,
    lines: list,
    *,
    site: str = "0123456789abcdef",
    passphrase: str | None = PASSPHRASE,
    manifest: dict | None = None,
    blobs: dict[str, bytes] | None = None,
    raw_changes: bytes | None = None,
    kdf: envelope.KdfParams = TEST_KDF,
) -> Path:
    """A sync file with exactly the given change lines (for hostile-file tests)."""
    changes = (
        raw_changes
        if raw_changes is not None
        else "".join(
            json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n" for line in lines
        ).encode("utf-8")
    )
    base = {
        "format": archive.FORMAT,
        "format_version": archive.FORMAT_VERSION,
        "schema_version": 2,
        "site": site,
        "export_id": "6f0c8a43-3a8e-4c7e-9d0b-1f7e2a9c5b11",
        "created_hlc": max(
            (
                line[4]
                for line in lines
                if isinstance(line, list) and len(line) > 4 and isinstance(line[4], int)
            ),
            default=1,
        ),
        "sites": {site: 1},
        "counts": {"changes": len(lines), "blobs": len(blobs or {})},
    }
    payload = archive.build({**base, **(manifest or {})}, changes, blobs or {})
    path.write_bytes(envelope.seal(payload, passphrase, kdf=kdf))
    return path
