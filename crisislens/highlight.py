"""Highlighted text: an article with its quotes, speakers, actors, figures and contacts marked, as HTML.

Built from the tables alone (``sentences``, ``mentions``, ``quotes``, ``figures``, ``contacts``), so it
works for an :class:`~crisislens.Article` in a notebook (its ``_repr_html_``), for any article of a
:class:`~crisislens.Corpus`, and for tables read back from disk. Each character gets the set of
annotations that cover it; runs of characters with the same set become one ``<span>``, so nested and
overlapping annotations (a figure inside a quote, a speaker inside a sentence with a contact) all show.
Hovering a mark shows what it was resolved to ("Antony Blinken (person, USA)").

Example:
    >>> import crisislens
    >>> article = crisislens.parse("President Joe Biden said talks would go on.", published="2022-02-13")
    >>> html = article_html(article.tables())
    >>> "cl-quote" in html and "cl-person" in html
    True
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Mapping

import pandas as pd

from crisislens.tables import empty

STYLE = """
.cl-article { font-family: Georgia, serif; line-height: 1.6; max-width: 52em; }
.cl-article p { margin: 0 0 0.8em 0; }
.cl-legend { font-family: sans-serif; font-size: 0.85em; margin-bottom: 0.8em; }
.cl-legend span { margin-right: 0.9em; padding: 0 0.3em; }
.cl-quote { background: #fff3c4; }
.cl-speaker { font-weight: bold; border-bottom: 2px solid #555; }
.cl-person { color: #1f4e9d; }
.cl-state { color: #8a1c1c; }
.cl-organization, .cl-media, .cl-group { color: #1d6b3a; }
.cl-anonymous { color: #6a3d9a; font-style: italic; }
.cl-figure { outline: 1px solid #c05a00; background: #ffe8d6; }
.cl-contact { text-decoration: underline wavy #0a7d8c; }
"""
"""The CSS classes of the marks (black-and-white printers still see bold, italics and outlines)."""

LEGEND = (("cl-quote", "quote"), ("cl-speaker", "speaker"), ("cl-person", "person"), ("cl-state", "state"),
          ("cl-organization", "organisation or group"), ("cl-anonymous", "unnamed source"),
          ("cl-figure", "figure"), ("cl-contact", "contact"))

_MENTION_CLASSES = {"person": "cl-person", "state": "cl-state", "organization": "cl-organization",
                    "media": "cl-media", "group": "cl-group", "anonymous": "cl-anonymous"}


def legend_html() -> str:
    """The legend of the marks as an HTML line."""
    items = "".join(f'<span class="{css}">{html.escape(label)}</span>' for css, label in LEGEND)
    return f'<div class="cl-legend">{items}</div>'


def article_html(tables: Mapping[str, pd.DataFrame], article_id: str | None = None, *, style: bool = True,
                 legend: bool = True) -> str:
    """The highlighted text of one article as an HTML fragment.

    Args:
        tables: the tables by name (``Article.tables()``, ``Corpus.tables()`` or ``read_tables``).
        article_id: which article (default: the first in ``sentences``).
        style: include the ``<style>`` block (leave out when the page has it already).
        legend: include the legend line.
    """
    sentences = tables["sentences"]
    if article_id is None:
        if sentences.empty:
            return '<div class="cl-article"><p>(no text)</p></div>'
        article_id = str(sentences["article_id"].iloc[0])
    own = {name: _rows_of(tables.get(name), name, article_id)
           for name in ("sentences", "mentions", "quotes", "figures", "contacts")}
    marks = _marks(own)
    paragraphs: dict[object, list[str]] = {}
    for row in own["sentences"].sort_values("start").itertuples(index=False):
        paragraph = getattr(row, "paragraph_id", None)
        paragraphs.setdefault(paragraph, []).append(_sentence_html(str(row.text), int(row.start), marks))
    body = "".join(f"<p>{' '.join(parts)}</p>" for parts in paragraphs.values()) or "<p>(no text)</p>"
    head = f"<style>{STYLE}</style>" if style else ""
    return f'{head}{legend_html() if legend else ""}<div class="cl-article">{body}</div>'


def _rows_of(table: pd.DataFrame | None, name: str, article_id: str) -> pd.DataFrame:
    if table is None or "article_id" not in table:
        return empty(name)
    return table[table["article_id"] == article_id]


def _marks(own: Mapping[str, pd.DataFrame]) -> list[tuple[int, int, str, str]]:
    """(start, end, CSS class, tooltip) of every annotation, with absolute offsets."""
    marks: list[tuple[int, int, str, str]] = []
    for row in own["quotes"].itertuples(index=False):
        tip = f"{row.kind} quote, speaker: {_text(row.speaker) or 'unknown'}, cue: {_text(row.cue) or '-'}"
        if pd.notna(getattr(row, "stance", None)):
            tip += f", stance {row.stance:+.2f}"
        marks.append((int(row.start), int(row.end), "cl-quote", tip))
    speakers = _speaker_spans(own["quotes"], own["mentions"])
    for row in own["mentions"].itertuples(index=False):
        css = _MENTION_CLASSES.get(str(row.kind), "cl-group")
        country = f", {row.country}" if pd.notna(getattr(row, "country", None)) else ""
        marks.append((int(row.start), int(row.end), css, f"{row.actor} ({row.kind}{country})"))
        if (int(row.start), int(row.end)) in speakers:
            marks.append((int(row.start), int(row.end), "cl-speaker", f"speaker: {row.actor}"))
    for row in own["figures"].itertuples(index=False):
        if row.category in ("year", "date"):
            continue  # years and days of a month are kept in the table apart from counts, not marked
        what = " ".join(str(v) for v in (row.qualifier, row.category) if pd.notna(v))
        marks.append((int(row.start), int(row.end), "cl-figure", f"figure {row.value:g} ({what})"
                      if pd.notna(row.value) else f"figure ({what})"))
    for (_, _, _), rows in own["contacts"].groupby(["article_id", "contact_id", "start"], sort=False):
        first = rows.iloc[0]  # one mark per contact term: a meeting during a visit shares its contact_id
        parties = sorted(set(rows["actor1"].dropna()) | set(rows["actor2"].dropna()))
        marks.append((int(first.start), int(first.end), "cl-contact",
                      f"{first.kind}, {first.status}: {', '.join(parties)}"))
    return marks


def _speaker_spans(quotes: pd.DataFrame, mentions: pd.DataFrame) -> set[tuple[int, int]]:
    """Mentions that name a quote's speaker in the quote's sentence."""
    if quotes.empty or mentions.empty:
        return set()
    keys = {(s, a) for s, a in zip(quotes["sentence_id"], quotes["speaker_id"], strict=True) if pd.notna(a)}
    return {(int(m.start), int(m.end)) for m in mentions.itertuples(index=False) if (m.sentence_id, m.actor_id) in keys}


def _sentence_html(text: str, start: int, marks: list[tuple[int, int, str, str]]) -> str:
    """The sentence with one ``<span>`` per run of characters sharing the same marks."""
    end = start + len(text)
    inside = [m for m in marks if m[0] < end and m[1] > start]
    if not inside:
        return html.escape(text)
    cuts = sorted({0, len(text), *(max(0, m[0] - start) for m in inside), *(min(len(text), m[1] - start) for m in inside)})
    out = []
    for a, b in itertools.pairwise(cuts):
        if a >= b:
            continue
        covering = [m for m in inside if m[0] - start <= a and m[1] - start >= b]
        piece = html.escape(text[a:b])
        if not covering:
            out.append(piece)
            continue
        classes = " ".join(sorted({m[2] for m in covering}))
        innermost = min(covering, key=lambda m: m[1] - m[0])  # the most specific mark explains the run
        out.append(f'<span class="{classes}" title="{html.escape(innermost[3], quote=True)}">{piece}</span>')
    return "".join(out)


def _text(value: object) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA else str(value)
