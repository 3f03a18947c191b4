"""Hostile and broken sync files: each is refused with a clear message, the notebook untouched."""

from __future__ import annotations

import gc
import io
import json
import os
import random
import struct
import zipfile
from datetime import datetime

import pytest
from sync_support import PASSPHRASE, craft, full_dump, open_notebook

from fieldapp.domain import Area
from fieldapp.domain.clock import pack
from fieldapp.store.attachments import MAX_ATTACHMENT_BYTES
from fieldapp.sync import SyncError, archive, envelope, export_file, import_file
from fieldapp.sync.archive import Limits
from fieldapp.sync.envelope import TEST_KDF
from fieldapp.sync.errors import (
    AlreadyImportedError,
    BadContentError,
    ClockFarAheadError,
    DamagedFileError,
    ForgedError,
    NewerFormatError,
    NotASyncFileError,
    TooLargeError,
    UnencryptedError,
    WrongPassphraseError,
)

AREA_ID = "01890a5d-ac96-774b-bcce-b302099a8057"
SITE = "0123456789abcdef"


def now_hlc() -> int:
    import time

    return pack(int(time.time() * 1000) - 60_000, 0)


def good_line(**changes) -> list:
    line = {
        "tbl": "areas",
        "row_id": AREA_ID,
        "field": "name",
        "value": "Hammel",
        "hlc": now_hlc(),
        "site": SITE,
        "prev": None,
    }
    line.update(changes)
    return list(line.values())


@pytest.fixture
def notebook(tmp_path):
    store = open_notebook(tmp_path / "nb")
    store.add(Area(name="Ry"))
    store.add(Area(name="Skanderborg"))
    yield store
    store.close()


@pytest.fixture
def valid_file(tmp_path):
    """A genuine export from a colleague's notebook."""
    other = open_notebook(tmp_path / "colleague")
    for n in range(40):
        other.add(Area(name=f"Landsby {n}", description="Beskrivelse " * 60))
    path = tmp_path / "colleague.feltsync"
    export_file(other, path, PASSPHRASE, kdf=TEST_KDF)
    other.close()
    return path


def refused(store, path, error_type, passphrase=PASSPHRASE, **kw):
    """Import must fail with ``error_type`` and leave the database and its files as they were."""
    before = full_dump(store)
    attachments = sorted(store.attachments_dir.rglob("*")) if store.attachments_dir.exists() else []
    clock = store.clock.last
    with pytest.raises(error_type) as caught:
        import_file(store, path, passphrase, **kw)
    error = caught.value
    assert isinstance(error, SyncError)
    for lang in ("da", "en"):
        text = error.message(lang)
        assert text and "\n" not in text and "{" not in text
    assert error.message("da") != error.message("en")
    assert full_dump(store) == before
    assert store.clock.last == clock
    assert (sorted(store.attachments_dir.rglob("*")) if store.attachments_dir.exists() else []) == attachments
    assert gc.isenabled(), "the import paused the cycle collector and left it off"
    return error


def test_the_genuine_file_is_accepted(notebook, valid_file):
    assert import_file(notebook, valid_file, PASSPHRASE).changes_in > 0


@pytest.mark.parametrize("keep", [0, 10, 40, 200, -1, -17])
def test_truncated_file(notebook, valid_file, keep, tmp_path):
    data = valid_file.read_bytes()
    cut = tmp_path / "cut.feltsync"
    cut.write_bytes(data[:keep] if keep >= 0 else data[:keep])
    refused(notebook, cut, (NotASyncFileError, DamagedFileError))


def test_bit_flips_anywhere(notebook, valid_file, tmp_path):
    data = bytearray(valid_file.read_bytes())
    header_end = 10 + struct.calcsize(">III16s16sI")
    for position in [
        8,
        9,
        11,
        14,
        20,
        40,
        header_end - 1,
        header_end + 2,
        header_end + 30,
        len(data) // 2,
        len(data) - 1,
    ]:
        flipped = bytearray(data)
        flipped[position] ^= 0x10
        bad = tmp_path / f"flip{position}.feltsync"
        bad.write_bytes(bytes(flipped))
        refused(notebook, bad, SyncError)


