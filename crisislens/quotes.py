"""Quotes: direct, indirect and mixed attributed statements, and transcript turns, with resolved speakers.

Extracts, from an article's sentences and actor mentions:

- direct quotes: text inside quotation marks, one or several sentences, attributed by a reporting cue
  before or after it ('"...," Blinken said', 'said Blinken', 'Blinken said: "..."'), split quotes
  ('"...," he said. "..."' is one quote), a quote paragraph that continues the last speaker, and
  a speaker in the next sentence ('"...". So said Blinken.');
- indirect quotes: "X said (that) ...", "X told Y ...", "..., X said.", "according to X, ...",
  adding-clauses (", adding ...") and nominal cues ("Washington's warning that ...");
- mixed quotes: reported speech that contains a quoted fragment;
- nested reports: "the Kremlin said President Putin told President Biden ..." gives both statements,
  the inner one pointing to the outer through ``parent_quote_id``;
- transcript turns ("MS. PSAKI:", "Q") as quotes of kind ``transcript``, one per turn.

Speakers are actors from :mod:`crisislens.actors` (pronouns resolved to the last person named).
Deliberately not done: quotation marks without an attribution and too short to be a statement
(scare quotes, titles of books or operations) are never quotes; beliefs without a speech act
("X wants", "X believes") are not quotes.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from crisislens.actors import Actor, Mention, literal_alternation, resolve_pronoun
from crisislens.dates import DateMention
from crisislens.lexicon import Lexicon
from crisislens.text import Body, Sentence

SPEAKER_KINDS = frozenset({"person", "anonymous", "state", "organization", "media", "group"})
_PERSON_LIKE = frozenset({"person", "anonymous"})
_MAX_ATTRIBUTION_DISTANCE = 300  # characters from a quote's end to its cue ('"...," X, a lawyer who ..., said')
_MAX_SPLIT_GAP = 10
_MAX_ATTRIBUTION_WORDS = 40  # an attribution with a long apposition between the parts of one quote  # words of attribution between the two parts of a split quote
_MAX_SUBJECT_GAP = 6
_MAX_APPOSITION_GAP = 24  # words of an apposition between commas: "X, a developer and spokeswoman for Y, said"
_APPOSITION_GAP = re.compile(r"(?:\s\([^()]{1,30}\))?,\s[^,;\"]{1,200},\s(?:(?:\w+ly|also|has|had|have)\s)*")  # words between a speaker and its cue ("A senior official in X's administration said")
_PRONOUN = re.compile(r"(?<![\w'])(?P<p>[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ii]t)\s+(?:(?:\w+ly|also|has|have|had|then|later|again|would|will|did|not)\s+){0,2}$")
_THAT = re.compile(r"\s*(?:,\s*)?(?:that\b|:)?\s*")
_WORDS = re.compile(r"[\w'-]+")
_ADDRESSEE_VERBS = frozenset({"told", "tell", "tells", "telling", "warned", "warn", "warns", "assured", "assure",
                              "assures", "informed", "inform", "informs", "urged", "urge", "urges", "asked"})
_PARTICIPLE_CUTS = re.compile(r",\s+(?:adding|saying|noting|warning|stressing|insisting|arguing|according to)\b"
                              r"|;\s|,\s+(?:and|but)\s+(?:when|while|as|after|before|if|although|then)\b"
                              r"|,\s+(?:while|whereas)\s")
_GROUP_SUBJECT = re.compile(
    r"(?<![\w])(?:[Tt]he|[Bb]oth)\s(?P<group>(?:(?:two|three|four|five)\s)?(?:leaders|presidents|prime ministers|"
    r"ministers|sides|parties|delegations|participants|officials))\s+(?:(?:\w+ly|also|have|had|jointly)\s+){0,2}$")
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
_SETTING = re.compile(
    r"(?:(?:(?:on\s)?" + _DAY + r"(?:\s(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|earlier|later)\s(?:week|month|year|morning|afternoon|evening|night)"
    r"|earlier|later|again|recently|repeatedly|publicly|privately"
    r"|(?:in|during|at|on)\s(?:an?|the|his|her|their|its)\s(?:[\w-]+\s){0,2}?"
    r"(?:interview|statement|briefing|speech|email|letter|call|conference|post|tweet|video|op-ed|meeting|remarks)"
    r")(?:,\s|\s))+")
# "said on CBS's "Face the Nation" that ...": a programme or place named before "that"
_PLACE_THEN_THAT = re.compile(
    r"(?:on|in|at|during)\s(?:(?:the|a|an)\s)?[A-Z\"][\w'\".-]*\s(?:(?:[A-Z\"][\w'\".-]*|the|of|and)\s){0,5}(?=that\s)")
_EMPTY_CONTENT = re.compile(r"(?:as much|so|this|that)(?=[\s.,]|$)")
_NAMED_ADDRESSEE = re.compile(r"\s(?:The\s)?[A-Z][\w'&.-]*(?:\s[A-Z][\w'&.-]*){0,4}(?=[\s,.])")
_RELATIVE_BEFORE = re.compile(r"(?<![\w])(?:what|which|whom)\s+$")
_SHARE_SUBJECT = re.compile(
    r"(?<![\w])(?P<share>(?:(?:[Aa]nother|[Nn]early|[Aa]bout|[Oo]nly|[Aa]lmost|[Jj]ust|[Mm]ore than)\s)?"
    r"(?:\d[\d.,]*|[A-Za-z]+)(?:\s?(?:percent|%)|\sof\s(?:\d+|ten)\s[a-z]+)(?:\sof\s(?:[\w-]+\s){0,2}[\w-]+)?)"
    r"\s+(?:(?:\w+ly|also)\s+)?$")
_MODAL_BEFORE = re.compile(r"(?<![\w'])(?:would|will|could|might|may|should|must|can|to)\s+(?:\w+ly\s+)?$")
_QUOTATION_MARK = re.compile('"')
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_UNNAMED_ADDRESSEE = re.compile(r"\s+(?:him|her|them|us|reporters|journalists|lawmakers|the (?:\w+ )?(?:audience|"
                                r"crowd|committee|panel|press|newspaper|paper|network|station))\b")
_WORD_AHEAD = re.compile(r"\s*[A-Za-z]")
_DASH_AHEAD = re.compile(r"\s*[,\u2014\u2013-]")
_WORD_BEFORE_COLON = re.compile(r"([\w.'\-]+)\s*[:,]?\s*$")
_ADDRESSEE_GAP = re.compile(r"(?:\s+(?:reporters|journalists|him|her|them|the \w+))?\s*[:,]?\s*")
_COMMA_BEFORE = re.compile(r",\s*$")
_CLAUSE_BREAK = re.compile(r",\s+(?:but|and|while|whereas|although|following|after|as)\b")
_COORDINATED = re.compile(r"(?:,?\s+(?:but|and)(?:\s+also)?|,)\s+$")


@dataclass(frozen=True)
class Quote:
    """An attributed statement: its content span, kind, cue, speaker and addressee."""

    sentence_id: int
    start: int
    end: int
    kind: str
    cue: str | None
    speaker: Actor | None
    speaker_text: str | None
    addressee: Actor | None = None
    parent: int | None = None




@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    word: str
    kind: str  # verb, noun, phrase
    sentence_id: int


@functools.lru_cache(maxsize=8)
def _cue_patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    rows = lexicon.table("reporting_cues")
    verbs = {r["word"] for r in rows if r["kind"] == "verb"}
    nouns = {r["word"] for r in rows if r["kind"] == "noun"}
    phrases = {r["word"] for r in rows if r["kind"] == "phrase"}
    verb = re.compile(r"(?<![\w'-])(?:" + literal_alternation(verbs) + r")(?![\w'-])")
    noun = re.compile(r"'s\s(?P<noun>" + literal_alternation(nouns) + r")s?\s(?:that|of)\s")
    phrase = re.compile(r"(?<![\w'-])(?i:" + literal_alternation(phrases, ignore_case=True) + r")(?![\w'-])")
    return verb, noun, phrase


@functools.lru_cache(maxsize=8)
def _vocative(lexicon: Lexicon) -> re.Pattern[str]:
    """ "Mr. President,", "Madam Vice President —": an honorific of ``titles.csv`` (a title without a
    role) before a title, calling someone by it."""
    honorifics = {r["title"] for r in lexicon.table("titles") if not r["role"]}
    return re.compile(r"(?<![\w.])(?:" + literal_alternation(honorifics) + r")\s(?P<title>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})"
                      r"(?=\s?[,.!—–-])")


@functools.lru_cache(maxsize=8)
def _role_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    roles = sorted({r["title"].lower() for r in lexicon.table("titles") if r["role"] and not r["title"].endswith(".")},
                   key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:[Tt]he|[Aa]n?)\s(?P<role>(?:(?:former|then|new|top|acting|deputy|[a-z]+al)\s)?(?:"
                      + "|".join(re.escape(r) for r in roles) + r"))\s+(?:(?:\w+ly|also|has|had|have)\s+){0,2}$",
                      re.IGNORECASE)


def quoted_spans(text: str, body: Body) -> list[tuple[int, int]]:
    """Content spans (inside the marks) of the quotations of each paragraph.

    A quotation opened and not closed in its paragraph continues into the next paragraph when that
    one opens with a quotation mark (the news convention for a quote over several paragraphs);
    otherwise the unmatched mark is ignored.
    """
    spans: list[tuple[int, int]] = []
    carry = False
    for paragraph in body.paragraphs:
        start = paragraph.label_end or paragraph.start
        marks = [m.start() for m in _QUOTATION_MARK.finditer(text[start:paragraph.end])]
        marks = [start + m for m in marks]
        opened: int | None = None
        if carry and not (marks and marks[0] == start):
            carry = False
        for position in marks:
            before = text[position - 1] if position > 0 else " "
            after = text[position + 1] if position + 1 < len(text) else " "
            opening = before.isspace() or before in "([{\u2014\u2013-/" or position == start
            closing = not before.isspace() and (after.isspace() or after in ".,;:!?)]}\u2014\u2013-" or
                                                  position + 1 >= paragraph.end)
            if opened is None and (opening or not closing):
                opened = position
            elif opened is not None and (closing or not opening):
                if position > opened + 1:
                    spans.append((opened + 1, position))
                opened = None
        if opened is not None:
            nxt = paragraph.paragraph_id + 1
            continues = nxt < len(body.paragraphs) and text.startswith('"', body.paragraphs[nxt].start)
            if continues and paragraph.end > opened + 1:
                spans.append((opened + 1, paragraph.end))
            carry = continues
    return spans


def extract_quotes(text: str, body: Body, sentences: Sequence[Sentence], mentions: Sequence[Mention], *,
                   lexicon: Lexicon) -> list[Quote]:
    """Find the attributed statements of an article.

    Args:
        text: the normalised text.
        body: its paragraphs (for transcript labels and multi-paragraph quotes).
        sentences: its sentences.
        mentions: its actor mentions (speakers and addressees are chosen among them).
        lexicon: supplies the reporting cues.

    Returns:
        Quotes in text order; ``parent`` is the index of the enclosing quote in this list.

    Example:
        >>> import crisislens
        >>> a = crisislens.parse('"The road is open," Antony Blinken said.')
        >>> a.quotes[["text", "kind", "speaker"]].values.tolist()
        [['The road is open', 'direct', 'Antony Blinken']]
    """
    finder = _QuoteFinder(text, body, sentences, mentions, lexicon)
    return finder.run()


class _QuoteFinder:
    def __init__(self, text: str, body: Body, sentences: Sequence[Sentence], mentions: Sequence[Mention],
                 lexicon: Lexicon) -> None:
        self.text = text
        self.body = body
        self.sentences = list(sentences)
        self.sentence_starts = [s.start for s in self.sentences]
        self.sentence_ends = [s.end for s in self.sentences]
        # an adjective ("Chinese officials", "the Russian side") names a state, not a speaker
        self.mentions = [m for m in mentions if m.actor.kind in SPEAKER_KINDS
                         and not (m.via == "adjective" and not m.text.endswith("s"))]
        # mentions are in text order: those in a stretch of text are a slice, found by bisection
        self.mention_starts = [m.start for m in self.mentions]
        self.verb, self.noun, self.phrase = _cue_patterns(lexicon)
        self.role_before = _role_pattern(lexicon)
        self.vocative = _vocative(lexicon)
        self.spans = quoted_spans(text, body)
        self.used_cues: set[int] = set()
        self.used_spans: set[int] = set()
        self.quotes: list[Quote] = []

    # --- helpers ------------------------------------------------------------------------------
    def sentence_at(self, position: int) -> Sentence | None:
        """The first sentence whose span, or the character after it, holds ``position``."""
        # sentences are in text order and do not overlap: only the last one starting at or before
        # the position and the one before it can hold it
        last = bisect.bisect_right(self.sentence_starts, position) - 1
        for sentence in self.sentences[max(0, last - 1):last + 1]:
            if sentence.start <= position < sentence.end + 1:
                return sentence
        return None

    def _sentences_ending(self, first: int, last: int) -> list[Sentence]:
        """The sentences that end between ``first`` and ``last`` (both included), in text order."""
        ends = self.sentence_ends
        return self.sentences[bisect.bisect_left(ends, first):bisect.bisect_right(ends, last)]

    def _mentions_from(self, start: int, end: int | None = None) -> list[Mention]:
        """The mentions that start at or after ``start`` (and before ``end``), in text order."""
        first = bisect.bisect_left(self.mention_starts, start)
        last = len(self.mentions) if end is None else bisect.bisect_left(self.mention_starts, end, first)
        return self.mentions[first:last]

    def inside_quote(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.spans)

    def cues_in(self, sentence: Sentence) -> list[_Cue]:
        text, start, end, sentence_id = self.text, sentence.start, sentence.end, sentence.sentence_id
        found = [_Cue(m.start(), m.end(), m.group(0), "verb", sentence_id)
                 for m in self.verb.finditer(text, start, end)]
        found += [_Cue(m.start(), m.end(), m.group(0), "phrase", sentence_id)
                  for m in self.phrase.finditer(text, start, end)]
        found += [_Cue(m.start("noun"), m.end("noun"), m.group("noun"), "noun", sentence_id)
                  for m in self.noun.finditer(text, start, end)]
        if not found:
            return found  # most sentences
        return sorted((c for c in found if not self.inside_quote(c.start, c.end)), key=lambda c: c.start)

    def subject(self, cue: _Cue, sentence: Sentence, others: list[_Cue]) -> tuple[Actor, str, int] | None:
        """The speaker written before a cue: the leftmost person-like (else any) mention close to it."""
        barrier = max([sentence.start] + [c.end for c in others if c.end <= cue.start]
                      + [e + 1 for s, e in self.spans if e < cue.start and e >= sentence.start])
        candidates = []
        for m in self._mentions_from(barrier, cue.start):
            if m.end > cue.start:
                continue
            gap = self.text[m.end:cue.start]
            apposition = _APPOSITION_GAP.fullmatch(gap) is not None  # "Phil Lovas, the campaign chairman, said"
            if (len(_WORDS.findall(gap)) > (_MAX_APPOSITION_GAP if apposition else _MAX_SUBJECT_GAP)
                    or ";" in gap or '"' in gap):
                continue
            candidates.append(m)
        pronoun = _PRONOUN.search(self.text, max(barrier, cue.start - 40), cue.start)
        if pronoun is not None:
            nearest = max(candidates, key=lambda m: m.end, default=None)
            if nearest is None or nearest.end <= pronoun.start():
                actor = self._pronoun_actor(pronoun.group("p").lower(), pronoun.start())
                return (actor, pronoun.group("p"), pronoun.start()) if actor is not None else None
        if not candidates:
            return None
        person_like = [m for m in candidates if m.actor.kind in _PERSON_LIKE]
        chosen = min(person_like or candidates, key=lambda m: m.start)
        return chosen.actor, chosen.text, chosen.start

    def group_subject(self, cue: _Cue, sentence: Sentence) -> tuple[Actor, str, int] | None:
        """ "The two leaders reaffirmed ...": the participants together, as a group speaker."""
        match = _GROUP_SUBJECT.search(self.text, max(sentence.start, cue.start - 40), cue.start)
        if match is None:
            return None
        label = match.group("group").lower()
        return Actor("group:" + label.replace(" ", "-"), label, "group"), match.group(0).strip(), match.start()

    def _pronoun_actor(self, pronoun: str, position: int) -> Actor | None:
        """he/she: the last person named; they: the last group or unnamed sources; it: the last state or
        organisation; I/we: nobody (the author or a group the text does not name)."""
        if pronoun in ("he", "she"):
            return resolve_pronoun(self.mentions, position)
        kinds = {"they": {"group", "anonymous"}, "it": {"state", "organization", "media"}}.get(pronoun)
        if kinds is None:
            return None
        here = self.sentence_at(position)
        here_id = here.sentence_id if here is not None else 0
        if pronoun == "they":
            groups = [q for q in self.quotes if q.end <= position and q.speaker is not None
                      and q.speaker.actor_id.startswith("group:") and here_id - q.sentence_id <= 2]
            if groups:
                return groups[-1].speaker  # "The two leaders reaffirmed ... They expressed ..."
        for m in reversed(self.mentions):
            if m.end <= position and m.actor.kind in kinds:
                if here_id - m.sentence_id > 2:
                    break
                if pronoun == "they" and m.actor.kind == "anonymous" and not (m.noun or "").endswith("s"):
                    continue
                return m.actor
        # "President Biden and Prime Minister Kishida ... They reaffirmed": the last person named
        return resolve_pronoun(self.mentions, position, max_back=1) if pronoun == "they" else None

    def role_subject(self, cue: _Cue, sentence: Sentence) -> tuple[Actor, str, int] | None:
        """ "The mayor said", "the former president told": a person named only by a role here."""
        match = self.role_before.search(self.text, max(sentence.start, cue.start - 50), cue.start)
        if match is None:
            return None
        label = match.group("role").lower()
        return Actor("role:" + _NON_ALNUM.sub("-", label).strip("-"), label, "person"), \
            match.group(0).strip(), match.start()

    def share_subject(self, cue: _Cue, sentence: Sentence) -> tuple[Actor, str, int] | None:
        """ "63 percent said", "nearly eight of 10 voters say": the share of a poll's respondents."""
        match = _SHARE_SUBJECT.search(self.text, max(sentence.start, cue.start - 60), cue.start)
        if match is None:
            return None
        return Actor("group:poll-respondents", "poll respondents", "group"), match.group("share"), match.start()

    def speaker_after(self, cue: _Cue) -> Mention | None:
        """The speaker written after a cue ('," said Blinken', 'according to the Kremlin'), in the cue's
        sentence: '... he told reporters. A senior official said' is not the official's."""
        for m in self._mentions_from(cue.end):
            if m.sentence_id > cue.sentence_id:
                break
            if len(_WORDS.findall(self.text[cue.end:m.start])) <= 2:
                return m
            if m.start > cue.end + 40:
                break
        return None

    def addressee_after(self, position: int) -> tuple[Actor | None, int]:
        for m in self._mentions_from(position):
            if not self.text[position:m.start].strip(" ,"):
                return m.actor, m.end
            if m.start > position + 2:
                break
        him = _UNNAMED_ADDRESSEE.match(self.text[position:position + 40])
        if him is not None:
            return None, position + him.end()
        named = _NAMED_ADDRESSEE.match(self.text, position)  # "told The Huffington Post ..." (not an actor yet)
        if named is not None:
            return None, named.end()
        return None, position

    def add(self, quote: Quote) -> None:
        self.quotes.append(quote)

    # --- passes -------------------------------------------------------------------------------
    def run(self) -> list[Quote]:
        self.transcript_turns()
        cues_by_sentence = {s.sentence_id: self.cues_in(s) for s in self.sentences}
        self.direct(cues_by_sentence)
        self.indirect(cues_by_sentence)
        self.unattributed_direct()
        ordered = sorted(self.quotes, key=lambda q: (q.start, -q.end))
        starts = [q.start for q in ordered]
        with_parents = []
        for i, quote in enumerate(ordered):
            # the parent is the shortest quote around this one (the first of equals); quotes around it
            # start at or before it, so only those are looked at
            parent, parent_length = None, 0
            for j in range(bisect.bisect_right(starts, quote.start)):
                other = ordered[j]
                if j != i and quote.end <= other.end and (
                        other.start, other.end) != (quote.start, quote.end) and other.kind != "transcript":
                    if parent is None or parent_length > other.end - other.start:
                        parent, parent_length = j, other.end - other.start
            with_parents.append(Quote(quote.sentence_id, quote.start, quote.end, quote.kind, quote.cue,
                                      quote.speaker, quote.speaker_text, quote.addressee, parent))
        return with_parents

    def transcript_turns(self) -> None:
        paragraphs = self.body.paragraphs
        labelled = [p for p in paragraphs if p.label_end is not None]
        if not labelled or (len(labelled) == 1 and not any(
                m.actor.kind == "person" for m in self._mentions_from(labelled[0].start, labelled[0].label_end))):
            return  # one "UPDATE:" or "CLARIFICATION:" paragraph is not a transcript; one "THE PRESIDENT:" is
        first_turn = len(self.quotes)
        i = 0
        while i < len(paragraphs):
            paragraph = paragraphs[i]
            if paragraph.label_end is None:
                i += 1
                continue
            label = self.text[paragraph.start:paragraph.label_end].strip().rstrip(":").strip()
            end = paragraph.end
            j = i + 1
            while j < len(paragraphs) and paragraphs[j].label_end is None:
                end = paragraphs[j].end
                j += 1
            start = paragraph.label_end
            speaker = next(iter(self._mentions_from(paragraph.start, paragraph.label_end)), None)
            sentence = self.sentence_at(start)
            if end > start and sentence is not None:
                self.add(Quote(sentence.sentence_id, start, end, "transcript", None,
                               speaker.actor if speaker else None, speaker.text if speaker else label))
            i = j
        self._addressees(first_turn)

    def _addressees(self, first_turn: int) -> None:
        """Two people taking turns ("PRESIDENT BIDEN:", "PRESIDENT DUDA:", questions aside) speak to each
        other: each turn's addressee is the other speaker. With one named speaker, the questions are put
        to that speaker. With more speakers, a turn that calls one of
        the others by a title ("Mr. President," when one other speaker is a president) speaks to that one."""
        turns = self.quotes[first_turn:]
        speakers = {q.speaker.actor_id: q.speaker for q in turns if q.speaker is not None and q.speaker.kind == "person"}
        if len(speakers) == 1:  # a press gaggle: the questions ("Q") are put to its one speaker
            principal = next(iter(speakers.values()))
            for k, turn in enumerate(turns, start=first_turn):
                if turn.speaker is None:
                    self.quotes[k] = dataclasses.replace(turn, addressee=principal)
            return
        for k, turn in enumerate(turns, start=first_turn):
            if turn.speaker is None or turn.speaker.actor_id not in speakers:
                continue
            others = [a for i, a in speakers.items() if i != turn.speaker.actor_id]
            other = others[0] if len(others) == 1 else self._called(turn, others)
            if other is not None:
                self.quotes[k] = dataclasses.replace(turn, addressee=other)

    def _called(self, turn: Quote, others: list[Actor]) -> Actor | None:
        """The one speaker of ``others`` whose role the turn uses to address someone ("Mr. President")."""
        for match in self.vocative.finditer(self.text, turn.start, turn.end):
            title = match.group("title").lower()
            called = [a for a in others if a.role and a.role.lower() == title] or \
                [a for a in others if a.role and a.role.lower().endswith(" " + title)]  # "Mr. President": a president first
            if len(called) == 1:
                return called[0]
        return None

    def direct(self, cues_by_sentence: dict[int, list[_Cue]]) -> None:
        """Quoted spans with an attribution next to them."""
        merged_until = -1
        for index, (start, end) in enumerate(self.spans):
            if index <= merged_until:
                continue
            found = self._attribution_after(end, cues_by_sentence) or self._attribution_before(start, cues_by_sentence)
            if found is None:
                continue
            cue, actor, surface = found
            n_words = len(_WORDS.findall(self.text[start:end]))
            if n_words < 2 or (n_words < 4 and self.text[end - 1:end] not in ",.!?"):
                continue  # '"lump," he said', 'on "Face the Nation"': a word or a name, not a statement
            self.used_cues.add(cue.start)
            self.used_spans.add(index)
            last_end = end
            # a split quote: '"A," he said. "B."' continues in the same paragraph
            paragraph_end = self._paragraph_end(start)
            k = index + 1
            while (k < len(self.spans) and self.spans[k][0] < paragraph_end
                   and self._split_gap_ok(self.spans[k - 1][1], self.spans[k][0], cue)
                   and not self._attributed_elsewhere(self.spans[k], cues_by_sentence)):
                last_end = self.spans[k][1]
                self.used_spans.add(k)
                merged_until = k
                k += 1
            sentence = self.sentence_at(start)
            while last_end > start and self.text[last_end - 1] in ", ":
                last_end -= 1  # '"... increased," he said': the comma belongs to the attribution
            self.add(Quote(sentence.sentence_id if sentence else 0, start, last_end, "direct", cue.word, actor,
                           surface))

    def _split_gap_ok(self, end: int, start: int, cue: _Cue) -> bool:
        """Between two parts of one quote: a short attribution, or the sentence holding the cue used
        ('"A," said X, a lawyer who ..., "B."')."""
        words = len(_WORDS.findall(self.text[end:start]))
        return words <= _MAX_SPLIT_GAP or (end <= cue.start < start and words <= _MAX_ATTRIBUTION_WORDS)

    def _paragraph_end(self, position: int) -> int:
        for paragraph in self.body.paragraphs:
            if paragraph.start <= position <= paragraph.end:
                return paragraph.end
        return len(self.text)

    def _attributed_elsewhere(self, span: tuple[int, int], cues_by_sentence: dict[int, list[_Cue]]) -> bool:
        return self._attribution_after(span[1], cues_by_sentence, dry=True) is not None

    def _attribution_after(self, end: int, cues_by_sentence: dict[int, list[_Cue]], *,
                           dry: bool = False) -> tuple[_Cue, Actor | None, str] | None:
        """'"...," Blinken said' / '"...," said Blinken' / '"...." So said Blinken.' (a speaker pronoun
        that names nobody known gives the quote with no speaker: '"...," he told reporters')."""
        sentence = self.sentence_at(end)
        if sentence is None:
            return None
        tail = self.text[end + 1:end + 120]
        if not _WORD_AHEAD.match(tail) and not _DASH_AHEAD.match(tail):
            if self.text[end - 1:end] not in ".!?" or sentence.sentence_id + 1 >= len(self.sentences):
                return None
        candidates = [c for c in cues_by_sentence.get(sentence.sentence_id, []) if c.start > end]
        nxt = self.sentences[sentence.sentence_id + 1] if sentence.sentence_id + 1 < len(self.sentences) else None
        if nxt is not None and self.text[end - 1:end] in ".!?" and self.text[end:end + 1] == '"':
            short = len(_WORDS.findall(nxt.text)) <= 8 and '"' not in nxt.text
            if short:
                candidates += cues_by_sentence.get(nxt.sentence_id, [])
        for cue in candidates[:2]:
            if cue.kind == "noun" or cue.start - end > _MAX_ATTRIBUTION_DISTANCE:
                continue
            between = self.text[end:cue.start]
            if '"' in between[1:]:
                continue
            owner = self.sentence_at(cue.start) or sentence
            others = [c for c in cues_by_sentence.get(owner.sentence_id, []) if c.start < cue.start]
            subject = self.subject(cue, owner, others) if cue.start - end > 3 else None
            if subject is not None and subject[2] > end:
                return cue, subject[0], subject[1]
            after = self.speaker_after(cue)
            if after is not None:
                return cue, after.actor, after.text
            pronoun = _PRONOUN.search(self.text, max(end, cue.start - 40), cue.start)
            if pronoun is not None and cue.start - end > 3:
                return cue, None, pronoun.group("p")  # '"...," he told reporters' with no one named before
        return None

    def _attribution_before(self, start: int, cues_by_sentence: dict[int, list[_Cue]]) -> tuple[_Cue, Actor, str] | None:
        """'Blinken said: "..."' / 'Blinken told reporters, "..."' (also across a sentence or paragraph end
        when the previous one ends with the cue and a colon)."""
        head = self.text[max(0, start - 60):start - 1]
        colon = _WORD_BEFORE_COLON.search(head)
        if colon is None:
            return None
        sentence = self.sentence_at(start - 1) or self.sentence_at(start)
        pool: list[_Cue] = []
        for s in self._sentences_ending(start - 200, start):
            pool += cues_by_sentence.get(s.sentence_id, [])
        pool += [c for c in cues_by_sentence.get(sentence.sentence_id if sentence else -1, []) if c.end <= start]
        for cue in sorted(pool, key=lambda c: c.end, reverse=True)[:1]:
            gap = self.text[cue.end:start - 1]
            addressee_gap = _ADDRESSEE_GAP.fullmatch(gap)
            if cue.kind == "noun" or (addressee_gap is None and not self._only_mention_between(cue.end, start - 1)):
                continue
            owner = self.sentence_at(cue.start) or sentence
            others = [c for c in cues_by_sentence.get(owner.sentence_id, []) if c.start < cue.start]
            subject = self.subject(cue, owner, others)
            if subject is not None:
                return cue, subject[0], subject[1]
        return None

    def _only_mention_between(self, start: int, end: int) -> bool:
        gap = self.text[start:end].strip(" ,:")
        return any(m.start >= start and m.end <= end and self.text[m.start:m.end] == gap for m in self.mentions)

    def indirect(self, cues_by_sentence: dict[int, list[_Cue]]) -> None:
        for sentence in self.sentences:
            cues = cues_by_sentence.get(sentence.sentence_id, [])
            last_speaker: tuple[Actor, str] | None = None
            for cue in cues:
                if cue.start in self.used_cues:
                    continue
                others = [c for c in cues if c.start < cue.start]
                quote = self._indirect_one(cue, sentence, others, last_speaker)
                if quote is not None:
                    self.add(quote)
                    self.used_cues.add(cue.start)
                    last_speaker = (quote.speaker, quote.speaker_text) if quote.speaker else last_speaker

    def _indirect_one(self, cue: _Cue, sentence: Sentence, others: list[_Cue],
                      last_speaker: tuple[Actor, str] | None) -> Quote | None:
        text = self.text
        if cue.kind == "phrase":
            return self._according_to(cue, sentence)
        if cue.kind == "noun":
            owner = next((m for m in self.mentions if m.end == cue.start - 3 or m.end == cue.start - 2), None)
            if owner is None:
                return None
            content_start = text.find(" ", cue.end + 1) + 1
            return self._content_after(cue, sentence, content_start, owner.actor, owner.text, None)
        participle = cue.word.endswith("ing") and _COMMA_BEFORE.search(text[max(0, cue.start - 3):cue.start])
        if participle and last_speaker is not None:
            return self._content_after(cue, sentence, cue.end, last_speaker[0], last_speaker[1], None)
        if (cue.word.endswith("ing") or _MODAL_BEFORE.search(text, max(0, cue.start - 12), cue.start)
                or text.startswith(" by ", cue.end)):
            return None  # "would explain", "to say", "announced by": not a statement made by a subject
        if _COORDINATED.search(text, max(0, cue.start - 8), cue.start) and last_speaker is not None:
            return self._content_after(cue, sentence, cue.end, last_speaker[0], last_speaker[1], None)
        subject = (self.subject(cue, sentence, others) or self.group_subject(cue, sentence)
                   or self.role_subject(cue, sentence) or self.share_subject(cue, sentence))
        if subject is not None and _RELATIVE_BEFORE.search(text, max(0, subject[2] - 8), subject[2]):
            return None  # "what North Korea said was its biggest test": the statement is the subject
        if subject is not None:
            actor, surface, subject_start = subject
            addressee, after = (None, cue.end)
            if cue.word in _ADDRESSEE_VERBS:
                addressee, after = self.addressee_after(cue.end)
            elif text.startswith(" with ", cue.end):  # "was clear with President Putin that ..."
                addressee, after = self.addressee_after(cue.end + 6)
            quote = self._content_after(cue, sentence, after, actor, surface, addressee)
            comma = text.rfind(",", sentence.start, subject_start)
            tail = text[cue.end:sentence.end].strip(" .!?")
            only_setting = not tail or _SETTING.fullmatch(tail + " ") is not None
            if quote is None and comma > sentence.start and only_setting:
                # "..., a Reuters witness said." (content before the attribution)
                quote = self._content(cue, sentence, sentence.start, comma, actor, surface, addressee)
            return quote
        # "The talks were useful, the Kremlin said." (content before the attribution)
        after = self.speaker_after(cue)
        before_comma = text.rfind(",", sentence.start, cue.start)
        if after is not None and before_comma > sentence.start:
            rest = text[after.end:sentence.end].strip(" .!?")
            if len(_WORDS.findall(rest)) <= 4:
                return self._content(cue, sentence, sentence.start, before_comma, after.actor, after.text, None)
        return None

    def _according_to(self, cue: _Cue, sentence: Sentence) -> Quote | None:
        speaker = self.speaker_after(cue)
        if speaker is None:
            return None
        text = self.text
        if text.rfind(",", sentence.start, cue.start) > sentence.start and cue.start - sentence.start > 20:
            return self._content(cue, sentence, sentence.start, text.rfind(",", sentence.start, cue.start),
                                 speaker.actor, speaker.text, None)
        comma = text.find(",", speaker.end, sentence.end)
        if comma < 0:
            return None
        return self._content(cue, sentence, comma + 1, sentence.end, speaker.actor, speaker.text, None)

    def _content_after(self, cue: _Cue, sentence: Sentence, position: int, actor: Actor, surface: str,
                       addressee: Actor | None) -> Quote | None:
        lead = _THAT.match(self.text, position)
        start = lead.end() if lead else position
        if _EMPTY_CONTENT.match(self.text, start):
            return None  # "said as much", "said so": the statement is elsewhere
        setting = _SETTING.match(self.text, start) or _PLACE_THEN_THAT.match(self.text, start)
        if setting is not None:  # "said on Monday (that) ...", "said on CBS's "Face the Nation" that ..."
            start = _THAT.match(self.text, setting.end()).end()
        end = sentence.end
        cut = _PARTICIPLE_CUTS.search(self.text, start, end)
        if cut is not None:
            end = cut.start()
        for match in self.verb.finditer(self.text, start, end):
            coordination = _COORDINATED.search(self.text, max(start, match.start() - 8), match.start())
            if coordination is not None:
                end = coordination.start()  # "... says X, but adds that Y": the second statement is its own
                break
        return self._content(cue, sentence, start, end, actor, surface, addressee)

    def _content(self, cue: _Cue, sentence: Sentence, start: int, end: int, actor: Actor, surface: str,
                 addressee: Actor | None) -> Quote | None:
        text = self.text
        while start < end and text[start] in " ,:":
            start += 1
        while end > start and text[end - 1] in " .,;:!?":
            end -= 1
        if len(_WORDS.findall(text[start:end])) < 3:
            return None
        kind = "indirect"
        for index, (s, e) in enumerate(self.spans):
            if start <= s and e <= end:
                kind = "mixed"
                self.used_spans.add(index)
        if text[start:start + 1] == '"' and kind == "mixed" and text[end:end + 1] == '"':
            return None  # the whole content is a quotation: the direct pass owns it
        return Quote(sentence.sentence_id, start, end, kind, cue.word, actor, surface, addressee)

    def unattributed_direct(self) -> None:
        """A quote paragraph continuing the last speaker. Quotations with no speaker anywhere near are
        dropped: they are as often titles, headlines or scare quotes as statements."""
        for index, (start, end) in enumerate(self.spans):
            if index in self.used_spans or self.inside_existing(start, end):
                continue
            paragraph_start = next((p.start for p in self.body.paragraphs if p.start <= start <= p.end), 0)
            previous = [q for q in self.quotes if q.end <= start and q.kind in ("direct", "mixed")]
            sentence = self.sentence_at(start)
            if start - 1 == paragraph_start and previous and previous[-1].end >= paragraph_start - 400:
                last = previous[-1]
                self.add(Quote(sentence.sentence_id if sentence else 0, start, end, "direct", None, last.speaker,
                               last.speaker_text))
                self.used_spans.add(index)

    def inside_existing(self, start: int, end: int) -> bool:
        return any(q.start <= start and end <= q.end and q.kind != "transcript" for q in self.quotes)


