"""Score predicted tables against gold annotations: precision, recall, F1 and attribute accuracies.

Two kinds of gold are read:

- JSON gold in the project's format (``GOLD.md``): quotes, figures, contacts and actors per document.
  A task whose key is absent from a gold file counts as not annotated for that document, so neither
  its gold nor the predictions for that article are scored for that task; an empty list means the
  document has none.
- brat attribution corpora (PolNeAR-style ``.ann`` files with Source, Cue and Content spans linked
  by ``Attribution`` events), scored for quotes only.

Matching follows ``GOLD.md``: quotes by their text (a gold ``contains`` fragment found in the
predicted quote, or for a full gold ``text`` at least half of each side's words shared), figures by
value, contacts when every gold party is one of the predicted parties, actors by name. Matching is
one-to-one and greedy in gold order; among the predictions that match a gold item, the one agreeing
on most attributes (speaker, kind, category ...) is taken. Attribute accuracies are computed over
matched pairs only, where the gold gives that attribute.

Deliberately not scored: offsets and sentence ids (matching is by content, so a quote found in a
slightly different span still counts), mentions, sentences, stance and tone, and figure owners
(``actor``, ``claimed_by``). Predictions for articles without gold are ignored.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from crisislens.errors import GoldFormatError, InputError, hint
from crisislens.tables import conform, empty, read_tables
from crisislens.text import clean_characters

TASKS: tuple[str, ...] = ("quotes", "figures", "contacts", "actors")
"""Scored tasks, in output order; each is scored against the table of the same name."""

COLUMNS: tuple[str, ...] = ("task", "metric", "value", "n_gold", "n_pred", "n_matched")
"""Columns of a score table."""

ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "quotes": ("speaker", "kind"),
    "figures": ("category", "qualifier", "unit"),
    "contacts": ("kind", "status", "date"),
    "actors": ("kind", "country", "role"),
}
"""Attributes scored per task; each gives a metric ``<attribute>_accuracy``."""

QUOTE_KINDS = ("direct", "indirect", "mixed")
FIGURE_CATEGORIES = ("troops", "casualties", "displaced", "people", "money", "equipment", "duration",
                     "distance", "percent", "count")
FIGURE_QUALIFIERS = ("more than", "less than", "about", "at least", "up to", "range", "exact")
CONTACT_KINDS = ("call", "video call", "meeting", "talks", "visit", "summit", "negotiation", "message")
CONTACT_STATUSES = ("held", "planned", "proposed", "cancelled")
ACTOR_KINDS = ("person", "state", "organization", "media", "group", "anonymous")


# --------------------------------------------------------------------------------------------
# Gold records


@dataclass(frozen=True)
class GoldQuote:
    """A gold quote: acceptable speaker names (canonical first) and its content.

    Exactly one of ``contains`` (a fragment of the quoted content) and ``text`` (the whole
    content) is needed; with both, ``contains`` decides the match.
    """

    speaker: tuple[str, ...]
    contains: str | None = None
    text: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class GoldFigure:
    """A gold figure: its value and the acceptable categories, qualifiers and units."""

    value: float
    category: tuple[str, ...] = ()
    qualifier: tuple[str, ...] = ()
    unit: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldContact:
    """A gold contact: acceptable names per party, kinds, status and dates.

    ``date`` is None when not annotated and ``()`` when the text gives no date (then a
    predicted contact is right about the date only if it has none).
    """

    participants: tuple[tuple[str, ...], ...]
    kind: tuple[str, ...] = ()
    status: str | None = None
    date: tuple[str, ...] | None = None


@dataclass(frozen=True)
class GoldActor:
    """A gold actor: acceptable names, kind, acceptable countries and a fragment of its role."""

    name: tuple[str, ...]
    kind: str | None = None
    country: tuple[str, ...] = ()
    role_contains: str | None = None


@dataclass(frozen=True)
class GoldDocument:
    """The gold annotation of one document; ``article_id`` is the stem of ``doc``.

    ``tasks`` names the tasks annotated for this document (the keys present in its gold file).
    """

    doc: str
    article_id: str = field(init=False)
    published: date | None = None
    quotes: tuple[GoldQuote, ...] = ()
    quotes_optional: tuple[GoldQuote, ...] = ()
    figures: tuple[GoldFigure, ...] = ()
    contacts: tuple[GoldContact, ...] = ()
    actors: tuple[GoldActor, ...] = ()
    tasks: frozenset[str] = frozenset(TASKS)
    path: Path | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "article_id", Path(self.doc).stem)


@dataclass(frozen=True)
class BratSpan:
    """A text-bound brat annotation: its text and its (possibly discontinuous) character offsets."""

    text: str
    offsets: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        """The first character offset."""
        return min(a for a, _ in self.offsets)

    @property
    def end(self) -> int:
        """The offset after the last character."""
        return max(b for _, b in self.offsets)


@dataclass(frozen=True)
class BratAttribution:
    """One gold attribution relation: content, and cue and source where annotated."""

    id: str
    kind: str
    content: BratSpan
    cue: BratSpan | None = None
    source: BratSpan | None = None


@dataclass(frozen=True)
class BratDocument:
    """The attributions of one brat ``.ann`` file; ``article_id`` is the stem of its text file."""

    article_id: str
    ann_path: Path
    text_path: Path
    annotator: str | None
    attributions: tuple[BratAttribution, ...]


# --------------------------------------------------------------------------------------------
# Loading JSON gold

_DOC_KEYS = ("doc", "published", "quotes", "quotes_optional", "figures", "contacts", "actors")
_ITEM_KEYS = {
    "quote": ("speaker", "kind", "contains", "text"),
    "figure": ("value", "category", "qualifier", "unit"),
    "contact": ("participants", "kind", "status", "date"),
    "actor": ("name", "kind", "country", "role_contains"),
}
_COUNTRY = re.compile(r"[A-Z]{3}")


class _Problem(Exception):
    """A gold format problem at a location inside one file (turned into GoldFormatError)."""


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read and validate gold JSON files (one file, or every ``*.json`` under a folder).

    Keys starting with an underscore are comments and ignored; any other unknown key is an error,
    so that a misspelt key cannot silently drop annotations.

    Args:
        path: a gold ``.json`` file or a folder searched recursively.

    Returns:
        The documents, in sorted file order.

    Raises:
        InputError: ``path`` does not exist.
        GoldFormatError: a file is not valid JSON, breaks the format (the message names the file
            and the offending key), no gold file is found, or two files annotate the same article.

    Example:
        >>> docs = load_gold("tests/gold/seed")             # doctest: +SKIP
        >>> docs[0].article_id                               # doctest: +SKIP
        'ukraine-border-crisis-blinken'
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such gold file or folder")
    files = sorted(path.rglob("*.json")) if path.is_dir() else [path]
    if not files:
        raise GoldFormatError(hint("gold", path=path, problem="no gold .json files (or brat .ann files) found"))
    docs = [_load_gold_file(file) for file in files]
    _check_unique_articles(docs)
    return docs


def _load_gold_file(path: Path) -> GoldDocument:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise GoldFormatError(hint("gold", path=path, problem=f"not UTF-8 text ({exc.reason})")) from None
    except json.JSONDecodeError as exc:
        raise GoldFormatError(hint("gold", path=path, problem=f"invalid JSON at line {exc.lineno}, "
                                                               f"column {exc.colno}: {exc.msg}")) from None
    try:
        return _gold_document(data, path)
    except _Problem as exc:
        raise GoldFormatError(hint("gold", path=path, problem=str(exc))) from None


def _gold_document(data: object, path: Path) -> GoldDocument:
    if not isinstance(data, dict):
        raise _Problem(f"the file must hold one JSON object, not {_type(data)}")
    _check_keys(data, _DOC_KEYS, "the document")
    if "doc" not in data:
        raise _Problem('missing "doc" (the file name of the annotated document)')
    doc = data["doc"]
    if not isinstance(doc, str) or not doc.strip():
        raise _Problem(f'"doc" must be a non-empty string, not {_type(doc)}')
    published = data.get("published")
    return GoldDocument(
        doc=doc.strip(),
        published=None if published is None else _date(published, "published"),
        quotes=_items(data, "quotes", _gold_quote),
        quotes_optional=_items(data, "quotes_optional", _gold_quote),
        figures=_items(data, "figures", _gold_figure),
        contacts=_items(data, "contacts", _gold_contact),
        actors=_items(data, "actors", _gold_actor),
        tasks=frozenset(task for task in TASKS if task in data),
        path=path,
    )


def _items(data: dict[str, Any], key: str, build: Callable[[dict[str, Any], str], Any]) -> tuple[Any, ...]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise _Problem(f'"{key}" must be a list, not {_type(value)}')
    items = []
    for i, item in enumerate(value):
        where = f"{key}[{i}]"
        if not isinstance(item, dict):
            raise _Problem(f"{where} must be an object, not {_type(item)}")
        items.append(build(item, where))
    return tuple(items)


def _gold_quote(item: dict[str, Any], where: str) -> GoldQuote:
    _check_keys(item, _ITEM_KEYS["quote"], where)
    contains = _optional_text(item, "contains", where)
    text = _optional_text(item, "text", where)
    if contains is None and text is None:
        raise _Problem(f'{where}: a quote needs "contains" (a fragment of its content) or "text"')
    return GoldQuote(speaker=_names(item, "speaker", where, required=True), contains=contains, text=text,
                     kind=_choice(item, "kind", where, QUOTE_KINDS))


def _gold_figure(item: dict[str, Any], where: str) -> GoldFigure:
    _check_keys(item, _ITEM_KEYS["figure"], where)
    value = item.get("value")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _Problem(f'{where}.value must be a number, not {_type(value)}')
    return GoldFigure(value=float(value), category=_choices(item, "category", where, FIGURE_CATEGORIES),
                      qualifier=_choices(item, "qualifier", where, FIGURE_QUALIFIERS),
                      unit=_names(item, "unit", where))


def _gold_contact(item: dict[str, Any], where: str) -> GoldContact:
    _check_keys(item, _ITEM_KEYS["contact"], where)
    parties = item.get("participants")
    if not isinstance(parties, list) or len(parties) < 2:
        raise _Problem(f"{where}.participants must be a list of at least two parties (each a list of names)")
    participants = tuple(_names({"party": p}, "party", f"{where}.participants[{i}]", required=True)
                         for i, p in enumerate(parties))
    dates = item.get("date")
    if dates is not None:
        dates = tuple(_date(d, f"{where}.date") for d in _string_list(dates, f"{where}.date"))
    return GoldContact(participants=participants, kind=_choices(item, "kind", where, CONTACT_KINDS),
                       status=_choice(item, "status", where, CONTACT_STATUSES),
                       date=None if dates is None else tuple(d.isoformat() for d in dates))


def _gold_actor(item: dict[str, Any], where: str) -> GoldActor:
    _check_keys(item, _ITEM_KEYS["actor"], where)
    countries = _names(item, "country", where)
    for country in countries:
        if not _COUNTRY.fullmatch(country):
            raise _Problem(f"{where}.country: {country!r} is not an ISO 3166-1 alpha-3 code such as 'USA'")
    return GoldActor(name=_names(item, "name", where, required=True),
                     kind=_choice(item, "kind", where, ACTOR_KINDS), country=countries,
                     role_contains=_optional_text(item, "role_contains", where))


def _check_keys(data: dict[str, Any], allowed: Sequence[str], where: str) -> None:
    unknown = [k for k in data if k not in allowed and not str(k).startswith("_")]
    if unknown:
        raise _Problem(f"{where}: unknown key(s) {', '.join(map(repr, unknown))}; expected {', '.join(allowed)} "
                       "(keys starting with '_' are comments)")


def _string_list(value: object, where: str) -> list[str]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise _Problem(f"{where} must be a list of non-empty strings, not {_type(value)}")
    return [v.strip() for v in values]


def _names(item: dict[str, Any], key: str, where: str, *, required: bool = False) -> tuple[str, ...]:
    value = item.get(key)
    if value is None and not required:
        return ()
    names = tuple(_string_list(value, f"{where}.{key}"))
    if required and not names:
        raise _Problem(f"{where}.{key} needs at least one name")
    return names


def _choice(item: dict[str, Any], key: str, where: str, allowed: Sequence[str]) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if value not in allowed:
        raise _Problem(f"{where}.{key}: {value!r} is not one of {', '.join(allowed)}")
    return value


def _choices(item: dict[str, Any], key: str, where: str, allowed: Sequence[str]) -> tuple[str, ...]:
    values = _names(item, key, where)
    for value in values:
        if value not in allowed:
            raise _Problem(f"{where}.{key}: {value!r} is not one of {', '.join(allowed)}")
    return values


def _optional_text(item: dict[str, Any], key: str, where: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _Problem(f"{where}.{key} must be a non-empty string, not {_type(value)}")
    return value.strip()


def _date(value: object, where: str) -> date:
    try:
        if not isinstance(value, str):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise _Problem(f"{where}: {value!r} is not a date written YYYY-MM-DD") from None


def _type(value: object) -> str:
    return "null" if value is None else f"{type(value).__name__} {value!r}"[:60]


def _check_unique_articles(docs: Iterable[GoldDocument]) -> None:
    seen: dict[str, GoldDocument] = {}
    for doc in docs:
        if doc.article_id in seen:
            first = seen[doc.article_id]
            raise GoldFormatError(hint("gold", path=doc.path or doc.doc, problem=(
                f"article {doc.article_id!r} is annotated twice (also in {first.path or first.doc}); "
                "keep one gold file per document")))
        seen[doc.article_id] = doc


# --------------------------------------------------------------------------------------------
# Loading brat attribution corpora

_ANNOTATOR_SUFFIX = re.compile(r"_([^_]+)$")


def load_brat(folder: str | Path) -> list[BratDocument]:
    """Read a brat attribution corpus: every ``.ann`` file under ``folder`` with its text file.

    Text-bound lines (``T``) of type Source, Cue and Content are joined by event lines (``E``)
    into attributions; other annotation types (Discard, Discuss ...) and other brat lines (notes,
    relations) are ignored, as are events without a Content. Content continued in ``Content2``
    is merged into one discontinuous span. The text of ``x_ab12.ann`` is ``x_ab12.txt`` or, with
    the annotator suffix dropped, ``x.txt``, next to the ``.ann`` file or in a sibling ``text``
    folder. Every span is checked against the text.

    Args:
        folder: the corpus folder (for PolNeAR: the one holding ``attributions/`` and ``text/``).

    Returns:
        One document per ``.ann`` file, in sorted path order (several may share an article_id).

    Raises:
        InputError: ``folder`` does not exist.
        GoldFormatError: no ``.ann`` file, a missing text file, a malformed line, a reference to an
            undefined span or a span that does not match the text (the message names file and line).

    Example:
        >>> docs = load_brat("../shared/corpus/polnear-dev")    # doctest: +SKIP
        >>> docs[0].attributions[0].cue.text                   # doctest: +SKIP
        'reports'
    """
    folder = Path(folder)
    if not folder.exists():
        raise InputError(f"{folder}: no such brat folder")
    anns = sorted(folder.rglob("*.ann")) if folder.is_dir() else [folder]
    if not anns:
        raise GoldFormatError(hint("gold", path=folder, problem="no brat .ann files found"))
    return [_load_brat_file(ann) for ann in anns]


def _load_brat_file(ann: Path) -> BratDocument:
    text_path, annotator = _brat_text_path(ann)
    try:
        text = text_path.read_bytes().decode("utf-8")
        lines = ann.read_bytes().decode("utf-8").split("\n")
    except UnicodeDecodeError as exc:
        raise GoldFormatError(hint("gold", path=ann, problem=f"not UTF-8 text ({exc.reason})")) from None
    spans: dict[str, tuple[str, BratSpan]] = {}
    events: list[tuple[int, str, str, list[tuple[str, str]]]] = []
    for number, raw_line in enumerate(lines, start=1):
        line = raw_line.rstrip("\r")
        where = f"{ann}:{number}"
        if line.startswith("T"):
            tid, kind, span = _brat_span(line, where, text)
            spans[tid] = (kind, span)
        elif line.startswith("E"):
            events.append((number, *_brat_event(line, where)))
    attributions = []
    for number, eid, kind, args in events:
        roles: dict[str, list[BratSpan]] = {}
        for role, tid in args:
            if tid not in spans:
                raise GoldFormatError(hint("gold", path=f"{ann}:{number}", problem=f"{eid} refers to "
                                                                                   f"undefined span {tid}"))
            roles.setdefault(role.rstrip("0123456789"), []).append(spans[tid][1])
        if "Content" not in roles:
            continue
        attributions.append(BratAttribution(id=eid, kind=kind, content=_merge(roles["Content"]),
                                            cue=_merge(roles.get("Cue")), source=_merge(roles.get("Source"))))
    attributions.sort(key=lambda a: (a.content.start, a.content.end))
    return BratDocument(article_id=text_path.stem, ann_path=ann, text_path=text_path, annotator=annotator,
                        attributions=tuple(attributions))


def _brat_text_path(ann: Path) -> tuple[Path, str | None]:
    stem = ann.stem
    match = _ANNOTATOR_SUFFIX.search(stem)
    names: list[tuple[str, str | None]] = [(stem, None)]
    if match:
        names.append((stem[:match.start()], match.group(1)))
    for name, annotator in names:
        for folder in (ann.parent, ann.parent.parent / "text"):
            candidate = folder / f"{name}.txt"
            if candidate.is_file():
                return candidate, annotator
    tried = " or ".join(f"{name}.txt" for name, _ in names)
    raise GoldFormatError(hint("gold", path=ann, problem=f"no text file {tried} next to it or in ../text"))


def _brat_span(line: str, where: str, text: str) -> tuple[str, str, BratSpan]:
    parts = line.split("\t")
    try:
        tid, head, surface = parts
        kind, positions = head.split(" ", 1)
        offsets = tuple((int(a), int(b)) for a, b in (p.split() for p in positions.split(";")))
    except ValueError:
        raise GoldFormatError(hint("gold", path=where, problem="malformed span line; expected "
                                   "'T<n><TAB><type> <start> <end>[;<start> <end>]<TAB><text>'")) from None
    if any(not 0 <= a <= b <= len(text) for a, b in offsets):
        raise GoldFormatError(hint("gold", path=where, problem=f"{tid} offsets {positions} lie outside the text "
                                                              f"({len(text)} characters)"))
    found = " ".join(text[a:b] for a, b in offsets)
    if found.split() != surface.split():
        raise GoldFormatError(hint("gold", path=where, problem=f"{tid} text {surface[:40]!r} does not match the "
                                                              f"text at {positions} ({found[:40]!r})"))
    return tid, kind, BratSpan(surface, offsets)


def _brat_event(line: str, where: str) -> tuple[str, str, list[tuple[str, str]]]:
    parts = line.split("\t")
    fields = parts[1].split() if len(parts) == 2 else []
    pairs = [f.split(":", 1) for f in fields]
    if not pairs or any(len(p) != 2 or not all(p) for p in pairs):
        raise GoldFormatError(hint("gold", path=where, problem="malformed event line; expected "
                                   "'E<n><TAB><type>:<T id> <role>:<T id> ...'"))
    (kind, _trigger), *args = pairs
    return parts[0], kind, [(role, tid) for role, tid in args]


def _merge(spans: list[BratSpan] | None) -> BratSpan | None:
    if not spans:
        return None
    if len(spans) == 1:
        return spans[0]
    return BratSpan(" ".join(s.text for s in spans), tuple(o for s in spans for o in s.offsets))


# --------------------------------------------------------------------------------------------
# Normalised views of gold items and predicted rows

_QUOTE_MARK = re.compile(r"\"|(?<!\w)'|'(?!\w)")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+(?:'\w+)*")


def _normal(text: str) -> str:
    """Lower-case text with uniform characters, quotation marks dropped and single spaces."""
    return _SPACE.sub(" ", _QUOTE_MARK.sub(" ", clean_characters(text).lower())).strip()


def _key(name: str) -> str:
    """A name as lower-case words without accents or a leading "the" ("The Kremlin" -> "kremlin",
    "Erdoğan" -> "erdogan"): names are written with and without diacritics."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    words = _WORD.findall(_normal(folded))
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _keys(names: Iterable[object]) -> frozenset[str]:
    return frozenset(k for k in (_key(n) for n in names if isinstance(n, str)) if k)


