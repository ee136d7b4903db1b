"""Voices: who speaks in each part of a text, so that "I" and "you" can be resolved.

A voice is a span of the text with its speaker and, when known, the person spoken to:

- a transcript turn ("PRESIDENT DUDA: ... you and I have spoken ...") or a direct quote with a
  resolved speaker ('"I spoke with him today," Biden said');
- the whole text of a document whose title names its speaker ("Remarks by President Biden ...",
  "Statement from Prime Minister Kishida ..."; the openers are the ``title`` rows of
  ``reporting_cues.csv``), outside the quotes of other people.

:func:`speaker_mentions` turns "I", "me", "you" inside voices into actor mentions, and a role
without a name ("the President") into the holder of that role in the speaker's state; the contact
extractor uses them as parties ("This weekend I spoke again with President Putin"). "We" is left
alone: it names a government, a party, an audience or everyone present, and the text rarely says which.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd

from crisislens.actors import Actor, Mention, literal_alternation, role_holder, roles_alone, title_people
from crisislens.lexicon import Lexicon
from crisislens.quotes import Quote
from crisislens.text import Sentence

_FIRST_PERSON = re.compile(r"(?<![\w'’-])(?:I|me)(?![\w-])")
_WE = re.compile(r"(?<![\w'’-])(?:[Ww]e|us|[Oo]ur)(?![\w-])")
_IN_A_TITLE = re.compile(r"[A-Z][a-z]+\s+to\s+$")
_OF_SOMEWHERE = re.compile(r"\s+of\s")
_SECOND_PERSON = re.compile(r"(?<![\w'’-])[Yy]our?(?![\w'’-])")


@dataclass(frozen=True)
class Voice:
    """A span of the text spoken or written by ``speaker`` (to ``addressee``, when known); a reporter's
    question has no known speaker but an addressee."""

    start: int
    end: int
    speaker: Actor | None
    addressee: Actor | None = None


@functools.lru_cache(maxsize=8)
def _title_opener(lexicon: Lexicon) -> re.Pattern[str] | None:
    openers = {r["word"] for r in lexicon.table("reporting_cues") if r["kind"] == "title"}
    return re.compile(r"\s*(?:" + literal_alternation(openers, ignore_case=True) + r")\s", re.IGNORECASE) \
        if openers else None


def title_speaker(title: str | None, *, lexicon: Lexicon, published: pd.Timestamp | None = None) -> Actor | None:
    """The person a title names as the document's speaker, when it names exactly one.

    Example:
        >>> from crisislens.lexicon import default_lexicon
        >>> title_speaker("Remarks by President Biden on the Situation in Ukraine", lexicon=default_lexicon()).actor
        'Joe Biden'
        >>> title_speaker("Remarks by President Biden and Prime Minister Kishida", lexicon=default_lexicon()) is None
        True
    """
    opener = _title_opener(lexicon) if title else None
    match = opener.match(title) if opener is not None and title else None
    if match is None:
        return None
    people = title_people(title, lexicon=lexicon, published=published)  # type: ignore[arg-type]
    first = next(((i, a) for i, a in people if i >= match.end()), None)
    if first is None or len(title[match.end():first[0]].split()) > 4:
        return None  # "Statement by the Press Secretary on President X's visit": not X speaking
    rest = title[first[0]:]
    joint = re.search(r"\s(?:and|with)\s", rest)
    if joint is not None and any(i > first[0] + joint.start() and a.actor_id != first[1].actor_id for i, a in people
                                 if i < first[0] + joint.end() + 40):
        return None  # "Remarks by President Biden and President Duda": two speakers
    return first[1]


def home_state(title: str | None, *, lexicon: Lexicon, published: pd.Timestamp | None = None,
               readout: bool = False, url: str | None = None) -> str | None:
    """The state a document speaks for: its publisher's when its URL is on a government domain of
    ``publishers.csv`` (whitehouse.gov), else its title speaker's ("Press Briefing by Press Secretary
    Jen Psaki"), else, for a readout or a titled document with several speakers, the state of the first
    person its title names ("Readout of National Security Advisor Jake Sullivan's Call with ...")."""
    publisher = publisher_state(url, lexicon=lexicon)
    if publisher is not None:
        return publisher
    if not title:
        return None
    speaker = title_speaker(title, lexicon=lexicon, published=published)
    if speaker is not None and speaker.country:
        return speaker.country
    opener = _title_opener(lexicon)
    if not readout and (opener is None or opener.match(title) is None):
        return None
    return next((a.country for _, a in title_people(title, lexicon=lexicon, published=published) if a.country), None)


def publisher_state(url: str | None, *, lexicon: Lexicon) -> str | None:
    """The state of a government publisher from a document's URL (``publishers.csv``).

    Example:
        >>> from crisislens.lexicon import default_lexicon
        >>> publisher_state("https://www.whitehouse.gov/briefing-room/", lexicon=default_lexicon())
        'USA'
    """
    if not url:
        return None
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    domains = _publishers(lexicon)
    while host:
        if host in domains:
            return domains[host]
        host = host.partition(".")[2]
    return None


@functools.lru_cache(maxsize=8)
def _publishers(lexicon: Lexicon) -> dict[str, str]:
    return {row["domain"].lower().lstrip("."): row["country"] for row in lexicon.table("publishers")}


def find_voices(text: str, quotes: Sequence[Quote], *, author: Actor | None = None) -> list[Voice]:
    """The voices of a text: its quotes and transcript turns with a person as speaker, and the whole
    text for ``author`` (from :func:`title_speaker`) when the text has no transcript turns.

    Returns:
        Voices sorted by start; a quote's voice follows the author's voice that contains it.
    """
    voices = [Voice(q.start, q.end, q.speaker, q.addressee) for q in quotes
              if q.kind in ("direct", "transcript") and (
                  (q.speaker is not None and q.speaker.kind == "person") or (q.speaker is None and q.addressee))]
    if author is not None and not any(q.kind == "transcript" for q in quotes):
        voices.append(Voice(0, len(text), author))
    return sorted(voices, key=lambda v: (v.start, -v.end))


def speaker_mentions(text: str, sentence: Sentence, voices: Sequence[Voice], *, lexicon: Lexicon,
                     published: pd.Timestamp | None = None, home: str | None = None) -> list[Mention]:
    """Mentions in ``sentence`` that depend on who speaks: "I" and "me" (the voice's speaker), "you"
    (its addressee, when known), "we", "us" and "our" (the speaker's state, or ``home`` when the
    speaker's is unknown, if the speaker holds a role: a president's or a spokesperson's "we" is their
    government), and a role without a name ("the President", "our Secretary of
    State"): the holder of that role in the speaker's state (Jen Psaki's "the President" is the US
    president, Dmitry Peskov's the Russian one), or in ``home``, the state a document speaks for,
    outside voices. The innermost voice speaks.

    A sentence at a time: the contact extractor asks only for the sentences with a contact term.
    """
    start, end = sentence.start, sentence.end
    here = [v for v in voices if v.start < end and start < v.end]
    found: list[Mention] = []
    roles = [] if home is None and not here else roles_alone(text, start, end, lexicon=lexicon)
    if here:
        for pattern, via in ((_FIRST_PERSON, "first person"), (_SECOND_PERSON, "second person"),
                             (_WE, "first person plural")):
            for match in pattern.finditer(text, start, end):
                inner = _innermost(here, match.start())
                if inner is None or any(first <= match.start() < last for first, last, _ in roles):
                    continue  # "our Secretary of State" is a role
                if via == "first person plural":  # a government's spokesperson: "we" is the government
                    speaker = inner.speaker
                    actor = _state(speaker.country or home, lexicon) if speaker is not None and speaker.role else None
                else:
                    actor = inner.speaker if via == "first person" else inner.addressee
                if actor is not None:
                    found.append(Mention(sentence.sentence_id, match.start(), match.end(), match.group(0), actor, via))
    if home is not None or here:
        for first, last, role in roles:
            if _OF_SOMEWHERE.match(text, last) or _IN_A_TITLE.search(text, max(0, first - 30), first):
                continue  # "the President of the European Commission", "Assistant to the President": not the person
            inner = _innermost(here, first)
            country = inner.speaker.country if inner is not None and inner.speaker is not None else home
            holder = role_holder(role, country, lexicon=lexicon, published=published) if country else None
            if holder is not None:
                found.append(Mention(sentence.sentence_id, first, last, text[first:last], holder,
                                     "role of the speaker's state"))
    return sorted(found, key=lambda m: m.start)


def _state(code: str | None, lexicon: Lexicon) -> Actor | None:
    return _states(lexicon).get(code) if code else None


@functools.lru_cache(maxsize=8)
def _states(lexicon: Lexicon) -> dict[str, Actor]:
    return {row["actor_id"]: Actor(row["actor_id"], row["name"], "state", row["actor_id"])
            for row in lexicon.table("states")}


def _innermost(voices: Sequence[Voice], position: int) -> Voice | None:
    containing = [v for v in voices if v.start <= position < v.end]
    return min(containing, key=lambda v: v.end - v.start, default=None)
