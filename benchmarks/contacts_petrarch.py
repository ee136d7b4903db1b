"""Contact recall on the consult records of the PETRARCH unit tests: is a contact found, between the two
coded parties, of the kind the event code implies?

Usage:
    python benchmarks/contacts_petrarch.py

Reads ../shared/corpus/petrarch2/PETR.UnitTest.records.xml when it exists next to the repository (it is
not part of it; without it the benchmark says so and stops). Each ``<Sentence>`` record holds one
sentence and the events an event coder must find in it (``<EventCoding sourcecode= targetcode=
eventcode=>``). Its actors are fictional states and people (Arnor, Gondor, Sam Gamgee, ...), so the
benchmark writes a user lexicon (``my_states.csv``, ``my_metonyms.csv``, ``my_people.csv``,
``my_organizations.csv``) into a temporary folder from the name lists below and parses every record with
it. The lexicon is built at run time, not committed, because only this benchmark needs it; doing so
also exercises the user-lexicon path end to end.

Two selections of records are scored:

- ``cameo04``: an expected event coded 040-049, CAMEO's consult codes (041 discuss by telephone,
  042 make a visit, 043 host a visit, 044 meet at a third location, 045 mediate, 046 negotiate).
- ``weis03``: an expected event coded 031-033. The codes of this file come from the coder's validation
  dictionary, which is WEIS-based: there 031-033 are meet, visit and receive a visit (the file's
  contacts: meetings, trips to a capital, arrivals on a visit), while 041-046 code praise and endorsement
  (welcoming restored ties, friendship, memos, holidays celebrated together). A record under ``cameo04``
  is therefore rarely a contact at all; ``weis03`` is the meaningful set.

Metrics, one score table per selection (the columns of :func:`crisislens.evaluate.format_scores`):

- ``contact_found``: records of the selection with any contacts row;
- ``both_parties``: expected events (see below) whose two parties are actor1 and actor2 of one contacts
  row of the record, in either order. A coded party is matched by its name, or by a person or
  organisation of its state (Bree's prime minister for BREGOV). Events without two distinct parties
  (source and target the same actor) are left out;
- ``kind_agreement``: of the matched events whose code implies a kind (see ``KINDS``), those whose row
  has that kind;
- ``contact_found_in_contacts``, ``both_parties_in_contacts``: the same over the records that report a
  contact (``CONTACTS``, read by hand), leaving out those coded for something else.

An event is one record and one unordered pair of parties: the file codes a meeting or a visit from both
sides (032 for the visitor, 033 for the host), and both codes are the same contact.

The records that miss are printed after the scores (id, code, expected parties, what crisislens found).
"""

from __future__ import annotations

import csv
import functools
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_sets import SHARED

import crisislens
from crisislens.evaluate import COLUMNS, format_scores

RECORDS = SHARED / "petrarch2" / "PETR.UnitTest.records.xml"

SELECTIONS = {
    "cameo04": frozenset(f"04{d}" for d in range(10)),
    "weis03": frozenset({"031", "032", "033"}),
}
"""Event codes that put a record into each selection."""

KINDS = {
    "cameo04": {"041": {"call", "video call"}, "042": {"visit"}, "043": {"visit"},
                "044": {"meeting", "talks", "summit"}, "046": {"negotiation", "talks"}},
    "weis03": {"031": {"meeting", "talks", "summit", "negotiation"}, "032": {"visit", "meeting"}, "033": {"visit", "meeting"}},
}
"""Contact kinds each code implies; a code not listed (040 consult, 045 mediate) implies none. A visit
(032, 033) is also a meeting of visitor and host ("X hosted Y", "X presented credentials to Y")."""

