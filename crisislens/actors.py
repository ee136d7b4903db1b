"""Actor mentions: people, states, organisations, media, groups and unnamed sources, resolved to canonical actors.

Extracts, in one pass over an article's normalised text:

- dictionary mentions: state names, aliases and adjectives ("Russia", "U.S.", "German"), seats of
  government used for the state ("Moscow", "the Kremlin" -> Russia), organisations, media and groups
  ("NATO", "Reuters", "the West"), and people of the actor dictionary ("Antony J. Blinken");
- people introduced by a title ("German Chancellor Olaf Scholz", "President Zelenskyy of Ukraine"),
  or by an apposition ("Liz Truss, the UK foreign secretary"), with role and country from the mention;
- in-article coreference: a surname or title + surname ("Foreign Minister Blinken" is Antony Blinken
  whatever the title says), a role alone when one person in the article holds it ("the chancellor"),
  and "the source" / "the official" for the last unnamed source of that description;
- unnamed sources as actors of kind ``anonymous`` ("a senior US official", "a German source",
  "a senior official in President Biden's administration" -> country USA).

Deliberately not done here: pronouns ("he said") are resolved by the quotes extractor, which knows
where a speaker stands (:func:`resolve_pronoun` is the shared rule); capitalised words that no title,
apposition or dictionary entry marks as a person ("Border Crisis With") never become people.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import math
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from crisislens.lexicon import Lexicon
from crisislens.text import UPPER

KINDS = ("person", "state", "organization", "media", "group", "anonymous")

_TOKEN = re.compile(r"\w+(?:[.'&-]\w+)*\.?")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")  # the text cut into gap, token, gap, token, ..., gap
_MAX_REMEMBERED_WORDS = 500_000  # words whose dictionary lookups are kept from one article to the next
_NAME_PARTICLES = ("de", "van", "von", "der", "den", "bin", "bint", "ibn", "al", "el", "da", "di", "du", "la", "le", "ter",
                   "dos")
_NAME_TOKEN = r"(?:[A-Z][\w'-]*\w|[A-Z]\.|[A-Z])"
_NAME = (rf"(?:(?:von|van|de|da|di|le|la)\s(?:(?:der|den|la)\s)?(?=[A-Z]))?{_NAME_TOKEN}(?:\s(?:{_NAME_TOKEN}|(?:{'|'.join(_NAME_PARTICLES)})(?=\s(?:[A-Z]|(?:der|den|la|le|de|da)\s[A-Z]))|(?:al|el|bin|ibn)-[A-Z][\w'-]*))*"
         r"(?:,?\s(?:Jr|Sr)\.|\s(?:II|III|IV)(?!\w))?")
_LABEL = re.compile(rf"(?P<label>[{UPPER}][{UPPER}'.\-]*(?:\s[{UPPER}][{UPPER}'.\-]*){{0,5}})(?=:\s)")  # at a paragraph start
_TWO_CAPITALS = re.compile(r"[A-Z].*[A-Z]")
_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "de", "in"})
# Patterns that start with a capital check what comes before it after the capital ("[A-Z](?<![\w.][A-Z])"
# rather than "(?<![\w.])[A-Z]"): opening with a character set, they let the regex engine skip to the
# capitals instead of trying the look-behind at every position.
_CAPITALISED_RUN = re.compile(
    r"[A-Z](?<![\w.'-][A-Z])[\w'&-]*(?:\s(?:(?:of|for|and|on|the|de|in)\s){0,2}[A-Z][\w'&-]*)*")
_SURE_SPEECH_VERB = re.compile(r"said|says|told|tells|wrote|writes|argues|warns|adds|insists|explains|\w+ed")
_PERSONAL_TITLES = frozenset({"Pope", "King", "Queen", "Prince", "Crown Prince", "Emperor", "Emir", "Sheikh",
                              "Patriarch", "CEO", "Chairman", "Chairwoman", "Chair", "Director General", "Head"})
"""Roles that say nothing about serving the article's main state (a pope, a CEO)."""
_INITIAL = re.compile(r"[A-Z]\.(?:[A-Z]\.)?")
_THE_BEFORE = re.compile(r"(?:^|(?<=\W))[Tt]he $")
_ARTICLE_AFTER_COMMA = re.compile(r",\s(?:the|a|an)\s")
_CAPITAL_AFTER_SPACE = re.compile(r"\s[A-Z]")
_WORD_BEFORE_SOURCE = re.compile(r"[\w.'&-]+")
_ADMINISTRATION_OF = re.compile(r"\s(?:in|of|from|with)\s(?:the\s)?(?P<who>[A-Z][\w.' -]{1,50}?)(?:'s)?\s"
                                r"(?:administration|government|team|office|ministry|delegation)")
_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w'-]*\s){1,3}$")
_NAME_WORD_BEFORE = re.compile(r"((?:[\w.'-]+\s){0,2})([A-Z][\w'-]*)\s$")
_WORDS_BEFORE = re.compile(r"((?:[\w.'-]+\s){1,3})$")
_OF_STATE = re.compile(r"\sof\s(?:the\s)?([A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,3})")
_OF_FORMAL_STATE = re.compile(r"\sof\s(?:the\s)?(?:[A-Z][\w.'-]*\s){1,3}of\s(?:the\s)?([A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,3})")
_FOLLOWING_WORD = re.compile(r"[\w'.-]+")
_NAME_PART = re.compile(r"[^\s,]+")
_DETERMINER = re.compile(r"[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|\d+|"
                         r"[Ss]everal|[Ss]ome|[Oo]ther|[Aa]nother|[Tt]he|[Tt]hose|[Mm]any|[Dd]ozens of|[Dd]ozens")


@dataclass(frozen=True)
class Actor:
    """A canonical actor: who a mention refers to."""

    actor_id: str
    actor: str
    kind: str
    country: str | None = None
    role: str | None = None
    organization: str | None = None


@dataclass(frozen=True)
class Mention:
    """A span of the text that refers to an actor, and how it was resolved (``via``)."""

    sentence_id: int
    start: int
    end: int
    text: str
    actor: Actor
    via: str
    noun: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class _Entry:
    actor: Actor
    via: str
    needs_the: bool = False


