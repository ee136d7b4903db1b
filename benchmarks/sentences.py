"""Sentence splitter accuracy on the gold file and speed on the development corpus.

Prints boundary precision / recall / F1 and exact-sentence accuracy over ``tests/gold/sentences.json``,
the number of tricky decisions the gold exercises, and, when ``../shared/corpus/whitehouse-2022q1``
exists next to the repository, how many sentences per second :func:`crisislens.text.split_sentences`
produces on it (normalisation timed separately).

A boundary is a sentence's start or end offset in the normalised text; a gold sentence counts as
exact when a predicted sentence has the same span. A tricky decision is a place where a naive
splitter (break after every ``.``, ``!`` or ``?`` and closing quotes or brackets that whitespace
follows; no dateline or transcript label handling) disagrees with the gold, or a gold boundary
right after an abbreviation, initial or ellipsis.

Run: ``python benchmarks/sentences.py``
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from crisislens.lexicon import default_lexicon
from crisislens.sources import expand_inputs, read_file
from crisislens.text import Body, normalise, split_sentences

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "sentences.json"
CORPUS = ROOT.parent / "shared" / "corpus" / "whitehouse-2022q1"

_NAIVE = re.compile(r"(?<![.!?])[.!?]+[\"')\]]*(?=\s)")
_ABBREVIATION_SHAPE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?|[A-Z]")


def gold_spans(body: Body, sentences: list[str]) -> list[tuple[int, int] | None]:
    """Locate each gold sentence in the normalised text, in order; ``None`` when it is not there."""
    spans: list[tuple[int, int] | None] = []
    pos = 0
    for sentence in sentences:
        start = body.text.find(sentence, pos)
        if start < 0:
            spans.append(None)
            continue
        spans.append((start, start + len(sentence)))
        pos = start + len(sentence)
    return spans


def boundaries(spans: list[tuple[int, int] | None]) -> set[tuple[str, int]]:
    """The start and end offsets of the spans, tagged so that a start never matches an end."""
    out: set[tuple[str, int]] = set()
    for span in spans:
        if span is not None:
            out.update({("start", span[0]), ("end", span[1])})
    return out


def naive_spans(body: Body) -> list[tuple[int, int]]:
    """Sentences of a naive splitter: break after terminal punctuation that whitespace follows."""
    spans = []
    for paragraph in body.paragraphs:
        start = paragraph.start
        for match in _NAIVE.finditer(body.text, paragraph.start, paragraph.end):
            spans.append((start, match.end()))
            start = match.end() + 1
        if start < paragraph.end:
            spans.append((start, paragraph.end))
    return spans


def tricky_decisions(body: Body, gold: list[tuple[int, int] | None]) -> int:
    """Count the places where the naive splitter is wrong or a gold boundary follows an abbreviation."""
    gold_set = boundaries(gold)
    naive = boundaries(naive_spans(body))
    wrong_ends = {pos for kind, pos in gold_set ^ naive if kind == "end"}
    wrong_starts = {pos for kind, pos in gold_set ^ naive if kind == "start"}
    lexicon = default_lexicon()
    abbreviations = lexicon.title_abbreviations | lexicon.other_abbreviations
    after_abbreviation = set()
    for kind, pos in gold_set:
        if kind != "end" or pos in wrong_ends:
            continue
        token = body.text[:pos].rstrip("\"')]").rsplit(None, 1)[-1].lstrip("\"'([")
        bare = token.rstrip(".")
        if token.endswith("...") or (token.endswith(".") and (
                bare.lower() in abbreviations or _ABBREVIATION_SHAPE.fullmatch(token[:-1] or "x"))):
            after_abbreviation.add(pos)
    # A wrong start right after a wrong end is the same decision; count it once.
    decisions = wrong_ends | after_abbreviation
    decisions |= {pos for pos in wrong_starts
                  if not any(end in decisions for end in range(max(0, pos - 3), pos))}
    return len(decisions)


def score(cases: list[dict]) -> dict[str, float]:
    """Boundary precision, recall and F1 and exact-sentence accuracy of the splitter on ``cases``."""
    true_positive = n_predicted = n_gold = exact = n_sentences = tricky = 0
    failed = []
    for case in cases:
        body = normalise(case["text"], markdown=case["markdown"])
        gold = gold_spans(body, case["sentences"])
        predicted = [(s.start, s.end) for s in split_sentences(body)]
        gold_b, predicted_b = boundaries(gold), boundaries(predicted)
        true_positive += len(gold_b & predicted_b)
        n_predicted += len(predicted_b)
        n_gold += 2 * len(gold)
        hits = sum(1 for span in gold if span in set(predicted))
        exact += hits
        n_sentences += len(gold)
        tricky += tricky_decisions(body, gold)
        if hits != len(gold) or len(predicted) != len(gold):
            failed.append(case["id"])
    precision = true_positive / n_predicted if n_predicted else 0.0
    recall = true_positive / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"cases": len(cases), "sentences": n_sentences, "tricky": tricky, "precision": precision,
            "recall": recall, "f1": f1, "exact": exact / n_sentences if n_sentences else 0.0,
            "failed": failed}


def corpus_speed(folder: Path) -> dict[str, float]:
    """Time normalisation and splitting over every document in ``folder`` (best of three runs)."""
    documents = [d for path in expand_inputs(folder) for d in read_file(path) if hasattr(d, "body")]
    bodies = [normalise(d.body, markdown=d.markdown) for d in documents]
    best_split = best_normalise = float("inf")
    n_sentences = 0
    for _ in range(3):
        started = time.perf_counter()
        for d in documents:
            normalise(d.body, markdown=d.markdown)
        best_normalise = min(best_normalise, time.perf_counter() - started)
        started = time.perf_counter()
        n_sentences = sum(len(split_sentences(b)) for b in bodies)
        best_split = min(best_split, time.perf_counter() - started)
    return {"documents": len(documents), "sentences": n_sentences, "split_s": best_split,
            "normalise_s": best_normalise}


def main() -> int:
    """Print the gold scores and, when the corpus is present, the speed."""
    cases = json.loads(GOLD.read_text(encoding="utf-8"))
    result = score(cases)
    print(f"gold: {result['cases']} cases, {result['sentences']} sentences, "
          f"{result['tricky']} tricky decisions")
    print(f"boundaries: precision {result['precision']:.4f}  recall {result['recall']:.4f}  "
          f"F1 {result['f1']:.4f}")
    print(f"exact-sentence accuracy: {result['exact']:.4f}")
    if result["failed"]:
        print("cases with a wrong sentence:", ", ".join(result["failed"]))
    if CORPUS.is_dir():
        speed = corpus_speed(CORPUS)
        print(f"corpus {CORPUS.name}: {speed['documents']} documents, {speed['sentences']} sentences; "
              f"split_sentences {speed['sentences'] / speed['split_s']:,.0f} sentences/s "
              f"({speed['split_s']:.3f} s), normalise {speed['normalise_s']:.3f} s")
    else:
        print(f"corpus speed skipped: {CORPUS} not found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