STATES = {
    # CAMEO code of the file: (actor_id in our lexicon, name, adjectives). The ids are taken from the
    # range ISO leaves to users: the file's own codes clash with real states (ERI is Eritrea).
    "ARN": ("XAR", "Arnor", ""),
    "BRE": ("XBR", "Bree", ""),
    "CAL": ("XCA", "Calenardhon", ""),
    "DAG": ("XDA", "Dagolath", "Dagolathi"),
    "ELF": ("XEL", "Caras Galadhon", ""),
    "ERI": ("XER", "Eriador", "Eriadori"),
    "FOR": ("XFO", "Fornost", ""),
    "GON": ("XGO", "Gondor", ""),
    "ITH": ("XIT", "Ithilen", ""),
    "MOR": ("XMO", "Mordor", ""),
    "OSG": ("XOS", "Osgiliath", ""),
    "ROH": ("XRO", "Rohan", ""),
    "SHR": ("XSH", "the Shire", ""),
}
"""The fictional states of the records."""

METONYMS = {"Minas Tirith": "GON", "Michel Delving": "SHR"}
"""Seats of government the records use for a state (a trip to Minas Tirith is coded as one to GON)."""

PEOPLE = {
    # name: (role, CAMEO code of the state or "")
    "Romendacil": ("Prime Minister", "BRE"),
    "Telemar": ("Deputy Prime Minister", "DAG"),
    "Sam Gamgee": ("", ""),
    "Hamfast Gamgee": ("", ""),
    "Minerva McGonagall": ("Head", ""),
    "Albus Dumbledore": ("", ""),
}
"""The fictional people of the records."""

ORGANIZATIONS = {"Morgul Orcs": "group", "Ministry of Magic": "organization"}
"""The fictional groups and organisations of the records."""

STATE_OF = {"FRO": "SHR", "BIL": "SHR", "SAM": "SHR"}
"""Codes of people the file codes for their state ("the Shire" is coded as three hobbits)."""

PARTIES = {
    # codes whose party is not the state of their first three letters
    "HOBGOV": ("Sam Gamgee", "Hamfast Gamgee"), "HOBCIV": ("Sam Gamgee",), "ORCHOB": ("Sam Gamgee",),
    "MRGORC": ("Morgul Orcs",), "IGOEEU": ("European Union",),
    '"GRYFFINDOR HEAD MINERVA MCGONAGALL"': ("Minerva McGonagall",),
    '"THE MINISTRY OF MAGIC"': ("Ministry of Magic",),
}
"""Coded parties named by people or organisations, as crisislens names them."""

CONTACTS = frozenset({
    "PATTERN-21", "PATTERN-22",  # X will be hosting Y (with Z)
    "PATTERN-23", "PATTERN-24", "PATTERN-25", "PATTERN-27",  # X celebrated a holiday in P with (the leaders of) Y
    "DEMO-02", "DEMO-03", "ACTOR-01", "ACTOR-02",  # X left for P for meetings with Y
    "DEMO-08", "COMPOUND-37",  # the ambassadors of X presented credentials to Y's president
    "DEMO-11", "DEMO-17", "DATE-09",  # will meet ... during a visit; arrived in Y on a visit; X met Y
})
"""Records of the two selections that report a contact as crisislens defines it, read by hand. The
others are coded for welcoming ties, memos, friendship, agreeing, renewing a licence or departing."""


@dataclass(frozen=True)
class Event:
    """One expected event of a record."""

    source: str
    target: str
    code: str


@dataclass(frozen=True)
class Record:
    """One unit-test record: its sentence and the events coded in it."""

    record_id: str
    published: str
    text: str
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Party:
    """A coded party: the actor names that stand for it, and its state in our lexicon (if any)."""

    names: frozenset[str]
    country: str | None = None


def read_records(path: Path = RECORDS) -> list[Record]:
    """The records of the unit-test file, sentences with their line breaks folded."""
    records = []
    for sentence in ET.parse(path).getroot().iter("Sentence"):
        events = tuple(Event(e.get("sourcecode", ""), e.get("targetcode", ""), e.get("eventcode", ""))
                       for e in sentence.findall("EventCoding") if e.get("eventcode"))
        day = sentence.get("date", "")
        records.append(Record(sentence.get("id", ""), f"{day[:4]}-{day[4:6]}-{day[6:]}",
                              " ".join((sentence.findtext("Text") or "").split()), events))
    return records