def test_wrong_passphrase(notebook, valid_file):
    error = refused(notebook, valid_file, WrongPassphraseError, passphrase="forkert frase")
    assert "adgangssætning" in error.message("da") and "passphrase" in error.message("en")


def _chunks(data: bytes) -> tuple[bytes, list[bytes]]:
    header_len = envelope.header_length(data)
    header, rest, chunks = data[:header_len], data[header_len:], []
    while rest:
        (length,) = struct.unpack(">I", rest[:4])
        chunks.append(rest[: 4 + length])
        rest = rest[4 + length :]
    return header, chunks


@pytest.fixture
def chunked_file(tmp_path):
    """A file with several chunks (small chunk size) and its parts."""
    other = open_notebook(tmp_path / "chunky")
    for n in range(30):
        other.add(
            Area(
                name=f"Sogn {n}",
                description="".join(random.choice("abcdefghijklmnopqrstuvwxyzæøå ") for _ in range(600)),
            )
        )
    path = tmp_path / "chunky.feltsync"
    export_file(other, path, PASSPHRASE, kdf=TEST_KDF)
    other.close()
    # Re-seal the same payload with small chunks.
    inner = envelope.open_sealed(path.read_bytes(), PASSPHRASE, max_payload=1 << 30)
    path.write_bytes(envelope.seal(inner, PASSPHRASE, kdf=TEST_KDF, chunk_size=4096))
    header, chunks = _chunks(path.read_bytes())
    assert len(chunks) >= 4
    return path, header, chunks


def test_reordered_dropped_and_duplicated_chunks(notebook, chunked_file, tmp_path):
    path, header, chunks = chunked_file
    variants = {
        "swapped": [chunks[1], chunks[0], *chunks[2:]],
        "dropped_middle": [chunks[0], *chunks[2:]],
        "dropped_last": chunks[:-1],
        "duplicated": [chunks[0], chunks[0], *chunks[1:]],
        "duplicated_last": [*chunks, chunks[-1]],
        "only_header": [],
    }
    for name, parts in variants.items():
        bad = tmp_path / f"{name}.feltsync"
        bad.write_bytes(header + b"".join(parts))
        refused(notebook, bad, DamagedFileError)
    import_file(notebook, path, PASSPHRASE)  # the untouched file still opens


def test_not_a_sync_file_and_a_newer_format(notebook, tmp_path):
    junk = tmp_path / "photo.feltsync"
    junk.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(100))
    refused(notebook, junk, NotASyncFileError)
    newer = tmp_path / "newer.feltsync"
    newer.write_bytes(b"FELTSYNC\x09\x01" + os.urandom(100))
    refused(notebook, newer, NewerFormatError)
    newer_inside = craft(tmp_path / "newer2.feltsync", [good_line()], manifest={"format_version": 99})
    refused(notebook, newer_inside, NewerFormatError)


def _raw_zip(tmp_path, name, members: list[tuple[str, bytes]], manifest_members=None, passphrase=PASSPHRASE):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        listed = manifest_members or {m: archive.sha256_hex(b) for m, b in members if m != archive.MANIFEST}
        manifest = {
            "format": "feltsync",
            "format_version": 1,
            "schema_version": 2,
            "site": SITE,
            "export_id": "6f0c8a43-3a8e-4c7e-9d0b-1f7e2a9c5b11",
            "sites": {},
            "counts": {"changes": 0},
            "members": listed,
        }
        zf.writestr(archive.MANIFEST, json.dumps(manifest))
        for member, content in members:
            zf.writestr(member, content)
    path = tmp_path / name
    path.write_bytes(envelope.seal(buffer.getvalue(), passphrase, kdf=TEST_KDF))
    return path


@pytest.mark.parametrize(
    "member", ["../evil", "/etc/passwd", "blobs/../../x", "C:\\\\win.ini", "blobs/" + "A" * 64, "notes.txt"]
)
def test_unexpected_member_names(notebook, tmp_path, member):
    path = _raw_zip(tmp_path, "names.feltsync", [(archive.CHANGES, b""), (member, b"x")])
    error = refused(notebook, path, DamagedFileError)
    assert "ukendt del" in error.message("da")
    assert not (tmp_path / "evil").exists()


