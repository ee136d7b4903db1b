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

import bisect
import dataclasses
import datetime
import functools
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from crisislens.actors import Actor, Mention, state_actor
from crisislens.dates import DateMention
from crisislens.figures import Figure
from crisislens.lexicon import Lexicon
from crisislens.text import Sentence

PARTY_KINDS = frozenset({"person", "state", "organization", "group"})
_THIS = re.compile(r"\b(?:this|these)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"\b(?:a|an|any)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_NOT_A_CONTACT = re.compile(r"\b(?:called (?:for|on|it|the|a|an|out|off|up|back|upon)\b"
                            r"|called (?:him|her|them|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+"
                            r"(?:a|an)\s+(?!(?:hour|minute|day|week|month|year|time|few|couple)s?\b)"  # "called Putin a war criminal"
                            r"|(?<=so-)called|(?<=is )called|(?<=was )called|(?<=be )called|(?<=been )called"
                            r"|calls (?:for|on)"
                            r"|(?:(?<=we )|(?<=We )|(?<=I )|(?<=they )|(?<=you )|(?<=to ))call (?:on|for|upon)\b"  # "We call on"
                            r"|(?:spoke|spoken|speak|speaks|speaking|talked|talk) to (?:that|this|it|these|those|"
                            r"the (?:issue|question|point|matter|need|importance|fact))\b"
                            r"|messages? that\b)")  # "a message that you care": what it says, not to whom
_READOUT_TITLE = re.compile(r"(?:joint\s+)?read-?outs?\b", re.IGNORECASE)
_QUESTION_STARTS = re.compile(r",\s+(?:and\s+|so\s+)?(?:can|could|do|does|did|is|are|was|were|will|would|should|what|how|"
                              r"why|when|where|who|has|have)\s+(?:you|we|the|he|she|they|it|there|that|this)\b",
                              re.IGNORECASE)
_MEMORY = 4  # sentences back where "he", "she" and "him" look for the person meant
_WITH_AFTER = re.compile(r"\s+with\s")
_OBJECT_OF_WITH = re.compile(r"\bwith\s+[^,;:.—–\n!?]{0,50}$")
_ASKING = re.compile(r"\s*(?:(?:and|so|but|okay|ok|well)\W+)?(?:can|could|do|does|did|is|are|was|were|will|would|should|"
                     r"shall|may|might|has|have|had|what|how|why|when|where|who|whom|which)\b", re.IGNORECASE)
_OWNED = re.compile(r"\b(?:his|her|their)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_DEMONSTRATIVE = re.compile(r"\b(?:this|that)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_ANAPHORIC = re.compile(r"\b(?:the|this|that|these|those|today['’]s|yesterday['’]s|her|his|their)\s+(?:[\w-]+\s+){0,2}$",
                        re.IGNORECASE)
_INTRODUCES_PARTIES = re.compile(r"\s+(?:with|between|of|to|among)\s")
_FEW_WORDS = re.compile(r"\s+(?:[\w-]+\s+){0,3}")
_INVITATION = re.compile(r"\binvitations?\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|’|')\s+(?:[\w-]+\s+){0,3}")
_GROUP_DETERMINER = re.compile(r"^(?:the|his|her|their|our|its|fellow)\s+", re.IGNORECASE)
_GROUP_PREFIX = "group:"
_DID = re.compile(r"\bdid\s+(?:\w+ly\s+)?$")  # "did meet with": past, not planned
_NEGATED = re.compile(r"\b(?:did|does|do|has|have|had)\s*(?:not|n't|n’t)\s+(?:\w+ly\s+)?$|\bnever\s+$")
_SPEAKERS_ROLE = "role of the speaker's state"
_BODY_BY_NAME = "org:"  # actor_id of a body found by its head word ("Department of ..."), not in the lexicon
_PRONOUN_VIAS = frozenset({"first person", "second person", "first person plural"})
_LIST_AFTER = re.compile(r"\s*:\s")
_OUR = re.compile(r"\b[Oo]ur\s+(?:[\w-]+\s+)?$")
_HIS_OR_HER = re.compile(r"\b(?:his|her|His|Her)\s+(?:[\w-]+\s+){0,2}$")
_HIM_OR_HER = re.compile(r"\s+(?:him|her)\b")
_PRONOUN_SUBJECT = re.compile(r"\b(?:[Hh]e|[Ss]he)(?:['’]s|['’]d|['’]ll)?\s+(?:[\w-]+\s+){0,3}$")
_PASSIVE = re.compile(r"\b(?:be|been|being|was|were|is|are)\s+(?:\w+ly\s+)?$")
_TO = re.compile(r"\s+to\s+")
_HE_OR_SHE = re.compile(r"\b(?:he|she|He|She)\b")
_STOPS = re.compile(r"[.;:]")
_NEAR_TERM = re.compile(r"\s+(?:(?:also|both|jointly|together|have|has|had|will|would|to|then|today|\w+ly)\s+){0,2}"
                        r"(?:held\s+|hold\s+|had\s+|have\s+)?(?:(?:a|an|the|their|separate|joint)\s+)?"
                        r"(?:[\w-]+\s+)?")
_AFTER_GUEST = re.compile(r"\s*(?:[.,;:]|$)|\s+(?:next|this|last|on|in|at|today|tomorrow|tonight|and)\b")
_JOINED = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|[-–]")  # "X, Y and Z", "the U.S.-ASEAN Summit"
_OF = re.compile(r"\s+of\s+")
_GUEST_AND_PLACE = re.compile(r"\s+(?:(?:[A-Z][\w.'’-]*|of|the|and|de|von|van|al)\s+){1,12}(?:to|at|in)\s+(?:the\s+)?[A-Z]")
_LOCATION = re.compile(r"\s(?:in|at)\s(?P<place>(?:the\s)?[A-Z][\w'.-]*(?:\s(?:[A-Z][\w'.-]*|of|the|and|for))*"
                       r"(?<![\s,])(?:,\s[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)*(?=[\s.,;:]|$))?)")


@dataclass(frozen=True)
class Contact:
    """A diplomatic contact between two or more parties.

    ``date_source`` says where ``date`` came from: ``text`` (a date expression of the sentence),
    ``published`` (a readout's own contact, dated by the readout's publication day) or ``earlier`` (a
    readout's contact of the same people a few sentences before, dated by its date). ``part_of`` is
    the index (in the article's list of contacts) of a visit this contact took place during. A contact
    named only by the document's title ("Remarks by President Biden and Chancellor Scholz Before Bilateral
    Meeting") has no ``sentence_id``, ``start`` or ``end``; ``title_text`` holds the title's words for it.
    """

    sentence_id: int | None
    start: int | None
    end: int | None
    kind: str
    status: str
    parties: tuple[Actor, ...]
    date: DateMention | None
    location: str | None
    duration_minutes: float | None
    date_source: str | None = None
    part_of: int | None = None
    title_text: str | None = None


@dataclass(frozen=True)
class _Cues:
    """The words of ``contact_cues.csv``, compiled once per lexicon."""

    planned: re.Pattern[str]
    proposed: re.Pattern[str]
    cancelled: re.Pattern[str]
    done: re.Pattern[str]
    not_diplomatic: re.Pattern[str]
    speech: re.Pattern[str]
    listing: re.Pattern[str]
    collective: re.Pattern[str]
    collective_named: re.Pattern[str]
    group_after: re.Pattern[str]
    clause_end: re.Pattern[str]
    gap: str
    gap_words: frozenset[str]
    one_event: frozenset[str]
    base_forms: frozenset[str]
    not_party: re.Pattern[str]
    reported: re.Pattern[str]
    accepted: re.Pattern[str]
    abroad: re.Pattern[str]
    opening: re.Pattern[str]
    title_spoken: re.Pattern[str]
    title_event: re.Pattern[str]
    title_genre: re.Pattern[str]
    title_ahead: re.Pattern[str]
    same_time: re.Pattern[str]
    people_of: re.Pattern[str]
    not_object: re.Pattern[str]


@functools.lru_cache(maxsize=8)
def _cues(lexicon: Lexicon) -> _Cues:
    words: dict[str, list[str]] = {}
    for row in lexicon.table("contact_cues"):
        words.setdefault(row["kind"], []).append(row["phrase"].lower())

    def any_of(kind: str) -> str:
        phrases = sorted(words.get(kind, []), key=len, reverse=True)
        return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases) or r"(?!x)x"

    collective_nouns = any_of("collective_noun")
    gap_phrases = any_of("gap")
    return _Cues(
        planned=re.compile(rf"\b(?:{any_of('planned')})\s+(?:\w+\s+){{0,3}}$|\bto\s+$"),
        proposed=re.compile(rf"\b(?:{any_of('proposed')})\b"),
        cancelled=re.compile(rf"\b(?:{any_of('cancelled')})\b"),
        done=re.compile(rf"\b(?:{any_of('done')})\b", re.IGNORECASE),
        not_diplomatic=re.compile(rf"\b(?:{any_of('not_diplomatic')})\s+$", re.IGNORECASE),
        speech=re.compile(rf"\b(?:{any_of('speech')})\b"),
        listing=re.compile(rf"\b(?:{any_of('list')})\b", re.IGNORECASE),
        # "both" as a pronoun ("Both agreed"), not as a conjunction ("both in our briefings and ...")
        collective=re.compile(rf"\b(?:they|their|both(?!\s+(?:in|at|on|for|to|by|with|from|as|the|and|our|their|"
                              rf"his|her|its|a|an)\b)|the\s+(?:[\w-]+\s+)?(?:{collective_nouns}))\b", re.IGNORECASE),
        collective_named=re.compile(rf"\bthe\s+(?:[\w-]+\s+)?(?:{collective_nouns})\b", re.IGNORECASE),
        group_after=re.compile(rf"\s+(?:(?:{gap_phrases})\s+)?(?P<link>(?:with|between)\s+)?"
                               rf"(?P<group>(?:[\w-]+\s+){{0,3}}?(?:{any_of('group_noun')}))\b", re.IGNORECASE),
        clause_end=re.compile(rf"\s(?:to (?!the\s+[A-Z])(?=[a-z])|(?:{any_of('clause_end')})\s)|[;:]|,\s(?=[a-z])(?!and |the [A-Z])"
                              # ", and Chancellor Scholz will ...": a new clause with a subject of its own
                              r"|,\s+and\s+(?=(?:our\s+|the\s+|his\s+|her\s+)?(?:(?:[A-Z][\w.'’-]*|of|the)\s+){1,8}"
                              r"(?:will|would|is|was|has|had|also|then|met|spoke)\b)"
                              # ", and he's meeting ...": a pronoun subject opens a clause too
                              r"|,\s+and\s+(?=(?:he|she|they|we|I)(?:['’](?:s|ll|d|re|ve))?\s)"),
        gap=rf"\s(?:(?:{gap_phrases}|\w+ly)\s){{0,2}}",
        gap_words=frozenset(w for p in words.get("gap", []) for w in p.split()),
        one_event=frozenset(words.get("one_event", [])),
        base_forms=frozenset(words.get("base_form", [])),
        not_object=re.compile(rf"\s+(?:(?!to\s|with\s)[\w-]+\s+){{0,2}}(?:{any_of('not_object')})\b(?!-)", re.IGNORECASE),
        people_of=re.compile(rf"\b(?:{any_of('group_noun')})\s+of\b", re.IGNORECASE),
        same_time=re.compile(rf"\s*(?:{any_of('same_time')})\s+(?:the|this|that|her|his|their)\s+"
                             rf"(?:[\w-]+\s+)?(?:{any_of('same_time_noun')})\b", re.IGNORECASE),
        abroad=re.compile(rf"\b(?:{any_of('abroad')})\b", re.IGNORECASE),
        opening=re.compile(rf"\s*(?:{any_of('opening')})\b[^,;:]*$", re.IGNORECASE),
        title_spoken=re.compile(rf"\s*(?:{any_of('title_spoken')})\b", re.IGNORECASE),
        title_event=re.compile(rf"\b(?:{any_of('title_event')})\b", re.IGNORECASE),
        title_genre=re.compile(rf"\b(?:{any_of('title_genre')})\s+$", re.IGNORECASE),
        title_ahead=re.compile(rf"\b(?:{any_of('title_ahead')})\b", re.IGNORECASE),
        accepted=re.compile(rf"\b(?:{any_of('accepted')})\b"
                            rf"|\b(?:{any_of('welcoming')})\s+(?:\S+\s+){{0,4}}?invitations?\b"),
        reported=re.compile(rf"\b(?:{any_of('speech')}|{any_of('belief')})\b(?:\s+that\b)?"),
        not_party=re.compile(rf"\s+(?:{any_of('not_party')})\b", re.IGNORECASE),
    )


@functools.lru_cache(maxsize=8)
def _terms(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, str]]]:
    rows = {r["term"]: (r["kind"], r["form"]) for r in lexicon.table("contact_terms")}
    gap = _cues(lexicon).gap

    def tolerant(term: str) -> str:
        # "spoke today with", "met separately with": adverbs may stand inside a verb's phrase
        words = [re.escape(w) for w in term.split()]
        return words[0] + "".join(gap + w for w in words[1:])

    def alternation(terms: list[str]) -> re.Pattern[str]:
        # Factored by first word ("met" once, then " with" or nothing), and led by the first letters:
        # the regex engine tries each first word once instead of every term.
        by_first: dict[str, list[str]] = {}
        for term in terms:
            first, _, rest = term.partition(" ")
            by_first.setdefault(first.lower(), []).append(rest)
        groups = []
        for first, tails in sorted(by_first.items(), key=lambda item: len(item[0]), reverse=True):
            longer = [tolerant("x " + t)[1:] for t in sorted((t for t in tails if t), key=len, reverse=True)]
            rest = ("(?:" + "|".join(longer) + ")" + ("?" if "" in tails else "")) if longer else ""
            groups.append(re.escape(first) + rest)
        letters = "".join(sorted({re.escape(first[0]) for first in by_first}))
        return re.compile(rf"(?=[{letters}])(?<![\w-])(?P<term>" + "|".join(groups) + r")(?![\w-])", re.IGNORECASE)

    nouns = [t for t, (_, form) in rows.items() if form == "noun"]
    return alternation(list(rows)), alternation(nouns), rows


