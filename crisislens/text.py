"""Normalised article text, datelines, boilerplate and sentences with honest offsets.

Extracts: the normalised body of an article (quotes, dashes and whitespace made uniform, Markdown
markup and page furniture removed, hard-wrapped lines joined into paragraphs), its dateline
("JAKARTA - ", "MINSK, 7 February (BelTA) - ") and its sentences as character spans.

Every offset crisislens reports is an offset into the normalised text this module returns, so
``text[start:end] == surface`` holds by construction. It does not keep a map back to the raw
file: normalisation is cheap to re-run and the raw file is not the unit users count in.

Deliberately not done: tokenisation into Python objects (extractors scan sentences with compiled
patterns), language detection, and any statistical model (the splitter is rules plus the
abbreviation and sentence-opener lexicons).
"""

from __future__ import annotations

import html
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
    "\u202f": " ", "\u205f": " ", "\u3000": " ", "\t": " ",
    "\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n",
})
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_SPACES = re.compile(r" {2,}")

# Markdown, removed only from Markdown sources.
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>$|~\"'])")
_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{1,500})\]\([^)\n]{0,2000}\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>\n]{0,500})?/?>")
_MD_STRONG = re.compile(r"\*\*+|__+")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)|(?<=\S)_(?![\w_])")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_QUOTE = re.compile(r"^(?:>\s?)+")
_MD_RULE = re.compile(r"^(?:[*\-_]\s*){3,}$")
_BULLET = re.compile(r"^(?:[*+\-\u2022\u25cf\u25aa]\s+|\d{1,3}[.)]\s+)")

# A transcript turn label at the start of a paragraph: "MS. PSAKI:", "THE PRESIDENT:", "Q".
TRANSCRIPT_LABEL = re.compile(
    r"(?:Q(?=\s+\S)|Q:|[A-Z][A-Z'.\-]*(?:\s[A-Z][A-Z'.\-]*){0,5}(?:\s\d{1,2})?:)(?=\s|$)\s*"
)
_LABEL_NEEDS_TWO_LETTERS = re.compile(r"[A-Z].*[A-Z]|^Q")

DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'.\-]+(?:\s[A-Z][A-Z'.\-]+){0,3})"
    r"(?:,\s(?P<detail>[A-Za-z0-9 .']{1,40}?))?"
    r"(?:\s?\((?P<agency>[A-Za-z][A-Za-z0-9 .&'\-/]{0,30})\))?"
    r"\s?(?:--?|\u2013|\u2014)\s+(?=\S)"
)

_TERMINAL = re.compile(r"(?:\.\.\.|[.!?])+([\"')\]]*)(\s+)([\"'(\[]*)(\S)")
_WORD = re.compile(r"\w+(?:[-'.]\w+)*")
_TOKEN_BEFORE = re.compile(r"(\S+?)\.*$")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){1,}[A-Za-z]|[A-Z]")
_TERMINAL_LINE_END = re.compile(r"[.!?:;\"')\]]\s*$")


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
    return _INVISIBLE.sub("", text.translate(_CHAR_MAP))


def strip_markdown_line(line: str) -> str:
    """Remove Markdown and inline HTML markup from one line, keeping its words."""
    escaped = _MD_ESCAPE.sub(lambda m: chr(0xE000 + ord(m.group(1))), line)
    escaped = _MD_HEADING.sub("", _MD_QUOTE.sub("", escaped))
    escaped = _MD_IMAGE.sub("", escaped)
    escaped = _MD_LINK.sub(r"\1", escaped)
    escaped = _HTML_TAG.sub("", escaped)
    escaped = _MD_EMPHASIS.sub("", _MD_STRONG.sub("", escaped))
    unescaped = re.sub("[\ue000-\ue0ff]", lambda m: chr(ord(m.group(0)) - 0xE000), escaped)
    return clean_characters(html.unescape(unescaped))