@dataclass
class ActorIndex:
    """Lookups built once per lexicon: surfaces to actors, titles, people by surname, source words."""

    surfaces: dict[str, _Entry]
    with_the: frozenset[str]
    first_sizes: dict[str, tuple[int, ...]]
    people_rows: dict[str, list[dict[str, str]]]
    people_by_surname: dict[str, set[str]]
    family_names: dict[str, set[str]]
    titles: dict[str, str]
    roles_by_title: dict[str, str]
    """The role of a title in lower case ("foreign minister"), from the first title with a role."""
    title_pattern: re.Pattern[str]
    apposition_pattern: re.Pattern[str]
    role_alone_pattern: re.Pattern[str]
    role_with_our_pattern: re.Pattern[str]
    """ "the President", "our Secretary of State", "the Italian Prime Minister": a role without a name."""
    anonymous_pattern: re.Pattern[str]
    not_name: frozenset[str]
    not_person: frozenset[str]
    speaker_pattern: re.Pattern[str]
    source_nouns: frozenset[str]
    given_names: frozenset[str]
    institution_nouns: frozenset[str]
    institution_pattern: re.Pattern[str]
    verb_after: re.Pattern[str]
    organization_words: frozenset[str]
    role_states: dict[str, frozenset[str]]
    private_words: frozenset[str]
    openers: frozenset[str]
    modifiers: frozenset[str]
    sizes_by_word: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)
    names_capitalised: bool = True
    """Every surname and one-word state name starts with a capital: other words need no look-up."""

    def surface_sizes(self, words: list[str]) -> list[tuple[int, ...]]:
        """For each word, how many tokens a dictionary name starting with it may have, longest first
        ("Russia's" may start "Russia's Central Bank" and still be "Russia"). Remembered per word across
        articles, as most words of an article were seen before; forgotten when there get to be too many."""
        known = self.sizes_by_word
        new = set(words).difference(known)
        if len(known) + len(new) > _MAX_REMEMBERED_WORDS:
            known.clear()
            new = set(words)
        for word in new:
            forms = {word, _strip_possessive(word), word.rstrip("."), word.partition("-")[0]}
            known[word] = tuple(sorted({size for form in forms for size in self.first_sizes.get(form, ())},
                                       reverse=True))
        return list(map(known.__getitem__, words))


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def literal_alternation(phrases: Iterable[str], *, ignore_case: bool = False, not_after: str = "") -> str:
    """A regex for any of ``phrases`` as written, the longest first.

    It finds what ``"|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))`` finds, trying
    the phrases in the same order, but as a trie ("Deputy (?:Foreign Minister|Secretary)"): the regex
    engine picks a branch by the next character instead of trying a hundred titles or verbs in turn,
    which was most of the time of a scan. With ``ignore_case`` (inside a case-insensitive pattern),
    phrases that differ only in case share a branch, so that the longest is still tried first.

    ``not_after`` (a character set such as ``[\\w.]``) gives ``(?<!not_after)`` before the phrases. It is
    checked after their first character, so that a pattern opening with the alternation opens with
    plain characters, which the regex engine skips to without trying the pattern at every position:
    a gain when the phrases start with rarer characters (capitals), a loss when they start with most
    lower-case letters (put the look-behind first then).

    Example:
        >>> print(literal_alternation(["UN", "US", "U.S."]))
        U(?:\\.S\\.|N|S)
    """
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for char in phrase.lower() if ignore_case else phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    if not not_after:
        return _trie_regex(trie)
    branches = [f"{re.escape(char)}(?<!{not_after}{re.escape(char)}){_trie_regex(trie[char])}"
                for char in sorted(trie) if char]
    if "" in trie or not trie:
        branches.append(f"(?<!{not_after})")  # the empty phrase (an empty alternation is one)
    return _one_of(branches)


def _trie_regex(node: dict[str, dict]) -> str:
    # children have different first characters, so at most one of them can match: their order is free
    branches = [re.escape(char) + _trie_regex(node[char]) for char in sorted(node) if char]
    if "" in node:
        branches.append("")  # a phrase ends here: tried after every longer phrase
    return _one_of(branches)


def _one_of(branches: list[str]) -> str:
    if len(branches) <= 1:
        return branches[0] if branches else ""
    return "(?:" + "|".join(branches) + ")"


@functools.lru_cache(maxsize=8)
def actor_index(lexicon: Lexicon) -> ActorIndex:
    """Build (once per lexicon) the lookups the actor extractor needs."""
    surfaces: dict[str, _Entry] = {}
    with_the: set[str] = set()

    def add(surface: str, actor: Actor, via: str) -> None:
        needs_the = surface.lower().startswith("the ")
        key = surface[4:] if needs_the else surface
        if needs_the:
            with_the.add(key)
        existing = surfaces.get(key)
        if existing is not None and not existing.needs_the:
            return  # first entry wins; a bare form beats a "the" form
        # the article is required only when every listed form of the name has it ("the West")
        surfaces[key] = _Entry(actor, via, needs_the and (existing is None or existing.needs_the))

    for row in lexicon.table("states"):
        actor = Actor(row["actor_id"], row["name"], "state", row["actor_id"])
        add(row["name"], actor, "name")
        for alias in _split(row["aliases"]):
            add(alias, actor, "alias")
        for adjective in _split(row["adjectives"]):
            add(adjective, actor, "adjective")
    state_names = {row["actor_id"]: row["name"] for row in lexicon.table("states")}
    for row in lexicon.table("organizations"):
        actor = Actor(row["actor_id"], row["name"], row["kind"], row["country"] or None)
        add(row["name"], actor, "name")
        for alias in _split(row["aliases"]):
            add(alias, actor, "alias")
    for row in lexicon.table("metonyms"):
        actor = Actor(row["actor_id"], state_names.get(row["actor_id"], row["actor_id"]), "state", row["actor_id"])
        add(row["surface"], actor, "metonym")
    people_rows: dict[str, list[dict[str, str]]] = {}
    people_by_surname: dict[str, set[str]] = {}
    family_names: dict[str, set[str]] = {}
    for row in lexicon.table("people"):
        people_rows.setdefault(row["actor_id"], []).append(row)
        actor = Actor(row["actor_id"], row["name"], "person", row["country"] or None, row["role"] or None,
                      row["organization"] or None)
        for name in [row["name"], *_split(row["aliases"])]:
            if " " not in name and name != row["name"]:
                # a one-word alias is a family name ("Xi" for Xi Jinping): used after a title or
                # once the person is named, never alone
                people_by_surname.setdefault(name, set()).add(row["actor_id"])
                family_names.setdefault(row["actor_id"], set()).add(name)
                continue
            add(name, actor, "name")
            people_by_surname.setdefault(_surname(name), set()).add(row["actor_id"])
    titles = {row["title"]: row["role"] for row in lexicon.table("titles")}
    title_alternation = literal_alternation(titles)
    first_title = literal_alternation(titles, not_after=r"[\w.]")
    title_pattern = re.compile(
        rf"(?P<title>(?:{first_title})(?:\s(?:{title_alternation}))*)"
        rf"(?:\s(?:to|of)\s(?:the\s)?(?:{_state_names_alternation(lexicon)}))?\s(?P<name>{_NAME})")
    role_words = {t.lower() for t, role in titles.items() if role and not t.endswith(".")}
    role_alternation = literal_alternation(role_words, ignore_case=True)
    apposition_pattern = re.compile(
        rf"(?P<name>[A-Z](?<![\w.][A-Z])[\w'-]*\w(?:\s(?:[A-Z]\.|[A-Z][\w'-]*\w)){{1,4}}),\s(?:(?:the|a|an)\s)?"
        rf"(?P<mods>(?:[\w.'-]+\s){{0,3}}?)(?P<role>(?i:{role_alternation}))(?![\w-])")
    # "(?=t)", any "t" or "T" (the pattern ignores case), is a first check quicker than the look-behind
    role_alone_pattern = re.compile(rf"(?=t)(?<![\w])(?:the|The)\s(?P<role>{role_alternation})(?![\w-])",
                                    re.IGNORECASE)
    nouns = [r["word"] for r in lexicon.table("anonymous_sources") if r["kind"] == "noun"]
    institutions = [r["word"] for r in lexicon.table("anonymous_sources") if r["kind"] == "institution"]
    modifiers = frozenset(r["word"] for r in lexicon.table("anonymous_sources") if r["kind"] == "modifier")
    noun_forms = {form for n in nouns for form in (n, n[:1].upper() + n[1:])}  # "Experts say" opens a sentence
    # most source nouns start in lower case, so the look-behind comes first: it fails at once inside words
    anonymous_pattern = re.compile(r"(?<![\w-])(?P<noun>" + literal_alternation(noun_forms) + r")(?![\w-])")
    calendar = frozenset(r["word"].rstrip(".") for r in lexicon.table("date_words")
                         if r["kind"] in ("month", "month_abbr", "weekday", "weekday_abbr"))
    not_name = frozenset(
        {k for k in surfaces if surfaces[k].actor.kind != "person"} | set(titles) | calendar
        | lexicon.sentence_openers | {w for t in titles for w in t.split()})
    verbs = literal_alternation({r["word"] for r in lexicon.table("reporting_cues")
                                 if r["kind"] == "verb" and " " not in r["word"] and not r["word"].endswith("ing")})
    speaker_pattern = re.compile(
        r"(?P<name>(?!(?:I|We|You|They|He|She|It)['’])"  # "I've said", "We'll say": a pronoun, not a name
        r"[A-Z](?<![\w.'-][A-Z])[a-z'][\w'-]*(?:\s(?:[A-Z]\.|[A-Z][a-z'][\w'-]*)){0,2})"
        r"(?:,\s[^,]{1,60},)?\s(?:(?:\w+ly|also|has|had|have)\s){0,2}(?P<verb>" + verbs + r")(?![\w-])")
    verb_after = re.compile(r"\s(?:(?:\w+ly|also|have|had|has)\s){0,2}(?:" + verbs + r")(?![\w-])")
    return ActorIndex(
        surfaces=surfaces, speaker_pattern=speaker_pattern, verb_after=verb_after,
        source_nouns=frozenset(n.lower() for n in nouns),
        given_names=frozenset(r["name"] for r in lexicon.table("given_names")),
        institution_nouns=frozenset(institutions),
        institution_pattern=re.compile(
            literal_alternation(["The", "the", "Its", "its", "His", "his", "Her", "her", "Their", "their"],
                                not_after=r"[\w-]") + r"\s(?P<noun>" + literal_alternation(institutions) + r")(?![\w-])"),
        with_the=frozenset(with_the), first_sizes=_first_sizes(surfaces),
        people_rows=people_rows, people_by_surname=people_by_surname, family_names=family_names, titles=titles,
        roles_by_title=_roles_by_title(titles),
        title_pattern=title_pattern, apposition_pattern=apposition_pattern,
        role_alone_pattern=role_alone_pattern,
        role_with_our_pattern=re.compile(rf"(?=[to])(?<![\w])(?:the|The|our|Our)\s(?:(?P<adj>(?-i:[A-Z][a-z]+))\s)??"
                                         rf"(?P<role>{role_alternation})(?![\w-])", re.IGNORECASE),
        anonymous_pattern=anonymous_pattern,
        not_name=not_name, modifiers=modifiers,
        not_person=frozenset(r["word"] for r in lexicon.table("not_person_words")),
        organization_words=frozenset(r["word"] for r in lexicon.table("organization_words")),
        private_words=frozenset(r["word"] for r in lexicon.table("organization_words") if r["kind"] == "private"),
        role_states=_role_states(lexicon),
        openers=lexicon.sentence_openers | calendar,
        names_capitalised=all(name[:1].isupper() for name in [
            *people_by_surname, *(k for k, e in surfaces.items() if e.actor.kind == "state" and len(k.split()) == 1)]),
    )