@functools.lru_cache(maxsize=8)
def _state_groups(lexicon: Lexicon) -> tuple[re.Pattern[str] | None, dict[str, tuple[Actor, ...]]]:
    """ "his Nordic counterparts": the groups of ``state_groups.csv`` before a noun of people, and
    their member states."""
    members = {row["group"]: tuple(state_actor(code, lexicon=lexicon) or Actor(code, code, "state", code)
                                   for code in row["members"].split("|"))
               for row in lexicon.table("state_groups")}
    if not members:
        return None, {}
    nouns = sorted({row["phrase"] for row in lexicon.table("contact_cues") if row["kind"] in ("group_noun", "group_word")},
                   key=len, reverse=True)
    if not nouns:
        return None, {}  # without nouns of people a group name alone ("the Nordic press") says nothing
    # the noun is looked ahead, so "Nordic and Baltic counterparts" finds both groups
    pattern = re.compile(r"(?<![\w-])(?P<group>" + "|".join(re.escape(g) for g in sorted(members, key=len, reverse=True))
                         + r")(?=\s+(?:[\w-]+\s+){0,2}(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in nouns)
                         + r")\b)", re.IGNORECASE)
    return pattern, members


def _group_members(text: str, sentence: Sentence, lexicon: Lexicon) -> list[Mention]:
    """One state mention per member of a group of states named in the sentence ("Baltic counterparts")."""
    pattern, members = _state_groups(lexicon)
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text, sentence.start, sentence.end):
        group = next(g for g in members if g.lower() == match.group("group").lower())
        found.extend(Mention(sentence.sentence_id, match.start("group"), match.end("group"), match.group("group"),
                             actor, "state group") for actor in members[group])
    return found


