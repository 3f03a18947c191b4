"""The CPR guard: find a Danish CPR number in any text, however it was typed.

A CPR number is ten digits, DDMMYY plus four, where DDMMYY is a real date (in 19YY
or 20YY). People and programs write it in many ways, and a guard that only knows
``DDMMYY-XXXX`` is dodged by accident as often as on purpose. So the text is first
*normalised*:

- Unicode NFKC (full-width digits, the no-break space, compatibility forms), then
  every format character (category Cf: zero-width space and joiners, soft hyphen,
  word joiner, byte-order mark) is removed;
- every dash (hyphen, non-breaking hyphen, figure dash, en and em dash, minus sign
  …) becomes ``-``, every kind of space or line break becomes a space;
- any decimal digit of any script counts as that digit; the letters ``l``/``I``
  count as 1 and ``O``/``o`` as 0 where they sit inside a group of digits.

Then the text is read as *groups* of digits joined by short *gaps* (one to three of
space, ``-``, ``/``, ``.``), and any run of consecutive groups that holds exactly
ten digits, split as CPR numbers are written — ``DDMMYYXXXX``, ``DDMMYY XXXX``,
``DD MM YY XXXX``, ``DDMM YY XXXX`` or digit by digit (any gaps) — and whose first six digits are a real date, is a hit.
Letters or other numbers before it do not hide it (``CPR-0101901234``, ``tlf.
12345678 0101901234``); digits glued on without a gap do (``01019012345`` is no CPR
number), and 8-digit phone numbers in pairs, ``+45`` numbers and dates with a
four-digit year never make ten digits in one of the three shapes.

False positives are possible by construction (an invoice number ``150324-0001`` is
shaped like a CPR number); ``tests/test_cpr_corpus.py`` measures their rate on a
corpus of ordinary Danish strings with digits, and the refusal tells the user how to
write such a number instead.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date

# Characters that join digit groups as people type CPR numbers (after normalisation).
_GAP = r"[ \-/.]{1,3}"
# A group: digits, with l/I/O/o standing in for 1/0 (at least one real digit).
_GROUP = r"[0-9lIOo]*[0-9][0-9lIOo]*"
_RUN = re.compile(rf"{_GROUP}(?:{_GAP}{_GROUP})*")
_SPLIT = re.compile(f"({_GAP})")
_LOOKALIKE = str.maketrans({"l": "1", "I": "1", "O": "0", "o": "0"})
_LOOKALIKES = "lIOo"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
# Where group boundaries may fall inside the ten digits: none, or after the date part
# (6) and perhaps inside it (2, 4). Not after 4 alone: "2010 123456" is a bank account.
# Ten single digits with gaps ("0 1 0 1 9 0 1 2 3 4") count too.
_SHAPES = {(), (6,), (4, 6), (2, 4, 6), tuple(range(1, 10))}


@functools.cache
def _table() -> dict[int, str | None]:
    """One ``str.translate`` table for what NFKC leaves: format characters go, dashes become
    ``-``, spaces and line breaks a space, other scripts' digits 0-9 (the BMP; the rest below)."""
    table: dict[int, str | None] = {ord(ch): "-" for ch in _DASHES}
    for code in range(0x80, 0x10000):
        ch = chr(code)
        category = unicodedata.category(ch)
        if category == "Cf":
            table[code] = None
        elif category in ("Zs", "Zl", "Zp"):
            table[code] = " "
        elif category == "Nd":
            table[code] = str(unicodedata.decimal(ch))
    for first, last in ((0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3)):
        table.update(dict.fromkeys(range(first, last + 1)))
    table.update(dict.fromkeys(range(0x1D173, 0x1D17B)))
    table.update(dict.fromkeys([0xE0001, *range(0xE0020, 0xE0080)]))
    table.update({ord("\n"): " ", ord("\r"): " ", ord("\t"): " "})
    for ch in _DASHES:
        table[ord(ch)] = "-"
    return table


_ASCII_SPACES = str.maketrans("\n\r\t", "   ")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
# Anything that is or becomes a digit under NFKC (digits of any script, super- and subscripts,
# circled and full-width digits). A text without one cannot hold a CPR number.
_DIGITISH = re.compile(r"[\d\u00b2\u00b3\u00b9\u2070-\u209f\u2150-\u218f\u2460-\u24ff\u2776-\u2793]")


def normalise(text: str) -> str:
    """The text as the guard reads it (see the module doc)."""
    if text.isascii():
        return text.translate(_ASCII_SPACES)
    out = unicodedata.normalize("NFKC", text).translate(_table())
    if _OTHER_DIGIT.search(out):  # digits of a script outside the BMP
        out = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in out)
    return out


def find_cpr(text: str) -> str | None:
    """The first CPR number in ``text`` as ``DDMMYY-XXXX``, or None."""
    if not text or _DIGITISH.search(text) is None:
        return None
    norm = normalise(text)
    for run in _RUN.finditer(norm):
        groups, gaps = _groups(norm, run)
        # A number may start or end inside a run only at a gap with a space in it:
        # "12345678 0101901234" holds a CPR number, "5388-2208789675" (reg. + konto) does not.
        for start in range(len(groups)):
            if start and " " not in gaps[start - 1]:
                continue
            digits = ""
            bounds: list[int] = []
            for end in range(start, len(groups)):
                if digits:
                    bounds.append(len(digits))
                digits += groups[end]
                if len(digits) >= 10:
                    break
            ends_clean = end == len(groups) - 1 or " " in gaps[end]
            if len(digits) == 10 and ends_clean and tuple(bounds) in _SHAPES and _real_date(digits):
                return f"{digits[:6]}-{digits[6:]}"
    return None


def contains_cpr(text: str) -> bool:
    """True if ``text`` holds something shaped like a CPR number with a real date."""
    return find_cpr(text) is not None


def masked(number: str) -> str:
    """``010190-1234`` -> ``010190-xxxx``: enough to find it, not enough to keep it."""
    return number[:7] + "xxxx"


def _groups(norm: str, run: re.Match[str]) -> tuple[list[str], list[str]]:
    """The run's digit groups and the gaps between them; look-alike letters at the run's
    ends that belong to a word are dropped."""
    pieces = _SPLIT.split(run.group())
    parts, gaps = pieces[::2], pieces[1::2]
    before = norm[run.start() - 1] if run.start() > 0 else ""
    after = norm[run.end()] if run.end() < len(norm) else ""
    if before.isalpha():
        parts[0] = parts[0].lstrip(_LOOKALIKES)
    if after.isalpha():
        parts[-1] = parts[-1].rstrip(_LOOKALIKES)
    return [part.translate(_LOOKALIKE) for part in parts], gaps


def _real_date(digits: str) -> bool:
    day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    for century in (1900, 2000):
        try:
            date(century + year, month, day)
            return True
        except ValueError:
            continue
    return False
