"""Language data as files: loading, validating and combining lexicons.

Each lexicon file is a CSV with a header row, one entry per line; lines starting with ``#`` are
comments. The bundled files live next to this module and are described in README.md here. Users
extend a lexicon by passing their own files, whose name ends with the name of the file they add to
(``my_abbreviations.csv`` adds to ``abbreviations.csv``)::

    lex = load_lexicon("my_abbreviations.csv")
    article = crisislens.parse(text, lexicon=lex)

Validation names the file and line of the first problem (:class:`~crisislens.errors.LexiconError`).
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

from crisislens.errors import LexiconError, hint

Validator = Callable[[str], str | None]


def _one_of(*allowed: str) -> Validator:
    def check(value: str) -> str | None:
        return None if value in allowed else f"{value!r} is not one of {', '.join(allowed)}"
    return check


def _non_empty(value: str) -> str | None:
    return None if value.strip() else "empty value"


def _regex(value: str) -> str | None:
    try:
        re.compile(value)
    except re.error as exc:
        return f"invalid regular expression {value!r}: {exc}"
    return None


def _single_word(value: str) -> str | None:
    return None if value and " " not in value.strip() else f"{value!r} must be one word"


def _optional(value: str) -> str | None:
    return None


def _optional_choice(*allowed: str) -> Validator:
    def check(value: str) -> str | None:
        return None if not value or value in allowed else f"{value!r} is not empty or one of {', '.join(allowed)}"
    return check


def _pattern(regex: str, description: str, *, optional: bool = False) -> Validator:
    compiled = re.compile(regex)

    def check(value: str) -> str | None:
        if optional and not value:
            return None
        return None if compiled.fullmatch(value) else f"{value!r} is not {description}"
    return check


_ISO3 = _pattern(r"[A-Z]{3}", "an ISO 3166-1 alpha-3 code such as RUS")
_ISO3_OPTIONAL = _pattern(r"[A-Z]{3}", "empty or an ISO 3166-1 alpha-3 code such as RUS", optional=True)
_DATE_OPTIONAL = _pattern(r"\d{4}-\d{2}-\d{2}", "empty or a date written YYYY-MM-DD", optional=True)


SPECS: dict[str, dict[str, Validator]] = {
    "abbreviations": {"abbreviation": _non_empty, "kind": _one_of("title", "abbrev")},
    "sentence_openers": {"word": _single_word},
    "boilerplate": {"pattern": _regex, "note": _optional},
    "states": {"actor_id": _ISO3, "name": _non_empty, "aliases": _optional, "adjectives": _optional},
    "metonyms": {"surface": _non_empty, "actor_id": _ISO3, "note": _optional},
    "organizations": {
        "actor_id": _non_empty, "name": _non_empty, "kind": _one_of("organization", "media", "group"),
        "country": _ISO3_OPTIONAL, "aliases": _optional,
    },
    "people": {
        "actor_id": _pattern(r"person:[a-z0-9]+(?:-[a-z0-9]+)*", "a person id such as person:antony-blinken"),
        "name": _non_empty, "aliases": _optional, "role": _optional, "country": _ISO3_OPTIONAL,
        "organization": _optional, "start": _DATE_OPTIONAL, "end": _DATE_OPTIONAL,
    },
    "titles": {"title": _non_empty, "role": _optional},
    "anonymous_sources": {"word": _non_empty, "kind": _one_of("noun", "modifier", "institution")},
    "not_person_words": {"word": _single_word},
    "organization_words": {"word": _single_word, "kind": _optional_choice("public", "private")},
    "reporting_cues": {"word": _non_empty, "kind": _one_of("verb", "noun", "phrase", "title", "spokesperson")},
    "given_names": {"name": _single_word},
    "number_words": {"word": _non_empty, "value": _pattern(r"\d+(?:\.\d+)?", "a number"),
                     "kind": _one_of("cardinal", "multiplier", "vague")},
    "figure_units": {"unit": _non_empty, "category": _one_of(
        "troops", "casualties", "displaced", "people", "money", "equipment", "duration", "distance", "percent",
        "count")},
    "contact_cues": {"phrase": _non_empty, "kind": _one_of(
        "planned", "proposed", "cancelled", "done", "not_diplomatic", "speech", "list", "collective_noun",
        "group_noun", "one_event", "base_form", "gap", "clause_end", "not_party", "belief", "accepted", "group_word", "not_object", "same_time", "same_time_noun", "welcoming", "abroad", "opening",
        "title_spoken", "title_event", "title_genre", "title_ahead")},
    "numbering_words": {"word": _single_word},
    "publishers": {"domain": _pattern(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", "a lower-case host name such as whitehouse.gov "
                                                                    "(no scheme, no path)"), "country": _ISO3},
    "state_groups": {"group": _non_empty, "members": _pattern(r"[A-Z]{3}(?:\|[A-Z]{3})+",
                                                            "two or more ISO alpha-3 codes separated by |")},
    "contact_terms": {"term": _non_empty, "form": _one_of("verb", "noun", "host"), "kind": _one_of(
        "call", "video call", "meeting", "talks", "visit", "summit", "negotiation", "message")},
    "stance_terms": {"term": _non_empty, "family": _one_of(
        "cooperate", "consult", "agree", "aid", "support", "concede", "de-escalate", "demand", "reject", "threaten",
        "protest", "accuse", "sanction", "mobilise", "coerce", "assault", "fight"),
        "weight": _pattern(r"-?(?:0(?:\.\d+)?|1(?:\.0+)?)", "a number between -1 and 1")},
    "stance_modifiers": {"word": _non_empty, "kind": _one_of("negation", "avert", "hedge", "intensifier", "topic", "object", "programme"),
                         "factor": _pattern(r"-?\d+(?:\.\d+)?", "a number")},
    "figure_contexts": {"phrase": _non_empty, "category": _one_of("casualties", "displaced")},
    "figure_qualifiers": {"phrase": _non_empty, "qualifier": _one_of(
        "more than", "less than", "about", "at least", "up to")},
    "date_words": {
        "word": _non_empty,
        "kind": _one_of("month", "month_abbr", "weekday", "weekday_abbr", "relative", "modifier", "day_shift",
                        "number", "unit", "counted_prefix", "counted_suffix", "context", "year_context",
                        "year_follower", "habitual", "not_date", "determiner", "future_cue", "present_cue",
                        "passive_aux", "past_verb", "not_past"),
        "value": _pattern(r"[a-z0-9:+-]+", "empty or lower-case letters, digits and ':+-' (see date_words.csv)",
                          optional=True),
    },
}
"""For each lexicon table, its columns and how each value is checked."""

OPTIONAL_COLUMNS = {"organization_words": {"kind"}}
"""Columns a file may leave out (each row then has an empty value): files written before the column existed."""

TABLE_ALIASES = {"actors": "people"}
"""Other names a user file may end with: ``my_actors.csv`` extends ``people.csv``."""


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Validated lexicon entries, with the lookups the extractors need built once."""

    entries: dict[str, tuple[dict[str, str], ...]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def table(self, name: str) -> tuple[dict[str, str], ...]:
        """Return the rows of lexicon table ``name`` (bundled plus user files)."""
        return self.entries.get(name, ())

    @cached_property
    def title_abbreviations(self) -> frozenset[str]:
        """Lower-cased abbreviations (without final dot) that never end a sentence ("Mr", "gen")."""
        return frozenset(_strip_dot(r["abbreviation"]) for r in self.table("abbreviations") if r["kind"] == "title")

    @cached_property
    def title_abbreviations_cased(self) -> frozenset[str]:
        """Title abbreviations as written and in capitals, without final dot ("Gen", "GEN")."""
        written = [r["abbreviation"].strip().rstrip(".") for r in self.table("abbreviations") if r["kind"] == "title"]
        return frozenset(written + [w.upper() for w in written])

    @cached_property
    def other_abbreviations(self) -> frozenset[str]:
        """Lower-cased abbreviations that end a sentence only before a typical sentence opener."""
        return frozenset(_strip_dot(r["abbreviation"]) for r in self.table("abbreviations") if r["kind"] == "abbrev")

    @cached_property
    def sentence_openers(self) -> frozenset[str]:
        """Words that usually open a sentence ("The", "He"), used after ambiguous abbreviations."""
        return frozenset(r["word"].strip() for r in self.table("sentence_openers"))

    @cached_property
    def boilerplate(self) -> re.Pattern[str] | None:
        """One pattern matching a whole boilerplate line ("SEE ALSO:", "Advertisement")."""
        patterns = [r["pattern"] for r in self.table("boilerplate")]
        if not patterns:
            return None
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _strip_dot(abbreviation: str) -> str:
    return abbreviation.strip().rstrip(".").lower()


def bundled_files() -> list[Path]:
    """Return the paths of the lexicon files shipped with crisislens."""
    folder = Path(str(resources.files(__name__)))
    return sorted(path for path in (folder / f"{table}.csv" for table in SPECS) if path.exists())


def load_lexicon(*paths: str | Path, bundled: bool = True) -> Lexicon:
    """Load the bundled lexicon plus the user files in ``paths``.

    Args:
        *paths: CSV files whose name ends with a lexicon table name (``my_abbreviations.csv``).
        bundled: start from the bundled files (default) or from the user files alone.

    Returns:
        A validated :class:`Lexicon`.

    Raises:
        LexiconError: a file is missing, has the wrong columns or an invalid value (names file:line).

    Example:
        >>> lex = load_lexicon()
        >>> "mr" in lex.title_abbreviations
        True
    """
    files = (bundled_files() if bundled else []) + [Path(p) for p in paths]
    entries: dict[str, list[dict[str, str]]] = {name: [] for name in SPECS}
    for path in files:
        table = _table_of(path)
        entries[table].extend(_read(path, table))
    _check_references(entries)
    return Lexicon({k: tuple(v) for k, v in entries.items()}, tuple(str(p) for p in files))


def _check_references(entries: dict[str, list[dict[str, str]]]) -> None:
    """Country codes used by other tables must be states; one actor_id names one state or organisation."""
    for table in ("states", "organizations"):
        _check_one_name_per_id(entries[table], table)
    states = {row["actor_id"] for row in entries["states"]}
    if not states:
        return
    for table, column in (("metonyms", "actor_id"), ("organizations", "country"), ("people", "country"),
                          ("state_groups", "members"), ("publishers", "country")):
        for row in entries[table]:
            for code in row[column].split("|") if row[column] else ():
                if code not in states:
                    path, _, line = row["_where"].rpartition(":")
                    raise LexiconError(hint("lexicon", path=path, line=line, problem=(
                        f"{column} {code!r} is not a state of states.csv; a state of your own goes in a "
                        "file such as my_states.csv loaded together with this one")))


def _check_one_name_per_id(rows: list[dict[str, str]], table: str) -> None:
    """One actor_id, one name: a row repeating a bundled one adds aliases, another name is an error.

    Two names under one id would become one actor ("ERI" for Eritrea and for a state of your own).
    """
    first: dict[str, dict[str, str]] = {}
    for row in rows:
        earlier = first.setdefault(row["actor_id"], row)
        if earlier["name"] != row["name"]:
            path, _, line = row["_where"].rpartition(":")
            raise LexiconError(hint("lexicon", path=path, line=line, problem=(
                f"actor_id {row['actor_id']!r} is already {earlier['name']!r} ({earlier['_where']}); give "
                f"{row['name']!r} an id no {table} row uses" + (
                    " (ISO leaves the codes AAA-AAZ, QMA-QZZ, XAA-XZZ and ZZA-ZZZ to users; states.csv "
                    "uses XKX)" if table == "states" else ""))))


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """Return the bundled lexicon, loaded and validated once per process."""
    return load_lexicon()


def _table_of(path: Path) -> str:
    stem = path.stem.lower()
    names = {**{table: table for table in SPECS}, **TABLE_ALIASES}
    for name in sorted(names, key=len, reverse=True):
        if stem == name or stem.endswith(("_" + name, "-" + name)):
            return names[name]
    raise LexiconError(hint("lexicon", path=path, line=0, problem=(
        f"cannot tell which lexicon this file extends; name it after one of {', '.join([*SPECS, *TABLE_ALIASES])} "
        "(for example my_abbreviations.csv)")))


def _read(path: Path, table: str) -> list[dict[str, str]]:
    spec = SPECS[table]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(hint("lexicon", path=path, line=0, problem=f"cannot read: {exc}")) from exc
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), 1)
                if line.strip() and not line.lstrip().startswith("#")]
    if not numbered:
        raise LexiconError(hint("lexicon", path=path, line=1, problem="no header row"))
    rows = csv.reader(line for _, line in numbered)
    header = [h.strip() for h in next(rows)]
    missing = [c for c in spec if c not in header and c not in OPTIONAL_COLUMNS.get(table, ())]
    if missing:
        raise LexiconError(hint("lexicon", path=path, line=numbered[0][0],
                                problem=f"header lacks column(s) {missing}; expected {list(spec)}"))
    out = []
    for (line_no, _), values in zip(numbered[1:], rows, strict=True):
        if len(values) != len(header):
            raise LexiconError(hint("lexicon", path=path, line=line_no,
                                    problem=f"{len(values)} values for {len(header)} columns"))
        row = {h: v.strip() for h, v in zip(header, values, strict=True)}
        for column in OPTIONAL_COLUMNS.get(table, ()):
            row.setdefault(column, "")
        row["_where"] = f"{path}:{line_no}"
        for column, check in spec.items():
            problem = check(row[column])
            if problem:
                raise LexiconError(hint("lexicon", path=path, line=line_no, problem=f"{column}: {problem}"))
        out.append(row)
    return out