@functools.lru_cache(maxsize=8)
def _calendar(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(r["word"].rstrip(".") for r in lexicon.table("date_words")
                     if r["kind"] in ("month", "month_abbr", "weekday", "weekday_abbr"))


def _term_key(written: str, cues: _Cues) -> str:
    """The lexicon term a tolerant match stands for ("spoke today with" -> "spoke with")."""
    words = written.lower().split()
    stripped = [w for w in words if w not in cues.gap_words and not w.endswith("ly")]
    return " ".join(stripped if len(stripped) < len(words) and words[0] != "video" else words)


def is_readout(title: str | None) -> bool:
    """True for a readout: a government's own account of a call or meeting ("Readout of ...").

    Example:
        >>> is_readout("Readout of President Biden's Call with Prime Minister Johnson"), is_readout("Remarks")
        (True, False)
    """
    return bool(title) and _READOUT_TITLE.match(title) is not None  # type: ignore[arg-type]


def extract_contacts(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention],
                     dates: Sequence[DateMention], figures: Sequence[Figure], *, lexicon: Lexicon,
                     published: datetime.date | None = None, readout: bool = False,
                     speakers: Callable[[Sentence], Sequence[Mention]] | None = None,
                     home: str | None = None, quoted: Sequence[tuple[int, int]] = (),
                     title: str | None = None, title_people: Sequence[tuple[int, int, Actor]] = ()) -> list[Contact]:
    """Find the diplomatic contacts of an article.

    Args:
        text: the normalised text.
        sentences: its sentences.
        mentions: its actor mentions (parties are chosen among them).
        dates: resolved temporal expressions (:func:`crisislens.dates.find_dates`).
        figures: figures (durations give ``duration_minutes``).
        lexicon: supplies the contact terms.
        published: the publication date; a contact dated after it is planned, not held.
        readout: the article is a readout (:func:`is_readout`); its first held contact without a
            date of its own is dated by ``published`` (``date_source`` "published").
        speakers: gives a sentence's "I", "me" and "you" resolved to a speaker and the person spoken
            to, and its roles resolved in the speaker's state (:func:`crisislens.voices.speaker_mentions`);
            asked only for sentences with a contact term, they are parties like other mentions (see
            :func:`_with_speakers` for those that overlap a mention of the text).
        home: the state the document speaks for (:func:`crisislens.voices.home_state`): a person of
            unknown state meeting people of another state is taken for one of its officials.
        quoted: the spans of direct quotes, in text order: a contact told inside a quote has its
            parties inside the quote ('"We spoke with President Putin," Psaki said': not Psaki).
        title: the document's title, and ``title_people`` the people it names, where
            (:func:`crisislens.actors.title_people`): a title that names people of two states and a
            contact ("... Before Bilateral Meeting", "... in Joint Press Conference") gives that contact,
            held on the publication day (see :func:`_title_contact`).

    Returns:
        Contacts in text order, one per distinct set of parties and status.

    Example:
        >>> import crisislens
        >>> a = crisislens.parse("President Joe Biden spoke with President Vladimir Putin on Saturday.",
        ...                      published="2022-02-13")
        >>> a.contacts[["kind", "status", "actor1", "actor2"]].values.tolist()
        [['call', 'held', 'Joe Biden', 'Vladimir Putin']]
    """
    pattern, nouns, terms = _terms(lexicon)
    calendar, cues = _calendar(lexicon), _cues(lexicon)
    found: list[Contact] = []
    seen: dict[frozenset[str], list[int]] = {}  # contacts of found by their parties (see _with_parties)
    parties_by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.actor.kind in PARTY_KINDS:
            parties_by_sentence.setdefault(m.sentence_id, []).append(m)
    for sentence in sentences:
        stated_end = _stated_end(text, sentence)
        if stated_end is None:
            continue
        matches = list(pattern.finditer(text, sentence.start, stated_end))
        if not matches:
            continue
        recent = [m for back in range(_MEMORY, 0, -1)  # for "met with him", "she met ..."
                  for m in parties_by_sentence.get(sentence.sentence_id - back, ())]
        in_sentence = _sentence_parties(text, sentence, parties_by_sentence, speakers, lexicon, cues)
        for match in matches:
            here = _within_quote(in_sentence, quoted, match.start())
            kind, form = terms.get(_term_key(match.group("term"), cues), ("meeting", "noun"))
            if _no_contact(text, sentence, match, form, here, cues):
                continue
            if form == "host":
                if not _hosts_a_guest(text, match, here):
                    continue
                form = "verb"
            if form == "noun" and found and _names_the_last(text, sentence, match, found, terms, cues):
                limit = cues.clause_end.search(text, match.end(), sentence.end)
                _join_named(match, [m for m in here if limit is None or m.start < limit.start()], found)
                continue
            if form == "noun" and found and _refers_back(text, sentence, match) and not (
                    home is not None and _talks_of_home(text, match, here, home, lexicon)):
                _join_list(text, sentence, match, here, found, cues)
                _place_the_last(text, sentence, match, here, found, calendar, cues)
                continue
            if (form == "noun" and not found and _THIS.search(text, sentence.start, match.start())
                    and not _INTRODUCES_PARTIES.match(text, match.end())):
                continue  # "On this call, officials will ...": the press call the text itself is
            stop = next((later.start() for later in matches if later.start() >= match.end()
                         and _WITH_AFTER.match(text, later.end())), None)
            clause = _Clause.of(text, sentence, match, here, calendar, cues,
                                places_are_parties=form == "noun" and _plural(match.group("term"), cues), stop=stop)
            if form == "verb":
                kind = _kind_of_object(text, match.end(), clause.limit, nouns, terms, cues) or kind
            previous = found[-1] if found else None
            party_sets = _party_sets(text, sentence, match, form, kind, clause, here, previous, cues, [*recent, *here])
            if not party_sets and home is not None and form == "noun" and kind in ("talks", "negotiation"):
                party_sets = _talks_of_home(text, match, here, home, lexicon)
            for parties in party_sets:
                contact = _situated(_contact(text, sentence, match, kind, form, parties, clause, dates, figures,
                                             published, cues), text, sentence, match, previous, len(found),
                                    published, cues)
                if _diplomatic(parties, home, cues.abroad) and not any(
                        _same(contact, other) for other in _with_parties(found, parties, seen)):
                    found.append(contact)
    if readout and published is not None:
        found = _dated_by_earlier(_date_readout(found, sentences, published))
    if title and not readout:
        found = _title_contact(title, title_people, found, nouns, terms, cues, published, home)
    return found


