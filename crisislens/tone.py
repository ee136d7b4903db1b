"""Polarity and subjectivity of a text as TextBlob scores them, recomputed quickly.

Extracts: the ``(polarity, subjectivity)`` pair of ``textblob.en.sentiment`` (the scorer behind
TextBlob's PatternAnalyzer), as the very same floats. The language knowledge is the installed
textblob's, taken from it at first use: the sentiment word list (read from its XML file), the
punctuation, quotes, abbreviation rules, sentence ends, emoticon table and negation words. This
module only brings a faster procedure, about six times faster: one compiled pattern cuts the text
into TextBlob's tokens and dictionary look-ups score them, where TextBlob builds several strings
and a dictionary per assessment. textblob, whose import takes a few hundred milliseconds, is
imported on the first score, not when this module is imported.

Deliberately not done: anything TextBlob does not do. In crisislens ``tone`` means TextBlob's
polarity, so its peculiarities are reproduced rather than fixed:

- Word-list entries with a space ("for sure") or an apostrophe ("can't") never match: the text
  is split into tokens before the look-up.
- Of the negation words only "no", "not" and "never" take effect; "n't" is listed too, but
  "don't" reaches the scorer as "do", "n", "'", "t". A negation carries over one-character tokens
  and no others ("not a fair deal" is negated, "not the fair deal" is not). When an "-ly"
  modifier is pending ("highly not useful"), the negation is attached to the modifier's
  assessment instead.
- Negating an assessment flips the sign of its polarity and halves it, and replaces the intensity
  it passes on by its reciprocal ("not very useful" divides by the 1.3 of "very").
- A known word with an adverb sense acts on the next known word of any kind, unless a token of
  three or more characters comes between (so "very, very concerned" chains). Both make a single
  assessment: the second word's scores times the first word's intensity, kept within [-1, 1];
  the adverb's own scores are lost. Each adjective also lends its scores to an "-ly" adverb
  ("awful" to "awfully", "simple" to "simply"), replacing a listed adverb of the same spelling,
  so "really" scores as the adjective "real" with intensity 1.0.
- "!" multiplies the polarity of the most recent assessment, however far back, by 1.25, kept
  within [-1, 1]; "(!)" adds an assessment of polarity 0 and subjectivity 1.
- Emoticons are assessments. Within one of TextBlob's sentences, characters the tokeniser split
  apart are joined again when they form a face: "(page 8)" ends in the smiley "8)", while "2018)"
  stays one token. Of two faces that start alike, the one in the earlier group of TextBlob's
  table wins (":o)" rather than ":o"). Faces made only of letters, such as "XD", are never looked up.
- A word keeps its final dot when TextBlob's case-sensitive abbreviation rules accept it ("e.g.",
  "Mr.", "U.S.", not "Gen."); otherwise the dot is a token of its own. Three or more dots in a row
  are one "..." token.
- Words missing from the word list carry no weight: both scores are means over the assessments
  alone, and (0.0, 0.0) when there is none.
"""

from __future__ import annotations

import functools
import inspect
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from xml.parsers import expat

from crisislens.errors import LexiconError, hint

# TextBlob keeps the following numbers and marks inside the bodies of its functions, where they
# cannot be read at run time; they state how its scorer behaves, and the tests compare every
# score with TextBlob's own.
EXCLAMATION_BOOST = 1.25
"""What "!" multiplies the latest polarity by."""
NEGATED_POLARITY = -0.5
"""What a negated assessment's polarity is multiplied by."""
LONGEST_FACE = 5
"""Tokens longer than this are never looked up as emoticons."""
EXCLAMATION = "!"
IRONY = "(!)"
"""The irony mark: an exclamation mark in parentheses, spaces inside allowed, is one token."""
ELLIPSIS = "..."


def _textblob() -> tuple[ModuleType, Any]:
    """TextBlob's tokeniser module and its English sentiment scorer, imported on first use.

    Raises:
        LexiconError: textblob is not installed.
    """
    try:
        from textblob import _text
        from textblob.en import sentiment
    except ImportError:
        raise LexiconError(hint("lexicon", path="textblob/en/en-sentiment.xml", line=0, problem=(
            "textblob is not installed; tone scores use its word list and rules. Install it: "
            "pip install textblob"))) from None
    return _text, sentiment


