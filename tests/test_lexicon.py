"""Lexicon files: the bundled lexicon, user files that extend it, and validation errors naming file:line."""

import re

import pytest

import crisislens
from crisislens import load_lexicon
from crisislens.errors import LexiconError
from crisislens.lexicon import SPECS, bundled_files, default_lexicon

ENVOY = "Envoy Dipl. Ravel Orno met the delegation. Talks went on."


@pytest.fixture
def my_abbreviations(write): return write("my_abbreviations.csv", "# a title of my own\nabbreviation,kind\nDipl.,title\n")


SENTENCE_TABLES = ["abbreviations", "sentence_openers", "boilerplate"]


@pytest.mark.parametrize("table", SENTENCE_TABLES)
def test_lexicon_bundled_file_exists(table):
    assert [table] == [p.stem for p in bundled_files() if p.stem == table and p.exists()]


def test_lexicon_bundled_files_all_exist():
    assert all(p.exists() and p.stem in SPECS for p in bundled_files())


@pytest.mark.parametrize("table", SENTENCE_TABLES)
def test_lexicon_bundled_tables_are_not_empty(table):
    assert 0 < len(load_lexicon().table(table))


@pytest.mark.parametrize(("lookup", "entry", "found"), [
    ("title_abbreviations", "gen", True),
    ("title_abbreviations", "mr", True),
    ("title_abbreviations", "dipl", False),
    ("title_abbreviations_cased", "Gen", True),
    ("title_abbreviations_cased", "GEN", True),
    ("sentence_openers", "The", True),
    ("sentence_openers", "the", False),
    ("sentence_openers", "Velmora", False),
])
def test_lexicon_bundled_lookups(lookup, entry, found):
    assert found == (entry in getattr(load_lexicon(), lookup))


@pytest.mark.parametrize(("line", "boilerplate"), [
    ("SEE ALSO:", True),
    ("see also", True),
    ("SEE ALSO: the envoys met", False),
    ("Envoys met.", False),
])
def test_lexicon_bundled_boilerplate_matches_whole_lines(line, boilerplate):
    assert boilerplate == bool(load_lexicon().boilerplate.fullmatch(line))


def test_lexicon_default_is_loaded_once():
    assert default_lexicon() is default_lexicon()


@pytest.mark.parametrize("abbreviation", ["dipl", "gen"])
def test_lexicon_user_file_extends_bundled(my_abbreviations, abbreviation):
    assert abbreviation in load_lexicon(my_abbreviations).title_abbreviations


def test_lexicon_user_file_is_listed_last_in_sources(my_abbreviations):
    assert str(my_abbreviations) == load_lexicon(my_abbreviations).sources[-1]


def test_lexicon_user_file_alone_without_bundled(my_abbreviations):
    assert frozenset({"dipl"}) == load_lexicon(my_abbreviations, bundled=False).title_abbreviations


@pytest.mark.parametrize(("use_my_file", "sentences"), [
    (False, ["Envoy Dipl.", "Ravel Orno met the delegation.", "Talks went on."]),
    (True, ["Envoy Dipl. Ravel Orno met the delegation.", "Talks went on."]),
])
def test_lexicon_user_abbreviation_changes_sentence_splitting(my_abbreviations, use_my_file, sentences):
    lexicon = load_lexicon(my_abbreviations) if use_my_file else None
    assert sentences == crisislens.parse(ENVOY, lexicon=lexicon).sentences.text.tolist()


def test_lexicon_user_boilerplate_removes_lines(write):
    lexicon = load_lexicon(write("site_boilerplate.csv", "pattern,note\nRead more from Harbour Wire,footer\n"))
    text = "Envoys met.\n\nRead more from Harbour Wire\n\nThey agreed."
    assert "Harbour" not in crisislens.parse(text, lexicon=lexicon).text


@pytest.mark.parametrize("name", ["my_abbreviations.csv", "my-abbreviations.csv", "abbreviations.csv",
                                  "My_Abbreviations.CSV", "extra_sentence_openers.csv"])
def test_lexicon_file_name_picks_table(write, name):
    content = "word\nMeanwhile\n" if "openers" in name else "abbreviation,kind\nDipl.,title\n"
    assert 1 == len(load_lexicon(write(name, content), bundled=False).sources)


@pytest.mark.parametrize("name", ["abbrevs.csv", "my_notes.csv", "abbreviationsx.csv", "notes.txt"])
def test_lexicon_file_name_matching_no_table_raises(write, name):
    path = write(name, "abbreviation,kind\nDipl.,title\n")
    with pytest.raises(LexiconError, match="cannot tell which lexicon"):
        load_lexicon(path)


