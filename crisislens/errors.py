"""Every user-facing error crisislens raises, each with a hint on how to fix it.

All of them derive from :class:`CrisislensError`, so ``except CrisislensError`` catches
anything crisislens refuses. A corpus run never raises these for a single article: it
records them in its ``errors`` table (``error`` is the class name, ``message`` the text).
"""

from __future__ import annotations

import re


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
    """Return the message for error ``kind`` filled with ``values`` (made :func:`printable`)."""
    return printable(MESSAGES[kind].format(**values))


_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    r"""Return ``text`` safe to print and to write as UTF-8.

    Lone surrogates cannot be encoded: a byte of a file name that is not UTF-8 (which Python
    keeps as a surrogate) is written as ``\xNN``, and any other lone surrogate (from a JSON or
    YAML escape such as ``\ud800``) becomes the replacement character U+FFFD.

    Example:
        >>> printable("caf\udce9.txt")
        'caf\\xe9.txt'
    """
    return _SURROGATE.sub(_escape_surrogate, text) if _SURROGATE.search(text) else text


def _escape_surrogate(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


MESSAGES = {
    "missing": "{path}: no such file or folder. Check the path, or pass the text itself as a string.",
    "empty": (
        "{path}: the article has no text (nothing is left once the title, front matter, markup and "
        "invisible characters are taken out)."
    ),
    "binary": (
        "{path}: looks like a binary file (NUL bytes or many control characters), not an article. "
        "crisislens reads .txt, .md, .html, .jsonl and .csv text files (UTF-16 text needs a byte-order mark)."
    ),
    "too_large": (
        "{path}: {size:,} characters is above the per-article limit of {limit:,}. "
        "Split the file, or raise the limit with max_chars=... (CLI: --max-chars)."
    ),
    "too_large_file": (
        "{path}: {size:,} bytes is above the per-article limit of {limit:,} characters (a file may have "
        "{bytes_limit:,} bytes, 4 per character). Split the file, or raise the limit with max_chars=... "
        "(CLI: --max-chars)."
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
    "unexpected": (
        "{path}: crisislens failed on this article with {error}: {problem}. This is a bug in crisislens; "
        "please report it with the file. The other articles are not affected."
    ),
    "lexicon": "{path}:{line}: {problem}",
    "gold": "{path}: {problem}",
}
