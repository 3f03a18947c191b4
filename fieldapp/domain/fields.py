"""Field specifications: what each stored field is, how it is checked and encoded.

One spec per field drives validation, the SQLite encoding, the sync whitelist
(which tables and fields an imported file may touch, with which types) and the
full-text index. Values in Python are typed (``date``, ``datetime``, enums, bool);
in SQLite and in field versions they are plain JSON scalars.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from fieldapp.domain.cpr import find_cpr, masked
from fieldapp.domain.enums import Vocabulary
from fieldapp.domain.i18n import message, pick
from fieldapp.domain.ids import is_uuid

TEXT_MAX = 20_000
SHORT_MAX = 300


class FieldKind(StrEnum):
    """What a field holds; it decides how a value is checked, stored, synced and edited."""

    TEXT = "text"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    DATE = "date"
    DATETIME = "datetime"
    ENUM = "enum"
    REF = "ref"  # the id of a row in another table (``FieldSpec.ref``)

    @property
    def json_type(self) -> type:
        """The type of a stored value in SQLite and in a sync file (``encode``'s result).

        The sync whitelist: an incoming version of a field must hold exactly this type.
        """
        return _JSON_TYPE[self]


_JSON_TYPE: dict[FieldKind, type] = {
    FieldKind.TEXT: str,
    FieldKind.INT: int,
    FieldKind.FLOAT: float,
    FieldKind.BOOL: int,  # 0 or 1, as SQLite stores it
    FieldKind.DATE: str,  # ISO 8601
    FieldKind.DATETIME: str,  # ISO 8601, local wall-clock time
    FieldKind.ENUM: str,  # the member's code
    FieldKind.REF: str,  # a UUID
}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: FieldKind  # a code ("text") is turned into the member
    label_da: str
    label_en: str
    required: bool = False
    max_len: int = SHORT_MAX
    enum: type[Vocabulary] | None = None
    ref: str | None = None  # the table a ref points into
    searchable: bool = False  # goes into the full-text index
    personal: bool = False  # personal data, removed on erasure
    minimum: float | None = None
    maximum: float | None = None
    multiline: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", FieldKind(self.kind))  # an unknown kind fails at import

    def label(self, lang: str | None = None) -> str:
        return pick({"da": self.label_da, "en": self.label_en}, lang)


class FieldError(ValueError):
    """One field failed validation; ``key`` names a message in ``i18n.MESSAGES``."""

    def __init__(self, spec: FieldSpec | None, key: str, **params: Any):
        self.spec = spec
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    @property
    def field(self) -> str | None:
        return self.spec.name if self.spec else None

    def message(self, lang: str | None = None) -> str:
        label = self.spec.label(lang) if self.spec else ""
        params = dict(self.params)
        if self.spec is not None and self.spec.enum is not None and "choices" in params:
            params["choices"] = ", ".join(member.label(lang) for member in self.spec.enum)
        return message(self.key, lang, field=label, **params)


class ValidationError(ValueError):
    """One or more fields are invalid. ``message(lang)`` reads well to a user."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        return " ".join(error.message(lang) for error in self.errors)

    def for_field(self, name: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == name]


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def parse_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value).strip())


def parse_datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    else:
        text = str(value).strip().replace(" ", "T", 1)
        moment = datetime.fromisoformat(text)
    # Activity times are local wall-clock times as staff typed them; an aware
    # value is converted to naive local time.
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.replace(microsecond=0)


def coerce(spec: FieldSpec, value: Any) -> Any:
    """Check one value against its spec; return the typed Python value or raise."""
    if isinstance(value, str) and spec.kind is not FieldKind.TEXT:
        value = value.strip() or None
    if value is None or (spec.kind is FieldKind.TEXT and value == ""):
        if spec.required:
            raise FieldError(spec, "required")
        return None  # an empty text is stored as NULL, like any absent value
    return _COERCE[spec.kind](spec, value)


