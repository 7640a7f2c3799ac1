"""The trained conflict-pair model: shipped fresh, plain numbers, ranking the candidates it is given."""

from __future__ import annotations

import json
import math

import pytest

from medialit.detect import conflict_candidates, detect_article, train
from medialit.detect import conflict_model, train_conflicts
from medialit.detect.conflicts import MIN_PROBABILITY, judge_pairs


@pytest.fixture(scope="module")
def shipped():
    return json.loads(conflict_model.MODEL_PATH.read_text(encoding="utf-8"))


CLASH = """\
    # Council and union clash over bin rounds

    The council said every driver had been consulted about the new bin rounds before the plan was agreed.

    Union organiser Denise Marr said no driver had been asked about the rounds at any point.

    She said 40 drivers would lose their weekend shifts.

    The council said only 12 drivers would work different hours.

    The new rounds start in March.
    """


class TestShippedModel:
    def test_trained_on_the_current_dev_articles(self, shipped):
        """Its fingerprint matches the dev articles and keys as they are now (else: make model)."""
        ids = train.training_ids()
        assert shipped["trained_on"] == ids, "trained on other articles than the dev split has now; run `make model`"
        assert shipped["fingerprint"] == train.fingerprint(ids), (
            "an article or key the model was trained on has changed since; run `make model`")

    def test_is_plain_numbers_for_every_feature(self, shipped, make_article):
        """One coefficient per feature the code computes, in the same order; nothing pickled."""
        frame = detect_article(make_article("clash", CLASH)).claims
        judged = next(iter(judge_pairs(frame, every_pair=True)))
        assert shipped["features"] == list(conflict_model.pair_features(judged))
        assert len(shipped["coef"]) == len(shipped["features"])
        assert all(isinstance(c, float) for c in shipped["coef"])


class TestRanking:
    def test_pairs_are_probabilities_best_first(self, make_article):
        out = conflict_candidates(detect_article(make_article("clash", CLASH)).claims)
        assert len(out)
        assert list(out["score"]) == sorted(out["score"], reverse=True)
        assert out["score"].between(0, 1).all()
        assert out["signal"].str.contains("trained model, p=").all()

    def test_the_clash_comes_first(self, make_article):
        """Consulted / not asked and 40 / 12 drivers outrank a pair with the plain scheduling fact."""
        out = conflict_candidates(detect_article(make_article("clash", CLASH)).claims)
        top = [frozenset({r.sid_a, r.sid_b}) for r in out.head(2).itertuples()]
        assert set(top) == {frozenset({"p2s1", "p3s1"}), frozenset({"p4s1", "p5s1"})}

    def test_rule_pairs_stay_candidates(self, make_article):
        """Every pair the rules find is still a candidate when the model ranks (given room for all)."""
        frame = detect_article(make_article("clash", CLASH)).claims
        rules = conflict_candidates(frame, learned=False, max_per_article=100)
        ranked = conflict_candidates(frame, max_per_article=100)
        as_set = lambda out: {frozenset({r.sid_a, r.sid_b}) for r in out.itertuples()}  # noqa: E731
        assert as_set(rules) <= as_set(ranked)

    def test_the_rules_best_pair_keeps_its_place(self, make_article):
        """With room for one pair, that pair is the rules' best (they keep three quarters of each list)."""
        frame = detect_article(make_article("clash", CLASH)).claims
        rules = conflict_candidates(frame, learned=False, max_per_article=1)
        ranked = conflict_candidates(frame, max_per_article=1)
        assert len(rules) == len(ranked) == 1
        assert {ranked.iloc[0]["sid_a"], ranked.iloc[0]["sid_b"]} == {rules.iloc[0]["sid_a"], rules.iloc[0]["sid_b"]}

    def test_model_only_pairs_reach_the_threshold(self, make_article):
        frame = detect_article(make_article("clash", CLASH)).claims
        ranked = conflict_candidates(frame, max_per_article=100)
        model_only = ranked[ranked["signal"].str.startswith("two sources on the same subject")]
        assert (model_only["score"] >= MIN_PROBABILITY).all()

    def test_without_the_model_only_rule_signals(self, make_article):
        out = conflict_candidates(detect_article(make_article("clash", CLASH)).claims, learned=False)
        assert len(out) and not out["signal"].str.contains("trained model").any()


class TestTraining:
    def test_fit_learns_from_plain_rows(self):
        """A toy set where the topic feature separates the labels: the fitted model ranks by it."""
        rows = [{"story": "s", "features": {"topic": float(t), "adjacent": 0.0}, "label": int(t > 2)}
                for t in range(6) for _ in range(5)]
        model = conflict_model.ConflictModel(train_conflicts.fit(rows))
        assert model.coef[0] > 0 and model.features == ["topic", "adjacent"]
        z = lambda t: model.intercept + model.coef[0] * t  # noqa: E731
        assert 1 / (1 + math.exp(-z(5))) > 0.5 > 1 / (1 + math.exp(-z(0)))


class TestBudget:
    def test_a_bigger_budget_keeps_more_pairs(self, make_article):
        """The pair budget is per sentence: a smaller one keeps a prefix-sized share of the same candidates."""
        from medialit.detect.conflicts import PAIRS_PER_SENTENCE, max_pairs

        assert max_pairs(40) == math.ceil(40 * PAIRS_PER_SENTENCE) and max_pairs(3) == 8
        long_text = CLASH + "".join(f"\n    The union said {n} drivers had complained about route {n}.\n"
                                    for n in range(2, 14))
        frame = detect_article(make_article("clash", long_text)).claims
        small = conflict_candidates(frame, per_sentence=0.3)
        large = conflict_candidates(frame, per_sentence=1.0)
        assert len(small) < len(large)

    def test_budget_curve_measures_recall_and_draft_size(self, make_article):
        """One left-out round with one story: the curve reports recall and draft size for each budget."""
        frame = detect_article(make_article("clash", CLASH)).claims
        groups = [{"article": "clash", "topic": "consulted",
                   "claims": frozenset({("clash", "p2s1"), ("clash", "p3s1")})}]
        model = conflict_model.load_conflict_model()
        curve = train_conflicts.budget_curve({9: ({"clash": (frame, groups)}, model)}, budgets=(0.1, 1.0))
        assert set(curve) == {"0.1", "1.0"}
        assert curve["1.0"]["recall"] == 1.0 and curve["1.0"]["groups"] == 1
        assert curve["0.1"]["pairs_per_article"] <= curve["1.0"]["pairs_per_article"]
        assert curve["1.0"]["draft_groups_per_article"] >= 1


class TestHoldingTheLine:
    def test_an_answer_right_after_a_claim_of_another_source(self, make_article):
        """"A spokeswoman insisted ..." right after Calloway's claim is a feature of that pair, not of others."""
        text = """\
            # Release

            Ines Calloway said she had never approved the final wording of the release.

            A university spokeswoman insisted the text was checked by the research team.

            Calloway also said the swarms began in 2021.
            """
        claims = detect_article(make_article("hold", text)).claims
        values = {(j["a"]["sid"], j["b"]["sid"]): conflict_model.pair_features(j)["holds_line_next"]
                  for j in judge_pairs(claims, every_pair=True)}
        assert values[("p2s1", "p3s1")] == 1.0
        assert values.get(("p3s1", "p4s1"), 0.0) == 0.0