def _role_states(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """For each role of the people dictionary (lower case), the states whose people hold it."""
    states: dict[str, set[str]] = {}
    for row in lexicon.table("people"):
        if row["role"] and row["country"]:
            states.setdefault(row["role"].lower(), set()).add(row["country"])
    return {role: frozenset(codes) for role, codes in states.items()}


def _first_sizes(surfaces: dict[str, _Entry]) -> dict[str, tuple[int, ...]]:
    """For each first word of a surface, the lengths in words of the surfaces it starts, longest first,
    so the dictionary scan tries only lengths that can match."""
    sizes: dict[str, set[int]] = {}
    for key in surfaces:
        words = _TOKEN.findall(key)
        if words:
            sizes.setdefault(words[0], set()).add(len(words))
    return {word: tuple(sorted(found, reverse=True)) for word, found in sizes.items()}


def _roles_by_title(titles: dict[str, str]) -> dict[str, str]:
    roles: dict[str, str] = {}
    for title, role in titles.items():
        if role:
            roles.setdefault(title.lower(), role)
    return roles


def _state_names_alternation(lexicon: Lexicon) -> str:
    """State names for "Ambassador to the United States Yousef Al Otaiba" and "President of Finland
    Sauli Niinisto", where a state stands between the title and the name."""
    return literal_alternation(
        {n for row in lexicon.table("states") for n in [row["name"], *_split(row["aliases"])] if n[:1].isupper()})


@functools.lru_cache(maxsize=65536)
def _surname(name: str) -> str:
    tokens = [t for t in name.replace(",", " ").split() if t not in ("Jr.", "Sr.", "II", "III", "IV")]
    return tokens[-1] if tokens else name


def _unique_actors(actors: Iterable[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.actor_id, actor)
    return list(seen.values())


def find_mentions(text: str, sentence_starts: Sequence[int], *, lexicon: Lexicon,
                  published: pd.Timestamp | None = None, title: str | None = None,
                  home: str | None = None) -> list[Mention]:
    """Find and resolve every actor mention in ``text``.

    Args:
        text: the article's normalised text.
        sentence_starts: start offset of each sentence, in order (to give each mention its sentence).
        lexicon: the lexicon with states, metonyms, organizations, people, titles and source words.
        published: publication date, to pick a person's role at that date.
        title: the document's title; the people it names resolve a transcript label that gives a
            role alone ("THE PRESIDENT:" under "Remarks by President Biden ...").
        home: the state the document speaks for (its publisher's, :func:`crisislens.voices.home_state`):
            officials and bodies that name no state are its own; without it, the state named most often.

    Returns:
        Mentions in text order, without overlaps (of ``text``; the title's are not returned).

    Example:
        >>> from crisislens.lexicon import default_lexicon
        >>> found = find_mentions("German Chancellor Olaf Scholz met Moscow's envoy.", [0],
        ...                       lexicon=default_lexicon())
        >>> [(m.text, m.actor.actor) for m in found]
        [('German', 'Germany'), ('Chancellor Olaf Scholz', 'Olaf Scholz'), ('Moscow', 'Russia')]
    """
    index = actor_index(lexicon)
    finder = _Finder(text, sentence_starts, index, published)
    finder.home = home
    if title:
        finder.title_people = [actor for _, _, actor in title_people(title, lexicon=lexicon, published=published)]
    finder.transcript_labels()
    finder.titled_people()
    finder.appositions()
    finder.named_speakers()
    finder.given_name_people()
    finder.anonymous_sources()
    finder.organizations()
    finder.dictionary()
    finder.institutions()
    finder.surnames()
    finder.known_surnames()
    finder.roles_alone()
    return finder.resolved()


@functools.lru_cache(maxsize=256)
def title_people(title: str, *, lexicon: Lexicon,
                 published: pd.Timestamp | None = None) -> tuple[tuple[int, int, Actor], ...]:
    """The people a title names, with where each name starts and ends in the title.

    Titles capitalise every word, so a titled name may run into the next words ("President Biden
    Providing an Update"): its shortest leading part that names a dictionary person is taken. A name
    outside the dictionary is kept only when a lower-case word or the end of the title follows it
    ("Statement by NSC Spokesperson Emily Horne on ...").

    Example:
        >>> from crisislens.lexicon import default_lexicon
        >>> [(i, j, a.actor) for i, j, a in title_people("Remarks by President Biden Providing an Update",
        ...                                              lexicon=default_lexicon())]
        [(11, 26, 'Joe Biden')]
    """
    index = actor_index(lexicon)
    people = []
    for mention in find_mentions(title, [0], lexicon=lexicon, published=published):
        actor = mention.actor
        if actor.kind != "person":
            continue
        if actor.actor_id in index.people_rows:
            people.append((mention.start, mention.end, actor))
            continue
        words = actor.actor.split()
        for n in range(len(words) - 1, 0, -1):  # the longest leading part that names a known person
            name = " ".join(words[:n])
            entry = index.surfaces.get(name) if n >= 2 else None  # one word: a surname, not "Charles" (III)
            ids = {entry.actor.actor_id} if entry is not None and entry.actor.kind == "person" else \
                index.people_by_surname.get(name, set())
            if len(ids) == 1 and next(iter(ids)) in index.people_rows:
                end = mention.start + mention.text.rfind(" " + " ".join(words[n:]))
                people.append((mention.start, end,
                               _Finder(title, [0], index, published)._dictionary_person(next(iter(ids)))))
                break
        else:
            if not re.match(r"\s+[A-Z]", title[mention.end:]):
                people.append((mention.start, mention.end, actor))
    return tuple(people)


class _Finder:
    """The state of one article's scan: claimed spans and the people seen so far."""

    def __init__(self, text: str, sentence_starts: Sequence[int], index: ActorIndex,
                 published: pd.Timestamp | None) -> None:
        self.text = text
        self.starts = list(sentence_starts)
        self.index = index
        self.published = published
        self.mentions: list[Mention] = []
        self.title_people: list[Actor] = []
        self.home: str | None = None
        self._claimed: list[tuple[int, int]] = []
        self.words, self.word_starts, self.gaps = _tokens(text)
        self._sentence_start_set = set(self.starts)

    @cached_property
    def name_words(self) -> list[int]:
        """Indices of the words that can be a surname or a state's name: the capitalised ones (unless
        the lexicon has such a name in lower case)."""
        indices = range(len(self.words))
        if not self.index.names_capitalised:
            return list(indices)
        return list(itertools.compress(indices, map(str.isupper, map(operator.itemgetter(0), self.words))))

    @cached_property
    def bare_names(self) -> list[str]:
        """The words of :attr:`name_words` without a possessive ending ("Russia's" -> "Russia")."""
        words = map(self.words.__getitem__, self.name_words)
        return [_strip_possessive(word) if word.endswith(("'s", "s'")) else word for word in words]

    # --- bookkeeping --------------------------------------------------------------------
    def sentence_of(self, position: int) -> int:
        return max(0, bisect.bisect_right(self.starts, position) - 1)

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._claimed, (start, -1))
        if i < len(self._claimed) and self._claimed[i][0] < end:
            return False
        return not (i > 0 and self._claimed[i - 1][1] > start)

    def add(self, start: int, end: int, actor: Actor, via: str, noun: str | None = None) -> bool:
        if start >= end or not self.free(start, end):
            return False
        bisect.insort(self._claimed, (start, end))
        self.mentions.append(Mention(self.sentence_of(start), start, end, self.text[start:end], actor, via, noun))
        return True

    def lookup(self, surface: str) -> _Entry | None:
        return self.index.surfaces.get(surface)

    # --- people with a title ------------------------------------------------------------
    def titled_people(self) -> None:
        for match in self.index.title_pattern.finditer(self.text):
            name_start = match.start("name")
            if self._inside_a_name(match.start()):
                continue  # "Martin Luther King Jr.": the title word is part of a name
            following = _following_words(self.text, name_start)
            if any(word in self.index.not_person for word in following):
                continue  # "General Motors", "King Carey School", "Ambassador Extraordinary"
            tokens = _trim_name(match.group("name"), self.index.not_name)
            if not tokens:
                continue
            name = " ".join(tokens)
            name_end = name_start + len(_joined_prefix(match.group("name"), len(tokens)))
            first_title = _first_title(match.group("title"), self.index.titles)
            country = self._modifier_country(match.start())
            country = self._of_country(name_end) or country
            role = self.index.titles.get(first_title) or None
            if role:
                role = self._role_modifiers(match.start()) + role  # "National Cyber Director"
            if country is None and role and role not in _PERSONAL_TITLES:
                # "National Cyber Director Chris Inglis" in an American text; "Prime Minister Nicolae Ciuca
                # in Bucharest" in a White House readout is Romania's
                country = (self._foreign_state_near(match.start()) or self.main_state) \
                    if self._not_held_at_home(role) else self.own_state
            actor = self._person(name, role=role, country=country, titled=True)
            if actor is None:
                continue
            start = match.start() if role else name_start  # "Mr." is not part of a role
            self.add(start, name_end, actor, "title")

    def appositions(self) -> None:
        for match in self.index.apposition_pattern.finditer(self.text):
            tokens = match.group("name").split()
            if any(t in self.index.not_person for t in tokens):
                continue
            if not _ARTICLE_AFTER_COMMA.search(match.group(0)) and _CAPITAL_AFTER_SPACE.match(self.text, match.end()):
                continue  # "A Smith, National Cyber Director Chris Inglis": a list of titled names
            while tokens and tokens[0] in self.index.not_name:
                tokens.pop(0)  # "Yesterday Tomas Varga, the ...": the name starts after the opener
            given = next((i for i, t in enumerate(tokens) if t in self.index.given_names), None)
            if given is not None and len(tokens) - given >= 2:
                tokens = tokens[given:]  # "... and Emerging Technology Anne Neuberger, ...": from the given name
            if len(tokens) < 2 or any(t in self.index.not_name for t in tokens):
                continue
            name_start = match.end("name") - len(" ".join(tokens))
            role_text = match.group("role")
            role = self.index.roles_by_title.get(role_text.lower())
            country = None
            for word in match.group("mods").split():
                entry = self.lookup(word.strip(".,"))
                if entry is not None and entry.actor.country:
                    country = entry.actor.country
            country = self._of_country(match.end()) or country
            actor = self._person(" ".join(tokens), role=role, country=country, titled=True)
            if actor is not None:
                self.add(name_start, match.end("name"), actor, "apposition")

    # --- transcript turn labels ---------------------------------------------------------------
    def transcript_labels(self) -> None:
        """Speakers named by a transcript label: "MS. PSAKI:", "PRESIDENT MICHEL:", "SECRETARY BLINKEN:"."""
        for match in filter(None, (_LABEL.match(self.text, start) for start in _paragraph_starts(self.text))):
            label = match.group("label")
            if label == "Q" or not _TWO_CAPITALS.search(label):
                continue
            start, end = match.start("label"), match.end("label")
            as_written = " ".join(_title_case(w) for w in label.split())
            titled = self.index.title_pattern.fullmatch(as_written)
            if titled is not None:
                tokens = _trim_name(titled.group("name"), self.index.not_name)
                role = self.index.titles.get(_first_title(titled.group("title"), self.index.titles)) or None
                actor = self._title_person_by_surname(tokens) or (
                    self._person(" ".join(tokens), role=role, country=None, titled=True) if tokens else None)
                if actor is not None:
                    self.add(start, end, actor, "label")
                continue
            entry = self.lookup(as_written)
            if entry is not None and entry.actor.kind == "person":
                self.add(start, end, self._dictionary_person(entry.actor.actor_id), "label")
            elif entry is None:
                holder = self._title_person_by_role(as_written)
                if holder is not None:
                    self.add(start, end, holder, "label")

    def _title_person_by_surname(self, tokens: list[str]) -> Actor | None:
        """ "MS. NEUBERGER:" under "Press Briefing by ... Anne Neuberger": the person the title names in full."""
        if len(tokens) != 1:
            return None
        surname = tokens[0].lower()
        named = _unique_actors(p for p in self.title_people if p.actor.split()[-1].lower() == surname)
        return named[0] if len(named) == 1 else None

    def _title_person_by_role(self, label: str) -> Actor | None:
        """ "THE PRESIDENT:" in a transcript whose title names one president ("Remarks by President
        Biden and Prime Minister Kishida"): that person."""
        alone = self.index.role_alone_pattern.fullmatch(label)
        role = self.index.roles_by_title.get(alone.group("role").lower()) if alone else None
        if not role:
            return None
        holders = _unique_actors(p for p in self.title_people if (p.role or "").lower() == role.lower())
        return holders[0] if len(holders) == 1 else None

    # --- organisations named by their head word ------------------------------------------------
    def organizations(self) -> None:
        """Runs of capitalised words with an organisation head word ("Department of Energy")."""
        heads = self.index.organization_words
        for piece_start, piece_words in self._run_pieces(heads):
            start, words = piece_start, list(piece_words)
            while words and words[0] in self.index.openers:
                start += len(words[0]) + 1
                words.pop(0)  # "Today Department of Energy ...": drop the sentence opener
            if len(words) > 2 and words[0].endswith("s") and words[0][:-1] in self.index.titles and words[1] == "of":
                start += len(words[0]) + len(words[1]) + 2
                words = words[2:]  # "CEOs of Tactical Missiles Corporation": people of the body, not its name
            words = self._before_place(words)
            # "U.S. Department of Energy": the state before the run, when none is inside it
            country = self._entry_country(words) or self._modifier_country(start)
            title = self._last_title_of(words)
            if title is None:
                self._organization(start, words, country)
                continue
            # "... Department of Energy and Administrator of the National Nuclear Security Administration":
            # the organisation before a title and the one the title is of are two; a name after the
            # latter's head word is the title holder ("... Foreign Affairs Commission Yang Jiechi").
            self._organization(start, words[:title], country)
            of_start = title + 2 + (words[title + 2:title + 3] == ["the"])
            after = words[of_start:]
            last_head = max((i for i, w in enumerate(after) if w in heads), default=None)
            if last_head is None:
                continue
            title_start = start + len(" ".join(words[:title])) + bool(title)
            name = self._trailing_name(after, last_head)
            if name:
                # The whole "Director of the Office ... Yang Jiechi" names one person.
                role = self.index.titles.get(words[title]) or None
                actor = self._person(" ".join(name), role=role, country=country, titled=True)
                if actor is not None:
                    end = title_start + len(" ".join(words[title:]))
                    self.add(title_start, end, actor, "title")
                continue
            org_start = start + len(" ".join(words[:of_start])) + 1
            self._organization(org_start, after[:last_head + 1], country)

    def _run_pieces(self, heads: frozenset[str]) -> Iterable[tuple[int, list[str]]]:
        """The runs of capitalised words with a head word, as (start, words): split at "and the" ("the
        Department of Energy and the National Security Council" are two), and without a leading part
        already claimed ("Secretary of Commerce Gina Raimondo and the National Security Council")."""
        for match in _CAPITALISED_RUN.finditer(self.text):
            if heads.isdisjoint(match.group(0).split()):
                continue
            piece_start = match.start()
            for piece in re.split(r"(\s+and\s+the\s+)", match.group(0)):
                words, start = piece.split(), piece_start
                if words and words[0] != "and" and not heads.isdisjoint(words):
                    claimed = self._claimed_end(start)
                    while claimed is not None and words:
                        # drop the words of a mention already found at the start of the piece
                        start += len(words[0]) + 1
                        words.pop(0)
                        if start >= claimed:
                            break
                    if words and not heads.isdisjoint(words):
                        yield start, words
                piece_start += len(piece)

    def _claimed_end(self, position: int) -> int | None:
        """The end of the claimed span that covers ``position`` (claimed spans do not overlap)."""
        i = bisect.bisect_right(self._claimed, (position, math.inf)) - 1
        return self._claimed[i][1] if i >= 0 and self._claimed[i][0] <= position < self._claimed[i][1] else None

    def _trailing_name(self, words: list[str], last_head: int) -> list[str]:
        """The person's name that ends a run after its organisation: the words after the last head
        word, or from a known given name on ("... Office of Management and Budget Shalanda Young")."""
        tail: list[str] = []
        for word in reversed(words):
            if (word in _CONNECTORS or not word[0].isupper() or word in self.index.not_name
                    or word in self.index.organization_words):
                break
            tail.insert(0, word)
        given = next((i for i, w in enumerate(tail) if w in self.index.given_names), None)
        if given is not None and len(tail) - given >= 2:
            return tail[given:]
        return tail if 2 <= len(tail) <= 3 and len(words) - len(tail) == last_head + 1 else []

    def _before_place(self, words: list[str]) -> list[str]:
        """The words of a run before "in" and a state or capital ("... Yang Jiechi in Rome")."""
        for k in range(len(words) - 2, max(0, len(words) - 6), -1):  # a place of at most four words ends the run
            if words[k] == "in":
                entry = self.lookup(_strip_possessive(" ".join(words[k + 1:])))
                if entry is not None and entry.actor.kind == "state":
                    return words[:k]
        return words

    def _last_title_of(self, words: list[str]) -> int | None:
        """Index of the last title word followed by "of"/"for" in a run ("Administrator of the ...")."""
        titles = self.index.titles
        return max((i for i in range(len(words) - 2)
                    if words[i] in titles and titles[words[i]] and words[i + 1] in ("of", "for")), default=None)

    def _entry_country(self, words: list[str]) -> str | None:
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                entry = self.lookup(_strip_possessive(" ".join(words[i:i + size])))
                if entry is not None and entry.actor.country:
                    return entry.actor.country
        return None

    def _organization(self, start: int, words: list[str], country: str | None = None) -> None:
        words = list(words)
        if words:
            words[-1] = _strip_possessive(words[-1])
        while words and words[-1] in _CONNECTORS:
            words.pop()
        name = " ".join(words)
        heads = self.index.organization_words
        if len(words) < 2 or self.lookup(name) is not None or heads.isdisjoint(words):
            return
        # a company named by its head word keeps the state named most often, a public body is the home state's
        fallback = self.main_state if self.index.private_words.intersection(words) else self.own_state
        country = self._entry_country(words) or country or fallback
        actor = Actor("org:" + _slug(name), name, "organization", country)
        self.add(start, start + len(name), actor, "organization")

    # --- people named as the subject of a reporting verb -------------------------------------------
    def named_speakers(self) -> None:
        """ "Hillary Clinton said", "Kamarck argues": one to three capitalised words right before a
        reporting verb are a person, unless a word marks an organisation, place or title, or opens
        sentences, or the name is in the lexicon as something else."""
        index = self.index
        for match in index.speaker_pattern.finditer(self.text):
            words = match.group("name").split()
            start = match.start("name")
            while len(words) > 1 and f" {words[0].lower()} " in self.text:
                start += len(words[0]) + 1
                words.pop(0)  # "Everything Trump says": a common word capitalised at a sentence start
            if any(w in index.not_name or w in index.not_person or w in index.organization_words
                   or _strip_possessive(w) != w for w in words):
                continue
            if len(words) == 1 and not _SURE_SPEECH_VERB.fullmatch(match.group("verb")):
                continue  # "Republican claims": one word needs a verb that is never a noun
            name = " ".join(words)
            if self.lookup(name) is not None and self.lookup(name).actor.kind != "person":
                continue
            if len(words) == 1 and (words[0].lower() in self.index.source_nouns
                                    or f" {words[0].lower()} " in self.text):
                continue  # "Experts say": a common word capitalised at the start of a sentence
            actor = self._person(name, role=None, country=None, titled=True)
            if actor is not None:
                self.add(start, match.end("name"), actor, "speaker")

    # --- people introduced by a given name ------------------------------------------------------
    def given_name_people(self) -> None:
        """ "Olena Kovalenko", "Philip N. Jefferson": a given name of the lexicon, optional initials or
        middle names, and a capitalised surname that is not a state, organisation, title or place word."""
        index = self.index
        words, starts = self.words, self.word_starts
        for i in list(itertools.compress(range(len(words)), map(index.given_names.__contains__, words))):
            start = starts[i]
            if not self.free(start, start + len(words[i])):
                continue
            end = None
            j = i + 1
            while j < len(words) and j <= i + 3 and self.text[starts[j - 1] + len(words[j - 1]):starts[j]] == " ":
                word = words[j]
                bare = _strip_possessive(word.rstrip("."))
                if _INITIAL.fullmatch(word) or (word in index.given_names and j < i + 2):
                    j += 1
                    continue  # "Philip N. Jefferson", "Mary Ann Smith"
                if (bare[:1].isupper() and len(bare) > 1 and bare not in index.not_name and bare not in index.not_person
                        and bare not in index.organization_words and not self._non_person(bare)):
                    end = starts[j] + len(bare)
                break
            if end is None:
                continue
            name = self.text[start:end]
            actor = self._person(name, role=None, country=None, titled=True)
            if actor is not None:
                self.add(start, end, actor, "given name")

    def _non_person(self, word: str) -> bool:
        entry = self.lookup(word)
        return entry is not None and entry.actor.kind != "person"

    # --- dictionary ---------------------------------------------------------------------
    def dictionary(self) -> None:
        text = self.text
        words, starts = self.words, self.word_starts
        n = len(words)
        all_sizes = self.index.surface_sizes(words)
        for i in itertools.compress(range(n), all_sizes):  # the words that may start a name
            for size in all_sizes[i]:
                if i + size > n:
                    continue
                last = i + size - 1
                if size > 1 and not self._single_spaced(i, last):
                    continue
                found = self._match_surface(starts[i], starts[last] + len(words[last]))
                if found is None:
                    continue
                start, end, entry = found
                after_the = _THE_BEFORE.search(text, max(0, start - 5), start) is not None
                if entry.needs_the and not after_the:
                    continue
                if after_the and text[starts[i]:end].rstrip(".") in self.index.with_the:
                    start -= 4  # "the Kremlin", "the West": the article belongs to the name
                actor = entry.actor
                if actor.kind == "person":
                    actor = self._dictionary_person(actor.actor_id)
                via = "dictionary" if entry.via in ("name", "alias") else entry.via
                if self.add(start, end, actor, via):
                    break

    def _single_spaced(self, first: int, last: int) -> bool:
        """Whether words ``first`` to ``last`` are separated by single spaces."""
        return self.gaps[first:last].count(" ") == last - first

    def _match_surface(self, start: int, end: int) -> tuple[int, int, _Entry] | None:
        surface = self.text[start:end]
        head, dash, rest = surface.partition("-")
        hyphen_prefix = head if dash and rest[:1].islower() else surface  # "UN-led", "Russian-backed"
        for candidate in (surface, _strip_possessive(surface), surface.rstrip("."), hyphen_prefix):
            entry = self.lookup(candidate)
            if entry is not None:
                return start, start + len(candidate), entry
        return None

    # --- unnamed sources ------------------------------------------------------------------
    def anonymous_sources(self) -> None:
        last_by_noun: dict[str, Actor] = {}
        for match in self.index.anonymous_pattern.finditer(self.text):
            noun = match.group("noun").lower()
            det, det_start, mods, mods_start = self._words_before(match.start())
            country, described = self._describe(mods)
            if described is None and mods and len(mods) <= 3 and self.index.verb_after.match(self.text, match.end()):
                # "Civil rights activists say ...": as the subject of a reporting verb, any short description
                country, described = self._describe([w for w in mods if self.lookup(w)])[0], mods
            if described is None:
                continue
            if det.lower() in ("the", "its", "his", "her", "their") and not mods:
                previous = last_by_noun.get(_singular(noun))
                if previous is not None:
                    self.add(det_start, match.end(), previous, "coreference", noun)
                continue
            plural = noun.endswith("s") and not noun.endswith("ss")
            reporting = self.index.verb_after.match(self.text, match.end()) is not None
            if not det and not (plural and (described or reporting)):
                continue  # a bare plural is a source only as the subject of a reporting verb
            after_country = self._administration_country(match.end())
            country = after_country or country
            label = " ".join([*(w if self.lookup(w) else w.lower() for w in described), noun.lower()])
            actor = Actor("anonymous:" + _slug(label + ("-" + country if after_country else "")),
                          label, "anonymous", country)
            start = det_start if det else mods_start if mods else match.start()
            if self.add(start, match.end(), actor, "anonymous", noun):
                last_by_noun[_singular(noun)] = actor

    def institutions(self) -> None:
        """ "The agency said", "the campaign says": the last organisation named with that word, else an
        unnamed institution (run after the dictionary, so that named organisations are known)."""
        for match in self.index.institution_pattern.finditer(self.text):
            noun = match.group("noun").lower()
            if not self.index.verb_after.match(self.text, match.end()):
                continue
            actor = self._institution(noun, match.start())
            if actor is None:
                self.add(match.start(), match.end(), Actor("anonymous:" + _slug(noun), noun, "anonymous"),
                         "anonymous", noun)
            else:
                self.add(match.start(), match.end(), actor, "coreference", noun)

    def _institution(self, noun: str, position: int) -> Actor | None:
        for m in reversed(self.mentions):
            if m.end <= position and m.actor.kind in ("organization", "media") and (
                    noun in m.actor.actor.lower() or noun in m.text.lower()):
                return m.actor
        return None

    def _words_before(self, position: int) -> tuple[str, int, list[str], int]:
        """The determiner and modifier words right before a source noun (same clause, at most 5 words)."""
        window_start = max(0, position - 80)
        words = list(_WORD_BEFORE_SOURCE.finditer(self.text[window_start:position]))
        mods: list[str] = []
        mods_start = position
        expected_end = position - window_start
        for word in reversed(words[-6:]):
            if self.text[window_start + word.end():window_start + expected_end].strip():
                break  # punctuation between words ends the phrase
            if _DETERMINER.fullmatch(word.group(0)):
                return word.group(0), window_start + word.start(), mods, mods_start
            if word.group(0).endswith("."):
                break
            mods.insert(0, word.group(0))
            mods_start = window_start + word.start()
            expected_end = word.start()
        return "", position, mods, mods_start

    def _describe(self, words: list[str]) -> tuple[str | None, list[str] | None]:
        """Check the words before a source noun; return the country they give and the kept words."""
        country = None
        kept: list[str] = []
        i = 0
        while i < len(words):
            word = words[i]
            two = f"{word} {words[i + 1]}" if i + 1 < len(words) else None
            entry = self.lookup(two) if two else None
            if entry is not None:
                i += 2
                kept.append(two)
            else:
                entry = self.lookup(word)
                i += 1
                if entry is None and word not in self.index.modifiers and word.lower() not in self.index.modifiers:
                    return None, None
                kept.append(word)
            if entry is not None and entry.actor.kind == "state":
                country = entry.actor.country  # a media or organisation name says nothing of nationality
        return country, kept

    def _administration_country(self, position: int) -> str | None:
        """Country of "... in President Biden's administration" / "... of the Russian government"."""
        tail = self.text[position:position + 80]
        match = _ADMINISTRATION_OF.match(tail)
        if match is None:
            return None
        words = match.group("who").split()
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size + 1):
                entry = self.lookup(_strip_possessive(" ".join(words[start:start + size])))
                if entry is not None and entry.actor.country:
                    return entry.actor.country
        surname_people = self.index.people_by_surname.get(_strip_possessive(words[-1]), set())
        if len(surname_people) == 1:
            return self._dictionary_person(next(iter(surname_people))).country
        return None

    # --- coreference ----------------------------------------------------------------------
    def surnames(self) -> None:
        people: dict[str, Actor] = {}
        for mention in self.mentions:
            if mention.actor.kind == "person":
                people.setdefault(_surname(mention.actor.actor), mention.actor)
                for family_name in self.index.family_names.get(mention.actor.actor_id, ()):
                    people.setdefault(family_name, mention.actor)
        for start, surname in _occurrences(self.text, people):
            self.add(start, start + len(surname), people[surname], "surname")

    def known_surnames(self) -> None:
        """A bare surname of the actor dictionary ("Putin"), when the person's state is mentioned in
        the article and the word does not open a sentence (where any capitalised word stands)."""
        countries = {m.actor.country for m in self.mentions if m.actor.kind == "state"}
        if not countries:
            return
        surnames = self.index.people_by_surname
        for i, word in itertools.compress(zip(self.name_words, self.bare_names, strict=True),
                                          map(surnames.__contains__, self.bare_names)):
            candidates = surnames[word]
            if not candidates or len(candidates) != 1 or word in self.index.not_name:
                continue
            person = self._dictionary_person(next(iter(candidates)))
            start = self.word_starts[i]
            if person.country not in countries or start in self._sentence_start_set:
                continue
            self.add(start, start + len(word), person, "surname")

    def roles_alone(self) -> None:
        by_role: dict[str, set[Actor]] = {}
        for mention in self.mentions:
            if mention.actor.kind == "person" and mention.actor.role:
                by_role.setdefault(mention.actor.role.lower(), set()).add(mention.actor)
        for match in self.index.role_alone_pattern.finditer(self.text):
            role = self.index.roles_by_title.get(match.group("role").lower())
            holders = by_role.get((role or "").lower(), set())
            if len(holders) == 1:
                self.add(match.start(), match.end(), next(iter(holders)), "role")

    # --- people -----------------------------------------------------------------------------
    def _person(self, name: str, *, role: str | None, country: str | None, titled: bool) -> Actor | None:
        entry = self.lookup(name)
        if entry is not None and entry.actor.kind == "person":
            return self._dictionary_person(entry.actor.actor_id)
        if entry is not None:
            return None  # a state or organisation name after a title ("President Putin" is not this)
        surname = _surname(name)
        if " " not in name:
            known = next((m.actor for m in self.mentions if m.actor.kind == "person" and (
                _surname(m.actor.actor) == name or name in self.index.family_names.get(m.actor.actor_id, ()))), None)
            if known is not None:
                return known
            candidates = self.index.people_by_surname.get(surname, set())
            if len(candidates) == 1:
                return self._dictionary_person(next(iter(candidates)))
        elif surname in self.index.people_by_surname and len(self.index.people_by_surname[surname]) == 1:
            person = self._dictionary_person(next(iter(self.index.people_by_surname[surname])))
            if person.actor.split()[0] == name.split(maxsplit=1)[0]:
                return person  # "Antony John Blinken": same first name and surname
        if not titled:
            return None
        return Actor("person:" + _slug(name), name, "person", country, role)

    def _dictionary_person(self, actor_id: str) -> Actor:
        rows = self.index.people_rows[actor_id]
        row = _row_at(rows, self.published)
        return Actor(actor_id, rows[0]["name"], "person", row["country"] or None, row["role"] or None,
                     row["organization"] or None)

    def _not_held_at_home(self, role: str) -> bool:
        """True when the document speaks for a state and the dictionary knows ``role`` only in other states
        ("Prime Minister" in a White House text: the United States has none)."""
        if self.home is None:
            return False
        holders = self.index.role_states.get(role.lower())
        return bool(holders) and self.home not in holders

    def _foreign_state_near(self, position: int) -> str | None:
        """In a document that speaks for a state, the one other state its sentence at ``position`` names
        (a state's name, adjective or capital), if exactly one; else None."""
        if self.home is None:
            return None
        sentence = self.sentence_of(position)
        first = self.starts[sentence] if self.starts else 0
        last = self.starts[sentence + 1] if sentence + 1 < len(self.starts) else len(self.text)
        lo, hi = bisect.bisect_left(self.word_starts, first), bisect.bisect_left(self.word_starts, last)
        found = set()
        for i in range(lo, hi):
            word = self.words[i]
            if not word[:1].isupper():
                continue
            for size in (2, 1):
                entry = self.lookup(_strip_possessive(" ".join(self.words[i:i + size]))) if i + size <= hi else None
                if entry is not None and entry.actor.kind == "state" and entry.actor.country:
                    found.add(entry.actor.country)
                    break
        found.discard(self.home)
        return found.pop() if len(found) == 1 else None

    @property
    def own_state(self) -> str | None:
        """The state of officials and bodies that name none: the state the document speaks for (a
        White House readout's "Secretary of Commerce Gina Raimondo"), else :attr:`main_state`."""
        return self.home or self.main_state

    @cached_property
    def main_state(self) -> str | None:
        """The state the article names most often (ties: the first named), for bodies such as "the
        Department of Energy" that name no state: in news they are the article's own state's."""
        counts: dict[str, int] = {}
        for entry in filter(None, map(self.index.surfaces.get, self.bare_names)):
            if entry.actor.kind == "state":
                counts[entry.actor.actor_id] = counts.get(entry.actor.actor_id, 0) + 1
        return max(counts, key=counts.__getitem__) if counts else None

    def _role_modifiers(self, position: int) -> str:
        """Capitalised words before a title that belong to the role ("National Cyber" Director), up to a
        state, organisation, sentence opener, name or punctuation."""
        run = _CAPITALISED_BEFORE.search(self.text[max(0, position - 40):position])
        if run is None:
            return ""
        kept: list[str] = []
        for word in reversed(run.group(0).split()):
            if (word in self.index.openers or self.lookup(_strip_possessive(word)) is not None
                    or word in self.index.given_names or word.isupper() or _strip_possessive(word) != word):
                break
            kept.insert(0, word)
        return " ".join(kept) + " " if kept else ""

    def _inside_a_name(self, position: int) -> bool:
        """True when a capitalised word that is not a known state, organisation or title comes right
        before ``position`` in the same sentence ("Luther King")."""
        before = _NAME_WORD_BEFORE.search(self.text[max(0, position - 50):position])
        if before is None:
            return False
        word = _strip_possessive(before.group(2))
        if word in self.index.not_name or word in self.index.organization_words or word in self.index.not_person:
            return False
        words = [*before.group(1).split(), word]
        if any(self.lookup(" ".join(words[-size:])) for size in range(1, len(words) + 1)):
            return False
        if self.index.given_names:
            # with a given-name lexicon, only a name before the title makes it part of a name
            # ("Martin Luther King"); "National Cyber Director" is a title
            return any(w in self.index.given_names for w in words)
        return True

    def _modifier_country(self, position: int) -> str | None:
        """Country of the word(s) just before a title: "German Chancellor", "Kremlin spokesman"."""
        before = self.text[max(0, position - 40):position]
        match = _WORDS_BEFORE.search(before)
        if match is None:
            return None
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            entry = self.lookup(_strip_possessive(" ".join(words[-size:])))
            if entry is not None and entry.actor.country and entry.actor.kind != "person":
                return entry.actor.country
        return None

    def _of_country(self, position: int) -> str | None:
        """The state of "... of Finland", "... of the Republic of Colombia" right after ``position``."""
        window = self.text[position:position + 80]
        match = _OF_FORMAL_STATE.match(window) or _OF_STATE.match(window)
        if match is None:
            return None
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            entry = self.lookup(_strip_possessive(" ".join(words[:size]).rstrip(".")))
            if entry is not None and entry.actor.kind == "state":
                return entry.actor.country
        return None

    def resolved(self) -> list[Mention]:
        """The mentions in text order; a person named by surname alone ("Dr. Sherwood-Randall", found
        by title before "Liz Sherwood-Randall" was found by given name) is the one full name with that
        surname."""
        full: dict[str, set[Actor]] = {}
        for m in self.mentions:
            if m.actor.kind == "person" and " " in m.actor.actor:
                full.setdefault(_surname(m.actor.actor), set()).add(m.actor)
        mentions = [dataclasses.replace(m, actor=next(iter(full[m.actor.actor])))
                    if m.actor.kind == "person" and " " not in m.actor.actor and len(full.get(m.actor.actor, ())) == 1
                    else m for m in self.mentions]
        return sorted(mentions, key=lambda m: m.start)


