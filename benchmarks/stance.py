"""Stance accuracy against the project's hand-labelled statements, side by side with TextBlob polarity.

The development sets (seed, whitehouse, polnear, whitehouse2, polnear2, whitehouse3, whitehouse4,
polnear3) were used to write the stance lexicon; the held-out sets (heldout2_* and heldout3_*, three files each) were labelled afterwards,
blind, and none of their items was read to tune it (whitehouse2 and polnear2 were held out until their
failures were read; the heldout3 files were scored once, after the last change of the session that
labelled them).

Usage:
    python benchmarks/stance.py [--threshold T]

Each gold item (tests/gold/stance/*.json) is a statement labelled cooperative, neutral or
confrontational by a person. The benchmark scores each statement's text (with its cue word where the
gold has one, as the pipeline scores a quote) with crisislens ``stance``
and with TextBlob polarity (``tone``), turns both into labels with the same threshold (|score| below it
is neutral) and prints accuracy and macro-F1 per set, for the development sets together and for the
held-out sets together. TextBlob is also shown
at the threshold that suits it best on the same items, so the comparison does not favour crisislens.

Where a second person labelled items blind (``label_second`` in the gold), a second table shows how far
the two people agree (accuracy, macro-F1, Cohen's kappa) and how crisislens and TextBlob fare against
each of them: what a perfect score could mean on these statements.

The seed set is always present; the White House and PolNeAR sets need ../shared/corpus next to the
repository (the statements are stored as offsets and a SHA-1 of the text, never as text).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from crisislens.evaluate import load_brat  # noqa: E402
from crisislens.stance import LABELS, THRESHOLD, quote_stance, stance_label, tone  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "stance"
SHARED = ROOT.parent / "shared" / "corpus"
SETS = {
    "seed": ROOT / "data" / "articles",
    "whitehouse": SHARED / "whitehouse-2022q1",
    "polnear": SHARED / "polnear-dev" / "text",
    "whitehouse2": SHARED / "whitehouse-2022q1",
    "polnear2": SHARED / "polnear-dev" / "text",
    "whitehouse3": SHARED / "whitehouse-2022q1",
    "whitehouse4": SHARED / "whitehouse-2022q1",
    "polnear3": SHARED / "polnear-dev" / "text",
    "heldout2_whitehouse": SHARED / "whitehouse-2022q1",
    "heldout2_whitehouse_b": SHARED / "whitehouse-2022q1",
    "heldout2_polnear": SHARED / "polnear-dev" / "text",
    "heldout3_whitehouse": SHARED / "whitehouse-2022q1",
    "heldout3_whitehouse_b": SHARED / "whitehouse-2022q1",
    "heldout3_polnear": SHARED / "polnear-dev" / "text",
}
HELD_OUT = ("heldout2_whitehouse", "heldout2_whitehouse_b", "heldout2_polnear",
            "heldout3_whitehouse", "heldout3_whitehouse_b", "heldout3_polnear")
"""Sets labelled after the rules were written and never used to tune them."""


def load_items(name: str) -> pd.DataFrame | None:
    """The gold items of set ``name`` with their text (None when the documents are absent)."""
    folder = SETS[name]
    if not folder.exists():
        return None
    files = {p.name: p for p in folder.rglob("*") if p.is_file()}
    items = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))["items"]
    rows, texts = [], {}
    cues = _brat_cues(folder) if "polnear" in name else {}
    for item in items:
        path = files.get(item["doc"])
        if path is None:
            raise SystemExit(f"{name}: document {item['doc']} is missing from {folder}")
        text = texts.setdefault(item["doc"], path.read_text(encoding="utf-8"))
        span = text[item["start"]:item["end"]]
        if hashlib.sha1(span.encode("utf-8")).hexdigest() != item["sha1"]:
            raise SystemExit(f"{name}: {item['doc']} {item['start']}-{item['end']} does not match its SHA-1")
        rows.append({"set": name, "doc": item["doc"], "start": item["start"], "text": " ".join(span.split()),
                     "cue": cues.get((item["doc"], item["start"], item["end"])), "gold": item["label"],
                     "second": item.get("label_second")})
    return pd.DataFrame(rows)


def _brat_cues(text_folder: Path) -> dict[tuple[str, int, int], str]:
    """The cue of each PolNeAR attribution by (document, content start, content end): the pipeline
    scores a quote with its cue ("accused", "praised"), and so does the benchmark."""
    cues = {}
    for doc in load_brat(text_folder.parent / "attributions"):
        for attribution in doc.attributions:
            if attribution.cue is not None:
                key = (doc.text_path.name, attribution.content.start, attribution.content.end)
                cues.setdefault(key, attribution.cue.text)
    return cues


def scored(items: pd.DataFrame) -> pd.DataFrame:
    """``items`` with crisislens ``stance`` and TextBlob ``polarity`` per statement."""
    out = items.copy()
    out["stance"] = [quote_stance(t, c if isinstance(c, str) else None).score
                     for t, c in zip(out["text"], out["cue"], strict=True)]
    out["polarity"] = [tone(t)[0] for t in out["text"]]
    return out


def macro_f1(gold: pd.Series, predicted: pd.Series) -> float:
    """Mean F1 over the three labels (a label never predicted and never gold is left out)."""
    scores = []
    for label in LABELS:
        tp = int(((gold == label) & (predicted == label)).sum())
        fp = int(((gold != label) & (predicted == label)).sum())
        fn = int(((gold == label) & (predicted != label)).sum())
        if tp + fp + fn:
            scores.append(2 * tp / (2 * tp + fp + fn))
    return sum(scores) / len(scores) if scores else 0.0


def evaluate(data: pd.DataFrame, threshold: float) -> dict[str, float]:
    """Accuracy and macro-F1 of stance and of TextBlob polarity on ``data``."""
    stance = data["stance"].map(lambda s: stance_label(s, threshold))
    polarity = data["polarity"].map(lambda s: stance_label(s, threshold))
    best = max((macro_f1(data["gold"], data["polarity"].map(lambda s, t=t: stance_label(s, t))), t)
               for t in [i / 100 for i in range(1, 61)])
    return {
        "n": len(data),
        "stance_accuracy": (stance == data["gold"]).mean(), "stance_macro_f1": macro_f1(data["gold"], stance),
        "textblob_accuracy": (polarity == data["gold"]).mean(),
        "textblob_macro_f1": macro_f1(data["gold"], polarity),
        "textblob_best_macro_f1": best[0], "textblob_best_threshold": best[1],
    }


def all_items() -> pd.DataFrame:
    """The items of every set whose documents are present, scored (:func:`scored`)."""
    frames = [f for f in (load_items(name) for name in SETS) if f is not None]
    return scored(pd.concat(frames, ignore_index=True))


def results(threshold: float = THRESHOLD, data: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per available set plus ``development`` and ``held-out``: the scores of :func:`evaluate`."""
    data = all_items() if data is None else data
    rows = [{"set": name, **evaluate(part, threshold)} for name, part in data.groupby("set", sort=False)]
    development = data[~data["set"].isin(HELD_OUT)]
    held_out = data[data["set"].isin(HELD_OUT)]
    rows.append({"set": "development", **evaluate(development, threshold)})
    if len(held_out):
        rows.append({"set": "held-out", **evaluate(held_out, threshold)})
    return pd.DataFrame(rows).round(3)


