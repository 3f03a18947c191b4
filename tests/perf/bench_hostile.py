"""Hostile sync files: every kind is refused, the notebook unchanged, cheaply.

Each kind is built with the project's own sealing code and the app's real key
derivation (so the content passes the crypto and reaches the checks), at most
1 MB on disk, and imported into a notebook holding some data. Per kind: refused
with a one-line ``SyncError``, ``iterdump`` byte-identical afterwards, the time
taken and the process's peak resident memory during the attempt (Linux: the peak
is reset before each file through ``/proc/self/clear_refs``).

Targets (issue 12): all kinds refused with the notebook unchanged; no refused file
under 1 MB costs more than 2 s or 300 MB.
Run: ``python tests/perf/run.py --only hostile``.
"""

from __future__ import annotations

import io
import json
import struct
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from sync_support import PASSPHRASE, craft

from fieldapp.domain import Activity, Area, Attachment, Person
from fieldapp.domain.clock import pack
from fieldapp.store import Store
from fieldapp.sync import SyncError, archive, envelope, export_file, import_file
from fieldapp.sync.envelope import KdfParams

KDF = KdfParams()  # what the app writes
MAX_FILE = 1024 * 1024
TARGET_S = 2.0
TARGET_MB = 300
ROW = "01890a5d-ac96-774b-bcce-b302099a8057"
OTHER_SITE = "0123456789abcdef"


def _now() -> int:
    return pack(int(time.time() * 1000) - 60_000, 0)


def line(tbl="areas", row_id=ROW, field="name", value="Hammel", hlc=None, site=OTHER_SITE, prev=None) -> list:
    return [tbl, row_id, field, value, hlc or _now(), site, prev]


def _png(width: int, height: int, *, bad_crc: bool = False) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) ^ (0xFFFFFFFF if bad_crc and kind == b"IDAT" else 0)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height)) if width * height < 10_000 else b"\0"
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _attachment(sha: str) -> list[list]:
    fields = {"sha256": sha, "filename": "foto.png", "mime": "image/png", "size": 10}
    return [line("attachments", "01890a5d-ac96-774b-bcce-b302099a8100", k, v) for k, v in fields.items()]


def _with_blob(path: Path, content: bytes, lines: list | None = None) -> Path:
    sha = archive.sha256_hex(content)
    return craft(path, _attachment(sha) if lines is None else lines, blobs={sha: content}, kdf=KDF)


def _reseal(path: Path, payload: bytes) -> Path:
    path.write_bytes(envelope.seal(payload, PASSPHRASE, kdf=KDF))
    return path


