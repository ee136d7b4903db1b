"""Scoring against gold: JSON gold loading and validation, match rules, brat corpora, run and CLI."""

import json
import math
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from crisislens.cli import main
from crisislens.errors import GoldFormatError, InputError
from crisislens.evaluate import (
    GoldContact,
    GoldDocument,
    GoldQuote,
    format_scores,
    load_brat,
    load_gold,
    run,
    score,
    score_brat,
)
from crisislens.tables import frame

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear-dev"

OLSEN = ["Mara Olsen", "Olsen", "Norland"]
PLEDGE = "we will not move a single soldier"


def write_gold(folder, name="harbour", **fields):
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"doc": f"{name}.txt", **fields}), encoding="utf-8")
    return path


def gold_doc(tmp_path, **fields):
    return load_gold(write_gold(tmp_path, **fields))


def quote_rows(*texts, article_id="harbour", **columns):
    return frame("quotes", [{"article_id": article_id, "text": text, **columns} for text in texts])


def metric(df, task, name):
    row = df[(df.task == task) & (df.metric == name)]
    assert 1 == len(row), f"no single row for {task} {name}"
    return row.iloc[0]


def value(df, task, name):
    return float(metric(df, task, name).value)


FULL_GOLD = {
    "published": "2022-03-05",
    "quotes": [{"speaker": OLSEN, "kind": "direct", "contains": PLEDGE}],
    "figures": [{"value": 4000, "category": ["troops"], "qualifier": ["about"], "unit": ["soldiers"]}],
    "contacts": [{"participants": [["Mara Olsen", "Norland"], ["Ivo Brandt", "Vesmark"]], "kind": ["call"],
                  "status": "held", "date": ["2022-03-04"]}],
    "actors": [{"name": ["Mara Olsen", "Olsen"], "kind": "person", "country": ["NRL"],
                "role_contains": "foreign minister"}],
}

FULL_PRED = {
    "quotes": quote_rows("We will not move a single soldier toward the river", speaker="Mara Olsen", kind="direct"),
    "figures": frame("figures", [{"article_id": "harbour", "value": 4000, "category": "troops",
                                  "qualifier": "about", "unit": "soldiers"}]),
    "contacts": frame("contacts", [{"article_id": "harbour", "contact_id": 1, "actor1": "Mara Olsen",
                                    "actor2": "Ivo Brandt", "kind": "call", "status": "held",
                                    "date": "2022-03-04"}]),
    "actors": frame("actors", [{"article_id": "harbour", "actor": "Mara Olsen", "kind": "person",
                                "country": "NRL", "role": "Foreign Minister of Norland"}]),
}


@pytest.mark.parametrize(("task", "name"), [
    ("quotes", "precision"), ("quotes", "recall"), ("quotes", "f1"),
    ("quotes", "speaker_accuracy"), ("quotes", "kind_accuracy"),
    ("figures", "precision"), ("figures", "recall"), ("figures", "f1"),
    ("figures", "category_accuracy"), ("figures", "qualifier_accuracy"), ("figures", "unit_accuracy"),
    ("contacts", "precision"), ("contacts", "recall"), ("contacts", "f1"),
    ("contacts", "kind_accuracy"), ("contacts", "status_accuracy"), ("contacts", "date_accuracy"),
    ("actors", "precision"), ("actors", "recall"), ("actors", "f1"),
    ("actors", "kind_accuracy"), ("actors", "country_accuracy"), ("actors", "role_accuracy"),
])
def test_evaluate_perfect_match_scores_one(task, name, tmp_path):
    scores = score(gold_doc(tmp_path, **FULL_GOLD), FULL_PRED)
    assert 1.0 == value(scores, task, name)
    assert (1, 1) == (metric(scores, task, name).n_gold, metric(scores, task, name).n_pred)


def test_evaluate_score_columns_and_dtypes(tmp_path):
    scores = score(gold_doc(tmp_path, **FULL_GOLD), FULL_PRED)
    assert ["task", "metric", "value", "n_gold", "n_pred", "n_matched"] == list(scores.columns)
    assert ["quotes", "figures", "contacts", "actors"] == list(dict.fromkeys(scores.task))
    assert ["float64", "int64", "int64", "int64"] == [str(scores[c].dtype) for c in scores.columns[2:]]