@dataclass(frozen=True)
class _Words:
    """The bag of words of a text, for the half-of-each-side overlap rule."""

    counts: Counter[str]
    total: int

    @classmethod
    def of(cls, text: str) -> _Words:
        counts = Counter(_WORD.findall(_normal(text)))
        return cls(counts, sum(counts.values()))

    def overlap(self, other: _Words) -> float:
        """The smaller of the two shares of shared words (0 when either side is empty)."""
        if not self.total or not other.total:
            return 0.0
        shared = sum((self.counts & other.counts).values())
        return min(shared / self.total, shared / other.total)


@dataclass(frozen=True)
class _Item:
    """A gold item or a predicted row reduced to what matching and attribute checks compare."""

    text: str = ""
    words: _Words | None = None
    names: frozenset[str] = frozenset()
    kind: frozenset[str] = frozenset()
    value: float = math.nan
    bounds: tuple[float, ...] = ()
    category: frozenset[str] = frozenset()
    qualifier: frozenset[str] = frozenset()
    unit: frozenset[str] = frozenset()
    parties: tuple[frozenset[str], ...] = ()
    status: frozenset[str] = frozenset()
    dates: frozenset[str] | None = None
    country: frozenset[str] = frozenset()
    role: str | None = None


def _gold_items(task: str, doc: GoldDocument) -> tuple[list[_Item], list[_Item]]:
    """Return the required and the optional gold items of ``task`` in ``doc``."""
    if task == "quotes":
        return [_gold_quote_item(q) for q in doc.quotes], [_gold_quote_item(q) for q in doc.quotes_optional]
    if task == "figures":
        return [_Item(value=f.value, category=_keys(f.category), qualifier=_keys(f.qualifier), unit=_keys(f.unit))
                for f in doc.figures], []
    if task == "contacts":
        return [_Item(parties=tuple(_keys(p) for p in c.participants), kind=_keys(c.kind),
                      status=_keys([c.status]), dates=None if c.date is None else frozenset(c.date))
                for c in doc.contacts], []
    return [_Item(names=_keys(a.name), kind=_keys([a.kind]), country=_keys(a.country),
                  role=None if a.role_contains is None else _normal(a.role_contains))
            for a in doc.actors], []


