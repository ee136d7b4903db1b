"""Actor mentions: dictionary, titles, appositions, metonyms, coreference and unnamed sources."""

from pathlib import Path

import pytest

import crisislens
from crisislens.actors import actor_index, find_mentions
from crisislens.lexicon import default_lexicon

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "ukraine-border-crisis-blinken.txt"


def mentions_of(text, published="2022-02-13"):
    return crisislens.parse(text, published=published).mentions


def actor_of(text, surface):
    rows = mentions_of(text)
    found = rows[rows.text == surface]
    assert len(found) == 1, f"{surface!r} not found once in {rows.text.tolist()}"
    return found.iloc[0]


@pytest.mark.parametrize(("text", "surface", "actor", "role", "country"), [
    ("German Chancellor Olaf Scholz met the envoys.", "Chancellor Olaf Scholz", "Olaf Scholz", "Chancellor", "DEU"),
    ("Foreign Minister Vladimir Makei flew home.", "Foreign Minister Vladimir Makei", "Vladimir Makei",
     "Foreign Minister", "BLR"),
    ("Secretary of State Antony J. Blinken arrived late.", "Secretary of State Antony J. Blinken",
     "Antony Blinken", "Secretary of State", "USA"),
    ("President Joseph R. Biden, Jr. signed the order.", "President Joseph R. Biden, Jr.", "Joe Biden",
     "President", "USA"),
    ("Deputy Foreign Minister Ana Kovalenko of Moldova spoke first.", "Deputy Foreign Minister Ana Kovalenko",
     "Ana Kovalenko", "Deputy Foreign Minister", "MDA"),
    ("Estonian Defence Minister Mart Kivisild toured the base.", "Defence Minister Mart Kivisild",
     "Mart Kivisild", "Defence Minister", "EST"),
])
def test_actors_title_and_name(text, surface, actor, role, country):
    row = actor_of(text, surface)
    assert (actor, "person", role, country) == (row.actor, row.kind, row.role, row.country)


@pytest.mark.parametrize(("text", "surface", "actor", "role", "country"), [
    ("Liz Truss, the UK foreign secretary, urged calm.", "Liz Truss", "Liz Truss", "Foreign Secretary", "GBR"),
    ("Tomas Varga, the Slovak prime minister, disagreed.", "Tomas Varga", "Tomas Varga", "Prime Minister", "SVK"),
])
def test_actors_apposition(text, surface, actor, role, country):
    row = actor_of(text, surface)
    assert (actor, role, country) == (row.actor, row.role, row.country)


@pytest.mark.parametrize(("text", "surface", "country"), [
    ("President Zelenskyy of Ukraine thanked the allies.", "President Zelenskyy", "UKR"),
    ("Prime Minister Aino Rask of Finland will travel.", "Prime Minister Aino Rask", "FIN"),
])
def test_actors_x_of_y_gives_country(text, surface, country):
    assert country == actor_of(text, surface).country


@pytest.mark.parametrize(("text", "surface", "actor_id"), [
    ("Moscow denies having any such plans.", "Moscow", "RUS"),
    ("Separately, the Kremlin said the talks were useful.", "the Kremlin", "RUS"),
    ("Washington regards the proposals as non-starters.", "Washington", "USA"),
    ("The White House said the call lasted an hour.", "The White House", "USA"),
    ("Kyiv asked for more air defence.", "Kyiv", "UKR"),
    ("We saw Russia's troops near the border.", "Russia", "RUS"),
    ("Officials in Berlin were cautious.", "Berlin", "DEU"),
    ("The U.S. embassy will stay open.", "U.S.", "USA"),
    ("Russian troops stayed near the border.", "Russian", "RUS"),
    ("his Japanese and South Korean counterparts", "South Korean", "KOR"),
    ("NATO allies met in Brussels.", "NATO", "NATO"),
    ("the Organization for Security and Cooperation in Europe (OSCE)", "OSCE", "OSCE"),
])
def test_actors_states_metonyms_and_organisations(text, surface, actor_id):
    assert actor_id == actor_of(text, surface).actor_id


@pytest.mark.parametrize(("text", "surface"), [
    ("The envoy met Olena Kovalenko and Philip N. Jefferson in Vienna.", "Olena Kovalenko"),
    ("The envoy met Olena Kovalenko and Philip N. Jefferson in Vienna.", "Philip N. Jefferson"),
])
def test_actors_given_name_and_surname_is_a_person(text, surface):
    assert "person" == actor_of(text, surface).kind