def normalise(raw: str, *, markdown: bool = False, lexicon: Lexicon | None = None) -> Body:
    """Normalise an article body and find its paragraphs and dateline.

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
    lines = clean_characters(raw).split("\n")
    blocks = _paragraph_lines(lines, markdown=markdown)
    boilerplate = lexicon.boilerplate
    parts: list[str] = []
    for block in blocks:
        paragraph = " ".join(block)
        paragraph = _SPACES.sub(" ", paragraph).strip()
        if not paragraph or (boilerplate is not None and boilerplate.fullmatch(paragraph)):
            continue
        parts.append(paragraph)
    text = PARAGRAPH_BREAK.join(parts)
    paragraphs = []
    pos = 0
    for i, part in enumerate(parts):
        label = TRANSCRIPT_LABEL.match(part)
        label_end = pos + label.end() if label and _LABEL_NEEDS_TWO_LETTERS.search(label.group(0)) else None
        paragraphs.append(Paragraph(i, pos, pos + len(part), label_end))
        pos += len(part) + len(PARAGRAPH_BREAK)
    dateline, dateline_end = None, 0
    if parts and paragraphs[0].label_end is None:
        found = DATELINE.match(parts[0])
        if found and found.end() < len(parts[0]):
            dateline, dateline_end = found.group("place"), found.end()
    return Body(text, tuple(paragraphs), dateline, dateline_end)


def _paragraph_lines(lines: list[str], *, markdown: bool) -> list[list[str]]:
    """Group raw lines into paragraphs: blank lines separate; hard-wrapped lines are joined."""
    wrapped = _is_hard_wrapped(lines)
    blocks: list[list[str]] = []
    current: list[str] = []
    previous_breaks = True
    for raw_line in lines:
        stripped = raw_line.strip()
        if markdown and _MD_RULE.match(stripped):
            stripped = ""
        if not stripped:
            if current:
                blocks.append(current)
            current, previous_breaks = [], True
            continue
        starts_new = (not wrapped or previous_breaks or _BULLET.match(stripped) is not None
                      or (markdown and stripped.startswith(("#", ">")))
                      or TRANSCRIPT_LABEL.match(stripped) is not None and stripped[:1] != "Q"
                      or re.match(r"Q(?:\s{2,}|:)", stripped) is not None)
        if starts_new and current:
            blocks.append(current)
            current = []
        line = strip_markdown_line(stripped) if markdown else stripped
        if markdown:
            line = _BULLET.sub("", line) if _BULLET.match(stripped) else line
        current.append(line)
        heading = markdown and stripped.startswith("#")
        previous_breaks = raw_line.endswith("  ") or raw_line.endswith("\\") or heading
    if current:
        blocks.append(current)
    return blocks


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when most lines followed by another line stop mid-sentence (text wrapped at a width)."""
    inner = [a for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    if len(inner) < 2:
        return False
    open_ended = sum(1 for line in inner if not _TERMINAL_LINE_END.search(line))
    return open_ended * 2 >= len(inner)


def split_sentences(body: Body, *, lexicon: Lexicon | None = None) -> list[Sentence]:
    """Split a normalised body into sentences.

    Paragraph breaks always end a sentence. Inside a paragraph a sentence ends at ``.``, ``!``,
    ``?`` or ``...`` (plus closing quotes and brackets) followed by space and a capital letter,
    digit or opening quote, except after a title abbreviation ("Gen.", "Mr."), and after other
    abbreviations, initials and initialisms ("U.S.", "Feb.", "J.") unless a typical sentence
    opener follows. A dateline and a transcript label ("MS. PSAKI:", "Q") are not part of the
    first sentence of their paragraph.

    Example:
        >>> body = normalise('U.S. Sen. Bob Smith spoke. "We met," he said.')
        >>> [s.text for s in split_sentences(body)]
        ['U.S. Sen. Bob Smith spoke.', '"We met," he said.']
    """
    lexicon = lexicon or default_lexicon()
    text = body.text
    sentences: list[Sentence] = []
    for paragraph in body.paragraphs:
        start = paragraph.start
        if paragraph.label_end is not None:
            start = paragraph.label_end
        elif paragraph.paragraph_id == 0 and body.dateline_end:
            start = body.dateline_end
        for match in _TERMINAL.finditer(text, start, paragraph.end):
            if _ends_sentence(text, start, match, lexicon):
                end = match.start(2) + len(match.group(1))
                _append(sentences, text, paragraph.paragraph_id, start, end)
                start = match.start(3)
        _append(sentences, text, paragraph.paragraph_id, start, paragraph.end)
    return sentences


def _ends_sentence(text: str, sentence_start: int, match: re.Match[str], lexicon: Lexicon) -> bool:
    following = match.group(4)
    if following.islower():
        return False
    if not (following.isupper() or following.isdigit() or following in "$\u20ac\u00a3" or match.group(3)):
        return False
    punctuation = text[match.start():match.start(1)]
    if not punctuation.startswith(".") or punctuation.startswith("..."):
        return True
    word_start = text.rfind(" ", sentence_start, match.start()) + 1
    word_start = max(word_start, sentence_start)
    token = text[word_start:match.start()].lstrip("\"'([")
    if not token:
        return True
    if token in lexicon.title_abbreviations_cased:
        return False
    if token.isdigit() and word_start == sentence_start:
        return False  # an enumeration: "1. The first point"
    if (token.lower() in lexicon.other_abbreviations or _INITIALISM.fullmatch(token)
            or token.lower() in lexicon.title_abbreviations):
        next_word = _WORD.match(text, match.start(4))
        return bool(next_word) and next_word.group(0) in lexicon.sentence_openers
    return True


def _append(sentences: list[Sentence], text: str, paragraph_id: int, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        surface = text[start:end]
        sentences.append(Sentence(len(sentences), paragraph_id, start, end, surface,
                                  len(_WORD.findall(surface))))


def count_words(text: str) -> int:
    """Return the number of words in ``text`` (letters/digits joined by hyphens, apostrophes or dots)."""
    return len(_WORD.findall(text))
