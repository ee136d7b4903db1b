"""Quotes: direct, indirect, mixed, nested and transcript statements with their speakers."""

from pathlib import Path

import pandas as pd
import pytest

import crisislens
from crisislens.quotes import quoted_spans
from crisislens.text import normalise

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "ukraine-border-crisis-blinken.txt"


def quotes_of(text, **kwargs):
    return crisislens.parse(text, published="2022-02-13", **kwargs).quotes


def only(text):
    quotes = quotes_of(text)
    assert 1 == len(quotes), quotes[["kind", "speaker", "text"]].to_string()
    return quotes.iloc[0]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ('"The road is open," Antony Blinken said.', "The road is open", "Antony Blinken"),
    ('"The road is open," said Antony Blinken.', "The road is open", "Antony Blinken"),
    ('Antony Blinken said: "The road is open to all of us."', "The road is open to all of us.", "Antony Blinken"),
    ('Antony Blinken told reporters, "The road is open to all of us."', "The road is open to all of us.",
     "Antony Blinken"),
    ('"We will not wait. We will act now," Chancellor Olaf Scholz said on Monday.',
     "We will not wait. We will act now", "Olaf Scholz"),
])
def test_quotes_direct_with_attribution(text, content, speaker):
    row = only(text)
    assert ("direct", content, speaker) == (row.kind, row.text, row.speaker)


def test_quotes_split_quote_is_one_quote():
    text = '"The road is open," Antony Blinken said. "It should be reduced, rather than increased."'
    row = only(text)
    assert row.text.startswith("The road is open") and row.text.endswith("rather than increased.")


def test_quotes_split_quote_around_a_long_apposition_is_one_quote():
    text = ('"These are strange days," said Peter Morgan, a lawyer who has followed the mining cases for '
            'years. "Nobody knows what comes next."')
    row = only(text)
    assert ("Peter Morgan", True) == (row.speaker, row.text.endswith("what comes next."))


def test_quotes_quote_paragraph_continues_the_last_speaker():
    text = ('"The road is open," Antony Blinken said after the talks.\n\n'
            '"We expect an answer from Moscow within days and we will keep talking."')
    quotes = quotes_of(text)
    assert ["Antony Blinken", "Antony Blinken"] == quotes.speaker.tolist()


def test_quotes_pronoun_speaker_resolves_to_the_person():
    text = 'Antony Blinken arrived in Hawaii. "The diplomatic road remains open," he said.'
    row = only(text)
    assert ("Antony Blinken", "he") == (row.speaker, row.speaker_text)


@pytest.mark.parametrize(("text", "content", "speaker", "cue"), [
    ("The Kremlin said the talks were useful but difficult.", "the talks were useful but difficult", "Russia",
     "said"),
    ("Moscow denies having any such plans.", "having any such plans", "Russia", "denies"),
    ("The talks were useful and frank, the Kremlin said.", "The talks were useful and frank", "Russia", "said"),
    ("According to the Kremlin, the talks were useful and frank.", "the talks were useful and frank", "Russia",
     "According to"),
    ("A senior US official said the call lasted an hour.", "the call lasted an hour", "senior US official", "said"),
    ("A senior official in President Biden's administration said the call was substantive.",
     "the call was substantive", "senior official", "said"),
    ('Paul Ryan said on CBS\'s "Face the Nation" that he would wait for the report.',
     "he would wait for the report", "Paul Ryan", "said"),
    ("Russia has warned that any deployment would be a grave mistake.",
     "any deployment would be a grave mistake", "Russia", "warned"),
    ("Following Washington's warning that Russia could strike at any moment, envoys met.",
     "Russia could strike at any moment, envoys met", "United States", "warning"),
])
def test_quotes_indirect(text, content, speaker, cue):
    row = only(text)
    assert ("indirect", content, speaker, cue) == (row.kind, row.text, row.speaker, row.cue)


