"""grading.match: scoring answers and conflict groups against a key."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medialit
from medialit.answers import ANSWER_COLUMNS, CONFLICT_COLUMNS
from medialit.grading import ScoreResult, score_answers, score_conflicts
from medialit.grading.match import ITEM_COLUMNS, OUTCOMES, fold, sid_order
from medialit.keys.load import EXTRA_COLUMNS, ITEM_COLUMNS as KEY_ITEM_COLUMNS
from medialit.keys.load import Key
from tests.conftest import SEED_ID

ART = "art"


def make_key(items: list[dict], groups: list[dict] | None = None) -> Key:
    """A Key built directly from item dicts (sid, category and whatever else the test needs)."""
    rows = [{"quote": "q", "source": None, "source_type": "none", "reason": None, "explanation": f"why {i['sid']}",
             "acceptable": False, "other_sources": [], "other_reasons": [], **i} for i in items]
    sources = pd.DataFrame([
        {"name": "Igor Konashenkov", "type": "person", "aliases": ["Konashenkov", "the spokesman", "he"]},
        {"name": "Russian Defense Ministry", "type": "organization", "aliases": ["the Defense Ministry"]},
        {"name": "Doctors Without Borders", "type": "organization", "aliases": ["MSF"]},
    ], columns=["name", "type", "aliases"])
    return Key(ART, "reviewed", Path("art.yaml"), sources,
               pd.DataFrame(rows, columns=KEY_ITEM_COLUMNS + EXTRA_COLUMNS), pd.DataFrame(), groups or [])


def answers(*rows: tuple) -> pd.DataFrame:
    """An answers frame from (sid, label, source, reason) tuples."""
    return pd.DataFrame([{"article": ART, "sid": sid, "text": "", "label": label, "source": source, "reason": reason}
                         for sid, label, source, reason in rows], columns=ANSWER_COLUMNS)


def outcome(result: ScoreResult, sid: str) -> tuple[str, float]:
    """The (outcome, points) of the row for *sid*."""
    row = result.items.set_index("sid").loc[sid]
    return row["outcome"], row["points"]


ATTR_KEY = [
    {"sid": "p1s1", "category": "unattributed"},
    {"sid": "p2s1", "category": "attribution", "source": "Igor Konashenkov",
     "other_sources": ["Russian Defense Ministry"]},
    {"sid": "p3s1", "category": "attribution", "source": "Doctors Without Borders"},
    {"sid": "p4s1", "category": "unattributed", "acceptable": True},
    {"sid": "p5s1", "category": "unverifiable", "reason": "loaded_language", "other_reasons": ["speculation"]},
    {"sid": "p6s1", "category": "unverifiable", "reason": "vague_source"},
    {"sid": "p7s1", "category": "unverifiable", "reason": "other", "acceptable": True},
]


class TestAttribution:
    def test_right_source_by_name_alias_or_other_source(self):
        """The canonical name, an alias (any case) or an other_sources name all count as found."""
        key = make_key(ATTR_KEY)
        for source in ["Igor Konashenkov", "konashenkov", "  THE SPOKESMAN ", "Russian Defense Ministry",
                       "the defense ministry"]:
            result = score_answers(answers(("p2s1", "attribution", source, None)), key, "attribution")
            assert outcome(result, "p2s1") == ("found", 1.0), source

    def test_wrong_or_missing_source_earns_half(self):
        """A tagged attribution with another source or none earns 0.5."""
        key = make_key(ATTR_KEY)
        for source in ["Doctors Without Borders", None, "Konashenko"]:
            result = score_answers(answers(("p2s1", "attribution", source, None)), key, "attribution")
            assert outcome(result, "p2s1") == ("wrong_source", 0.5)

    def test_unattributed_found(self):
        """An unattributed sentence tagged unattributed earns 1."""
        result = score_answers(answers(("p1s1", "unattributed", None, None)), make_key(ATTR_KEY), "attribution")
        assert outcome(result, "p1s1") == ("found", 1.0)

    def test_wrong_kind_earns_a_quarter(self):
        """Attribution tagged unattributed, and unattributed tagged attribution, earn 0.25."""
        key = make_key(ATTR_KEY)
        result = score_answers(answers(("p1s1", "attribution", "Konashenkov", None),
                                       ("p2s1", "unattributed", None, None)), key, "attribution")
        assert outcome(result, "p1s1") == ("wrong_source", 0.25)
        assert outcome(result, "p2s1") == ("wrong_source", 0.25)
        assert result.items.set_index("sid").loc["p2s1", "given"] == "unattributed"

    def test_missed_items_and_max_score(self):
        """Untagged keyed items are missed; only non-acceptable items of the task count."""
        result = score_answers(answers(), make_key(ATTR_KEY), "attribution")
        assert result.items["outcome"].tolist() == ["missed"] * 3
        assert (result.score, result.max_score) == (0.0, 3.0)

    def test_expected_and_explanation(self):
        """Rows carry the keyed answer, the given answer and the key's explanation."""
        result = score_answers(answers(("p2s1", "attribution", None, None)), make_key(ATTR_KEY), "attribution")
        row = result.items.set_index("sid").loc["p2s1"]
        assert row["expected"] == "attribution: Igor Konashenkov"
        assert row["given"] == "attribution: (no source)"
        assert row["explanation"] == "why p2s1"

    def test_other_labels_and_articles_ignored(self):
        """Unverifiable answers and answers about other articles do not count in the attribution task."""
        frame = answers(("p5s1", "unverifiable", None, "loaded_language"))
        other = answers(("p9s1", "unattributed", None, None)).assign(article="elsewhere")
        result = score_answers(pd.concat([frame, other]), make_key(ATTR_KEY), "attribution")
        assert set(result.items["outcome"]) == {"missed"}

    def test_last_answer_per_sentence_counts(self):
        """When a sentence is answered twice the later answer is scored."""
        frame = answers(("p1s1", "attribution", "x", None), ("p1s1", "unattributed", None, None))
        assert outcome(score_answers(frame, make_key(ATTR_KEY), "attribution"), "p1s1") == ("found", 1.0)


