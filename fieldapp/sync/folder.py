"""The shared folder as a file-sync engine leaves it: file names, conflict copies, identity.

No SQL and no Qt: ``service.sync_folder`` puts these together with the notebook.

A laptop names its files ``<who>_<date>_<site>_<hlc>.feltsync``: ``who`` is the colleague's
or laptop's name made safe as a file name on every system (ASCII letters, digits and
hyphens, at most 32), ``date`` the day it was written, ``site`` the notebook's 16 hex digits
and ``hlc`` its clock. Files from before were named ``<site>_<hlc>.feltsync``; both parse.

Sync engines that see two versions of one file keep both under a changed name:
Syncthing ``x.sync-conflict-20260501-101500-ABCDEF7.feltsync``, Nextcloud and Dropbox
``x (conflicted copy 2026-05-01 101500).feltsync``, OneDrive ``x-LAPTOP-NAME.feltsync``.
Such a copy is still the file of the laptop named in ``x`` and is read like it.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

logger = logging.getLogger(__name__)

SUFFIX = ".feltsync"
IDENTITY_NAME = "feltbog-folder-id.txt"  # not hidden: some sync clients skip dot-files
_IDENTITY_HEAD = "Feltbog shared folder / delt mappe"

# The label is greedy, so the site and clock are the last such pair in the name.
_NAME = re.compile(
    r"^(?:(?P<who>.+)_(?P<day>\d{4}-\d{2}-\d{2})_)?(?P<site>[0-9a-f]{16})_(?P<hlc>\d{1,20})(?P<tail>.*)$"
)
_COPY_KINDS = (
    ("syncthing", re.compile(r"^\.sync-conflict-", re.IGNORECASE)),
    ("nextcloud", re.compile(r"^ ?\(.*conflicted copy.*\)", re.IGNORECASE)),
    ("onedrive", re.compile(r"^-[A-Za-z0-9][A-Za-z0-9 ._-]*$")),
)
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "ß": "ss"})
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)), *(f"LPT{n}" for n in range(10))}


@dataclass(frozen=True)
class FolderFile:
    path: Path
    site: str | None  # None: a sync file someone put there under a name of their own
    hlc: int
    who: str | None  # the name part, if the file has one
    copy: str | None  # None for the file itself, else the kind of conflict copy


def parse(path: Path) -> FolderFile | None:
    """What a file in the shared folder is, or None if it is no sync file (by its suffix)."""
    name = path.name
    if not name.endswith(SUFFIX):
        return None
    match = _NAME.match(name[: -len(SUFFIX)])
    if match is None:
        return FolderFile(path, None, 0, None, None)
    tail = match["tail"]
    copy = None
    if tail:
        copy = next((kind for kind, pattern in _COPY_KINDS if pattern.match(tail)), "other")
    return FolderFile(path, match["site"], int(match["hlc"]), match["who"], copy)


def listing(folder: Path) -> list[FolderFile]:
    """The sync files in a folder, oldest clock first (a file that vanishes meanwhile is left out)."""
    found = []
    for path in folder.iterdir():
        parsed = parse(path)
        if parsed is None:
            continue
        try:
            if not path.is_file():
                continue
        except OSError:
            continue
        found.append(parsed)
    return sorted(found, key=lambda f: (f.hlc, f.path.name))


def safe_label(text: str) -> str:
    """A name as a file-name part every system accepts: ``Søren Ærø`` -> ``Soeren-Aeroe``."""
    text = unicodedata.normalize("NFKD", text.translate(_DANISH))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:32].strip("-")
    if not text or text.upper() in _RESERVED:
        return "feltbog"
    return text


def file_name(who: str, site: str, hlc: int, day: date | None = None) -> str:
    day = day or date.today()
    return f"{safe_label(who)}_{day.isoformat()}_{site}_{hlc}{SUFFIX}"


def identity(folder: Path) -> str | None:
    """The folder's own id (from its identity file, made on first use), or None if the file
    cannot be read or written: then the folder is known by its path, as before."""
    path = folder / IDENTITY_NAME
    found = _read_identity(path)
    if found is not None:
        return found
    if path.exists():
        logger.warning("%s is not a Feltbog folder id; the folder is known by its path", path)
        return None
    made = str(uuid.uuid4())
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:  # another laptop made it just now
        return _read_identity(path)
    except OSError as error:
        logger.warning("cannot write %s: %s", path, error)
        return None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(f"{_IDENTITY_HEAD}\n{made}\n")
        handle.flush()
        os.fsync(handle.fileno())
    return made


def _read_identity(path: Path) -> str | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for line in lines[1:3]:
        try:
            return str(uuid.UUID(line.strip()))
        except ValueError:
            continue
    return None
