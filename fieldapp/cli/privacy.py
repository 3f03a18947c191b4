"""``fieldapp erase | access | review``: a person's rights under the GDPR, from the command line."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from fieldapp.cli.errors import CliError, Exit
from fieldapp.cli.language import say
from fieldapp.cli.opening import open_notebook, output_path
from fieldapp.domain import Person
from fieldapp.store import privacy

_YES = {"ja", "j", "yes", "y"}


def register(subparsers: argparse._SubParsersAction) -> None:
    erase = subparsers.add_parser("erase", help=say("slet en person (GDPR)", "erase a person (GDPR)"))
    erase.add_argument("--db", required=True, type=Path)
    erase.add_argument("--person", required=True, help=say("personens id", "the person's id"))
    erase.add_argument(
        "--yes", action="store_true", help=say("spørg ikke først", "do not ask for confirmation")
    )
    erase.set_defaults(handler=cmd_erase)

    access = subparsers.add_parser(
        "access", help=say("indsigt: en persons data som JSON", "a person's data as JSON (GDPR)")
    )
    access.add_argument("--db", required=True, type=Path)
    access.add_argument("--person", required=True, help=say("personens id", "the person's id"))
    access.add_argument(
        "-o", "--output", required=True, type=Path, help=say("JSON-filen", "the JSON file to write")
    )
    access.set_defaults(handler=cmd_access)

    review = subparsers.add_parser(
        "review", help=say("personer, der skal gennemgås", "people past their review date")
    )
    review.add_argument("--db", required=True, type=Path)
    review.set_defaults(handler=cmd_review)


def _confirmed(person: Person) -> bool:
    prompt = say(
        f"Slet {person.name} ({person.id}) og alle personoplysninger om vedkommende for altid? Skriv ja: ",
        f"Erase {person.name} ({person.id}) and all their personal data for good? Type yes: ",
    )
    try:
        answer = input(prompt)
    except EOFError:
        print()  # end the prompt's line
        raise CliError(
            "Intet slettet: der kom intet svar (standard-input er lukket). Brug --yes for at slette uden at spørge.",
            "Nothing erased: no answer came (standard input is closed). Use --yes to erase without asking.",
            Exit.CANCELLED,
        ) from None
    return answer.strip().casefold() in _YES


def cmd_erase(args: argparse.Namespace) -> int:
    with open_notebook(args.db, writes=True) as store:
        person = store.get(Person, args.person)
        if not args.yes and not _confirmed(person):
            print(say("Intet slettet.", "Nothing erased."))
            return Exit.CANCELLED
        report = privacy.erase_person(store, person.id)
    rows = ", ".join(f"{tbl} {n}" for tbl, n in sorted(report.rows_erased.items()))
    links = ", ".join(f"{key} {n}" for key, n in sorted(report.links_removed.items())) or "0"
    print(say(f"Slettet: {rows}. Links fjernet: {links}.", f"Erased: {rows}. Links removed: {links}."))
    if report.mentions:
        print(
            say(
                "Navnet nævnes stadig i fritekst her (gennemgå dem selv):",
                "The name is still mentioned in free text here (review these yourself):",
            )
        )
        for mention in report.mentions:
            print(f"  {mention.tbl} {mention.row_id}  {mention.title}")
    return Exit.OK


def cmd_access(args: argparse.Namespace) -> int:
    target = output_path(args.output, args.db)
    with open_notebook(args.db) as store:
        written = privacy.write_access_export(store, args.person, target)
    print(say(f"Indsigt gemt: {written}", f"Access export written: {written}"))
    return Exit.OK


def cmd_review(args: argparse.Namespace) -> int:
    with open_notebook(args.db) as store:
        due = privacy.due_for_review(store, date.today())
    if not due:
        print(say("Ingen personer skal gennemgås.", "Nobody is due for review."))
        return Exit.OK
    print(say("Personer, hvis gennemgangsdato er passeret:", "People past their review date:"))
    never = say("aldrig", "never")
    for item in due:
        p = item.person
        seen = item.last_seen or never
        print(
            say(
                f"{p.id}  {p.name}  (gennemgås efter {p.review_after},"
                f" {item.days_overdue} dage over; sidst set {seen})",
                f"{p.id}  {p.name}  (review after {p.review_after},"
                f" {item.days_overdue} days overdue; last seen {seen})",
            )
        )
    sys.stdout.flush()
    return Exit.OK