def _occurrences(text: str, names: Iterable[str]) -> list[tuple[int, str]]:
    """Where ``names`` stand as words (not after a letter, digit or dot; not before a letter, digit or
    hyphen), in text order, the longest at a position, without overlaps: what a regex alternation of
    the names would find, but with ``str.find``, as such a regex would be compiled for one article only."""
    longest: dict[int, str] = {}
    for name in names:
        if not name:
            continue
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            alone = ((start == 0 or not _is_word_char(text[start - 1], "."))
                     and (end == len(text) or not _is_word_char(text[end], "-")))
            if alone and len(name) > len(longest.get(start, "")):
                longest[start] = name
            start = text.find(name, start + 1)
    found, covered = [], 0
    for start in sorted(longest):
        if start >= covered:
            found.append((start, longest[start]))
            covered = start + len(longest[start])
    return found


def _is_word_char(char: str, also: str) -> bool:
    """Whether ``char`` is one regex ``\\w`` matches (a letter, digit or underscore), or is ``also``."""
    return char.isalnum() or char in ("_", also)


def _paragraph_starts(text: str) -> list[int]:
    """Where the text and each paragraph after a blank line start (looked up with ``str.find``, which is
    quicker than a regex tried at every position)."""
    starts = [0]
    blank = text.find("\n\n")
    while blank >= 0:
        starts.append(blank + 2)
        blank = text.find("\n\n", blank + 1)
    return starts


