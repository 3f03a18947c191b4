"""Export, import and folder sync: what the CLI and the Sync dialog call.

Each function takes a ``Store``, a path, a passphrase (``None`` only for an
explicitly unencrypted file) and an optional ``progress(stage, done, total)``
callback, and returns a ``SyncSummary``. A refused file raises a ``SyncError``
and leaves the notebook exactly as it was.
"""

from __future__ import annotations

import functools
import gc
import glob
import hashlib
import logging
import os
import shutil
import socket
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fieldapp.domain.clock import ClockDriftError, HybridLogicalClock
from fieldapp.store import Store, changelog, conflicts, outputs, privacy, sync_state
from fieldapp.store.attachments import blob_path, image_problem, is_sha256
from fieldapp.sync import archive, envelope
from fieldapp.sync import folder as folder_mod
from fieldapp.sync.archive import Limits
from fieldapp.sync.envelope import KdfParams
from fieldapp.sync.errors import (
    AlreadyImportedError,
    BadContentError,
    CannotReadError,
    CannotWriteError,
    ClockFarAheadError,
    DamagedFileError,
    ForgedError,
    MassDeleteError,
    NewerFormatError,
    NotAFolderError,
    PassphraseNeededError,
    SyncError,
    TooLargeError,
    UnencryptedError,
    WrongPassphraseError,
    both,
)
from fieldapp.sync.validate import SITE, check_versions, parse_lines