def _gold_quote_item(quote: GoldQuote) -> _Item:
    if quote.contains is not None:
        return _Item(text=_normal(quote.contains), names=_keys(quote.speaker), kind=_keys([quote.kind]))
    return _Item(words=_Words.of(quote.text or ""), names=_keys(quote.speaker), kind=_keys([quote.kind]))


def _predicted_items(task: str, df: pd.DataFrame | None) -> dict[str, list[_Item]]:
    """Return the predicted items of ``task`` per article_id (contacts gathered by contact_id)."""
    df = empty(task) if df is None else conform(task, df)
    items: dict[str, list[_Item]] = {}
    if task == "contacts":
        for article_id, rows in _contact_groups(df):
            items.setdefault(article_id, []).append(_contact_item(rows))
        return items
    build = {"quotes": _quote_item, "figures": _figure_item, "actors": _actor_item}[task]
    for row in df.to_dict("records"):
        article_id = _text(row["article_id"])
        if article_id is not None:
            items.setdefault(article_id, []).append(build(row))
    return items


def _quote_item(row: Mapping[str, Any]) -> _Item:
    text = _text(row["text"]) or ""
    return _Item(text=_normal(text), words=_Words.of(text),
                 names=_keys([row["speaker"], row["speaker_text"], row["speaker_id"]]), kind=_keys([row["kind"]]))


