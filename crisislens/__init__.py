"""crisislens: crisis news articles as pandas tables (quotes, figures, actors, contacts, stance).

Example:
    >>> import crisislens
    >>> article = crisislens.parse("Talks went on in Geneva. They ended.", published="2022-01-10")
    >>> len(article.sentences)
    2
"""

from crisislens.article import Article, parse
from crisislens.corpus import Corpus
from crisislens.errors import CrisislensError, InputError, LexiconError
from crisislens.lexicon import load_lexicon
from crisislens.sources import Document
from crisislens.tables import TABLES, read_tables

__version__ = "0.1.0"

read = Corpus.from_paths
"""Alias of :meth:`Corpus.from_paths`: ``crisislens.read("data/articles")``."""

__all__ = [
    "TABLES",
    "Article",
    "Corpus",
    "CrisislensError",
    "Document",
    "InputError",
    "LexiconError",
    "__version__",
    "load_lexicon",
    "parse",
    "read",
    "read_tables",
]
