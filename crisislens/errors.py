"""Every user-facing error crisislens raises, each with a hint on how to fix it.

All of them derive from :class:`CrisislensError`, so ``except CrisislensError`` catches
anything crisislens refuses. A corpus run never raises these for a single article: it
records them in its ``errors`` table (``error`` is the class name, ``message`` the text).
"""

from __future__ import annotations


class CrisislensError(Exception):
    """Base class of every error crisislens raises on purpose."""


class InputError(CrisislensError, ValueError):
    """An input cannot be read as an article (missing, empty, binary, unsupported)."""


class EmptyInputError(InputError):
    """The input holds no article text."""


class BinaryInputError(InputError):
    """The input looks like a binary file, not text."""


class InputTooLargeError(InputError):
    """The input is larger than the configured per-article limit."""


class UnsupportedFormatError(InputError):
    """The file extension is not one crisislens reads."""


class FrontMatterError(InputError):
    """The YAML front matter of a .txt/.md file is malformed or not a mapping."""


class ExportFormatError(InputError):
    """A .jsonl/.csv export or a DataFrame lacks the columns an article needs."""


class LexiconError(CrisislensError, ValueError):
    """A lexicon file is malformed; the message names the file and line."""


class GoldFormatError(CrisislensError, ValueError):
    """A gold annotation file does not follow the documented format."""


def hint(kind: str, **values: object) -> str:
    """Return the message for error ``kind`` filled with ``values``."""
    return MESSAGES[kind].format(**values)


MESSAGES = {
    "missing": "{path}: no such file or folder. Check the path, or pass the text itself as a string.",
    "empty": "{path}: the article has no text. Empty files are skipped in a corpus run.",
    "binary": (
        "{path}: looks like a binary file (NUL bytes or many control characters), not an article. "
        "crisislens reads .txt, .md, .html, .jsonl and .csv text files."
    ),
    "too_large": (
        "{path}: {size:,} characters is above the per-article limit of {limit:,}. "
        "Split the file, or raise the limit with max_chars=... (CLI: --max-chars)."
    ),
    "unsupported": (
        "{path}: unsupported file type {suffix!r}. crisislens reads {supported}."
    ),
    "front_matter": (
        "{path}: malformed YAML front matter ({problem}). Front matter is a block of 'key: value' "
        "lines between two '---' lines at the very top of the file."
    ),
    "export_columns": (
        "{path}: an export needs a 'text' column (and optionally id, title, published, source, url); "
        "found columns {columns}."
    ),
    "lexicon": "{path}:{line}: {problem}",
    "gold": "{path}: {problem}",
}
