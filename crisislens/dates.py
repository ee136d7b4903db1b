"""Dates: temporal expressions in news text, resolved against the publication date, tense-aware.

Finds, with honest offsets (``text[m.start:m.end] == m.text``):

- explicit dates: "February 13", "Feb. 13", "13 February 2022", "February 13, 2022", "2022-02-13",
  "Sunday, February 13", "Saturday Feb. 12" (one mention: the explicit date wins over the weekday),
  day ranges "February 13-15" (``end_date`` = the last day); kind ``explicit``;
- weekdays: "on Saturday", "last Tuesday", "next Friday", "this Monday", "the day after Tuesday";
  kind ``weekday``;
- relative expressions: "today", "tonight", "yesterday", "the day after tomorrow", "last week",
  "earlier this month", "later this week", "over the weekend", "three days ago", "in two weeks";
  kind ``relative``;
- months: "in March", "last March", "March 2022", "from January to March"; kind ``month``;
- years: "in 2014", "since 1991", "1997 levels", "2014's"; kind ``year``.

Spans ("last week", "March 2022", "2014") have ``date`` = the first day and ``end_date`` = the last day;
weeks run Monday to Sunday, weekends Saturday to Sunday. Without a publication date every expression is
still found, but those that need it (all but explicit dates with a year, ISO dates, "March 2022" and
years) get ``date=None``: nothing is guessed.

Rules for the ambiguous cases (``published`` = p):

- Weekdays follow the tense of their clause (:func:`tense_at`). Past, present or unknown: the last such
  day on or before p, so the publication weekday itself means p ("began departing on Sunday" in a
  Sunday article is that Sunday; news mostly reports what happened). Future: the first such day after
  p, so the publication weekday means a week later ("is due to meet on Sunday" in a Sunday article).
- "last Tuesday": the last Tuesday before p (a week back if p is a Tuesday); "next Tuesday": the first
  Tuesday after p; "this Tuesday": the one on or after p in a future clause, on or before p in a past
  clause, otherwise the one within three days of p.
- "the day after Tuesday" is read literally: the day after the Tuesday resolved as above.
- A month and day without a year take the year that puts them closest to p (an article of 2022-01-02
  saying "December 30" means 2021-12-30); a bare month ("in March") likewise takes the closest
  occurrence, except after "since" (the last one up to p's month); "last March" is the last March
  before p's month, "next March" the first after it. Tense is not used for months and days: reported
  speech ("said the drills would end in March") makes it unreliable there.
- "over the weekend" is the weekend in progress or just past (the last Saturday-Sunday begun on or
  before p); in a future clause, the coming one (on a Saturday that same weekend, on a Sunday the next).
  "this weekend" is the weekend of p's week, or the last one begun on or before p in a past clause
  ("This weekend I spoke with him" on a Tuesday).
- A 4-digit number is a year only between 1900 and 2100 and in a year-like place: after a context word
  ("in", "since", "until", ...; after a weak one such as "by" or "of" only when the next word is not a
  plain noun), before "levels" or "'s", or right after another year ("from 2014 to 2016"). Never "2,000
  troops" or "killed 2014 people".
- A weekday directly followed by a capitalised word is a name ("Sunday Times"), unless a context word
  comes before it ("On Saturday Orvik called"). "every Sunday" is a habit, not a date.

Tense (:func:`tense_at`) comes from cues in the same sentence: the nearest cue before the position,
else the nearest after it. Future cues: "will", "is due to", "is set to", "is expected to", "plans to",
"next", "upcoming" (but not "would" alone, nor "due to the threat"); past cues: lower-case words ending
in "-ed" (not after a hyphen: "rebel-held" is an adjective) and irregular past forms ("spoke", "met");
present cues: "is", "are", "says", ...; "will be held" stays future. No cue at all gives ``unknown``.
All language data is in ``lexicon/date_words.csv``.

Deliberately not done: times of day, dates relative to another event ("two days later", "the next
day"), vague spans ("in recent days", "soon"), decades ("the 1990s"), slash dates ("2/13/2022", which
are ambiguous between US and European order), and calendars other than the Gregorian one. Known
limits: a year before a lower-case noun without a context word ("the 2014 annexation") is not taken
(it cannot be told from a count); month names are matched capitalised only; a range across months
("February 28-March 2") gives two dates and "5 and 6 March" only the second; a clause whose only
cue is far away or wrong ("said the envoys would meet on Tuesday" is past) resolves a weekday backwards.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from crisislens.errors import LexiconError, hint
from crisislens.lexicon import Lexicon, default_lexicon

KINDS = ("explicit", "weekday", "relative", "year", "month")
TENSES = ("past", "future", "present", "unknown")

_DAY = datetime.timedelta(days=1)
_SP = r"[^\S\n]{1,3}"   # the space between words of one expression: bounded, so scans stay linear
_SPQ = r"[^\S\n]{0,3}"
_DAY_NUMBER = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w|[.,]\d)"
_YEAR_NUMBER = r"(?:19\d\d|20\d\d|2100)(?!\w|[.,]\d)"
_PREVIOUS_WORD = re.compile(r"(?<![A-Za-z])([A-Za-z]+)[^\S\n]{0,3}-?[^\S\n]{0,3}\Z")
_NEXT_WORD = re.compile(r"[^\S\n]{1,3}([A-Za-z]+)")
_POSSESSIVE = re.compile(r"['\u2019]s(?!\w)")
_WORD_BEFORE_DOT = re.compile(r"(\.?)([A-Za-z]+)\Z")
_GAP_LIMIT = 24   # characters between two dates joined by "to", "and" or "or"
_LOOK_BACK = 30   # characters searched for the word before a date


@dataclass(frozen=True)
class DateMention:
    """A temporal expression and the calendar day (or span) it stands for.

    ``date`` is the day, or the first day of a span; ``end_date`` is the last day of a span and ``None``
    for a single day; both are ``None`` when the expression needs a publication date that is unknown.
    ``kind`` is one of :data:`KINDS`, ``tense`` one of :data:`TENSES` (the tense of its clause).
    """

    start: int
    end: int
    text: str
    date: datetime.date | None
    kind: str
    end_date: datetime.date | None = None
    tense: str = "unknown"


_SPAN_BEFORE = re.compile(r"\b(?:first|time|\w{3,}est|ever)\s+$", re.IGNORECASE)

def find_dates(text: str, published: datetime.date | None, *, lexicon: Lexicon | None = None,
               start: int = 0, end: int | None = None) -> list[DateMention]:
    """Return every temporal expression in ``text[start:end]``, in order, resolved against ``published``.

    Args:
        text: the article text (offsets are into it, also when ``start`` is not 0).
        published: the publication date (a ``datetime`` counts as its date; ``None`` or ``NaT``: unknown).
        lexicon: the lexicon with the ``date_words`` table; default the bundled one.
        start: where to start looking (for example a sentence's start).
        end: where to stop looking (exclusive); default the end of ``text``.

    Returns:
        :class:`DateMention` records, ordered and not overlapping.

    Raises:
        TypeError: ``published`` is neither a date nor ``None``.
        LexiconError: a ``date_words`` entry has a value its kind does not allow.

    Example:
        >>> [(m.text, str(m.date)) for m in find_dates("Talks were held on Saturday.", datetime.date(2022, 2, 13))]
        [('Saturday', '2022-02-12')]
    """
    rules = _rules(lexicon if lexicon is not None else default_lexicon())
    lo, hi, _ = slice(start, end).indices(len(text))
    hi = max(lo, hi)
    day = _as_date(published)
    found: list[_Found] = []
    for match in rules.scan.finditer(text, lo, hi):
        item = _read(match, text, lo, hi, rules, found[-1] if found else None)
        if item is not None:
            found.append(item)
    if not found:
        return []
    clauses = _Clauses(text, lo, hi, rules)
    mentions = []
    for item in found:
        tense = clauses.tense(item.start, item.end)
        first, last = _resolve(item.key, day, tense)
        mentions.append(DateMention(item.start, item.end, text[item.start:item.end], first, item.kind, last, tense))
    return mentions


def resolve_weekday(weekday: int, published: datetime.date, tense: str, *, modifier: str | None = None) -> datetime.date:
    """Return the day a weekday name stands for in an article published on ``published``.

    Args:
        weekday: 0 (Monday) to 6 (Sunday).
        published: the publication date.
        tense: the tense of the clause, one of :data:`TENSES`.
        modifier: ``"last"``, ``"this"`` or ``"next"`` when the text says so ("last Tuesday").

    Returns:
        Past, present or unknown tense: the last such weekday on or before ``published``; future: the
        first one after it. ``last``/``next``: strictly before/after; ``this``: by tense, else the one
        within three days.

    Raises:
        ValueError: ``weekday``, ``tense`` or ``modifier`` is not one of the allowed values.

    Example:
        >>> resolve_weekday(1, datetime.date(2022, 2, 13), "future")
        datetime.date(2022, 2, 15)
    """
    if weekday not in range(7):
        raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), not {weekday!r}")
    if tense not in TENSES:
        raise ValueError(f"tense must be one of {', '.join(TENSES)}, not {tense!r}")
    if modifier not in (None, "last", "this", "next"):
        raise ValueError(f"modifier must be None, 'last', 'this' or 'next', not {modifier!r}")
    ahead = (weekday - published.weekday()) % 7
    back = (published.weekday() - weekday) % 7
    if modifier == "last":
        return published - (back or 7) * _DAY
    if modifier == "next":
        return published + (ahead or 7) * _DAY
    if modifier == "this":
        if tense == "future" or (tense != "past" and ahead <= 3):
            return published + ahead * _DAY
        return published - back * _DAY
    if tense == "future":
        return published + (ahead or 7) * _DAY
    return published - back * _DAY


def tense_at(text: str, position: int, sentence_start: int = 0, *, lexicon: Lexicon | None = None) -> str:
    """Return the tense of the clause around ``position``: past, future, present or unknown.

    The nearest tense cue before ``position`` in the same sentence decides; without one, the nearest cue
    after it; without any cue, ``unknown``. The sentence starts at ``sentence_start`` or at the last
    sentence end between it and ``position``, and ends at the next sentence end.

    Args:
        text: the text.
        position: a character offset into ``text``.
        sentence_start: where the sentence starts, if known.
        lexicon: the lexicon with the ``date_words`` table; default the bundled one.

    Example:
        >>> tense_at("Orvik is due to meet Vesk on Tuesday.", 29)
        'future'
    """
    rules = _rules(lexicon if lexicon is not None else default_lexicon())
    position = min(max(position, 0), len(text))
    lo = min(max(sentence_start, 0), position)
    hi = len(text)
    for match in rules.boundary.finditer(text, position):
        if _is_boundary(text, match, lo, rules):
            hi = match.start()
            break
    return _Clauses(text, lo, hi, rules).tense(position, position)


# --- rules compiled from the lexicon -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rules:
    scan: re.Pattern[str]
    cues: re.Pattern[str]
    boundary: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, tuple[str, str, str]]
    modifiers: dict[str, str]
    shifts: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    suffixes: dict[str, int]
    contexts: dict[str, str]
    year_contexts: dict[str, str]
    year_followers: dict[str, str]
    habitual: frozenset[str]
    not_past: frozenset[str]
    abbreviations: frozenset[str]


_VALUE_CHECKS = {
    "month": re.compile(r"[1-9]|1[0-2]"),
    "month_abbr": re.compile(r"[1-9]|1[0-2]"),
    "weekday": re.compile(r"[0-6]"),
    "weekday_abbr": re.compile(r"[0-6]"),
    "relative": re.compile(r"(?:day|week|month|year):[+-]?\d{1,3}|(?:week|month|year):0:(?:earlier|later|trailing)"
                           r"|weekend:(?:[+-]?\d{1,3}|past|future|tense|this)"),
    "modifier": re.compile(r"last|this|next"),
    "day_shift": re.compile(r"[+-]?1"),
    "number": re.compile(r"\d{1,3}"),
    "unit": re.compile(r"day|week|month|year"),
    "counted_prefix": re.compile(r"\+?1"),
    "counted_suffix": re.compile(r"[+-]?1"),
    "context": re.compile(r"strong|weak|chain|past"),
    "year_context": re.compile(r"strong|weak"),
    "year_follower": re.compile(r"year|ok"),
    "passive_aux": re.compile(r"present|none"),
}


@functools.lru_cache(maxsize=8)
def _rules(lexicon: Lexicon) -> _Rules:
    rows: dict[str, list[tuple[str, str]]] = {}
    for row in lexicon.table("date_words"):
        kind, value = row["kind"], row["value"]
        check = _VALUE_CHECKS.get(kind)
        if check is not None and not check.fullmatch(value):
            path, _, line = row.get("_where", "date_words.csv:0").rpartition(":")
            raise LexiconError(hint("lexicon", path=path, line=line,
                                    problem=f"value: {value!r} is not allowed for kind {kind} (see date_words.csv)"))
        rows.setdefault(kind, []).append((" ".join(row["word"].split()), value))

    def words(*kinds: str) -> list[str]:
        return [word for kind in kinds for word, _ in rows.get(kind, [])]

    def table(kind: str, convert: type = str) -> dict[str, object]:
        return {_key(word): convert(value) for word, value in rows.get(kind, [])}

    def cased(*kinds: str) -> dict[str, int]:
        return {form: int(value) for kind in kinds for word, value in rows.get(kind, [])
                for form in (word, word.upper())}

    months, weekdays = cased("month", "month_abbr"), cased("weekday", "weekday_abbr")
    month_full = _alternation(w for w in cased("month"))
    month_any = _alternation(months)
    weekday_full = _alternation(w for w in cased("weekday"))
    weekday_any = _alternation(weekdays)
    not_date = _alternation(w for word in words("not_date") for w in (word, word.upper()))
    relative = _alternation(words("relative"), ignore_case=True, units=[*words("unit"), "weekend"])
    modifier = _alternation(words("modifier"), ignore_case=True)
    shift = _alternation(words("day_shift"), ignore_case=True)
    number = rf"(?:{_alternation(words('number'), ignore_case=True)}|\d{{1,3}}(?!\d|[.,]\d))"
    unit = _alternation(words("unit"), ignore_case=True)
    prefix = _alternation(words("counted_prefix"), ignore_case=True)
    suffix = _alternation(words("counted_suffix"), ignore_case=True)
    no_of = rf"(?!{_SP}of\b)"

    def explicit(name: str, *, day_first: bool) -> str:
        weekday = rf"(?:(?P<{name}_wd>{weekday_any}),?{_SP})?"
        day = (rf"(?<![\d,.])(?P<{name}_d>{_DAY_NUMBER})"
               rf"(?:{_SPQ}[-\u2013]{_SPQ}(?P<{name}_d2>{_DAY_NUMBER}))?")
        month = rf"(?P<{name}_m>{month_any})"
        year = rf"(?:,?{_SP}(?P<{name}_y>{_YEAR_NUMBER}))?"
        return weekday + (rf"{day}(?:{_SP}of)?{_SP}{month}" if day_first else rf"{month}{_SP}{day}") + year

    alternatives = {
        "nd": not_date,
        "iso": r"(?<![\d-])(?P<iso_y>\d{4})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)(?!\d|-\d)",
        "md": explicit("md", day_first=False),
        "dm": explicit("dm", day_first=True),
        "rel": relative,
        "shift": rf"(?P<shift_p>{shift}){_SP}(?P<shift_wd>{weekday_full})",
        "modwd": rf"(?P<modwd_p>{modifier}){_SP}(?P<modwd_wd>{weekday_full})",
        "modmon": rf"(?P<modmon_p>{modifier}){_SP}(?P<modmon_m>{month_full})",
        "cin": rf"(?P<cin_p>{prefix}){_SP}(?P<cin_n>{number}){_SP}(?P<cin_u>{unit}){no_of}",
        "cago": rf"(?P<cago_n>{number}){_SP}(?P<cago_u>{unit}){_SP}(?P<cago_s>{suffix})",
        "monyr": rf"(?P<monyr_m>{month_any})(?:,|{_SP}of)?{_SP}(?P<monyr_y>{_YEAR_NUMBER})",
        "wd": weekday_full,
        "mon": month_full,
        "year": r"(?<![,.$\u00a3\u20ac])(?:19\d\d|20\d\d|2100)(?!\w|[.,]\d)",
    }
    # Only a digit or the first word of a listed phrase can start an expression: checked first, so the other
    # words of a text are passed over at their first letters. Month and weekday names and not_date phrases
    # match as written ("Feb.", "SUNDAY"), so a capital starts an expression only with one of them (or with
    # a word of the other phrases, "Last week"): most capitalised words are names, not worth every rule.
    first_words = {phrase.split()[0] for kind in ("relative", "modifier", "day_shift", "counted_prefix", "number",
                                                  "not_date") for phrase in words(kind)}
    cased_first_words = {form for kind in ("month", "month_abbr", "weekday", "weekday_abbr", "not_date")
                         for phrase in words(kind) for form in (phrase.split()[0], phrase.split()[0].upper())}
    opening = rf"(?=[0-9]|{_alternation(cased_first_words)}|{_alternation(first_words, ignore_case=True)})"
    scan = re.compile(r"(?<!\w)(?=\w)" + opening + "(?:"
                      + "|".join(f"(?P<{name}>{pattern})" for name, pattern in alternatives.items()) + ")")

    determiners = _alternation(words("determiner"), ignore_case=True)
    future = _alternation(words("future_cue"), ignore_case=True, not_after=determiners,
                          not_after_ending="to")
    present = _alternation(words("present_cue"), ignore_case=True)
    # Regular past tenses: a lower-case word ending in -ed, not after a hyphen ("rebel-held" is an adjective).
    past = rf"(?:{_alternation(words('past_verb'), ignore_case=True)}|(?<![\w-])[a-z]{{2,}}ed(?!\w))"
    aux = {value: _alternation([w for w, v in rows.get("passive_aux", []) if v == value], ignore_case=True)
           for value in ("present", "none")}
    cue_parts = [
        ("future", future),
        ("passive_present", rf"{aux['present']}{_SP}(?:not{_SP})?{past}"),
        ("passive_none", rf"{aux['none']}{_SP}(?:not{_SP})?{past}"),
        ("present", present),
        ("past", rf"(?<![\w-]){past}"),
    ]
    cues = re.compile("(?=[\\w'\u2019])(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in cue_parts) + ")")
    # A newline, or a run of end marks (not begun inside another run) with closing quotes and space
    # before a capital or digit. The pattern opens with the characters it can start with, so that the
    # regex engine skips to them; the look-behind after the first character looks before it.
    boundary = re.compile(r"[.!?\n](?:(?<=\n)|(?<![.!?].)[.!?]*[\"'\u201d\u2019)\]]*[^\S\n]+"
                          r"(?=[\"'\u201c\u2018(\[]?[A-Z0-9]))")
    abbreviations = frozenset(lexicon.title_abbreviations | lexicon.other_abbreviations
                              | {w.rstrip(".").lower() for w in words("month_abbr", "weekday_abbr")})
    return _Rules(
        scan=scan, cues=cues, boundary=boundary, months=months, weekdays=weekdays,
        relative={_key(w): tuple([*v.split(":"), "", ""][:3]) for w, v in rows.get("relative", [])},
        modifiers=table("modifier"), shifts=table("day_shift", int), numbers=table("number", int),
        units=table("unit"), suffixes=table("counted_suffix", int), contexts=table("context"),
        year_contexts=table("year_context"), year_followers=table("year_follower"),
        habitual=frozenset(_key(w) for w in words("habitual")), not_past=frozenset(_key(w) for w in words("not_past")),
        abbreviations=abbreviations,
    )


def _key(phrase: str) -> str:
    return " ".join(phrase.replace("\u2019", "'").lower().split())


def _alternation(phrases: Iterable[str], *, ignore_case: bool = False, units: Iterable[str] = (),
                 not_after: str = "", not_after_ending: str = "") -> str:
    """One regex for many phrases, as a trie so a failing position is rejected at its first letter.

    A longer phrase is tried before its prefix ("last weekend" before "last week"); phrases end at a word
    end; a phrase ending in a unit word is not followed by "of" ("the last week of February" is not the
    week before publication); a phrase ending in ``not_after_ending`` is not followed by ``not_after``
    ("is due to the threat" is a cause, not a schedule). An empty list gives a pattern that never matches.
    """
    unit_words = {u.lower() for u in units}
    trie: dict[str, dict] = {}
    for phrase in phrases:
        words = (phrase.lower() if ignore_case else phrase).split()
        if not words:
            continue
        node = trie
        for index, word in enumerate(words):
            if index:
                node = node.setdefault(" ", {})
            for char in word:
                node = node.setdefault(char, {})
        suffix = r"(?!\w)" if words[-1][-1:].isalnum() else ""
        if words[-1].lower() in unit_words:
            suffix += rf"(?!{_SP}of\b)"
        if not_after and words[-1].lower() == not_after_ending:
            suffix += rf"(?!{_SP}{not_after})"
        node[""] = suffix
    if not trie:
        return "(?!)"
    body = _trie_regex(trie, root=True)
    return f"(?i:{body})" if ignore_case else body


def _trie_regex(node: dict, *, root: bool = False) -> str:
    branches, at_word_start = [], []
    for char in sorted(key for key in node if key):
        token = _SP if char == " " else "['\u2019]" if char == "'" else re.escape(char)
        # a phrase starts at a word start ("'ll" does not)
        (at_word_start if root and char.isalnum() else branches).append(token + _trie_regex(node[char]))
    if at_word_start:
        # One look-behind for all the words rather than one per first letter: the regex engine then
        # rejects a branch by its first letter alone. The branches start with different characters,
        # so their order does not change what matches.
        branches.insert(0, r"(?<!\w)" + _one_of(at_word_start))
    if "" in node:
        branches.append(node[""])   # the end of a phrase, tried after every longer phrase
    return _one_of(branches)


def _one_of(branches: list[str]) -> str:
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


# --- reading one match ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    kind: str
    key: tuple


def _read(match: re.Match[str], text: str, lo: int, hi: int, rules: _Rules, previous: _Found | None) -> _Found | None:
    """Turn one scan match into a found expression, or None when its context says it is not a date."""
    name = match.lastgroup
    start, end = match.span()
    group = match.group
    if name == "iso":
        try:
            day = datetime.date(int(group("iso_y")), int(group("iso_m")), int(group("iso_d")))
        except ValueError:
            return None
        return _Found(start, end, "explicit", ("day", day))
    if name in ("md", "dm"):
        month = rules.months[group(f"{name}_m")]
        first, last = int(group(f"{name}_d").rstrip("stndrh")), group(f"{name}_d2")
        if first > _MAX_DAYS[month]:
            return None
        last = int(last.rstrip("stndrh")) if last else None
        if last is not None and not first < last <= _MAX_DAYS[month]:
            return None
        year = group(f"{name}_y")
        return _Found(start, end, "explicit", ("month_day", month, first, last, int(year) if year else None))
    if name == "rel":
        return _Found(start, end, "relative", ("relative", *rules.relative[_key(match.group())]))
    if name == "shift":
        weekday = rules.weekdays[group("shift_wd")]
        return _Found(start, end, "weekday", ("weekday", weekday, None, rules.shifts[_key(group("shift_p"))]))
    if name == "modwd":
        modifier = rules.modifiers[_key(group("modwd_p"))]
        return _Found(start, end, "weekday", ("weekday", rules.weekdays[group("modwd_wd")], modifier, 0))
    if name == "modmon":
        modifier = rules.modifiers[_key(group("modmon_p"))]
        return _Found(start, end, "month", ("month", rules.months[group("modmon_m")], None, modifier))
    if name == "cin" and _SPAN_BEFORE.search(text, max(lo, start - 30), start):
        return None  # "the first time in 40 years", "the highest in two weeks": a span, not a date
    if name in ("cin", "cago"):
        count = group(f"{name}_n")
        number = int(count) if count.isdigit() else rules.numbers[_key(count)]
        sign = 1 if name == "cin" else rules.suffixes[_key(group("cago_s"))]
        return _Found(start, end, "relative", ("counted", sign * number, rules.units[_key(group(f"{name}_u"))]))
    if name == "monyr":
        month = rules.months[group("monyr_m")]
        return _Found(start, end, "month", ("month", month, int(group("monyr_y")), None))
    if name == "wd":
        return _weekday(match, text, lo, hi, rules, previous)
    if name == "mon":
        context = _context(text, start, lo, rules.contexts)
        if context in ("strong", "weak", "past") or (context == "chain" and _chained(previous, "month", text, start)):
            since = "since" if context == "past" else None   # "since May": the last May, never the next
            return _Found(start, end, "month", ("month", rules.months[match.group()], None, since))
        return None
    if name == "year":
        return _year(match, text, lo, hi, rules, previous)
    return None   # a not_date phrase


_MAX_DAYS = {month: calendar.monthrange(2000, month)[1] for month in range(1, 13)}   # 2000: a leap year


def _weekday(match: re.Match[str], text: str, lo: int, hi: int, rules: _Rules, previous: _Found | None) -> _Found | None:
    start, end = match.span()
    before = _previous_word(text, start, lo)
    if before in rules.habitual:
        return None
    following = _NEXT_WORD.match(text, end, hi)
    if (following and following.group(1)[0].isupper() and following.group(1) not in rules.months
            and following.group(1) not in rules.weekdays and before not in rules.contexts):
        return None   # a name: "Sunday Times", "Saturday Night Live"
    return _Found(start, end, "weekday", ("weekday", rules.weekdays[match.group()], None, 0))


def _year(match: re.Match[str], text: str, lo: int, hi: int, rules: _Rules, previous: _Found | None) -> _Found | None:
    start, end = match.span()
    found = _Found(start, end, "year", ("year", int(match.group())))
    if _POSSESSIVE.match(text, end, hi):
        return found
    following = _NEXT_WORD.match(text, end, hi)
    next_word = following.group(1) if following else ""
    if rules.year_followers.get(next_word.lower()) == "year":
        return found
    context = _context(text, start, lo, rules.contexts) or _context(text, start, lo, rules.year_contexts)
    if context in ("strong", "past") or (context == "chain" and _chained(previous, "year", text, start)):
        return found
    if context == "weak" and (not next_word or next_word[0].isupper() or next_word.lower() in rules.year_followers
                              or _is_verb(text, following.start(1), hi, rules)):
        return found   # "by 2030, ...", "the 2015 Velmora accords", "of 2015 failed"; not "by 2014 troops"
    return None


def _is_verb(text: str, position: int, hi: int, rules: _Rules) -> bool:
    """Whether a tense cue ("failed", "was", "will") starts at ``position``."""
    cue = rules.cues.match(text, position, hi)
    return cue is not None and cue.lastgroup != "passive_none" and _key(cue.group()) not in rules.not_past


def _previous_word(text: str, position: int, lo: int) -> str:
    word = _PREVIOUS_WORD.search(text, max(lo, position - _LOOK_BACK), position)
    return word.group(1).lower() if word else ""


def _context(text: str, position: int, lo: int, contexts: dict[str, str]) -> str | None:
    return contexts.get(_previous_word(text, position, lo))


def _chained(previous: _Found | None, kind: str, text: str, position: int) -> bool:
    """Whether a date of the same kind ends just before ``position``, joined by one word ("2014 to 2016")."""
    return (previous is not None and previous.kind == kind and position - previous.end <= _GAP_LIMIT
            and len(text[previous.end:position].replace(",", " ").split()) == 1)


# --- tense ----------------------------------------------------------------------------------------------------


class _Clauses:
    """Sentence ends of one stretch of text, scanned once, and the tense cues of the sentences asked about."""

    def __init__(self, text: str, lo: int, hi: int, rules: _Rules) -> None:
        self.text, self.lo, self.hi, self.rules = text, lo, hi, rules
        self.bounds = [m.end() for m in rules.boundary.finditer(text, lo, hi)
                       if text[m.start()] != "." or _is_boundary(text, m, lo, rules)]
        self.cues: dict[int, tuple[list[int], list[int], list[str]]] = {}

    def tense(self, start: int, end: int) -> str:
        """The tense of the nearest cue before ``start``, else after ``end``, within the same sentence."""
        starts, ends, tenses = self._sentence_cues(start)
        left = bisect.bisect_right(ends, start) - 1
        if left >= 0:
            return tenses[left]
        right = bisect.bisect_left(starts, end)
        return tenses[right] if right < len(starts) else "unknown"

    def _sentence_cues(self, position: int) -> tuple[list[int], list[int], list[str]]:
        at = bisect.bisect_right(self.bounds, position)
        if at not in self.cues:
            sentence_start = self.bounds[at - 1] if at else self.lo
            sentence_end = self.bounds[at] if at < len(self.bounds) else self.hi
            starts, ends, tenses = [], [], []
            for match in self.rules.cues.finditer(self.text, sentence_start, sentence_end):
                name = match.lastgroup
                if name == "passive_none" or (name == "past" and _key(match.group()) in self.rules.not_past):
                    continue   # "be held" has no tense of its own; "hundred" is no verb
                starts.append(match.start())
                ends.append(match.end())
                tenses.append("present" if name == "passive_present" else name)
            self.cues[at] = (starts, ends, tenses)
        return self.cues[at]


def _is_boundary(text: str, match: re.Match[str], lo: int, rules: _Rules) -> bool:
    """A newline, "!" or "?" ends a sentence; a dot does unless it closes an abbreviation or an initial."""
    if text[match.start()] != "." or match.group().startswith(".."):
        return True
    word = _WORD_BEFORE_DOT.search(text, max(lo, match.start() - 12), match.start())
    if word is None:
        return True
    return not (word.group(1) or len(word.group(2)) == 1 or word.group(2).lower() in rules.abbreviations)


# --- resolution -----------------------------------------------------------------------------------------------


def _as_date(published: object) -> datetime.date | None:
    if published is None:
        return None
    if isinstance(published, datetime.date):
        if not isinstance(published.year, int):   # pandas NaT: a datetime whose fields are NaN
            return None
        return published.date() if isinstance(published, datetime.datetime) else published
    raise TypeError(f"published must be a datetime.date or None, not {type(published).__name__}")


_Span = tuple[datetime.date | None, datetime.date | None]


def _resolve(key: tuple, published: datetime.date | None, tense: str) -> _Span:
    """The day (or first and last day) of a found expression; (None, None) when it cannot be known."""
    try:
        return _resolve_key(key, published, tense)
    except (OverflowError, ValueError):   # beyond date.min or date.max, or a day the year lacks (Feb 29)
        return None, None


def _resolve_key(key: tuple, published: datetime.date | None, tense: str) -> _Span:
    what = key[0]
    if what == "day":
        return key[1], None
    if what == "year":
        return datetime.date(key[1], 1, 1), datetime.date(key[1], 12, 31)
    if what == "month_day":
        _, month, day, last_day, year = key
        if year is None:
            if published is None:
                return None, None
            year = _closest_year(month, day, published)
        first = datetime.date(year, month, day)
        return first, first.replace(day=last_day) if last_day else None
    if what == "month":
        _, month, year, modifier = key
        if year is None:
            if published is None:
                return None, None
            year = _month_year(month, published, modifier)
        return _month_span(year, month)
    if published is None:
        return None, None
    if what == "weekday":
        _, weekday, modifier, shift = key
        return resolve_weekday(weekday, published, tense, modifier=modifier) + shift * _DAY, None
    if what == "counted":
        _, count, unit = key
        if unit == "day":
            return published + count * _DAY, None
        if unit == "week":
            return published + 7 * count * _DAY, None
        return _add_months(published, count * (12 if unit == "year" else 1)), None
    return _relative(key[1], key[2], key[3], published, tense)


def _relative(unit: str, offset: str, part: str, published: datetime.date, tense: str) -> _Span:
    if unit == "day":
        return published + int(offset) * _DAY, None
    if unit == "weekend":
        return _weekend(offset, published, tense)
    if unit == "week":
        monday = published - published.weekday() * _DAY
        first, last = monday + 7 * int(offset) * _DAY, monday + (7 * int(offset) + 6) * _DAY
        back = published - 7 * _DAY
    elif unit == "month":
        first = _add_months(published.replace(day=1), int(offset))
        first, last = _month_span(first.year, first.month)
        back = _add_months(published, -1)
    else:
        year = published.year + int(offset)
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        back = _add_months(published, -12)
    if part == "earlier":
        return first, published
    if part == "later":
        return published, last
    if part == "trailing":
        return back, published
    return first, last


def _weekend(offset: str, published: datetime.date, tense: str) -> _Span:
    if offset == "this":  # "this weekend": the coming one, or the last one in a past clause
        offset = "past" if tense == "past" else "0"
    if offset == "tense":
        offset = "future" if tense == "future" else "past"
    if offset == "past":   # the last weekend begun on or before the publication day
        saturday = published - ((published.weekday() - 5) % 7) * _DAY
    elif offset == "future":   # the next weekend not yet over
        saturday = published + ((5 - published.weekday()) % 7) * _DAY
    else:
        saturday = published - published.weekday() * _DAY + (7 * int(offset) + 5) * _DAY
    return saturday, saturday + _DAY


def _closest_year(month: int, day: int, published: datetime.date) -> int:
    """The year that puts ``month``/``day`` closest to ``published`` (the earlier one on a tie)."""
    best: tuple[tuple[int, bool], int] | None = None
    for year in range(published.year - 4, published.year + 5):   # four years around: Feb 29 has a candidate
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:
            continue
        rank = (abs((candidate - published).days), candidate > published)
        if best is None or rank < best[0]:
            best = (rank, year)
    if best is None:
        raise ValueError("no such day near the publication date")
    return best[1]


def _month_year(month: int, published: datetime.date, modifier: str | None) -> int:
    if modifier == "this":
        return published.year
    if modifier == "last":
        return published.year if month < published.month else published.year - 1
    if modifier == "since":
        return published.year if month <= published.month else published.year - 1
    if modifier == "next":
        return published.year if month > published.month else published.year + 1
    distance = month - published.month   # the closest occurrence, the earlier one on a tie (6 months)
    if distance >= 6:
        return published.year - 1
    if distance < -6:
        return published.year + 1
    return published.year


def _month_span(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