# --- tokens ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Tokeniser:
    """TextBlob's tokenising rules as crisislens applies them.

    ``glue`` (emoticons) and ``irony`` ("(!)") are TextBlob's own patterns; the others are built
    from its values. ``terminals`` end a sentence, ``closers`` stay in the sentence a terminal ends.
    """

    contractions: tuple[tuple[str, str], ...]
    token: re.Pattern[str]
    may_glue: re.Pattern[str]
    glue: re.Pattern[str]
    irony: re.Pattern[str]
    paragraph_break: re.Pattern[str]
    paragraph_marker: str
    terminals: frozenset[str]
    closers: frozenset[str]


@functools.lru_cache(maxsize=1)
def _textblob_tokeniser() -> _Tokeniser:
    """Compile the installed textblob's tokenising rules, once per process."""
    text_module, sentiment = _textblob()
    tokenise = sentiment.tokenizer
    punctuation = text_module.PUNCTUATION
    marks = frozenset(punctuation) - {"."}  # TextBlob treats the dot apart: it may end an abbreviation
    quotes = _quotes(tokenise)
    paragraph_marker = text_module.EOS
    terminals, closers = _sentence_ends(tokenise, [*punctuation, *quotes, ELLIPSIS, paragraph_marker])
    mark = "".join(re.escape(c) for c in sorted(marks))
    quote = "".join(re.escape(c) for c in sorted(quotes))
    listed = "|".join(re.escape(a) for a in sorted(text_module.ABBREVIATIONS, key=lambda a: (-len(a), a))
                      if a.endswith("."))
    rules = "|".join(_inline(p) for p in (text_module.RE_ABBR1, text_module.RE_ABBR2, text_module.RE_ABBR3))
    # One token after any spaces (captured without them), tried in this order: a word of letters and
    # digits followed only by marks up to the end of its chunk (a run of non-space characters), the
    # common case; a mark or quote (a mark inside a word is never reached: words are taken whole); an
    # abbreviation with its dot, when only marks follow in its chunk and not three dots (TextBlob asks
    # its abbreviation rules only about a word ending in a dot, hence the look-behind); any other
    # word, up to its last character that is not a mark or dot; an ellipsis of three or more dots
    # (TextBlob drops the extra dots, and so do the callers); a dot.
    token = re.compile(
        rf"\s*([^\W_]+(?=[{mark}]*(?![^\s{quote}]))"
        rf"|[{mark}{quote}]"
        rf"|(?:{listed}|{rules})(?<=\.)(?=\.?(?!\.)[{mark}.]*(?![^\s{quote}]))"
        rf"|(?:[^\s{quote}{mark}][^\s{quote}]*)?[^\s{quote}{mark}.]"
        rf"|\.\.\.+|\.)"
    )
    faces = [face for group in text_module.EMOTICONS.values() for face in group]
    # Whether TextBlob could glue anything, asked of the text before tokenising: a face or the irony
    # mark, with any spaces between its characters. A face that ends in a letter, digit or dot must
    # end a token, so a mark, dot, quote, space or the end follows it (this keeps "follows: people"
    # off the slow road for ":p").
    may_glue = re.compile(_faces_trie(
        [(f, "" if f[-1] in marks else rf"(?=[\s{quote}{mark}.]|\Z)") for f in [*faces, IRONY]], r"\s*"))
    # TextBlob rewrites contractions before anything else. A rewrite that only puts a space before a
    # quote cannot change the tokens, quotes being cut out anyway, so it is skipped; what is left
    # ("n't") moves a token boundary. The contractions are plain strings, so str.replace does what
    # TextBlob's re.sub does.
    contractions = tuple((old, new) for old, new in text_module.replacements.items()
                         if not (old[0] in quotes and new.split() == [old]))
    # TextBlob's break between paragraphs is the default of its tokeniser's ``linebreak`` argument.
    paragraph_break = inspect.signature(text_module.find_tokens).parameters["linebreak"].default
    return _Tokeniser(contractions, token, may_glue, text_module.RE_EMOTICONS, text_module.RE_SARCASM,
                      re.compile(paragraph_break), paragraph_marker, terminals, closers)


def _quotes(tokenise: Callable[[str], list[str]]) -> str:
    """The punctuation characters TextBlob's tokeniser cuts out even from inside a word: its quotes.

    Asked of the tokeniser for every punctuation character of Unicode's Basic Multilingual Plane.
    """
    candidates = (chr(c) for c in range(0x10000) if unicodedata.category(chr(c))[0] == "P")
    return "".join(c for c in candidates if tokenise(f"a{c}a") == [f"a {c} a"])