def _tokens(text: str) -> tuple[list[str], list[int], list[str]]:
    """The tokens of ``text`` (:data:`_TOKEN`), their start offsets and the text after each (up to the
    next token), as plain lists: a match object per word costs more to make and to keep than the rest
    of the dictionary scan."""
    pieces = _TOKEN_SPLIT.split(text)
    offsets = list(itertools.accumulate(map(len, pieces)))
    return pieces[1::2], offsets[0:-1:2], pieces[2::2]


def _title_case(word: str) -> str:
    """ "PSAKI" -> "Psaki", "MS." -> "Ms.", keeping short initialisms ("U.S.") as written."""
    if "." in word.rstrip(".") or (len(word) <= 2 and not word.endswith(".")):
        return word
    return word[:1] + word[1:].lower()


def _first_title(titles_text: str, titles: dict[str, str]) -> str:
    """The first title of a chain ("Chief of the General Staff Gen." -> "Chief of the General Staff"):
    the longest title that is the whole text or is followed by a space in it."""
    end = len(titles_text)
    while end > 0:
        if titles_text[:end] in titles:
            return titles_text[:end]
        end = titles_text.rfind(" ", 0, end)
    return titles_text


def _following_words(text: str, position: int) -> list[str]:
    """The capitalised words from ``position`` on, up to the first word that is not capitalised."""
    words = []
    for word in _FOLLOWING_WORD.findall(text[position:position + 80])[:6]:
        if not word[0].isupper():
            break
        words.append(_strip_possessive(word).rstrip("."))
    return words


