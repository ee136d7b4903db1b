"""Reading articles from files, folders, exports, DataFrames and strings into Documents.

Reads: ``.txt`` and ``.md`` (optional YAML front matter; a ``.txt`` file's first line is its title
when the front matter gives none), ``.html``/``.htm`` (the ``<article>`` element or the body, title and
dates from meta tags), ``.jsonl`` and ``.csv`` exports (one article per row/line: ``id``, ``text``,
``title``, ``published``, ``source``, ``url``), pandas DataFrames with those columns, and plain strings.
Folders are searched recursively for those extensions (hidden folders skipped); glob patterns are
expanded the same way, and a pattern that matches nothing is an error like a missing path.

Encodings: UTF-8 (with or without byte-order mark) and UTF-16/UTF-32 with a byte-order mark; otherwise
Windows-1252, and Latin-1 for the few bytes Windows-1252 leaves undefined (a mostly UTF-8 file keeps
its UTF-8 text and reads only its stray bytes so, with a warning). Files with NUL bytes or many
control characters are refused as binary. Front matter is read with a safe YAML loader that builds
plain values only and refuses aliases, deep nesting and huge numbers, so nothing in a file is ever
executed or expanded. Dates are taken only when they name a day: "2022", "February 2022", "today"
and dates pandas cannot hold give None and a warning, never a made-up day. Metadata is one line of
printable text (control characters dropped; a file name byte that is not UTF-8 written ``\\xNN``).

Every reader takes time in proportion to its input, whatever the input: HTML is read by a small
tokenizer of our own (see :class:`_HTMLText`), and export rows that cannot be read (broken JSON, a
``text`` that is not a string, an id used twice) are Failures while the other rows are read.

Deliberately not done: fetching URLs, reading PDFs or Word files, guessing the language.
"""

from __future__ import annotations

import glob
import hashlib
import html
import io
import json
import math
import os
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import ClassVar

import pandas as pd
import yaml
from dateutil import parser as dateutil_parser

from crisislens.errors import (
    BinaryInputError,
    EmptyInputError,
    ExportFormatError,
    FrontMatterError,
    InputError,
    InputTooLargeError,
    UnsupportedFormatError,
    hint,
    printable,
)

MAX_CHARS = 1_000_000
"""Default per-article size limit in characters (a long news article has about 50,000)."""

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
EXPORT_SUFFIXES = (".jsonl", ".csv")
SUPPORTED_SUFFIXES = ARTICLE_SUFFIXES + EXPORT_SUFFIXES

TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("published", "date", "published_time", "pubdate", "datetime")
SOURCE_KEYS = ("source", "publisher", "site", "outlet")
URL_KEYS = ("url", "source_url", "link")
_FRONT_MATTER_LIMIT = 65_536
_FRONT_MATTER_DEPTH = 20
_FRONT_MATTER_NUMBER = 100
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2060-\u2064\ufeff]")
_RELATIVE_DATES = frozenset({"now", "today", "tomorrow", "yesterday"})
_DATE_LIMIT = 100
"""Longer values are not dates ("Thursday, January 20, 2022 at 11:30:00 PM Eastern Standard Time" is 62)."""


@dataclass(frozen=True)
class Document:
    """One article as read from its source, before any analysis."""

    article_id: str
    body: str
    title: str | None = None
    published: pd.Timestamp | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    markdown: bool = False
    encoding: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Failure:
    """An input (file, export row) that could not be read; becomes a row of the ``errors`` table."""

    path: str | None
    article_id: str | None
    error: str
    message: str

    @classmethod
    def from_exception(cls, exc: Exception, path: str | None, article_id: str | None) -> Failure:
        """Record ``exc`` for ``path``/``article_id``."""
        return cls(path, article_id, type(exc).__name__, str(exc))


