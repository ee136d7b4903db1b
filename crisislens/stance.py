"""Stance and tone: how cooperative or confrontational a statement is, and how it sounds.

Extracts, for any text (a sentence, a quote):

- ``stance`` in [-1, 1]: positive = cooperative / de-escalatory, negative = confrontational /
  escalatory. Built from the lexicon ``stance_terms.csv``: words and phrases grouped by the event
  families political scientists code (cooperate, consult, agree, aid, support, concede, de-escalate
  against demand, reject, threaten, protest, accuse, sanction, mobilise, coerce, assault, fight), each
  with a weight. Up to three words before a term, in the same clause, ``stance_modifiers.csv`` words
  change it: a negation reverses and weakens it ("did not expect progress"), an averting word reverses a
  confrontational term ("avoid a war"), a hedge weakens it ("might impose sanctions"), an intensifier
  strengthens it ("strongly condemn"), and a topic word up to fifteen words back weakens what is only
  talked about ("discussed the threat posed by ...": reporting a threat is not making one). Aid, support
  and cooperation are weakened where they are a domestic programme, not an act towards a partner: after
  a programme word ("announced grants to help rural hospitals", unless the text names a state) or before
  an object word ("help schools reopen", "support good jobs"). The weights add up to a total ``t``,
  and ``stance = t / (1 + |t|)``:
  0 when nothing fired, about +-0.4 for one ordinary term, nearer +-1 the more evidence there is.
- ``stance_terms``: what fired, so a reader sees why ("condemn (protest -0.8); solidarity (support +0.7)").
- ``tone``: TextBlob polarity and ``subjectivity``: the numbers of TextBlob's PatternAnalyzer, from
  the word list that ships inside the textblob package, computed by :mod:`crisislens.tone` (the same
  floats, about six times faster). crisislens never calls TextBlob features that need downloaded
  corpora (``.sentences``, ``.words``, ``.noun_phrases``).

Aggregations for charts: :func:`summarise` (by speaker, by speaker's country, any column) and
:func:`by_day`.

Deliberately not done: who a threat is made by. Beyond the topic words ("discussed the threat"), "Russia
threatened Ukraine" (reporting a threat) and "we will impose severe costs" (making one) both score as
confrontational; the quote's speaker says who is talking, and charts by speaker keep the two apart.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from crisislens.actors import literal_alternation
from crisislens.lexicon import Lexicon
from crisislens.tone import polarity_subjectivity

LABELS = ("confrontational", "neutral", "cooperative")
THRESHOLD = 0.2
"""|stance| below this is labelled neutral by :func:`stance_label`."""

_CLAUSE_BREAK = re.compile(r"[,;:.!?()\u2013\u2014]|\bbut\b", re.IGNORECASE)
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_SCOPE = 6
_TOPIC_SCOPE = 15
_MAX_REMEMBERED = 200_000
_NEAR_SCOPE = 3
_HELP_FAMILIES = ("aid", "support")
"""Families whose terms an ``object`` modifier after them weakens ("support good jobs")."""
_PROGRAMME_FAMILIES = ("aid", "support", "cooperate")
"""Families whose terms a ``programme`` modifier before them weakens ("announced funding to help ...")."""
_PARTNER_WORDS = frozenset({"them", "their", "they", "his", "her"})
"""Words after an aid or support term that name whom it is for, so a following object word is theirs
("help them rebuild", "support their recovery")."""


def tone(text: str) -> tuple[float, float]:
    """Return TextBlob's (polarity, subjectivity) for ``text`` (see :mod:`crisislens.tone`).

    Example:
        >>> tone("a wise and good decision")[0] > 0
        True
    """
    return polarity_subjectivity(text)


@dataclass(frozen=True)
class StanceTerm:
    """One stance term found in a text, with its weight after modifiers."""

    start: int
    end: int
    text: str
    family: str
    weight: float
    modifiers: tuple[str, ...] = ()

    def describe(self) -> str:
        """ "condemn (protest -0.8)", "not expect progress (agree -0.25, not)"."""
        extra = ", " + " ".join(self.modifiers) if self.modifiers else ""
        return f"{self.text} ({self.family} {self.weight:+.2f}{extra})"


@dataclass(frozen=True)
class Stance:
    """The stance of a text: its score and the terms behind it."""

    score: float
    terms: tuple[StanceTerm, ...]

    @property
    def explanation(self) -> str | None:
        """The fired terms as text for the ``stance_terms`` column (None when nothing fired)."""
        return "; ".join(t.describe() for t in self.terms) or None


@dataclass(frozen=True)
class _Rules:
    """The stance terms compiled for scanning: for each first word (or first-word stem, ending in
    "*"), a pattern of the terms that begin with it, so a word is tried only against its own terms."""

    by_first: dict[str, tuple[re.Pattern[str], tuple[str, ...]]]
    families: dict[str, tuple[str, float]]
    modifiers: dict[str, tuple[str, float]]
    objects: dict[str, float]
    states: re.Pattern[str] | None
    modifier_sizes: tuple[int, ...]
    stem_sizes: tuple[int, ...]
    seen: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)

    def keys(self, word: str) -> tuple[str, ...]:
        """The first-word keys whose terms may begin with ``word`` (lower case), remembered per word."""
        known = self.seen.get(word)
        if known is None:
            known = tuple(k for k in (word, *(word[:n] + "*" for n in self.stem_sizes if n <= len(word)))
                          if k in self.by_first)
            if len(self.seen) < _MAX_REMEMBERED:
                self.seen[word] = known
        return known


def _term_regex(term: str) -> str:
    parts = []
    for word in term.split():
        if word == "~":
            parts.append(r"(?:[\w'’-]+\s+){0,2}?")
            continue
        stem = word.endswith("*")
        body = re.escape(word.rstrip("*")).replace("'", "['’]")  # "don't" and "don’t"
        parts.append(body + (r"\w*(?:['’-]\w+)*" if stem else "") + r"\s+")
    regex = "".join(parts)
    return regex[: -len(r"\s+")] if regex.endswith(r"\s+") else regex


@functools.lru_cache(maxsize=8)
def _rules(lexicon: Lexicon) -> _Rules:
    terms = {r["term"].lower(): (r["family"], float(r["weight"])) for r in lexicon.table("stance_terms")}
    grouped: dict[str, list[str]] = {}
    for term in sorted(terms, key=lambda t: (-len(t.replace("*", "")), t)):  # longest first
        grouped.setdefault(term.split()[0], []).append(term)
    by_first = {}
    for first, group in grouped.items():
        named = "|".join(f"(?P<t{i}>{_term_regex(t)})" for i, t in enumerate(group))
        pattern = re.compile(r"(?<!\w)(?<!\w['’-])(?:" + named + r")(?!\w|['’-]\w)", re.IGNORECASE)
        by_first[first] = (pattern, tuple(group))
    modifiers, objects = {}, {}
    for row in lexicon.table("stance_modifiers"):
        if row["kind"] == "object":
            objects[row["word"].lower()] = float(row["factor"])
        else:
            modifiers[row["word"].lower()] = (row["kind"], float(row["factor"]))
    stem_sizes = tuple(sorted({len(k) - 1 for k in by_first if k.endswith("*")}))
    modifier_sizes = tuple(sorted({w.count(" ") + 1 for w in modifiers}, reverse=True))
    return _Rules(by_first, terms, modifiers, objects, _state_words(lexicon), modifier_sizes, stem_sizes)


def _state_words(lexicon: Lexicon) -> re.Pattern[str] | None:
    """A pattern of the names, other names and adjectives of the states in ``lexicon`` and of the places
    that stand for them ("Kyiv", "the Kremlin"); case-sensitive: "Chad", not "chad"."""
    words = {value.strip() for row in lexicon.table("states")
             for column in ("name", "aliases", "adjectives") for value in (row.get(column) or "").split("|")}
    words |= {row["surface"].strip() for row in lexicon.table("metonyms")}  # "support to Kyiv"
    words.discard("")
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + literal_alternation(words) + r")(?!\w)")


def score_stance(text: str, *, lexicon: Lexicon | None = None) -> Stance:
    """Return the stance of ``text`` and the terms that made it.

    Args:
        text: a sentence, a quote or any passage.
        lexicon: supplies ``stance_terms`` and ``stance_modifiers`` (default: the bundled lexicon).

    Example:
        >>> s = score_stance("We strongly condemn the attack and will impose severe costs.")
        >>> s.score < -0.5, [t.family for t in s.terms]
        (True, ['protest', 'assault', 'sanction'])
        >>> score_stance("The diplomatic path remains open.").score > 0
        True
        >>> score_stance("They did not reach an agreement.").score < 0
        True
    """
    if lexicon is None:
        from crisislens.lexicon import default_lexicon

        lexicon = default_lexicon()
    rules = _rules(lexicon)
    if not rules.by_first or not text:
        return Stance(0.0, ())
    found: list[StanceTerm] = []
    headline: bool | None = None  # decided when a capitalised term first needs it
    abroad: bool | None = None  # whether the text names a state, decided when a programme word first needs it
    for token in _WORD.finditer(text):
        if found and token.start() < found[-1].end:
            continue  # inside the last term ("impose severe costs")
        best: tuple[re.Match[str], str] | None = None
        for key in rules.keys(token.group().lower().replace("’", "'")):
            pattern, group = rules.by_first[key]
            candidate = pattern.match(text, token.start())
            if candidate is not None and (best is None or candidate.end() > best[0].end()):
                best = (candidate, group[int(candidate.lastgroup[1:])])  # type: ignore[index]
        if best is None:
            continue
        if _inside_name(text, best[0]):
            headline = _headline(text) if headline is None else headline
            if not headline:
                continue  # "the Organization for Security and Cooperation in Europe" is a name, not cooperation
        match, term = best
        family, weight = rules.families[term]
        applied = []
        for modifier, (kind, factor) in _modifiers_before(text, match.start(), rules.modifiers, rules.modifier_sizes):
            if kind == "avert" and weight > 0:
                continue  # "end the talks" does not make the talks confrontational
            if kind == "programme":
                if weight <= 0 or family not in _PROGRAMME_FAMILIES:
                    continue
                abroad = _names_a_state(text, rules) if abroad is None else abroad
                if abroad:
                    continue  # "announced $308 million in assistance for the people of Afghanistan"
            weight *= factor
            applied.append(modifier)
        if weight > 0 and family in _HELP_FAMILIES:
            thing = _domestic_object(text, match.end(), rules.objects)
            if thing is not None:
                weight *= rules.objects[thing]  # "help schools reopen": a programme, not a partner
                applied.append(thing)
        found.append(StanceTerm(match.start(), match.end(), match.group(), family, round(weight, 4), tuple(applied)))
    return combine(found)


def quote_stance(text: str, cue: str | None = None, *, lexicon: Lexicon | None = None) -> Stance:
    """The stance of a quote: its words and its cue ("accused", "praised", "warned" say what the
    speaker does). Offsets of the terms are into ``text``; a term of the cue has start and end -1.

    Example:
        >>> quote_stance("Russia of massing troops", "accused").score < quote_stance("Russia of massing troops").score
        True
    """
    return with_cue(score_stance(text, lexicon=lexicon).terms, cue, lexicon=lexicon)


def with_cue(terms: Sequence[StanceTerm], cue: str | None, *, lexicon: Lexicon | None = None) -> Stance:
    """The stance of a statement whose own terms are ``terms`` (found in its text, or in the
    sentences it spans), reported with ``cue``; a term of the cue has start and end -1."""
    extra = tuple(StanceTerm(-1, -1, t.text, t.family, t.weight, t.modifiers)
                  for t in score_stance(cue, lexicon=lexicon).terms) if cue else ()
    return combine((*extra, *terms))


def combine(terms: Sequence[StanceTerm]) -> Stance:
    """The stance that ``terms`` add up to: ``t / (1 + |t|)`` of the sum of their weights."""
    total = sum(t.weight for t in terms)
    return Stance(round(total / (1 + abs(total)), 4), tuple(terms))


def _headline(text: str) -> bool:
    """A headline in title case ("The Absurd Double Standard Clinton And Trump Face"): no full stop
    at the end and most of its longer words capitalised, so a capitalised term is not part of a name."""
    if text.rstrip(" \"'”’)").endswith((".", "?", "!", ",", ";", ":")):
        return False
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _inside_name(text: str, match: re.Match[str]) -> bool:
    """A capitalised term inside a run of capitalised words, not at the start of the text."""
    if not match.group()[0].isupper() or match.start() == 0:
        return False
    before = _WORD.findall(text[max(0, match.start() - 30):match.start()])
    after = _WORD.findall(text[match.end():match.end() + 30])
    if before and before[-1] in ("and", "for", "of") and len(before) > 1:
        before = before[:-1]  # "Security and Cooperation", "Organization for Security"
    if after and after[0] in ("and", "for", "of", "in") and len(after) > 1:
        after = after[1:]
    return bool((before and before[-1][0].isupper()) or (after and after[0][0].isupper()))


def _modifiers_before(text: str, start: int, modifiers: dict[str, tuple[str, float]],
                      sizes: tuple[int, ...]) -> list[tuple[str, tuple[str, float]]]:
    """Modifier words before ``start`` in the same clause: a topic word and a programme word up to fifteen
    words back ("discussed the threat posed by ..."; one of each counts), negations and averting words up
    to six ("did not expect concrete results from the talks"), hedges and intensifiers up to three. A
    modifier of several words ("in the face of") is matched whole, the longest first (``sizes``: the
    numbers of words of the modifiers, longest first)."""
    window = text[max(0, start - 160):start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end():]
    words = [w.lower().replace("’", "'") for w in _WORD.findall(window)][-_TOPIC_SCOPE:]
    words = ["n't" if w.endswith("n't") else w for w in words]
    found = []
    seen_kinds: set[str] = set()
    for i, word in enumerate(words):
        entry = None
        for size in sizes:
            phrase = " ".join(words[i:i + size]) if i + size <= len(words) else None
            if phrase in modifiers:
                entry = (phrase, modifiers[phrase])
                break
        if entry is None:
            continue
        distance, kind = len(words) - i, entry[1][0]
        if kind == "negation" and i + 1 < len(words) and words[i + 1] == "only":
            continue  # "not only humanitarian assistance but also ...": no negation
        if kind == "negation" and word == "little" and i and words[i - 1] == "a":
            continue  # "a little desperate" is desperate
        if kind in ("topic", "programme"):
            if kind not in seen_kinds:
                found.append(entry)
                seen_kinds.add(kind)
        elif distance <= _NEAR_SCOPE or (kind in ("negation", "avert") and distance <= _SCOPE):
            found.append(entry)
    return found  # type: ignore[return-value]


def _names_a_state(text: str, rules: _Rules) -> bool:
    """Whether ``text`` names a state (or its people): aid announced for a state is no domestic programme."""
    return rules.states is not None and rules.states.search(text) is not None


def _domestic_object(text: str, end: int, objects: dict[str, float]) -> str | None:
    """The ``object`` modifier among the three words after ``end`` in the same clause, unless a name, a
    possessive or a pronoun of others is among them too ("help rebuild Ukraine's economy", "help them
    rebuild" help a partner; "help rebuild the economy" does not)."""
    window = text[end:end + 80]
    cut = _CLAUSE_BREAK.search(window)
    words = _WORD.findall(window[:cut.start()] if cut else window)[:_NEAR_SCOPE]
    if any(word[0].isupper() or word.lower().endswith(("'s", "’s")) or word.lower() in _PARTNER_WORDS
           for word in words):
        return None
    return next((word.lower() for word in words if word.lower() in objects), None)


def stance_label(score: float | None, threshold: float = THRESHOLD) -> str | None:
    """ "cooperative", "neutral" or "confrontational" for a stance score (None when missing).

    Example:
        >>> [stance_label(s) for s in (0.5, 0.0, -0.3)]
        ['cooperative', 'neutral', 'confrontational']
    """
    if score is None or pd.isna(score):
        return None
    if score >= threshold:
        return "cooperative"
    if score <= -threshold:
        return "confrontational"
    return "neutral"


def summarise(table: pd.DataFrame, by: str | Sequence[str] = "speaker", *, min_count: int = 1) -> pd.DataFrame:
    """Stance and tone per group of a ``quotes`` (or ``sentences``) table, with the evidence behind them.

    Args:
        table: a table with ``stance`` and ``tone`` columns (quotes or sentences).
        by: the column(s) to group by: ``speaker``, ``speaker_country``, ``article_id`` ...
        min_count: leave out groups with fewer rows.

    Returns:
        One row per group: ``n`` (rows), ``stance`` and ``tone`` (means), ``stance_sd``, and the
        number of ``cooperative``, ``neutral`` and ``confrontational`` rows; sorted by ``n`` then name.

    Example:
        >>> quotes = pd.DataFrame({"speaker": ["A", "A", "B"], "stance": [0.5, 0.1, -0.4], "tone": [0.2, 0.0, -0.1]})
        >>> summarise(quotes)[["speaker", "n", "stance", "cooperative", "confrontational"]].values.tolist()
        [['A', 2, 0.3, 1, 0], ['B', 1, -0.4, 0, 1]]
    """
    keys = [by] if isinstance(by, str) else list(by)
    data = table.dropna(subset=[*keys, "stance"]).copy()
    data["label"] = [stance_label(s) for s in data["stance"]]
    grouped = data.groupby(keys, sort=True)
    result = grouped.agg(n=("stance", "size"), stance=("stance", "mean"), stance_sd=("stance", "std"),
                         tone=("tone", "mean"))
    counts = pd.crosstab([data[k] for k in keys], data["label"]).reindex(columns=list(LABELS[::-1]), fill_value=0)
    result = result.join(counts).reset_index()
    result = result[result["n"] >= min_count]
    for column in ("stance", "stance_sd", "tone"):
        result[column] = result[column].astype(float).round(4)
    for column in ("n", *LABELS):
        result[column] = result[column].astype(int)
    ordered = result.sort_values(["n", *keys], ascending=[False, *[True] * len(keys)], kind="stable")
    return ordered.reset_index(drop=True)[[*keys, "n", "stance", "stance_sd", "tone", *LABELS[::-1]]]


def by_day(quotes: pd.DataFrame, articles: pd.DataFrame | None = None, *, by: str | None = None) -> pd.DataFrame:
    """Stance and tone of quotes per day (and per ``by`` group, e.g. ``speaker_country``).

    A quote's day is its own statement date (``date``) when the text gives one, else its article's
    publication date (from ``articles``: ``Corpus.articles`` or ``Article.info``).

    Example:
        >>> quotes = pd.DataFrame({"article_id": ["a", "a"], "date": [pd.NaT, pd.Timestamp("2022-02-12")],
        ...                        "stance": [0.5, -0.5], "tone": [0.1, 0.0]})
        >>> articles = pd.DataFrame({"article_id": ["a"], "published": [pd.Timestamp("2022-02-13")]})
        >>> by_day(quotes, articles)[["day", "n", "stance"]].values.tolist()
        [[Timestamp('2022-02-12 00:00:00'), 1, -0.5], [Timestamp('2022-02-13 00:00:00'), 1, 0.5]]
    """
    data = quotes.copy()
    day = pd.to_datetime(data["date"]) if "date" in data else pd.Series(pd.NaT, index=data.index)
    if articles is not None and len(articles):
        published = articles.set_index("article_id")["published"]
        day = day.fillna(pd.to_datetime(data["article_id"].map(published)))
    data["day"] = day.dt.normalize()
    return summarise(data, ["day"] if by is None else ["day", by])
