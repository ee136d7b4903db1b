"""Article: one document run through the pipeline once, with its tables as DataFrames.

The pipeline runs in one direction: document -> normalised text -> sentences -> actor mentions
-> quotes -> dates -> figures -> contacts -> tone. Each
stage reads only what earlier stages produced. Every table has every contract column, so code written
against the tables works today and fills up as they land.
"""

from __future__ import annotations

import bisect
import functools
import html
import os
from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from crisislens import tables
from crisislens.actors import Actor, Mention, actor_rows, find_mentions, title_people
from crisislens.contacts import Contact, contact_rows, extract_contacts, is_readout
from crisislens.dates import DateMention, find_dates
from crisislens.errors import EmptyInputError, InputError, InputTooLargeError, hint
from crisislens.figures import Figure, extract_figures, figure_rows
from crisislens.highlight import article_html
from crisislens.lexicon import Lexicon, default_lexicon
from crisislens.quotes import Quote, extract_quotes, quote_rows
from crisislens.sources import MAX_CHARS, SUPPORTED_SUFFIXES, Document, Failure, from_text, parse_date, read_file
from crisislens.stance import StanceTerm, score_stance, tone, with_cue
from crisislens.text import Body, Sentence, count_words, normalise, split_sentences
from crisislens.voices import find_voices, home_state, resolve_role_speakers, speaker_mentions, title_speaker