@pytest.mark.parametrize("text", [
    "Troops left Virginia Beach on Monday.",
    "Grace Period rules apply to the loans.",
    "The Wagner Group moved north.",
])
def test_actors_given_name_lexicon_leaves_out_places_and_words(text):
    rows = mentions_of(text)
    assert [] == rows[rows.kind == "person"].text.tolist()


def test_actors_role_keeps_capitalised_modifiers():
    row = actor_of("Participants included National Cyber Director Chris Inglis.", "Director Chris Inglis")
    assert "National Cyber Director" == row.role


def test_actors_name_listed_only_with_the_needs_the():
    rows = mentions_of("Economist Jane Doe wrote in The Economist that the West was divided.")
    assert ["The Economist", "the West"] == rows[rows.kind.isin(["media", "group"])].text.tolist()


@pytest.mark.parametrize("text", [
    "Ukraine's Border Crisis With Russia Deepens Again.",
    "The Diplomatic Road Remains Open For Now.",
    "Monday Brought No Change.",
    "The president said nothing.",
])
def test_actors_capitalised_words_are_not_people(text):
    rows = mentions_of(text)
    assert [] == rows[rows.kind == "person"].text.tolist()


def test_actors_surname_and_wrong_title_resolve_to_one_person():
    text = ("Antony Blinken met the envoys. Blinken said the road was open. "
            "Foreign Minister Blinken later flew to Hawaii.")
    rows = mentions_of(text)
    people = rows[rows.kind == "person"]
    assert ["person:antony-blinken"] * 3 == people.actor_id.tolist()
    assert ["Antony Blinken", "Blinken", "Foreign Minister Blinken"] == people.text.tolist()


def test_actors_role_alone_resolves_when_unambiguous():
    rows = mentions_of("Chancellor Olaf Scholz arrived. The chancellor spoke for an hour.")
    assert "Olaf Scholz" == rows[rows.text == "The chancellor"].actor.iloc[0]


def test_actors_role_alone_stays_unresolved_when_ambiguous():
    rows = mentions_of("President Joe Biden called President Vladimir Putin. The president was firm.")
    assert [] == rows[rows.text == "The president"].text.tolist()


@pytest.mark.parametrize(("text", "surface", "country"), [
    ("A senior US official said the call was useful.", "A senior US official", "USA"),
    ("A German source said Berlin expected little.", "A German source", "DEU"),
    ("A senior official in President Biden's administration said so.", "A senior official", "USA"),
    ("Western diplomats said the mood was tense.", "Western diplomats", None),
    ("A Reuters witness said cars were leaving.", "A Reuters witness", None),
    ("Sanctions hit five Russian elites and their families.", "five Russian elites", "RUS"),
])
def test_actors_unnamed_sources(text, surface, country):
    row = actor_of(text, surface)
    assert ("anonymous", country) == (row.kind, None if row.country is crisislens.tables.pd.NA else row.country)


@pytest.mark.parametrize(("text", "surface"), [
    ("Hillary Clinton said the plan was sound.", "Hillary Clinton"),
    ("Kamarck argues that the rules are clear.", "Kamarck"),
])
def test_actors_subject_of_a_reporting_verb_is_a_person(text, surface):
    assert "person" == actor_of(text, surface).kind


@pytest.mark.parametrize("text", [
    "Goldman Sachs Bank said profits fell.",
    "The Foreign Ministry said talks would resume.",
])
def test_actors_subject_of_a_reporting_verb_that_is_an_organisation_is_not_a_person(text):
    rows = mentions_of(text)
    assert [] == rows[rows.kind == "person"].text.tolist()


def test_actors_the_source_is_the_last_source_of_that_description():
    text = "A German source said Berlin expected little. The source said unity mattered."
    rows = mentions_of(text)
    sources = rows[rows.kind == "anonymous"]
    assert 2 == len(sources)
    assert 1 == sources.actor_id.nunique()


@pytest.mark.parametrize("text", [
    "The source of the trouble was obvious.",
    "Officials met.",
    "Experts met in Vienna.",
])
def test_actors_no_unnamed_source_without_a_description(text):
    rows = mentions_of(text)
    assert [] == rows[rows.kind == "anonymous"].text.tolist()


def test_actors_offsets_match_text():
    article = crisislens.parse(SEED)
    for row in article.mentions.itertuples():
        assert row.text == article.text[row.start:row.end]