class TestUnverifiable:
    def test_reason_and_other_reasons(self):
        """The keyed reason or any of other_reasons is found; another reason earns 0.5."""
        key = make_key(ATTR_KEY)
        frame = answers(("p5s1", "unverifiable", None, "speculation"), ("p6s1", "unverifiable", None, "other"))
        result = score_answers(frame, key, "unverifiable")
        assert outcome(result, "p5s1") == ("found", 1.0)
        assert outcome(result, "p6s1") == ("wrong_reason", 0.5)
        assert result.max_score == 2.0

    def test_missing_reason_is_wrong_reason(self):
        """A tag with no reason earns partial credit."""
        result = score_answers(answers(("p6s1", "unverifiable", None, None)), make_key(ATTR_KEY), "unverifiable")
        assert outcome(result, "p6s1") == ("wrong_reason", 0.5)


class TestAcceptableAndExtra:
    def test_acceptable_never_counts(self):
        """Tagging an acceptable item reports it at 0 of 0; not tagging it reports nothing."""
        key = make_key(ATTR_KEY)
        tagged = score_answers(answers(("p4s1", "attribution", "he", None)), key, "attribution")
        assert outcome(tagged, "p4s1") == ("acceptable", 0.0)
        assert tagged.items.set_index("sid").loc["p4s1", "max_points"] == 0.0
        untagged = score_answers(answers(), key, "attribution")
        assert "p4s1" not in set(untagged.items["sid"])
        assert tagged.precision == untagged.precision and tagged.max_score == untagged.max_score

    def test_extra_costs_half_but_total_not_negative(self):
        """Extra tags cost 0.5 each and the score never drops below 0."""
        key = make_key(ATTR_KEY)
        frame = answers(("p1s1", "unattributed", None, None), ("p8s1", "unattributed", None, None))
        result = score_answers(frame, key, "attribution")
        assert outcome(result, "p8s1") == ("extra", -0.5)
        assert result.score == 0.5
        many = answers(*[(f"p{i}s9", "unattributed", None, None) for i in range(1, 6)])
        assert score_answers(many, key, "attribution").score == 0.0

    def test_sentence_keyed_for_other_task_is_extra(self):
        """An attribution tag on a sentence keyed only as unverifiable is extra."""
        result = score_answers(answers(("p5s1", "attribution", "he", None)), make_key(ATTR_KEY), "attribution")
        assert outcome(result, "p5s1") == ("extra", -0.5)


