"""The inner layer: a ZIP held in memory with a manifest, the changes and blobs.

Members, and nothing else::

    manifest.json    format and schema version, site, export id, per-site highest
                     HLC, counts, and the SHA-256 of every other member
    changes.jsonl    one field version per line: [tbl, row_id, field, value, hlc, site, prev]
    blobs/<sha256>   attachment bytes, named by their own hash

Reading never trusts the file: names are matched against that fixed shape (never
joined to a path), sizes and counts are limited before and while unpacking, and
every member's hash is checked against the manifest.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from fieldapp.store.attachments import MAX_ATTACHMENT_BYTES
from fieldapp.sync.errors import BadContentError, DamagedFileError, NewerFormatError, TooLargeError, both

FORMAT = "feltsync"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHANGES = "changes.jsonl"
BLOB_PREFIX = "blobs/"
_BLOB_NAME = re.compile(r"blobs/([0-9a-f]{64})")
_SHA = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Limits:
    """How much an imported file may hold; generous for real notebooks, fatal to bombs."""

    max_file_bytes: int = 2 * 1024**3
    max_unpacked_bytes: int = 4 * 1024**3
    max_changes_bytes: int = 1536 * 1024**2
    max_manifest_bytes: int = 16 * 1024**2
    max_blob_bytes: int = MAX_ATTACHMENT_BYTES  # the limit of a local attachment
    max_new_blob_bytes: int = 2 * 1024**3  # what one file may add to the attachments folder
    max_members: int = 200_000
    max_changes: int = 10_000_000
    max_ratio: int = 200  # unpacked / packed, per member


@dataclass
class Archive:
    manifest: dict[str, Any]
    changes: bytes
    blobs: dict[str, bytes] = field(default_factory=dict)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build(manifest: dict[str, Any], changes: bytes, blobs: dict[str, bytes]) -> bytes:
    """The ZIP bytes; ``manifest`` gains the member hashes."""
    members = {CHANGES: sha256_hex(changes)}
    for sha in sorted(blobs):
        members[BLOB_PREFIX + sha] = sha
    manifest = {**manifest, "members": members}
    buffer = io.BytesIO()
    # Level 1: field versions compress well even at the fastest setting.
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1))
        zf.writestr(CHANGES, changes)
        for sha in sorted(blobs):
            # Photos are compressed already.
            zf.writestr(BLOB_PREFIX + sha, blobs[sha], compress_type=zipfile.ZIP_STORED)
    return buffer.getvalue()


def _damaged(name: str, da: str, en: str) -> DamagedFileError:
    return DamagedFileError(name=name, detail=both(da, en))


def read(data: bytes, *, name: str, limits: Limits) -> Archive:
    """Unpack and check the ZIP; a ``SyncError`` if anything is off."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise _damaged(
            name, f"indholdet kan ikke pakkes ud ({error})", f"the contents cannot be unpacked ({error})"
        ) from error
    if len(infos) > limits.max_members:
        raise TooLargeError(name=name, detail=f"{len(infos)} members")
    seen: set[str] = set()
    total = 0
    for info in infos:
        member = info.filename
        if member in seen:
            raise _damaged(name, f"»{member[:80]}« findes to gange", f"'{member[:80]}' occurs twice")
        seen.add(member)
        if member not in (MANIFEST, CHANGES) and not _BLOB_NAME.fullmatch(member):
            raise _damaged(name, f"ukendt del »{member[:80]}«", f"unknown member '{member[:80]}'")
        if info.flag_bits & 0x1:
            raise _damaged(name, "ZIP-kryptering bruges ikke", "ZIP encryption is not used")
        cap = _cap(member, limits)
        if info.file_size > cap:
            raise TooLargeError(name=name, detail=f"{member}: {info.file_size} bytes")
        if info.file_size > limits.max_ratio * max(info.compress_size, 1024):
            raise TooLargeError(
                name=name, detail=f"{member}: ratio {info.file_size // max(info.compress_size, 1)}"
            )
        total += info.file_size
        if total > limits.max_unpacked_bytes:
            raise TooLargeError(name=name, detail=f"> {limits.max_unpacked_bytes} bytes")
    if MANIFEST not in seen or CHANGES not in seen:
        raise _damaged(name, "manifest eller ændringer mangler", "the manifest or the changes are missing")
    contents = {member: _read_member(zf, member, _cap(member, limits), name) for member in seen}
    manifest = _parse_manifest(contents.pop(MANIFEST), name)
    listed = manifest["members"]
    if set(listed) != set(contents):
        raise _damaged(
            name,
            "manifestets liste passer ikke med indholdet",
            "the manifest's list does not match the contents",
        )
    for member, payload in contents.items():
        digest = sha256_hex(payload)
        if digest != listed[member]:
            raise _damaged(
                name,
                f"kontrolsummen for »{member}« passer ikke",
                f"the checksum of '{member}' does not match",
            )
        blob = _BLOB_NAME.fullmatch(member)
        if blob and blob.group(1) != digest:
            raise _damaged(
                name,
                f"»{member}« har ikke sit eget navn som kontrolsum",
                f"'{member}' is not named by its hash",
            )
    changes = contents.pop(CHANGES)
    blobs = {_BLOB_NAME.fullmatch(m).group(1): b for m, b in contents.items()}  # type: ignore[union-attr]
    return Archive(manifest=manifest, changes=changes, blobs=blobs)


def _cap(member: str, limits: Limits) -> int:
    if member == MANIFEST:
        return limits.max_manifest_bytes
    if member == CHANGES:
        return limits.max_changes_bytes
    return limits.max_blob_bytes


def _read_member(zf: zipfile.ZipFile, member: str, cap: int, name: str) -> bytes:
    """Read at most ``cap`` bytes, whatever the directory claims."""
    try:
        with zf.open(member) as handle:
            payload = handle.read(cap + 1)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        EOFError,
        OSError,
        NotImplementedError,
    ) as error:
        raise _damaged(
            name, f"»{member}« kan ikke pakkes ud ({error})", f"'{member}' cannot be unpacked ({error})"
        ) from error
    except Exception as error:
        raise _damaged(
            name, f"»{member}« kan ikke pakkes ud ({error})", f"'{member}' cannot be unpacked ({error})"
        ) from error
    if len(payload) > cap:
        raise TooLargeError(name=name, detail=f"{member}: > {cap} bytes")
    return payload


def _parse_manifest(raw: bytes, name: str) -> dict[str, Any]:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadContentError(
            name=name, detail=both("manifestet er ikke gyldig JSON", "the manifest is not valid JSON")
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BadContentError(
            name=name, detail=both("manifestet er ukendt", "the manifest is not recognised")
        )
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise BadContentError(
            name=name, detail=both("manifestet mangler en version", "the manifest has no version")
        )
    if version > FORMAT_VERSION:
        raise NewerFormatError(name=name)
    members = manifest.get("members")
    if not isinstance(members, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and _SHA.fullmatch(v) for k, v in members.items()
    ):
        raise BadContentError(
            name=name, detail=both("manifestets liste er ugyldig", "the manifest's member list is invalid")
        )
    return manifest