@pytest.mark.parametrize(("name", "expected"), [("precision", 0.5), ("recall", 2 / 3), ("f1", 4 / 7)])
def test_evaluate_partial_match_precision_recall_f1(name, expected, tmp_path):
    gold = gold_doc(tmp_path, quotes=[
        {"speaker": OLSEN, "contains": PLEDGE},
        {"speaker": ["Ivo Brandt"], "contains": "the ferry service will resume on Friday"},
        {"speaker": ["Norland"], "contains": "no ships will be stopped at the harbour"},
    ])
    pred = quote_rows("We will not move a single soldier", "The ferry service will resume on Friday morning",
                      "Prices rose sharply in the capital", "The weather was calm")
    scores = score(gold, {"quotes": pred})
    assert pytest.approx(expected) == value(scores, "quotes", name)
    assert (3, 4, 2) == tuple(metric(scores, "quotes", name)[["n_gold", "n_pred", "n_matched"]])


@pytest.mark.parametrize(("name", "expected"), [
    ("precision", math.nan), ("recall", 0.0), ("f1", 0.0), ("speaker_accuracy", math.nan),
])
def test_evaluate_no_predictions_counts_all_gold_as_missed(name, expected, tmp_path):
    gold = gold_doc(tmp_path, quotes=[{"speaker": OLSEN, "contains": PLEDGE},
                                      {"speaker": ["Ivo Brandt"], "contains": "the ferry will sail again soon"}])
    elsewhere = quote_rows("We will not move a single soldier", article_id="another-article")
    scores = score(gold, {"quotes": elsewhere})
    assert pytest.approx(expected, nan_ok=True) == value(scores, "quotes", name)
    assert 2 == metric(scores, "quotes", name).n_gold
    assert 0 == metric(scores, "quotes", name).n_pred


@pytest.mark.parametrize(("task", "tables"), [("quotes", {}), ("contacts", {"quotes": quote_rows("Hello there")})])
def test_evaluate_missing_table_counts_as_no_predictions(task, tables, tmp_path):
    scores = score(gold_doc(tmp_path, **FULL_GOLD), tables)
    assert (0.0, 0) == (value(scores, task, "recall"), metric(scores, task, "recall").n_pred)


@pytest.mark.parametrize(("texts", "expected"), [
    # (predicted quote texts, (precision, recall, n_pred))
    (["We will not move a single soldier", "Talks may take place in the spring, she said"], (1.0, 1.0, 1)),
    (["We will not move a single soldier"], (1.0, 1.0, 1)),
    (["We will not move a single soldier", "Talks may take place in the spring", "Rain fell"], (0.5, 1.0, 2)),
    (["Talks may take place in the spring"], (math.nan, 0.0, 0)),
])
def test_evaluate_optional_quotes_neither_missed_nor_penalised(texts, expected, tmp_path):
    gold = gold_doc(tmp_path, quotes=[{"speaker": OLSEN, "contains": PLEDGE}],
                    quotes_optional=[{"speaker": OLSEN, "contains": "talks may take place in the spring"}])
    scores = score(gold, {"quotes": quote_rows(*texts)})
    actual = (value(scores, "quotes", "precision"), value(scores, "quotes", "recall"),
              metric(scores, "quotes", "precision").n_pred)
    assert pytest.approx(expected, nan_ok=True) == actual


@pytest.mark.parametrize(("columns", "expected"), [
    ({"speaker": "Mara Olsen"}, 1.0),
    ({"speaker": "MARA OLSEN"}, 1.0),
    ({"speaker": "Someone Else", "speaker_text": "Olsen"}, 1.0),
    ({"speaker_id": "norland"}, 1.0),
    ({"speaker": "Ivo Brandt", "speaker_text": "Brandt", "speaker_id": "VSM"}, 0.0),
    ({}, 0.0),
])
def test_evaluate_speaker_matches_any_alternative_name(columns, expected, tmp_path):
    gold = gold_doc(tmp_path, quotes=[{"speaker": OLSEN, "contains": PLEDGE}])
    scores = score(gold, {"quotes": quote_rows("We will not move a single soldier", **columns)})
    assert 1.0 == value(scores, "quotes", "recall")
    assert expected == value(scores, "quotes", "speaker_accuracy")


@pytest.mark.parametrize(("contains", "text", "expected"), [
    ("the minister\u2019s plan will not change", "The minister's plan will not change, she said", 1.0),
    ("the minister's plan will not change", "the minister\u2019s plan will not change", 1.0),
    ("THE MINISTER'S  PLAN\nWILL not change", "The minister's plan will not change", 1.0),
    ("the plan will not change at all", "The plan will \u201cnot change at all\u201d", 1.0),
    ("the plan will not change at all", 'The plan will "not change at all"', 1.0),
    ("the plan will not change at all", "The plan will change", 0.0),
])
def test_evaluate_contains_ignores_case_spaces_and_quote_characters(contains, text, expected, tmp_path):
    gold = gold_doc(tmp_path, quotes=[{"speaker": OLSEN, "contains": contains}])
    assert expected == value(score(gold, {"quotes": quote_rows(text)}), "quotes", "recall")