def _trim_name(name: str, not_name: frozenset[str]) -> list[str]:
    kept = []
    for token in name.replace(",", " ,").split():
        if token == ",":
            continue
        bare = _strip_possessive(token)
        if token in not_name or bare in not_name:
            break
        kept.append(bare)
        if bare != token:
            break
    while kept and kept[-1] in _NAME_PARTICLES:
        kept.pop()
    return kept


def _joined_prefix(name: str, n_tokens: int) -> str:
    """The part of ``name`` covering its first ``n_tokens`` tokens (", Jr." counts as one)."""
    spans = list(_NAME_PART.finditer(name))
    end = spans[n_tokens - 1].end()
    word = name[spans[n_tokens - 1].start():end]
    bare = _strip_possessive(word)
    return name[:end - (len(word) - len(bare))]


def _strip_possessive(text: str) -> str:
    if not text.endswith(("'s", "s'")):
        return text  # most words: one test
    return text[:-2] if text.endswith("'s") else text[:-1]


def _singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _row_at(rows: list[dict[str, str]], published: pd.Timestamp | None) -> dict[str, str]:
    """The role row in force at ``published`` (else the latest one that started before it, else the first)."""
    if published is None:
        return rows[-1]
    day = published.strftime("%Y-%m-%d")
    current = [r for r in rows if (not r["start"] or r["start"] <= day) and (not r["end"] or day <= r["end"])]
    if current:
        return current[-1]
    started = [r for r in rows if r["start"] and r["start"] <= day]
    return started[-1] if started else rows[0]