@pytest.mark.parametrize(("name", "content", "line", "problem"), [
    ("my_abbreviations.csv", "abbrev,kind\nDipl.,title\n", 1, "header lacks column(s) ['abbreviation']"),
    ("my_abbreviations.csv", "kind\ntitle\n", 1, "header lacks column(s) ['abbreviation']"),
    ("my_abbreviations.csv", "# note\n\nabbrevation,kind\nDipl.,title\n", 3, "header lacks column(s) ['abbreviation']"),
    ("my_abbreviations.csv", "", 1, "no header row"),
    ("my_abbreviations.csv", "# only a comment\n", 1, "no header row"),
    ("my_abbreviations.csv", "abbreviation,kind\nDipl.\n", 2, "1 values for 2 columns"),
    ("my_abbreviations.csv", "abbreviation,kind\nDipl.,title,extra\n", 2, "3 values for 2 columns"),
    ("my_abbreviations.csv", "abbreviation,kind\nDipl.,title\n# note\n\nPlen.,honorific\n", 5,
     "kind: 'honorific' is not one of title, abbrev"),
    ("my_abbreviations.csv", "abbreviation,kind\n ,title\n", 2, "abbreviation: empty value"),
    ("my_boilerplate.csv", "pattern,note\nRead more (here,unclosed group\n", 2, "pattern: invalid regular expression"),
    ("my_boilerplate.csv", "pattern,note\n[a-,bad range\n", 2, "pattern: invalid regular expression"),
    ("my_sentence_openers.csv", "word\nMeanwhile\nIn addition\n", 3, "word: 'In addition' must be one word"),
])
def test_lexicon_invalid_file_raises_with_file_and_line(write, name, content, line, problem):
    path = write(name, content)
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert f"{path}:{line}: {problem}" == str(info.value)[: len(f"{path}:{line}: {problem}")]


def test_lexicon_missing_file_raises(tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        load_lexicon(tmp_path / "my_abbreviations.csv")


def test_lexicon_file_not_utf8_raises(write):
    with pytest.raises(LexiconError, match=r"my_abbreviations\.csv:0: cannot read"):
        load_lexicon(write("my_abbreviations.csv", b"abbreviation,kind\nCaf\xe9.,title\n"))


def test_lexicon_error_is_a_value_error(write):
    with pytest.raises(ValueError, match="not one of"):
        load_lexicon(write("my_abbreviations.csv", "abbreviation,kind\nDipl.,bogus\n"))


def test_lexicon_utf8_bom_is_accepted(write):
    path = write("my_abbreviations.csv", b"\xef\xbb\xbfabbreviation,kind\nDipl.,title\n")
    assert "dipl" in load_lexicon(path).title_abbreviations


STATE_HEADER = "actor_id,name,aliases,adjectives\n"
PEOPLE_HEADER = "actor_id,name,aliases,role,country,organization,start,end\n"


def test_lexicon_user_person_of_a_user_state_loads(write):
    states = write("my_states.csv", STATE_HEADER + "XVL,Velmora,,Velmoran\n")
    people = write("my_people.csv", PEOPLE_HEADER + "person:ilsa-dorn,Ilsa Dorn,,President,XVL,,,\n")
    assert "XVL" == load_lexicon(states, people).table("people")[-1]["country"]


def test_lexicon_user_person_of_an_unknown_state_raises_with_the_fix(write):
    people = write("my_people.csv", PEOPLE_HEADER + "person:ilsa-dorn,Ilsa Dorn,,President,XVL,,,\n")
    with pytest.raises(LexiconError, match=rf"^{re.escape(str(people))}:2: country 'XVL' is not a state .* my_states\.csv"):
        load_lexicon(people)


@pytest.mark.parametrize(("name", "content"), [
    ("my_states.csv", STATE_HEADER + "ERI,Eriador,,\n"),
    ("my_states.csv", STATE_HEADER + "XVL,Velmora,,\nXVL,Estavia,,\n"),
    ("my_organizations.csv", "actor_id,name,kind,country,aliases\nNATO,Northern League,organization,,\n"),
])
def test_lexicon_user_id_given_to_a_second_name_raises(write, name, content):
    path = write(name, content)
    with pytest.raises(LexiconError, match=rf"^{re.escape(str(path))}:\d: actor_id '\w+' is already '[\w ]+' \(.*:\d+\)"):
        load_lexicon(path)


def test_lexicon_user_row_repeating_a_bundled_state_adds_an_alias(write):
    lexicon = load_lexicon(write("my_states.csv", STATE_HEADER + "UKR,Ukraine,Ukrayina,\n"))
    assert ["UKR", "UKR"] == crisislens.parse("Ukrayina and Ukraine.", lexicon=lexicon).mentions.actor_id.tolist()
