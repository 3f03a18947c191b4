"""Checking every field version in a sync file before any of it is used.

The whitelist comes from the domain: each entity's table and its field specs,
plus the ``_deleted``/``_erased`` markers. Names from the file are only ever used
to *look up* the whitelist; what goes on to the database is the whitelist's own
string, and every value must already be in the exact form the store writes.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain import BY_TABLE
from fieldapp.domain.fields import FieldError, FieldSpec, coerce, encode
from fieldapp.domain.ids import is_uuid
from fieldapp.store import DELETED, ERASED
from fieldapp.store.attachments import is_sha256
from fieldapp.store.privacy import LINK_TABLES
from fieldapp.store.store import MAX_PARENTS
from fieldapp.sync.errors import BadContentError, TooLargeError, both

SITE = re.compile(r"[0-9a-f]{8,64}")
_KEY = r"[0-9]{1,19}:[0-9a-f]{8,64}"
PREV = re.compile(rf"{_KEY}(?:,{_KEY}){{0,{MAX_PARENTS - 1}}}")
HLC_MAX = (1 << 63) - 1
MARKERS = (DELETED, ERASED)
# Erasure exists for people and the rows that only link them (see fieldapp.store.privacy):
# an erasure marker anywhere else would make an area or an activity vanish for good.
ERASABLE = frozenset({"people", *LINK_TABLES})
# Fields whose text becomes part of a file name: nothing but a well-formed hash.
HASH_FIELDS = frozenset({("attachments", "sha256")})

# tbl -> field -> spec (None for the markers); keys are the canonical strings.
WHITELIST: dict[str, dict[str, FieldSpec | None]] = {
    tbl: {**{spec.name: spec for spec in cls.specs()}, **{m: None for m in MARKERS}}
    for tbl, cls in BY_TABLE.items()
}
_CANONICAL_TABLE = {tbl: tbl for tbl in WHITELIST}
_CANONICAL_FIELD = {tbl: {name: name for name in fields} for tbl, fields in WHITELIST.items()}


@dataclass
class Checked:
    """The validated contents of ``changes.jsonl``."""

    rows: list[tuple[str, str, str, str, int, str, str | None]]
    values: list[Any]  # each row's value, decoded (what the row tables store)
    max_hlc: int = 0
    attachment_shas: set[str] = field(default_factory=set)


def parse_lines(raw: bytes, *, name: str, max_changes: int) -> list[Any]:
    """``changes.jsonl`` as a list of decoded lines."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadContentError(
            name=name,
            detail=both(
                f"ændringerne er ikke gyldig UTF-8 (byte {error.start})",
                f"the changes are not valid UTF-8 (byte {error.start})",
            ),
        ) from None
    text = text.strip("\n")
    if not text:
        return []
    count = text.count("\n") + 1
    if count > max_changes:
        raise TooLargeError(name=name, detail=f"{count} changes")
    # One call to the C parser: a JSON string cannot hold a raw newline, so joining the
    # lines with commas gives one array (each item is checked below). The text itself is
    # let go first: a big file's text is 100 MB, and its parsed lines need many times that.
    joined = f"[{text.replace(chr(10), ',')}]"
    del text
    try:
        items = json.loads(joined, parse_constant=_no_constant)
    except (ValueError, RecursionError):  # RecursionError: nested thousands of levels deep
        items = None
    del joined
    if items is None or len(items) != count:
        for number, line in enumerate(raw.decode("utf-8").strip("\n").split("\n"), 1):
            try:
                item = json.loads(line, parse_constant=_no_constant)
            except (ValueError, RecursionError):
                item = None
            if not isinstance(item, list):
                raise BadContentError(
                    name=name, detail=both(f"linje {number} er ikke gyldig", f"line {number} is not valid")
                )
        raise BadContentError(
            name=name, detail=both("ændringerne er ikke gyldige", "the changes are not valid")
        )
    return items


def _no_constant(name: str) -> None:
    """NaN and Infinity are not JSON, although Python's parser takes them."""
    raise ValueError(f"{name} is not a JSON value")


