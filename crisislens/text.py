"""Normalised article text, datelines, boilerplate and sentences with honest offsets.

Extracts: the normalised body of an article (quotes, dashes and whitespace made uniform, Markdown
markup and page furniture removed, hard-wrapped lines joined into paragraphs), its dateline
("JAKARTA - ", "MINSK, 7 February (BelTA) - ") and its sentences as character spans.

Every offset crisislens reports is an offset into the normalised text this module returns, so
``text[start:end] == surface`` holds by construction. It does not keep a map back to the raw
file: normalisation is cheap to re-run and the raw file is not the unit users count in.

Deliberately not done: tokenisation into Python objects (extractors scan sentences with compiled
patterns), language detection, and any statistical model (the splitter is rules plus the
abbreviation and sentence-opener lexicons). Known limits, kept as strict xfails in
tests/test_text.py: a quotation closed by "?" or "!" and followed by a named speaker ('"Why now?"
Blinken asked.') is split, and "U.S." or "a.m." ending a sentence before a name is not.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from dataclasses import dataclass

from crisislens.lexicon import Lexicon, default_lexicon

PARAGRAPH_BREAK = "\n\n"

# Characters mapped to one canonical form. Quotes become ASCII (direction is recovered from
# context by the quote extractor, and straight quotes are common in wire copy anyway); dash
# variants become an en dash or a hyphen; exotic spaces become a plain space.
_CHAR_MAP = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\uff02": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2039": "'", "\u203a": "'",
    "\u2032": "'", "\u00b4": "'", "\uff07": "'",
    "\u2010": "-", "\u2011": "-", "\u2212": "-", "\ufe63": "-", "\uff0d": "-",
    "\u2012": "\u2013", "\u2015": "\u2014", "\u2e3a": "\u2014", "\u2e3b": "\u2014",
    "\u2026": "...",
    "\u00a0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ",
    "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ",
    "\u202f": " ", "\u205f": " ", "\u3000": " ", "\u1680": " ", "\t": " ",
    "\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n",
    # Lone surrogates (from a JSON escape such as "\ud800", or a string built in Python) cannot be
    # written as UTF-8, so no table could be saved: they become the replacement character.
    **{code: "\ufffd" for code in range(0xD800, 0xE000)},
})
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_TYPEWRITER_QUOTES = re.compile(r"``|(?<!')''(?!')")
_SPACES = re.compile(r" {2,}")

# Markdown, removed only from Markdown sources. Link text and targets stop at the next bracket so a
# line of unmatched brackets is scanned once, not once per bracket.
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>$|~\"'])")
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\]\([^()\[\]\n]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]\([^()\[\]\n]{0,2000}\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>\n]{0,500})?/?>")
_MD_STRONG = re.compile(r"\*\*+|__+")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)|(?<=\S)_(?![\w_])")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_QUOTE = re.compile(r"^(?:>\s?)+")
_MD_RULE = re.compile(r"^(?:(?:[*\-_]\s*){3,}|#{1,6})$")
_ESCAPE_PLACEHOLDER = re.compile("[\ue000-\ue0ff]")  # escaped characters hidden while markup is removed
_BULLET = re.compile(r"^(?:[*+\-\u2022\u25cf\u25aa]\s+|\d{1,3}[.)]\s+)")
# Bullet glyphs are list markers in any file; "-", "*" and "1." are only taken as such in Markdown.
_BULLET_GLYPH = re.compile(r"^[\u2022\u25cf\u25aa\u2023\u25e6]\s*")

UPPER = "A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽŐŰ"
"""Capital letters of names in transcript labels ("PRESIDENT NIINISTÖ:"), for a regex character set."""

# A transcript turn label at the start of a paragraph: "MS. PSAKI:", "THE PRESIDENT:", "Q".
TRANSCRIPT_LABEL = re.compile(
    rf"(?:Q(?=\s+\S)|Q:|[{UPPER}][{UPPER}'.\-]*(?:\s[{UPPER}][{UPPER}'.\-]*){{0,5}}(?:\s\d{{1,2}})?:)(?=\s|$)\s*"
)
_LABEL_NEEDS_TWO_LETTERS = re.compile(r"[A-Z].*[A-Z]|^Q")
_Q_LABEL_LINE = re.compile(r"Q(?:\s{2,}|:)")

DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'.\-]+(?:\s[A-Z][A-Z'.\-]+){0,3})"
    r"(?:,\s(?P<detail>[A-Za-z0-9 .']{1,40}?))?"
    r"(?:\s?\((?P<agency>[A-Za-z][A-Za-z0-9 .&'\-/]{0,30})\))?"
    r"\s?(?:--?|\u2013|\u2014)\s+(?=\S)"
)

# A candidate sentence end: terminal marks, closing quotes/brackets (kept in the ending sentence),
# space, opening quotes/brackets (kept in the next sentence), and the first character after them.
# Linear time: one character class for the marks ("(?:\.\.\.|[.!?])+" can split a run of dots in
# exponentially many ways), and a match only starts at the first mark of a run, so a failed run is
# not tried again from each of its dots.
_TERMINAL = re.compile(r"(?<![.!?])[.!?]+([\"')\]]*)(\s+)([\"'(\[]*)(\S)")
_WORD = re.compile(r"\w+(?:[-'.]\w+)*")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){1,}[A-Za-z]|[A-Z]")
_LINE_TERMINALS = tuple(".!?:;\"')]")
_CURRENCY = "$\u20ac\u00a3"

MAX_SENTENCE_CHARS = 5_000
"""A stretch of text longer than this without a sentence end is cut into pieces of at most this many
characters (at a space when there is one). No real sentence is that long (the longest in 58,000
sentences of government and news text has 2,452 characters): such a stretch is a list, a table or
text without full stops, and the extractors, which look at whole sentences, would take time growing
with the square of its length."""

# Hard-wrap detection: wrapped text has a typical line length in this range (characters).
_WRAP_WIDTH = (40, 100)
_SHORT_LINE = 0.6  # in wrapped text, a line shorter than this share of the width may end its paragraph
_Line = tuple[str, int, bool, bool, int]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the normalised text: its span and, if any, its transcript turn label."""

    paragraph_id: int
    start: int
    end: int
    label_end: int | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence span of the normalised text."""

    sentence_id: int
    paragraph_id: int
    start: int
    end: int
    text: str
    n_words: int


@dataclass(frozen=True)
class Body:
    """The normalised text of an article and its layout."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    dateline: str | None = None
    dateline_end: int = 0