def test_duplicate_member_names(notebook, tmp_path):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate we make on purpose
        path = _raw_zip(tmp_path, "dupe.feltsync", [(archive.CHANGES, b""), (archive.CHANGES, b"")])
    assert "to gange" in refused(notebook, path, DamagedFileError).message("da")


def test_zip_bomb(notebook, tmp_path):
    bomb = b"\n" * (64 * 1024 * 1024)
    path = _raw_zip(tmp_path, "bomb.feltsync", [(archive.CHANGES, bomb)])
    assert path.stat().st_size < 200_000
    refused(notebook, path, TooLargeError)
    refused(notebook, path, TooLargeError, limits=Limits(max_ratio=10_000, max_changes_bytes=1024 * 1024))


def test_hash_mismatch(notebook, tmp_path):
    content = json.dumps(good_line()).encode() + b"\n"
    path = _raw_zip(
        tmp_path, "hash.feltsync", [(archive.CHANGES, content)], manifest_members={archive.CHANGES: "0" * 64}
    )
    assert "kontrolsum" in refused(notebook, path, DamagedFileError).message("da")


def test_blob_not_named_by_its_hash(notebook, tmp_path):
    content = b"not the photo you expect"
    name = "blobs/" + "a" * 64
    path = _raw_zip(
        tmp_path,
        "blob.feltsync",
        [(archive.CHANGES, b""), (name, content)],
        manifest_members={archive.CHANGES: archive.sha256_hex(b""), name: archive.sha256_hex(content)},
    )
    refused(notebook, path, DamagedFileError)


def test_invalid_utf8(notebook, tmp_path):
    path = craft(
        tmp_path / "utf8.feltsync",
        [good_line()],
        raw_changes=b'["areas","'
        + AREA_ID.encode()
        + b'","name","Ry\xff\xfe",1,"'
        + SITE.encode()
        + b'",null]\n',
    )
    assert "UTF-8" in refused(notebook, path, BadContentError).message("en")


@pytest.mark.parametrize(
    "line, words",
    [
        (good_line(row_id="not-a-uuid"), "invalid id"),
        (good_line(row_id="01890A5D-AC96-774B-BCCE-B302099A8057"), "invalid id"),
        (good_line(tbl="sqlite_master"), "unknown table"),
        (good_line(tbl="areas; DROP TABLE areas"), "unknown table"),
        (good_line(field="id"), "unknown field"),
        (good_line(field="name = 'x' --"), "unknown field"),
        (good_line(field="created_at"), "unknown field"),
        (good_line(value=["a", "list"]), "not a scalar"),
        (good_line(value="x" * 301), "at most"),
        (good_line(value="Ring på 010190-1234"), "CPR"),
        (good_line(field="phase", value="flying"), "'flying'"),
        (good_line(field="_deleted", value="yes"), "deletion"),
        (good_line(hlc=-5), "invalid timestamp"),
        (good_line(hlc="12"), "invalid timestamp"),
        (good_line(hlc=True), "invalid timestamp"),
        (good_line(site="../../etc"), "invalid site"),
        (good_line(prev="drop table"), "invalid predecessor"),
        (["areas", AREA_ID, "name"], "wrong shape"),
        ({"tbl": "areas"}, "wrong shape"),
    ],
)
def test_bad_versions(notebook, tmp_path, line, words):
    path = craft(tmp_path / "bad.feltsync", [good_line(row_id="01890a5d-ac96-774b-bcce-b302099a8058"), line])
    message = refused(notebook, path, BadContentError).message("en")
    assert "line 2" in message and words in message, message


def test_a_lone_surrogate_is_not_text(notebook, tmp_path):
    # Valid JSON and valid UTF-8, but "\ud800" decodes to half a character that no database can store.
    raw = f'["areas","{AREA_ID}","name","Ry \\ud800",1,"{SITE}",null]\n'.encode()
    path = craft(tmp_path / "surrogate.feltsync", [good_line()], raw_changes=raw)
    message = refused(notebook, path, BadContentError).message("en")
    assert "line 1" in message and "invalid characters" in message


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_not_a_number_is_not_json(notebook, tmp_path, constant):
    raw = f'["observations","{AREA_ID}","lat",{constant},1,"{SITE}",null]\n'.encode()
    path = craft(tmp_path / "nan.feltsync", [good_line()], raw_changes=raw)
    assert "line 1 is not valid" in refused(notebook, path, BadContentError).message("en")