def _title_contact(title: str, people: Sequence[tuple[int, int, Actor]], found: list[Contact], nouns: re.Pattern[str],
                   terms: dict[str, tuple[str, str]], cues: _Cues, published: datetime.date | None,
                   home: str | None) -> list[Contact]:
    """The contact a title of remarks names: "Remarks by President Biden and Chancellor Scholz of the Federal
    Republic of Germany Before Bilateral Meeting", "... in Joint Press Conference" (the remarks are made at
    it; a statement's title announces or reports a contact its text tells of). Its people meet on
    the publication day (held; planned when the title says "Ahead of" or "Upcoming"). A contact of the
    text with the same people and no date of its own ("I look forward to our meeting") is that one: it
    takes the day and the status; otherwise the title's contact comes first, without offsets."""
    if not cues.title_spoken.match(title):
        # "Statement by Press Secretary Jen Psaki on the Visit of Chancellor Scholz": an announcement, whose
        # author is no party and whose contact may be still to come; the text tells of it
        return found
    events = [e for e in (*cues.title_event.finditer(title), *nouns.finditer(title))
              if not cues.title_genre.search(title, max(0, e.start() - 20), e.start())]  # not "Background Press Call"
    with_ = [e for e in events if re.match(r"\s+with\s", title[e.end():e.end() + 6])]
    event = min(with_ or events, key=lambda e: e.start(), default=None)
    if event is None:
        return found
    if with_:
        # "Statement by NSC Spokesperson Emily Horne on National Security Advisor Jake Sullivan's Call with
        # ...": the one whose contact it is and those it was with, not the one who tells of it; without a
        # possessive ("Remarks by President Biden Before Meeting with ..."), the one the title names first
        before = [(end, a) for _, end, a in people if end <= event.start()]
        owner = [a for end, a in before if _POSSESSIVE.fullmatch(title, end, event.start())] or [a for _, a in before[:1]]
        people = [*owner[-1:], *(a for start, _, a in people if start >= event.end())]
    else:
        people = [a for _, _, a in people]
    people = _unique(people)
    if len(people) < 2 or not _diplomatic(people, home, cues.abroad):
        return found
    words = event.group()
    kind = "meeting" if cues.title_event.fullmatch(words) else terms.get(_term_key(words, cues), ("meeting", "noun"))[0]
    ahead = cues.title_ahead.search(title, 0, event.start()) is not None
    status = "planned" if ahead else "held"
    day = None if ahead or published is None else _published_day(published)
    ids = {p.actor_id for p in people}
    for i, contact in enumerate(found):
        if ids <= {p.actor_id for p in contact.parties}:
            if contact.date is None and contact.status != "cancelled":
                found = list(found)
                found[i] = dataclasses.replace(contact, status=status, date=day,
                                               date_source="published" if day is not None else None)
            return found  # the text tells of the title's contact
    own = Contact(None, None, None, kind, status, tuple(people), day, None, None,
                  "published" if day is not None else None, title_text=words)
    return [own, *[dataclasses.replace(c, part_of=None if c.part_of is None else c.part_of + 1) for c in found]]


def _sentence_parties(text: str, sentence: Sentence, parties_by_sentence: dict[int, list[Mention]],
                      speakers: Callable[[Sentence], Sequence[Mention]] | None, lexicon: Lexicon,
                      cues: _Cues) -> list[Mention]:
    """The possible parties of ``sentence``: its mentions, with the speakers' "I", "you" and roles (which
    are remembered in ``parties_by_sentence`` for the sentences after it) and the members of the groups
    of states it names; not a state whose people only are meant ("U.S. troops")."""
    if speakers is not None:
        extra = [m for m in speakers(sentence) if m.actor.kind in PARTY_KINDS]
        if extra:
            parties_by_sentence[sentence.sentence_id] = _with_speakers(
                parties_by_sentence.get(sentence.sentence_id, []), extra)
    in_sentence = [m for m in parties_by_sentence.get(sentence.sentence_id, ())
                   if sentence.start <= m.start < sentence.end
                   and not (m.actor.kind == "state" and cues.not_party.match(text, m.end))]
    grouped = _group_members(text, sentence, lexicon)
    return _with_speakers(in_sentence, grouped) if grouped else in_sentence


def _stated_end(text: str, sentence: Sentence) -> int | None:
    """Where the part of ``sentence`` that can report a contact ends; None for a question throughout.
    "Will you talk to him again?" asks and reports no contact; "Given that the prime ministers visited
    Kyiv last week, can you ...?" states one before it asks."""
    if not text[sentence.start:sentence.end].rstrip(" \"'”’)").endswith("?"):
        return sentence.end
    asked = list(_QUESTION_STARTS.finditer(text, sentence.start, sentence.end))
    if not asked or _ASKING.match(text, sentence.start):
        return None  # "Will President Biden meet President Putin, and will he ...?": a question throughout
    return asked[-1].start()


def _no_contact(text: str, sentence: Sentence, match: re.Match[str], form: str, here: list[Mention],
                cues: _Cues) -> bool:
    """A contact term that reports no contact here: "called for", "press call", "committed to meeting the
    goals", "to meet our climate goals", "did not meet", "would be met with consequences", "are in
    violation of", "go to war"."""
    start, end, term = match.start(), match.end(), match.group("term")
    if _NOT_A_CONTACT.match(text, start) or cues.not_diplomatic.search(text, sentence.start, start):
        return True
    if form == "noun" and term.lower().endswith("ing") and cues.not_object.match(text, end):
        return True
    if form == "verb" and (cues.not_object.match(text, end)
                           or _NEGATED.search(text, max(sentence.start, start - 30), start)
                           or (_PASSIVE.search(text, max(sentence.start, start - 20), start)
                               and term.lower().startswith("met"))):
        return True
    return _PLACE_VERB.match(term) is not None and not _place_next(text, end, here)


def _situated(contact: Contact, text: str, sentence: Sentence, match: re.Match[str], previous: Contact | None,
              n_found: int, published: datetime.date | None, cues: _Cues) -> Contact:
    """``contact`` placed in time and among the contacts before it."""
    if contact.date is None and published is not None and _BEING_THERE.match(match.group("term")):
        # "Samantha Power is on the ground in Poland": there on the day the text was published
        contact = dataclasses.replace(contact, date=_published_day(published, match.start(), "present"),
                                      date_source="published")
    during = (previous is not None and previous.sentence_id is not None
              and previous.sentence_id >= sentence.sentence_id - 1 and cues.same_time.match(text, sentence.start))
    if during and contact.date is None and previous.date is not None \
            and previous.kind in ("visit", "meeting", "summit", "talks"):
        # "During the visit, she met ...": the time of the visit or meeting just before
        contact = dataclasses.replace(contact, date=previous.date, date_source=previous.date_source)
    if during and previous.kind == "visit" and set(previous.parties) & set(contact.parties):
        # "... led a delegation to Pristina. During the visit, she met with President Osmani": a meeting of
        # the visitor during the visit is part of it (one contact_id)
        contact = dataclasses.replace(contact, part_of=previous.part_of if previous.part_of is not None
                                      else n_found - 1)
    return contact


def _dated_by_earlier(found: list[Contact], window: int = 5) -> list[Contact]:
    """In a readout, a held or cancelled contact of people without a date of its own, at most ``window``
    sentences after a dated contact of one of them, is of that occasion ("... met today with Prime
    Minister Store. ... Sullivan also met separately with Prime Minister Store"; "This followed
    Mr. Sullivan's meeting with ..."). Contacts with states ("discussed diplomacy with Russia") keep
    no date: they are rarely of the occasion."""
    out: list[Contact] = []
    for contact in found:
        earlier = None
        if contact.date is None and contact.status in ("held", "cancelled") and \
                sum(a.kind == "person" for a in contact.parties) >= 2:
            people = {a.actor_id for a in contact.parties if a.kind == "person"}
            earlier = next((e for e in reversed(out) if e.date is not None and not _vague(e.date) and e.status == "held"
                            and contact.sentence_id - window <= e.sentence_id < contact.sentence_id
                            and people & {a.actor_id for a in e.parties}), None)
        out.append(contact if earlier is None else dataclasses.replace(contact, date=earlier.date,
                                                                         date_source="earlier"))
    return out


def _within_quote(mentions: list[Mention], quoted: Sequence[tuple[int, int]], position: int) -> list[Mention]:
    """The mentions inside the direct quote around ``position`` (all of them outside quotes)."""
    k = bisect.bisect_right(quoted, (position, float("inf"))) - 1
    if k < 0 or not quoted[k][0] <= position < quoted[k][1]:
        return mentions
    start, end = quoted[k]
    return [m for m in mentions if start <= m.start < end]