def _figure_item(row: Mapping[str, Any]) -> _Item:
    bounds = tuple(v for v in (_number(row["low"]), _number(row["high"])) if not math.isnan(v))
    return _Item(value=_number(row["value"]), bounds=bounds, category=_keys([row["category"]]),
                 qualifier=_keys([row["qualifier"]]), unit=_keys([row["unit"]]))


def _actor_item(row: Mapping[str, Any]) -> _Item:
    role = _text(row["role"])
    return _Item(names=_keys([row["actor"], row["actor_id"]]), kind=_keys([row["kind"]]),
                 country=_keys([row["country"]]), role=None if role is None else _normal(role))


def _contact_groups(df: pd.DataFrame) -> Iterable[tuple[str, list[Mapping[str, Any]]]]:
    groups: dict[tuple[str, object], list[Mapping[str, Any]]] = {}
    for i, row in enumerate(df.to_dict("records")):
        article_id = _text(row["article_id"])
        if article_id is not None:
            # A row without contact_id is a contact of its own.
            contact = ("row", i) if pd.isna(row["contact_id"]) else ("id", int(row["contact_id"]))
            groups.setdefault((article_id, contact), []).append(row)
    return ((article_id, rows) for (article_id, _), rows in groups.items())


def _contact_item(rows: list[Mapping[str, Any]]) -> _Item:
    parties: list[frozenset[str]] = []
    for row in rows:
        for column in ("actor1", "actor2"):
            party = _keys([row[column]])
            if party and party not in parties:
                parties.append(party)
    dates = frozenset(pd.Timestamp(r["date"]).date().isoformat() for r in rows if not pd.isna(r["date"]))
    return _Item(parties=tuple(parties), kind=_keys(r["kind"] for r in rows),
                 status=_keys(r["status"] for r in rows), dates=dates)