def test_values_must_be_in_the_stored_form(notebook, tmp_path):
    path = craft(tmp_path / "form.feltsync", [good_line(field="phase", value=" awaken")])
    assert "standard form" in refused(notebook, path, BadContentError).message("en")


def test_far_future_clock(notebook, tmp_path):
    import time

    future = pack(int(time.time() * 1000) + 10 * 24 * 3600 * 1000, 0)
    path = craft(tmp_path / "future.feltsync", [good_line(hlc=future)])
    assert "fremtiden" in refused(notebook, path, ClockFarAheadError).message("da")


def test_counts_must_match(notebook, tmp_path):
    path = craft(tmp_path / "count.feltsync", [good_line()], manifest={"counts": {"changes": 5}})
    refused(notebook, path, BadContentError)


def test_bad_manifest_fields(notebook, tmp_path):
    for n, bad in enumerate(
        [{"site": "../x"}, {"export_id": "nope"}, {"sites": {"x": "y"}}, {"schema_version": "2"}]
    ):
        refused(notebook, craft(tmp_path / f"m{n}.feltsync", [good_line()], manifest=bad), BadContentError)


def test_kdf_parameters_from_the_header_are_bounded(notebook, tmp_path):
    payload = archive.build({"format": "feltsync"}, b"", {})
    heavy = envelope.KdfParams(memory_kib=envelope.KdfParams.MAX_MEMORY_KIB * 4, iterations=1, lanes=1)
    sealed = bytearray(envelope.seal(payload, PASSPHRASE, kdf=TEST_KDF))
    struct.pack_into(">I", sealed, 10, heavy.memory_kib)
    path = tmp_path / "heavy.feltsync"
    path.write_bytes(bytes(sealed))
    refused(notebook, path, DamagedFileError)


def test_replayed_file(notebook, valid_file):
    import_file(notebook, valid_file, PASSPHRASE)
    error = refused(notebook, valid_file, AlreadyImportedError)
    assert "already been imported" in error.message("en")


def test_oversized_file_is_refused_before_reading(notebook, valid_file):
    refused(notebook, valid_file, TooLargeError, limits=Limits(max_file_bytes=100))


# Issue 13.3: a colleague's older app or a crafted file must not bring a CPR number in,
# however it is typed, in any text field or in an erasure marker.
@pytest.mark.parametrize(
    "line",
    [
        good_line(value="Ring på 010190 1234"),
        good_line(value="CPR-0101901234"),
        good_line(value="010190\u20131234"),
        good_line(value="0101\u200b90\u00ad1234"),
        good_line(value="0l0l90-l234"),
        good_line(value="010190\n1234"),
        good_line(field="description", value="Borger med cpr 01.01.90-1234 ringede"),
        good_line(tbl="people", field="_erased", value="010190-1234"),
        good_line(tbl="people", field="_erased", value="CPR 010190 1234"),
    ],
)
def test_cpr_numbers_in_any_form_are_refused(notebook, tmp_path, line):
    path = craft(tmp_path / "cpr.feltsync", [good_line(row_id="01890a5d-ac96-774b-bcce-b302099a8058"), line])
    message = refused(notebook, path, BadContentError).message("en")
    assert "line 2" in message and ("CPR" in message or "erasure marker" in message), message


# ===================================================== issue 12: only the team writes in
PHOTO_ID = "01890a5d-ac96-774b-bcce-b302099a8100"


def _png(width: int = 8, height: int = 6, *, bad_crc: bool = False) -> bytes:
    """A PNG built by hand: any size in its header, pixels for a tiny one only."""
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) ^ (0xFFFFFFFF if bad_crc and kind == b"IDAT" else 0)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(min(height, 64))) if width <= 4096 else b"\0"
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def attachment_lines(sha: str, row_id: str = PHOTO_ID, **extra) -> list[list]:
    values = {"sha256": sha, "filename": "torvet.png", "mime": "image/png", "size": 100, **extra}
    return [good_line(tbl="attachments", row_id=row_id, field=k, value=v) for k, v in values.items()]