def _with_speakers(mentions: Sequence[Mention], extra: Sequence[Mention]) -> list[Mention]:
    """Mentions and the mentions added for a sentence, in text order. An added mention overlapping a
    mention of the text replaces it when it resolves the same words better ("the President" as the
    speaker's state's president rather than the one president the article names; "Nordic
    counterparts" as its member states; "the Italian Prime Minister" as Mario Draghi rather than
    Italy); "we" or "our" inside a name ("our Allies") gives way."""
    dropped: set[int] = set()
    kept: list[Mention] = []
    for e in extra:
        overlapping = [i for i, m in enumerate(mentions) if m.start < e.end and e.start < m.end]
        if not overlapping:
            kept.append(e)
        elif e.via == "state group" or (e.via == _SPEAKERS_ROLE and all(
                mentions[i].via == "role" or mentions[i].actor.kind == "state" for i in overlapping)):
            kept.append(e)
            dropped.update(overlapping)
    return sorted([*(m for i, m in enumerate(mentions) if i not in dropped), *kept], key=lambda m: m.start)


_BEING_THERE = re.compile(r"(?:is|are)\b", re.IGNORECASE)
_PLACE_VERB = re.compile(r"(?:is|are|was|were|has been|have been|go)\b", re.IGNORECASE)


def _place_next(text: str, end: int, here: Sequence[Mention]) -> bool:
    """A state, capital or conference named right after ``end`` (after "the" at most)."""
    start = end + len(re.match(r"\s*(?:the\s+)?", text[end:end + 8]).group())
    return any(m.start == start and m.actor.kind in ("state", "organization") for m in here)


def _diplomatic(parties: Sequence[Actor], home: str | None = None, abroad: re.Pattern[str] | None = None) -> bool:
    """A contact across borders: its parties belong to at least two states or bodies. A meeting of
    officials of one state ("the President met economists", "Biden met Vice President Harris") is not
    diplomatic. An organisation without a state (NATO) or a described group ("transatlantic leaders")
    is a side of its own. A person whose state is unknown makes a second side next to a state or a
    body ("Minerva McGonagall visited Gondor"). When the document speaks for a state (``home``), it
    decides instead: next to people or bodies of another state the person is ``home``'s official (a
    White House readout's "Dr. Sherwood-Randall met with Kosovo President Osmani"), next to those of
    ``home`` a compatriot (Anne Neuberger meeting US agencies); and a described group of no state is
    ``home``'s people ("labor leaders", "business leaders") unless a word of ``abroad`` says it is
    foreign ("allies and partners", "regional leaders", "European leaders")."""
    sides: set[str] = set()
    institutional = unknown = False
    for party in parties:
        if party.kind == "person" and not party.country and not party.organization:
            unknown = True
            continue
        if party.country:
            sides.add(party.country)
        elif home is not None and party.kind == "group" and not (abroad is not None and abroad.search(party.actor)):
            sides.add(home)  # "met with labor leaders" in a White House readout: a domestic meeting
        elif home is not None and party.actor_id.startswith(_BODY_BY_NAME):
            sides.add(home)  # "the Department of Energy" in a White House readout: a body of its own state
        else:
            sides.add(party.organization or party.actor_id)  # NATO, a group, "NATO Secretary General ..."
        institutional = institutional or party.kind != "person"
    if len(sides) >= 2:
        return True
    if len(sides) != 1 or not unknown:
        return False
    return home not in sides if home is not None else institutional


def _hosts_a_guest(text: str, match: re.Match[str], here: list[Mention]) -> bool:
    """ "welcomed Chancellor Scholz to the White House", "will be hosting Norland next week": a host
    verb is a contact with a guest and a place, or a named guest that ends the clause; "hosting refugees
    from Ukraine", "hosting Afghan evacuees", "welcomed Bahrain joining the accords", "welcomed
    Kishida's invitation" are not."""
    if _GUEST_AND_PLACE.match(text, match.end()):
        return True
    guest = next((m for m in here if m.start >= match.end()), None)
    return (guest is not None and not text[match.end():guest.start].strip() and guest.via != "adjective"
            and guest.actor.kind in ("person", "state") and _AFTER_GUEST.match(text, guest.end) is not None)


def _with_parties(found: list[Contact], parties: Sequence[Actor],
                  seen: dict[frozenset[str], list[int]]) -> list[Contact]:
    """The contacts of ``found`` that may have exactly these parties, by an index of party ids kept in
    ``seen`` (``seen[frozenset()]`` holds how many contacts are indexed): checking each new contact
    against every earlier one would take time that grows with the square of their number. Only the last
    contact can still gain parties (a list joined to it), so it is indexed once another follows it and
    is always returned meanwhile; ``_same`` compares the parties."""
    done = seen.setdefault(frozenset(), [0])
    for i in range(done[0], len(found) - 1):
        seen.setdefault(frozenset(p.actor_id for p in found[i].parties), []).append(i)
    done[0] = max(done[0], len(found) - 1)
    indexes = seen.get(frozenset(p.actor_id for p in parties), [])
    return [found[i] for i in indexes] + found[-1:]


def _same(contact: Contact, other: Contact) -> bool:
    """ "the meeting" ... "the talks": the same parties are one contact, unless the later mention
    gives the contact a status or date of its own (a held call, then a planned visit)."""
    ids = {p.actor_id for p in contact.parties}
    if ids != {p.actor_id for p in other.parties}:
        return False
    return contact.status == other.status or (contact.status == "held" and contact.date is None)


def _refers_back(text: str, sentence: Sentence, match: re.Match[str]) -> bool:
    """ "This meeting was ...", "Participants in the call included ...": a noun that names an
    earlier contact (a definite or demonstrative noun with no parties introduced after it)."""
    before = text[sentence.start:match.start()]
    return _ANAPHORIC.search(before) is not None and _INTRODUCES_PARTIES.match(text, match.end()) is None


def _talks_of_home(text: str, match: re.Match[str], here: Sequence[Mention], home: str,
                   lexicon: Lexicon) -> list[tuple[Actor, ...]]:
    """ "the Iran talks", "talks with Iran" in a document that speaks for a state: talks or negotiations
    named by one foreign state (right before the noun, or after "with" right after it) and no other
    party are the home state's with it."""
    if not match.group("term").lower().startswith(("talk", "negotiation")) or _PEACE.search(text, 0, match.start()):
        return []  # "the Ukraine peace talks" are between the warring sides
    if any(m.actor.kind in ("person", "organization") and m.actor.country != home for m in here):
        return []  # "President Zelenskyy said talks with Russia would continue": his talks, not ours
    before = [m for m in here if m.end <= match.start() and _TALKS_OF.fullmatch(text, m.end, match.start())]
    after = [m for m in here if m.start >= match.end() and _WITH_STATE.fullmatch(text, match.end(), m.start)]
    states = _unique([m.actor for m in [*before, *after] if m.actor.kind == "state"])
    own = state_actor(home, lexicon=lexicon)
    if own is None or len(states) != 1 or states[0].actor_id == home:
        return []
    return [(own, states[0])]


_PEACE = re.compile(r"\bpeace\s+$", re.IGNORECASE)
_TALKS_OF = re.compile(r"(?:['’]s)?\s+(?:[a-z-]+\s+)?")  # "Iran talks", "Iran nuclear talks"
_WITH_STATE = re.compile(r"\s+with\s+(?:the\s+)?")


def _place_the_last(text: str, sentence: Sentence, match: re.Match[str], here: list[Mention],
                    found: list[Contact], calendar: frozenset[str], cues: _Cues) -> None:
    """ "Blinken said after his meeting ... in Hawaii": a noun that refers to an earlier contact gives it
    the place it names, if it had none: the last contact (not a call) of the person named before a
    possessive noun ("his meeting")."""
    place = _Clause.of(text, sentence, match, here, calendar, cues).place
    if place is None:
        return
    person = next((m.actor.actor_id for m in reversed(here) if m.end <= match.start() and m.actor.kind == "person"),
                  None)
    if person is None or not _OWNED.search(text, sentence.start, match.start()):
        return  # "the talks in Vienna": which contact is meant is not known
    index = next((i for i in range(len(found) - 1, -1, -1) if person in {p.actor_id for p in found[i].parties}
                  and found[i].kind not in ("call", "video call", "message")), None)
    if index is not None and found[index].location is None:
        found[index] = dataclasses.replace(found[index], location=place)