@pytest.mark.parametrize(("text", "expected"), [
    ("the border will stay open for trucks and buses", 1.0),
    ("the border will stay open", 1.0),
    ("the border will stay", 0.0),
    ("the border will stay open for trucks and buses while officials in three capitals keep arguing "
     "about tariffs, fishing quotas, pipelines and the price of grain", 0.0),
])
def test_evaluate_full_text_quote_needs_half_of_each_side(text, expected, tmp_path):
    gold = gold_doc(tmp_path, quotes=[{"speaker": OLSEN, "text": "The border will stay open for trucks and buses."}])
    assert expected == value(score(gold, {"quotes": quote_rows(text)}), "quotes", "recall")


def test_evaluate_matching_is_one_to_one(tmp_path):
    gold = gold_doc(tmp_path, quotes=[{"speaker": OLSEN, "contains": PLEDGE}])
    scores = score(gold, {"quotes": quote_rows("We will not move a single soldier", "We will not move a single soldier")})
    assert (0.5, 1.0) == (value(scores, "quotes", "precision"), value(scores, "quotes", "recall"))


def test_evaluate_match_prefers_prediction_with_right_attributes(tmp_path):
    gold = gold_doc(tmp_path, quotes=[{"speaker": OLSEN, "contains": PLEDGE}])
    pred = frame("quotes", [
        {"article_id": "harbour", "text": "We will not move a single soldier", "speaker": "Ivo Brandt"},
        {"article_id": "harbour", "text": "We will not move a single soldier", "speaker": "Mara Olsen"},
    ])
    assert 1.0 == value(score(gold, {"quotes": pred}), "quotes", "speaker_accuracy")


CONTACT_GOLD = {"contacts": [{
    "participants": [["Mara Olsen", "Norland"], ["Ivo Brandt", "Vesmark"], ["Lena Hart", "Ostria"]],
    "kind": ["meeting", "talks"], "status": "held", "date": ["2022-03-04"]}]}


def contact_rows(*pairs, contact_id=7, **columns):
    return frame("contacts", [{"article_id": "harbour", "contact_id": contact_id, "actor1": a, "actor2": b,
                               "kind": "meeting", "status": "held", "date": "2022-03-04", **columns}
                              for a, b in pairs])


@pytest.mark.parametrize(("pairs", "expected"), [
    # (pair rows sharing contact_id 7, (recall, n_pred))
    ([("Mara Olsen", "Ivo Brandt"), ("Mara Olsen", "Lena Hart"), ("Ivo Brandt", "Lena Hart")], (1.0, 1)),
    ([("Norland", "Vesmark"), ("Norland", "Ostria"), ("Vesmark", "Ostria")], (1.0, 1)),
    ([("Mara Olsen", "Ivo Brandt"), ("Mara Olsen", "Lena Hart"), ("Mara Olsen", "Tomas Weir")], (1.0, 1)),
    ([("Mara Olsen", "Ivo Brandt")], (0.0, 1)),
    ([("Mara Olsen", "Norland"), ("Norland", "Ivo Brandt")], (0.0, 1)),
])
def test_evaluate_contact_matches_when_every_gold_party_is_present(pairs, expected, tmp_path):
    scores = score(gold_doc(tmp_path, **CONTACT_GOLD), {"contacts": contact_rows(*pairs)})
    assert expected == (value(scores, "contacts", "recall"), metric(scores, "contacts", "recall").n_pred)


@pytest.mark.parametrize(("pairs", "expected"), [
    ([("Norland", "Vesmark")], 0.0),
    ([("Mara Olsen", "Vesmark"), ("Mara Olsen", "Norland"), ("Norland", "Vesmark")], 1.0),
])
def test_evaluate_contact_party_stands_for_one_gold_party_only(pairs, expected, tmp_path):
    two_of_norland = {"participants": [["Mara Olsen", "Norland"], ["Per Lund", "Norland"], ["Vesmark"]]}
    scores = score(gold_doc(tmp_path, contacts=[two_of_norland]), {"contacts": contact_rows(*pairs)})
    assert expected == value(scores, "contacts", "recall")