def agreement(data: pd.DataFrame, threshold: float = THRESHOLD) -> pd.DataFrame:
    """How far two people agree where a second one labelled the items blind (``label_second``), and
    how crisislens and TextBlob fare against each of them: a human ceiling for the scores above.

    One row per group (development, held-out) and comparison: ``n``, ``accuracy`` (share of equal
    labels), ``macro_f1`` (the second labels scored against the first as if they were predictions) and
    Cohen's ``kappa`` (agreement beyond what the two label distributions give by chance).
    """
    rows = []
    for group, part in (("development", data[~data["set"].isin(HELD_OUT)]), ("held-out", data[data["set"].isin(HELD_OUT)])):
        # only the sets with a second label count: the group may be smaller than in the main table
        both = part[part["second"].notna()]
        if both.empty:
            continue
        stance = both["stance"].map(lambda s: stance_label(s, threshold))
        polarity = both["polarity"].map(lambda s: stance_label(s, threshold))
        pairs = {
            "second annotator vs first": (both["gold"], both["second"]),
            "crisislens vs first annotator": (both["gold"], stance),
            "crisislens vs second annotator": (both["second"], stance),
            "TextBlob vs first annotator": (both["gold"], polarity),
            "TextBlob vs second annotator": (both["second"], polarity),
        }
        rows += [{"set": f"{group} ({', '.join(sorted(both['set'].unique()))})", "comparison": name, "n": len(both), "accuracy": float((a == b).mean()),
                  "macro_f1": macro_f1(a, b), "kappa": cohen_kappa(a, b)} for name, (a, b) in pairs.items()]
    return pd.DataFrame(rows).round(3)


def cohen_kappa(first: pd.Series, second: pd.Series) -> float:
    """Cohen's kappa of two label sequences of equal length."""
    observed = float((first.values == second.values).mean())
    expected = sum(float((first == label).mean()) * float((second == label).mean()) for label in LABELS)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help=f"neutral band (default {THRESHOLD})")
    args = parser.parse_args()
    missing = [name for name, folder in SETS.items() if not folder.exists()]
    if missing:
        print(f"skipped (documents absent): {', '.join(missing)}")
    data = all_items()
    print(results(args.threshold, data).to_string(index=False))
    agreed = agreement(data, args.threshold)
    if len(agreed):
        print("\nTwo annotators, where a second person labelled the items blind (a human ceiling):")
        print(agreed.to_string(index=False))


if __name__ == "__main__":
    main()