def _names_the_last(text: str, sentence: Sentence, match: re.Match[str], found: list[Contact],
                    terms: dict[str, tuple[str, str]], cues: _Cues) -> bool:
    """ "During this call with President Macron, Chancellor Scholz ...": a demonstrative noun with a
    with-list, right after a contact of that kind, lists that contact's parties."""
    last = found[-1]
    kind = terms.get(_term_key(match.group("term"), cues), ("meeting", "noun"))[0]
    return (_DEMONSTRATIVE.search(text, sentence.start, match.start()) is not None
            and re.match(r"\s+with\s", text[match.end():match.end() + 6]) is not None
            and last.kind == kind and sentence.sentence_id - 3 <= last.sentence_id < sentence.sentence_id)


def _join_named(match: re.Match[str], here: list[Mention], found: list[Contact]) -> None:
    last = found[-1]
    known = {p.actor_id for p in last.parties}
    named = _unique([m.actor for m in here if m.start >= match.end() and m.actor.actor_id not in known
                     and (m.actor.kind != "person" or _named(m))])
    people_states = {a.country for a in named if a.kind == "person"}
    named = [a for a in named if not (a.kind == "state" and a.actor_id in people_states)]  # "Macron of France"
    if named:
        kept = tuple(p for p in last.parties if not p.actor_id.startswith(_GROUP_PREFIX))
        found[-1] = dataclasses.replace(last, parties=kept + tuple(named))


def _join_list(text: str, sentence: Sentence, match: re.Match[str], here: list[Mention],
               found: list[Contact], cues: _Cues) -> None:
    """ "Joining President Biden on the call were X, Y and Z": add the listed people to the last
    contact, in place of the group it named ("transatlantic leaders")."""
    clause_end = cues.clause_end.search(text, match.end(), sentence.end)
    clause_start = text.rfind(", ", sentence.start, match.start())
    region = text[max(sentence.start, clause_start):clause_end.start() if clause_end else sentence.end]
    if not cues.listing.search(region):
        return
    last = found[-1]
    known = {p.actor_id for p in last.parties}
    people = _unique([m.actor for m in here if m.actor.kind == "person" and m.actor.actor_id not in known
                      and _named(m)])
    if people:
        kept = tuple(p for p in last.parties if not p.actor_id.startswith(_GROUP_PREFIX))
        found[-1] = dataclasses.replace(last, parties=kept + tuple(people))


def _kind_of_object(text: str, end: int, limit: int, nouns: re.Pattern[str],
                    terms: dict[str, tuple[str, str]], cues: _Cues) -> str | None:
    """ "hosted a secure conference call", "convened a virtual meeting": the noun gives the kind."""
    noun = nouns.search(text, end, min(limit, end + 60))
    if noun is None or not _FEW_WORDS.fullmatch(text, end, noun.start()):
        return None
    return terms.get(_term_key(noun.group("term"), cues), (None, None))[0]


@dataclass(frozen=True)
class _Clause:
    """Where a contact term's parties may stand: mentions before and after it, and the place."""

    limit: int
    before: tuple[Mention, ...]
    after: tuple[Mention, ...]
    place: str | None

    @classmethod
    def of(cls, text: str, sentence: Sentence, match: re.Match[str], here: list[Mention],
           calendar: frozenset[str], cues: _Cues, *, places_are_parties: bool = False,
           stop: int | None = None) -> _Clause:
        start, end = match.start(), match.end()
        # "every country we visited: Ecuador, Colombia, Panama": a colon right after the term opens its list
        listed = _LIST_AFTER.match(text, end)
        clause_end = cues.clause_end.search(text, listed.end() if listed else end, sentence.end)
        limit = clause_end.start() if clause_end else sentence.end
        if stop is not None:
            limit = min(limit, stop)  # "a meeting with X, a meeting with Y": the next contact has its own parties
        if cues.opening.match(text, sentence.start, start):
            # "During her meetings with the leaders of Poland and Romania, the Vice President will ...":
            # an opening phrase ends at its comma
            comma = text.find(", ", end, limit)
            limit = comma if comma != -1 else limit
        before = tuple(m for m in here if m.end <= start)
        after = [m for m in here if end <= m.start < limit]
        location = _LOCATION.search(text, end, limit)
        place = None
        if location is not None and not _starts_with_calendar_word(location.group("place"), calendar):
            place = location.group("place")
            if place.endswith(".") and not re.search(r"\b[A-Z]\.$", place):
                place = place[:-1]  # the sentence's full stop, not an abbreviation ("Washington, D.C.")
            if places_are_parties:
                place = None  # "his recent meetings in Russia and Ukraine": the places are the parties,
                # and what follows them is not ("... in Belgium, and the assistance ... to Ukraine")
                after = [m for m in after if m.start < location.end("place")]
            else:  # "met ... in Munich, Germany": the place is not a party
                after = [m for m in after if not location.start("place") <= m.start < location.end("place")]
        return cls(limit, before, tuple(after), place)


def _party_sets(text: str, sentence: Sentence, match: re.Match[str], form: str, kind: str, clause: _Clause,
                here: list[Mention], previous: Contact | None, cues: _Cues,
                earlier: Sequence[Mention] = ()) -> list[tuple[Actor, ...]]:
    """The parties of the contact a term reports; several sets when the contacts were separate
    ("their recent conversations with their Russian and Ukrainian counterparts")."""
    start, end = match.start(), match.end()
    before, after = list(clause.before), _before_reported_speech(text, end, clause, cues)
    after = [m for m in after if not _determiner(m)]  # "with the heads of state of our NATO Allies"
    if form == "noun" and not after and not _possessor(text, start, before):
        # "In an hour-long phone call on Saturday, Biden told Putin ...": the people of the sentence
        ours = _OUR.search(text, max(sentence.start, start - 30), start) is not None
        people = _unique([m.actor for m in here if m.actor.kind == "person" and (_named(m) or (ours and _dialogue(here)))])
        if len(people) >= 2:
            return [tuple(people)]
        joint = _coordinated(text, before, start)
        if len(joint) >= 2:
            return [tuple(joint)]  # "Velmora and Norland held talks on Monday"
    if re.match(r"\s+between\s", text[end:end + 10]):
        before = []  # "the talks between X and Y": the parties are named after the noun
    subjects = _subjects(text, sentence, start, form, before, after, previous, cues, earlier)
    if form == "verb" and not subjects:
        return []  # "we've met with our Polish and Baltic counterparts": who met them is not known
    others = _others([*before, *after], after, subjects)
    if not others:
        group = cues.group_after.match(text, end, clause.limit)
        if group is not None and (group.group("link") or match.group("term").lower().endswith((" with", " to"))):
            name = _GROUP_DETERMINER.sub("", group.group("group")).strip()
            # "senior White House officials": a group of one state's people is on that state's side
            inside = {m.actor.country for m in here if group.start("group") <= m.start < group.end("group")
                      and m.actor.kind == "state"}
            others = [Actor(_GROUP_PREFIX + "-".join(name.lower().split()), name, "group",
                            inside.pop() if len(inside) == 1 else None)]
    if not others and subjects:
        referent = _object_pronoun(text, end, earlier, subjects, previous, sentence)
        others = [referent] if referent is not None else []
    distributive = form == "noun" and _plural(match.group("term"), cues)
    if kind == "visit" and form == "verb" and len(others) > 1 and all(o.kind == "state" for o in others):
        distributive = True  # "visited Ecuador, Colombia and Panama": one visit per state
    if distributive and subjects and others and len(subjects) * len(others) > 1:
        return [(s, o) for s in subjects for o in others if s.actor_id != o.actor_id]
    parties = _unique([*subjects, *others])
    if len(parties) < 2 or (kind == "visit" and not any(p.kind == "person" for p in parties)
                            and not _led_by_people(text, sentence, start, cues)):
        return []  # a visit is made by someone ("avoid travel to Ukraine" is advice, not a visit)
    return [tuple(parties)]