logger = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
SUFFIX = folder_mod.SUFFIX
# A laptop keeps fewer than this many of its own files in a shared folder. At that many it
# writes one file with everything it has (but what it read from that folder) and removes
# its older ones: a folder used for a year would otherwise hold hundreds of files that
# every newcomer has to decrypt one by one. Nothing is lost: whatever an old file held is
# in this notebook, and so in the new file, or came from a colleague's file in the folder.
OWN_FILES_KEPT = 20
# The part of every sync file that does not depend on what it carries (header, manifest, zip
# directory): measured 540 bytes for an empty encrypted file, 470 unencrypted.
FILE_FIXED_BYTES = 560
# ... and a laptop's pile of files may be this many times one file holding it all.
OWN_FILES_SLACK = 1.5


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
    files_known_bad: list[Path] = field(default_factory=list)  # refused before and unchanged since
    # Folder sync goes on past a bad file; each refusal is kept as (file, error).
    failures: list[tuple[Path, SyncError]] = field(default_factory=list)
    backup: Path | None = None
    site_renewed: str | None = None  # the new site id, when a copy of this notebook was found

    def add(self, other: SyncSummary) -> None:
        for name in ("changes_out", "changes_in", "rows_changed", "conflicts", "blobs_out", "blobs_in"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.files_written += other.files_written
        self.files_imported += other.files_imported
        self.files_skipped += other.files_skipped
        self.files_removed += other.files_removed
        self.files_known_bad += other.files_known_bad
        self.failures += other.failures
        self.backup = other.backup or self.backup
        self.site_renewed = other.site_renewed or self.site_renewed


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
    data = envelope.seal(
        payload, passphrase if encrypt else None, kdf=kdf, team_salt=_team_salt(store) if encrypt else None
    )
    _report(progress, "write", 0, len(data))
    write_atomically(path, data)
    _report(progress, "write", len(data), len(data))
    changelog.record_export(store, place, win.upto, store.clock.last)
    summary.files_written.append(path)
    logger.info("exported %d changes to %s", summary.changes_out, path)
    return summary


def _team_salt(store: Store) -> bytes:
    salt = sync_state.team_salt(store)
    if salt is None:
        with store.transaction():
            salt = sync_state.adopt_team_salt(store, envelope.new_team_salt())
    return salt


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


def _read_blob(store: Store, sha: str) -> bytes | None:
    if not is_sha256(sha):
        return None
    try:
        content = blob_path(store.attachments_dir, sha).read_bytes()
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
    attachment_shas: set[str]  # the hashes the file's attachment versions name


def import_file(
    store: Store,
    path: str | os.PathLike[str],
    passphrase: str | None,
    *,
    progress: Progress | None = None,
    force: bool = False,
    again: bool = False,
    limits: Limits = Limits(),
    allow_unencrypted: bool = False,
) -> SyncSummary:
    """Merge a sync file into the notebook.

    Everything is checked first; then a backup is taken and the merge runs in one
    transaction. Refused (``SyncError``): a damaged, altered, foreign or oversized
    file, an unencrypted one (unless ``allow_unencrypted``: a hand import the user
    asked for explicitly), a wrong passphrase, invalid contents, blobs no attachment
    names or images that are not usable, versions that contradict this notebook's
    history, clocks far in the future, a file imported before (unless ``again``), or
    one that would delete more than half of the notebook's rows (unless ``force``).
    """
    path = Path(path)
    data = _read_file(path, limits)
    return _import_bytes(
        store,
        data,
        path,
        passphrase,
        progress=progress,
        force=force,
        again=again,
        limits=limits,
        allow_unencrypted=allow_unencrypted,
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
    allow_unencrypted: bool = False,
) -> SyncSummary:
    name = path.name
    if not allow_unencrypted and not envelope.is_encrypted(data, name):
        raise UnencryptedError(name=name)
    file_sha = hashlib.sha256(data).hexdigest()
    if not again and changelog.was_imported(store, file_sha):
        raise AlreadyImportedError(name=name)
    incoming = _unpack(data, name, file_sha, passphrase, progress, limits)
    if not again and changelog.was_imported(store, file_sha, incoming.manifest["export_id"]):
        raise AlreadyImportedError(name=name)
    _check_clock(store, incoming)
    _check_blobs(store, incoming, limits)
    _check_history(store, incoming)
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
            team_salt = envelope.team_salt_of(data)
            if team_salt is not None:  # the file opened, so its team salt is the team's
                sync_state.adopt_team_salt(store, team_salt)
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
    return _Incoming(
        name,
        file_sha,
        manifest,
        checked.rows,
        checked.values,
        checked.max_hlc,
        contents.blobs,
        checked.attachment_shas,
    )


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


def _check_blobs(store: Store, incoming: _Incoming, limits: Limits) -> None:
    """Attachment bytes: each named by an attachment, within the local limits, a usable image.

    Checked before anything is written: a blob no attachment version (in the file or
    in this notebook) names is refused, as is one larger than a local attachment may
    be, a file whose new blobs together exceed ``max_new_blob_bytes`` or the free
    disk space, and an image Pillow cannot read or that has too many pixels.
    """
    blobs = incoming.blobs
    if not blobs:
        return
    name = incoming.name

    def bad(sha: str, da: str, en: str) -> BadContentError:
        return BadContentError(
            name=name, detail=both(f"vedhæftning {sha[:12]}: {da}", f"attachment {sha[:12]}: {en}")
        )

    unnamed = set(blobs) - incoming.attachment_shas
    unnamed -= changelog.known_attachment_shas(store, unnamed)
    if unnamed:
        raise bad(min(unnamed), "ingen vedhæftning henviser til den", "no attachment refers to it")
    new = {
        sha: content for sha, content in blobs.items() if not blob_path(store.attachments_dir, sha).exists()
    }
    for sha, content in sorted(new.items()):
        if len(content) > limits.max_blob_bytes:
            raise TooLargeError(name=name, detail=f"{sha[:12]}: {len(content)} bytes")
    total = sum(map(len, new.values()))
    if total > limits.max_new_blob_bytes:
        raise TooLargeError(name=name, detail=f"{total} bytes of attachments")
    free = _free_space(store.attachments_dir)
    if free is not None and total + 64 * 1024**2 > free:
        raise CannotWriteError(
            name=name, detail=both("der er ikke plads nok på disken", "there is not enough disk space")
        )
    for sha, content in sorted(new.items()):
        problem = image_problem(content)
        if problem:
            raise bad(sha, f"billedet kan ikke bruges ({problem})", f"the image is not usable ({problem})")


def _free_space(folder: Path) -> int | None:
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            try:
                return shutil.disk_usage(candidate).free
            except OSError:
                return None
    return None


def _check_history(store: Store, incoming: _Incoming) -> None:
    """Refuse versions the laptops would silently disagree on (see ``changelog.contradiction``)."""
    found = changelog.contradiction(store, incoming.rows)
    if found is None:
        return
    version, own = found
    where = f"{version[0]} {version[1][:8]}… {version[2]}"
    if own:
        detail = both(
            f"en ændring i notesbogens eget navn, som den aldrig har lavet: {where}",
            f"a change in this notebook's own name that it never made: {where}",
        )
    else:
        detail = both(
            f"en kendt ændring med en anden værdi: {where}", f"a known change with a different value: {where}"
        )
    raise ForgedError(name=incoming.name, detail=detail, own=own)


def _backup(store: Store) -> Path | None:
    """The before-import copy: listed, compressed and rotated with every other backup."""
    from fieldapp.store import backups  # backups builds on Store, as this module does

    return backups.before_import(store)


def _write_blobs(store: Store, blobs: dict[str, bytes]) -> list[Path]:
    """Store incoming attachment bytes (hash-checked already); returns the new files."""
    written = []
    try:
        for sha, content in blobs.items():
            target = blob_path(store.attachments_dir, sha)  # checked hex; blob_path refuses anything else
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
# Refusals that say something about the file itself: remembered, and the file is skipped
# until it changes. A wrong passphrase, a mass delete, a clock ahead or a file that could
# not be read this time are the user's or the moment's, so they are reported each time.
_TRANSIENT = (
    PassphraseNeededError,
    WrongPassphraseError,
    MassDeleteError,
    ClockFarAheadError,
    CannotReadError,
    NewerFormatError,
)


def folder_place(store: Store, folder: Path) -> str:
    """How this notebook's bookkeeping names a shared folder: by its identity file, so a moved
    or re-mounted folder is the same folder (by its path when no identity can be made)."""
    path_place = _place(folder)
    found = folder_mod.identity(folder)
    if found is None:
        return path_place
    place = f"folder:{found}"
    if sync_state.move_folder_bookkeeping(store, path_place, place):
        logger.info("shared folder %s is now known by its id %s", folder, found)
    return place


def sync_folder(
    store: Store,
    folder: str | os.PathLike[str],
    passphrase: str | None,
    *,
    progress: Progress | None = None,
    force: bool = False,
    kdf: KdfParams = KdfParams(),
    limits: Limits = Limits(),
    who: str | None = None,
) -> SyncSummary:
    """Import every other laptop's files from ``folder``, then write our own news.

    Only files sealed with the team passphrase are imported (an unencrypted one is
    refused like any bad file), so a passphrase is required. Files imported before are
    skipped (by hash and export id). A file that vanishes meanwhile (a colleague's tidy) is
    passed over; a bad file is recorded in ``failures`` once, remembered, and then passed
    over (``files_known_bad``) until it changes; the others and our own write go on.
    Conflict copies made by the sync engine are read like any file that is not ours.

    Ours are the files this notebook remembers writing, and only those are ever removed.
    Our file (``folder.file_name``: ``who``, by default the laptop's name, the date, site and
    clock) holds what we typed or got by hand and no file in the folder holds (see
    docs/sync-folder.md). It is written only when there is something new, or when it is time
    to tidy (``_time_to_tidy``): then it holds all of that and our older files and left-over
    ``.partial`` files are removed (``files_removed``). A file that brings versions in this
    notebook's own site that it never made comes from a copy of this notebook: this notebook
    then takes a new site id (``site_renewed``) and imports the file like a colleague's.
    """
    folder = Path(folder)
    if not passphrase:
        raise PassphraseNeededError()
    if not folder.is_dir():
        raise NotAFolderError(name=str(folder))
    summary = SyncSummary()
    place = folder_place(store, folder)
    files = folder_mod.listing(folder)
    # Ours: the files this notebook remembers writing, and only those. A file named with our
    # site that we did not write (a sync engine's conflict copy, a copy of this notebook) is
    # read like a colleague's: an old one of ours brings nothing new, and one written by a
    # copy of this notebook shows itself there.
    written = changelog.own_files(store)
    if not changelog.adopted_own_files(store, place):
        # Once per folder: the files with our site in their name that an earlier version
        # wrote, before it kept the list (so that an erasure's tidy-up still replaces them).
        legacy = [f.path.name for f in files if f.site == store.site and not f.copy]
        changelog.adopt_own_files(store, place, legacy)
        written |= set(legacy)
    own = [f for f in files if f.path.name in written]
    to_read = [f for f in files if f.path.name not in written]
    # A sync engine's conflict copy of a file we wrote is ours to tidy away, once it was read.
    ours = {(p.site, p.hlc) for name in written if (p := folder_mod.parse(folder / name)) and p.site}
    own_copies = [f for f in to_read if f.copy and (f.site, f.hlc) in ours]
    bad = sync_state.bad_files(store, place)
    # One copy of the notebook before the first file that goes in covers the whole run:
    # a folder a team has used for a year holds hundreds of files.
    backup_once = functools.cache(lambda: _backup(store))
    for number, entry in enumerate(to_read, 1):
        _report(progress, "folder", number, len(to_read))
        _read_folder_file(store, entry, place, passphrase, bad, summary, progress, force, limits, backup_once)
    # Forget refusals of files that are gone, or that changed and went in.
    sync_state.forget_bad_files(store, place, {f.path.name for f in files} & set(bad))
    # After an erasure (made here or brought by a file) our older files may still carry
    # the person: the tidy step replaces them by one file written from the purged notebook.
    pending = privacy.tidy_pending(store)
    tidy = _time_to_tidy(own) or (pending and bool(own))
    if tidy or changelog.count_in(store, changelog.window(store, place, skip_echo=True)):
        name = folder_mod.file_name(who or socket.gethostname(), store.site, store.clock.now())
        # Remembered before writing, so that a crash's .partial is known to be ours too.
        changelog.remember_own_file(store, name)
        summary.add(
            export_file(
                store,
                folder / name,
                passphrase,
                progress=progress,
                destination=place,
                kdf=kdf,
                skip_echo=True,
                full=tidy,
            )
        )
        if tidy:
            written = changelog.own_files(store) - {name}
            # What a crash while writing one of them left (old and current temporary names).
            partials = [
                p
                for old in sorted(written)
                for p in [folder / f"{old}.partial", *sorted(folder.glob(f".{glob.escape(old)}.*.partial"))]
                if p.is_file()
            ]
            summary.files_removed = _remove_quietly([f.path for f in own + own_copies] + partials)
            changelog.forget_own_files(store, [n for n in written if not (folder / n).exists()])
    if pending and not any(f.path.exists() for f in own):
        privacy.tidied(store)
    return summary


def _part_from_copy(store: Store, path: Path, summary: SyncSummary) -> None:
    """A file brought versions in this notebook's own name that it never made: a copy of
    this notebook writes into the folder. This notebook takes a new site id, after which
    the copy's versions are a colleague's like any other (and the copy parts the same
    way when it reads our files)."""
    old = store.site
    summary.site_renewed = store.renew_site()
    logger.warning(
        "%s was written by a copy of this notebook (site %s); now site %s", path.name, old, store.site
    )


def _time_to_tidy(own: list[folder_mod.FolderFile]) -> bool:
    """Tidy when ``OWN_FILES_KEPT`` files have piled up, or earlier when they are mostly overhead.

    Every file carries the same fixed part (``FILE_FIXED_BYTES``). One file with everything
    is at most that part plus the data of all (it compresses better than many); a pile more
    than ``OWN_FILES_SLACK`` times that size is worth replacing (a quiet laptop's many small
    daily files would otherwise make the folder several times the team's data).
    """
    if len(own) >= OWN_FILES_KEPT:
        return True
    if len(own) < 3:
        return False
    sizes = []
    for entry in own:
        try:
            sizes.append(entry.path.stat().st_size)
        except OSError:
            continue
    if len(sizes) < 3:
        return False
    one_file = FILE_FIXED_BYTES + sum(max(0, size - FILE_FIXED_BYTES) for size in sizes)
    return sum(sizes) > OWN_FILES_SLACK * one_file


def _read_folder_file(
    store: Store,
    entry: folder_mod.FolderFile,
    place: str,
    passphrase: str | None,
    bad: dict[str, tuple[int, int]],
    summary: SyncSummary,
    progress: Progress | None,
    force: bool,
    limits: Limits,
    backup_once: Callable[[], Path | None],
) -> None:
    """Import one file of the shared folder into ``summary``; nothing it does stops the run."""
    path = entry.path
    try:
        stat = path.stat()
    except FileNotFoundError:
        return  # gone since the listing (a colleague tidied): nothing to read, nothing to say
    except OSError as error:
        summary.failures.append((path, CannotReadError(name=path.name, detail=error.strerror or str(error))))
        return
    seen = (stat.st_size, stat.st_mtime_ns)
    if bad.get(path.name) == seen:
        summary.files_known_bad.append(path)
        return
    try:
        data = _read_file(path, limits)
        if changelog.was_imported(store, hashlib.sha256(data).hexdigest()):
            summary.files_skipped.append(path)
            return
        for attempt in range(2):
            try:
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
                break
            except ForgedError as error:
                # Versions in our own site that we never made: a copy of this notebook (or our
                # state before a restore) wrote them. Part from it, then read it as a colleague's.
                if attempt or not error.params.get("own"):
                    raise
                _part_from_copy(store, path, summary)
        bad.pop(path.name, None)
    except AlreadyImportedError:
        summary.files_skipped.append(path)
    except CannotReadError as error:
        if isinstance(error.__cause__, FileNotFoundError):
            return  # vanished between the listing and the read
        summary.failures.append((path, error))
    except SyncError as error:
        logger.warning("skipped %s: %s", path, error.message("en"))
        summary.failures.append((path, error))
        if not isinstance(error, _TRANSIENT):
            sync_state.remember_bad_file(store, place, path.name, *seen, error.message("en"))
            bad[path.name] = seen
    except Exception as error:  # one file's surprise must not stop the others
        logger.exception("could not import %s", path)
        refused = DamagedFileError(name=path.name, detail=type(error).__name__)
        summary.failures.append((path, refused))
        sync_state.remember_bad_file(store, place, path.name, *seen, refused.message("en"))
        bad[path.name] = seen


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
