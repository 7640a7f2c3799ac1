"""Train the conflict-pair model on the corpus keys: keyed articles in, ``model/conflicts.json`` out.

Called by ``python -m medialit.detect.train`` (``make model``) with the unverifiable model, on the same
development articles. Every pair of claims the candidates could hold (``conflicts.judge_pairs``) is an
example: positive when both claims belong to one conflict group of the keys. Articles about one story
are judged together, as ``medialit draft-key --compare`` does. ``cross_validate`` leaves one story out
at a time (and ``by_round`` one spent held-out round at a time) and counts the key groups a candidate
list recalls, ranked by the model and by the rules alone, under the same pair budget; ``budget_curve``
measures recall and draft size at several budgets.
"""

from __future__ import annotations

from .conflict_model import ConflictModel, pair_features

C = 1.0
BUDGETS = (0.6, 0.8, 1.0, 1.2)  # pair budgets (pairs per sentence) the cross-validation compares


def story_frames(ids: list[str]) -> dict[str, tuple]:
    """Per story: the claims frame of its articles and its key groups (claims as (article, sid) sets)."""
    import pandas as pd

    from ..articles.load import load_article
    from ..keys.load import load_key
    from .evaluate import key_groups
    from .pipeline import detect_article
    from .train import story_group

    stories: dict[str, list] = {}
    for article_id in ids:
        stories.setdefault(story_group(article_id), []).append(article_id)
    out = {}
    for story, members in sorted(stories.items()):
        articles = {a: load_article(a) for a in members}
        keys = {a: load_key(a, articles[a]) for a in members}
        frame = pd.concat([detect_article(articles[a], learned=False).claims for a in members], ignore_index=True)
        out[story] = (frame, key_groups(keys))
    return out


def pair_rows(frames: dict[str, tuple]):
    """One row per comparable pair: story, features (dict) and label (1 when one key group holds both)."""
    from .conflicts import judge_pairs

    rows = []
    for story, (frame, groups) in frames.items():
        if not len(frame):
            continue
        for judged in judge_pairs(frame, every_pair=True):
            if judged["one_source"] and not judged["rule_score"]:
                continue
            pair = {(judged["a"]["article"], judged["a"]["sid"]), (judged["b"]["article"], judged["b"]["sid"])}
            label = int(any(len(pair & g["claims"]) >= 2 for g in groups))
            rows.append({"story": story, "features": pair_features(judged), "label": label})
    return rows


def fit(rows) -> dict:
    """Fit the logistic regression on *rows*; return the model as plain data."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names = list(rows[0]["features"])
    matrix = np.array([[r["features"][n] for n in names] for r in rows])
    labels = np.array([r["label"] for r in rows])
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(matrix, labels)
    return {"features": names, "coef": [round(float(c), 6) for c in model.coef_[0]],
            "intercept": round(float(model.intercept_[0]), 6), "pairs": len(rows), "positives": int(labels.sum())}


def cross_validate(frames: dict[str, tuple], rows) -> dict:
    """Leave one story out: key groups recalled by the model's candidates and by the rules' alone; the
    same with each spent round left out whole (``by_round``), and the pair-budget curve (``budget``)."""
    held = round_models(frames, rows)
    counts = {"groups": 0, "model": 0, "rules": 0, "model_pairs": 0, "rules_pairs": 0}
    for story, frame_groups in frames.items():
        if not frame_groups[1]:
            continue  # no key group to recall
        model = ConflictModel(fit([r for r in rows if r["story"] != story]))
        for name, value in _recall({story: frame_groups}, model).items():
            counts[name] += value
    n = counts["groups"] or 1
    return {"method": "leave one story out (articles about one story left out together)",
            "stories": len(frames), "groups": counts["groups"],
            "recall_model": round(counts["model"] / n, 4), "recall_rules": round(counts["rules"] / n, 4),
            **counts, "by_round": {str(n): _recall(fs, model) for n, (fs, model) in held.items()},
            "budget": budget_curve(held)}


def round_models(frames: dict[str, tuple], rows) -> dict:
    """Each spent held-out round left out whole: its number -> (its stories' frames, the model trained
    without them). The rules were tuned on a round after it was scored; the model never saw it."""
    from .evaluate import SPENT_ROUNDS
    from .train import story_group

    out = {}
    for number, ids in SPENT_ROUNDS.items():
        stories = {story_group(a) for a in ids} & set(frames)
        model = ConflictModel(fit([r for r in rows if r["story"] not in stories]))
        out[number] = ({s: frames[s] for s in sorted(stories)}, model)
    return out


def budget_curve(held: dict, budgets=BUDGETS, first_round: int = 7) -> dict:
    """Recall and draft size at several pair budgets (pairs per sentence), rounds from *first_round* each
    left out of the model's training: key groups recalled by the pairs and by the draft keys' candidate
    groups, and per article the pairs, the draft groups and the draft groups that hold a key group. What
    ``conflicts.PAIRS_PER_SENTENCE`` was chosen by: the groups a longer list adds should be about as useful
    as those before them."""
    from .conflicts import conflict_candidates
    from .evaluate import conflict_metrics

    out = {}
    for budget in budgets:
        total = {"groups": 0, "recalled": 0, "recalled_by_groups": 0, "pairs": 0, "candidate_groups": 0,
                 "useful_groups": 0, "articles": 0}
        for number, (frames, model) in held.items():
            if number < first_round:
                continue
            for frame, groups in frames.values():
                if not groups or not len(frame):
                    continue
                found = conflict_metrics(groups, conflict_candidates(frame, model=model, per_sentence=budget))
                for name in total:
                    total[name] += found.get(name, 0)
                total["articles"] += frame["article"].nunique()
        n, arts = total["groups"] or 1, total["articles"] or 1
        out[str(budget)] = {"recall": round(total["recalled"] / n, 4),
                            "recall_by_groups": round(total["recalled_by_groups"] / n, 4),
                            "pairs_per_article": round(total["pairs"] / arts, 1),
                            "draft_groups_per_article": round(total["candidate_groups"] / arts, 1),
                            "useful_groups_per_article": round(total["useful_groups"] / arts, 1), **total}
    return out


def _recall(frames: dict[str, tuple], model) -> dict:
    """Key groups of *frames* recalled by *model*'s candidates and by the rules' alone, and their pairs."""
    from .conflicts import conflict_candidates
    from .evaluate import recalled

    counts = {"groups": 0, "model": 0, "rules": 0, "model_pairs": 0, "rules_pairs": 0}
    for frame, groups in frames.values():
        if not groups or not len(frame):
            continue
        counts["groups"] += len(groups)
        for name, pairs in (("model", conflict_candidates(frame, model=model)),
                            ("rules", conflict_candidates(frame, learned=False))):
            chosen = {frozenset({(r.article_a, r.sid_a), (r.article_b, r.sid_b)}) for r in pairs.itertuples()}
            counts[name] += sum(recalled(g, chosen) for g in groups)
            counts[name + "_pairs"] += len(chosen)
    return counts