def _sentence_ends(tokenise: Callable[[str], list[str]],
                   candidates: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The tokens that end a TextBlob sentence, and those that stay in the sentence one of them ends.

    Asked of the tokeniser for each candidate token; "a" is part of no emoticon, so nothing is glued.
    """
    terminals = frozenset(t for t in candidates if len(tokenise(f"a {t} a")) == 2)
    end = min(terminals)
    closers = frozenset(t for t in candidates if tokenise(f"a {end} {t} a")[1:] == ["a"])
    return terminals, closers


def _inline(pattern: re.Pattern[str]) -> str:
    """A whole-token pattern of TextBlob's as part of a longer one: anchors dropped, groups not captured."""
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern.pattern.removeprefix("^").removesuffix("$"))


def _faces_trie(faces: list[tuple[str, str]], gap: str) -> str:
    """One pattern for (face, what must follow it) pairs, ``gap`` between characters, shared starts once.

    One branch per distinct character keeps the search fast: a plain alternation of faces is tried
    face by face at every "o", "x" and "8" of a text.
    """
    branches = []
    for first in sorted({face[0] for face, _ in faces}):
        longer = [(face[1:], end) for face, end in faces if face[0] == first and len(face) > 1]
        rest = [f"{gap}(?:{_faces_trie(longer, gap)})"] if longer else []
        rest += [end for face, end in faces if face == first]
        branches.append(re.escape(first) + (rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")"))
    return "|".join(branches)


def sentiment_tokens(text: str) -> list[str]:
    """Return the lower-case tokens TextBlob's sentiment scorer sees in ``text``.

    Raises:
        LexiconError: on first use, when textblob is not installed.

    Example:
        >>> sentiment_tokens("Don't say \u201cU.S. talks failed...\u201d :-)")
        ['do', 'n', "'", 't', 'say', '\u201c', 'u.s.', 'talks', 'failed', '...', '\u201d', ':-)']
    """
    tokeniser = _textblob_tokeniser()
    for old, new in tokeniser.contractions:
        if old in text:
            text = text.replace(old, new)
    if tokeniser.may_glue.search(text) is None and tokeniser.paragraph_marker not in text:
        found = tokeniser.token.findall(text)
        if "...." in text:
            found = [ELLIPSIS if t[:4] == "...." and not t.strip(".") else t for t in found]
    else:
        found = _glued_tokens(text, tokeniser)
    return " ".join(found).lower().split(" ") if found else []


def _glued_tokens(text: str, tokeniser: _Tokeniser) -> list[str]:
    """Tokens with emoticons and the irony mark glued back, which TextBlob does sentence by sentence."""
    marker = tokeniser.paragraph_marker
    text = tokeniser.paragraph_break.sub(f" {marker} ", text.replace("\r\n", "\n"))
    sentences: list[list[str]] = [[]]
    closing = False
    for found in tokeniser.token.findall(text):
        token = ELLIPSIS if found[:4] == "...." and not found.strip(".") else found
        if closing and token not in tokeniser.closers:
            sentences.append([])
            closing = False
        sentences[-1].append(token)
        closing = closing or token in tokeniser.terminals
    glued = []
    for sentence in sentences:
        joined = " ".join(t for t in sentence if t != marker)
        if joined:
            joined = tokeniser.irony.sub(IRONY, joined)
            glued.append(tokeniser.glue.sub(_glue, joined))
    return " ".join(glued).split()


def _glue(match: re.Match[str]) -> str:
    return match.group(1).replace(" ", "") + match.group(2)


# --- scores ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SentimentLexicon:
    """TextBlob's English word list and scoring settings as crisislens scores with them.

    ``words`` maps a lower-case word to (polarity, subjectivity, intensity, modifies), the means
    over its senses as TextBlob computes them; ``modifies`` is whether it has an adverb sense.
    ``emoticons`` maps each lower-case face TextBlob looks up to its polarity. ``negations`` are
    TextBlob's negation words, and ``negation_joins_modifier`` tells of a pending modifier whether
    a negation that follows it joins its assessment. ``signals`` holds the unknown tokens that
    count even when no modifier or negation waits (faces, negations, "!", "(!)").
    """

    path: str
    words: dict[str, tuple[float, float, float, bool]]
    emoticons: dict[str, float]
    negations: frozenset[str]
    negation_joins_modifier: Callable[[str], bool]
    signals: frozenset[str]


