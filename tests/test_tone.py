"""Tests of crisislens.tone: TextBlob's polarity and subjectivity, equal to textblob.en.sentiment.

Every score is compared with TextBlob's own within 1e-9: hand-written sentences covering what
the scorer does (modifiers, negation, "!", emoticons, abbreviations, quotes, numbers), random texts
made of word-list words and punctuation, and, when ../shared is present, every sentence of a
sample of the White House corpus. The tokens are compared too, since a token cut differently is
how a future difference would start.
"""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
from benchmark_support import SHARED, load_benchmark
from hypothesis import given, settings
from hypothesis import strategies as st
from textblob import _text as textblob_text
from textblob.en import parser as textblob_parser
from textblob.en import sentiment as textblob_sentiment

from crisislens.errors import LexiconError
from crisislens.tone import (
    default_sentiment_lexicon,
    load_sentiment_lexicon,
    polarity_subjectivity,
    sentiment_tokens,
    textblob_word_list,
)

WHITEHOUSE = SHARED / "whitehouse-2022q1"
TOLERANCE = 1e-9
benchmark = load_benchmark("tone")


def textblob_tokens(text: str) -> list[str]:
    """The lower-case tokens textblob.en.sentiment scores, from TextBlob's own tokeniser."""
    return [w.lower() for w in " ".join(textblob_parser.find_tokens(text)).split()]


def assert_same_as_textblob(text: str) -> None:
    expected = tuple(textblob_sentiment(text))
    got = polarity_subjectivity(text)
    assert math.isclose(expected[0], got[0], rel_tol=0, abs_tol=TOLERANCE), (text, expected, got)
    assert math.isclose(expected[1], got[1], rel_tol=0, abs_tol=TOLERANCE), (text, expected, got)


