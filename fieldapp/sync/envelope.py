"""The outer layer of a ``.feltsync`` file: a small header, then the payload.

Layout (all integers big-endian)::

    magic "FELTSYNC" | version u8 | mode u8 (0 plain, 1 encrypted)
    encrypted only:  memory_kib u32 | iterations u32 | lanes u32 | salt 16 B
                     | key check 16 B | chunk size u32
                     | team salt 16 B (version 2 only)
    then, plain:     the payload bytes
          encrypted: chunks, each  length u32 | AES-256-GCM ciphertext+tag

Version 2 (written now): the *team key* and a key check come from Argon2id over the
team passphrase and the team salt (kept in every notebook of the team, carried in every
header); the file's key is HKDF-SHA256 of the team key with the file's own random salt.
Reading 400 files of one team costs one Argon2id (the team key is kept in memory for
the process), and a guess at the passphrase still costs one Argon2id. Version 1 (read
only): the file's key came from Argon2id over the passphrase and the file's salt.
The key check lets a wrong passphrase be told apart from a damaged file. Every chunk is
sealed with nonce = its index and associated data = header | index u64 | last u8,
so a changed header, a reordered, dropped, duplicated or extra chunk, or a file
cut short all fail to open.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldapp.sync.errors import (
    DamagedFileError,
    NewerFormatError,
    NotASyncFileError,
    PassphraseNeededError,
    TooLargeError,
    WrongPassphraseError,
    both,
)

MAGIC = b"FELTSYNC"
VERSION = 2
READABLE_VERSIONS = (1, 2)
PLAIN, ENCRYPTED = 0, 1
CHUNK_SIZE = 1 << 20
SALT_LEN = 16
CHECK_LEN = 16
_PREFIX = struct.Struct(">8sBB")
_KDF = struct.Struct(">III16s16sI")
_TEAM = struct.Struct(">16s")  # version 2: the team salt after the version-1 fields
_FILE_KEY_INFO = b"feltsync v2 file key"
_LEN = struct.Struct(">I")
_TAG_LEN = 16

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default follows RFC 9106's second recommendation."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    # What an imported header may ask for, checked before any derivation: what this
    # app writes (the defaults above) with a small margin, so that a crafted 600-byte
    # header cannot cost a gigabyte and half a minute. Worst case measured: 0.6 s and
    # about 100 MB (96 MiB, 4 passes, 8 lanes); the default costs 0.27 s.
    MAX_MEMORY_KIB = 96 * 1024
    MAX_ITERATIONS = 4
    MAX_LANES = 8

    def acceptable(self) -> bool:
        return (
            1 <= self.lanes <= self.MAX_LANES
            and 8 * self.lanes <= self.memory_kib <= self.MAX_MEMORY_KIB
            and 1 <= self.iterations <= self.MAX_ITERATIONS
        )


# Cheap parameters for tests only; never the default.
TEST_KDF = KdfParams(memory_kib=64, iterations=1, lanes=1)


def new_team_salt() -> bytes:
    return os.urandom(SALT_LEN)


@functools.lru_cache(maxsize=8)
def _team_key(passphrase: str, team_salt: bytes, params: KdfParams) -> tuple[bytes, bytes]:
    """The team key and key check: the one Argon2id a process pays per team (and passphrase)."""
    return _derive(passphrase, team_salt, params)


def _file_key(team_key: bytes, file_salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=file_salt, info=_FILE_KEY_INFO).derive(team_key)


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> tuple[bytes, bytes]:
    material = Argon2id(
        salt=salt,
        length=64,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(passphrase.encode("utf-8"))
    key, verifier = material[:32], material[32:]
    return key, hashlib.sha256(b"feltsync key check" + verifier).digest()[:CHECK_LEN]


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + index.to_bytes(8, "big") + (b"\x01" if last else b"\x00")


def _nonce(index: int) -> bytes:
    # A fresh random file salt gives every file its own key, so a counter nonce is unique.
    return index.to_bytes(12, "big")


def seal(
    payload: bytes,
    passphrase: str | None,
    *,
    kdf: KdfParams = KdfParams(),
    chunk_size: int = CHUNK_SIZE,
    team_salt: bytes | None = None,
) -> bytes:
    """Wrap ``payload``; ``passphrase=None`` means an unencrypted file (explicit choice).

    ``team_salt`` is the notebook's (see ``fieldapp.store.sync_state.team_salt``); without
    one the file gets a fresh team salt of its own (and costs its reader one Argon2id).
    """
    if passphrase is None:
        return _PREFIX.pack(MAGIC, VERSION, PLAIN) + payload
    if not passphrase:
        raise PassphraseNeededError()
    team_salt = team_salt or new_team_salt()
    if len(team_salt) != SALT_LEN:
        raise ValueError("a team salt has 16 bytes")
    team_key, check = _team_key(passphrase, team_salt, kdf)
    salt = os.urandom(SALT_LEN)
    key = _file_key(team_key, salt)
    header = (
        _PREFIX.pack(MAGIC, VERSION, ENCRYPTED)
        + _KDF.pack(kdf.memory_kib, kdf.iterations, kdf.lanes, salt, check, chunk_size)
        + _TEAM.pack(team_salt)
    )
    aead = AESGCM(key)
    parts = [header]
    count = max(1, -(-len(payload) // chunk_size))
    view = memoryview(payload)
    for index in range(count):
        last = index == count - 1
        sealed = aead.encrypt(
            _nonce(index),
            bytes(view[index * chunk_size : (index + 1) * chunk_size]),
            _aad(header, index, last),
        )
        parts.append(_LEN.pack(len(sealed)))
        parts.append(sealed)
    return b"".join(parts)


def is_encrypted(data: bytes, name: str = "") -> bool:
    return _read_prefix(data, name) == ENCRYPTED


def _read_prefix(data: bytes, name: str) -> int:
    if len(data) < _PREFIX.size or data[: len(MAGIC)] != MAGIC:
        raise NotASyncFileError(name=name)
    _, version, mode = _PREFIX.unpack_from(data)
    if version > VERSION:
        raise NewerFormatError(name=name)
    if version not in READABLE_VERSIONS or mode not in (PLAIN, ENCRYPTED):
        raise NotASyncFileError(name=name)
    return mode


def header_length(data: bytes) -> int:
    """How long the header of a sealed file is (its version decides)."""
    if _read_prefix(data, "") == PLAIN:
        return _PREFIX.size
    return _PREFIX.size + _KDF.size + (_TEAM.size if data[len(MAGIC)] >= 2 else 0)


def team_salt_of(data: bytes) -> bytes | None:
    """The team salt an encrypted version-2 file carries (None for others or a short file)."""
    if len(data) < _PREFIX.size + _KDF.size + _TEAM.size or data[: len(MAGIC)] != MAGIC:
        return None
    _, version, mode = _PREFIX.unpack_from(data)
    if version != 2 or mode != ENCRYPTED:
        return None
    return _TEAM.unpack_from(data, _PREFIX.size + _KDF.size)[0]


def open_sealed(  # noqa: C901  one straight list of refusals, read top to bottom
    data: bytes,
    passphrase: str | None,
    *,
    name: str = "",
    max_payload: int,
    progress: Progress | None = None,
) -> bytes:
    """The payload of a sealed file, or a ``SyncError`` saying why not."""
    mode = _read_prefix(data, name)
    if mode == PLAIN:
        payload = data[_PREFIX.size :]
        if len(payload) > max_payload:
            raise TooLargeError(name=name, detail=f"{len(payload)} bytes")
        return payload
    if not passphrase:
        raise PassphraseNeededError(name=name)
    version = data[len(MAGIC)]
    header_len = _PREFIX.size + _KDF.size + (_TEAM.size if version >= 2 else 0)
    if len(data) < header_len:
        raise DamagedFileError(name=name, detail=both("hovedet er afkortet", "the header is cut short"))
    header = data[:header_len]
    memory_kib, iterations, lanes, salt, check, chunk_size = _KDF.unpack_from(data, _PREFIX.size)
    params = KdfParams(memory_kib=memory_kib, iterations=iterations, lanes=lanes)
    if not params.acceptable() or not 1 <= chunk_size <= 64 * CHUNK_SIZE:
        raise DamagedFileError(
            name=name, detail=both("ugyldige parametre i hovedet", "invalid header parameters")
        )
    if version >= 2:
        (team_salt,) = _TEAM.unpack_from(data, _PREFIX.size + _KDF.size)
        team_key, expected = _team_key(passphrase, team_salt, params)
        key = _file_key(team_key, salt)
    else:
        key, expected = _derive(passphrase, salt, params)
    if not hmac.compare_digest(check, expected):
        raise WrongPassphraseError(name=name)
    aead = AESGCM(key)
    out: list[bytes] = []
    size = 0
    pos, index, total = header_len, 0, len(data)
    while True:
        if pos == total:
            raise DamagedFileError(name=name, detail=both("filen er afkortet", "the file is cut short"))
        if pos + _LEN.size > total:
            raise DamagedFileError(name=name, detail=both("filen er afkortet", "the file is cut short"))
        (length,) = _LEN.unpack_from(data, pos)
        pos += _LEN.size
        if not _TAG_LEN <= length <= chunk_size + _TAG_LEN or pos + length > total:
            raise DamagedFileError(
                name=name, detail=both(f"blok {index} er ugyldig", f"block {index} is invalid")
            )
        sealed = data[pos : pos + length]
        pos += length
        plain = None
        for last in (pos == total, pos != total):  # the likely flag first
            try:
                plain = aead.decrypt(_nonce(index), sealed, _aad(header, index, last))
            except InvalidTag:
                continue
            if last and pos != total:
                raise DamagedFileError(
                    name=name,
                    detail=both("der er data efter sidste blok", "there is data after the last block"),
                )
            if not last and pos == total:
                raise DamagedFileError(name=name, detail=both("filen er afkortet", "the file is cut short"))
            break
        if plain is None:
            raise DamagedFileError(
                name=name,
                detail=both(f"blok {index} er ændret eller flyttet", f"block {index} was altered or moved"),
            )
        size += len(plain)
        if size > max_payload:
            raise TooLargeError(name=name, detail=f"> {max_payload} bytes")
        out.append(plain)
        if progress:
            progress("decrypt", pos, total)
        index += 1
        if pos == total:
            return b"".join(out)