def _text(value: object) -> str | None:
    return None if _missing(value) else str(value)


def _number(value: object) -> float:
    return math.nan if _missing(value) else float(value)  # type: ignore[arg-type]


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


# --------------------------------------------------------------------------------------------
# Match and attribute rules


def _same_value(a: float, b: float) -> bool:
    return not math.isnan(b) and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _parties_match(gold: tuple[frozenset[str], ...], pred: tuple[frozenset[str], ...]) -> bool:
    """True when each gold party can be given its own predicted party with a shared name."""
    owner: dict[int, int] = {}

    def assign(g: int, seen: set[int]) -> bool:
        for p, names in enumerate(pred):
            if p not in seen and gold[g] & names:
                seen.add(p)
                if p not in owner or assign(owner[p], seen):
                    owner[p] = g
                    return True
        return False

    return all(assign(g, set()) for g in range(len(gold)))


def _quote_matches(gold: _Item, pred: _Item) -> bool:
    if gold.words is None:
        return bool(gold.text) and gold.text in pred.text
    return pred.words is not None and gold.words.overlap(pred.words) >= 0.5


def _figure_matches(gold: _Item, pred: _Item) -> bool:
    if _same_value(gold.value, pred.value):
        return True
    return math.isnan(pred.value) and any(_same_value(gold.value, b) for b in pred.bounds)


