"""Diplomatic contacts: who called, met or visited whom, when, where, for how long, held or planned.

Extracts, sentence by sentence, a contact wherever a contact term of the lexicon (``contact_terms.csv``:
"spoke with", "met", "visited", "phone call", "talks", "summit") has at least two parties among the
actor mentions around it: the subject before a verb ("President Biden spoke with ..."), the parties
after "with", "to" or the verb's object ("... with President Putin", "met Chancellor Scholz"),
and counterparts named by their state ("his Japanese and South Korean counterparts").

Each contact has a ``kind``, a ``status`` (held; planned: "will meet", "is due to meet"; proposed:
"offered talks"; cancelled: "called off"), a ``date`` from :mod:`crisislens.dates`, a ``location``
("in Hawaii"), and a duration in minutes from a duration figure ("an hour-long call"). A contact with
three parties gives three rows, one per pair, sharing ``contact_id``; the same parties twice in an
article are one contact (the first mention gives kind, status and date).

Deliberately not done: generic exchanges without identifiable parties ("a flurry of meetings between
Western and Russian officials") give no contact; a press conference or a speech is not a contact.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from crisislens.actors import Actor, Mention
from crisislens.dates import DateMention
from crisislens.figures import Figure
from crisislens.lexicon import Lexicon
from crisislens.text import Sentence

PARTY_KINDS = frozenset({"person", "state", "organization", "group"})
_GAP_WORDS = frozenset({"today", "yesterday", "tonight", "again", "also", "separately", "briefly", "virtually",
                        "by", "phone", "telephone", "video"})
_GAP = r"\s(?:(?:today|yesterday|tonight|again|also|separately|briefly|virtually|by phone|by telephone|by video|\w+ly)\s){0,2}"
_PLANNED = re.compile(r"\b(?:will|would|is due to|are due to|is set to|are set to|is scheduled to|are scheduled to|"
                      r"is expected to|are expected to|plans to|plan to|planned|upcoming|next|to)\s+(?:\w+\s+){0,3}$")
_PROPOSED = re.compile(r"\b(?:offered|proposed|suggested|called for|invited|invitation|urged)\b")
_CANCELLED = re.compile(r"\b(?:called off|cancel(?:l?ed|s)?|postponed|scrapped|suspended)\b")
_NOT_A_CONTACT = re.compile(r"\b(?:called (?:for|on|it|the|a|an)|calls (?:for|on))\b")
_CLAUSE_END = re.compile(r"\s(?:to (?=[a-z])|about|regarding|ahead of|as |after |before |while |"
                         r"where |which |who |and agreed|and discussed|and reaffirmed)|[;:]|,\s(?=[a-z])(?!and )")
_LOCATION = re.compile(r"\s(?:in|at)\s(?P<place>(?:the\s)?[A-Z][\w'.-]*(?:\s(?:[A-Z][\w'.-]*|of|the|and|for))*"
                       r"(?<![\s,]))")


@dataclass(frozen=True)
class Contact:
    """A diplomatic contact between two or more parties."""

    sentence_id: int
    start: int
    end: int
    kind: str
    status: str
    parties: tuple[Actor, ...]
    date: DateMention | None
    location: str | None
    duration_minutes: float | None


@functools.lru_cache(maxsize=8)
def _terms(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    rows = {r["term"]: (r["kind"], r["form"]) for r in lexicon.table("contact_terms")}

    def tolerant(term: str) -> str:
        # "spoke today with", "met separately with": adverbs may stand inside a verb's phrase
        words = [re.escape(w) for w in term.split()]
        return words[0] + "".join(_GAP + w for w in words[1:])

    alternation = "|".join(tolerant(t) for t in sorted(rows, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?P<term>" + alternation + r")(?![\w-])", re.IGNORECASE), rows


@functools.lru_cache(maxsize=8)
def _calendar(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(r["word"].rstrip(".") for r in lexicon.table("date_words")
                     if r["kind"] in ("month", "month_abbr", "weekday", "weekday_abbr"))


def _term_key(written: str) -> str:
    """The lexicon term a tolerant match stands for ("spoke today with" -> "spoke with")."""
    words = written.lower().split()
    return " ".join(w for w in words if w not in _GAP_WORDS and not w.endswith("ly"))


def extract_contacts(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention],
                     dates: Sequence[DateMention], figures: Sequence[Figure], *, lexicon: Lexicon) -> list[Contact]:
    """Find the diplomatic contacts of an article.

    Args:
        text: the normalised text.
        sentences: its sentences.
        mentions: its actor mentions (parties are chosen among them).
        dates: resolved temporal expressions (:func:`crisislens.dates.find_dates`).
        figures: figures (durations give ``duration_minutes``).
        lexicon: supplies the contact terms.

    Returns:
        Contacts in text order, one per distinct set of parties.

    Example:
        >>> import crisislens
        >>> a = crisislens.parse("President Joe Biden spoke with President Vladimir Putin on Saturday.",
        ...                      published="2022-02-13")
        >>> a.contacts[["kind", "status", "actor1", "actor2"]].values.tolist()
        [['call', 'held', 'Joe Biden', 'Vladimir Putin']]
    """
    pattern, terms = _terms(lexicon)
    calendar = _calendar(lexicon)
    found: list[Contact] = []
    seen: set[frozenset[str]] = set()
    for sentence in sentences:
        here = [m for m in mentions if sentence.start <= m.start < sentence.end and m.actor.kind in PARTY_KINDS]
        if len(here) < 2 and not any(m.actor.kind == "person" for m in here):
            continue
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if _NOT_A_CONTACT.match(text, match.start()):
                continue
            kind, form = terms.get(_term_key(match.group("term")), ("meeting", "noun"))
            contact = _contact(text, sentence, match, kind, form, here, dates, figures, calendar)
            if contact is None:
                continue
            key = frozenset(p.actor_id for p in contact.parties)  # "the meeting" ... "the talks": one contact
            if key in seen:
                continue
            seen.add(key)
            found.append(contact)
    return found


def _starts_with_calendar_word(place: str, calendar: frozenset[str]) -> bool:
    """ "in March", "on Monday" name a time, not a place."""
    return place.split(maxsplit=1)[0].rstrip(".") in calendar


def _contact(text: str, sentence: Sentence, match: re.Match[str], kind: str, form: str,
             here: list[Mention], dates: Sequence[DateMention], figures: Sequence[Figure],
             calendar: frozenset[str]) -> Contact | None:
    start, end = match.start(), match.end()
    before = [m for m in here if m.end <= start]
    clause_end = _CLAUSE_END.search(text, end, sentence.end)
    limit = clause_end.start() if clause_end else sentence.end
    after = [m for m in here if end <= m.start < limit]
    if form == "noun" and not after:
        # "In an hour-long phone call on Saturday, Biden told Putin ...": the people of the sentence
        people = [m for m in here if m.actor.kind == "person"]
        after = people if len({m.actor.actor_id for m in people}) >= 2 else []
        before = []
    if re.match(r"\s+between\s", text[end:end + 10]):
        before = []  # "the talks between X and Y": the parties are named after the noun
    subject = _subject(text, sentence, start, before) if before else None
    parties: list[Actor] = [subject] if subject is not None else []
    countries_of_people = {m.actor.country for m in [*before, *after] if m.actor.kind == "person"}
    for m in after:
        if m.actor.kind == "state" and m.actor.country in countries_of_people:
            continue  # "Russian President Vladimir Putin", "President of Finland Sauli Niinisto": the person's state
        if m.actor.kind == "organization" and any(p.actor.organization == m.actor.actor_id for p in after + before):
            continue  # "NATO Secretary General Jens Stoltenberg": the organisation is the person's
        if all(p.actor_id != m.actor.actor_id for p in parties):
            parties.append(m.actor)
    if len(parties) < 2 or (kind == "visit" and not any(p.kind == "person" for p in parties)):
        return None  # a visit is made by someone ("avoid travel to Ukraine" is advice, not a visit)
    window = text[max(sentence.start, start - 60):start]
    status = "held"
    if _CANCELLED.search(text, sentence.start, limit):
        status = "cancelled"
    elif _PROPOSED.search(window):
        status = "proposed"
    elif _PLANNED.search(window) or match.group("term").lower() in ("meet", "visit", "travel to", "speak with",
                                                                     "will speak with", "host"):
        status = "planned"
    date = _date(sentence, start, dates)
    if date is not None and date.tense == "future" and status == "held":
        status = "planned"
    location = _LOCATION.search(text, end, sentence.end)
    place = location.group("place") if location and not _starts_with_calendar_word(location.group("place"), calendar) \
        else None
    duration = next((f for f in figures if f.category == "duration" and sentence.start <= f.start < sentence.end
                     and abs(f.start - start) < 40), None)
    minutes = _minutes(duration) if duration is not None else None
    return Contact(sentence.sentence_id, start, end, kind, status, tuple(parties), date, place, minutes)


def _subject(text: str, sentence: Sentence, position: int, before: list[Mention]) -> Actor | None:
    """The party written before the term: the first person (else state or organisation) of the clause."""
    clause_start = max([sentence.start] + [m.end() for m in re.finditer(r"[;:]|, (?:but|and|while) ",
                                                                          text[sentence.start:position])])
    if clause_start != sentence.start:
        clause_start += sentence.start
    candidates = [m for m in before if m.start >= clause_start]
    if not candidates:
        candidates = before
    people = [m for m in candidates if m.actor.kind == "person"]
    chosen = (people or candidates)
    return chosen[0].actor if chosen else None


def _date(sentence: Sentence, position: int, dates: Sequence[DateMention]) -> DateMention | None:
    inside = [d for d in dates if sentence.start <= d.start < sentence.end and d.date is not None
              and d.kind in ("explicit", "weekday", "relative")]
    return min(inside, key=lambda d: abs(d.start - position), default=None)


_MINUTES = {"minute": 1, "minutes": 1, "hour": 60, "hours": 60, "day": 1440, "days": 1440}


def _minutes(figure: Figure) -> float | None:
    factor = _MINUTES.get(figure.unit or "")
    return None if factor is None or figure.value is None else figure.value * factor


def contact_rows(article_id: str, text: str, contacts: Sequence[Contact]) -> list[dict[str, object]]:
    """Return the ``contacts`` table rows: one per pair of parties, sharing ``contact_id``."""
    rows = []
    for i, contact in enumerate(contacts):
        for first, second in itertools.combinations(contact.parties, 2):
            rows.append({
                "article_id": article_id, "contact_id": i, "sentence_id": contact.sentence_id,
                "start": contact.start, "end": contact.end, "text": text[contact.start:contact.end],
                "kind": contact.kind, "status": contact.status,
                "date": contact.date.date if contact.date else None,
                "date_text": contact.date.text if contact.date else None, "location": contact.location,
                "duration_minutes": contact.duration_minutes, "actor1": first.actor, "actor2": second.actor,
            })
    return rows