def from_text(text: str, *, article_id: str | None = None, title: str | None = None,
              published: object = None, source: str | None = None, url: str | None = None) -> Document:
    """Make a Document from article text given as a string.

    The id defaults to ``doc-`` plus a short hash of the text, so the same text gets the same id.

    Example:
        >>> from_text("Talks went on.", title="Talks").title
        'Talks'
    """
    if article_id is None:
        article_id = "doc-" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:10]
    return Document(article_id, text, title=title, published=parse_date(published, where=article_id),
                    source=source, url=url)


def expand_inputs(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Turn files, folders (searched recursively) and glob patterns into a sorted list of files.

    Raises:
        InputError: an input names nothing that exists.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files.extend(_folder_files(path))
        elif path.is_file():
            files.append(path)
        elif glob.has_magic(str(item)):
            # A pattern is read like a folder: matched folders are searched, unsupported files skipped.
            matches = sorted(Path(p) for p in glob.glob(str(item), recursive=True))
            if not matches:
                raise InputError(hint("missing", path=item))
            for match in matches:
                if match.is_dir():
                    files.extend(_folder_files(match))
                elif match.is_file() and match.suffix.lower() in SUPPORTED_SUFFIXES:
                    files.append(match)
        else:
            raise InputError(hint("missing", path=item))
    # One file reached by several paths (given twice, or through a symbolic link that a "**" pattern
    # follows round a loop) is read once, under its shortest path.
    shortest: dict[Path, Path] = {}
    for file in files:
        key = file.resolve()
        if key not in shortest or len(file.parts) < len(shortest[key].parts):
            shortest[key] = file
    kept = set(shortest.values())
    seen: set[Path] = set()
    return [p for p in files if p in kept and not (p in seen or seen.add(p))]


def _folder_files(folder: Path) -> list[Path]:
    return [p for p in sorted(folder.rglob("*"))
            if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(folder).parts)]