def _zip(members: dict[str, bytes], manifest: dict | bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(archive.MANIFEST, manifest if isinstance(manifest, bytes) else json.dumps(manifest))
        for name, content in members.items():
            zf.writestr(name, content)
    return buffer.getvalue()


def _manifest(members: dict[str, bytes], **extra) -> dict:
    return {
        "format": "feltsync",
        "format_version": 1,
        "schema_version": 2,
        "site": OTHER_SITE,
        "export_id": "6f0c8a43-3a8e-4c7e-9d0b-1f7e2a9c5b11",
        "sites": {},
        "counts": {"changes": 0},
        "members": {m: archive.sha256_hex(c) for m, c in members.items()},
        **extra,
    }


def _kdf_header(path: Path, memory_kib: int, iterations: int, lanes: int) -> Path:
    sealed = bytearray(envelope.seal(archive.build({"format": "feltsync"}, b"", {}), PASSPHRASE, kdf=KDF))
    struct.pack_into(">III", sealed, 10, memory_kib, iterations, lanes)
    path.write_bytes(bytes(sealed))
    return path


# What each kind must be refused as (a refusal for another reason would hide a missing check).
EXPECTED = {
    "unencrypted": "UnencryptedError",
    "kdf_memory_1gib": "DamagedFileError",
    "kdf_iterations": "DamagedFileError",
    "kdf_lanes": "DamagedFileError",
    "wrong_passphrase": "WrongPassphraseError",
    "truncated": "DamagedFileError",
    "bit_flip": "DamagedFileError",
    "zip_bomb_changes": "TooLargeError",
    "member_path_traversal": "DamagedFileError",
    "hash_mismatch": "DamagedFileError",
    "deep_json_changes": "BadContentError",
    "deep_json_manifest": "BadContentError",
    "unknown_table": "BadContentError",
    "sql_in_field_name": "BadContentError",
    "cpr_number": "BadContentError",
    "far_future_clock": "ClockFarAheadError",
    "erasure_on_area": "BadContentError",
    "erasure_bad_value": "BadContentError",
    "sha_path_traversal": "BadContentError",
    "sha_uppercase": "BadContentError",
    "unreferenced_blob": "BadContentError",
    "blob_bomb": "TooLargeError",
    "image_decompression_bomb": "BadContentError",
    "image_damaged": "BadContentError",
    "forged_own_site": "ForgedError",
    "forged_changed_value": "ForgedError",
    "mass_delete": "MassDeleteError",
}


def kinds(store: Store, folder: Path) -> dict[str, Callable[[Path], Path]]:
    """name -> builder(path) of one hostile file aimed at ``store``."""
    mine = store.list(Area)[0]
    my_hlc = store.conn.execute(
        "SELECT hlc FROM field_versions WHERE row_id = ? AND field = 'name'", (mine.id,)
    ).fetchone()[0]
    deep = "[" * 90_000 + "]" * 90_000  # parses to nothing but a RecursionError; passes the ZIP ratio check
    genuine = folder / "genuine.feltsync"
    colleague = Store.open(folder / "colleague.sqlite")
    colleague.add(Area(name="Landsby"))
    export_file(colleague, genuine, PASSPHRASE, kdf=KDF)
    colleague.close()
    good = genuine.read_bytes()

    def flip(path: Path) -> Path:
        data = bytearray(good)
        data[len(data) // 2] ^= 0x10
        path.write_bytes(bytes(data))
        return path

    return {
        "unencrypted": lambda p: craft(p, [line()], passphrase=None),
        "kdf_memory_1gib": lambda p: _kdf_header(p, 1024 * 1024, 1, 1),
        "kdf_iterations": lambda p: _kdf_header(p, 64 * 1024, 64, 4),
        "kdf_lanes": lambda p: _kdf_header(p, 64 * 1024, 3, 255),
        "wrong_passphrase": lambda p: (p.write_bytes(envelope.seal(b"x", "forkert", kdf=KDF)), p)[1],
        "truncated": lambda p: (p.write_bytes(good[: len(good) // 2]), p)[1],
        "bit_flip": flip,
        "zip_bomb_changes": lambda p: _reseal(
            p, _zip({archive.CHANGES: b"\n" * (200 * 1024 * 1024)}, _manifest({archive.CHANGES: b""}))
        ),
        "member_path_traversal": lambda p: _reseal(
            p,
            _zip(
                {archive.CHANGES: b"", "../../evil": b"x"},
                _manifest({archive.CHANGES: b"", "../../evil": b"x"}),
            ),
        ),
        "hash_mismatch": lambda p: _reseal(
            p, _zip({archive.CHANGES: b"[]\n"}, _manifest({archive.CHANGES: b"other"}))
        ),
        "deep_json_changes": lambda p: craft(p, [line()], raw_changes=(deep + "\n").encode(), kdf=KDF),
        "deep_json_manifest": lambda p: _reseal(p, _zip({archive.CHANGES: b""}, deep.encode())),
        "unknown_table": lambda p: craft(p, [line(tbl="sqlite_master")], kdf=KDF),
        "sql_in_field_name": lambda p: craft(p, [line(field="name = 'x' --")], kdf=KDF),
        "cpr_number": lambda p: craft(p, [line(value="Ring på 010190-1234")], kdf=KDF),
        "far_future_clock": lambda p: craft(
            p, [line(hlc=pack(int(time.time() * 1000) + 30 * 86_400_000, 0))], kdf=KDF
        ),
        "erasure_on_area": lambda p: craft(p, [line(field="_erased", value=True)], kdf=KDF),
        "erasure_bad_value": lambda p: craft(p, [line(tbl="people", field="_erased", value="x")], kdf=KDF),
        "sha_path_traversal": lambda p: craft(p, _attachment("../../../../home/user/.ssh/id_rsa"), kdf=KDF),
        "sha_uppercase": lambda p: craft(p, _attachment("A" * 64), kdf=KDF),
        "unreferenced_blob": lambda p: _with_blob(p, b"stray bytes", [line()]),
        "blob_bomb": lambda p: _reseal(
            p,
            _zip(
                {archive.CHANGES: b"", "blobs/" + "0" * 64: b"\0" * (300 * 1024 * 1024)},
                _manifest({archive.CHANGES: b""}),
            ),
        ),
        "image_decompression_bomb": lambda p: _with_blob(p, _png(60_000, 60_000)),
        "image_damaged": lambda p: _with_blob(p, _png(16, 16, bad_crc=True)),
        "forged_own_site": lambda p: craft(p, [line(site=store.site, value="Aldrig skrevet her")], kdf=KDF),
        "forged_changed_value": lambda p: craft(
            p, [line(row_id=mine.id, value="Falsk", hlc=my_hlc, site=store.site)], kdf=KDF
        ),
        "mass_delete": lambda p: craft(
            p,
            [
                line(t, r, "_deleted", True, hlc=pack(int(time.time() * 1000) + 1000, 0))
                for t, r in _all_rows(store)
            ],
            kdf=KDF,
        ),
    }


def _all_rows(store: Store) -> list[tuple[str, str]]:
    return [(e.TABLE, e.id) for cls in (Area, Person, Activity) for e in store.list(cls)]


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _peak_mb() -> float:
    for text in Path("/proc/self/status").read_text().splitlines():
        if text.startswith("VmHWM:"):
            return int(text.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _notebook(folder: Path) -> Store:
    store = Store.open(folder / "feltbog.sqlite")
    for n in range(5):
        store.add(Area(name=f"Område {n}", description="Noter " * 20))
    store.add(Person(name="Anne Jensen"))
    store.add(Activity(kind="walkabout", title="Byvandring", starts_at="2026-05-01T10:00"))
    store.add(Attachment(sha256="b" * 64, filename="kort.pdf", mime="application/pdf", size=1))
    return store


def run(args) -> list[dict]:
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = _notebook(folder)
        cases = kinds(store, folder)
        tried = refused_clean = 0
        worst_s = worst_mb = 0.0
        baseline = _peak_mb()
        for name, build in cases.items():
            path = build(folder / f"{name}.feltsync")
            size = path.stat().st_size
            before = list(store.conn.iterdump())
            files_before = sorted(store.attachments_dir.rglob("*")) if store.attachments_dir.exists() else []
            resettable = _reset_peak()
            started = time.perf_counter()
            outcome = "accepted"
            try:
                import_file(store, path, PASSPHRASE)
            except SyncError as error:
                outcome = type(error).__name__
                one_line = all("\n" not in error.message(lang) for lang in ("da", "en"))
            else:
                one_line = False
            seconds = time.perf_counter() - started
            peak = _peak_mb()
            unchanged = (
                list(store.conn.iterdump()) == before
                and (sorted(store.attachments_dir.rglob("*")) if store.attachments_dir.exists() else [])
                == files_before
            )
            ok = outcome == EXPECTED[name] and one_line and unchanged
            tried += 1
            refused_clean += ok
            worst_s = max(worst_s, seconds)
            worst_mb = max(worst_mb, peak)
            figures.append(
                {
                    "kind": name,
                    "file_bytes": size,
                    "refused_as": outcome,
                    "expected": EXPECTED[name],
                    "db_unchanged": unchanged,
                    "seconds": round(seconds, 3),
                    "peak_rss_mb": round(peak, 1) if resettable else None,
                    "ok": ok and size < MAX_FILE and seconds <= TARGET_S and peak <= TARGET_MB,
                }
            )
        store.close()
    figures.append(
        {
            "summary": "hostile files",
            "kinds_tried": tried,
            "refused_with_db_unchanged": refused_clean,
            "worst_seconds": round(worst_s, 3),
            "worst_peak_rss_mb": round(worst_mb, 1),
            "rss_before_mb": round(baseline, 1),
            "target": f"all refused, <= {TARGET_S} s and <= {TARGET_MB} MB per file under 1 MB",
            "ok": refused_clean == tried and worst_s <= TARGET_S and worst_mb <= TARGET_MB,
        }
    )
    return figures