# Our own sentences, one or more per behaviour of TextBlob's scorer.
SENTENCES = [
    # nothing to score
    "",
    "   ",
    "The delegation arrived in Geneva on Tuesday.",
    "12,500 troops, 3.5 km, 40% and 1,000,000 dollars.",
    # known words, means over assessments
    "The talks were good.",
    "A good, constructive and frank exchange.",
    "The ministers held a long and difficult meeting.",
    "Officials called the attack horrible and cruel.",
    "GOOD news from the front, Good news at home.",
    # modifiers (intensifiers), near and far
    "It was a very good meeting.",
    "They were very, very concerned.",
    "An extremely serious and deeply troubling escalation.",
    "The response was really strong.",
    "Terribly good news, happily received.",
    "It is very much a good sign.",
    "Very is the word, not good.",
    "The very beginning of the talks was calm.",
    # negation
    "The talks were not good.",
    "This is not a good outcome.",
    "This is not the good outcome.",
    "It was never easy and it was no surprise.",
    "Not very good, not bad either.",
    "Not very useful, and not a fair deal.",
    "Really not good at all.",
    "Highly not useful, deeply not sure.",
    "We don't think the talks were successful.",
    "It isn't over and it won't be easy.",
    "NOT good, Never bad.",
    # exclamation marks and irony
    "Great news!",
    "Great news!!!",
    "Terrible! Awful!",
    "! The start was bad.",
    "They call this progress (!)",
    "They call this progress ( ! ) again.",
    # entries of more than one word, hyphens and apostrophes in the word list
    "The supplies are in stock for sure.",
    "It was done with, used to be full of life.",
    "A well-intentioned, open-minded and top-notch plan.",
    "A long-winded, mind-boggling over-the-top speech.",
    "They can't and shouldn't accept it.",
    "I'd say I'm sure it's what we'll do, you're right, we've won, don't you think?",
    "I\u2019d say it\u2019s fine, don\u2019t worry.",
    # punctuation and quotes
    '"This is a serious mistake," the minister said.',
    "\u201cThis is a serious mistake,\u201d the minister said.",
    "\u2018Good\u2019, she said; \u2018very good\u2019.",
    "It's the country's best chance, isn't it?",
    "Wait... this is bad.... Really bad...",
    "(Good) [bad] {fine} <great> *nice* _poor_ |new| ~old~",
    "good,bad;fine:great",
    "Foreign-policy experts -- and others -- were pleased.",
    # quotes TextBlob does not cut out of a word
    "\u00abGood\u00bb news, \u201eawful\u201c news, \u2039fine\u203a news, \u300cnice\u300d news.",
    "It is a so\u00abcalled\u00bb deal and a so\u201ecalled\u201d truce.",
    # abbreviations and numbers
    "The U.S. and the U.K. were pleased, e.g. on trade.",
    "Mr. Smith met Gen. Jones at 9 a.m. in the U.S.",
    "See fig. 3, etc., for the best results vs. last year.",
    "The meeting (2018) and the summit (page 8) were useful.",
    "Item 8) was good.",
    "In the 21st century, the 2nd round was the best.",
    # emoticons
    "We are happy :) and you? :-(",
    "Nice try ;) but :/ no.",
    "I <3 this XD :D",
    "Note: people said: Security is : p : s",
    "Fine :o) and :c) and :o and :c too",
    # faces next to sentence ends: what stays in the sentence a ".", "!", "?" or "..." ends
    "It was good. :) It was bad.",
    "It was good.) :-( bad",
    "He said \u201cgood!\u201d 8) and \u2018fine?\u2019 :/ then",
    "He said 'good.' :) and \"fine.\" :( then",
    "Wait... :P ok ! :D (done.) ;) [end.] :]",
    "Well >. > no, and >.> yes.",
    "Look :\n\nD here, :\n\n) there, and :\nD also.",
    # paragraphs, line breaks, odd characters
    "Good.\n\nBad.\n\nUgly.",
    "Line one is fine\r\n\r\nline two is sad",
    "Caf\u00e9 talks in \u0130stanbul were a success \u2014 a great one \u2026",
    "Non\u00adbreaking\u00a0space and tab\tseparated good words",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_tone_equals_textblob(text):
    assert_same_as_textblob(text)


@pytest.mark.parametrize("text", SENTENCES)
def test_tone_tokens_equal_textblob(text):
    assert textblob_tokens(text) == sentiment_tokens(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("", (0.0, 0.0)),
    ("The delegation arrived on Tuesday.", (0.0, 0.0)),
    ("good", (0.7, 0.6000000000000001)),
    ("very good", (0.9099999999999999, 0.7800000000000001)),
    ("not good", (-0.35, 0.6000000000000001)),
    ("good!", (0.875, 0.6000000000000001)),
])
def test_tone_values(text, expected):
    assert expected == polarity_subjectivity(text)


@pytest.mark.parametrize(("text", "same_as"), [
    # "n't" never negates: TextBlob's tokeniser cuts "don't" into "do n ' t"
    ("We don't like it.", "We do like it."),
    # "really" has "real"'s scores (intensity 1.0), not its own intensity 2.0
    ("really good", "good"),
    # entries of more than one word never match: "for sure" (+0.3) scores as "sure", "in stock" (+0.1) as nothing
    ("for sure", "sure"),
    ("in stock", ""),
    # "XD" is all letters, so never looked up as a face
    ("XD", ""),
    # a negation outlives one-character tokens only: "the" ends it
    ("not the fair deal", "the fair deal"),
    # every adjective lends its scores to an "-ly" adverb
    ("awfully", "awful"),
])
def test_tone_keeps_textblob_quirks(text, same_as):
    assert polarity_subjectivity(same_as) == polarity_subjectivity(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("(page 8)", (0.5, 1.0)),  # "8)" is a smiley
    ("(2018)", (0.0, 0.0)),  # "2018)" is one token, not a face
])
def test_tone_glues_faces_like_textblob(text, expected):
    assert expected == polarity_subjectivity(text)


@pytest.mark.parametrize("value", [None, b"good", 3])
def test_tone_refuses_what_is_not_text(value):
    with pytest.raises(TypeError, match="takes a str"):
        polarity_subjectivity(value)


# --- the word list and textblob itself ----------------------------------------------------------