def _object_pronoun(text: str, end: int, earlier: Sequence[Mention], subjects: list[Actor],
                    previous: Contact | None = None, sentence: Sentence | None = None) -> Actor | None:
    """ "Chancellor Scholz will be meeting with him": the person the contact just before was with
    ("Macron has spoken with him [Putin] twice. The Italian Prime Minister has spoken with him."), else
    the last person named before, other than the subject (in the sentence or the two before it)."""
    if _HIM_OR_HER.match(text, end) is None:
        return None
    ids = {s.actor_id for s in subjects}
    if previous is not None and sentence is not None and previous.sentence_id >= sentence.sentence_id - 1 \
            and len(previous.parties) >= 2:
        other = previous.parties[-1]
        if other.kind == "person" and other.actor_id not in ids:
            return other
    people = [m for m in earlier if m.end <= end and m.actor.kind == "person" and m.actor.actor_id not in ids
              and _named(m) and m.via != "label"]
    return people[-1].actor if people else None


def _led_by_people(text: str, sentence: Sentence, start: int, cues: _Cues) -> bool:
    """ "the prime ministers of Poland, Slovenia and the Czech Republic visited Kyiv": states named
    after a group noun of people are people of those states."""
    return cues.people_of.search(text, sentence.start, start) is not None


def _before_reported_speech(text: str, end: int, clause: _Clause, cues: _Cues) -> list[Mention]:
    """The mentions after a term, up to what someone is reported to have said: "in a phone call,
    Biden told Putin the West would respond" has the parties Biden and Putin (the addressee right
    after "told"), not the West."""
    speech = cues.speech.search(text, end, clause.limit)
    if speech is None:
        return list(clause.after)
    kept = [m for m in clause.after if m.start < speech.start()]
    addressee = next((m for m in clause.after if m.start >= speech.end()), None)
    if addressee is not None and not text[speech.end():addressee.start].strip():
        kept.append(addressee)
    return kept


def _plural(term: str, cues: _Cues) -> bool:
    """ "meetings", "calls": several separate contacts ("talks" and "negotiations" are one)."""
    return term.lower().endswith("s") and term.lower() not in cues.one_event


def _possessor(text: str, start: int, before: list[Mention]) -> Mention | None:
    """ "President Macron's recent meetings", "our conversations with the Saudis": the mention that
    owns the contact noun ("our meeting" of a speaker and the person addressed is theirs, not their
    state's)."""
    for m in reversed(before):
        if _POSSESSIVE.fullmatch(text, m.end, start):
            if _INVITATION.search(text, m.end, start):
                return None  # "welcomed Kishida's invitation to visit Japan": the one invited visits
            return m
        if _determiner(m) and _FEW_WORDS.fullmatch(text, m.end, start) and not _dialogue(before):
            return m  # "our conversations with the Saudis", "your meeting with President Zelenskyy"
    return None


def _subjects(text: str, sentence: Sentence, start: int, form: str, before: list[Mention],
              after: list[Mention], previous: Contact | None, cues: _Cues,
              earlier: Sequence[Mention] = ()) -> list[Actor]:
    """Who made the contact: a possessor ("Macron's meetings", "her visit": the last person named),
    the clause's subject (or a list of people), or, for "they" and "the leaders", the parties of the
    previous contact."""
    owner = _possessor(text, start, before) if form == "noun" else None
    if owner is not None:
        return [owner.actor]
    if form == "noun" and _HIS_OR_HER.search(text, max(sentence.start, start - 40), start):
        people = [m for m in earlier if m.end <= start and m.actor.kind == "person" and _named(m)]
        if people:
            return [people[-1].actor]
    clause_start = _clause_start(text, sentence, start)
    in_clause = [m for m in before if m.start >= clause_start
                 and not _with_object(text, sentence, m)]
    if previous is not None and (
            (not in_clause and cues.collective.search(text, clause_start, start))
            or cues.collective_named.search(text, clause_start, start)):
        return [p for p in previous.parties if not p.actor_id.startswith(_GROUP_PREFIX)]
    if form == "verb" and not after:
        boundary = max((b.end() for b in cues.clause_end.finditer(text, sentence.start, start)), default=0)
        listed = [m for m in before if m.actor.kind == "person" and m.start >= boundary and _named(m)]
        people = _unique([m.actor for m in listed])
        first = listed[0].start if listed else start
        if len(people) >= 2 and not (cues.speech.search(text, first, start) or _STOPS.search(text, first, start)):
            return people  # "X, Y, and Z convened", "the leaders – X, Y and Z – met": all took part
    joint = _coordinated(text, before, start)
    if len(joint) >= 2:
        return joint  # "Velmora and Norland met Rohan", "President Macron and Chancellor Scholz spoke with ..."
    if not in_clause and _PRONOUN_SUBJECT.search(text, clause_start, start):
        # "He was meeting with Ukrainian officials": the last person named before (not a transcript label),
        # not whom a contact was with ("Following a meeting with Secretary General Stoltenberg, she met ...")
        people = [m for m in earlier if m.end <= start and m.actor.kind == "person" and _named(m) and m.via != "label"
                  and not _with_object(text, sentence, m)]
        return [people[-1].actor] if people else []
    subject = _subject(text, sentence, start, before, cues) if before else None
    return [subject] if subject is not None else []


def _coordinated(text: str, before: list[Mention], start: int) -> list[Actor]:
    """Parties joined by "and" or commas right before a contact term ("X and Y held talks", "X, Y and
    Z met"); a person's state after "of" ("President Macron of France and ...") belongs to the person."""
    chain: list[Mention] = []
    position = start
    for m in reversed(before):
        gap = text[m.end:position]
        if not chain:
            if not _NEAR_TERM.fullmatch(gap):
                return []
        elif not _JOINED.fullmatch(gap) and not (m.via == "state group" and m.start == position):
            if chain and chain[-1].actor.kind == "state" and _OF.fullmatch(gap) and m.actor.kind == "person":
                chain[-1] = m  # "President Macron of France": the person, not the state
                position = m.start
                continue
            break
        chain.append(m)
        position = m.start
    return _unique([m.actor for m in reversed(chain)]) if len(chain) >= 2 else []


def _others(nearby: list[Mention], after: list[Mention], subjects: list[Actor]) -> list[Actor]:
    """The parties named after the term, without the states and organisations of named people."""
    countries_of_people = {m.actor.country for m in after if m.actor.kind == "person"}
    countries_of_people |= {s.country for s in subjects if s.kind == "person"}
    chosen: list[Actor] = []
    for m in after:
        if m.actor.kind == "state" and m.actor.country in countries_of_people:
            continue  # "Russian President Vladimir Putin", "President of Finland Sauli Niinisto": the person's state
        if m.actor.kind == "organization" and any(p.actor.organization == m.actor.actor_id for p in nearby):
            continue  # "NATO Secretary General Jens Stoltenberg": the organisation is the person's
        if all(s.actor_id != m.actor.actor_id for s in subjects):
            chosen.append(m.actor)
    return _unique(chosen)


def _named(mention: Mention) -> bool:
    """A party named in the text, not "I", "we" or "you": those take part only as the subject or the
    object of a contact ("I spoke with ...", "... met with you", "our conversations with the Saudis"),
    never as bystanders of the sentence (a press secretary's "I" in "I can confirm the President spoke
    with ...")."""
    return mention.via not in _PRONOUN_VIAS