def read_file(path: str | os.PathLike[str], *, max_chars: int = MAX_CHARS,
              id_prefix: str | None = None) -> list[Document | Failure]:
    """Read one file into Documents (one for an article file, one per row for an export).

    A problem with the whole file raises; a problem with one row of an export gives a Failure.
    Export rows without an ``id`` are named ``<id_prefix>-<row>`` (default prefix: the file stem).

    Raises:
        InputError (or a subclass): missing, unsupported, binary, too large or malformed file.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormatError(hint("unsupported", path=path, suffix=suffix or "(none)",
                                          supported=", ".join(SUPPORTED_SUFFIXES)))
    try:
        size = path.stat().st_size
        if suffix in ARTICLE_SUFFIXES and size > 4 * max_chars:
            raise InputTooLargeError(hint("too_large_file", path=path, size=size, limit=max_chars,
                                          bytes_limit=4 * max_chars))
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(hint("missing", path=path)) from None
    except IsADirectoryError:
        raise InputError(printable(f"{path}: is a folder; pass it to Corpus.from_paths to read every article "
                                   "in it")) from None
    except OSError as exc:  # no permission, a device, a file removed while reading ...
        raise InputError(printable(f"{path}: cannot be read ({exc.strerror or exc})")) from None
    text, encoding = decode(data, where=printable(str(path)))
    if suffix in EXPORT_SUFFIXES:
        return list(_read_export(path, text, encoding, stem=id_prefix or printable(path.stem)))
    if suffix in (".html", ".htm"):
        return [_read_html(path, text, encoding)]
    return [_read_text_file(path, text, encoding, markdown=suffix in (".md", ".markdown"))]


def decode(data: bytes, *, where: str = "<bytes>") -> tuple[str, str]:
    """Decode file bytes: UTF-8 (BOM optional), UTF-16/UTF-32 with BOM, else Windows-1252 / Latin-1.

    Returns:
        The text and the name of the encoding used.

    Raises:
        EmptyInputError: no bytes at all.
        BinaryInputError: NUL bytes (without a UTF-16/UTF-32 BOM) or many control characters.
    """
    if not data.strip():
        raise EmptyInputError(hint("empty", path=where))
    # The UTF-32 little-endian BOM begins with the UTF-16 one, so it is tested first.
    wide = next((name for bom, name in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                                         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
                 if data.startswith(bom)), None)
    if wide is not None:
        try:
            text, encoding = data.decode(wide), wide
        except UnicodeDecodeError:
            raise BinaryInputError(hint("binary", path=where)) from None
    elif b"\x00" in data:
        raise BinaryInputError(hint("binary", path=where))
    else:
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode_not_utf8(data, where)
    sample = text[:65_536]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\n\r\t\f")
    if "\x00" in sample or controls > max(8, len(sample) // 100):
        raise BinaryInputError(hint("binary", path=where))
    return text, encoding


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_STRAY_BYTES = {0xDC00 + byte: bytes([byte]).decode("cp1252", "ignore") or chr(byte) for byte in range(0x80, 0x100)}
"""A byte that is not part of UTF-8, as escaped by ``surrogateescape``, to its Windows-1252 character
(its Latin-1 one for the five bytes Windows-1252 leaves undefined)."""


def _decode_not_utf8(data: bytes, where: str) -> tuple[str, str]:
    """Decode bytes that are not valid UTF-8.

    A file that is mostly UTF-8 with a few stray bytes (a Windows-1252 quotation mark pasted into
    UTF-8 text, a multi-byte character cut in two) keeps its UTF-8 characters and reads only the
    stray bytes as Windows-1252, with a warning: decoding the whole file as Windows-1252 would turn
    every curly quote into three characters of mojibake ("\u00e2\u20ac\u0153"). A file with no
    valid multi-byte UTF-8 sequence, or fewer of them than stray bytes, is Windows-1252 (Latin-1
    when it uses the bytes Windows-1252 leaves undefined).
    """
    escaped = data.decode("utf-8", "surrogateescape").lstrip("\ufeff")
    stray = len(_ESCAPED_BYTE.findall(escaped))
    non_ascii = len(escaped) - len(escaped.encode("ascii", "ignore"))
    if non_ascii - stray >= max(stray, 1):
        warnings.warn(f"{where}: {stray:,} byte(s) that are not UTF-8 were read as Windows-1252", stacklevel=3)
        return escaped.translate(_STRAY_BYTES), "utf-8"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader that also refuses aliases (no 'billion laughs' expansion) and deep nesting.

    Deep nesting ("[[[[...") would otherwise exhaust Python's recursion limit inside PyYAML.
    """

    _depth = 0

    def compose_node(self, parent, index):  # PyYAML's (untyped) signature
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases are not allowed in front matter",
                                              event.start_mark)
        if self._depth >= _FRONT_MATTER_DEPTH:
            raise yaml.composer.ComposerError(None, None, f"nested deeper than {_FRONT_MATTER_DEPTH} levels",
                                              self.peek_event().start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_yaml_int(self, node):  # PyYAML's (untyped) signature
        # A number of thousands of digits is no date or id, and Python refuses to print it.
        if len(node.value) > _FRONT_MATTER_NUMBER:
            raise yaml.constructor.ConstructorError(None, None, f"a number longer than {_FRONT_MATTER_NUMBER} "
                                                    "characters", node.start_mark)
        return super().construct_yaml_int(node)


_NoAliasLoader.add_constructor("tag:yaml.org,2002:int", _NoAliasLoader.construct_yaml_int)


def split_front_matter(text: str, *, where: str = "<text>") -> tuple[dict[str, object], str]:
    """Separate YAML front matter (between ``---`` lines at the top) from the body.

    Returns:
        The front matter as a dict (empty when there is none) and the rest of the text.

    Raises:
        FrontMatterError: unterminated, too long, not a mapping, or invalid YAML.

    Example:
        >>> split_front_matter("---\\ntitle: Talks\\n---\\nBody")
        ({'title': 'Talks'}, 'Body')
    """
    stripped = text.lstrip("\ufeff")
    first_line, _, rest = stripped.partition("\n")
    if first_line.rstrip() != "---":
        return {}, text
    end = -1
    pos = 0
    while pos < len(rest):
        line_end = rest.find("\n", pos)
        line_end = len(rest) if line_end < 0 else line_end
        if rest[pos:line_end].rstrip() in ("---", "..."):
            end = pos
            break
        if pos > _FRONT_MATTER_LIMIT:
            break
        pos = line_end + 1
    if end < 0:
        raise FrontMatterError(hint("front_matter", path=where,
                                    problem="no closing '---' line within the first 64 KB"))
    block, body = rest[:end], rest[end:].partition("\n")[2]
    try:
        loaded = yaml.load(block, Loader=_NoAliasLoader)  # a SafeLoader subclass: plain values only
    except Exception as exc:  # PyYAML's constructors also raise ValueError, AttributeError ("2022-02-30")
        problem = " ".join(str(exc).split()) or type(exc).__name__
        raise FrontMatterError(hint("front_matter", path=where, problem=problem)) from None
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise FrontMatterError(hint("front_matter", path=where,
                                    problem=f"expected 'key: value' lines, got a {type(loaded).__name__}"))
    return {str(k): v for k, v in loaded.items()}, body


def parse_date(value: object, *, where: str = "<input>") -> pd.Timestamp | None:
    """Return the calendar date of ``value`` (date, datetime, ISO or common string) or None.

    A time zone is dropped after taking the local date, so "2022-01-20 23:00-05:00" is 2022-01-20.
    An unreadable date gives None and a warning naming ``where`` (never a guessed date): so do
    dates without a day ("2022", "Feb 2022"), relative words ("today") and dates outside the
    years pandas can hold (1677-2262).

    Example:
        >>> parse_date("2022-01-20T23:30:00-05:00")
        Timestamp('2022-01-20 00:00:00')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, (pd.Timestamp, datetime, date)):
        stamp = pd.Timestamp(value)
    else:
        text = str(value).strip()
        try:
            if (isinstance(value, bool) or len(text) > _DATE_LIMIT or text.lower() in _RELATIVE_DATES
                    or _lacks_day(text)):
                raise ValueError(text)
            stamp = pd.Timestamp(text)
        except (ValueError, TypeError, OverflowError):
            return _unreadable_date(value, where)
    if stamp is pd.NaT:
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    try:
        return stamp.as_unit("ns").normalize()
    except (ValueError, OverflowError):  # OutOfBoundsDatetime: the tables hold datetime64[ns]
        return _unreadable_date(value, where)


def _unreadable_date(value: object, where: str) -> None:
    warnings.warn(f"{where}: cannot read the date {str(value)[:60]!r}; published left empty", stacklevel=3)


def _lacks_day(text: str) -> bool:
    """True when ``text`` reads as a date only by filling in a missing year, month or day ("2022")."""
    try:
        first = dateutil_parser.parse(text, default=datetime(2000, 1, 1))
        second = dateutil_parser.parse(text, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return False
    return first.date() != second.date()


def _scalar(meta: dict[str, object], keys: tuple[str, ...]) -> object:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, (str, int, float, date, datetime)) and not isinstance(value, bool):
            return value
    return None


def _text_or_none(value: object) -> str | None:
    """One line of printable text, or None: whitespace runs become one space, control characters go."""
    if value is None:
        return None
    text = " ".join(_CONTROL.sub("", printable(str(value))).split())
    return text or None


def _read_text_file(path: Path, text: str, encoding: str, *, markdown: bool) -> Document:
    where = printable(str(path))
    meta, body = split_front_matter(text, where=where)
    title = _text_or_none(_scalar(meta, TITLE_KEYS))
    if title is None:
        title, body = _title_line(body, markdown=markdown)
    extra = {k: str(v) for k, v in meta.items()
             if isinstance(v, (str, int, float, date, datetime)) and k not in TITLE_KEYS + URL_KEYS}
    return Document(
        article_id=printable(path.stem), body=body, title=title,
        published=parse_date(_scalar(meta, DATE_KEYS), where=where),
        source=_text_or_none(_scalar(meta, SOURCE_KEYS)), url=_text_or_none(_scalar(meta, URL_KEYS)),
        path=where, markdown=markdown, encoding=encoding, meta=extra,
    )


def _title_line(body: str, *, markdown: bool) -> tuple[str | None, str]:
    """Take the first line as the title (a '#' heading for Markdown) when more text follows."""
    lines = body.lstrip("\ufeff").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not any(line.strip() for line in lines[first + 1:]):
        return None, body
    line = lines[first].strip()
    if markdown:
        if not line.startswith("# "):
            return None, body
        line = line[2:].strip()
    return " ".join(line.split()), "\n".join(lines[first + 1:])


_TAG_NAME = re.compile(r"[A-Za-z][^\s/<>]*")
# One attribute: a name, then optionally "=" and a quoted or bare value. A quoted value may hold
# "<" and ">" (it runs to its closing quote, as in a browser); names and bare values may not, so a
# broken tag is never scanned past the next "<" except inside quotes.
_ATTRIBUTE = re.compile(r"""[\s/]*([^\s/<>"'=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s<>"'`=]+))?""")
_TAG_CLOSE = re.compile(r"[\s/]*>")
_RAW_TEXT_END = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE)
                 for name in ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")}
"""Elements whose content is text up to their end tag, never markup ("<" in a script is not a tag)."""


class _HTMLText:
    """Collects an HTML page's visible text with paragraph breaks, its title and meta tags.

    The page is read by :meth:`read`, a tokenizer written for linear time on any input: every
    search either moves the position past what it scanned or ends the page (an unterminated
    comment, tag or script runs to the end, as in a browser). The standard library's
    ``html.parser`` is not used because unclosed tags ("<a<a<a...", "</</</...") make it rescan
    the rest of the page at every "<", which takes minutes on a page of a few hundred kilobytes.
    """

    SKIP: ClassVar[frozenset[str]] = frozenset({
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "button",
        "template", "iframe", "select"})
    BLOCK: ClassVar[frozenset[str]] = frozenset({
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article",
        "tr", "pre", "figcaption", "dd", "dt", "ul", "ol", "table", "hr"})

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.article_parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self.h1 = ""
        self._skip = 0
        self._article = 0
        self._in_title = False
        self._in_h1 = False
        self._last_gt = -1
        self.time: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and "content" in values:
                self.meta.setdefault(key, values["content"])
        elif tag == "link" and values.get("rel", "").lower() == "canonical":
            self.meta.setdefault("canonical", values.get("href", ""))
        elif tag == "time" and self.time is None and values.get("datetime") and not self._skip:
            self.time = values["datetime"]
        if tag in self.SKIP:
            self._skip += 1
        elif tag == "article":
            self._article += 1
        # Only the page's first <title> (not an SVG icon's) and its first <h1> give the title;
        # later <h1> headings stay in the body.
        if tag == "title" and not self._skip and not self.title:
            self._in_title = True
        if tag == "h1" and not self._skip and not self.h1:
            self._in_h1 = True
        if tag in self.BLOCK:
            self._emit("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag == "article" and self._article:
            self._article -= 1
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            self._in_h1 = False
        if tag in self.BLOCK:
            self._emit("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if self._skip:
            return
        if self._in_h1:
            self.h1 += data
            return
        self._emit(" ".join(data.split("\n")))

    def _emit(self, text: str) -> None:
        if self._skip:
            return
        self.parts.append(text)
        if self._article:
            self.article_parts.append(text)

    def read(self, page: str) -> None:
        """Tokenize ``page``, calling the handlers for text, start tags and end tags in order."""
        pos, n = 0, len(page)
        self._last_gt = page.rfind(">")
        while pos < n:
            lt = page.find("<", pos)
            if lt < 0:
                self.handle_data(html.unescape(page[pos:]))
                return
            if lt > pos:
                self.handle_data(html.unescape(page[pos:lt]))
            following = page[lt + 1:lt + 2]
            if following.isascii() and following.isalpha():
                pos = self._start_tag(page, lt)
            elif following in ("!", "?", "/"):
                pos = self._declaration_or_end_tag(page, lt)
            else:  # "a < b": a lone "<" is text
                self.handle_data("<")
                pos = lt + 1

    def _start_tag(self, page: str, lt: int) -> int:
        """Read the start tag at ``lt``; return where reading goes on (``len(page)`` to stop)."""
        name = _TAG_NAME.match(page, lt + 1)
        assert name is not None  # read() calls this only before a letter
        attributes: list[tuple[str, str | None]] = []
        pos = name.end()
        while True:
            found = _ATTRIBUTE.match(page, pos)
            if found is None:
                break
            value = found.group(2)
            if value is not None and value[:1] in ("'", '"'):
                value = value[1:-1]
            attributes.append((found.group(1).lower(), None if value is None else html.unescape(value)))
            pos = found.end()
        close = _TAG_CLOSE.match(page, pos)
        if close is None:
            if pos > self._last_gt:
                return len(page)  # a tag the page ends before closing is dropped, as in a browser
            self.handle_data("<")  # not a tag after all ("<a<b", '<a b="c"d'): the "<" is text
            return lt + 1
        tag = name.group(0).lower()
        self.handle_starttag(tag, attributes)
        if page[close.end() - 2] == "/":
            self.handle_endtag(tag)
            return close.end()
        end_pattern = _RAW_TEXT_END.get(tag)
        if end_pattern is None:
            return close.end()
        end = end_pattern.search(page, close.end())
        content = page[close.end():len(page) if end is None else end.start()]
        if content:
            self.handle_data(content if tag in ("script", "style") else html.unescape(content))
        if end is None:
            return len(page)
        self.handle_endtag(tag)
        gt = page.find(">", end.end())
        return len(page) if gt < 0 else gt + 1

    def _declaration_or_end_tag(self, page: str, lt: int) -> int:
        """Skip a comment, doctype or processing instruction, or read an end tag."""
        if page.startswith("<!--", lt):
            end = page.find("-->", lt + 4)
            return len(page) if end < 0 else end + 3
        gt = page.find(">", lt + 2)
        if gt < 0:
            return len(page)
        if page[lt + 1] == "/":
            name = _TAG_NAME.match(page, lt + 2)
            if name is not None:
                self.handle_endtag(name.group(0).lower())
        return gt + 1


def _read_html(path: Path, text: str, encoding: str) -> Document:
    where = printable(str(path))
    parser = _HTMLText()
    parser.read(text)
    body = "".join(parser.article_parts if "".join(parser.article_parts).strip() else parser.parts)
    meta = parser.meta
    title = _text_or_none(meta.get("og:title") or parser.h1 or parser.title)
    published = (meta.get("article:published_time") or meta.get("date") or meta.get("pubdate")
                 or meta.get("datepublished") or parser.time)
    return Document(
        article_id=printable(path.stem), body=body, title=title, published=parse_date(published, where=where),
        source=_text_or_none(meta.get("og:site_name")), url=_text_or_none(meta.get("og:url") or meta.get("canonical")),
        path=where, markdown=False, encoding=encoding,
    )


EXPORT_COLUMNS = ("id", "text", "title", "published", "source", "url")


def _read_export(path: Path, text: str, encoding: str, *, stem: str) -> Iterator[Document | Failure]:
    where = printable(str(path))
    if path.suffix.lower() == ".jsonl":
        rows: list[dict[str, object] | Failure] = []
        # JSON Lines are separated by "\n" only: U+2028, form feeds and the like may stand in a JSON string.
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (ValueError, RecursionError) as exc:  # RecursionError: "[[[[...", ValueError: 5,000 digits
                problem = (exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                           if isinstance(exc, RecursionError) else "a number too long to read")
                rows.append(Failure(where, f"{stem}-{n}", "ExportFormatError",
                                    f"{where}:{n}: not a JSON object ({problem})"))
                continue
            if not isinstance(record, dict):
                rows.append(Failure(where, f"{stem}-{n}", "ExportFormatError",
                                    f"{where}:{n}: expected a JSON object, got {type(record).__name__}"))
                continue
            if not isinstance(record.get("text", ""), str) and record.get("text") is not None:
                rows.append(Failure(where, f"{stem}-{n}", "ExportFormatError",
                                    f"{where}:{n}: 'text' must be a string, got {type(record['text']).__name__}"))
                continue
            record.setdefault("_row", n)
            rows.append(record)
        if not rows:
            raise EmptyInputError(hint("empty", path=path))
        records = [r for r in rows if isinstance(r, dict)]
        if records and not any("text" in r for r in records):
            raise ExportFormatError(hint("export_columns", path=path, columns=sorted(records[0])))
        yield from (r for r in rows if isinstance(r, Failure))
        yield from _unique_ids(_documents_from_records(records, path=where, stem=stem, encoding=encoding))
        return
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (ValueError, pd.errors.EmptyDataError) as exc:  # ParserError is a ValueError
        raise ExportFormatError(f"{where}: not a readable CSV export ({' '.join(str(exc).split())})") from None
    if "text" not in frame.columns:
        raise ExportFormatError(hint("export_columns", path=path, columns=list(frame.columns)))
    records = frame.to_dict("records")
    for n, record in enumerate(records, 2):
        record["_row"] = n
    yield from _unique_ids(_documents_from_records(records, path=where, stem=stem, encoding=encoding))


def _unique_ids(documents: Iterator[Document]) -> Iterator[Document | Failure]:
    """The documents of one export, with a row whose id an earlier row has taken turned into a Failure:
    two articles under one id could not be told apart in the tables."""
    seen: set[str] = set()
    for document in documents:
        if document.article_id in seen:
            yield Failure(document.path, document.article_id, "ExportFormatError",
                          f"{document.path}: more than one row has the id {document.article_id!r}; only the "
                          "first is read. Give every row its own id.")
            continue
        seen.add(document.article_id)
        yield document


def from_dataframe(frame: pd.DataFrame, *, name: str = "frame") -> list[Document]:
    """Make Documents from a DataFrame with a ``text`` column (and optional id, title, published, source, url).

    Raises:
        ExportFormatError: no ``text`` column.
    """
    if "text" not in frame.columns:
        raise ExportFormatError(hint("export_columns", path=name, columns=list(frame.columns)))
    records = frame.to_dict("records")
    for n, record in enumerate(records, 1):
        record["_row"] = n
    return [d for d in _documents_from_records(records, path=None, stem=name, encoding=None)
            if isinstance(d, Document)]


def _documents_from_records(records: list[dict[str, object]], *, path: str | None, stem: str,
                            encoding: str | None) -> Iterator[Document]:
    for record in records:
        row = record.get("_row")
        given_id = None if _missing(record.get("id")) else _text_or_none(_whole_number(record.get("id")))
        article_id = given_id or f"{stem}-{row}"
        body = record.get("text")
        body = "" if _missing(body) else str(body)
        where = f"{path or stem}:{row}"
        yield Document(
            article_id=article_id, body=body,
            title=None if _missing(record.get("title")) else _text_or_none(record.get("title")),
            published=parse_date(None if _missing(record.get("published")) else record.get("published"),
                                 where=where),
            source=None if _missing(record.get("source")) else _text_or_none(record.get("source")),
            url=None if _missing(record.get("url")) else _text_or_none(record.get("url")),
            path=path, encoding=encoding,
        )


def _whole_number(value: object) -> object:
    """1.0 -> 1: an integer id column with gaps reaches us as floats."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()