_MATCHES: dict[str, Callable[[_Item, _Item], bool]] = {
    "quotes": _quote_matches,
    "figures": _figure_matches,
    "contacts": lambda gold, pred: _parties_match(gold.parties, pred.parties),
    "actors": lambda gold, pred: bool(gold.names & pred.names),
}


def _shared(attribute: str) -> Callable[[_Item, _Item], bool | None]:
    """Right when the prediction's value is one of the gold's; not judged when the gold has none."""
    def check(gold: _Item, pred: _Item) -> bool | None:
        accepted = getattr(gold, attribute)
        return None if not accepted else bool(accepted & getattr(pred, attribute))
    return check


def _date_right(gold: _Item, pred: _Item) -> bool | None:
    if gold.dates is None:
        return None
    predicted = pred.dates or frozenset()
    return not predicted if not gold.dates else bool(gold.dates & predicted)


def _role_right(gold: _Item, pred: _Item) -> bool | None:
    if gold.role is None:
        return None
    return pred.role is not None and gold.role in pred.role


_CHECKS: dict[str, dict[str, Callable[[_Item, _Item], bool | None]]] = {
    "quotes": {"speaker": _shared("names"), "kind": _shared("kind")},
    "figures": {"category": _shared("category"), "qualifier": _shared("qualifier"), "unit": _shared("unit")},
    "contacts": {"kind": _shared("kind"), "status": _shared("status"), "date": _date_right},
    "actors": {"kind": _shared("kind"), "country": _shared("country"), "role": _role_right},
}


def _agreement(checks: Mapping[str, Callable[[_Item, _Item], bool | None]]) -> Callable[[_Item, _Item], tuple[int]]:
    """Rank candidate predictions by the number of attributes they get right."""
    def rank(gold: _Item, pred: _Item) -> tuple[int]:
        return (sum(check(gold, pred) is True for check in checks.values()),)
    return rank


# --------------------------------------------------------------------------------------------
# Counting


def _greedy(golds: Sequence[_Item], preds: Sequence[_Item], matches: Callable[[_Item, _Item], bool],
            rank: Callable[[_Item, _Item], tuple[float, ...]], taken: set[int]) -> list[tuple[int, int]]:
    """Pair each gold item, in order, with the best-ranked free prediction that matches it."""
    pairs = []
    for g, gold in enumerate(golds):
        best, best_rank = None, None
        for p, pred in enumerate(preds):
            if p in taken or not matches(gold, pred):
                continue
            this_rank = rank(gold, pred)
            if best_rank is None or this_rank > best_rank:
                best, best_rank = p, this_rank
        if best is not None:
            taken.add(best)
            pairs.append((g, best))
    return pairs


@dataclass
class _Tally:
    """Counts of one task over many articles."""

    checks: dict[str, Callable[[_Item, _Item], bool | None]]
    n_gold: int = 0
    n_pred: int = 0
    n_matched: int = 0
    right: Counter[str] = field(default_factory=Counter)
    judged: Counter[str] = field(default_factory=Counter)

    def add(self, required: Sequence[_Item], optional: Sequence[_Item], preds: Sequence[_Item],
            matches: Callable[[_Item, _Item], bool], rank: Callable[[_Item, _Item], tuple[float, ...]]) -> None:
        """Count one article: required gold first, then optional gold takes what it matches unpenalised."""
        taken: set[int] = set()
        pairs = _greedy(required, preds, matches, rank, taken)
        excused = _greedy(optional, preds, matches, rank, taken)
        self.n_gold += len(required)
        self.n_pred += len(preds) - len(excused)
        self.n_matched += len(pairs)
        for g, p in pairs:
            for name, check in self.checks.items():
                verdict = check(required[g], preds[p])
                if verdict is not None:
                    self.judged[name] += 1
                    self.right[name] += verdict

    def rows(self, task: str) -> list[dict[str, object]]:
        """The score rows of this task: precision, recall, f1, then one accuracy per attribute."""
        counts = {"n_gold": self.n_gold, "n_pred": self.n_pred}
        rows = [
            {"task": task, "metric": "precision", "value": _ratio(self.n_matched, self.n_pred),
             **counts, "n_matched": self.n_matched},
            {"task": task, "metric": "recall", "value": _ratio(self.n_matched, self.n_gold),
             **counts, "n_matched": self.n_matched},
            {"task": task, "metric": "f1", "value": _ratio(2 * self.n_matched, self.n_gold + self.n_pred),
             **counts, "n_matched": self.n_matched},
        ]
        # For an accuracy, n_matched is the number of matched pairs whose gold gives the attribute.
        rows += [{"task": task, "metric": f"{name}_accuracy", "value": _ratio(self.right[name], self.judged[name]),
                  **counts, "n_matched": self.judged[name]} for name in self.checks]
        return rows


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else math.nan


