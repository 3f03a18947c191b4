"""A corpus of ordinary Danish strings with digits, for measuring the CPR guard's false positives.

Phone numbers in every common format, dates and times, addresses with postcodes and
house numbers, bank accounts (reg. + konto), invoice, order, case, CVR, P and EAN
numbers — each template filled with seeded random values, so the corpus is the same
on every run. None of them is a CPR number; any hit of the guard is a false positive.

Run ``python -m tests.cpr_corpus`` for the figures as JSON.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import date, timedelta

SEED = 2026
PER_TEMPLATE = 100

STREETS = ["Vestergade", "Nørregade", "Åboulevarden", "Søndre Allé", "Kirkevej", "Bøgevænget", "Ørstedsvej"]
TOWNS = [
    ("8000", "Aarhus C"),
    ("5000", "Odense C"),
    ("2100", "København Ø"),
    ("9000", "Aalborg"),
    ("6700", "Esbjerg"),
    ("7100", "Vejle"),
    ("4700", "Næstved"),
]
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober"]


def _phone(r: random.Random) -> str:
    return str(r.choice([2, 3, 4, 5, 6, 7, 8, 9])) + "".join(str(r.randrange(10)) for _ in range(7))


def _day(r: random.Random) -> date:
    return date(2015, 1, 1) + timedelta(days=r.randrange(4000))


def _digits(r: random.Random, n: int) -> str:
    return "".join(str(r.randrange(10)) for _ in range(n))


def _split(phone: str, sizes: tuple[int, ...], sep: str) -> str:
    parts, at = [], 0
    for size in sizes:
        parts.append(phone[at : at + size])
        at += size
    return sep.join(parts)


def _pairs(p: str) -> str:
    return " ".join(p[i : i + 2] for i in range(0, 8, 2))


Template = Callable[[random.Random], str]
TEMPLATES: dict[str, list[Template]] = {
    "phone": [
        lambda r: f"Ring til Karen på {_pairs(_phone(r))}",
        lambda r: f"Tlf. {_phone(r)}",
        lambda r: f"+45 {_pairs(_phone(r))}",
        lambda r: f"+45{_phone(r)}",
        lambda r: f"0045 {_phone(r)}",
        lambda r: f"Mobil: {_split(_phone(r), (4, 4), ' ')}",
        lambda r: f"tlf {_split(_phone(r), (2, 2, 2, 2), '-')}",
        lambda r: f"(+45) {_split(_phone(r), (4, 4), ' ')}",
        lambda r: f"Telefon {_split(_phone(r), (2, 2, 2, 2), '.')}",
        lambda r: f"Ring {_pairs(_phone(r))} eller {_pairs(_phone(r))}",
        lambda r: f"Tlf.: {_phone(r)} / {_phone(r)}",
    ],
    "date": [
        lambda r: f"Mødet er {_day(r):%d.%m.%Y}",
        lambda r: f"d. {_day(r):%d/%m-%Y}",
        lambda r: f"Frist {_day(r):%d-%m-%Y}",
        lambda r: f"{_day(r).isoformat()} kl. {r.randrange(8, 20)}.{r.choice(['00', '15', '30', '45'])}",
        lambda r: f"Vi ses {_day(r):%d.%m.%y}",
        lambda r: f"{r.randrange(1, 29)}. {r.choice(MONTHS)} {r.randrange(2015, 2027)}",
        lambda r: f"kl. {r.randrange(8, 12)}.00-{r.randrange(12, 17)}.30 den {_day(r):%d.%m.%Y}",
        lambda r: f"Uge {r.randrange(1, 53)}, {r.randrange(2015, 2027)}",
        lambda r: f"Fra {_day(r):%d.%m.%Y} til {_day(r):%d.%m.%Y}",
        lambda r: f"{_day(r):%d/%m} {_day(r).year}",
    ],
    "address": [
        lambda r: (
            f"{r.choice(STREETS)} {r.randrange(1, 180)}, {r.randrange(1, 6)}. th., {' '.join(r.choice(TOWNS))}"
        ),
        lambda r: f"{r.choice(STREETS)} {r.randrange(1, 99)}{r.choice('ABC')}, {' '.join(r.choice(TOWNS))}",
        lambda r: f"{' '.join(r.choice(TOWNS))}, {r.choice(STREETS)} {r.randrange(1, 300)}",
        lambda r: f"Postboks {r.randrange(1, 9999)}, {r.choice(TOWNS)[0]}",
        lambda r: f"{r.choice(STREETS)} {r.randrange(1, 180)} st. tv. {r.choice(TOWNS)[0]}",
    ],
    "bank": [
        lambda r: f"Reg. {_digits(r, 4)} konto {_digits(r, 10)}",
        lambda r: f"Reg.nr. {_digits(r, 4)} kontonr. {_digits(r, r.randrange(6, 11))}",
        lambda r: f"{_digits(r, 4)}-{_digits(r, 10)}",
        lambda r: f"{_digits(r, 4)} {_digits(r, r.randrange(7, 11))}",
        lambda r: f"Konto {_digits(r, 4)} {_digits(r, 3)} {_digits(r, 3)} {_digits(r, 4)}",
        lambda r: f"IBAN DK{_digits(r, 2)} {_digits(r, 4)} {_digits(r, 4)} {_digits(r, 4)} {_digits(r, 2)}",
        lambda r: f"MobilePay {_digits(r, 5)}",
    ],
    "invoice": [
        lambda r: f"Faktura nr. {r.randrange(2015, 2027)}-{_digits(r, 5)}",
        lambda r: f"Faktura {_digits(r, 6)}",
        lambda r: f"Ordrenr. {_digits(r, 7)}",
        lambda r: f"Sag {r.randrange(15, 27)}/{_digits(r, 5)}",
        lambda r: f"J.nr. {r.randrange(2015, 2027)}-{_digits(r, 6)}",
        lambda r: f"EAN {_digits(r, 13)}",
        lambda r: f"CVR {_digits(r, 8)}",
        lambda r: f"P-nr. {_digits(r, 10)}",
        lambda r: f"Kvittering {_day(r):%Y%m%d}-{_digits(r, 4)}",
        lambda r: f"Bilag {_digits(r, 4)}, beløb {r.randrange(100, 99999)},{_digits(r, 2)} kr.",
        lambda r: f"Kvitteringsnr. {_day(r):%d%m%y}-{_digits(r, 4)}",
    ],
}


def corpus(seed: int = SEED, per_template: int = PER_TEMPLATE) -> dict[str, list[str]]:
    """Category -> strings."""
    r = random.Random(seed)
    return {
        category: [template(r) for template in templates for _ in range(per_template)]
        for category, templates in TEMPLATES.items()
    }


def measure(find: Callable[[str], object]) -> dict[str, object]:
    """False positives of ``find`` per category and in total."""
    result: dict[str, object] = {}
    hits_total = total = 0
    for category, strings in corpus().items():
        hits = [s for s in strings if find(s)]
        hits_total += len(hits)
        total += len(strings)
        result[category] = {"strings": len(strings), "hits": len(hits), "examples": hits[:3]}
    result["total"] = {"strings": total, "hits": hits_total, "rate": round(hits_total / total, 4)}
    return result


if __name__ == "__main__":
    from fieldapp.domain.cpr import find_cpr

    print(json.dumps(measure(find_cpr), ensure_ascii=False, indent=1))
