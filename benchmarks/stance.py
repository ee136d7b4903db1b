"""Stance accuracy against the project's hand-labelled statements, side by side with TextBlob polarity.

The development sets (seed, whitehouse, polnear) were used to write the stance lexicon; the held-out
sets (heldout_whitehouse, heldout_polnear) were labelled afterwards and never used to tune it.

Usage:
    python benchmarks/stance.py [--threshold T]

Each gold item (tests/gold/stance/*.json) is a statement labelled cooperative, neutral or
confrontational by a person. The benchmark scores each statement's text (with its cue word where the
gold has one, as the pipeline scores a quote) with crisislens ``stance``
and with TextBlob polarity (``tone``), turns both into labels with the same threshold (|score| below it
is neutral) and prints accuracy and macro-F1 per set and for all sets together. TextBlob is also shown
at the threshold that suits it best on the same items, so the comparison does not favour crisislens.

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
    "heldout_whitehouse": SHARED / "whitehouse-2022q1",
    "heldout_polnear": SHARED / "polnear-dev" / "text",
}
HELD_OUT = ("heldout_whitehouse", "heldout_polnear")
"""Sets labelled after the rules were written and never used to tune them."""


def load_items(name: str) -> pd.DataFrame | None:
    """The gold items of set ``name`` with their text (None when the documents are absent)."""
    folder = SETS[name]
    if not folder.exists():
        return None
    files = {p.name: p for p in folder.rglob("*") if p.is_file()}
    items = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))["items"]
    rows, texts = [], {}
    cues = _brat_cues(folder) if name.endswith("polnear") else {}
    for item in items:
        path = files.get(item["doc"])
        if path is None:
            raise SystemExit(f"{name}: document {item['doc']} is missing from {folder}")
        text = texts.setdefault(item["doc"], path.read_text(encoding="utf-8"))
        span = text[item["start"]:item["end"]]
        if hashlib.sha1(span.encode("utf-8")).hexdigest() != item["sha1"]:
            raise SystemExit(f"{name}: {item['doc']} {item['start']}-{item['end']} does not match its SHA-1")
        rows.append({"set": name, "doc": item["doc"], "start": item["start"], "text": " ".join(span.split()),
                     "cue": cues.get((item["doc"], item["start"], item["end"])), "gold": item["label"]})
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


def results(threshold: float = THRESHOLD) -> pd.DataFrame:
    """One row per available set plus ``all``: the scores of :func:`evaluate`."""
    frames = [f for f in (load_items(name) for name in SETS) if f is not None]
    data = scored(pd.concat(frames, ignore_index=True))
    rows = [{"set": name, **evaluate(part, threshold)} for name, part in data.groupby("set", sort=False)]
    development = data[~data["set"].isin(HELD_OUT)]
    held_out = data[data["set"].isin(HELD_OUT)]
    rows.append({"set": "development", **evaluate(development, threshold)})
    if len(held_out):
        rows.append({"set": "held-out", **evaluate(held_out, threshold)})
    return pd.DataFrame(rows).round(3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help=f"neutral band (default {THRESHOLD})")
    args = parser.parse_args()
    missing = [name for name, folder in SETS.items() if not folder.exists()]
    if missing:
        print(f"skipped (documents absent): {', '.join(missing)}")
    print(results(args.threshold).to_string(index=False))


if __name__ == "__main__":
    main()