def test_evaluate_contacts_are_grouped_by_contact_id(tmp_path):
    pred = pd.concat([contact_rows(("Mara Olsen", "Ivo Brandt"), contact_id=1),
                      contact_rows(("Mara Olsen", "Lena Hart"), contact_id=2)])
    scores = score(gold_doc(tmp_path, **CONTACT_GOLD), {"contacts": pred})
    assert (0.0, 2) == (value(scores, "contacts", "recall"), metric(scores, "contacts", "recall").n_pred)


@pytest.mark.parametrize(("gold", "columns", "expected"), [
    # (gold fields, predicted columns, (kind, status, date accuracy))
    ({}, {}, (1.0, 1.0, 1.0)),
    ({}, {"kind": "call", "status": "planned", "date": "2022-03-05"}, (0.0, 0.0, 0.0)),
    ({"date": []}, {"date": None}, (1.0, 1.0, 1.0)),
    ({"date": []}, {}, (1.0, 1.0, 0.0)),
    ({"kind": [], "status": None, "date": None}, {"kind": "call"}, (math.nan, math.nan, math.nan)),
])
def test_evaluate_contact_attribute_accuracy(gold, columns, expected, tmp_path):
    contact = {**CONTACT_GOLD["contacts"][0], **gold}
    pairs = [("Mara Olsen", "Ivo Brandt"), ("Mara Olsen", "Lena Hart"), ("Ivo Brandt", "Lena Hart")]
    scores = score(gold_doc(tmp_path, contacts=[contact]), {"contacts": contact_rows(*pairs, **columns)})
    actual = tuple(value(scores, "contacts", f"{name}_accuracy") for name in ("kind", "status", "date"))
    assert pytest.approx(expected, nan_ok=True) == actual


@pytest.mark.parametrize(("rows", "expected"), [
    # (predicted figures, (recall, category_accuracy, qualifier_accuracy))
    ([{"value": 4000, "category": "troops", "qualifier": "more than"}], (1.0, 1.0, 1.0)),
    ([{"value": 4000.0, "category": "people", "qualifier": "exact"}], (1.0, 0.0, 0.0)),
    ([{"value": 3999, "category": "troops"}], (0.0, math.nan, math.nan)),
    ([{"value": None, "low": 4000, "high": 5000, "category": "troops", "qualifier": "range"}], (1.0, 1.0, 0.0)),
    ([{"value": 4000, "category": "money"}, {"value": 4000, "category": "troops", "qualifier": "more than"}],
     (1.0, 1.0, 1.0)),
])
def test_evaluate_figures_match_by_value(rows, expected, tmp_path):
    gold = gold_doc(tmp_path, figures=[{"value": 4000, "category": ["troops"], "qualifier": ["more than"]}])
    pred = frame("figures", [{"article_id": "harbour", **row} for row in rows])
    scores = score(gold, {"figures": pred})
    actual = tuple(value(scores, "figures", name) for name in ("recall", "category_accuracy", "qualifier_accuracy"))
    assert pytest.approx(expected, nan_ok=True) == actual


@pytest.mark.parametrize(("row", "expected"), [
    # (predicted actor, (recall, country_accuracy, role_accuracy))
    ({"actor": "Mara Olsen", "country": "NRL", "role": "Foreign Minister"}, (1.0, 1.0, 1.0)),
    ({"actor": "M. Olsen", "actor_id": "person:mara-olsen"}, (0.0, math.nan, math.nan)),
    ({"actor": "olsen", "country": "VSM", "role": "Prime Minister"}, (1.0, 0.0, 0.0)),
])
def test_evaluate_actors_match_by_name(row, expected, tmp_path):
    gold = gold_doc(tmp_path, actors=FULL_GOLD["actors"])
    scores = score(gold, {"actors": frame("actors", [{"article_id": "harbour", **row}])})
    actual = tuple(value(scores, "actors", name) for name in ("recall", "country_accuracy", "role_accuracy"))
    assert pytest.approx(expected, nan_ok=True) == actual


def test_evaluate_only_annotated_tasks_are_scored(tmp_path):
    scores = score(gold_doc(tmp_path, quotes=[]), FULL_PRED)
    assert {"quotes"} == set(scores.task)
    assert (0.0, 1) == (value(scores, "quotes", "precision"), metric(scores, "quotes", "precision").n_pred)