def _score_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=list(COLUMNS))
    return df.astype({"task": object, "metric": object, "value": "float64", "n_gold": "int64",
                      "n_pred": "int64", "n_matched": "int64"})


# --------------------------------------------------------------------------------------------
# Scoring


def score(gold_docs: Sequence[GoldDocument], tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Score predicted tables against JSON gold documents.

    Only articles with a gold document are scored, and for each task only the documents that
    annotate it; a gold document without predicted rows counts all its gold as missed. A missing
    table counts as no predictions. Predictions matching a ``quotes_optional`` item count neither
    for nor against.

    Args:
        gold_docs: documents from :func:`load_gold` (or built by hand).
        tables: predicted tables by name (``quotes``, ``figures``, ``contacts``, ``actors``), e.g.
            from :func:`crisislens.read_tables` or ``Corpus.tables()``.

    Returns:
        One row per task annotated in any document and metric: ``task``, ``metric`` (precision,
        recall, f1, ``<attribute>_accuracy``), ``value`` (NaN when undefined), ``n_gold``, ``n_pred``
        and ``n_matched`` (for an accuracy: the matched pairs whose gold gives the attribute).
        Precision and recall share the matched count, so F1 is ``2 * n_matched / (n_gold + n_pred)``.

    Raises:
        GoldFormatError: two gold documents have the same article_id.

    Example:
        >>> from crisislens.tables import frame
        >>> gold = [GoldDocument("talks.txt", tasks=frozenset({"quotes"}), quotes=(
        ...     GoldQuote(("Ann Lee", "Lee"), contains="talks will resume next week"),))]
        >>> pred = {"quotes": frame("quotes", [
        ...     {"article_id": "talks", "text": "Talks will resume next week, in Vienna", "speaker": "Lee"}])}
        >>> print(score(gold, pred)[["metric", "value"]].to_string(index=False))
                  metric  value
               precision    1.0
                  recall    1.0
                      f1    1.0
        speaker_accuracy    1.0
           kind_accuracy    NaN
    """
    _check_unique_articles(gold_docs)
    rows: list[dict[str, object]] = []
    for task in TASKS:
        docs = [doc for doc in gold_docs if task in doc.tasks]
        if not docs:
            continue
        predicted = _predicted_items(task, tables.get(task))
        tally = _Tally(_CHECKS[task])
        rank = _agreement(_CHECKS[task])
        for doc in docs:
            required, optional = _gold_items(task, doc)
            tally.add(required, optional, predicted.get(doc.article_id, []), _MATCHES[task], rank)
        rows += tally.rows(task)
    return _score_frame(rows)


def _cue_key(cue: str) -> str:
    return _SPACE.sub(" ", cue.lower()).strip()


def _source_matches(gold: str, names: frozenset[str]) -> bool:
    """True when a gold source and a predicted speaker name (both keys) contain one another or share a head word."""
    for name in names:
        if f" {gold} " in f" {name} " or f" {name} " in f" {gold} " or _head(gold) == _head(name):
            return True
    return False


def _head(key: str) -> str:
    """The head word of a name: its last word, without a possessive 's."""
    last = key.rsplit(" ", 1)[-1]
    return last[:-2] if last.endswith("'s") else last


def score_brat(brat_docs: Sequence[BratDocument], quotes: pd.DataFrame, *,
               cues: set[str] | None = None) -> pd.DataFrame:
    """Score a predicted quotes table against brat attributions.

    A prediction matches an attribution when at least half of the words of each (attribution
    content, predicted quote ``text``) are shared; among matching predictions the one sharing most
    is taken. Speaker accuracy compares the attribution's Source with the predicted ``speaker`` and
    ``speaker_text``: right when one contains the other or both end in the same head word, not
    judged for attributions without a Source. Each text is scored once, against its first ``.ann``
    file in the order given (other annotators' files of the same text are skipped). Predictions
    for articles without a brat document are ignored.

    Args:
        brat_docs: documents from :func:`load_brat`.
        quotes: the predicted quotes table.
        cues: if given, only attributions whose cue (lower-cased, stripped) is in this set are
            required; the others are treated as optional: not missed, and a prediction matching one
            is not counted against precision.

    Returns:
        Rows for task ``quotes`` with metrics precision, recall, f1 and speaker_accuracy, shaped as
        in :func:`score`.

    Example:
        >>> scores = score_brat(load_brat("../shared/corpus/polnear-dev"), quotes, cues={"said"})  # doctest: +SKIP
    """
    wanted = None if cues is None else {_cue_key(c) for c in cues}
    predicted: dict[str, list[_Item]] = {}
    for row in conform("quotes", quotes).to_dict("records"):
        article_id = _text(row["article_id"])
        if article_id is not None:
            text = _text(row["text"]) or ""
            predicted.setdefault(article_id, []).append(
                _Item(words=_Words.of(text), names=_keys([row["speaker"], row["speaker_text"]])))

    def speaker(gold: _Item, pred: _Item) -> bool | None:
        return None if not gold.names else any(_source_matches(source, pred.names) for source in gold.names)

    def matches(gold: _Item, pred: _Item) -> bool:
        return gold.words is not None and pred.words is not None and gold.words.overlap(pred.words) >= 0.5

    def rank(gold: _Item, pred: _Item) -> tuple[float, float]:
        overlap = gold.words.overlap(pred.words) if gold.words and pred.words else 0.0
        return overlap, float(speaker(gold, pred) is True)

    tally = _Tally({"speaker": speaker})
    seen: set[str] = set()
    for doc in brat_docs:
        if doc.article_id in seen:
            continue
        seen.add(doc.article_id)
        required, optional = [], []
        for attribution in doc.attributions:
            item = _Item(names=_keys([attribution.source.text] if attribution.source else []),
                         words=_Words.of(attribution.content.text))
            cue = _cue_key(attribution.cue.text) if attribution.cue else None
            (required if wanted is None or cue in wanted else optional).append(item)
        tally.add(required, optional, predicted.get(doc.article_id, []), matches, rank)
    return _score_frame(tally.rows("quotes"))


def run(gold_path: str | Path, pred_path: str | Path) -> pd.DataFrame:
    """Score the tables in ``pred_path`` against the gold at ``gold_path`` (what ``crisislens evaluate`` does).

    A folder with ``.ann`` files anywhere under it is a brat corpus (quotes are scored with
    :func:`score_brat`); anything else is JSON gold (:func:`score`).

    Args:
        gold_path: a gold ``.json`` file, a folder of them, or a brat corpus folder.
        pred_path: a folder of tables written by ``crisislens parse`` (CSV or Parquet).

    Returns:
        The score table (see :func:`score`).

    Raises:
        InputError: a path does not exist, or the predicted tables cannot be read.
        GoldFormatError: the gold is malformed.

    Example:
        >>> print(format_scores(run("tests/gold/seed", "output")))   # doctest: +SKIP
    """
    gold = Path(gold_path)
    if not gold.exists():
        raise InputError(f"{gold}: no such gold file or folder")
    if gold.is_dir() and next(gold.rglob("*.ann"), None) is not None:
        brat_docs = load_brat(gold)
        predicted = _read_predictions(Path(pred_path))
        if "quotes" not in predicted:
            raise InputError(f"{pred_path}: no quotes table (quotes.csv or quotes.parquet) to score against {gold}")
        return score_brat(brat_docs, predicted["quotes"])
    gold_docs = load_gold(gold)
    return score(gold_docs, _read_predictions(Path(pred_path)))


def _read_predictions(folder: Path) -> dict[str, pd.DataFrame]:
    advice = "write them with 'crisislens parse INPUT... --out DIR'"
    if not folder.is_dir():
        what = "is a file, not a folder of tables" if folder.exists() else "no such folder"
        raise InputError(f"{folder}: {what}; predictions are a folder of tables ({advice})")
    try:
        return read_tables(folder)
    except FileNotFoundError:
        raise InputError(f"{folder}: no crisislens tables (quotes.csv, contacts.parquet ...) found; {advice}") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{folder}: cannot read the predicted tables ({type(exc).__name__}: {exc})") from None


def format_scores(df: pd.DataFrame) -> str:
    """Return a score table as aligned plain text, values rounded to 3 decimals (``n/a`` when undefined).

    Args:
        df: a table from :func:`score`, :func:`score_brat` or :func:`run`.

    Returns:
        One header line and one line per row.

    Example:
        >>> print(format_scores(pd.DataFrame([{"task": "quotes", "metric": "recall", "value": 2 / 3,
        ...                                    "n_gold": 3, "n_pred": 2, "n_matched": 2}])))
        task    metric  value  n_gold  n_pred  n_matched
        quotes  recall  0.667       3       2          2
    """
    lines = [list(COLUMNS)]
    for row in df[list(COLUMNS)].itertuples(index=False):
        value = "n/a" if pd.isna(row.value) else f"{row.value:.3f}"
        lines.append([str(row.task), str(row.metric), value, str(row.n_gold), str(row.n_pred), str(row.n_matched)])
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS))]
    return "\n".join(
        "  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(zip(line, widths, strict=True)))
        for line in lines
    )