def statement_date(quote: Quote, text: str, sentences: Sequence[Sentence],
                   dates: Sequence[DateMention]) -> DateMention | None:
    """When a statement was made: a resolved date in the clause of its reporting cue ("said on Monday
    that", "..., the Kremlin said on Monday", "In a call on Saturday, Biden told ..."), never one inside
    the reported content or in another clause ("talks on Tuesday, but a source said ...")."""
    if quote.cue is None or quote.kind == "transcript" or not quote.cue.islower():
        return None  # nominal cues and phrases ("warning", "According to") carry no date of their own
    spanned = [s for s in sentences if s.start <= quote.end and quote.start < s.end + 1]
    if not spanned:
        return None
    first, last = spanned[0], spanned[-1]
    before = text.rfind(quote.cue, first.start, quote.start)
    after = text.find(quote.cue, quote.end, last.end)
    cue = before if before >= 0 and (after < 0 or quote.kind != "direct") else after
    if cue < 0:
        return None
    clause_start = min(first.start, cue)
    clause_end = max(last.end, cue)
    best = None
    for d in dates:
        if d.date is None or d.kind not in ("explicit", "weekday", "relative") or not (
                clause_start <= d.start and d.end <= clause_end) or quote.start <= d.start < quote.end:
            continue
        if d.end <= cue:
            between = text[d.end:cue]
            if between.count(",") > 1 or _CLAUSE_BREAK.search(between) or len(_WORDS.findall(between)) > 12:
                continue
        elif d.start > cue and cue < quote.start < d.start and quote.kind != "direct":
            continue  # after the content of "X said that ...": part of the content's clause
        distance = abs(d.start - cue)
        if best is None or distance < abs(best.start - cue):
            best = d
    return best


