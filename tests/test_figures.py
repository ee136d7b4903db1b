"""Figures: numbers, hedges, ranges, units, categories, owners and claimants."""

from pathlib import Path

import pandas as pd
import pytest

import crisislens
from crisislens.figures import parse_number
from crisislens.lexicon import default_lexicon

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "ukraine-border-crisis-blinken.txt"
NA = None


def figures_of(text):
    return crisislens.parse(text, published="2022-02-13").figures


def only(text):
    figures = figures_of(text)
    counted = figures[~figures.category.isin(["year", "date"])]
    assert 1 == len(counted), figures[["text", "value", "category"]].to_string()
    return counted.iloc[0]


def na(value):
    return None if value is pd.NA or (isinstance(value, float) and pd.isna(value)) else value


@pytest.mark.parametrize(("written", "value"), [
    ("100,000", 100000), ("1.5 million", 1500000), ("twenty-five", 25), ("a dozen", 12), ("3bn", 3e9),
    ("two hundred", 200), ("tens of thousands", 10000), ("hundreds of thousands", 100000), ("half a billion", 5e8), ("0", 0),
])
def test_figures_parse_number(written, value):
    assert value == parse_number(written, lexicon=default_lexicon())


@pytest.mark.parametrize(("text", "surface", "value", "low", "high", "qualifier", "unit", "category"), [
    ("Russia has more than 100,000 troops near the border.", "more than 100,000 troops", 100000, 100000, NA,
     "more than", "troops", "troops"),
    ("Up to 5,000 soldiers took part.", "Up to 5,000 soldiers", 5000, NA, 5000, "up to", "soldiers", "troops"),
    ("About 300 diplomats left.", "About 300 diplomats", 300, 300, 300, "about", "diplomats", "people"),
    ("At least 12 civilians were killed.", "At least 12 civilians", 12, 12, NA, "at least", "civilians", "casualties"),
    ("The war has killed more than 14,000 people.", "more than 14,000 people", 14000, 14000, NA, "more than",
     "people", "casualties"),
    ("Between 3,000 and 5,000 troops arrived.", "Between 3,000 and 5,000 troops", 3000, 3000, 5000, "range",
     "troops", "troops"),
    ("Some 100,000 to 130,000 troops remain.", "Some 100,000 to 130,000 troops", 100000, 100000, 130000, "range",
     "troops", "troops"),
    ("He pledged $1.5 billion in aid.", "$1.5 billion", 1.5e9, 1.5e9, 1.5e9, "exact", "dollars", "money"),
    ("The EU offered €500m in loans.", "€500m", 5e8, 5e8, 5e8, "exact", "euros", "money"),
    ("Prices rose 3.5% in a month.", "3.5%", 3.5, 3.5, 3.5, "exact", "percent", "percent"),
    ("Tens of thousands of refugees fled.", "Tens of thousands of refugees", 10000, 10000, NA, "at least",
     "refugees", "displaced"),
    ("Two leaders met in Geneva.", "Two leaders", 2, 2, 2, "exact", "leaders", "people"),
    ("They held an hour-long call.", "an hour-long", 1, 1, 1, "exact", "hour", "duration"),
    ("A three-day visit began.", "three-day", 3, 3, 3, "exact", "day", "duration"),
    ("Shares fell to a low not seen in four and a half years.", "four and a half years", 4.5, 4.5, 4.5, "exact",
     "years", "duration"),
    ("More than half of the exports go east.", "More than half", 0.5, 0.5, NA, "more than", "half", "percent"),
    ("Nearly one-third of the reserves are frozen.", "Nearly one-third", 1 / 3, 1 / 3, 1 / 3, "about", "one-third",
     "percent"),
    ("They fled a couple of weeks ago.", "a couple of weeks", 2, 2, 2, "about", "weeks", "duration"),
    ("Russia's 10 largest banks were hit.", "10 largest banks", 10, 10, 10, "exact", "banks", "count"),
    ("A 25-person team was sent.", "25-person", 25, 25, 25, "exact", "person", "people"),
    ("Some 12 million in need of help remain.", "Some 12 million", 12e6, 12e6, 12e6, "about", NA, "people"),
    ("More than 2 million people have come to our country.", "More than 2 million people", 2e6, 2e6, NA,
     "more than", "people", "displaced"),
    ("Nearly 40 tanks were seen.", "Nearly 40 tanks", 40, 40, 40, "about", "tanks", "equipment"),
    ("They gave 1 billion in humanitarian aid.", "1 billion", 1e9, 1e9, 1e9, "exact", NA, "money"),
    ("Exports fell by nearly 700,000 barrels per day.", "nearly 700,000 barrels", 700000, 700000, 700000, "about",
     "barrels", "count"),
    ("They sent 3,000 additional U.S. troops to Poland.", "3,000 additional U.S. troops", 3000, 3000, 3000,
     "exact", "troops", "troops"),
])
def test_figures_values_bounds_and_categories(text, surface, value, low, high, qualifier, unit, category):
    row = only(text)
    assert (surface, value, low, high, qualifier, unit, category) == (
        row.text, row.value, na(row.low), na(row.high), row.qualifier, na(row.unit), row.category)