def _text(spec: FieldSpec, value: Any) -> str:
    if not isinstance(value, str):
        raise FieldError(spec, "bad_choice", value=value, choices="text")
    if spec.required and not value.strip():
        raise FieldError(spec, "required")
    if len(value) > spec.max_len:
        raise FieldError(spec, "too_long", max=spec.max_len)
    if (number := find_cpr(value)) is not None:
        raise FieldError(spec, "cpr_number", number=masked(number))
    if spec.name == "email" and value.strip() and not _EMAIL.match(value.strip()):
        raise FieldError(spec, "bad_email", value=value)
    return value


def _bool(spec: FieldSpec, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value in (0, 1):
        return bool(value)
    raise FieldError(spec, "bad_choice", value=value, choices="true, false")


def _number(spec: FieldSpec, value: Any) -> int | float:
    whole = spec.kind is FieldKind.INT
    try:
        if isinstance(value, bool):
            raise ValueError
        number = int(value) if whole else float(value)
        if whole and isinstance(value, float) and value != number:
            raise ValueError
    except (TypeError, ValueError):
        raise FieldError(spec, "bad_number", value=value) from None
    if not whole and not math.isfinite(number):
        raise FieldError(spec, "bad_number", value=value)
    if spec.minimum is not None and number < spec.minimum:
        key = "negative" if spec.minimum == 0 else "bad_coordinate"
        raise FieldError(spec, key, value=value)
    if spec.maximum is not None and number > spec.maximum:
        raise FieldError(spec, "bad_coordinate", value=value)
    return number


def _date(spec: FieldSpec, value: Any) -> date:
    try:
        return parse_date(value)
    except (TypeError, ValueError):
        raise FieldError(spec, "bad_date", value=value) from None


def _datetime(spec: FieldSpec, value: Any) -> datetime:
    try:
        return parse_datetime(value)
    except (TypeError, ValueError):
        raise FieldError(spec, "bad_datetime", value=value) from None


def _enum(spec: FieldSpec, value: Any) -> Vocabulary:
    assert spec.enum is not None, f"{spec.name}: an enum field names its vocabulary"
    try:
        return spec.enum(value)
    except ValueError:
        choices = ", ".join(member.value for member in spec.enum)
        raise FieldError(spec, "bad_choice", value=value, choices=choices) from None


def _ref(spec: FieldSpec, value: Any) -> str:
    if not is_uuid(value):
        raise FieldError(spec, "bad_uuid", value=value)
    return value


# One checker per kind; a kind without one fails the tests (tests/test_fields.py).
_COERCE: dict[FieldKind, Callable[[FieldSpec, Any], Any]] = {
    FieldKind.TEXT: _text,
    FieldKind.INT: _number,
    FieldKind.FLOAT: _number,
    FieldKind.BOOL: _bool,
    FieldKind.DATE: _date,
    FieldKind.DATETIME: _datetime,
    FieldKind.ENUM: _enum,
    FieldKind.REF: _ref,
}


def encode(spec: FieldSpec, value: Any) -> Any:
    """Typed Python value -> SQLite / JSON scalar."""
    if value is None:
        return None
    kind = spec.kind
    if kind is FieldKind.BOOL:
        return 1 if value else 0
    if kind is FieldKind.DATE:
        return value.isoformat()
    if kind is FieldKind.DATETIME:
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
    if kind is FieldKind.ENUM:
        return str(value.value if isinstance(value, StrEnum) else value)
    return value


def decode(spec: FieldSpec, value: Any) -> Any:
    """SQLite / JSON scalar -> typed Python value (lenient: bad stored data -> None)."""
    if value is None:
        return None
    try:
        kind = spec.kind
        if kind is FieldKind.BOOL:
            return bool(value)
        if kind is FieldKind.DATE:
            return date.fromisoformat(value)
        if kind is FieldKind.DATETIME:
            return datetime.fromisoformat(value)
        if kind is FieldKind.ENUM and spec.enum is not None:
            return spec.enum(value)
    except (TypeError, ValueError):
        return None
    return value