def quote_rows(article_id: str, text: str, quotes: Sequence[Quote],
               tone_of: Callable[[str], tuple[float, float]], *, sentences: Sequence[Sentence] = (),
               dates: Sequence[DateMention] = (),
               sentence_tones: Sequence[tuple[int, int, int, float]] = ()) -> list[dict[str, object]]:
    """Return the ``quotes`` table rows (quote ids follow text order; parents point to ids).

    ``sentence_tones`` holds (start, end, words, tone) of each sentence, reused for transcript turns.
    """
    rows = []
    # sentences are in text order: those inside a span are a slice, found by bisection
    tone_starts = [start for start, _, _, _ in sentence_tones]
    tone_ends = [end for _, end, _, _ in sentence_tones]
    for i, quote in enumerate(quotes):
        when = statement_date(quote, text, sentences, dates)
        if quote.kind == "transcript" and sentence_tones:
            # a turn's tone is the word-weighted mean of its sentences' tones, already computed
            first, last = bisect.bisect_left(tone_starts, quote.start), bisect.bisect_right(tone_ends, quote.end)
            inside = [(n, t) for (_, _, n, t) in sentence_tones[first:last]]
            words = sum(n for n, _ in inside)
            polarity = sum(n * t for n, t in inside) / words if words else tone_of(text[quote.start:quote.end])[0]
        else:
            polarity, _ = tone_of(text[quote.start:quote.end])
        speaker = quote.speaker
        rows.append({
            "article_id": article_id, "quote_id": i, "sentence_id": quote.sentence_id, "start": quote.start,
            "end": quote.end, "text": text[quote.start:quote.end], "kind": quote.kind, "cue": quote.cue,
            "speaker": speaker.actor if speaker else None, "speaker_id": speaker.actor_id if speaker else None,
            "speaker_text": quote.speaker_text, "speaker_kind": speaker.kind if speaker else None,
            "speaker_country": speaker.country if speaker else None,
            "addressee": quote.addressee.actor if quote.addressee else None,
            "addressee_id": quote.addressee.actor_id if quote.addressee else None,
            "parent_quote_id": quote.parent, "stance": None, "tone": round(polarity, 4),
            "date": when.date if when else None, "date_text": when.text if when else None,
        })
    return rows