def test_evaluate_load_gold_reads_folder_recursively(tmp_path):
    write_gold(tmp_path, name="harbour", **FULL_GOLD)
    (tmp_path / "more" / "deeper").mkdir(parents=True)
    write_gold(tmp_path / "more" / "deeper", name="ferry", contacts=[], _note="annotated twice")
    harbour, ferry = sorted(load_gold(tmp_path), key=lambda d: d.article_id, reverse=True)
    assert ("harbour", date(2022, 3, 5)) == (harbour.article_id, harbour.published)
    assert GoldQuote(speaker=tuple(OLSEN), contains=PLEDGE, kind="direct") == harbour.quotes[0]
    assert GoldContact(participants=(("Mara Olsen", "Norland"), ("Ivo Brandt", "Vesmark")), kind=("call",),
                       status="held", date=("2022-03-04",)) == harbour.contacts[0]
    assert frozenset({"quotes", "figures", "contacts", "actors"}) == harbour.tasks
    assert ("ferry", frozenset({"contacts"})) == (ferry.article_id, ferry.tasks)


def test_evaluate_gold_document_article_id_is_doc_stem():
    assert "harbour" == GoldDocument("news/harbour.txt").article_id


@pytest.mark.parametrize(("data", "problem"), [
    ({"quotes": []}, 'missing "doc"'),
    ({"doc": 12}, '"doc" must be a non-empty string'),
    ({"doc": "a.txt", "quotes": {}}, '"quotes" must be a list'),
    ({"doc": "a.txt", "quotes": [{"speaker": ["X"], "kind": "direkt", "contains": "a b c d e"}]},
     "quotes[0].kind: 'direkt' is not one of direct, indirect, mixed"),
    ({"doc": "a.txt", "quotes": [{"speaker": 5, "contains": "a b c d e"}]}, "quotes[0].speaker must be a list"),
    ({"doc": "a.txt", "quotes": [{"speaker": ["X"]}]}, 'needs "contains"'),
    ({"doc": "a.txt", "quotes": [{"speaker": ["X"], "contain": "a b c d e"}]}, "unknown key(s) 'contain'"),
    ({"doc": "a.txt", "figures": [{"value": "many"}]}, "figures[0].value must be a number"),
    ({"doc": "a.txt", "figures": [{"value": 3, "category": ["tanks"]}]}, "'tanks' is not one of"),
    ({"doc": "a.txt", "contacts": [{"participants": [["A"], ["B"]], "status": "done"}]},
     "contacts[0].status: 'done' is not one of held, planned, proposed, cancelled"),
    ({"doc": "a.txt", "contacts": [{"participants": [["A"]]}]}, "at least two parties"),
    ({"doc": "a.txt", "contacts": [{"participants": [["A"], ["B"]], "date": ["12/02/2022"]}]},
     "is not a date written YYYY-MM-DD"),
    ({"doc": "a.txt", "actors": [{"name": ["A"], "kind": "robot"}]}, "actors[0].kind: 'robot' is not one of"),
    ({"doc": "a.txt", "actors": [{"name": ["A"], "country": ["Norland"]}]}, "not an ISO 3166-1 alpha-3 code"),
    ({"doc": "a.txt", "published": "March 2022"}, "published: 'March 2022' is not a date"),
    (["doc", "a.txt"], "one JSON object"),
])
def test_evaluate_malformed_gold_raises_with_file_and_problem(data, problem, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GoldFormatError) as error:
        load_gold(path)
    assert str(path) in str(error.value)
    assert problem in str(error.value)


@pytest.mark.parametrize(("text", "problem"), [
    ('{"doc": "a.txt",', "invalid JSON at line 1"),
    ("", "invalid JSON"),
])
def test_evaluate_invalid_json_gold_raises(text, problem, tmp_path):
    (tmp_path / "bad.json").write_text(text, encoding="utf-8")
    with pytest.raises(GoldFormatError, match=problem):
        load_gold(tmp_path)


def test_evaluate_gold_annotating_one_article_twice_raises(tmp_path):
    write_gold(tmp_path, name="harbour")
    (tmp_path / "copy").mkdir()
    write_gold(tmp_path / "copy", name="harbour")
    with pytest.raises(GoldFormatError, match="annotated twice"):
        load_gold(tmp_path)


@pytest.mark.parametrize("make", [lambda p: p / "missing.json", lambda p: p])
def test_evaluate_load_gold_without_files_raises(make, tmp_path):
    with pytest.raises((InputError, GoldFormatError)):
        load_gold(make(tmp_path))


# --- brat corpora -----------------------------------------------------------------------------

