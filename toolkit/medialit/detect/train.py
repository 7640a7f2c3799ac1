"""Train the detectors' two models on the corpus keys: keyed articles in, ``model/*.json`` out.

The unverifiable-sentence model (``model/unverifiable.json``, see ``learned``) and the conflict-pair
model (``model/conflicts.json``, see ``conflict_model`` and ``train_conflicts``). Run it as
``python -m medialit.detect.train`` (``make model``) after keys or articles change; the test suite
fails while a shipped model's fingerprint no longer matches the training articles. It trains only on
the development articles (``evaluate.DEV``): the held-out articles stay unseen. ``--cv`` also measures
both models the honest way, by article groups (a story and its companion piece are left out together)
and writes ``benchmarks/results/unverifiable_model.json`` and ``conflict_model.json``.

A sentence is a positive example when a key marks it ``unverifiable`` (not acceptable), a negative
one when the key has no unverifiable item on it; sentences whose only unverifiable items are
acceptable are left out, as in the evaluation.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from .conflict_model import MODEL_PATH as CONFLICT_MODEL_PATH
from .learned import MODEL_PATH, vectorizer_params

# Changing the features, the vectorizers or the regression means retraining: bump this.
FEATURES_VERSION = 1
THRESHOLD = 0.5
C = 1.0
WORDS = {"analyzer": "word", "ngram_range": [1, 2], "min_df": 2, "sublinear_tf": True, "lowercase": True}
CHARS = {"analyzer": "char_wb", "ngram_range": [3, 5], "min_df": 3, "sublinear_tf": True, "lowercase": True,
         "max_features": 20000}
RESULTS = Path(__file__).resolve().parents[3] / "benchmarks" / "results"


def training_ids() -> list[str]:
    """The development articles that have a key (the held-out ones are never trained on)."""
    from .evaluate import split_ids

    return split_ids("dev")


def fingerprint(ids: list[str]) -> str:
    """A hash of the training articles and keys (and the feature version): it changes when they do."""
    from .._catalog import article_files, key_files

    articles, keys = article_files(), key_files()
    digest = hashlib.sha256(f"features {FEATURES_VERSION}\n".encode())
    for article_id in sorted(ids):
        digest.update(article_id.encode())
        digest.update(articles[article_id].read_bytes())
        digest.update(keys[article_id].read_bytes())
    return digest.hexdigest()


def training_rows(ids: list[str]):
    """One row per sentence: article, group, sid, text, facts, label (1, 0, or None for neutral), reason."""
    import pandas as pd

    from ..articles.load import load_article
    from ..keys.load import load_key
    from .learned import sentence_rows
    from .pipeline import LEARNED_STEP, make_nlp
    from .sentences import doc_from_article

    nlp = make_nlp()
    rows = []
    with nlp.select_pipes(disable=[LEARNED_STEP, "medialit_claims"]):
        for article_id in ids:
            article = load_article(article_id)
            key = load_key(article_id, article)
            items = key.items[key.items["category"] == "unverifiable"]
            keyed = items[~items["acceptable"]]
            positive = dict(zip(keyed["sid"], keyed["reason"]))
            neutral = set(items.loc[items["acceptable"], "sid"]) - set(positive)
            doc = nlp(doc_from_article(nlp, article))
            for row in sentence_rows(doc):
                sid = row["sid"]
                label = 1 if sid in positive else (None if sid in neutral else 0)
                rows.append({"article": article_id, "group": story_group(article_id), "sid": sid,
                             "text": row["text"], "facts": row["facts"], "label": label,
                             "reason": positive.get(sid)})
    return pd.DataFrame(rows)


def story_group(article_id: str) -> str:
    """Articles about one story share a group (``harbour-fire-wire`` and ``harbour-fire-gazette``)."""
    return article_id.rsplit("-", 1)[0]


def fit(rows) -> dict:
    """Fit the vectorizers and both regressions on the labelled *rows*; return the model as plain data."""
    import sklearn
    from scipy.sparse import hstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = rows[rows["label"].notna()]
    facts = DictVectorizer()
    words = TfidfVectorizer(**vectorizer_params(WORDS))
    chars = TfidfVectorizer(**vectorizer_params(CHARS))
    matrix = hstack([facts.fit_transform(list(rows["facts"])), words.fit_transform(rows["text"]),
                     chars.fit_transform(rows["text"])]).tocsr()
    labels = rows["label"].astype(int).to_numpy()
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(matrix, labels)
    positive = labels == 1
    reasons = LogisticRegression(C=C, max_iter=5000).fit(matrix[positive], rows["reason"][positive].to_numpy())
    return {
        "features_version": FEATURES_VERSION,
        "sklearn": sklearn.__version__,
        "threshold": THRESHOLD,
        "facts": list(facts.feature_names_),
        "words": {"params": WORDS, "vocabulary": _terms(words), "idf": _round(words.idf_)},
        "chars": {"params": CHARS, "vocabulary": _terms(chars), "idf": _round(chars.idf_)},
        "coef": _round(model.coef_[0]),
        "intercept": round(float(model.intercept_[0]), 6),
        "reasons": {"classes": [str(c) for c in reasons.classes_], "coef": [_round(r) for r in reasons.coef_],
                    "intercept": _round(reasons.intercept_)},
    }


def _terms(vectorizer) -> list[str]:
    vocabulary = vectorizer.vocabulary_
    terms = [""] * len(vocabulary)
    for term, i in vocabulary.items():
        terms[i] = term
    return terms


def _round(values) -> list[float]:
    return [round(float(v), 6) for v in values]


def train(out: Path = MODEL_PATH) -> dict:
    """Train on the development articles and write the model to *out*; return its summary."""
    ids = training_ids()
    rows = training_rows(ids)
    data = fit(rows)
    data = {"fingerprint": fingerprint(ids), "trained_on": ids, **data}
    _write(out, data)
    labelled = rows[rows["label"].notna()]
    return {"articles": len(ids), "sentences": len(labelled), "positives": int(labelled["label"].sum()),
            "features": len(data["coef"]), "path": str(out)}


def train_conflicts(out: Path = CONFLICT_MODEL_PATH, cv: bool = False) -> dict:
    """Train the conflict-pair model on the development articles and write it to *out*; return its
    summary (with ``cv``, also the leave-one-story-out figures under ``cross_validation``)."""
    from . import train_conflicts as pairs

    ids = training_ids()
    frames = pairs.story_frames(ids)
    rows = pairs.pair_rows(frames)
    data = {"fingerprint": fingerprint(ids), "trained_on": ids, **pairs.fit(rows)}
    _write(out, data)
    summary = {"articles": len(ids), "pairs": data["pairs"], "positives": data["positives"], "path": str(out)}
    if cv:
        summary["cross_validation"] = pairs.cross_validate(frames, rows)
    return summary


def _write(out: Path, data: dict) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")


def cross_validate(rows=None) -> dict:
    """Leave-one-story-out predictions for every labelled sentence; precision, recall, F1 overall.

    Reports the model alone and the model together with the lexicon cues (a sentence is flagged
    when either flags it), the combination the pipeline uses. The lexicon cues were developed on
    these same articles, so the combined figure flatters the lexicon; the model's own is honest.
    """
    import numpy as np

    from .learned import UnverifiableModel

    if rows is None:
        rows = training_rows(training_ids())
    labelled = rows[rows["label"].notna()].reset_index(drop=True)
    predicted = np.zeros(len(labelled), dtype=bool)
    for group in sorted(labelled["group"].unique()):
        test = labelled["group"] == group
        model = UnverifiableModel(fit(labelled[~test]))
        subset = labelled[test]
        probs = model.probabilities(list(subset["text"]), list(subset["facts"]))
        predicted[test.to_numpy()] = probs >= model.threshold
    truth = labelled["label"].astype(int).to_numpy() == 1
    tp, fp, fn = int((truth & predicted).sum()), int((~truth & predicted).sum()), int((truth & ~predicted).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"method": "leave one story out (articles about one story left out together)",
            "articles": int(labelled["article"].nunique()), "stories": int(labelled["group"].nunique()),
            "sentences": len(labelled), "positives": int(truth.sum()),
            "model_alone": {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                            "tp": tp, "fp": fp, "fn": fn}}


def main(argv: list[str] | None = None) -> int:
    """Command line: train (and with ``--cv`` cross-validate); print a summary."""
    parser = argparse.ArgumentParser(prog="python -m medialit.detect.train", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write the model JSON")
    parser.add_argument("--cv", action="store_true", help="also cross-validate by story and write the figures")
    parser.add_argument("--conflicts-out", type=Path, default=CONFLICT_MODEL_PATH,
                        help="where to write the conflict-pair model JSON")
    parser.add_argument("--results", type=Path, default=RESULTS,
                        help="folder for unverifiable_model.json and conflict_model.json")
    args = parser.parse_args(argv)
    summary = train(args.out)
    print(json.dumps(summary, indent=2))
    if args.cv:
        figures = cross_validate()
        args.results.mkdir(parents=True, exist_ok=True)
        (args.results / "unverifiable_model.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(figures, indent=2))
    conflicts = train_conflicts(args.conflicts_out, cv=args.cv)
    if args.cv:
        figures = conflicts.pop("cross_validation")
        (args.results / "conflict_model.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(figures, indent=2))
    print(json.dumps(conflicts, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