@pytest.mark.parametrize(("text", "content", "speaker", "addressee"), [
    ("President Joe Biden was clear with President Vladimir Putin that the costs would be severe.",
     "the costs would be severe", "Joe Biden", "Vladimir Putin"),
    ("President Joe Biden expressed support for a diplomatic solution to the crisis.",
     "support for a diplomatic solution to the crisis", "Joe Biden", None),
    ("The two leaders reaffirmed their commitment to the people of Ukraine.",
     "their commitment to the people of Ukraine", "two leaders", None),
])
def test_quotes_readout_statements(text, content, speaker, addressee):
    row = only(text)
    assert (content, speaker, addressee) == (row.text, row.speaker, None if row.addressee is pd.NA else row.addressee)


def test_quotes_passive_cue_is_not_a_statement_of_the_subject():
    assert [] == quotes_of("New sanctions were announced by the Treasury in Brussels on Thursday.").text.tolist()


@pytest.mark.parametrize(("text", "speaker"), [
    ("Phil Lovas, the campaign chairman in the state, said he had not seen the letter.", "Phil Lovas"),
    ("Experts say the sanctions will take months to bite.", "experts"),
    ("Analysts warned that prices could rise sharply.", "analysts"),
    ("The agency said the review would take a year.", "agency"),
    ("The mayor said the curfew would end on Friday.", "mayor"),
    ("Flynn, a retired general, said the plan was sound.", "Flynn"),
    ("Civil rights activists say the officers acted too fast.", "civil rights activists"),
    ("In the survey, 63 percent said the talks should go on.", "poll respondents"),
    ("The International Monetary Fund met in April. The fund predicted that growth would slow.",
     "IMF"),
    ('"The cause has not been determined," Shane O\'Neill said.', "Shane O'Neill"),
])
def test_quotes_speaker_forms(text, speaker):
    assert speaker == only(text).speaker


@pytest.mark.parametrize(("text", "date", "date_text"), [
    ("The Kremlin said on Monday that the talks were useful.", "2022-02-07", "Monday"),
    ("The talks were useful, the Kremlin said on Monday.", "2022-02-07", "Monday"),
    ("In a call on Saturday, President Joe Biden told reporters the costs would be high.", "2022-02-12", "Saturday"),
    ("Envoys will meet on Tuesday, but a German source said the mood was bad.", None, None),
])
def test_quotes_statement_date(text, date, date_text):
    row = only(text)
    assert (date, date_text) == (None if pd.isna(row.date) else str(row.date.date()),
                                 None if pd.isna(row.date_text) else row.date_text)


def test_quotes_told_gives_the_addressee():
    row = quotes_of("President Joe Biden told President Vladimir Putin the West would respond decisively.").iloc[0]
    assert ("Joe Biden", "Vladimir Putin", "the West would respond decisively") == (
        row.speaker, row.addressee, row.text)


def test_quotes_adding_clause_is_a_second_statement_of_the_same_speaker():
    text = ("President Joe Biden told President Vladimir Putin the West would respond decisively, "
            "adding such a move would isolate Moscow.")
    quotes = quotes_of(text)
    assert [("Joe Biden", "the West would respond decisively"),
            ("Joe Biden", "such a move would isolate Moscow")] == list(zip(quotes.speaker, quotes.text, strict=True))


def test_quotes_coordinated_cue_keeps_the_speaker():
    quotes = quotes_of("The United States says diplomacy can still work, but adds that the risk is high.")
    assert [("United States", "diplomacy can still work"), ("United States", "the risk is high")] == list(
        zip(quotes.speaker, quotes.text, strict=True))


def test_quotes_nested_report_links_inner_to_outer():
    text = ("Separately, the Kremlin said President Vladimir Putin told President Joe Biden "
            "Washington had failed to consider Russia's main concerns.")
    quotes = quotes_of(text)
    outer, inner = quotes.iloc[0], quotes.iloc[1]
    assert ("Russia", "Vladimir Putin", "Joe Biden") == (outer.speaker, inner.speaker, inner.addressee)
    assert outer.quote_id == inner.parent_quote_id
    assert inner.text == "Washington had failed to consider Russia's main concerns"