def write_lexicon(folder: Path) -> list[Path]:
    """Write the user lexicon files of the fictional actors into ``folder`` and return their paths."""
    tables = {
        "my_states.csv": (["actor_id", "name", "aliases", "adjectives"],
                          [[ident, name, "", adjectives] for ident, name, adjectives in STATES.values()]),
        "my_metonyms.csv": (["surface", "actor_id", "note"],
                            [[surface, STATES[code][0], ""] for surface, code in METONYMS.items()]),
        "my_people.csv": (["actor_id", "name", "aliases", "role", "country", "organization", "start", "end"],
                          [[f"person:{name.lower().replace(' ', '-')}", name, "", role,
                            STATES[code][0] if code else "", "", "", ""] for name, (role, code) in PEOPLE.items()]),
        "my_organizations.csv": (["actor_id", "name", "kind", "country", "aliases"],
                                 [[_organization_id(name, kind), name, kind, "", ""]
                                  for name, kind in ORGANIZATIONS.items()]),
    }
    paths = []
    for name, (header, rows) in tables.items():
        path = folder / name
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            writer.writerows(rows)
        paths.append(path)
    return paths


def _organization_id(name: str, kind: str) -> str:
    """Ids as organizations.csv writes them: MINISTRY-OF-MAGIC, group:morgul-orcs."""
    slug = name.replace(" ", "-")
    return slug.upper() if kind == "organization" else f"{kind}:{slug.lower()}"


@functools.lru_cache(maxsize=1)
def _bundled_states() -> dict[str, str]:
    return {row["actor_id"]: row["name"] for row in crisislens.load_lexicon().table("states")}


def party(code: str) -> Party:
    """The party a CAMEO actor code stands for (BREGOV: Bree, or a person or organisation of Bree).

    Raises:
        KeyError: the code is neither in ``PARTIES`` nor a state of ``STATES`` or of states.csv.

    Example:
        >>> party("BREGOV")
        Party(names=frozenset({'Bree'}), country='XBR')
    """
    code = STATE_OF.get(code, code)
    if code in PARTIES:
        return Party(frozenset(PARTIES[code]))
    if code[:3] in STATES:
        ident, name, _ = STATES[code[:3]]
        return Party(frozenset({name}), ident)
    if code[:3] in _bundled_states():
        return Party(frozenset({_bundled_states()[code[:3]]}), code[:3])
    raise KeyError(f"actor code {code!r} names no party; add it to PARTIES or STATES")


def _matches(expected: Party, actor: str, country: str | None) -> bool:
    return actor in expected.names or (expected.country is not None and country == expected.country)


def _pair_found(source: Party, target: Party, rows: pd.DataFrame, countries: dict[str, str | None]) -> pd.DataFrame:
    """The contacts rows whose two actors are the two parties, in either order."""
    def hit(a: str, b: str) -> bool:
        return ((_matches(source, a, countries.get(a)) and _matches(target, b, countries.get(b)))
                or (_matches(source, b, countries.get(b)) and _matches(target, a, countries.get(a))))
    return rows[[hit(a, b) for a, b in zip(rows.actor1, rows.actor2, strict=True)]]


def _describe(rows: pd.DataFrame) -> str:
    return "; ".join(f"{r.kind} ({r.text}): {r.actor1} - {r.actor2}" for r in rows.itertuples()) or "no contact"


def _score(metric: str, total: int, predicted: int, matched: int, task: str) -> dict[str, object]:
    return {"task": task, "metric": metric, "value": matched / total if total else float("nan"),
            "n_gold": total, "n_pred": predicted, "n_matched": matched}


def _events(record: Record, codes: frozenset[str]) -> dict[tuple[Party, Party], set[str]]:
    """The record's expected events with a code in ``codes``: codes by unordered pair of distinct parties."""
    events: dict[tuple[Party, Party], set[str]] = {}
    for event in record.events:
        if event.code not in codes:
            continue
        source, target = party(event.source), party(event.target)
        if source == target:
            continue  # "Mordor will be hosting ..." coded from Mordor's army to Mordor
        pair = (target, source) if (target, source) in events else (source, target)
        events.setdefault(pair, set()).add(event.code)
    return events