@pytest.mark.parametrize(("text", "actor"), [
    ("Russia has more than 100,000 troops near Ukraine.", "Russia"),
    ("More than 100,000 Russian troops are near Ukraine.", "Russia"),
    ("Russia's military, which has more than 100,000 troops nearby, could strike.", "Russia"),
])
def test_figures_actor_of_troops(text, actor):
    assert actor == only(text).actor


def test_figures_claimed_by_the_speaker_of_the_quote():
    row = only("A senior US official said Russia had moved 7,000 more troops to the border.")
    assert "senior US official" == row.claimed_by


@pytest.mark.parametrize(("text", "category"), [
    ("The war erupted in 2014.", "year"),
    ("Cuts to 1997 levels were demanded.", "year"),
    ("The talks on February 13 ended early.", "date"),
])
def test_figures_years_and_dates_are_not_counts(text, category):
    assert [category] == figures_of(text).category.tolist()


@pytest.mark.parametrize("text", [
    "Nord Stream 2 will not open.",
    "The G7 met and COVID-19 spread.",
    "Resolution 2202 was adopted.",
    "The first tranche came at 2:13 p.m.",
    "One of them left.",
    "No one expected it.",
    "A 30-year-old woman was hurt.",
    "Call 202-456-1111 for details.",
])
def test_figures_nothing_to_count(text):
    figures = figures_of(text)
    assert [] == figures[~figures.category.isin(["year", "date"])].text.tolist()


def test_figures_offsets_match_text():
    article = crisislens.parse(SEED)
    for row in article.figures.itertuples():
        assert row.text == article.text[row.start:row.end]


def test_figures_seed_acceptance():
    figures = crisislens.parse(SEED).figures
    troops = figures[figures.category == "troops"].iloc[0]
    assert (100000, "more than", "Russia") == (troops.low, troops.qualifier, troops.actor)
    assert [14000.0] == figures[figures.category == "casualties"].value.tolist()
    duration = figures[figures.category == "duration"].iloc[0]
    assert (1, "hour") == (duration.value, duration.unit)
    assert [1997.0, 2014.0] == figures[figures.category == "year"].value.tolist()


def test_figures_currency_words_come_from_the_units_lexicon(tmp_path):
    (tmp_path / "my_figure_units.csv").write_text("unit,category\ndinars,money\n", encoding="utf-8")
    lexicon = crisislens.load_lexicon(tmp_path / "my_figure_units.csv")
    figures = crisislens.parse("The fund gave 5 million dinars in aid.", published="2022-02-13", lexicon=lexicon).figures
    assert [(5_000_000.0, "dinars", "money")] == list(zip(figures.value, figures.unit, figures.category, strict=True))