STORM = (
    "Storm Nadia reached the coast overnight.\n\n"
    '"The bridge will reopen next week," the mayor said on Tuesday. Residents should stay indoors, '
    "according to the police. The council, a spokesman wrote, has approved emergency funds.\n"
)


def span(fragment, text=STORM):
    start = text.index(fragment)
    return start, start + len(fragment)


def t_line(tid, kind, *fragments):
    offsets = ";".join("{} {}".format(*span(f)) for f in fragments)
    return f"{tid}\t{kind} {offsets}\t{' '.join(fragments)}"


ATTRIBUTIONS = {
    "said": [t_line("T1", "Source", "the mayor"), t_line("T2", "Cue", "said"),
             t_line("T3", "Content", "The bridge will reopen next week,"), t_line("T4", "Attribution", "said"),
             "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1"],
    "according to": [t_line("T5", "Source", "the police"), t_line("T6", "Cue", "according to"),
                     t_line("T7", "Content", "Residents should stay indoors"),
                     t_line("T8", "Attribution", "according to"),
                     "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7"],
    "wrote": [t_line("T9", "Source", "a spokesman"), t_line("T10", "Cue", "wrote"),
              t_line("T11", "Content", "The council", "has approved emergency funds"),
              t_line("T12", "Attribution", "wrote"), "E3\tAttribution:T12 Content:T11 Cue:T10 Source:T9"],
    "no-source": [t_line("T13", "Cue", "reached"), t_line("T14", "Content", "Storm Nadia"),
                  t_line("T15", "Attribution-no-source", "reached"),
                  t_line("T16", "Content", "the coast overnight"),
                  "E4\tAttribution-no-source:T15 Content:T14 Cue:T13 Content2:T16"],
    "noise": [t_line("T17", "Discard", "on Tuesday"), "#1\tAnnotatorNotes T17\tnot an attribution",
              "E5\tAttribution-no-source:T17 "],
}