def test_actors_seed_acceptance():
    article = crisislens.parse(SEED)
    actors = article.actors.set_index("actor_id")
    for actor_id, role, country in [
        ("person:antony-blinken", "Secretary of State", "USA"),
        ("person:vladimir-putin", "President", "RUS"),
        ("person:joe-biden", "President", "USA"),
        ("person:olaf-scholz", "Chancellor", "DEU"),
    ]:
        assert (role, country) == (actors.loc[actor_id, "role"], actors.loc[actor_id, "country"])
    for actor_id in ("USA", "RUS", "UKR", "DEU", "JPN", "KOR", "NATO", "OSCE", "media:reuters"):
        assert actor_id in actors.index, actor_id
    people = article.mentions[article.mentions.kind == "person"]
    assert {"Antony Blinken"} == set(people[people.text.str.contains("Blinken")].actor)
    metonyms = article.mentions[article.mentions.via == "metonym"]
    assert {("Moscow", "RUS"), ("the Kremlin", "RUS"), ("Washington", "USA"), ("Berlin", "DEU"), ("Kyiv", "UKR")} == set(
        zip(metonyms.text, metonyms.actor_id, strict=True))
    assert 0 == len(people[~people.actor_id.isin(
        ["person:antony-blinken", "person:vladimir-putin", "person:joe-biden", "person:olaf-scholz"])])


def test_actors_user_dictionary_adds_a_person(tmp_path):
    extra = tmp_path / "my_actors.csv"
    extra.write_text("actor_id,name,aliases,role,country,organization,start,end\n"
                     "person:mira-holt,Mira Holt,,Mediator,NOR,,2021-01-01,\n", encoding="utf-8")
    lexicon = crisislens.load_lexicon(extra)
    article = crisislens.parse("Mira Holt met both sides. Holt said little.", lexicon=lexicon)
    assert ["person:mira-holt", "person:mira-holt"] == article.mentions.actor_id.tolist()
    assert "NOR" == article.actors.country.iloc[0]


def test_actors_index_is_built_once_per_lexicon():
    assert actor_index(default_lexicon()) is actor_index(default_lexicon())


def test_actors_find_mentions_on_empty_text():
    assert [] == find_mentions("", [], lexicon=default_lexicon())


def test_pronoun_contractions_are_not_speakers():
    article = crisislens.parse("Russia massed troops. I've said that we will respond. I’m told the talks failed.",
                               published="2022-02-01")
    assert not {"I've", "I’m", "I'm"} & set(article.mentions.actor)


def test_actors_long_title_of_an_office_names_the_person_after_it():
    text = ("Sullivan met Communist Party Politburo Member and Director of the Office of the Foreign Affairs "
            "Commission Yang Jiechi in Rome.")
    row = actor_of(text, "Director of the Office of the Foreign Affairs Commission Yang Jiechi")
    assert (row.actor, row.kind, row.role) == ("Yang Jiechi", "person", "Director")
    assert actor_of(text, "Rome").actor == "Italy"  # the place is not part of the name


def test_actors_two_bodies_joined_by_a_title_are_two_organisations():
    text = ("Biden spoke with the Under Secretary of the U.S. Department of Energy and Administrator of the "
            "National Nuclear Security Administration (NNSA) Jill Hruby.")
    texts = mentions_of(text).text.tolist()
    assert "Department of Energy" in texts
    assert "National Nuclear Security Administration" in texts
    assert not any(" and Administrator" in t for t in texts)


def test_actors_a_titled_surname_is_the_full_name_found_later_by_given_name():
    rows = mentions_of("Liz Sherwood-Randall led a delegation. Later Dr. Sherwood-Randall met the mayor.")
    assert ["Liz Sherwood-Randall"] * 2 == rows.actor.tolist()


@pytest.mark.parametrize(("text", "actor", "country"), [
    ("President Joe Biden met President Sauli Niinistö of the Republic of Finland.", "Sauli Niinistö", "FIN"),
    ("He met President Iván Duque Márquez of the Republic of Colombia.", "Iván Duque Márquez", "COL"),
])
def test_actors_of_the_republic_of_a_state_gives_the_country(text, actor, country):
    actors = mentions_of(text)
    row = actors[actors.actor == actor].iloc[0]
    assert country == crisislens.parse(text, published="2022-02-13").actors.set_index("actor").country[row.actor]