@functools.lru_cache(maxsize=8)
def _role_with_our(lexicon: Lexicon) -> re.Pattern[str]:
    pattern = actor_index(lexicon).role_alone_pattern
    return re.compile(pattern.pattern.replace("(?=t)(?<![\\w])(?:the|The)", "(?=[to])(?<![\\w])(?:the|The|our|Our)"),
                      pattern.flags)


def state_actor(code: str | None, *, lexicon: Lexicon) -> Actor | None:
    """The state of ``states.csv`` with ``code`` as an actor (None for an unknown code).

    Example:
        >>> from crisislens.lexicon import default_lexicon
        >>> state_actor("ISL", lexicon=default_lexicon()).actor
        'Iceland'
    """
    return _state_actors(lexicon).get(code) if code else None


@functools.lru_cache(maxsize=8)
def _state_actors(lexicon: Lexicon) -> dict[str, Actor]:
    return {row["actor_id"]: Actor(row["actor_id"], row["name"], "state", row["actor_id"])
            for row in lexicon.table("states")}


def roles_alone(text: str, start: int, end: int, *, lexicon: Lexicon) -> list[tuple[int, int, str, str | None]]:
    """The role phrases without a name between ``start`` and ``end`` ("the President", "our Secretary
    of State", "the Italian Prime Minister"), as (start, end, role of ``titles.csv``, the state an
    adjective names or None).

    Example:
        >>> from crisislens.lexicon import default_lexicon
        >>> roles_alone("The Italian Prime Minister called the President.", 0, 48, lexicon=default_lexicon())
        [(0, 26, 'Prime Minister', 'ITA'), (34, 47, 'President', None)]
    """
    index = actor_index(lexicon)
    found = []
    for match in index.role_with_our_pattern.finditer(text, start, end):
        role = index.roles_by_title.get(match.group("role").lower())
        country = None
        if match.group("adj"):
            entry = index.surfaces.get(match.group("adj"))
            if entry is None or entry.actor.kind != "state":
                continue  # "the Former President", "the Deputy Secretary": not a role of a named state
            country = entry.actor.actor_id
        if role:
            found.append((match.start(), match.end(), role, country))
    return found