def write_brat(folder, annotations=tuple(ATTRIBUTIONS), name="storm", annotator="ab12", text=STORM):
    (folder / "attributions").mkdir(parents=True, exist_ok=True)
    (folder / "text").mkdir(exist_ok=True)
    (folder / "text" / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
    lines = [line for key in annotations for line in ATTRIBUTIONS[key]]
    (folder / "attributions" / f"{name}_{annotator}.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_evaluate_load_brat_builds_attributions(tmp_path):
    (doc,) = load_brat(write_brat(tmp_path))
    assert ("storm", "ab12", tmp_path / "text" / "storm.txt") == (doc.article_id, doc.annotator, doc.text_path)
    summary = [(a.id, a.kind, a.source.text if a.source else None, a.cue.text, a.content.text)
               for a in doc.attributions]
    assert [
        ("E4", "Attribution-no-source", None, "reached", "Storm Nadia the coast overnight"),
        ("E1", "Attribution", "the mayor", "said", "The bridge will reopen next week,"),
        ("E2", "Attribution", "the police", "according to", "Residents should stay indoors"),
        ("E3", "Attribution", "a spokesman", "wrote", "The council has approved emergency funds"),
    ] == summary


def test_evaluate_load_brat_offsets_point_into_the_text(tmp_path):
    (doc,) = load_brat(write_brat(tmp_path))
    for attribution in doc.attributions:
        content = attribution.content
        assert content.text == " ".join(STORM[a:b] for a, b in content.offsets)
    assert [span("The council"), span("has approved emergency funds")] == list(doc.attributions[3].content.offsets)
    assert (span("Storm Nadia")[0], span("the coast overnight")[1]) == (doc.attributions[0].content.start,
                                                                       doc.attributions[0].content.end)


@pytest.mark.parametrize(("line", "problem"), [
    ("T1\tSource 0 5\tStorm", None),
    ("T1\tSource 0 5\tRain!", "does not match the text"),
    ("T1\tSource 0 99999\tStorm", "outside the text"),
    ("T1\tSource zero five\tStorm", "malformed span line"),
    ("T1\tSource 0 5", "malformed span line"),
    ("E1\tAttribution:T1 Content:T77", "undefined span T77"),
    ("E1", "malformed event line"),
])
def test_evaluate_malformed_brat_raises_with_file_and_line(line, problem, tmp_path):
    write_brat(tmp_path, annotations=["said"])
    ann = tmp_path / "attributions" / "storm_ab12.ann"
    ann.write_text(ann.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    if problem is None:
        assert 1 == len(load_brat(tmp_path)[0].attributions)
        return
    with pytest.raises(GoldFormatError, match=problem) as error:
        load_brat(tmp_path)
    assert f"{ann}:6" in str(error.value)


def test_evaluate_brat_without_text_file_raises(tmp_path):
    write_brat(tmp_path)
    (tmp_path / "text" / "storm.txt").unlink()
    with pytest.raises(GoldFormatError, match=re.escape("no text file storm_ab12.txt or storm.txt")):
        load_brat(tmp_path)


def test_evaluate_brat_text_next_to_ann_without_suffix(tmp_path):
    (tmp_path / "storm.txt").write_text(STORM, encoding="utf-8")
    (tmp_path / "storm.ann").write_text("\n".join(ATTRIBUTIONS["said"]), encoding="utf-8")
    (doc,) = load_brat(tmp_path)
    assert ("storm", None, 1) == (doc.article_id, doc.annotator, len(doc.attributions))


def storm_quotes(*rows):
    return frame("quotes", [{"article_id": "storm", "text": text, "speaker": speaker} for text, speaker in rows])


@pytest.mark.parametrize(("name", "expected"), [
    ("precision", 2 / 3), ("recall", 0.5), ("f1", 4 / 7), ("speaker_accuracy", 0.5),
])
def test_evaluate_score_brat_matches_by_word_overlap(name, expected, tmp_path):
    docs = load_brat(write_brat(tmp_path))
    quotes = storm_quotes(
        ("The bridge will reopen next week", "Mayor Ada Quinn"),
        ("residents should stay indoors tonight", "Ada Quinn"),
        ("Schools are closed", "the mayor"),
    )
    scores = score_brat(docs, quotes)
    assert pytest.approx(expected) == value(scores, "quotes", name)
    assert (4, 3) == (metric(scores, "quotes", name).n_gold, metric(scores, "quotes", name).n_pred)


@pytest.mark.parametrize(("annotation", "speaker", "speaker_text", "expected"), [
    # gold Source: "the mayor" (said) or "a spokesman" (wrote)
    ("said", "Mayor Ada Quinn", None, 1.0),
    ("said", "Ada Quinn", "the mayor", 1.0),
    ("said", "The Mayor", None, 1.0),
    ("said", "Ada Quinn", "she", 0.0),
    ("said", "the police", None, 0.0),
    ("said", None, None, 0.0),
    ("wrote", "the council spokesman", None, 1.0),
    ("wrote", "Tom Reyes", "the council's spokesman", 1.0),
    ("wrote", "Spokesman", None, 1.0),
    ("wrote", "the council", None, 0.0),
])
def test_evaluate_score_brat_speaker_contains_or_shares_head_word(annotation, speaker, speaker_text, expected,
                                                                   tmp_path):
    docs = load_brat(write_brat(tmp_path, annotations=[annotation]))
    text = {"said": "The bridge will reopen next week", "wrote": "the council has approved emergency funds"}
    quotes = frame("quotes", [{"article_id": "storm", "text": text[annotation],
                               "speaker": speaker, "speaker_text": speaker_text}])
    assert expected == value(score_brat(docs, quotes), "quotes", "speaker_accuracy")


@pytest.mark.parametrize(("cues", "expected"), [
    # (cue filter, (n_gold, n_pred, precision, recall))
    (None, (4, 2, 1.0, 0.5)),
    ({"said"}, (1, 1, 1.0, 1.0)),
    ({" SAID "}, (1, 1, 1.0, 1.0)),
    ({"wrote", "reached"}, (2, 0, math.nan, 0.0)),
])
def test_evaluate_score_brat_cue_filter(cues, expected, tmp_path):
    docs = load_brat(write_brat(tmp_path))
    quotes = storm_quotes(("The bridge will reopen next week", "the mayor"),
                          ("Residents should stay indoors", "the police"))
    scores = score_brat(docs, quotes, cues=cues)
    row = metric(scores, "quotes", "precision")
    actual = (row.n_gold, row.n_pred, value(scores, "quotes", "precision"), value(scores, "quotes", "recall"))
    assert pytest.approx(expected, nan_ok=True) == actual


def test_evaluate_score_brat_uses_first_annotation_of_a_text(tmp_path):
    write_brat(tmp_path, annotations=["said"], annotator="aa11")
    write_brat(tmp_path, annotations=["said", "according to", "wrote"], annotator="bb22")
    docs = load_brat(tmp_path)
    assert [("storm", "aa11"), ("storm", "bb22")] == [(d.article_id, d.annotator) for d in docs]
    scores = score_brat(docs, storm_quotes(("The bridge will reopen next week", "the mayor")))
    assert (1, 1.0) == (metric(scores, "quotes", "recall").n_gold, value(scores, "quotes", "recall"))


def test_evaluate_score_brat_ignores_other_articles(tmp_path):
    docs = load_brat(write_brat(tmp_path))
    quotes = frame("quotes", [{"article_id": "elsewhere", "text": "The bridge will reopen next week"}])
    assert 0 == metric(score_brat(docs, quotes), "quotes", "precision").n_pred


# --- run, CLI, formatting -----------------------------------------------------------------------


def write_pred(folder, tables):
    folder.mkdir(parents=True, exist_ok=True)
    for name, df in tables.items():
        df.to_csv(folder / f"{name}.csv", index=False)
    return folder


def test_evaluate_run_json_gold(tmp_path):
    (tmp_path / "gold").mkdir()
    write_gold(tmp_path / "gold", **FULL_GOLD)
    scores = run(tmp_path / "gold", write_pred(tmp_path / "pred", FULL_PRED))
    assert [1.0] * 4 == list(scores[scores.metric == "f1"].value)


def test_evaluate_run_brat_gold(tmp_path):
    write_brat(tmp_path / "brat")
    pred = write_pred(tmp_path / "pred", {"quotes": storm_quotes(("The bridge will reopen next week", "mayor"))})
    scores = run(tmp_path / "brat", pred)
    assert (0.25, 1.0) == (value(scores, "quotes", "recall"), value(scores, "quotes", "speaker_accuracy"))


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p / "missing", "no such folder"),
    (lambda p: p, "no crisislens tables"),
    (lambda p: write_gold(p, name="a-file"), "is a file, not a folder"),
])
def test_evaluate_run_unusable_predictions_raise_input_error(make, message, tmp_path):
    gold = write_gold(tmp_path, quotes=[])
    pred_parent = tmp_path / "pred"
    pred_parent.mkdir()
    with pytest.raises(InputError, match=message):
        run(gold, make(pred_parent))