class Article:
    """One parsed article: its normalised ``text`` and the tables extracted from it.

    Build it with :func:`crisislens.parse`. Tables are pandas DataFrames with the columns of the
    data contract (docs/tables.md); offsets are into :attr:`text`.

    Raises:
        EmptyInputError: the article has no text after normalisation.
        InputTooLargeError: the body is longer than ``max_chars``.
    """

    def __init__(self, document: Document, *, lexicon: Lexicon | None = None,
                 max_chars: int = MAX_CHARS) -> None:
        self.document = document
        where = document.path or document.article_id
        if len(document.body) > max_chars:
            raise InputTooLargeError(hint("too_large", path=where, size=len(document.body), limit=max_chars))
        self.lexicon = lexicon or default_lexicon()
        self.body: Body = normalise(document.body, markdown=document.markdown, lexicon=self.lexicon)
        if not self.body.text.strip():
            raise EmptyInputError(hint("empty", path=where))
        self.sentence_spans: list[Sentence] = split_sentences(self.body, lexicon=self.lexicon)
        title, published = document.title, document.published
        home = home_state(title, lexicon=self.lexicon, published=published, readout=is_readout(title), url=document.url)
        self.mention_spans: list[Mention] = find_mentions(
            self.body.text, [s.start for s in self.sentence_spans], lexicon=self.lexicon,
            published=document.published, title=document.title, home=home)
        mention_rows, actor_table_rows = actor_rows(document.article_id, self.mention_spans)
        author = title_speaker(title, lexicon=self.lexicon, published=published)
        quotes = extract_quotes(self.body.text, self.body, self.sentence_spans, self.mention_spans, lexicon=self.lexicon)
        self.quote_spans: list[Quote] = resolve_role_speakers(
            quotes, find_voices(self.body.text, [q for q in quotes if q.kind == "transcript"], author=author),
            lexicon=self.lexicon, published=published, home=home)
        self.date_spans: list[DateMention] = find_dates(
            self.body.text, document.published.date() if document.published is not None else None,
            lexicon=self.lexicon)
        self.figure_spans: list[Figure] = extract_figures(self.body.text, self.sentence_spans, self.mention_spans,
                                                          self.quote_spans, lexicon=self.lexicon)
        self.contact_spans: list[Contact] = extract_contacts(
            self.body.text, self.sentence_spans, self.mention_spans, self.date_spans, self.figure_spans,
            lexicon=self.lexicon, published=document.published.date() if document.published is not None else None,
            readout=is_readout(document.title), speakers=self._speaker_mentions(author, home), home=home,
            quoted=sorted((q.start, q.end) for q in self.quote_spans if q.kind == "direct"),
            title=title, title_people=title_people(title, lexicon=self.lexicon, published=published)
            if title else ())
        self._stance_terms: list[tuple[int, StanceTerm]] = []  # (offset in the text, term), in text order
        sentence_rows = [self._sentence_row(s) for s in self.sentence_spans]
        sentence_tones = [(r["start"], r["end"], r["n_words"], r["tone"]) for r in sentence_rows]
        self.rows: dict[str, list[dict[str, Any]]] = {
            "articles": [self._article_row()],
            "sentences": sentence_rows,
            "mentions": mention_rows, "actors": actor_table_rows,
            "quotes": quote_rows(document.article_id, self.body.text, self.quote_spans, tone,
                                 sentences=self.sentence_spans, dates=self.date_spans,
                                 sentence_tones=sentence_tones),
            "figures": figure_rows(document.article_id, self.body.text, self.figure_spans),
            "contacts": contact_rows(document.article_id, self.body.text, self.contact_spans),
        }
        self._quote_stances()

    def _speaker_mentions(self, author: Actor | None, home: str | None) -> Callable[[Sentence], list[Mention]]:
        """ "I", "you" and "the President" of a sentence as its speakers mean them (transcript turns,
        direct quotes, a title naming the speaker, the state the document speaks for)."""
        voices = find_voices(self.body.text, self.quote_spans, author=author)
        return functools.partial(speaker_mentions, self.body.text, voices=voices, lexicon=self.lexicon,
                                 published=self.document.published, home=home)

    # --- identity -------------------------------------------------------------------------
    @property
    def article_id(self) -> str:
        """The article's id (file stem, export ``id``, or a hash of the text)."""
        return self.document.article_id

    @property
    def text(self) -> str:
        """The normalised body; every ``start``/``end`` offset points into it."""
        return self.body.text

    @property
    def title(self) -> str | None:
        """The article's title, if known."""
        return self.document.title

    @property
    def published(self) -> pd.Timestamp | None:
        """The publication date (midnight), if known."""
        return self.document.published

    # --- tables -------------------------------------------------------------------------
    @cached_property
    def info(self) -> pd.DataFrame:
        """The one-row ``articles`` table of this article."""
        return tables.frame("articles", self.rows["articles"])

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence: span, text, word count, stance and tone."""
        return tables.frame("sentences", self.rows["sentences"])

    @cached_property
    def mentions(self) -> pd.DataFrame:
        """One row per actor mention (filled by the actors extractor)."""
        return tables.frame("mentions", self.rows["mentions"])

    @cached_property
    def actors(self) -> pd.DataFrame:
        """One row per actor in the article (filled by the actors extractor)."""
        return tables.frame("actors", self.rows["actors"])

    @cached_property
    def quotes(self) -> pd.DataFrame:
        """One row per attributed statement (filled by the quotes extractor)."""
        return tables.frame("quotes", self.rows["quotes"])

    @cached_property
    def figures(self) -> pd.DataFrame:
        """One row per number with what it counts (filled by the figures extractor)."""
        return tables.frame("figures", self.rows["figures"])

    @cached_property
    def contacts(self) -> pd.DataFrame:
        """One row per pair of parties in a diplomatic contact (filled by the contacts extractor)."""
        return tables.frame("contacts", self.rows["contacts"])

    def tables(self) -> dict[str, pd.DataFrame]:
        """Return every table of this article by name (``articles`` holds its one row)."""
        return {"articles": self.info, **{name: getattr(self, name) for name in tables.EXTRACTION_TABLES}}

    def to_dict(self) -> dict[str, Any]:
        """Return the article as plain Python data: metadata, text and table rows.

        Example:
            >>> parse("Talks went on. They ended.").to_dict()["sentences"][1]["text"]
            'They ended.'
        """
        return {
            "article_id": self.article_id, "title": self.title,
            "published": None if self.published is None else self.published.date().isoformat(),
            "text": self.text,
            **{name: [{key: _plain(value) for key, value in row.items()} for row in self.rows[name]]
               for name in tables.EXTRACTION_TABLES},
        }

    def highlighted(self) -> str:
        """The text as HTML with quotes, speakers, actors, figures and contacts marked, and a legend
        (:mod:`crisislens.highlight`); a notebook shows an ``Article`` this way.

        Example:
            >>> "cl-figure" in parse("More than 100,000 troops massed.").highlighted()
            True
        """
        title = f"<h3>{html.escape(self.title)}</h3>" if self.title else ""
        return title + article_html(self.tables())

    def _repr_html_(self) -> str:
        return self.highlighted()

    def __repr__(self) -> str:
        published = "" if self.published is None else f", published {self.published.date()}"
        return (f"<Article {self.article_id!r}{published}: {len(self.sentence_spans)} sentences, "
                f"{count_words(self.text)} words>")

    # --- rows -------------------------------------------------------------------------
    def _article_row(self) -> dict[str, Any]:
        doc = self.document
        return {
            "article_id": doc.article_id, "title": doc.title, "published": doc.published,
            "source": doc.source, "url": doc.url, "path": doc.path,
            "n_sentences": len(self.sentence_spans), "n_words": count_words(self.body.text),
            "n_chars": len(self.body.text), "dateline": self.body.dateline, "encoding": doc.encoding,
        }

    def _quote_stances(self) -> None:
        """A quote's stance: the stance terms of the sentences inside its span (read in their
        sentence's context, scored once) and of its cue ("accused", "praised")."""
        starts = [start for start, _ in self._stance_terms]
        for row in self.rows["quotes"]:
            first, last = bisect.bisect_left(starts, row["start"]), bisect.bisect_left(starts, row["end"])
            inside = [term for start, term in self._stance_terms[first:last] if start + len(term.text) <= row["end"]]
            stance = with_cue(inside, row["cue"], lexicon=self.lexicon)
            row["stance"], row["stance_terms"] = stance.score, stance.explanation

    def _sentence_row(self, sentence: Sentence) -> dict[str, Any]:
        polarity, subjectivity = tone(sentence.text)
        stance = score_stance(sentence.text, lexicon=self.lexicon)
        self._stance_terms.extend((sentence.start + t.start, t) for t in stance.terms)
        return {
            "article_id": self.article_id, "sentence_id": sentence.sentence_id,
            "paragraph_id": sentence.paragraph_id, "start": sentence.start, "end": sentence.end,
            "text": sentence.text, "n_words": sentence.n_words, "stance": stance.score,
            "tone": round(polarity, 4), "subjectivity": round(subjectivity, 4), "stance_terms": stance.explanation,
        }