def textblob_word_list() -> Path:
    """Return the path of the sentiment word list (an XML file) of the installed textblob.

    Raises:
        LexiconError: textblob is not installed.
    """
    _, sentiment = _textblob()
    return Path(sentiment.path)


def load_sentiment_lexicon(path: str | os.PathLike[str] | None = None) -> SentimentLexicon:
    """Read a TextBlob sentiment word list and average it the way TextBlob does.

    Each ``<word form=... pos=... polarity=... subjectivity=... intensity=...>`` is one sense.
    A word's score for a part of speech is the mean over its senses; its score is the mean over
    its parts of speech. Then every adjective gives an adverb (``y`` -> ``i``, a final ``le``
    dropped, ``ly`` added) with the adjective's scores, replacing any entry of that name. Tags,
    negations and emoticons are the installed textblob's.

    Args:
        path: the XML file; the installed textblob's by default.

    Returns:
        The word list, ready for :func:`polarity_subjectivity`.

    Raises:
        LexiconError: textblob is not installed, or the file is missing or malformed; the
            message names file and line.

    Example:
        >>> load_sentiment_lexicon().words["awfully"][:2]
        (-1.0, 1.0)
    """
    text_module, sentiment = _textblob()
    path = Path(path) if path is not None else Path(sentiment.path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LexiconError(hint("lexicon", path=path, line=0, problem=(
            f"cannot read TextBlob's sentiment word list ({exc.strerror}); reinstall textblob"))) from None
    senses = _read_senses(path, data)
    # Per word: {part of speech: [means]}, parts of speech in order of appearance, then None for all.
    words: dict[str, dict[str | None, tuple[float, ...]]] = {}
    for form, by_pos in senses.items():
        scores: dict[str | None, tuple[float, ...]] = {pos: _means(rows) for pos, rows in by_pos.items()}
        scores[None] = _means(list(scores.values()))
        words[form] = scores
    adjective, adverb = text_module.ADJECTIVE, text_module.ADVERB
    for form, scores in list(words.items()):
        if adjective in scores:
            stem = form[:-1] + "i" if form.endswith("y") else form
            stem = stem[:-2] if stem.endswith("le") else stem
            derived = words.setdefault(stem + "ly", {})
            derived[adverb] = derived[None] = scores[adjective]
    modifier_tags = tuple(sentiment.modifiers)
    lookup = {form: (*scores[None][:3], any(tag in scores for tag in modifier_tags))
              for form, scores in words.items() if form == form.lower()}
    punctuation = text_module.PUNCTUATION
    emoticons: dict[str, float] = {}
    for (_, polarity), faces in text_module.EMOTICONS.items():  # in table order: the first group wins
        for face in faces:
            token = face.lower()
            # TextBlob looks up only short tokens that are not all letters and not a run of its marks.
            if not token.isalpha() and len(token) <= LONGEST_FACE and token not in punctuation:
                emoticons.setdefault(token, polarity)
    negations = frozenset(sentiment.negations)
    return SentimentLexicon(str(path), lookup, emoticons, negations, sentiment.modifier,
                            frozenset([*emoticons, *negations, EXCLAMATION, IRONY]))


def _read_senses(path: Path, data: bytes) -> dict[str, dict[str | None, list[tuple[float, float, float]]]]:
    """The senses of each word form, grouped by part of speech, in order of appearance."""
    senses: dict[str, dict[str | None, list[tuple[float, float, float]]]] = {}
    parser = expat.ParserCreate()
    depth = 0

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        if depth != 2 or tag != "word" or not attributes.get("form"):
            return  # only <word> elements right under the root count, as in TextBlob
        try:  # a missing score counts as TextBlob counts it: polarity 0, subjectivity 0, intensity 1
            row = (float(attributes.get("polarity", 0.0)), float(attributes.get("subjectivity", 0.0)),
                   float(attributes.get("intensity", 1.0)))
        except ValueError as exc:
            raise LexiconError(hint("lexicon", path=path, line=parser.CurrentLineNumber, problem=(
                f"word {attributes['form']!r}: {exc}; polarity, subjectivity and intensity are numbers"))) from None
        senses.setdefault(attributes["form"], {}).setdefault(attributes.get("pos"), []).append(row)

    def end(tag: str) -> None:
        nonlocal depth
        depth -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise LexiconError(hint("lexicon", path=path, line=exc.lineno, problem=(
            f"not well-formed XML ({expat.ErrorString(exc.code)}); reinstall textblob"))) from None
    if not senses:
        raise LexiconError(hint("lexicon", path=path, line=0, problem="no <word form=...> entries"))
    return senses


def _means(rows: list[tuple[float, ...]]) -> tuple[float, ...]:
    # sum() then divide, column by column, as TextBlob does: the same rounding, so equal floats.
    return tuple(sum(column) / len(column) for column in zip(*rows, strict=True))


@functools.lru_cache(maxsize=1)
def default_sentiment_lexicon() -> SentimentLexicon:
    """Return the installed textblob's word list, loaded once per process."""
    return load_sentiment_lexicon()


def polarity_subjectivity(text: str) -> tuple[float, float]:
    """Return TextBlob's (polarity, subjectivity) for ``text``: ``textblob.en.sentiment(text)``.

    Polarity is in [-1, 1], subjectivity in [0, 1]; both are means over the assessments (known
    words, modified and negated pairs, emoticons), and 0.0 when there is none. The module
    docstring lists TextBlob's quirks, which are kept.

    Args:
        text: any text; one sentence or quotation is the usual unit.

    Returns:
        (polarity, subjectivity), the same floats as TextBlob's.

    Raises:
        TypeError: ``text`` is not a str.
        LexiconError: on first use, when textblob or its word list is missing or malformed.

    Example:
        >>> polarity_subjectivity("Not a very good deal!")
        (-0.33653846153846145, 0.46153846153846156)
    """
    if not isinstance(text, str):
        raise TypeError(f"polarity_subjectivity() takes a str, not {type(text).__name__}")
    lexicon = default_sentiment_lexicon()
    known = lexicon.words.get
    emoticons = lexicon.emoticons
    negations = lexicon.negations
    signals = lexicon.signals
    # [polarity, subjectivity, intensity, negated] per assessment; the last one is open to changes.
    assessments: list[list] = []
    modifier: str | None = None  # a known adverb, waiting for the word it modifies
    negation: str | None = None  # a negation, waiting for the word it negates
    for word in sentiment_tokens(text):
        entry = known(word)
        if entry is not None:
            if modifier is None:
                assessments.append([entry[0], entry[1], entry[2], False])
            else:  # "very useful": one assessment, the word's scores times the modifier's intensity
                last = assessments[-1]
                last[0] = max(-1.0, min(entry[0] * last[2], 1.0))
                last[1] = max(-1.0, min(entry[1] * last[2], 1.0))
                last[2] = entry[2]
            if negation is not None:
                last = assessments[-1]
                last[2] = 1.0 / last[2]
                last[3] = True
            modifier = word if entry[3] else None
            negation = word if word in negations else None
            continue
        if modifier is None and negation is None and word not in signals:
            continue  # an unknown word with nothing waiting: changes nothing
        if word in negations:
            negation = word
        elif negation and len(word.strip("'")) > 1:
            negation = None  # a negation outlives only one-character tokens
        if negation is not None and modifier is not None and lexicon.negation_joins_modifier(modifier):
            assessments[-1][3] = True  # "highly not useful": the negation joins the adverb's assessment
            negation = None
        elif modifier and len(word) > 2:
            modifier = None  # a modifier outlives only tokens of one or two characters
        if word == EXCLAMATION:
            if assessments:
                assessments[-1][0] = max(-1.0, min(assessments[-1][0] * EXCLAMATION_BOOST, 1.0))
        elif word == IRONY or word in emoticons:
            assessments.append([emoticons.get(word, 0.0), 1.0, 1.0, False])  # irony: neutral, subjective
    # Summed in order with +=, as TextBlob does, for the same rounding.
    total_polarity = total_subjectivity = 0
    for polarity, subjectivity, _, negated in assessments:
        total_polarity += polarity * NEGATED_POLARITY if negated else polarity
        total_subjectivity += subjectivity
    return total_polarity / (len(assessments) or 1), total_subjectivity / (len(assessments) or 1)