class TestStatistics:
    def test_precision_recall_f1(self):
        """Detection counts partial answers as detected and extras as false positives."""
        frame = answers(("p1s1", "unattributed", None, None), ("p2s1", "attribution", "MSF", None),
                        ("p9s1", "unattributed", None, None))
        result = score_answers(frame, make_key(ATTR_KEY), "attribution")
        assert result.precision == pytest.approx(2 / 3)
        assert result.recall == pytest.approx(2 / 3)
        assert result.f1 == pytest.approx(2 / 3)

    def test_empty_edges(self):
        """Nothing tagged: precision 0 and f1 0; nothing keyed and nothing tagged: all 1 except f1."""
        result = score_answers(answers(), make_key(ATTR_KEY), "attribution")
        assert (result.precision, result.recall, result.f1) == (0.0, 0.0, 0.0)
        empty = score_answers(answers(), make_key([]), "attribution")
        assert (empty.precision, empty.recall, empty.f1, empty.max_score) == (1.0, 1.0, 1.0, 0.0)
        assert empty.fraction == 1.0

    def test_columns_order_and_counts(self):
        """Rows have ITEM_COLUMNS, come in article order and counts() covers every outcome."""
        frame = answers(("p9s1", "unattributed", None, None), ("p10s1", "unattributed", None, None))
        result = score_answers(frame, make_key(ATTR_KEY), "attribution")
        assert list(result.items.columns) == ITEM_COLUMNS
        assert result.items["sid"].tolist() == ["p1s1", "p2s1", "p3s1", "p9s1", "p10s1"]
        assert result.counts() == {"found": 0, "missed": 3, "wrong_source": 0, "wrong_reason": 0, "extra": 2,
                                   "acceptable": 0}

    def test_bad_task(self):
        """A task other than attribution/unverifiable is a ValueError naming it."""
        with pytest.raises(ValueError, match="'conflicts'"):
            score_answers(answers(), make_key(ATTR_KEY), "conflicts")

    def test_input_not_modified(self):
        """The answers frame is left as it was."""
        frame = answers(("p2s1", "attribution", "he", None))
        before = frame.copy()
        score_answers(frame, make_key(ATTR_KEY), "attribution")
        pd.testing.assert_frame_equal(frame, before)


class TestHelpers:
    def test_fold(self):
        """fold ignores case, curly quotes, inner runs of spaces and outer punctuation."""
        assert fold("  Russia\u2019s   Defense Ministry, ") == fold("russia's defense ministry")
        assert fold(None) == ""

    def test_sid_order(self):
        """sid_order sorts numerically, unparseable ids last."""
        assert sorted(["p10s1", "p2s10", "p2s2", "x"], key=sid_order) == ["p2s2", "p2s10", "p10s1", "x"]


def groups(*claims_per_group: tuple, topic: str = "t") -> pd.DataFrame:
    """A groups frame from tuples of sids (or (article, sid)) per group."""
    rows = []
    for g, claims in enumerate(claims_per_group):
        for claim in claims:
            article, sid = claim if isinstance(claim, tuple) else (ART, claim)
            rows.append({"group": g, "topic": topic, "article": article, "sid": sid, "text": ""})
    return pd.DataFrame(rows, columns=CONFLICT_COLUMNS)


KEY_GROUPS = [
    {"topic": "When", "explanation": "e0", "claims": [{"article": ART, "sid": "p1s1"}, {"article": ART, "sid": "p2s1"},
                                                      {"article": "other", "sid": "p1s1"}]},
    {"topic": "Who", "explanation": "e1", "claims": [{"article": ART, "sid": "p3s1"}, {"article": ART, "sid": "p4s1"}]},
]


