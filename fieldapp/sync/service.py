"""Export, import and folder sync: what the CLI and the Sync dialog call.

Each function takes a ``Store``, a path, a passphrase (``None`` only for an
explicitly unencrypted file) and an optional ``progress(stage, done, total)``
callback, and returns a ``SyncSummary``. A refused file raises a ``SyncError``
and leaves the notebook exactly as it was.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import logging
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fieldapp.domain.clock import ClockDriftError, HybridLogicalClock
from fieldapp.store import Store, changelog, conflicts, outputs, privacy
from fieldapp.sync import archive, envelope
from fieldapp.sync.archive import Limits
from fieldapp.sync.envelope import KdfParams
from fieldapp.sync.errors import (
    AlreadyImportedError,
    BadContentError,
    CannotReadError,
    CannotWriteError,
    ClockFarAheadError,
    MassDeleteError,
    NotAFolderError,
    PassphraseNeededError,
    SyncError,
    both,
)
from fieldapp.sync.validate import SITE, check_versions, parse_lines

logger = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
SUFFIX = ".feltsync"
# A laptop keeps fewer than this many of its own files in a shared folder. At that many it
# writes one file with everything it has (but what it read from that folder) and removes
# its older ones: a folder used for a year would otherwise hold hundreds of files that
# every newcomer has to decrypt one by one. Nothing is lost: whatever an old file held is
# in this notebook, and so in the new file, or came from a colleague's file in the folder.
OWN_FILES_KEPT = 20


@dataclass
class SyncSummary:
    """What one export, import or folder sync did (the Sync dialog's closing page)."""

    changes_out: int = 0
    changes_in: int = 0
    rows_changed: int = 0
    conflicts: int = 0
    blobs_out: int = 0
    blobs_in: int = 0
    files_written: list[Path] = field(default_factory=list)
    files_imported: list[Path] = field(default_factory=list)
    files_skipped: list[Path] = field(default_factory=list)
    files_removed: list[Path] = field(default_factory=list)  # our own older files in a shared folder
    # Folder sync goes on past a bad file; each refusal is kept as (file, error).
    failures: list[tuple[Path, SyncError]] = field(default_factory=list)
    backup: Path | None = None

    def add(self, other: SyncSummary) -> None:
        for name in ("changes_out", "changes_in", "rows_changed", "conflicts", "blobs_out", "blobs_in"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.files_written += other.files_written
        self.files_imported += other.files_imported
        self.files_skipped += other.files_skipped
        self.files_removed += other.files_removed
        self.failures += other.failures
        self.backup = other.backup or self.backup


@contextmanager
def without_cyclic_gc() -> Iterator[None]:
    """Pause Python's cycle collector while a file's million small objects are made.

    Nothing here creates reference cycles, yet every few hundred new lists or
    tuples the collector walks the growing heap: half the time of parsing a big
    file went there (measured: 2.6 s against 1.0 s for a million versions).
    Plain reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _report(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)


# ====================================================================== export
def export_file(
    store: Store,
    path: str | os.PathLike[str],
    passphrase: str | None,
    *,
    progress: Progress | None = None,
    full: bool = False,
    destination: str | None = None,
    kdf: KdfParams = KdfParams(),
    encrypt: bool = True,
    skip_echo: bool = False,
) -> SyncSummary:
    """Write a sync file with every version the receiver may lack.

    That is everything since this notebook's last export to ``destination``
    (by default the folder ``path`` is in), or everything at all with ``full``.
    Versions received from others travel on too. ``encrypt=False`` (with
    ``passphrase=None``) writes an unencrypted file, and only then.
    """
    path = Path(path)
    if encrypt and passphrase is None:
        raise PassphraseNeededError()
    place = destination or _place(path.parent)
    win = changelog.window(store, place, full=full, skip_echo=skip_echo)
    payload, summary = _build_payload(store, win, progress)
    data = envelope.seal(payload, passphrase if encrypt else None, kdf=kdf)
    _report(progress, "write", 0, len(data))
    write_atomically(path, data)
    _report(progress, "write", len(data), len(data))
    changelog.record_export(store, place, win.upto, store.clock.last)
    summary.files_written.append(path)
    logger.info("exported %d changes to %s", summary.changes_out, path)
    return summary


def _place(folder: Path) -> str:
    return str(folder.resolve())


@without_cyclic_gc()
def _build_payload(
    store: Store, win: changelog.Window, progress: Progress | None
) -> tuple[bytes, SyncSummary]:
    total = changelog.count_in(store, win)
    lines: list[str] = []
    for batch in changelog.lines_in(store, win):
        lines.extend(batch)
        _report(progress, "collect", len(lines), total)
    changes = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
    blobs = {}
    for sha in changelog.attachment_shas(store, win):
        content = _read_blob(store, sha)
        if content is not None:
            blobs[sha] = content
    manifest = {
        "format": archive.FORMAT,
        "format_version": archive.FORMAT_VERSION,
        "schema_version": store.schema_version(),
        "site": store.site,
        "export_id": str(uuid.uuid4()),
        "created_hlc": store.clock.last,
        "sites": changelog.site_clocks(store, win),
        "counts": {"changes": len(lines), "blobs": len(blobs)},
    }
    _report(progress, "pack", 0, 1)
    payload = archive.build(manifest, changes, blobs)
    _report(progress, "pack", 1, 1)
    return payload, SyncSummary(changes_out=len(lines), blobs_out=len(blobs))


def blob_path(store: Store, sha: str) -> Path:
    """Where the content-addressed store keeps a blob (``sha`` is checked hex)."""
    return store.attachments_dir / sha[:2] / sha


def _read_blob(store: Store, sha: str) -> bytes | None:
    if not archive._SHA.fullmatch(sha):
        return None
    try:
        content = blob_path(store, sha).read_bytes()
    except OSError:
        return None  # not here (yet): the attachment row travels, its bytes follow later
    if archive.sha256_hex(content) != sha:
        logger.warning("attachment blob %s is damaged; not exported", sha)
        return None
    return content


def write_atomically(path: Path, data: bytes) -> None:
    """Temporary file, fsync, rename (``fieldapp.store.outputs``): a reader never sees half a file."""
    try:
        outputs.write_atomically(path, data)
    except OSError as error:
        raise CannotWriteError(name=path.name, detail=error.strerror or str(error)) from error


# ====================================================================== import
@dataclass
class _Incoming:
    name: str
    file_sha256: str
    manifest: dict
    rows: list
    values: list  # each row's value, decoded
    max_hlc: int
    blobs: dict[str, bytes]


def import_file(
    store: Store,
    path: str | os.PathLike[str],
    passphrase: str | None,
    *,
    progress: Progress | None = None,
    force: bool = False,
    again: bool = False,
    limits: Limits = Limits(),
) -> SyncSummary:
    """Merge a sync file into the notebook.

    Everything is checked first; then a backup is taken and the merge runs in one
    transaction. Refused (``SyncError``): a damaged, altered, foreign or oversized
    file, a wrong passphrase, invalid contents, clocks far in the future, a file
    imported before (unless ``again``), or one that would delete more than half
    of the notebook's rows (unless ``force``).
    """
    path = Path(path)
    data = _read_file(path, limits)
    return _import_bytes(
        store, data, path, passphrase, progress=progress, force=force, again=again, limits=limits
    )


def _read_file(path: Path, limits: Limits) -> bytes:
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise archive.TooLargeError(name=path.name, detail=f"{size} bytes")
        return path.read_bytes()
    except OSError as error:
        raise CannotReadError(name=path.name, detail=error.strerror or str(error)) from error


@without_cyclic_gc()
def _import_bytes(
    store: Store,
    data: bytes,
    path: Path,
    passphrase: str | None,
    *,
    progress: Progress | None,
    force: bool,
    again: bool,
    limits: Limits,
    folder: str | None = None,
    backup: Callable[[], Path | None] | None = None,
) -> SyncSummary:
    name = path.name
    file_sha = hashlib.sha256(data).hexdigest()
    if not again and changelog.was_imported(store, file_sha):
        raise AlreadyImportedError(name=name)
    incoming = _unpack(data, name, file_sha, passphrase, progress, limits)
    if not again and changelog.was_imported(store, file_sha, incoming.manifest["export_id"]):
        raise AlreadyImportedError(name=name)
    _check_clock(store, incoming)
    summary = SyncSummary()
    summary.backup = backup() if backup is not None else _backup(store)
    written = _write_blobs(store, incoming.blobs)
    saved_clock = store.clock.last
    try:
        _report(progress, "merge", 0, len(incoming.rows))
        with store.transaction():
            store.clock.observe(incoming.max_hlc)
            total = len(incoming.rows)
            merged = changelog.merge(
                store,
                incoming.rows,
                incoming.values,
                step=lambda fraction: _report(
                    progress, "merge", max(0, min(int(fraction * total), total - 1)), total
                ),
            )
            if not force and merged.rows_deleted * 2 > merged.rows_before:
                raise MassDeleteError(name=name, deleted=merged.rows_deleted, total=merged.rows_before)
            summary.conflicts = (
                conflicts.detect(store, merged.first_new_seq, merged.conflict_candidates)
                if merged.inserted
                else 0
            )
            changelog.record_import(
                store,
                file_sha,
                incoming.manifest["export_id"],
                incoming.manifest["site"],
                name,
                merged,
                folder,
            )
    except BaseException:
        store.clock.last = saved_clock
        for blob in written:
            blob.unlink(missing_ok=True)
        raise
    if merged.erasures:
        changelog.finish_erasures(store)
    _report(progress, "merge", len(incoming.rows), len(incoming.rows))
    summary.changes_in = merged.inserted
    summary.rows_changed = merged.rows_changed
    summary.blobs_in = len(written)
    summary.files_imported.append(path)
    logger.info("imported %s: %d new changes, %d conflicts", name, merged.inserted, summary.conflicts)
    return summary


def _unpack(
    data: bytes, name: str, file_sha: str, passphrase: str | None, progress: Progress | None, limits: Limits
) -> _Incoming:
    payload = envelope.open_sealed(
        data, passphrase, name=name, max_payload=limits.max_file_bytes, progress=progress
    )
    _report(progress, "unpack", 0, 1)
    contents = archive.read(payload, name=name, limits=limits)
    manifest = contents.manifest
    _check_manifest(manifest, name)
    items = parse_lines(contents.changes, name=name, max_changes=limits.max_changes)
    if len(items) != manifest["counts"]["changes"]:
        raise BadContentError(
            name=name,
            detail=both("antallet af ændringer passer ikke", "the number of changes does not match"),
        )
    checked = check_versions(items, name=name, progress=lambda d, t: _report(progress, "check", d, t))
    return _Incoming(name, file_sha, manifest, checked.rows, checked.values, checked.max_hlc, contents.blobs)


def _check_manifest(manifest: dict, name: str) -> None:
    def bad(da: str, en: str) -> BadContentError:
        return BadContentError(name=name, detail=both(da, en))

    site = manifest.get("site")
    if not isinstance(site, str) or not SITE.fullmatch(site):
        raise bad("manifestets afsender er ugyldig", "the manifest's site is invalid")
    export_id = manifest.get("export_id")
    try:
        valid_id = isinstance(export_id, str) and str(uuid.UUID(export_id)) == export_id
    except ValueError:
        valid_id = False
    if not valid_id:
        raise bad("manifestets eksport-id er ugyldigt", "the manifest's export id is invalid")
    counts = manifest.get("counts")
    if not isinstance(counts, dict) or type(counts.get("changes")) is not int:
        raise bad("manifestets optælling er ugyldig", "the manifest's counts are invalid")
    schema = manifest.get("schema_version")
    if type(schema) is not int or schema < 1:
        raise bad("manifestets skemaversion er ugyldig", "the manifest's schema version is invalid")
    sites = manifest.get("sites")
    if not isinstance(sites, dict) or not all(
        isinstance(k, str) and SITE.fullmatch(k) and type(v) is int for k, v in sites.items()
    ):
        raise bad("manifestets ure er ugyldige", "the manifest's clocks are invalid")


def _check_clock(store: Store, incoming: _Incoming) -> None:
    stamps = [
        incoming.max_hlc,
        *incoming.manifest["sites"].values(),
        incoming.manifest.get("created_hlc") or 0,
    ]
    trial = HybridLogicalClock(last=store.clock.last, wall=store.clock.wall)
    try:
        for stamp in stamps:
            if type(stamp) is int:
                trial.observe(stamp)
    except ClockDriftError:
        raise ClockFarAheadError(name=incoming.name) from None


def _backup(store: Store) -> Path | None:
    """The before-import copy: listed, compressed and rotated with every other backup."""
    from fieldapp.store import backups  # backups builds on Store, as this module does

    return backups.before_import(store)


def _write_blobs(store: Store, blobs: dict[str, bytes]) -> list[Path]:
    """Store incoming attachment bytes (hash-checked already); returns the new files."""
    written = []
    try:
        for sha, content in blobs.items():
            target = blob_path(store, sha)  # sha is 64 checked hex digits, never a name from the file
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, content)
            written.append(target)
    except SyncError:
        for blob in written:
            blob.unlink(missing_ok=True)
        raise
    return written


# ================================================================= folder sync
def sync_folder(
    store: Store,
    folder: str | os.PathLike[str],
    passphrase: str | None,
    *,
    progress: Progress | None = None,
    force: bool = False,
    kdf: KdfParams = KdfParams(),
    encrypt: bool = True,
    limits: Limits = Limits(),
) -> SyncSummary:
    """Import every other laptop's files from ``folder``, then write our own news.

    Files imported before are skipped (by hash and export id); a bad file is
    recorded in ``failures`` and the others still go in. Our file is named
    ``<site>_<hlc>.feltsync`` and written only when there is something new, or
    when ``OWN_FILES_KEPT`` of ours have piled up: then it holds everything and
    our older files are removed (``files_removed``).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise NotAFolderError(name=str(folder))
    summary = SyncSummary()
    files = sorted(p for p in folder.iterdir() if p.suffix == SUFFIX and p.is_file())
    own = [p for p in files if p.name.startswith(f"{store.site}_")]
    theirs = [p for p in files if p not in own]
    place = _place(folder)
    # One copy of the notebook before the first file that goes in covers the whole run:
    # a folder a team has used for a year holds hundreds of files.
    backup_once = functools.cache(lambda: _backup(store))
    for number, path in enumerate(theirs, 1):
        _report(progress, "folder", number, len(theirs))
        try:
            data = _read_file(path, limits)
            if changelog.was_imported(store, hashlib.sha256(data).hexdigest()):
                summary.files_skipped.append(path)
                continue
            summary.add(
                _import_bytes(
                    store,
                    data,
                    path,
                    passphrase,
                    progress=progress,
                    force=force,
                    again=False,
                    limits=limits,
                    folder=place,
                    backup=backup_once,
                )
            )
        except AlreadyImportedError:
            summary.files_skipped.append(path)
        except SyncError as error:
            logger.warning("skipped %s: %s", path, error.message("en"))
            summary.failures.append((path, error))
    # After an erasure (made here or brought by a file) our older files may still carry
    # the person: the tidy step replaces them by one file written from the purged notebook.
    pending = privacy.tidy_pending(store)
    tidy = len(own) >= OWN_FILES_KEPT or (pending and bool(own))
    if tidy or changelog.count_in(store, changelog.window(store, place, skip_echo=True)):
        target = folder / f"{store.site}_{store.clock.now()}{SUFFIX}"
        summary.add(
            export_file(
                store,
                target,
                passphrase,
                progress=progress,
                destination=place,
                kdf=kdf,
                encrypt=encrypt,
                skip_echo=True,
                full=tidy,
            )
        )
        if tidy:
            summary.files_removed = _remove_quietly(
                own
                + sorted(folder.glob(f"{store.site}_*{SUFFIX}.partial"))
                + sorted(folder.glob(f".{store.site}_*{SUFFIX}.*.partial"))
            )
    if pending and not any(path.exists() for path in own):
        privacy.tidied(store)
    return summary


def _remove_quietly(paths: list[Path]) -> list[Path]:
    """Remove files that are no longer needed; one that will not go stays (and is tried next time)."""
    removed = []
    for path in paths:
        try:
            path.unlink()
        except OSError as error:
            logger.warning("could not remove %s: %s", path, error)
        else:
            removed.append(path)
    return removed