@functools.lru_cache(maxsize=4)
def evaluate(name: str) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """Scores and misses of selection ``name`` (None when the records file is absent).

    Returns:
        The score table and one row per missed event.
    """
    if not RECORDS.exists():
        return None
    codes = SELECTIONS[name]
    selected = [r for r in read_records() if any(e.code in codes for e in r.events)]
    with tempfile.TemporaryDirectory() as folder:
        lexicon = crisislens.load_lexicon(*write_lexicon(Path(folder)))
    records, events, misses = [], [], []
    for record in selected:
        article = crisislens.parse(record.text, published=record.published, lexicon=lexicon)
        rows, actors = article.contacts, article.actors
        countries = dict(zip(actors.actor, actors.country.astype(object).where(actors.country.notna(), None),
                             strict=True))
        contact = record.record_id in CONTACTS
        records.append({"contact": contact, "found": not rows.empty, "rows": len(rows)})
        for (source, target), event_codes in _events(record, codes).items():
            pair = _pair_found(source, target, rows, countries)
            wanted = set().union(*(KINDS[name].get(code, set()) for code in event_codes))
            kind_ok = not pair.empty and bool(pair.kind.isin(wanted).any())
            events.append({"contact": contact, "matched": not pair.empty,
                           "with_kind": bool(wanted) and not pair.empty, "kind_ok": kind_ok})
            if pair.empty or (wanted and not kind_ok):
                misses.append({
                    "id": record.record_id, "code": "/".join(sorted(event_codes)), "contact": "yes" if contact else "no",
                    "expected": f"{'/'.join(sorted(source.names))} - {'/'.join(sorted(target.names))}",
                    "miss": ("no contact" if rows.empty else "other parties") if pair.empty
                    else f"kind, wanted {'/'.join(sorted(wanted))}",
                    "found": _describe(rows)})
    by_record = pd.DataFrame(records, columns=["contact", "found", "rows"]).astype({"contact": bool, "found": bool})
    by_event = pd.DataFrame(events, columns=["contact", "matched", "with_kind", "kind_ok"]).astype(bool)
    n_rows = int(by_record.rows.sum())
    task = f"contacts:{name}"
    scores = []
    for suffix, rec, ev in (("", by_record, by_event),
                            ("_in_contacts", by_record[by_record.contact], by_event[by_event.contact])):
        found = int(rec.found.sum())
        scores += [_score(f"contact_found{suffix}", len(rec), found, found, task),
                   _score(f"both_parties{suffix}", len(ev), n_rows, int(ev.matched.sum()), task)]
    kinds = by_event[by_event.with_kind]
    scores.insert(2, _score("kind_agreement", len(kinds), len(kinds), int(kinds.kind_ok.sum()), task))
    return (pd.DataFrame(scores, columns=list(COLUMNS)),
            pd.DataFrame(misses, columns=["id", "code", "contact", "expected", "miss", "found"]))


def contact_scores(name: str) -> pd.DataFrame | None:
    """The score table of selection ``name`` (None when the records file is absent)."""
    result = evaluate(name)
    return None if result is None else result[0]


def main(names: Iterable[str] = tuple(SELECTIONS)) -> None:
    if not RECORDS.exists():
        print(f"{RECORDS} is absent (the ../shared corpora are not part of this repository); skipped")
        return
    records = read_records()
    for name in names:
        scores, misses = evaluate(name)  # type: ignore[misc]
        coded = [sum(e.code in SELECTIONS[name] for e in r.events) for r in records]
        print(f"\n{name}: {sum(n > 0 for n in coded)} records, {sum(coded)} coded events")
        print(f"{format_scores(scores)}\n\nmisses ({len(misses)}):")
        if not misses.empty:
            print(misses.to_string(index=False, max_colwidth=90))


if __name__ == "__main__":
    main()