def test_tone_word_list_equals_textblobs():
    textblob_sentiment("load")  # TextBlob reads its word list at first use
    modifier_tags = textblob_sentiment.modifiers
    expected = {w: (*senses[None][:3], any(tag in senses for tag in modifier_tags))
                for w, senses in dict.items(textblob_sentiment)}
    assert expected == default_sentiment_lexicon().words


def test_tone_import_leaves_textblob_unloaded():
    # importing textblob takes a few hundred milliseconds: paid on the first score, not on import
    code = "import sys, crisislens.tone; print(sorted(m for m in sys.modules if m.startswith('textblob')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[]" == result.stdout.strip()


@pytest.mark.parametrize("blocked", ["textblob"])
def test_tone_refuses_without_textblob(monkeypatch, blocked):
    monkeypatch.setitem(sys.modules, blocked, None)  # what importing a missing package meets
    with pytest.raises(LexiconError, match="textblob is not installed"):
        textblob_word_list()


@pytest.mark.parametrize(("content", "problem"), [
    (None, "cannot read"),
    ("<sentiment><word form='good' polarity='0.7'", "not well-formed XML"),
    ("<sentiment>\n<word form='good' polarity='high' />\n</sentiment>", "'good'"),
    ("<sentiment></sentiment>", "no <word"),
])
def test_tone_word_list_errors_name_the_file(tmp_path, content, problem):
    path = tmp_path / "en-sentiment.xml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=problem) as error:
        load_sentiment_lexicon(path)
    assert str(path) in str(error.value)


@pytest.mark.parametrize(("content", "line"), [
    ("<sentiment>\n<word form='fine' />\n<word form='good' intensity='x' />\n</sentiment>", 3),
    ("<sentiment>\n<word form='fine' />\n<word form='good'\n</sentiment>", 4),
])
def test_tone_word_list_error_names_the_line(tmp_path, content, line):
    path = tmp_path / "en-sentiment.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=f"{path}:{line}:"):
        load_sentiment_lexicon(path)


# --- random texts ------------------------------------------------------------------------------

_WORDS = sorted(default_sentiment_lexicon().words)
_PIECES = [
    *textblob_sentiment.negations, "don't", "Not", "NEVER", "a", "I", "is", "of", "the", "8", "2018", "x", "D",
    "o", "c", "U.S.", "Mr.", "Gen.", "e.g.", "a.m.", "J.", "M|.", "(!)", "...", "....", "..", "'s", "\u2019s",
    *textblob_text.PUNCTUATION, "'", '"', "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e",
    "<", ">", "/", "\\", "\u00b0", "\u2665", "%", "END-OF-SENTENCE",
    *sorted(face for faces in textblob_text.EMOTICONS.values() for face in faces),
]
_TOKEN = st.one_of(st.sampled_from(_WORDS), st.sampled_from(_PIECES))
_WORD = st.one_of(_TOKEN, _TOKEN.map(str.capitalize), _TOKEN.map(str.upper))
_SEPARATOR = st.sampled_from([" ", " ", " ", "", "\n", "\n\n", "\t", "\r\n\r\n"])
_TEXT = st.lists(st.tuples(_WORD, _SEPARATOR), max_size=30).map(lambda pairs: "".join(a + b for a, b in pairs))


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_tone_random_sentiment_text_equals_textblob(text):
    assert textblob_tokens(text) == sentiment_tokens(text)
    assert_same_as_textblob(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_tone_any_text_in_range_and_equals_textblob(text):
    polarity, subjectivity = polarity_subjectivity(text)
    assert -1.0 <= polarity <= 1.0
    assert 0.0 <= subjectivity <= 1.0
    assert_same_as_textblob(text)


# --- the White House corpus --------------------------------------------------------------------

@pytest.mark.shared_corpus
@pytest.mark.skipif(not WHITEHOUSE.is_dir(), reason=f"{WHITEHOUSE} is absent (the ../shared corpora are not "
                    "part of this repository)")
@pytest.mark.parametrize("every", [12])  # every 12th file: about 50 documents from every section
def test_tone_whitehouse_sample_equals_textblob(every):
    sentences = [text for text, _ in benchmark.corpus_sentences(WHITEHOUSE, every=every)]
    assert len(sentences) > 1000
    assert [] == benchmark.mismatches(sentences)
