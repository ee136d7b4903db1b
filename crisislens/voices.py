"""Voices: who speaks in each part of a text, so that "I" and "you" can be resolved.

A voice is a span of the text with its speaker and, when known, the person spoken to:

- a transcript turn ("PRESIDENT DUDA: ... you and I have spoken ...") or a direct quote
  ('"I spoke with him today," Biden said'; a quote of an unknown speaker is a voice of nobody);
- the whole text of a document whose title names its speaker ("Remarks by President Biden ...",
  "Statement from Prime Minister Kishida ..."; the openers are the ``title`` rows of
  ``reporting_cues.csv``), outside the quotes of other people.

:func:`speaker_mentions` turns "I", "me", "you", "we" and "our" inside voices into actor mentions,
and a role without a name ("the President") into the holder of that role in the speaker's state; the
contact extractor uses them as parties ("This weekend I spoke again with President Putin"). "We" is
resolved only where it names a government: a state speaking, or a speaker who holds a role; an
ordinary speaker's "we" (a party, an audience, everyone present) is left alone.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd

from crisislens.actors import (
    Actor,
    Mention,
    actor_index,
    literal_alternation,
    role_holder,
    roles_alone,
    state_actor,
    title_people,
)
from crisislens.lexicon import Lexicon
from crisislens.quotes import Quote
from crisislens.text import Sentence

_FIRST_PERSON = re.compile(r"(?<![\w'’-])(?:I|me)(?![\w-])")
_WE = re.compile(r"(?<![\w'’-])(?:[Ww]e|us|[Oo]ur)(?![\w-])")
_IN_A_TITLE = re.compile(r"[A-Z][a-z]+\s+to\s+$")
_JOINT_SPEAKER = re.compile(r"\s*(?:,|and\b|&)\s*", re.IGNORECASE)
_READOUT_OPENING = re.compile(r"\s*(?:joint\s+)?read-?outs?\s+of\s+(?:the\s+)?", re.IGNORECASE)
_OF_SOMEWHERE = re.compile(r"\s+of\s")
# "you" and "your" of the person spoken to; not the audience ("all of you", "you all", "each of you")
_SECOND_PERSON = re.compile(r"(?<!of )(?<![\w'’-])[Yy]our?(?![\w'’-])(?!\s+all\b|\s+guys\b)")


@dataclass(frozen=True)
class Voice:
    """A span of the text spoken or written by ``speaker`` (to ``addressee``, when known).

    ``kind`` is ``turn`` (a transcript turn; a reporter's question has no known speaker but an
    addressee), ``quote`` (a direct quote; its speaker may be unknown, and then its "I" is nobody's)
    or ``author`` (the whole text of a document whose title names its speaker)."""

    start: int
    end: int
    speaker: Actor | None
    addressee: Actor | None = None
    kind: str = "turn"


class Voices:
    """The voices of a text, with the innermost one at any position found by bisection.

    The text is cut once into segments, each spoken by one innermost voice (a quote inside a turn
    inside the author's text), so a lookup costs a bisection, whatever the number of voices."""

    def __init__(self, voices: Sequence[Voice]) -> None:
        self.voices = sorted(voices, key=lambda v: (v.start, -v.end))
        points = sorted({p for v in self.voices for p in (v.start, v.end)})
        self._starts: list[int] = []
        self._owners: list[Voice | None] = []
        active: list[Voice] = []
        i = 0
        for left in points[:-1]:
            active = [v for v in active if v.end > left]
            while i < len(self.voices) and self.voices[i].start <= left:
                if self.voices[i].end > left:
                    active.append(self.voices[i])
                i += 1
            self._starts.append(left)
            self._owners.append(min(active, key=lambda v: v.end - v.start) if active else None)
        self._ends = points[1:]

    def __iter__(self) -> Iterator[Voice]:
        return iter(self.voices)

    def __len__(self) -> int:
        return len(self.voices)

    def at(self, position: int) -> Voice | None:
        """The innermost voice speaking at ``position`` (None outside every voice)."""
        k = bisect.bisect_right(self._starts, position) - 1
        return self._owners[k] if k >= 0 and position < self._ends[k] else None

    def any_between(self, start: int, end: int) -> bool:
        """Whether some voice speaks somewhere in ``start`` .. ``end``."""
        k = max(0, bisect.bisect_right(self._starts, start) - 1)
        while k < len(self._starts) and self._starts[k] < end:
            if self._owners[k] is not None and self._ends[k] > start:
                return True
            k += 1
        return False


@functools.lru_cache(maxsize=8)
def _title_opener(lexicon: Lexicon) -> re.Pattern[str] | None:
    openers = {r["word"] for r in lexicon.table("reporting_cues") if r["kind"] == "title"}
    return re.compile(r"\s*(?:" + literal_alternation(openers, ignore_case=True) + r")\s", re.IGNORECASE) \
        if openers else None


def title_speaker(title: str | None, *, lexicon: Lexicon, published: pd.Timestamp | None = None) -> Actor | None:
    """The person a title names as the document's speaker, when it names exactly one.

    The title must open with a speaker opener ("Remarks by", "Statement from": the ``title`` rows of
    ``reporting_cues.csv``), be written in title case (a headline such as "Remarks by President Biden
    spark anger" names what someone said, not who speaks), and name its speaker within four words of
    the opener ("Statement by the Press Secretary on the Visit of President X" is not X speaking).

    Example:
        >>> from crisislens.lexicon import default_lexicon
        >>> title_speaker("Remarks by President Biden on the Situation in Ukraine", lexicon=default_lexicon()).actor
        'Joe Biden'
        >>> title_speaker("Remarks by President Biden and Prime Minister Kishida", lexicon=default_lexicon()) is None
        True
    """
    first = _first_title_person(title, lexicon=lexicon, published=published)
    if first is None:
        return None
    _, end, actor = first
    if _JOINT_SPEAKER.match(title, end):  # type: ignore[arg-type]
        return None  # "Remarks by President Biden and President Duda", "Biden, Kishida": two speakers
    return actor


def _first_title_person(title: str | None, *, lexicon: Lexicon, published: pd.Timestamp | None,
                        opening: re.Pattern[str] | None = None) -> tuple[int, int, Actor] | None:
    """The person named first after a title's opener, within four words of it, in a title-case title."""
    opener = opening or _title_opener(lexicon)
    match = opener.match(title) if opener is not None and title else None
    if match is None or not _in_title_case(title):  # type: ignore[arg-type]
        return None
    people = title_people(title, lexicon=lexicon, published=published)  # type: ignore[arg-type]
    first = next((p for p in people if p[0] >= match.end()), None)
    if first is None or len(title[match.end():first[0]].split()) > 4:  # type: ignore[index]
        return None
    return first


def _in_title_case(title: str) -> bool:
    """Most longer words capitalised, not all of them in capitals."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", title) if len(w) > 3]
    capitalised = [w for w in words if w[0].isupper()]
    return bool(words) and len(capitalised) >= 0.7 * len(words) and not all(w.isupper() for w in words)


@functools.lru_cache(maxsize=8)
def _numeral_before(lexicon: Lexicon) -> re.Pattern[str]:
    """ "World War " before "I": the words of ``numbering_words.csv``, after which "I" is a numeral."""
    words = {r["word"] for r in lexicon.table("numbering_words")}
    return re.compile(r"\b(?:" + literal_alternation(words) + r")\s+$") if words else re.compile(r"(?!x)x")


def home_state(title: str | None, *, lexicon: Lexicon, published: pd.Timestamp | None = None,
               readout: bool = False, url: str | None = None) -> str | None:
    """The state a document speaks for: its publisher's when its URL is on a government domain of
    ``publishers.csv`` (whitehouse.gov); else the state of the person named first after the title's
    opener ("Press Briefing by Press Secretary Jen Psaki", "Readout of National Security Advisor Jake
    Sullivan's Call with ...")."""
    publisher = publisher_state(url, lexicon=lexicon)
    if publisher is not None or not title:
        return publisher
    first = _first_title_person(title, lexicon=lexicon, published=published,
                                opening=_READOUT_OPENING if readout else None)
    return first[2].country if first is not None else None


def publisher_state(url: str | None, *, lexicon: Lexicon) -> str | None:
    """The state of a government publisher from a document's URL (``publishers.csv``).

    Example:
        >>> from crisislens.lexicon import default_lexicon
        >>> publisher_state("https://www.whitehouse.gov/briefing-room/", lexicon=default_lexicon())
        'USA'
    """
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return None  # "http://[bad": no host to look up
    domains = _publishers(lexicon)
    while host:
        if host in domains:
            return domains[host]
        host = host.partition(".")[2]
    return None


@functools.lru_cache(maxsize=8)
def _publishers(lexicon: Lexicon) -> dict[str, str]:
    return {row["domain"].lower().lstrip("."): row["country"] for row in lexicon.table("publishers")}


def find_voices(text: str, quotes: Sequence[Quote], *, author: Actor | None = None) -> Voices:
    """The voices of a text: its transcript turns and direct quotes, and the whole text for
    ``author`` (from :func:`title_speaker`) when the text has no transcript turns. A direct quote
    whose speaker is unknown or not a person is a voice too, so that the author's "I" does not reach
    into it."""
    voices = []
    for q in quotes:
        if q.kind == "transcript" and ((q.speaker is not None and q.speaker.kind == "person") or q.addressee):
            voices.append(Voice(q.start, q.end, q.speaker, q.addressee, "turn"))
        elif q.kind == "direct":
            voices.append(Voice(q.start, q.end, q.speaker, q.addressee, "quote"))
    if author is not None and not any(q.kind == "transcript" for q in quotes):
        voices.append(Voice(0, len(text), author, None, "author"))
    return Voices(voices)


def resolve_role_speakers(quotes: Sequence[Quote], voices: Voices, *, lexicon: Lexicon,
                          published: pd.Timestamp | None = None, home: str | None = None) -> list[Quote]:
    """Quotes whose speaker is a role without a name ("the President said", in Jen Psaki's turn of a
    White House briefing) get the holder of that role in the state of the voice around them (the turn,
    or the titled author), else in ``home``, even when the article names one president of another
    state; a role with other words ("the former president") or with no single holder stays as it is.

    ``voices`` should hold the turns and the author only (:func:`find_voices` of the transcript turns):
    a quote's own voice is not around it."""
    index = actor_index(lexicon)
    resolved = []
    for quote in quotes:
        speaker = quote.speaker
        role = None
        if speaker is not None and speaker.actor_id.startswith("role:"):
            role = index.roles_by_title.get(speaker.actor.lower())
        elif quote.speaker_text and (alone := index.role_alone_pattern.fullmatch(quote.speaker_text.strip())):
            role = index.roles_by_title.get(alone.group("role").lower())  # "The President", resolved by the article
        if role:
            around = voices.at(quote.start)
            voice_speaker = around.speaker if around is not None else None
            country = voice_speaker.country if voice_speaker is not None and voice_speaker.country else home
            holder = role_holder(role, country, lexicon=lexicon, published=published) if country else None
            if holder is not None:
                resolved.append(dataclasses.replace(quote, speaker=holder))
                continue
        resolved.append(quote)
    return resolved


@functools.lru_cache(maxsize=8)
def _spokesperson(lexicon: Lexicon) -> re.Pattern[str]:
    """Words of roles that speak for a government (``reporting_cues.csv``, kind spokesperson): "you" said
    to their holders is the government."""
    words = sorted((r["word"] for r in lexicon.table("reporting_cues") if r["kind"] == "spokesperson"), key=len,
                   reverse=True)
    return re.compile("|".join(re.escape(w) for w in words) or r"(?!x)x", re.IGNORECASE)


def speaker_mentions(text: str, sentence: Sentence, voices: Voices, *, lexicon: Lexicon,
                     published: pd.Timestamp | None = None, home: str | None = None) -> list[Mention]:
    """Mentions in ``sentence`` that depend on who speaks. The innermost voice speaks:

    - "I" and "me": its speaker, when a person ("In World War I" is a numeral, not a speaker);
    - "you", "your": its addressee, when known (the state of an addressee who speaks for it: a
      reporter's "you" to a press secretary is the administration);
    - "we", "us", "our": a state speaking ('"We will respond," the Kremlin said'), or the state of a
      speaker who holds a role (a president's or a spokesperson's "we" is their government); for a
      turn or the author's text whose speaker's state is unknown, ``home``;
    - a role without a name ("the President", "our Secretary of State"): the holder of that role in
      the speaker's state (Jen Psaki's "the President" is the US president, Dmitry Peskov's the
      Russian one), or in ``home``, the state the document speaks for.

    A sentence at a time: the contact extractor asks only for the sentences with a contact term.
    """
    start, end = sentence.start, sentence.end
    spoken = voices.any_between(start, end)
    found: list[Mention] = []
    roles = roles_alone(text, start, end, lexicon=lexicon)
    if spoken:
        for pattern, via in ((_FIRST_PERSON, "first person"), (_SECOND_PERSON, "second person"),
                             (_WE, "first person plural")):
            for match in pattern.finditer(text, start, end):
                inner = voices.at(match.start())
                if inner is None or any(first <= match.start() < last for first, last, _, _ in roles):
                    continue  # "our Secretary of State" is a role
                actor = _pronoun_actor(via, inner, text, match, lexicon, home)
                if actor is not None:
                    found.append(Mention(sentence.sentence_id, match.start(), match.end(), match.group(0), actor, via))
    for first, last, role, named in roles:
        if _OF_SOMEWHERE.match(text, last) or _IN_A_TITLE.search(text, max(0, first - 30), first):
            continue  # "the President of the European Commission", "Assistant to the President": not the person
        country = named  # "the Italian Prime Minister": the state named; else the speaker's, else home
        if country is None and (home is not None or spoken):
            inner = voices.at(first)
            speaker = inner.speaker if inner is not None else None
            country = speaker.country if speaker is not None and speaker.country else home
        holder = role_holder(role, country, lexicon=lexicon, published=published) if country else None
        if holder is not None:
            found.append(Mention(sentence.sentence_id, first, last, text[first:last], holder,
                                 "role of the speaker's state"))
    return sorted(found, key=lambda m: m.start)


def _pronoun_actor(via: str, voice: Voice, text: str, match: re.Match[str], lexicon: Lexicon,
                   home: str | None) -> Actor | None:
    speaker = voice.speaker
    if via == "second person":
        addressee = voice.addressee
        if addressee is not None and addressee.kind == "person" and _spokesperson(lexicon).search(addressee.role or ""):
            # a reporter's "you came away from the talks" to a press secretary: the government spoken for
            return state_actor(addressee.country or home, lexicon=lexicon) or addressee
        return addressee
    if via == "first person":
        if speaker is None or speaker.kind != "person" or _numeral_before(lexicon).search(
                text, max(0, match.start() - 20), match.start()):
            return None
        return speaker
    if speaker is None:
        return None
    if speaker.kind == "state":
        return speaker
    if speaker.kind != "person" or not speaker.role:
        return None
    return state_actor(speaker.country or (home if voice.kind != "quote" else None), lexicon=lexicon)
