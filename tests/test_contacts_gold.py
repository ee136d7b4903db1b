"""Contact accuracy floors on the hand-made gold (benchmarks/contacts.py prints the scores).

On the development White House gold the extractor meets the target (F1 0.9, status 0.95, date 0.9); on
briefings, remarks and the held-out documents it is far below it. The floors record where it stands so
that it only moves up.
"""

import pytest
from benchmark_support import SHARED, load_benchmark, metric

benchmark = load_benchmark("contacts")


@pytest.mark.parametrize("name", ["precision", "recall", "status_accuracy", "date_accuracy"])
def test_contacts_gold_seed_floor(name):
    assert metric(benchmark.contact_scores("seed"), name) >= 1.0


@pytest.mark.parametrize(("name", "floor"), [("f1", 0.9), ("precision", 0.95), ("recall", 0.85),
                                           ("status_accuracy", 0.95), ("date_accuracy", 0.9)])
def test_contacts_gold_whitehouse_floor(name, floor):
    if not (SHARED / "whitehouse-2022q1").exists():
        pytest.skip("../shared/corpus/whitehouse-2022q1 is not present; the White House contact gold needs it")
    assert metric(benchmark.contact_scores("whitehouse"), name) >= floor


@pytest.mark.parametrize(("gold_set", "name", "floor"), [
    ("whitehouse_heldout", "f1", 0.54), ("whitehouse_heldout", "precision", 0.68),  # development data since November 2026
    ("whitehouse_dev2", "f1", 0.66), ("whitehouse_dev2", "precision", 0.8),  # press briefings and remarks
    ("whitehouse_dev3", "f1", 0.65), ("whitehouse_dev3", "precision", 0.78),  # more press briefings
    ("whitehouse_heldout2", "f1", 0.55), ("whitehouse_heldout2", "precision", 0.75),  # development since 27 Nov 2026
    ("whitehouse_heldout3", "f1", 0.48), ("whitehouse_heldout3", "precision", 0.6),  # held out: never tuned on
])
def test_contacts_gold_other_sets_floor(gold_set, name, floor):
    """The other White House sets: briefings and remarks (development) and the held-out documents, whose
    failures are not read, so the floor records generalisation, not tuning."""
    if not (SHARED / "whitehouse-2022q1").exists():
        pytest.skip("../shared/corpus/whitehouse-2022q1 is not present; this contact gold needs it")
    assert metric(benchmark.contact_scores(gold_set), name) >= floor