def with_blob(tmp_path, name: str, content: bytes, lines=None, **kw):
    sha = archive.sha256_hex(content)
    return craft(
        tmp_path / name, attachment_lines(sha) if lines is None else lines, blobs={sha: content}, **kw
    )


def test_a_photo_from_a_colleague_goes_in(notebook, tmp_path):
    """The genuine case the checks below must leave alone."""
    photo = _png()
    import_file(notebook, with_blob(tmp_path, "photo.feltsync", photo), PASSPHRASE)
    (attachment,) = notebook.attachments()
    assert notebook.attachment_file(attachment).read_bytes() == photo
    assert notebook.thumbnail(attachment, size=64).exists()


@pytest.mark.parametrize("given", [PASSPHRASE, None])
def test_an_unencrypted_file_is_refused_unless_asked_for(notebook, tmp_path, given):
    path = craft(tmp_path / "plain.feltsync", [good_line()], passphrase=None)
    error = refused(notebook, path, UnencryptedError, passphrase=given)
    assert "not encrypted" in error.message("en") and "ikke krypteret" in error.message("da")
    assert import_file(notebook, path, given, allow_unencrypted=True).changes_in == 1


@pytest.mark.parametrize(
    "memory_kib, iterations, lanes",
    [
        (1024 * 1024, 1, 1),
        (envelope.KdfParams.MAX_MEMORY_KIB + 1024, 1, 1),
        (64 * 1024, 16, 4),
        (64 * 1024, 3, 16),
    ],
)
def test_a_header_asking_for_more_key_derivation_than_the_app_uses(
    notebook, tmp_path, memory_kib, iterations, lanes
):
    import time

    assert envelope.KdfParams().acceptable()  # what the app writes is within the bound
    payload = archive.build({"format": "feltsync"}, b"", {})
    sealed = bytearray(envelope.seal(payload, PASSPHRASE, kdf=TEST_KDF))
    struct.pack_into(">III", sealed, 10, memory_kib, iterations, lanes)
    path = tmp_path / "costly.feltsync"
    path.write_bytes(bytes(sealed))
    started = time.perf_counter()
    refused(notebook, path, DamagedFileError)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    "line, words",
    [
        (good_line(field="_erased", value=True), "areas cannot be erased"),
        (good_line(tbl="activities", field="_erased", value=True), "activities cannot be erased"),
        (good_line(tbl="people", field="_erased", value="yes"), "invalid erasure marker"),
        (good_line(tbl="people", field="_erased", value=1), "invalid erasure marker"),
        (good_line(tbl="participants", field="_erased", value=None), "invalid erasure marker"),
    ],
)
def test_erasure_markers_only_where_erasure_exists(notebook, tmp_path, line, words):
    for n, lines in enumerate(
        ([line], [good_line(row_id="01890a5d-ac96-774b-bcce-b302099a8058")] * 1 + [line])
    ):
        message = refused(notebook, craft(tmp_path / f"erase{n}.feltsync", lines), BadContentError).message(
            "en"
        )
        assert words in message, message


@pytest.mark.parametrize(
    "sha",
    [
        "../../../../etc/passwd",
        "A" * 64,
        "a" * 63,
        "g" * 64,
        "ab/" + "c" * 61,
        "/" + "d" * 63,
        "C:\\" + "e" * 61,
    ],
)
def test_attachment_hashes_are_64_lowercase_hex(notebook, tmp_path, sha):
    message = refused(
        notebook, craft(tmp_path / "sha.feltsync", attachment_lines(sha)), BadContentError
    ).message("en")
    assert "64 lowercase hex" in message