def check_versions(
    items: list[Any], *, name: str, progress: Callable[[int, int], None] | None = None
) -> Checked:
    """Every item must be a well-formed, whitelisted version with a valid value.

    A big file is checked column by column (each distinct table, field, id, site
    and non-text value once); anything that does not pass there is checked again
    line by line, which names the first bad line.
    """
    if progress:
        progress(0, len(items))
    checked = _check_columns(items)
    if checked is not None:
        if progress:
            progress(len(items), len(items))
        return checked
    return _check_lines(items, name=name, progress=progress)


def _check_columns(items: list[Any]) -> Checked | None:
    """All items at once, or None when something needs a closer look.

    Applies exactly the line checker's rules (the same functions where there are
    any), so it never accepts what ``_check_lines`` would refuse.
    """
    if not items:
        return Checked(rows=[], values=[])
    try:
        if set(map(type, items)) != {list} or set(map(len, items)) != {7}:
            return None
        tbls, ids, fields, values, hlcs, sites, prevs = zip(*items, strict=True)
        # Each distinct (table, field, value type, value); unhashable values raise TypeError.
        distinct = set(zip(tbls, fields, map(type, values), values, strict=True))
        if not set(map(type, hlcs)) <= {int} or min(hlcs) <= 0 or max(hlcs) > HLC_MAX:
            return None
        # One string object per distinct id and site: the parser made a new one per line.
        one_id = dict(zip(ids, ids, strict=True))
        one_site = dict(zip(sites, sites, strict=True))
        if not all(is_uuid(row_id) for row_id in one_id):
            return None
        if not all(type(site) is str and SITE.fullmatch(site) for site in one_site):
            return None
        if not all(prev is None or (type(prev) is str and PREV.fullmatch(prev)) for prev in set(prevs)):
            return None
        known_types = set(_SCALARS)
        for tbl, field_name, kind, value in distinct:
            fields_of = WHITELIST.get(tbl) if type(tbl) is str else None
            if fields_of is None or type(field_name) is not str or field_name not in fields_of:
                return None
            if kind not in known_types:
                return None
            _check_text(value)
            spec = fields_of[field_name]
            if spec is None:
                _check_marker(tbl, field_name, value)
            else:
                _check_value(spec, value)
                if (tbl, field_name) in HASH_FIELDS:
                    _check_hash(value)
    except (_Bad, TypeError):
        return None
    # The whitelist's own (interned) strings go on, never the file's.
    rows = list(
        zip(
            map(sys.intern, tbls),
            map(one_id.__getitem__, ids),
            map(sys.intern, fields),
            map(_dump, values),
            hlcs,
            map(one_site.__getitem__, sites),
            prevs,
            strict=True,
        )
    )
    shas = {
        value for tbl, field_name, _, value in distinct if tbl == "attachments" and field_name == "sha256"
    }
    return Checked(rows=rows, values=list(values), max_hlc=max(hlcs), attachment_shas=shas)


def _check_lines(items: list[Any], *, name: str, progress: Callable[[int, int], None] | None) -> Checked:
    rows = []
    values = []
    max_hlc = 0
    shas: set[str] = set()
    checker = _Checker()
    total = len(items)
    for number, item in enumerate(items, 1):
        if progress and number % 100_000 == 0:
            progress(number, total)
        try:
            row = checker.check(item)
        except _Bad as bad:
            raise BadContentError(
                name=name, detail=both(f"linje {number}: {bad.da}", f"line {number}: {bad.en}")
            ) from None
        rows.append(row)
        values.append(item[3])
        if row[4] > max_hlc:
            max_hlc = row[4]
        if row[2] == "sha256" and row[0] == "attachments":
            shas.add(item[3])
    return Checked(rows=rows, values=values, max_hlc=max_hlc, attachment_shas=shas)


class _Bad(Exception):
    def __init__(self, da: str, en: str):
        self.da, self.en = da, en


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_SCALARS = (str, int, float, bool, type(None))
# Exactly what json.dumps(value, ensure_ascii=False) writes, without its per-call overhead
# (a million calls in a big file).
_ENCODE_TEXT = json.encoder.c_encode_basestring or json.encoder.py_encode_basestring  # type: ignore[attr-defined]


def _dump(value: str | int | float | bool | None) -> str:
    kind = type(value)
    if kind is str:
        return _ENCODE_TEXT(value)  # type: ignore[arg-type]  # type(value) is str
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    return float.__repr__(value)  # finite: the parser refuses NaN and Infinity