def clean_characters(raw: str) -> str:
    """Return ``raw`` in NFC with uniform quotes, dashes, spaces and line ends, invisible characters removed.

    Example:
        >>> clean_characters("\u201cYes\u201d \u2014 it\u2019s")
        '"Yes" \u2014 it\\'s'
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text.translate(_CHAR_MAP))
    # Typewriter double quotes: ``like this'' (TeX, some wire services) and ''like this'' (the New
    # York Times archive) become ordinary double quotes.
    return _TYPEWRITER_QUOTES.sub('"', text) if "''" in text or "``" in text else text


def strip_markdown_line(line: str) -> str:
    """Remove Markdown and inline HTML markup from one line, keeping its words.

    Example:
        >>> strip_markdown_line("**Talks** in [Geneva](https://example.org) <u>ended</u> &amp; resumed")
        'Talks in Geneva ended & resumed'
    """
    return _strip_markdown(clean_characters(line))


def _strip_markdown(line: str) -> str:
    """:func:`strip_markdown_line` for a line already cleaned; each pattern runs only if its marker is there."""
    escaped = _MD_ESCAPE.sub(_hide_escape, line) if "\\" in line else line
    if escaped[:1] in ("#", ">"):
        escaped = _MD_HEADING.sub("", _MD_QUOTE.sub("", escaped))
    if "[" in escaped:
        escaped = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", escaped))
    if "<" in escaped:
        escaped = _HTML_TAG.sub("", escaped)
    if "*" in escaped or "_" in escaped:
        escaped = _MD_EMPHASIS.sub("", _MD_STRONG.sub("", escaped))
    if escaped is not line and "\\" in line:
        escaped = _ESCAPE_PLACEHOLDER.sub(_unhide_escape, escaped)
    return clean_characters(html.unescape(escaped)) if "&" in escaped else escaped


def _hide_escape(match: re.Match[str]) -> str:
    return chr(0xE000 + ord(match.group(1)))


def _unhide_escape(match: re.Match[str]) -> str:
    return chr(ord(match.group(0)) - 0xE000)


def normalise(raw: str, *, markdown: bool = False, lexicon: Lexicon | None = None) -> Body:
    """Normalise an article body and find its paragraphs and dateline.

    Lines are grouped into paragraphs: a blank line always separates two; a hard-wrapped file (lines
    cut at a fixed width, as in wire copy and White House releases) has its lines joined, while a file
    with one paragraph per line keeps every line apart. List items, headings and transcript turns
    always start a paragraph. Boilerplate lines ("SEE ALSO:", "Advertisement") are dropped.

    Args:
        raw: the article body (title and front matter already removed).
        markdown: strip Markdown/HTML markup (for .md sources).
        lexicon: supplies the boilerplate line patterns; the bundled lexicon by default.

    Returns:
        A :class:`Body` whose ``text`` has paragraphs separated by a blank line.

    Example:
        >>> body = normalise("JAKARTA - Talks   went on.\\nSEE ALSO:\\nThey ended.")
        >>> body.text, body.dateline
        ('JAKARTA - Talks went on.\\n\\nThey ended.', 'JAKARTA')
    """
    lexicon = lexicon or default_lexicon()
    boilerplate = lexicon.boilerplate
    lines = clean_characters(raw).split("\n")
    # Line lengths for hard-wrap detection are measured on the raw lines, where a wrapper's
    # unbreakable runs (words glued by no-break spaces) are still one word.
    raw_lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = _paragraph_lines(lines, raw_lines if len(raw_lines) == len(lines) else lines,
                              markdown=markdown, boilerplate=boilerplate)
    parts: list[str] = []
    for block in blocks:
        paragraph = _SPACES.sub(" ", " ".join(block)).strip()
        if markdown and "](" in paragraph:  # a link wrapped over two lines
            paragraph = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", paragraph))
        if not paragraph or (boilerplate is not None and boilerplate.fullmatch(paragraph)):
            continue
        parts.append(paragraph)
    text = PARAGRAPH_BREAK.join(parts)
    paragraphs = []
    pos = 0
    for i, part in enumerate(parts):
        paragraphs.append(Paragraph(i, pos, pos + len(part), _label_end(part, pos)))
        pos += len(part) + len(PARAGRAPH_BREAK)
    dateline, dateline_end = None, 0
    if parts and paragraphs[0].label_end is None:
        found = DATELINE.match(parts[0])
        # A dateline is followed by the first sentence, which starts with a capital, digit or quote;
        # "NATO - the alliance - ..." is a sentence, not a dateline.
        after = parts[0][found.end():].lstrip("\"'([") if found else ""
        if found and (after[:1].isupper() or after[:1].isdigit()):
            dateline, dateline_end = found.group("place"), found.end()
    return Body(text, tuple(paragraphs), dateline, dateline_end)


def _label_end(paragraph: str, offset: int) -> int | None:
    """End offset of a transcript label opening ``paragraph``; None when there is none.

    A label is followed by the speaker's words: an all-capitals line that is nothing but a label
    ("NOMINATIONS SENT TO THE SENATE:") is a heading and stays text.
    """
    label = TRANSCRIPT_LABEL.match(paragraph)
    if label is None or label.end() >= len(paragraph) or not _LABEL_NEEDS_TWO_LETTERS.search(label.group(0)):
        return None
    return offset + label.end()


def _paragraph_lines(lines: list[str], raw_lines: list[str], *, markdown: bool,
                     boilerplate: re.Pattern[str] | None) -> list[list[str]]:
    """Group cleaned lines into paragraphs: blank lines separate; hard-wrapped lines are joined."""
    # One entry per line: None for a blank line, else (text, raw length, starts a block, forced
    # break, length of its first raw word).
    entries: list[_Line | None] = []
    for cleaned, raw_line in zip(lines, raw_lines, strict=True):
        stripped = cleaned.strip()
        if not stripped or (markdown and _MD_RULE.match(stripped)):
            entries.append(None)
            continue
        bullet = (_BULLET if markdown else _BULLET_GLYPH).match(stripped) is not None
        heading = markdown and stripped.startswith("#")
        starts_block = (bullet or heading or (markdown and stripped.startswith(">"))
                        or _Q_LABEL_LINE.match(stripped) is not None
                        or (stripped[:1] != "Q" and TRANSCRIPT_LABEL.match(stripped) is not None))
        line = _strip_markdown(stripped) if markdown else stripped
        if bullet:
            line = (_BULLET if markdown else _BULLET_GLYPH).sub("", line, count=1)
        forced_break = heading or (markdown and (cleaned.endswith("  ") or cleaned.endswith("\\")))
        measured = raw_line.strip(" \t")  # no-break spaces count, as they did for the wrapper
        first_word = measured.find(" ")
        entries.append((line, len(measured), starts_block, forced_break,
                        len(measured) if first_word < 0 else first_word))
    width = _wrap_width(entries)
    blocks: list[list[str]] = []
    current: list[str] = []
    previous: _Line | None = None
    for entry in entries:
        if entry is None or (boilerplate is not None and boilerplate.fullmatch(entry[0]) and not (
                width and previous is not None and not previous[0].endswith(_LINE_TERMINALS)
                and _continues(previous, entry, width))):
            # Page furniture on a line of its own works as a paragraph break, unless it is the
            # continuation of a wrapped sentence.
            if current:
                blocks.append(current)
            current, previous = [], None
            continue
        if current and (previous is None or not width or not _continues(previous, entry, width)):
            blocks.append(current)
            current = []
        current.append(entry[0])
        previous = entry
    if current:
        blocks.append(current)
    return blocks


def _continues(previous: _Line, line: _Line, width: int) -> bool:
    """In hard-wrapped text, whether ``line`` continues the paragraph of the line before it."""
    if line[2] or previous[3]:
        return False
    # A line well short of the width, although the next line's first word would have fitted on
    # it, ends its paragraph (a heading, or a paragraph's last line) if the next line could open one.
    short = previous[1] < width * _SHORT_LINE and previous[1] + 1 + line[4] <= width
    return not short or not (line[0][:1].isupper() or line[0][:1] in "\"'(0123456789")


def _wrap_width(entries: list[_Line | None]) -> int:
    """The typical length of a hard-wrapped line, or 0 when the text keeps one paragraph per line.

    Wrapped text has lines of about the same length (40 to 100 characters), most of which stop
    mid-sentence, or nearly all of which are within a few words of the width.
    """
    inner = [a for a, b in itertools.pairwise(entries) if a is not None and b is not None and not b[2]]
    if len(inner) < 2:
        return 0
    lengths = sorted(a[1] for a in inner)
    width = lengths[len(lengths) // 2]
    if not _WRAP_WIDTH[0] <= width <= _WRAP_WIDTH[1]:
        return 0
    open_ended = sum(1 for a in inner if not a[0].endswith(_LINE_TERMINALS))
    full = sum(1 for a in inner if width - 20 <= a[1] <= width + 10)
    if open_ended * 2 >= len(inner) or (len(inner) >= 3 and full * 5 >= len(inner) * 4):
        return width
    return 0


def split_sentences(body: Body, *, lexicon: Lexicon | None = None) -> list[Sentence]:
    """Split a normalised body into sentences.

    Paragraph breaks always end a sentence. Inside a paragraph a sentence ends at ``.``, ``!``,
    ``?`` or ``...`` (plus closing quotes and brackets, which stay in the ending sentence) followed
    by space and a capital letter, digit, currency sign or opening quote or bracket, except:

    - after a title abbreviation ("Gen.", "Mr.", "Lt.");
    - after other abbreviations ("Feb.", "Inc.", "No."), dotted initialisms ("U.S.", "a.m.") and
      initials ("J."), unless a typical sentence opener follows ("The", "He"); never before a
      digit ("Feb. 20", "No. 3"); an abbreviation that is also a sentence opener and makes up the
      whole sentence (the answer "No.") ends it;
    - after a number that opens its sentence ("1. The first point").

    A dateline and a transcript label ("MS. PSAKI:", "Q") are not part of the first sentence of
    their paragraph. A stretch longer than :data:`MAX_SENTENCE_CHARS` without a sentence end is cut
    into pieces of at most that length.

    Example:
        >>> body = normalise('U.S. Sen. Bob Smith spoke. "We met," he said.')
        >>> [s.text for s in split_sentences(body)]
        ['U.S. Sen. Bob Smith spoke.', '"We met," he said.']
    """
    lexicon = lexicon or default_lexicon()
    rules = _Rules.from_lexicon(lexicon)
    text = body.text
    sentences: list[Sentence] = []
    for paragraph in body.paragraphs:
        start = paragraph.start
        if paragraph.label_end is not None:
            start = paragraph.label_end
        elif paragraph.paragraph_id == 0 and body.dateline_end:
            start = body.dateline_end
        for match in _TERMINAL.finditer(text, start, paragraph.end):
            if _ends_sentence(text, start, match, rules):
                _append(sentences, text, paragraph.paragraph_id, start, match.start(2))
                start = match.start(3)
        _append(sentences, text, paragraph.paragraph_id, start, paragraph.end)
    return sentences


@dataclass(frozen=True)
class _Rules:
    """The lexicon entries the splitter consults, as written (case matters: "No." but not "no.")."""

    titles: frozenset[str]
    abbreviations: frozenset[str]
    openers: frozenset[str]

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> _Rules:
        abbreviations = [r["abbreviation"].strip().rstrip(".") for r in lexicon.table("abbreviations")
                         if r["kind"] == "abbrev"]
        return cls(lexicon.title_abbreviations_cased,
                   frozenset(abbreviations + [a.upper() for a in abbreviations]),
                   lexicon.sentence_openers)


def _ends_sentence(text: str, sentence_start: int, match: re.Match[str], rules: _Rules) -> bool:
    following = match.group(4)
    if following.islower():
        return False
    opening = match.group(3)
    if not (following.isupper() or following.isdigit() or following in _CURRENCY or opening):
        return False
    punctuation = text[match.start():match.start(1)]
    if "?" in punctuation or "!" in punctuation:
        return True
    if punctuation.startswith("..."):
        return True  # an ellipsis before a capital ends a sentence far more often than it marks an omission
    word_start = max(text.rfind(" ", sentence_start, match.start()) + 1, sentence_start)
    token = text[word_start:match.start()].lstrip("\"'([")
    if not token:
        return True
    if token in rules.titles:
        return False
    if token.isdigit() and word_start == sentence_start:
        return False  # an enumeration: "1. The first point"
    listed = token in rules.abbreviations
    if listed or _INITIALISM.fullmatch(token):
        if following.isdigit():
            return False
        # "No." that is a whole sentence (an answer) ends it; "St. Louis" at a sentence start does not.
        return _opens_sentence(text, match, rules) or (
            listed and word_start == sentence_start and token in rules.openers)
    return True


def _opens_sentence(text: str, match: re.Match[str], rules: _Rules) -> bool:
    next_word = _WORD.match(text, match.start(4))
    return next_word is not None and next_word.group(0) in rules.openers


def _append(sentences: list[Sentence], text: str, paragraph_id: int, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        # Cut at the last space in the second half of the window (anywhere, if it has none).
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = start + MAX_SENTENCE_CHARS if cut < 0 else cut
        _append(sentences, text, paragraph_id, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        surface = text[start:end]
        sentences.append(Sentence(len(sentences), paragraph_id, start, end, surface,
                                  len(_WORD.findall(surface))))


def count_words(text: str) -> int:
    """Return the number of words in ``text`` (letters/digits joined by hyphens, apostrophes or dots)."""
    return len(_WORD.findall(text))
