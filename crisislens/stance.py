"""Tone of a text: TextBlob polarity and subjectivity, without any NLTK corpora.

Extracts: ``tone`` (polarity in [-1, 1]) and ``subjectivity`` (in [0, 1]) from TextBlob's
PatternAnalyzer, whose word list ships inside the textblob package. This module is the only
place crisislens touches TextBlob, and it never calls features that need downloaded corpora
(``.sentences``, ``.words``, ``.noun_phrases``).

Not here yet: the cooperation-conflict ``stance`` score; until it lands the ``stance`` columns
are empty (missing values), never a made-up number.
"""

from __future__ import annotations

import functools

from textblob.en.sentiments import PatternAnalyzer


@functools.lru_cache(maxsize=1)
def _analyzer() -> PatternAnalyzer:
    return PatternAnalyzer()


def tone(text: str) -> tuple[float, float]:
    """Return TextBlob's (polarity, subjectivity) for ``text``.

    Example:
        >>> tone("a wise and good decision")[0] > 0
        True
    """
    result = _analyzer().analyze(text)
    return float(result.polarity), float(result.subjectivity)