class TestConflicts:
    def test_two_shared_claims_match(self):
        """A student group sharing two claims with a key group is found, one shared claim is not."""
        result = score_conflicts(groups(("p1s1", ("other", "p1s1")), ("p3s1", "p9s1")), make_key([], KEY_GROUPS))
        assert result.items["outcome"].tolist() == ["found", "missed", "extra"]
        assert result.items["sid"].tolist()[0] == "p1s1 p2s1 other:p1s1"
        assert (result.score, result.max_score) == (0.5, 2.0)

    def test_greedy_best_overlap(self):
        """The key group goes to the student group with most shared claims; each is used once."""
        key = make_key([], KEY_GROUPS)
        result = score_conflicts(groups(("p1s1", "p2s1"), ("p1s1", "p2s1", ("other", "p1s1")), ("p3s1", "p4s1")), key)
        found = result.items[result.items["outcome"] == "found"]
        assert found["given"].tolist() == ["t: p1s1 p2s1 other:p1s1", "t: p3s1 p4s1"]
        assert result.items["outcome"].tolist().count("extra") == 1
        assert result.recall == 1.0 and result.precision == pytest.approx(2 / 3)

    def test_repeated_group_counts_once(self):
        """The same claims under the same topic twice (a re-run cell) are one group, not an extra."""
        key = make_key([], KEY_GROUPS)
        result = score_conflicts(groups(("p3s1", "p4s1"), ("p4s1", "p3s1")), key)
        assert result.items["outcome"].tolist() == ["missed", "found"] and result.score == 1.0
        other_topic = groups(("p3s1", "p4s1")).assign(topic="Who").pipe(
            lambda f: pd.concat([f, groups(("p3s1", "p4s1")).assign(group=1, topic="When")]))
        assert score_conflicts(other_topic, key).items["outcome"].tolist() == ["missed", "found", "extra"]

    def test_no_groups(self):
        """No student groups: every key group missed, score 0."""
        result = score_conflicts(groups(), make_key([], KEY_GROUPS))
        assert result.items["outcome"].tolist() == ["missed", "missed"] and result.score == 0.0

    def test_seed_key(self):
        """On the case study, grouping the ministry's and MSF's claims finds the first conflict."""
        key = medialit.load_key(SEED_ID)
        frame = groups(("p3s2", "p4s1")).assign(article=SEED_ID)
        result = score_conflicts(frame, key)
        assert result.items["outcome"].tolist()[0] == "found"
        assert result.items["expected"].tolist()[0] == "Whether and when the hospital was destroyed"


class TestSeedKey:
    def test_tagging_the_key_scores_full_marks(self):
        """Answers copied from the case-study key earn the maximum in both tasks."""
        key = medialit.load_key(SEED_ID)
        items = key.items[~key.items["acceptable"]]
        rows = [{"article": SEED_ID, "sid": r.sid, "text": "", "label": r.category, "source": r.source,
                 "reason": r.reason} for r in items.itertuples()]
        frame = pd.DataFrame(rows, columns=ANSWER_COLUMNS)
        for task in ("attribution", "unverifiable"):
            result = score_answers(frame, key, task)
            assert result.score == result.max_score > 0 and result.f1 == 1.0


LABELS = st.sampled_from(["attribution", "unattributed", "unverifiable"])
ANSWER_ROWS = st.lists(st.tuples(st.sampled_from([f"p{i}s1" for i in range(1, 11)]), LABELS,
                                 st.sampled_from([None, "he", "MSF", "nobody"]),
                                 st.sampled_from([None, "loaded_language", "vague_source", "other"])), max_size=12)


class TestProperties:
    @settings(max_examples=60, deadline=None)
    @given(ANSWER_ROWS, st.sampled_from(["attribution", "unverifiable"]))
    def test_score_bounds(self, rows, task):
        """Score stays within [0, max_score], statistics within [0, 1], outcomes are known."""
        result = score_answers(answers(*rows), make_key(ATTR_KEY), task)
        assert 0.0 <= result.score <= result.max_score
        assert all(0.0 <= v <= 1.0 for v in (result.precision, result.recall, result.f1))
        assert set(result.items["outcome"]) <= set(OUTCOMES)

    @settings(max_examples=40, deadline=None)
    @given(ANSWER_ROWS)
    def test_acceptable_tags_change_nothing(self, rows):
        """Adding tags on acceptable sentences never changes score, precision or recall."""
        key = make_key(ATTR_KEY)
        base = [r for r in rows if r[0] not in ("p4s1", "p7s1")]
        more = base + [("p4s1", "unattributed", None, None), ("p7s1", "unverifiable", None, "other")]
        for task in ("attribution", "unverifiable"):
            a, b = score_answers(answers(*base), key, task), score_answers(answers(*more), key, task)
            assert (a.score, a.precision, a.recall) == (b.score, b.precision, b.recall)