def test_a_bad_hash_already_in_a_notebook_never_becomes_a_path(notebook, tmp_path):
    """An older import let one in: reports, thumbnails and export see a missing file, no traceback."""
    from fieldapp.domain import Activity, Attachment
    from fieldapp.reports import ReportOptions, export_activity_report
    from fieldapp.store.attachments import blob_path
    from fieldapp.store.errors import BlobMissingError

    secret = tmp_path / "secret.txt"
    secret.write_bytes(_png())
    walk = notebook.add(
        Activity(kind="walkabout", title="Byvandring i Ry", starts_at=datetime(2026, 5, 1, 10))
    )
    attachment = notebook.add(
        Attachment(sha256="a" * 64, filename="x.png", mime="image/png", size=1, activity_id=walk.id)
    )
    notebook.conn.execute(
        "UPDATE attachments SET sha256 = ? WHERE id = ?", (f"../../{secret.name}", attachment.id)
    )
    bad = notebook.attachments(activity_id=walk.id)[0]
    with pytest.raises(ValueError):
        blob_path(notebook.attachments_dir, bad.sha256)
    with pytest.raises(BlobMissingError):
        notebook.attachment_file(bad)
    with pytest.raises(BlobMissingError):
        notebook.thumbnail(bad)
    export_activity_report(notebook, walk.id, tmp_path / "r.pdf", ReportOptions(lang="en"))
    export_file(notebook, tmp_path / "out.feltsync", PASSPHRASE, kdf=TEST_KDF)


def test_a_blob_no_attachment_names_is_refused(notebook, tmp_path):
    stray = _png()
    path = craft(tmp_path / "stray.feltsync", [good_line()], blobs={archive.sha256_hex(stray): stray})
    assert "no attachment refers to it" in refused(notebook, path, BadContentError).message("en")


def test_a_blob_the_notebook_already_names_is_welcome(notebook, tmp_path):
    photo = _png(5, 5)
    sha = archive.sha256_hex(photo)
    import_file(notebook, craft(tmp_path / "rows.feltsync", attachment_lines(sha)), PASSPHRASE)
    later = craft(
        tmp_path / "bytes.feltsync",
        [good_line(row_id="01890a5d-ac96-774b-bcce-b302099a8059")],
        blobs={sha: photo},
        manifest={"export_id": "6f0c8a43-3a8e-4c7e-9d0b-1f7e2a9c5b12"},
    )
    assert import_file(notebook, later, PASSPHRASE).blobs_in == 1


def test_blob_sizes_are_bounded_before_anything_is_written(notebook, tmp_path):
    photo = _png(40, 40)
    path = with_blob(tmp_path, "big.feltsync", photo)
    refused(notebook, path, TooLargeError, limits=Limits(max_blob_bytes=len(photo) - 1))
    refused(notebook, path, TooLargeError, limits=Limits(max_new_blob_bytes=len(photo) - 1))
    assert Limits().max_blob_bytes == MAX_ATTACHMENT_BYTES


@pytest.mark.parametrize("shape", ["bomb", "damaged"])
def test_images_are_checked_before_they_are_stored(notebook, tmp_path, shape):
    picture = _png(50_000, 50_000) if shape == "bomb" else _png(bad_crc=True)
    message = refused(notebook, with_blob(tmp_path, f"{shape}.feltsync", picture), BadContentError).message(
        "en"
    )
    assert "image is not usable" in message


def test_a_decompression_bomb_already_stored_is_a_placeholder(notebook, tmp_path):
    from pypdf import PdfReader

    from fieldapp.domain import Activity
    from fieldapp.reports import ReportOptions, export_activity_report
    from fieldapp.store.errors import AttachmentUnreadableError

    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(_png(50_000, 50_000))
    walk = notebook.add(
        Activity(kind="walkabout", title="Byvandring i Ry", starts_at=datetime(2026, 5, 1, 10))
    )
    attachment = notebook.import_attachment(bomb, activity_id=walk.id)  # a local file is not checked
    with pytest.raises(AttachmentUnreadableError):
        notebook.thumbnail(attachment)
    target = tmp_path / "rapport.pdf"
    export_activity_report(notebook, walk.id, target, ReportOptions(lang="en"))
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert "could not be read" in " ".join(text.split())