def score_documents(gold_path: str | Path, corpus_dir: str | Path, *, task: str | None = None,
                    skip_categories: Sequence[str] = ()) -> pd.DataFrame:
    """Parse the documents a JSON gold names (found by file name under ``corpus_dir``) and score them.

    This is what the accuracy benchmarks do: gold and source documents in, scores out, no tables on disk.

    Args:
        gold_path: a gold ``.json`` file or a folder of them.
        corpus_dir: the folder holding the documents the gold names (searched recursively).
        task: score only this task (quotes, figures, contacts, actors), and only gold documents that
            annotate it; all tasks by default.
        skip_categories: figure categories left out of the predictions (``("year", "date")``: gold lists
            counts only).

    Returns:
        The score table (see :func:`score`).

    Raises:
        InputError: a gold document is not found under ``corpus_dir``.
    """
    from crisislens.corpus import Corpus

    gold = [doc for doc in load_gold(gold_path) if task is None or task in doc.tasks]
    wanted = {doc.doc for doc in gold}
    paths = sorted(p for p in Path(corpus_dir).rglob("*") if p.name in wanted)
    missing = wanted - {p.name for p in paths}
    if missing:
        raise InputError(f"{corpus_dir}: gold documents not found: {', '.join(sorted(missing))}")
    tables = Corpus.from_paths(paths, progress=False).tables() if paths else {}
    if skip_categories and "figures" in tables:
        figures = tables["figures"]
        tables["figures"] = figures[~figures.category.isin(list(skip_categories))]
    result = score(gold, tables)
    return result if task is None else result[result.task == task].reset_index(drop=True)