def test_evaluate_run_brat_without_quotes_table_raises(tmp_path):
    write_brat(tmp_path / "brat")
    pred = write_pred(tmp_path / "pred", {"figures": FULL_PRED["figures"]})
    with pytest.raises(InputError, match="no quotes table"):
        run(tmp_path / "brat", pred)


def test_evaluate_cli_prints_scores(tmp_path, capsys):
    gold = write_gold(tmp_path, **FULL_GOLD)
    pred = write_pred(tmp_path / "pred", FULL_PRED)
    assert 0 == main(["evaluate", str(gold), str(pred), "--out", str(tmp_path / "scores.csv")])
    out = capsys.readouterr().out
    assert "quotes    precision           1.000" in out
    assert 23 == len(pd.read_csv(tmp_path / "scores.csv"))


def test_evaluate_cli_missing_predictions_exits_2(tmp_path, capsys):
    gold = write_gold(tmp_path, quotes=[])
    assert 2 == main(["evaluate", str(gold), str(tmp_path / "nothing")])
    assert "no such folder" in capsys.readouterr().err


def test_evaluate_format_scores_aligns_and_rounds():
    scores = pd.DataFrame({"task": ["quotes", "contacts"], "metric": ["precision", "status_accuracy"],
                           "value": [2 / 3, math.nan], "n_gold": [3, 0], "n_pred": [12, 0], "n_matched": [2, 0]})
    lines = format_scores(scores).splitlines()
    assert [
        "task      metric           value  n_gold  n_pred  n_matched",
        "quotes    precision        0.667       3      12          2",
        "contacts  status_accuracy    n/a       0       0          0",
    ] == lines


# --- the PolNeAR development corpus, when ../shared is present ---------------------------------------


def test_evaluate_load_brat_reads_polnear_dev():
    if not POLNEAR.is_dir():
        pytest.skip(f"{POLNEAR} is absent (the ../shared corpora exist only on developer machines)")
    docs = load_brat(POLNEAR)
    anns = sorted((POLNEAR / "attributions").glob("*.ann"))
    assert anns == [doc.ann_path for doc in docs]
    assert all(doc.attributions for doc in docs)
    assert all(doc.text_path.is_file() and doc.annotator for doc in docs)
    assert len({doc.text_path for doc in docs}) == len(list((POLNEAR / "text").glob("*.txt")))


def test_evaluate_names_match_with_and_without_diacritics():
    from crisislens.evaluate import _key

    assert _key("Recep Tayyip Erdogan") == _key("Recep Tayyip Erdoğan")