@pytest.mark.parametrize("where", ["changes", "manifest"])
def test_deeply_nested_json_is_a_one_line_refusal(notebook, tmp_path, where):
    deep = "[" * 100_000 + "]" * 100_000
    if where == "changes":
        path = craft(tmp_path / "deep.feltsync", [good_line()], raw_changes=(deep + "\n").encode())
    else:
        path = _raw_zip(tmp_path, "deep.feltsync", [(archive.CHANGES, b"")])
        payload = envelope.open_sealed(path.read_bytes(), PASSPHRASE, max_payload=1 << 30)
        buffer = io.BytesIO()
        with (
            zipfile.ZipFile(io.BytesIO(payload)) as old,
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new,
        ):
            for info in old.infolist():
                new.writestr(info.filename, deep if info.filename == archive.MANIFEST else old.read(info))
        path.write_bytes(envelope.seal(buffer.getvalue(), PASSPHRASE, kdf=TEST_KDF))
    refused(notebook, path, BadContentError)


def test_a_version_in_the_receivers_own_name_is_forged(notebook, tmp_path):
    mine = notebook.list(Area)[0]
    key = notebook.conn.execute(
        "SELECT hlc FROM field_versions WHERE row_id = ? AND field = 'name'", (mine.id,)
    ).fetchone()[0]
    cases = {
        "unknown": good_line(site=notebook.site, value="Vi har aldrig skrevet dette"),
        "changed": good_line(
            tbl="areas", row_id=mine.id, field="name", value="Falsk", hlc=key, site=notebook.site
        ),
    }
    for name, line in cases.items():
        error = refused(notebook, craft(tmp_path / f"{name}.feltsync", [line]), ForgedError)
        assert "copy of this notebook" in error.message("en")
        assert ("own name" if name == "unknown" else "different value") in error.message("en")
    echo = good_line(tbl="areas", row_id=mine.id, field="name", value=mine.name, hlc=key, site=notebook.site)
    assert import_file(notebook, craft(tmp_path / "echo.feltsync", [echo]), PASSPHRASE).changes_in == 0


def test_a_known_version_with_another_value_is_forged(notebook, tmp_path):
    first = good_line()
    import_file(notebook, craft(tmp_path / "first.feltsync", [first]), PASSPHRASE)
    other = [*first[:3], "Noget andet", *first[4:]]
    path = craft(
        tmp_path / "second.feltsync", [other], manifest={"export_id": "6f0c8a43-3a8e-4c7e-9d0b-1f7e2a9c5b13"}
    )
    assert "different value" in refused(notebook, path, ForgedError).message("en")


def test_genuine_echoes_are_not_forgeries(tmp_path):
    """A's versions travel to B and come back in B's full export: nothing is refused."""
    anne, bo = open_notebook(tmp_path / "anne"), open_notebook(tmp_path / "bo")
    anne.add(Area(name="Hammel"))
    export_file(anne, tmp_path / "a.feltsync", PASSPHRASE, kdf=TEST_KDF)
    import_file(bo, tmp_path / "a.feltsync", PASSPHRASE)
    bo.add(Area(name="Galten"))
    export_file(bo, tmp_path / "b.feltsync", PASSPHRASE, kdf=TEST_KDF, full=True)
    assert import_file(anne, tmp_path / "b.feltsync", PASSPHRASE).changes_in > 0
    assert anne.count(Area) == 2
    anne.close()
    bo.close()


def test_own_versions_purged_by_an_erasure_are_not_forgeries(tmp_path):
    """Bo's file, made before Anne's erasure reached him, still carries Anne's versions of the person."""
    from fieldapp.domain import Person
    from fieldapp.store import privacy

    anne, bo = open_notebook(tmp_path / "anne"), open_notebook(tmp_path / "bo")
    person = anne.add(Person(name="Karen Holm", phone="12345678"))
    export_file(anne, tmp_path / "a.feltsync", PASSPHRASE, kdf=TEST_KDF)
    import_file(bo, tmp_path / "a.feltsync", PASSPHRASE)
    privacy.erase_person(anne, person.id)
    export_file(bo, tmp_path / "b.feltsync", PASSPHRASE, kdf=TEST_KDF, full=True)
    import_file(anne, tmp_path / "b.feltsync", PASSPHRASE)
    assert anne.find(Person, person.id) is None
    anne.close()
    bo.close()