def test_quotes_mixed_quote_contains_a_quoted_fragment():
    text = 'A German source said any aggression would trigger "painful and severe sanctions" against Russia.'
    row = only(text)
    assert ("mixed", "German source") == (row.kind, row.speaker)
    assert '"painful and severe sanctions"' in row.text


@pytest.mark.parametrize("text", [
    'The so-called "peacekeepers" stayed in the region.',
    'She reread "War and Peace" on the flight to Geneva.',
    'The army called it "Operation Spring Thaw" in its orders.',
    "Diplomats will say more tomorrow.",
    "President Joe Biden would explain the plan to allies next week.",
    "The talks said nothing new.",
    "UPDATE: The talks resumed on Monday after a short pause.",
])
def test_quotes_nothing_to_find(text):
    assert [] == quotes_of(text).text.tolist()


def test_quotes_transcript_turns_are_one_row_each():
    text = ("MS. PSAKI: Good afternoon, everyone. I have two items for you today.\n\n"
            "Q Thanks, Jen. Has the President spoken with President Putin?\n\n"
            "MS. PSAKI: Not today. We will let you know when that changes.")
    quotes = quotes_of(text)
    turns = quotes[quotes.kind == "transcript"]
    assert ["MS. PSAKI", "Q", "MS. PSAKI"] == turns.speaker_text.tolist()
    assert "Jen Psaki" == turns.speaker.iloc[0]


def test_quotes_unbalanced_quotation_mark_never_crashes():
    quotes = quotes_of('Antony Blinken said: "The road is open. Nobody closed it, Moscow said.')
    assert all(quotes.text.str.len() > 0)


def test_quotes_offsets_match_text():
    article = crisislens.parse(SEED)
    for row in article.quotes.itertuples():
        assert row.text == article.text[row.start:row.end]


def test_quotes_quoted_spans_pairs_straight_quotes():
    body = normalise('He said "one thing" and "another thing" here.')
    assert ["one thing", "another thing"] == [body.text[s:e] for s, e in quoted_spans(body.text, body)]


SEED_STATEMENTS = [
    ("United States", "indirect", "diplomacy can still resolve the impasse"),
    ("Russia", "indirect", "having any such plans"),
    ("German source", "indirect", "Berlin did not expect concrete results"),
    ("German source", "mixed", "painful and severe sanctions"),
    ("Antony Blinken", "direct", "The diplomatic road remains open"),
    ("Joe Biden", "indirect", "the West would respond decisively"),
    ("Joe Biden", "indirect", "such a move would result in widespread suffering"),
    ("senior official", "indirect", "the call was substantive"),
    ("Russia", "indirect", "President Putin told President Biden"),
    ("Vladimir Putin", "indirect", "Washington had failed to consider"),
    ("Antony Blinken", "direct", "We ordered the departure of most of the Americans"),
    ("Reuters witness", "indirect", "began departing by car"),
]


@pytest.mark.parametrize(("speaker", "kind", "contains"), SEED_STATEMENTS)
def test_quotes_seed_statement_found(speaker, kind, contains):
    quotes = crisislens.parse(SEED).quotes
    found = quotes[quotes.text.str.contains(contains, regex=False)]
    innermost = found.loc[found.text.str.len().sort_values().index]
    assert [(speaker, kind)] == list(zip(innermost.speaker, innermost.kind, strict=True))[:1]


def test_a_speaker_pronoun_that_names_nobody_keeps_the_quote_and_never_takes_the_next_sentence():
    text = ("Talks stall\n\nHer counterpart welcomed the offer of talks. \"We are pleased that the path remains "
            "open,\" he told reporters.\n\nA senior official said the ministry had announced new grants.")
    quotes = crisislens.parse(text).quotes
    pleased = quotes[quotes.text.str.startswith("We are pleased")].iloc[0]
    assert pd.isna(pleased.speaker) and pleased.speaker_text == "he" and pleased.cue == "told"
    assert quotes[quotes.text.str.contains("grants")].speaker.tolist() == ["senior official"]