class _Checker:
    """Checks versions one by one, remembering what it has already seen to be valid.

    Ids, sites and non-text values repeat a great deal in a big file; text values
    are always checked in full (length, CPR numbers).
    """

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.sites: set[str] = set()
        self.values: set[tuple[int, type, Any]] = set()

    def check(self, item: Any) -> tuple[str, str, str, str, int, str, str | None]:
        if type(item) is not list or len(item) != 7:
            raise _Bad("forkert form", "wrong shape")
        tbl_in, row_id, field_in, value, hlc, site, prev = item
        tbl = _CANONICAL_TABLE.get(tbl_in) if type(tbl_in) is str else None
        if tbl is None:
            raise _Bad(f"ukendt tabel {_short(tbl_in)}", f"unknown table {_short(tbl_in)}")
        field_name = _CANONICAL_FIELD[tbl].get(field_in) if type(field_in) is str else None
        if field_name is None:
            raise _Bad(
                f"ukendt felt {_short(field_in)} i {tbl}", f"unknown field {_short(field_in)} in {tbl}"
            )
        if row_id not in self.ids:
            if not is_uuid(row_id):
                raise _Bad(f"ugyldigt id {_short(row_id)}", f"invalid id {_short(row_id)}")
            self.ids.add(row_id)
        if type(hlc) is not int or not 0 < hlc <= HLC_MAX:
            raise _Bad(f"ugyldigt tidsstempel {_short(hlc)}", f"invalid timestamp {_short(hlc)}")
        if site not in self.sites:
            if type(site) is not str or not SITE.fullmatch(site):
                raise _Bad(f"ugyldig afsender {_short(site)}", f"invalid site {_short(site)}")
            self.sites.add(site)
        if prev is not None and not (type(prev) is str and PREV.fullmatch(prev)):
            raise _Bad(f"ugyldig forgænger {_short(prev)}", f"invalid predecessor {_short(prev)}")
        if type(value) not in _SCALARS:
            raise _Bad(
                f"værdien {_short(value)} er ikke en enkelt værdi",
                f"the value {_short(value)} is not a scalar",
            )
        _check_text(value)
        spec = WHITELIST[tbl][field_name]
        if spec is None:
            _check_marker(tbl, field_name, value)
        elif spec.kind == "text" or (id(spec), type(value), value) not in self.values:
            _check_value(spec, value)
            if spec.kind != "text":
                self.values.add((id(spec), type(value), value))
        if (tbl, field_name) in HASH_FIELDS:
            _check_hash(value)
        return (tbl, row_id, field_name, _dump(value), hlc, site, prev)


def _check_text(value: Any) -> None:
    if type(value) is str and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate ("\\ud800") parses, but is no text
            raise _Bad("teksten indeholder ugyldige tegn", "the text holds invalid characters") from None


def _check_marker(tbl: str, field_name: str, value: Any) -> None:
    if field_name == DELETED and type(value) is not bool:
        raise _Bad("en sletning skal være true eller false", "a deletion must be true or false")
    if field_name == ERASED:
        if tbl not in ERASABLE:
            raise _Bad(f"{tbl} kan ikke slettes efter GDPR", f"{tbl} cannot be erased")
        if value is not True:  # what erasure writes; it is never undone
            raise _Bad("ugyldig sletningsmarkør", "invalid erasure marker")


def _check_hash(value: Any) -> None:
    if value is not None and not is_sha256(value):
        raise _Bad(
            f"kontrolsummen {_short(value)} er ikke 64 små hex-cifre",
            f"the hash {_short(value)} is not 64 lowercase hex digits",
        )


def _check_value(spec: FieldSpec, value: Any) -> None:
    """The value must be valid for its field and already in the form the store writes."""
    try:
        canonical = encode(spec, coerce(spec, value))
    except FieldError as error:
        raise _Bad(error.message("da"), error.message("en")) from None
    if canonical != value or (value is not None and type(value) is not spec.kind.json_type):
        raise _Bad(
            f"{spec.label('da')}: værdien {_short(value)} er ikke på standardform",
            f"{spec.label('en')}: the value {_short(value)} is not in standard form",
        )
