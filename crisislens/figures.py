"""Figures: numbers with what they count, their hedges and bounds, whose they are and who claims them.

Extracts every number written in digits ("100,000", "1.5 million", "$1 billion", "€500m", "3.5%") or in
words ("two", "twenty-five", "a dozen", "hundreds", "tens of thousands"), hyphenated measures
("hour-long", "three-day", "10-kilometre"), and ranges ("100,000 to 130,000", "between 3,000 and 5,000"),
with:

- ``qualifier`` and bounds from the hedge before it ("more than" gives ``low``; "up to" gives ``high``);
- ``unit`` and ``category`` from the counted noun (lexicon ``figure_units.csv``), with killing verbs
  turning people into casualties ("the war has killed more than 14,000 people");
- ``actor``: the state whose troops or equipment they are ("Russian troops", "Russia has ... troops");
- ``claimed_by``: the speaker of the quote the figure sits in.

Years ("in 2014", "1997 levels") and calendar days ("February 13") are rows of category ``year`` and
``date``, never counts. Deliberately skipped: ordinals ("first"), times of day, numbers inside names
("G7", "COVID-19", "Nord Stream 2", "Executive Order 14024") and ages.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from crisislens.actors import Mention, literal_alternation
from crisislens.lexicon import Lexicon
from crisislens.quotes import Quote
from crisislens.text import Sentence

CATEGORIES = ("troops", "casualties", "displaced", "people", "money", "equipment", "duration", "distance",
              "percent", "count", "year", "date")
QUALIFIERS = ("exact", "more than", "less than", "about", "at least", "up to", "range")

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CURRENCY = {"$": "dollars", "US$": "dollars", "€": "euros", "£": "pounds"}
_YEAR_WORDS = (r"(?:\b(?:in|since|by|until|till|of|from|before|after|to|during|through|year|early|late|mid|summer|"
               r"winter|spring|autumn|fall)")
_FRACTIONS = {"half": 0.5, "one-half": 0.5, "a-half": 0.5, "one-third": 1 / 3, "a-third": 1 / 3, "two-thirds": 2 / 3,
              "one-quarter": 0.25, "a-quarter": 0.25, "three-quarters": 0.75, "one-fifth": 0.2, "a-fifth": 0.2,
              "one-tenth": 0.1, "a-tenth": 0.1}
# a share of something: "half of Russia's exports", "one-third of its reserves" (value is the fraction)
# ("(?i:(?=[ahot]))", the first letters, is a quick first check)
_FRACTION = re.compile(r"(?i:(?=[ahot]))(?<![\w-])(?P<fraction>(?i:half|one-half|one-third|two-thirds|one-quarter|"
                       r"three-quarters|one-fifth|one-tenth|a (?:third|quarter|fifth|tenth)))\s(?:of|the)\b")
_DIGIT = re.compile(r"\d")
_SKIPPED = re.compile(r"\b\d{1,3}-(?:year|month|week)-old\b|\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b"
                      r"|\b(?:aged|age)\s\d{1,3}\b")
_PEOPLE_AFTER = re.compile(r"\s(?:in need|who\s|living\s|displaced|internally)")
_AID_AFTER = re.compile(r"\s(?:in|of|for)\s(?:(?:new|additional|humanitarian|military|security|economic|financial|"
                        r"development|budget)\s){0,2}(?:aid|assistance|funding|financing|loans|grants|support)\b")
_LEADING_WORDS = frozenset({"some", "about", "over", "between", "from", "nearly", "almost", "around", "roughly",
                            "approximately", "only", "just", "another", "all", "more", "fewer", "less", "up", "at",
                            "by", "of", "to", "and", "or", "the", "with", "under", "above", "below", "than"})
_NUMBER_PARTS = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+")
_LETTERS = re.compile(r"[A-Za-z]+")
_ARTICLE_OR_ONE = re.compile(r"(?:a|an|one)", re.IGNORECASE)
_ORDINAL_OR_TIME_AFTER = re.compile(r"(?:st|nd|rd|th)\b|:\d|\s?(?:a\.m\.|p\.m\.|AM|PM|GMT|EST|ET)\b")
_LOWER_CASE_WORD_AFTER = re.compile(
    r"\s(?!(?:will|would|was|were|is|are|has|have|had|and|or|to|of|in|on|at|for|by)\b)[a-z]")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_LEVELS_AFTER = re.compile(r"\s(?:levels?|'s)\b")
_A_COUPLE = re.compile(r"(?i)an?\scouple")
_GAP_WORDS = re.compile(r"[\w.'-]+")
_GAP_BREAK = re.compile(r"[,;:()]|\b(?:and|or|to|in|at|on|for)\b")
_NOUN_AFTER = re.compile(r"\s(?:(?:[a-z]+-[a-z]+|[a-z]+(?:ed|al|ic|ish|ive|ous|ary|est)|small|large|new|more|other|"
                         r"additional|major|key|top)\s){0,2}([a-z][a-z-]{2,})\b")  # skip adjectives
_RANGE_JOINER = re.compile(r"\s?(?:to|and|-|\u2013)\s?")
_RANGE_OPENER = re.compile(r"(?i:between|from)\s$")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w-]*|No\.|Nos\.|Section|Article|Resolution|Order|Phase|Level|Stage|Round)\s$")


@dataclass(frozen=True)
class Figure:
    """A number and what it counts."""

    sentence_id: int
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None
    category: str
    actor: str | None = None
    claimed_by: str | None = None


@dataclass(frozen=True)
class _Lookups:
    number_pattern: re.Pattern[str]
    words: dict[str, tuple[float, str]]
    qualifier_pattern: re.Pattern[str]
    qualifiers: dict[str, str]
    units: dict[str, str]
    unit_pattern: re.Pattern[str]
    measure_pattern: re.Pattern[str]
    killing: re.Pattern[str]
    killing_after: re.Pattern[str]
    fleeing: re.Pattern[str]
    month_before: re.Pattern[str]
    month_after: re.Pattern[str]
    year_before: re.Pattern[str]
    currency_after: re.Pattern[str]


@functools.lru_cache(maxsize=8)
def _lookups(lexicon: Lexicon) -> _Lookups:
    words = {r["word"]: (float(r["value"]), r["kind"]) for r in lexicon.table("number_words")}
    spelled = sorted((w for w, (_, kind) in words.items() if kind != "multiplier" and w not in ("a", "an")),
                     key=len, reverse=True)
    multipliers = sorted((w for w, (_, kind) in words.items() if kind == "multiplier"), key=len, reverse=True)
    spelled_alternation = literal_alternation(spelled, ignore_case=True)
    word_number = r"(?i:(?:" + spelled_alternation + r")(?:-(?:" + spelled_alternation + r"))?)"
    multiplier = r"(?:\s?(?:a\s)?(?:" + literal_alternation(multipliers) + r"))*"  # "half a billion"
    # what a number can start with, checked before the alternatives: most word starts are passed over
    number_start = rf"(?=[\d$€£Ua]|(?i:{_first_letters(spelled)}))"
    number = (r"(?<![\w.,:$€£-])" + number_start
              + r"(?P<currency>US\$|\$|€|£)?(?P<number>(?:" + _DIGITS + r")" + multiplier
              + r"|(?:(?:a|an)\s(?=dozen|hundred|thousand|million|billion|couple))?" + word_number + multiplier
              + r"(?:\s(?:of\s)?(?:thousands|millions|hundreds))?(?:\sand\s(?:a\s)?half)?)"
              + r"(?:\s?(?P<percent>%|percent|per cent))?(?![\w%])")
    qualifiers = {r["phrase"]: r["qualifier"] for r in lexicon.table("figure_qualifiers")}
    qualifier_pattern = re.compile(r"(?i:(?<![\w])(?P<q>" + literal_alternation(qualifiers, ignore_case=True)
                                   + r"))\s$")
    units = {r["unit"]: r["category"] for r in lexicon.table("figure_units")}
    unit_pattern = re.compile(r"(?P<unit>" + literal_alternation(units) + r")(?![\w-])")
    measure = sorted((u for u, c in units.items() if (c in ("duration", "distance") or u in ("person", "member"))
                      and " " not in u), key=len, reverse=True)
    units_alternation = literal_alternation(measure, ignore_case=True)
    measure_pattern = re.compile(  # "three-day", "10-kilometre", "an hour-long"
        rf"(?<![\w-])(?=\d|a|{_first_letters(spelled)})"  # what a measure can start with, checked first
        r"(?:(?P<number>(?:" + _DIGITS + r")|" + word_number + r")-(?P<unit>" + units_alternation
        + r")(?:-long)?|(?P<article>an?)\s(?P<unit2>" + units_alternation + r")-long)(?![\w])", re.IGNORECASE)
    contexts: dict[str, list[str]] = {"casualties": [], "displaced": []}
    for row in lexicon.table("figure_contexts"):
        contexts[row["category"]].append(row["phrase"])
    months = "|".join(sorted({re.escape(r["word"].rstrip(".")) for r in lexicon.table("date_words")
                               if r["kind"] in ("month", "month_abbr")}, key=len, reverse=True))
    return _Lookups(
        re.compile(number), words, qualifier_pattern, qualifiers, units, unit_pattern, measure_pattern,
        killing=_words_pattern(contexts["casualties"]),
        killing_after=re.compile(r"\s(?:(?:were|was|have been|had been|are|have|had)\s)?"
                                 + _words_pattern(contexts["casualties"]).pattern),
        fleeing=_words_pattern(contexts["displaced"]),
        month_before=re.compile(r"(?:" + months + r")\.?\s$"),
        month_after=re.compile(r"\.?\s?(?:" + months + r")\b"),
        year_before=re.compile(_YEAR_WORDS + r"|(?:" + months + r")\.?(?:\s\d{1,2},?)?)\s$", re.IGNORECASE),
        # "5 billion dollars", "10 million US dollars": the money units of figure_units.csv
        currency_after=re.compile(r"\s(?:US\s)?(" + literal_alternation(
            [u for u, c in units.items() if c == "money" and " " not in u]) + r")\b"))


def _first_letters(words: list[str]) -> str:
    """A character set of the first letters of ``words`` ("[fost]"); empty, so that it checks nothing, when
    there are no words (the alternation of none matches the empty string)."""
    if not words or not all(words):
        return ""
    return "[" + "".join(sorted({re.escape(w[0]) for w in words})) + "]"


def _words_pattern(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + literal_alternation(phrases) + r")\b")


def parse_number(text: str, *, lexicon: Lexicon) -> float | None:
    """The value of a number as written: "100,000", "1.5 million", "twenty-five", "a dozen", "3bn".

    Example:
        >>> from crisislens.lexicon import default_lexicon
        >>> parse_number("1.5 million", lexicon=default_lexicon())
        1500000.0
    """
    words = _lookups(lexicon).words
    total = 0.0
    current: float | None = None
    article = False
    for part in _NUMBER_PARTS.findall(text.replace("-", " ")):
        if part[0].isdigit():
            current = (current or 0) + float(part.replace(",", ""))
            continue
        entry = words.get(part.lower())
        if entry is None:
            continue
        value, kind = entry
        if kind == "multiplier":
            current = (current if current is not None else 1) * value
            if value >= 1000:
                total += current
                current = None
        elif kind == "vague":
            current = value if current is None else current * value  # "tens of thousands": 10 x 1,000
        elif part.lower() in ("a", "an"):
            article = True  # "a dozen", "a hundred": the article is not a number of its own
        else:
            current = (current or 0) + value
    total += current or 0
    if not total and article:
        return 1.0
    return total if total or "0" in text else None


def extract_figures(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention],
                    quotes: Sequence[Quote], *, lexicon: Lexicon) -> list[Figure]:
    """Find the figures of an article.

    Args:
        text: the normalised text.
        sentences: its sentences (figures are searched sentence by sentence).
        mentions: actor mentions (for whose troops they are).
        quotes: quotes (for who claims a figure).
        lexicon: number words, units and qualifiers.

    Returns:
        Figures in text order.

    Example:
        >>> import crisislens
        >>> a = crisislens.parse("Russia has more than 100,000 troops near Ukraine.")
        >>> a.figures[["value", "low", "qualifier", "unit", "category", "actor"]].values.tolist()
        [[100000.0, 100000.0, 'more than', 'troops', 'troops', 'Russia']]
    """
    lookups = _lookups(lexicon)
    found: list[Figure] = []
    for sentence in sentences:
        taken: list[tuple[int, int]] = []
        for match in _FRACTION.finditer(text, sentence.start, sentence.end):
            value = _FRACTIONS[match.group("fraction").lower().replace(" ", "-")]
            qualifier, low, high, start = _qualifier(text, sentence.start, match.start("fraction"), value, lookups,
                                                     False)  # "more than half of"
            found.append(Figure(sentence.sentence_id, start, match.end("fraction"), value, low, high, qualifier,
                                match.group("fraction").lower(), "percent"))
            taken.append((match.start(), match.end()))
        # ages and phone numbers are not figures; both have digits, most sentences have none
        has_digit = _DIGIT.search(text, sentence.start, sentence.end) is not None
        for match in _SKIPPED.finditer(text, sentence.start, sentence.end) if has_digit else ():
            taken.append((match.start(), match.end()))
        has_hyphen = text.find("-", sentence.start, sentence.end) >= 0  # a measure is hyphenated
        for match in lookups.measure_pattern.finditer(text, sentence.start, sentence.end) if has_hyphen else ():
            if any(s <= match.start() < e for s, e in taken):
                continue
            value = 1.0 if match.group("article") else parse_number(match.group("number"), lexicon=lexicon)
            if value is None:
                continue
            unit = (match.group("unit") or match.group("unit2")).lower()
            category = lookups.units.get(unit, "count")
            found.append(Figure(sentence.sentence_id, match.start(), match.end(), value, value, value, "exact",
                                unit, category))
            taken.append((match.start(), match.end()))
        for match in lookups.number_pattern.finditer(text, sentence.start, sentence.end):
            if any(s <= match.start() < e for s, e in taken):
                continue
            figure = _figure(text, sentence, match, lookups, lexicon)
            if figure is not None:
                found.append(figure)
                taken.append((figure.start, figure.end))
    found.sort(key=lambda f: f.start)
    return [_owned(f, text, mentions, quotes) for f in _merge_ranges(found, text)]


def _figure(text: str, sentence: Sentence, match: re.Match[str], lookups: _Lookups,
            lexicon: Lexicon) -> Figure | None:
    raw = match.group("number")
    start, end = match.start(), match.end()
    if _ARTICLE_OR_ONE.fullmatch(raw) and not match.group("percent"):
        return None  # "a", "one of them": an article or pronoun, not a figure
    before = text[max(sentence.start, start - 30):start]
    after = text[end:min(sentence.end, end + 60)]
    if _ORDINAL_OR_TIME_AFTER.match(after):
        return None  # ordinals, times of day
    value = parse_number(raw, lexicon=lexicon)
    if value is None:
        return None
    if lookups.month_before.search(before) and raw.isdigit() and int(raw) <= 31:
        return Figure(sentence.sentence_id, start, end, value, value, value, "exact", None, "date")
    if lookups.month_after.match(after) and raw.isdigit() and int(raw) <= 31:
        return Figure(sentence.sentence_id, start, end, value, value, value, "exact", None, "date")
    name_before = _NAME_BEFORE.search(before)
    if (name_before and raw[0].isdigit() and not match.group("currency")
            and name_before.group(0).strip().lower() not in _LEADING_WORDS  # not "Some 5,000 ..." opening a sentence
            and not _LOWER_CASE_WORD_AFTER.match(after)):
        return None  # "Nord Stream 2", "Resolution 2202 was", "Section 5" (but "Russia's 10 largest banks" counts)
    if _YEAR_LIKE.fullmatch(raw) and not match.group("currency") and not match.group("percent"):
        unit_after = lookups.unit_pattern.match(after.lstrip())
        if lookups.year_before.search(before) or _LEVELS_AFTER.match(after) or unit_after is None:
            return Figure(sentence.sentence_id, start, end, value, value, value, "exact", None, "year")
    vague = any(lookups.words.get(w.lower(), (0, ""))[1] == "vague" for w in _LETTERS.findall(raw))
    unit, category, unit_end = _unit(text, end, sentence.end, match, lookups)
    if unit is None and not raw[0].isdigit() and not vague:
        return None  # "two of them", "one another": a spelled number needs a counted noun
    qualifier, low, high, start = _qualifier(text, sentence.start, start, value, lookups, vague)
    if qualifier == "exact" and _A_COUPLE.match(raw):
        qualifier = "about"  # "a couple of weeks"
    if category == "count" and unit is None and _PEOPLE_AFTER.match(text, end):
        category = "people"  # "12 million in need of assistance"
    elif category == "count" and unit is None and (value >= 1e9 or (value >= 1e6 and _AID_AFTER.match(text, end))):
        category = "money"  # "1 billion in humanitarian aid", "another 1 billion": billions of people are rare
    people_unit = unit is None or lookups.units.get(unit) == "people"
    if category in ("people", "count") and people_unit and category != "money" and lookups.fleeing.search(
            text, sentence.start, sentence.end) and not lookups.killing.search(text, sentence.start, sentence.end):
        category = "displaced"  # "More than 3.5 million have fled Ukraine"
    elif category == "people" and (lookups.killing.search(text, max(sentence.start, start - 60), start)
                                   or lookups.killing_after.match(text, unit_end)):
        category = "casualties"
    return Figure(sentence.sentence_id, start, unit_end if unit is not None else end, value, low, high, qualifier,
                  unit, category)


def _unit(text: str, end: int, limit: int, match: re.Match[str],
          lookups: _Lookups) -> tuple[str | None, str, int]:
    if match.group("percent"):
        return "percent", "percent", end
    if match.group("currency"):
        return _CURRENCY[match.group("currency")], "money", end
    tail = text[end:limit]
    currency = lookups.currency_after.match(tail)
    if currency:
        return currency.group(1), "money", end + currency.end()
    # the counted noun: up to three words ("more than 100,000 Russian troops", "3,000 additional U.S. troops")
    for found in lookups.unit_pattern.finditer(tail, 0, min(len(tail), 45)):
        gap = tail[:found.start()]
        if len(_GAP_WORDS.findall(gap)) <= 3 and not _GAP_BREAK.search(gap):
            unit = found.group("unit")
            return unit, lookups.units[unit], end + found.end()
        break
    noun = _NOUN_AFTER.match(tail)
    if noun is not None and noun.group(1) not in ("of", "and", "to", "in", "on", "at", "for", "from", "the", "a",
                                                  "percent", "per", "or", "by", "with", "was", "were",
                                                  "is", "are", "has", "have", "had", "will", "would"):
        return noun.group(1), "count", end + noun.end()
    return None, "count", end


def _qualifier(text: str, sentence_start: int, start: int, value: float, lookups: _Lookups,
               vague: bool) -> tuple[str, float | None, float | None, int]:
    before = text[max(sentence_start, start - 25):start]
    found = lookups.qualifier_pattern.search(before)
    if found is None:
        if vague:
            return "at least", value, None, start
        return "exact", value, value, start
    qualifier = lookups.qualifiers[found.group("q").lower()]
    new_start = start - (len(before) - found.start())
    if qualifier in ("more than", "at least"):
        return qualifier, value, None, new_start
    if qualifier in ("less than", "up to"):
        return qualifier, None, value, new_start
    return qualifier, value, value, new_start


def _merge_ranges(figures: list[Figure], text: str) -> list[Figure]:
    """ "100,000 to 130,000", "between 3,000 and 5,000", "3,000-5,000": one figure with both bounds."""
    out: list[Figure] = []
    i = 0
    while i < len(figures):
        figure = figures[i]
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        same_kind = nxt is not None and figure.sentence_id == nxt.sentence_id and (
            figure.category == nxt.category or (figure.unit is None and figure.category == "count"))
        if same_kind and nxt is not None:
            between = text[figure.end:nxt.start]
            if _RANGE_JOINER.fullmatch(between) and (
                    figure.value or 0) <= (nxt.value or 0) and nxt.category not in ("year", "date"):
                opener = _RANGE_OPENER.search(text[max(0, figure.start - 9):figure.start])
                start = figure.start - len(opener.group(0)) if opener else figure.start
                if between.strip() == "and" and opener is None:
                    out.append(figure)
                    i += 1
                    continue
                out.append(Figure(figure.sentence_id, start, nxt.end, figure.value, figure.value, nxt.value, "range",
                                  nxt.unit, nxt.category))
                i += 2
                continue
        out.append(figure)
        i += 1
    return out


def _owned(figure: Figure, text: str, mentions: Sequence[Mention], quotes: Sequence[Quote]) -> Figure:
    actor = None
    if figure.category in ("troops", "equipment", "casualties"):
        inside = [m for m in mentions if figure.start <= m.start and m.end <= figure.end
                  and m.actor.kind in ("state", "organization", "group")]
        if inside:
            actor = inside[0].actor.actor
        else:
            window_start = max(0, figure.start - 80)
            clause = text[window_start:figure.start]
            cut = max(clause.rfind(". "), clause.rfind("; "))
            before = [m for m in mentions if window_start + cut < m.start and m.end <= figure.start
                      and m.actor.kind in ("state", "organization", "group") and m.sentence_id == figure.sentence_id]
            if before:
                actor = before[-1].actor.actor  # "Russia's military, which has more than 100,000 troops"
    claimed = [q for q in quotes if q.start <= figure.start and figure.end <= q.end and q.speaker is not None]
    claimed_by = min(claimed, key=lambda q: q.end - q.start).speaker.actor if claimed else None
    return Figure(figure.sentence_id, figure.start, figure.end, figure.value, figure.low, figure.high,
                  figure.qualifier, figure.unit, figure.category, actor, claimed_by)


def figure_rows(article_id: str, text: str, figures: Sequence[Figure]) -> list[dict[str, object]]:
    """Return the ``figures`` table rows."""
    return [{
        "article_id": article_id, "figure_id": i, "sentence_id": f.sentence_id, "start": f.start, "end": f.end,
        "text": text[f.start:f.end], "value": f.value, "low": f.low, "high": f.high, "qualifier": f.qualifier,
        "unit": f.unit, "category": f.category, "actor": f.actor, "claimed_by": f.claimed_by,
    } for i, f in enumerate(figures)]
