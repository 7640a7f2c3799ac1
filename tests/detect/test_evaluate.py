"""The evaluation report: its structure, and the pipeline against the baseline on the dev set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.detect import evaluate


@pytest.fixture(scope="module")
def dev_report():
    """The evaluation at a small scale: the ten original development articles (``make eval`` runs them all)."""
    ids = [a for a in evaluate.split_ids("dev") if a in evaluate.DEV[:10]]
    if not ids:
        pytest.skip("no development article has a key")
    return evaluate.evaluate(ids)


class TestReport:
    def test_structure(self, dev_report):
        """Per article and overall figures for the pipeline, the lexicon cues alone and the baseline."""
        assert set(dev_report["systems"]) == {"pipeline", "lexicon", "baseline"}
        for system in dev_report["systems"].values():
            assert set(system["per_article"]) == set(dev_report["articles"])
            overall = system["overall"]
            assert {"precision", "recall", "f1"} <= set(overall["attribution"])
            assert {"precision", "recall", "f1"} <= set(overall["unverifiable"])
            assert {"speaker_accuracy", "conflict_recall", "conflict_recall_by_groups"} <= set(overall)
            assert {"groups", "recalled", "pairs", "useful_pairs", "candidate_groups", "recalled_by_groups",
                    "useful_groups"} <= set(system["conflicts"])
            # a draft's groups hold every pair, so they recall at least what the pairs do
            assert system["conflicts"]["recalled_by_groups"] >= system["conflicts"]["recalled"]
        json.dumps(dev_report)  # the report is plain JSON

    def test_no_heldout_article_in_dev(self):
        """The dev split never includes a held-out article."""
        assert not set(evaluate.split_ids("dev")) & set(evaluate.HELDOUT)

    def test_pipeline_beats_baseline(self, dev_report):
        """On the dev set the pipeline beats the baseline on speakers, unverifiable F1 and conflict recall."""
        pipe = dev_report["systems"]["pipeline"]["overall"]
        base = dev_report["systems"]["baseline"]["overall"]
        assert pipe["speaker_accuracy"] > base["speaker_accuracy"]
        assert pipe["unverifiable"]["f1"] > base["unverifiable"]["f1"]
        assert pipe["conflict_recall"] > base["conflict_recall"]

    def test_markdown_table(self, dev_report):
        """The markdown output has one row per article and system, plus overall rows."""
        text = evaluate.markdown({"splits": {"dev": dev_report}})
        rows = [line for line in text.splitlines() if line.startswith("| ") and "pipeline" in line]
        assert len(rows) == len(dev_report["articles"]) + 1


class TestRecall:
    def test_group_recalled_by_pair_of_its_claims(self):
        """A group counts as recalled when one pair covers two of its claim sentences."""
        group = {"claims": frozenset({("a", "p1s1"), ("a", "p2s1"), ("b", "p3s1")})}
        assert evaluate.recalled(group, {frozenset({("a", "p2s1"), ("b", "p3s1")})})
        assert not evaluate.recalled(group, {frozenset({("a", "p2s1"), ("b", "p9s1")})})


class TestSplits:
    def test_dev_holds_the_spent_articles_and_heldout_is_apart(self):
        """The articles held out once are development articles now; the new held-out set shares none of them."""
        assert set(evaluate.SPENT) <= set(evaluate.DEV)
        assert not set(evaluate.HELDOUT) & set(evaluate.DEV)

    def test_heldout_ids_are_new_to_the_packaged_corpus(self):
        """A held-out id that names a packaged article would load the packaged text (the package's folder is
        searched first), so a new round must choose ids the corpus does not already hold."""
        packaged = {p.stem for p in (Path(evaluate.__file__).parents[1] / "data" / "articles").glob("*.md")}
        assert packaged and not set(evaluate.HELDOUT) & packaged

    def test_articles_not_written_yet_are_skipped_with_a_note(self, monkeypatch):
        """A listed article that does not exist is skipped, named in the report, and the rest still runs."""
        monkeypatch.setitem(evaluate.SPLITS, "heldout", ("no-such-article",))
        res = evaluate.evaluate_split("heldout")
        assert res["articles"] == [] and "no-such-article" in res["skipped"]
        text = evaluate.markdown({"splits": {"heldout": res}})
        assert "skipped `no-such-article`" in text and "No article of this split" in text

    def test_spent_articles_are_marked(self, dev_report):
        """Spent articles are listed in the split and marked in the markdown table."""
        res = dict(dev_report, spent=[a for a in dev_report["articles"] if a in evaluate.SPENT], skipped={})
        text = evaluate.markdown({"splits": {"dev": res}})
        assert all(f"{a} *(spent)*" in text for a in res["spent"])


class TestSameSpeaker:
    def test_named_sources_match_as_folded(self):
        assert evaluate.same_speaker("Igor Konashenkov", {"igor konashenkov", "konashenkov"})
        assert not evaluate.same_speaker("Igor Konashenkov", {"maria zakharova"})

    def test_unnamed_source_named_by_its_words(self):
        """"anonymous traffic warden" is the key's "unnamed traffic warden" (alias "A traffic warden")."""
        names = {"unnamed traffic warden", "a traffic warden", "warden"}
        assert evaluate.same_speaker("anonymous traffic warden", names)
        assert evaluate.same_speaker("anonymous senior air traffic controller",
                                     {"anonymous air traffic controller", "a senior air traffic controller"})
        assert not evaluate.same_speaker("anonymous bus driver", names)

    def test_longer_description_of_an_unnamed_source(self):
        names = {"anonymous former maintenance worker", "former maintenance worker", "the worker"}
        assert evaluate.same_speaker("A former maintenance worker at the pier", names)
        assert not evaluate.same_speaker("A worker at the cafe", names)  # one word in common is not enough

    def test_only_for_unnamed_sources(self):
        """A named speaker does not match an alias that differs by an article."""
        assert not evaluate.same_speaker("The Council", {"council"})