def _plain(value: Any) -> Any:
    """JSON-ready form of a table value: dates as ISO strings."""
    if isinstance(value, (date, pd.Timestamp)):
        return value.isoformat()[:10]
    return value


def parse(text_or_path: str | os.PathLike[str] | Document, *, published: object = None,
          title: str | None = None, lexicon: Lexicon | None = None, max_chars: int = MAX_CHARS) -> Article:
    """Parse one article from a file path, a string of text, or a Document.

    A ``str`` is taken as a path when it names an existing file and has no line break; otherwise
    it is the article text. ``published`` and ``title`` override what the file says.

    Args:
        text_or_path: path to a .txt/.md/.html file, the text itself, or a Document.
        published: publication date (date, datetime or ISO string).
        title: article title.
        lexicon: a lexicon from :func:`crisislens.load_lexicon`; the bundled one by default.
        max_chars: per-article size limit.

    Returns:
        The parsed :class:`Article`.

    Raises:
        InputError (or a subclass): the input cannot be read as one article.

    Example:
        >>> article = parse("Talks went on in Geneva. They ended.", published="2022-01-10")
        >>> article.sentences.text.tolist()
        ['Talks went on in Geneva.', 'They ended.']
    """
    document = _document(text_or_path, max_chars)
    if published is not None:
        document = _replace(document, published=parse_date(published, where=document.article_id))
    if title is not None:
        document = _replace(document, title=title)
    return Article(document, lexicon=lexicon, max_chars=max_chars)


def _document(text_or_path: str | os.PathLike[str] | Document, max_chars: int = MAX_CHARS) -> Document:
    if isinstance(text_or_path, Document):
        return text_or_path
    if not isinstance(text_or_path, (str, os.PathLike)):
        raise TypeError(f"parse() takes a path, a string of text or a Document, not {type(text_or_path).__name__}")
    if isinstance(text_or_path, os.PathLike) or _looks_like_path(text_or_path):
        items = read_file(Path(text_or_path), max_chars=max_chars)
        documents = [d for d in items if isinstance(d, Document)]
        failures = [f for f in items if isinstance(f, Failure)]
        if len(items) != 1 or failures:
            raise InputError(f"{text_or_path}: holds {len(documents)} articles and {len(failures)} unreadable "
                             "rows; read exports and folders with crisislens.Corpus.from_paths")
        return documents[0]
    if _names_missing_file(text_or_path):
        raise InputError(hint("missing", path=text_or_path))
    return from_text(text_or_path)


def _looks_like_path(value: str) -> bool:
    if "\n" in value or len(value) > 1024:
        return False
    try:
        return Path(value).is_file()
    except (OSError, ValueError):
        return False


def _names_missing_file(value: str) -> bool:
    """A single word ending in a readable suffix ("data/a.txt") is a path with a typo, not an article."""
    stripped = value.strip()
    return (not any(ch.isspace() for ch in stripped)  # words apart by any space, tab or line break: text
            and stripped.lower().endswith(SUPPORTED_SUFFIXES) and not Path(stripped).exists())


def _replace(document: Document, **changes: Any) -> Document:
    from dataclasses import replace

    return replace(document, **changes)
