"""Contacts between fictional actors of a user lexicon, and recall floors on the consult records of the
PETRARCH unit tests (benchmarks/contacts_petrarch.py prints the scores and the misses).

The ``cameo04`` selection (records coded 040-049) scores 0: the file's codes are WEIS-based, and there
04x codes praise and endorsement, not contacts; its size is recorded so that the selection stays what
the benchmark documents. The floors are on ``weis03`` (031-033: meet, visit, receive a visit). The
xfail cases are invented sentences with the constructions the benchmark misses.
"""

import pytest
from benchmark_support import SHARED, load_benchmark, metric

import crisislens

benchmark = load_benchmark("contacts_petrarch")

STATES = ("actor_id,name,aliases,adjectives\n"
          "XVL,Velmora,Republic of Velmora,Velmoran\nXNR,Norland,,Norlandic\nXES,Estavia,,Estavian\n")
PEOPLE = ("actor_id,name,aliases,role,country,organization,start,end\n"
          "person:ilsa-dorn,Ilsa Dorn,Dorn,President,XVL,,,\nperson:teo-marsk,Teo Marsk,Marsk,Prime Minister,XNR,,,\n")
RECORDS_ABSENT = not (SHARED / "petrarch2").exists()


@pytest.fixture
def fictional_lexicon(write):
    return crisislens.load_lexicon(write("my_states.csv", STATES), write("my_people.csv", PEOPLE))


def pairs(text, lexicon):
    contacts = crisislens.parse(text, published="2022-02-14", lexicon=lexicon).contacts
    return list(zip(contacts.actor1, contacts.actor2, strict=True))


@pytest.mark.parametrize(("text", "expected"), [
    ("Ilsa Dorn met Teo Marsk.", [("Ilsa Dorn", "Teo Marsk")]),
    ("President Ilsa Dorn met the Norlandic foreign minister in Velmora.", [("Ilsa Dorn", "Norland")]),
    ("Velmora hosted Norland last week.", [("Velmora", "Norland")]),
    ("Ilsa Dorn spoke about the weather.", []),
    ("Ilsa Dorn welcomed the resumption of ties with Norland.", []),
])
def test_contacts_petrarch_user_lexicon_names_fictional_parties(fictional_lexicon, text, expected):
    assert expected == pairs(text, fictional_lexicon)


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Velmora will be hosting Norland next week.", [("Velmora", "Norland")]),
    pytest.param("Ilsa Dorn left for Norland on Wednesday for talks.", [("Ilsa Dorn", "Norland")]),
    pytest.param("Ilsa Dorn arrived in Norland on Monday on her first official visit.", [("Ilsa Dorn", "Norland")]),
    pytest.param("The ambassadors of Norland presented their credentials to Ilsa Dorn.", [("Norland", "Ilsa Dorn")]),
    pytest.param("Velmora and Norland held talks on Monday.", [("Velmora", "Norland")]),
    pytest.param("Ilsa Dorn will meet Norlandic and Estavian leaders.", [("Ilsa Dorn", "Norland"),
                                                                         ("Ilsa Dorn", "Estavia")],
                 marks=pytest.mark.xfail(strict=True, reason="two objects of 'meet' also paired with each other")),
])
def test_contacts_petrarch_known_misses(fictional_lexicon, text, expected):
    assert expected == pairs(text, fictional_lexicon)


def test_contacts_petrarch_benchmark_lexicon_loads(tmp_path):
    lexicon = crisislens.load_lexicon(*benchmark.write_lexicon(tmp_path))
    assert {"Gondor", "Eriador", "the Shire"} <= {row["name"] for row in lexicon.table("states")}


@pytest.mark.shared_corpus
@pytest.mark.skipif(RECORDS_ABSENT, reason="../shared/corpus/petrarch2 is absent (not part of this repository)")
@pytest.mark.parametrize(("name", "size"), [("contact_found", 26), ("both_parties", 59),
                                            ("contact_found_in_contacts", 6)])
def test_contacts_petrarch_cameo04_selection_size(name, size):
    scores = benchmark.contact_scores("cameo04").set_index("metric")
    assert size == scores.loc[name, "n_gold"]


@pytest.mark.shared_corpus
@pytest.mark.skipif(RECORDS_ABSENT, reason="../shared/corpus/petrarch2 is absent (not part of this repository)")
@pytest.mark.parametrize(("name", "floor"), [
    ("contact_found", 0.55),
    ("both_parties", 0.55),
    ("kind_agreement", 0.9),
    ("contact_found_in_contacts", 0.95),
    ("both_parties_in_contacts", 0.9),
])
def test_contacts_petrarch_weis03_floor(name, floor):
    assert metric(benchmark.contact_scores("weis03"), name) >= floor
