"""Tone of a text: TextBlob polarity and subjectivity, without any NLTK corpora.

Extracts: ``tone`` (polarity in [-1, 1]) and ``subjectivity`` (in [0, 1]) from the function
behind TextBlob's PatternAnalyzer (``textblob.en.sentiment``), whose word list ships inside the
textblob package. This module is the only place crisislens touches TextBlob, and it never
calls features that need downloaded corpora (``.sentences``, ``.words``, ``.noun_phrases``).

Not here yet: the cooperation-conflict ``stance`` score; until it lands the ``stance`` columns
are empty (missing values), never a made-up number.
"""

from __future__ import annotations

from textblob.en import sentiment as _pattern_sentiment


def tone(text: str) -> tuple[float, float]:
    """Return TextBlob's (polarity, subjectivity) for ``text``.

    Example:
        >>> tone("a wise and good decision")[0] > 0
        True
    """
    # The function behind PatternAnalyzer.analyze, called directly: analyze() builds a new
    # namedtuple class on every call, which was a sixth of the pipeline's time.
    polarity, subjectivity = _pattern_sentiment(text)
    return float(polarity), float(subjectivity)