def _determiner(mention: Mention) -> bool:
    """ "our" or "your" before a noun: it may own a contact ("our conversations with ..."), never be met."""
    return mention.text.lower() in ("our", "your") and mention.via in _PRONOUN_VIAS


def _dialogue(here: list[Mention]) -> bool:
    """ "As I mentioned to you, I look forward to our meeting": a speaker and the person addressed,
    both in the sentence, speak of their own contact (asked only when "our" owns the contact noun)."""
    return {m.via for m in here} >= {"first person", "second person"}


def _unique(actors: Sequence[Actor]) -> list[Actor]:
    seen: set[str] = set()
    return [a for a in actors if not (a.actor_id in seen or seen.add(a.actor_id))]  # type: ignore[func-returns-value]


def _starts_with_calendar_word(place: str, calendar: frozenset[str]) -> bool:
    """ "in March", "on Monday" name a time, not a place."""
    return place.split(maxsplit=1)[0].rstrip(".") in calendar


def _contact(text: str, sentence: Sentence, match: re.Match[str], kind: str, form: str,
             parties: tuple[Actor, ...], clause: _Clause, dates: Sequence[DateMention], figures: Sequence[Figure],
             published: datetime.date | None, cues: _Cues) -> Contact:
    start, end = match.start(), match.end()
    window = text[max(sentence.start, start - 60):start]
    status = "held"
    if cues.cancelled.search(text, sentence.start, clause.limit):
        status = "cancelled"
    elif cues.accepted.search(window):
        status = "planned"  # "has accepted the invitation to have a meeting with ..."
    elif cues.proposed.search(window) or (form == "noun" and _HYPOTHETICAL.search(window)
                                          and not cues.done.search(window) and _date(sentence, start, dates) is None):
        status = "proposed"  # "preconditions for a conversation between ...": a contact not (yet) agreed
    elif cues.planned.search(window) or (form == "verb" and _term_key(match.group("term"), cues) in cues.base_forms
                                         and not _DID.search(window)):
        status = "planned"
    date = _date(sentence, start, dates, _clause_start(text, sentence, start), clause.limit)
    if date is not None and status == "held" and (
            date.tense == "future" or (published is not None and date.date is not None and date.date > published)):
        status = "planned"
    duration = next((f for f in figures if f.category == "duration" and sentence.start <= f.start < sentence.end
                     and abs(f.start - start) < 40), None)
    minutes = _minutes(duration) if duration is not None else None
    return Contact(sentence.sentence_id, start, end, kind, status, parties, date, clause.place, minutes,
                   "text" if date is not None else None)


def _date_readout(found: list[Contact], sentences: Sequence[Sentence], published: datetime.date) -> list[Contact]:
    """A readout reports its own contact first, on the day it is published ("spoke with ..." in
    a readout of 12 February): date that contact when its sentence gives no date."""
    if not found or not sentences:
        return found
    first = found[0]
    opening = {s.sentence_id for s in sentences[:2]}
    if first.status != "held" or first.date is not None or first.sentence_id not in opening:
        return found
    day = _published_day(published, first.start)
    return [dataclasses.replace(first, date=day, date_source="published"), *found[1:]]


def _with_object(text: str, sentence: Sentence, mention: Mention) -> bool:
    """Whether ``mention`` is whom a contact was with ("a meeting with Secretary General Stoltenberg"):
    such a party is not the subject of a later contact term."""
    return _OBJECT_OF_WITH.search(text, max(sentence.start, mention.start - 60), mention.start) is not None


def _published_day(published: datetime.date, position: int = 0, tense: str = "past") -> DateMention:
    """The publication day as the date of a contact the text gives no date (``date_text`` empty)."""
    return DateMention(position, position, "", published, "published", published, tense)


def _clause_start(text: str, sentence: Sentence, position: int) -> int:
    cuts = [m.end() for m in re.finditer(r"[;:]|, (?:but|and|while) |\s[—–]\s", text[sentence.start:position])]
    return sentence.start + max(cuts) if cuts else sentence.start


def _subject(text: str, sentence: Sentence, position: int, before: list[Mention], cues: _Cues) -> Actor | None:
    """The party written before the term: the first person (else state or organisation) of the clause,
    after what reports it ("I would note that Ambassador Sullivan met ...": not "I"; "Biden said he
    spoke with ...": "he" is Biden)."""
    clause_start = _clause_start(text, sentence, position)
    reported = max(cues.reported.finditer(text, clause_start, position), key=lambda m: m.start(), default=None)
    if reported is not None and _TO.fullmatch(text, reported.end(), position):
        reported = None  # "Biden expects to meet Putin": the one who expects is the one who meets
    if reported is not None:
        candidates = [m for m in before if m.start >= reported.end()]
        if not candidates:
            pronoun = _HE_OR_SHE.search(text, reported.end(), position)
            speaker = [m for m in before if m.end <= reported.start() and m.actor.kind == "person" and _named(m)]
            return speaker[-1].actor if pronoun is not None and speaker else None
    else:
        candidates = [m for m in before if m.start >= clause_start] or before
    # "a bilateral meeting with President Zelenskyy, a bilateral meeting with Chancellor Scholz": whom an
    # earlier contact was with is not the subject of the next
    candidates = [m for m in candidates if not _with_object(text, sentence, m)]
    people = [m for m in candidates if m.actor.kind == "person"]
    chosen = (people or candidates)
    return chosen[0].actor if chosen else None


def _date(sentence: Sentence, position: int, dates: Sequence[DateMention], first: int | None = None,
          last: int | None = None) -> DateMention | None:
    """The date expression nearest the term, preferring one inside the term's clause (``first`` ..
    ``last``): "meeting with officials a couple of days ago, ... and he's meeting with his Russian
    counterpart tomorrow" dates the second meeting tomorrow."""
    inside = [d for d in dates if sentence.start <= d.start < sentence.end and d.date is not None
              and d.kind in ("explicit", "weekday", "relative", "month")]
    if first is not None and last is not None:
        in_clause = [d for d in inside if first <= d.start < last]
        inside = in_clause or inside
    return min(inside, key=lambda d: abs(d.start - position), default=None)


def _vague(date: DateMention) -> bool:
    """A span longer than a month ("later this year", "last year") gives a contact no date in the table
    (its first day would put a planned visit on the publication day); ``date_text`` keeps the words."""
    return date.end_date is not None and (date.end_date - date.date).days > 31


_MINUTES = {"minute": 1, "minutes": 1, "hour": 60, "hours": 60, "day": 1440, "days": 1440}


def _minutes(figure: Figure) -> float | None:
    factor = _MINUTES.get(figure.unit or "")
    return None if factor is None or figure.value is None else figure.value * factor


def contact_rows(article_id: str, text: str, contacts: Sequence[Contact]) -> list[dict[str, object]]:
    """Return the ``contacts`` table rows: one per pair of parties, sharing ``contact_id``."""
    rows = []
    ids: list[int] = []
    for contact in contacts:
        part_of = contact.part_of
        ids.append(ids[part_of] if part_of is not None and part_of < len(ids) else
                   max(ids, default=-1) + 1)
        for first, second in itertools.combinations(contact.parties, 2):
            rows.append({
                "article_id": article_id, "contact_id": ids[-1], "sentence_id": contact.sentence_id,
                "start": contact.start, "end": contact.end,
                "text": contact.title_text if contact.start is None else text[contact.start:contact.end],
                "kind": contact.kind, "status": contact.status,
                "date": contact.date.date if contact.date and not _vague(contact.date) else None,
                "date_text": contact.date.text if contact.date and contact.date.text else None, "location": contact.location,
                "duration_minutes": contact.duration_minutes, "actor1": first.actor, "actor2": second.actor,
                "date_source": None if contact.date is not None and _vague(contact.date) else contact.date_source,
            })
    return rows
