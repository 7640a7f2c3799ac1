"""A trained ranker for conflict candidates: a judged pair of claims in, a probability out.

The rules in ``conflicts.py`` name why two claims may disagree (different figures, a denial, a
dismissal ...), but many conflicts a reader sees are judgements that share few words, and the rules'
own score ranks poorly across signal kinds. A logistic regression over a few facts of the pair (the
rules' signals and score, how much topic the claims share, who speaks, how far apart they are,
negation and hedging on one side only, headings, figures and times on both sides) ranks every pair
of claims from different sources. It was trained on the corpus keys by ``medialit.detect.train``
(``make model``) and ships as plain numbers in ``model/conflicts.json``: a list of feature names,
their coefficients and the intercept.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

from .conflicts import _order

MODEL_PATH = Path(__file__).parent / "model" / "conflicts.json"
SIGNAL_KINDS = ("number", "time", "denial", "dismissal", "cause", "contrast", "hedge", "blame", "slot")
HEADINGS = ("headline", "subhead")
CROSS_ARTICLE_GAP = 50  # two articles: as far apart as claims get


def pair_features(judged: dict) -> dict[str, float]:
    """The facts of one judged pair (see ``conflicts.judge_pairs``) that the model weighs."""
    a, b = judged["a"], judged["b"]
    union = a["_terms"] | b["_terms"]
    gap = judged["gap"] if judged["gap"] is not None else CROSS_ARTICLE_GAP
    neg_a, neg_b = a["_negation_word"], b["_negation_word"]
    features = {
        "rule_score": math.log1p(judged["rule_score"]),
        "rule_found": float(judged["rule_score"] > 0),
        "topic": min(judged["topic"], 15.0) / 5.0,
        "overlap": len(judged["shared"]) / max(1, len(union)),
        "shared_words": min(len(judged["shared"]), 8) / 4.0,
        "same_source": float(judged["one_source"]),
        "same_article": float(a["article"] == b["article"]),
        "attributed": float(bool(a.get("attributed"))) + float(bool(b.get("attributed"))),
        "distance": math.log1p(gap),
        "adjacent": float(gap == 1),
        "negation_one_side": float(neg_a != neg_b),
        "negation_both": float(neg_a and neg_b),
        "hedge_one_side": float(bool(a.get("hedged")) != bool(b.get("hedged"))),
        "headings": float(a.get("kind") in HEADINGS) + float(b.get("kind") in HEADINGS),
        "figures_both": float(bool(len(a["numbers"])) and bool(len(b["numbers"]))),
        "times_both": float(bool(len(a.get("times") or [])) and bool(len(b.get("times") or []))),
        "dismissals": float(bool(a.get("dismisses"))) + float(bool(b.get("dismisses"))),
        "blame": float(isinstance(a.get("blame"), str)) + float(isinstance(b.get("blame"), str)),
        "thread": float(str(a["speaker"]).startswith("@") or str(b["speaker"]).startswith("@")),
        "holds_line_next": float(gap == 1 and not judged["one_source"] and _later(a, b).get("holds_line", False)),
    }
    for kind in SIGNAL_KINDS:
        features["signal_" + kind] = judged["kinds"].get(kind, 0.0)
    return features



def _later(a: dict, b: dict) -> dict:
    """The later of two claims of one article, by paragraph and sentence number."""
    return b if _order(b["sid"]) > _order(a["sid"]) else a


class ConflictModel:
    """The shipped pair model: a probability from plain numbers (no scikit-learn needed to use it)."""

    def __init__(self, data: dict) -> None:
        self.features = list(data["features"])
        self.coef = [float(c) for c in data["coef"]]
        self.intercept = float(data["intercept"])

    def probability(self, judged: dict) -> float:
        """How likely the two claims belong to one conflict group of a careful key."""
        values = pair_features(judged)
        z = self.intercept + sum(c * values[name] for name, c in zip(self.features, self.coef))
        return 1.0 / (1.0 + math.exp(-z))


@functools.lru_cache(maxsize=1)
def load_conflict_model(path: str | None = None) -> ConflictModel:
    """The shipped model (read once per process)."""
    return ConflictModel(json.loads(Path(path or MODEL_PATH).read_text(encoding="utf-8")))