@functools.lru_cache(maxsize=1024)
def role_holder(role: str, country: str, *, lexicon: Lexicon, published: pd.Timestamp | None = None) -> Actor | None:
    """The one dictionary person holding ``role`` for ``country`` at ``published`` ("President", "USA"
    in February 2022: Joe Biden), or None when there is none or more than one.

    Example:
        >>> from crisislens.lexicon import default_lexicon
        >>> role_holder("President", "RUS", lexicon=default_lexicon(), published=pd.Timestamp("2022-02-13")).actor
        'Vladimir Putin'
    """
    index = actor_index(lexicon)
    holders = []
    for actor_id, rows in index.people_rows.items():
        row = _row_at(rows, published)
        if (row["role"] or "").lower() == role.lower() and row["country"] == country and (
                published is None or ((not row["start"] or row["start"] <= published.strftime("%Y-%m-%d"))
                                      and (not row["end"] or published.strftime("%Y-%m-%d") <= row["end"]))):
            holders.append(Actor(actor_id, rows[0]["name"], "person", row["country"] or None, row["role"] or None,
                                 row["organization"] or None))
    return holders[0] if len(holders) == 1 else None


def actor_rows(article_id: str, mentions: Iterable[Mention]) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Return the ``mentions`` and ``actors`` table rows for an article's mentions."""
    mention_rows = []
    actors: dict[str, dict[str, object]] = {}
    for m in mentions:
        a = m.actor
        mention_rows.append({
            "article_id": article_id, "sentence_id": m.sentence_id, "start": m.start, "end": m.end,
            "text": m.text, "actor_id": a.actor_id, "actor": a.actor, "kind": a.kind, "country": a.country,
            "role": a.role, "via": m.via,
        })
        row = actors.setdefault(a.actor_id, {
            "article_id": article_id, "actor_id": a.actor_id, "actor": a.actor, "kind": a.kind,
            "country": a.country, "role": a.role, "organization": a.organization, "n_mentions": 0})
        row["n_mentions"] += 1
        for key in ("country", "role", "organization"):
            if row[key] is None and getattr(a, key):
                row[key] = getattr(a, key)
    return mention_rows, list(actors.values())


def resolve_pronoun(mentions: Sequence[Mention], position: int, *, max_back: int = 3) -> Actor | None:
    """The person a speaker pronoun at ``position`` refers to: the last person mentioned before it,
    in its sentence or up to ``max_back`` sentences earlier."""
    before = [m for m in mentions if m.end <= position and m.actor.kind == "person"]
    if not before:
        return None
    here = max((m.sentence_id for m in mentions if m.start <= position), default=0)
    last = before[-1]
    return last.actor if here - last.sentence_id <= max_back else None


