"""The widget classes: Python API, sidecar writes, restore, damaged sidecar, Check, front-end files."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

import medialit
from medialit.answers import ANSWER_COLUMNS, CONFLICT_COLUMNS, read_answers
from medialit.widgets import _static
from tests.conftest import SEED_ID


def records(frame: pd.DataFrame, columns: list[str]) -> list[list]:
    """Rows of *frame* as lists, missing values as None."""
    return [[None if pd.isna(v) else v for v in row] for row in frame[columns].values.tolist()]


def saved(workdir, exercise: str) -> list[dict]:
    """The answers (or conflict groups) in the sidecar of *exercise*, read back from disk."""
    data = read_answers(workdir / "answers" / f"{exercise}.json")
    return data["conflicts"] if data["task"] == "conflicts" else data["answers"]


class TestAttribution:
    def test_tag_untag_and_sidecar(self, widget_library, workdir):
        """tag/untag update the answers frame and the sidecar on disk at once."""
        w = medialit.SpotAttribution("excerpt", exercise="who")
        w.tag("p2s2", source="Igor Konashenkov")
        w.tag("p1s1", unattributed=True)
        w.tag("p4s1", label="attribution")
        assert list(w.answers.columns) == ANSWER_COLUMNS
        assert records(w.answers, ["sid", "label", "source"]) == [
            ["p1s1", "unattributed", None], ["p2s2", "attribution", "Igor Konashenkov"], ["p4s1", "attribution", None]]
        assert [(a["sid"], a["label"], a["source"]) for a in saved(workdir, "who")] == [
            ("p1s1", "unattributed", None), ("p2s2", "attribution", "Igor Konashenkov"), ("p4s1", "attribution", None)]
        w.untag("p4s1")
        assert [a["sid"] for a in saved(workdir, "who")] == ["p1s1", "p2s2"]
        assert "Saved 2 answers to answers/who.json" in w.status

    def test_label_unattributed_spelling(self, widget_library, workdir):
        """tag(sid, label='unattributed') equals tag(sid, unattributed=True)."""
        w = medialit.SpotAttribution("excerpt", exercise="who")
        w.tag("p1s1", label="unattributed")
        assert w.tags[0]["label"] == "unattributed"
        with pytest.raises(ValueError, match="contradicts"):
            w.tag("p1s1", unattributed=True, label="attribution")

    def test_errors_name_sid_and_options(self, widget_library, workdir):
        """Unknown sentence and source raise ValueError naming them and listing valid options."""
        w = medialit.SpotAttribution("excerpt", exercise="who")
        with pytest.raises(ValueError, match=r"no sentence 'p7s1'\. Valid sentence ids: p1s1, p2s1"):
            w.tag("p7s1", source="he")
        with pytest.raises(ValueError, match=r"p2s2: source 'Vladimir Putin' .*Igor Konashenkov"):
            w.tag("p2s2", source="Vladimir Putin")
        with pytest.raises(ValueError, match="no sentence 'p0s0'"):
            w.untag("p0s0")
        assert w.tags == [] and not (workdir / "answers" / "who.json").exists()

    def test_sources_from_key_or_text(self, widget_library, workdir):
        """Practice mode offers the key's sources; assignment mode names found in the text."""
        practice = medialit.SpotAttribution("excerpt", exercise="a")
        assert practice.sources == ["Igor Konashenkov", "Doctors Without Borders"]
        assignment = medialit.SpotAttribution("excerpt", exercise="b", mode="assignment")
        assert assignment.key is None and "Russian Defense Ministry" in assignment.sources

    def test_setting_answers_frame(self, widget_library, workdir):
        """Assigning a DataFrame to w.answers replaces the tags shown and saved."""
        w = medialit.SpotAttribution("excerpt", exercise="who")
        w.tag("p1s1", unattributed=True)
        w.answers = pd.DataFrame([{"article": "excerpt", "sid": "p4s1", "text": "", "label": "attribution",
                                   "source": "he", "reason": float("nan")}])
        assert [(t["sid"], t["source"]) for t in w.tags] == [("p4s1", "he")]
        assert [a["sid"] for a in saved(workdir, "who")] == ["p4s1"]

    def test_front_end_change_is_cleaned_and_saved(self, widget_library, workdir):
        """A change from the browser (set_state) is completed with the sentence text and saved."""
        w = medialit.SpotAttribution("excerpt", exercise="who")
        w.set_state({"tags": [{"article": "excerpt", "sid": "p3s1", "text": "", "label": "attribution",
                               "source": "Doctors Without Borders", "reason": None}]})
        assert w.tags[0]["text"].startswith("The humanitarian organization")
        assert saved(workdir, "who")[0]["source"] == "Doctors Without Borders"

    def test_front_end_bad_source_keeps_old_tag(self, widget_library, workdir):
        """A typed source that is not in the article is refused with a message; the old tag stays."""
        w = medialit.SpotAttribution("excerpt", exercise="who")
        w.tag("p2s2", source="Igor Konashenkov")
        w.set_state({"tags": [{"article": "excerpt", "sid": "p2s2", "label": "attribution", "source": "Putin"}]})
        assert w.tags[0]["source"] == "Igor Konashenkov"
        assert "'Putin' is neither in the source list nor in the article" in w.message

    def test_bad_mode_and_exercise(self, widget_library, workdir):
        """An unknown mode or an exercise name with a slash is refused."""
        with pytest.raises(ValueError, match="mode 'exam'"):
            medialit.SpotAttribution("excerpt", mode="exam")
        with pytest.raises(ValueError, match="no slashes"):
            medialit.SpotAttribution("excerpt", exercise="../x")

    def test_default_exercise_name(self, widget_library, workdir):
        """Without an exercise name the sidecar is named after the article and task."""
        w = medialit.SpotAttribution("excerpt")
        assert w.path == workdir / "answers" / "excerpt-attribution.json"


class TestRestore:
    def test_recreating_restores_answers(self, widget_library, workdir):
        """A new widget for the same exercise shows the saved answers."""
        first = medialit.SpotAttribution("excerpt", exercise="who")
        first.tag("p2s2", source="konashenkov")
        first.tag("p1s1", unattributed=True)
        again = medialit.SpotAttribution("excerpt", exercise="who")
        assert again.tags == first.tags and again.message == ""

    def test_damaged_sidecar_kept_and_reported(self, widget_library, workdir):
        """A corrupted sidecar is kept as a backup, the widget starts empty and tells the student."""
        (workdir / "answers").mkdir()
        (workdir / "answers" / "who.json").write_text('{"schema": "medialit.answers/1", "answers": [', "utf-8")
        w = medialit.SpotAttribution("excerpt", exercise="who")
        backups = list((workdir / "answers").glob("who.damaged-*.json"))
        assert len(backups) == 1 and backups[0].read_text("utf-8").endswith("[")
        assert w.tags == [] and f"kept as {backups[0].name}" in w.message
        w.tag("p1s1", unattributed=True)
        assert [a["sid"] for a in saved(workdir, "who")] == ["p1s1"]
        assert backups[0].name in w.message  # the notice stays visible

    def test_sidecar_of_other_task_refused(self, widget_library, workdir):
        """Reusing an exercise name of another task is an error naming both."""
        medialit.SpotAttribution("excerpt", exercise="shared").tag("p1s1", unattributed=True)
        with pytest.raises(medialit.AnswersError, match="exercise 'shared' \\(attribution\\)"):
            medialit.SpotUnverifiable("excerpt", exercise="shared")


class TestUnverifiable:
    def test_tag_with_reason(self, widget_library, workdir):
        """tag(sid, reason=...) saves an unverifiable answer; bad reasons list the valid ones."""
        w = medialit.SpotUnverifiable("excerpt", exercise="why")
        w.tag("p4s1", reason="loaded_language")
        assert saved(workdir, "why")[0] | {"text": ""} == {"article": "excerpt", "sid": "p4s1", "text": "",
                                                          "label": "unverifiable", "source": None,
                                                          "reason": "loaded_language"}
        assert w.reasons[0] == ["vague_source", "vague or anonymous source"]
        with pytest.raises(ValueError, match="reason 'guess' is not known; use one of: 'vague_source'"):
            w.tag("p4s1", reason="guess")

    def test_check_practice(self, widget_library, workdir):
        """check() returns the feedback frame and shows a score and per-sentence rows in the widget."""
        w = medialit.SpotUnverifiable("excerpt", exercise="why")
        w.tag("p4s1", reason="vague_source")
        items = w.check()
        assert items["outcome"].tolist() == ["wrong_reason"]
        assert w.summary.startswith("Score 0.5 of 1") and w.feedback[0]["badge"] == "\u00bd wrong reason"
        assert "Calling evidence irrefutable does not show it." in w.feedback[0]["message"]
        w.tag("p4s1", reason="loaded_language")
        assert w.feedback_stale is True

    def test_check_button_message(self, widget_library, workdir):
        """The Check button's message runs check() and fills the feedback traitlets."""
        w = medialit.SpotAttribution("excerpt", exercise="who")
        w.tag("p2s2", source="he")
        w._on_msg(w, {"action": "check"}, [])
        assert w.last_score.score == 1.0 and "found" in {f["outcome"] for f in w.feedback}

    def test_assignment_has_no_check(self, widget_library, workdir):
        """Assignment mode loads no key and check() says why it cannot run."""
        w = medialit.SpotUnverifiable("excerpt", exercise="why", mode="assignment")
        assert w.key is None
        with pytest.raises(RuntimeError, match="practice mode only"):
            w.check()

    def test_practice_without_key(self, widget_library, workdir):
        """Practice mode on an article with no key says that no key was found."""
        with pytest.raises(medialit.KeyNotFoundError, match="fiction: no answer key found"):
            medialit.SpotUnverifiable("fiction")


class TestConflicts:
    def test_group_ungroup_and_sidecar(self, widget_library, workdir):
        """group/ungroup update w.groups and the sidecar; check() finds the keyed conflict."""
        w = medialit.SpotConflicts("excerpt", exercise="clash")
        assert w.group(["p2s2", "p3s1"], topic="Whether the hospital was struck") == 0
        w.group(["p4s1", "p6s2"], topic="other")
        assert list(w.groups.columns) == CONFLICT_COLUMNS and w.groups["group"].tolist() == [0, 0, 1, 1]
        assert [g["topic"] for g in saved(workdir, "clash")] == ["Whether the hospital was struck", "other"]
        assert w.check()["outcome"].tolist() == ["found", "extra"]
        w.ungroup(1)
        assert [[c["sid"] for c in g["claims"]] for g in saved(workdir, "clash")] == [["p2s2", "p3s1"]]
        with pytest.raises(ValueError, match=r"no group 3; groups are numbered 0\.\.0"):
            w.ungroup(3)

    def test_two_articles_side_by_side(self, widget_library, workdir):
        """Two articles are shown and claims from both form one group; ambiguous sids need the article."""
        w = medialit.SpotConflicts(["excerpt", "fiction"], exercise="clash", mode="assignment")
        assert [a["id"] for a in w.articles] == ["excerpt", "fiction"] and w.articles[1]["fictional"]
        w.group([("excerpt", "p3s1"), ("fiction", "p2s1")], topic="bridges")
        assert [(c["article"], c["sid"]) for c in saved(workdir, "clash")[0]["claims"]] == [
            ("excerpt", "p3s1"), ("fiction", "p2s1")]
        with pytest.raises(ValueError, match="'p2s1' is in excerpt and fiction"):
            w.group(["p2s1", "p3s1"])
        again = medialit.SpotConflicts(["excerpt", "fiction"], exercise="clash", mode="assignment")
        assert again.conflict_groups == w.conflict_groups

    def test_front_end_group_cleaned(self, widget_library, workdir):
        """A group from the browser gets its texts; a one-claim group is refused with a message."""
        w = medialit.SpotConflicts("excerpt", exercise="clash", mode="assignment")
        w.set_state({"conflict_groups": [{"topic": " when ", "claims": [{"article": "excerpt", "sid": "p2s2"},
                                                                      {"article": "excerpt", "sid": "p3s1"}]}]})
        assert w.conflict_groups[0]["topic"] == "when" and w.conflict_groups[0]["claims"][1]["text"]
        w.set_state({"conflict_groups": [*w.conflict_groups, {"topic": "x", "claims": [{"article": "excerpt",
                                                                                         "sid": "p2s2"}]}]})
        assert len(w.conflict_groups) == 1 and "group 2: a conflict group needs two" in w.message


class TestSafety:
    def test_markup_in_article_is_data(self, widget_library, workdir):
        """Article text with markup reaches the browser and the sidecar as plain characters."""
        w = medialit.SpotAttribution("xss", exercise="x", mode="assignment")
        texts = [s["text"] for b in w.articles[0]["blocks"] for s in b["sentences"]]
        assert 'Council <script>alert("x")</script> votes' in texts
        assert w.articles[0]["title"] == "A title"
        w.tag("p2s1", source="Mayor Ana Lind")
        assert "<img src=x onerror=alert(1)>" in saved(workdir, "x")[0]["text"]

    @pytest.mark.parametrize("name", ["attribution.js", "unverifiable.js", "conflicts.js"])
    def test_front_end_bundle(self, name):
        """Each widget's module has no imports, no markup injection and exports render."""
        code = _static.esm(name)
        assert not re.search(r"^\s*import\b", code, re.M) and "import(" not in code
        assert "innerHTML" not in code and "outerHTML" not in code and "insertAdjacentHTML" not in code
        assert "http://" not in code and "https://" not in code
        assert code.rstrip().endswith("export default { render };")

    def test_front_end_files_small(self):
        """Every JS file stays under 150 lines and the CSS is scoped under .medialit."""
        for path in _static.STATIC.glob("*.js"):
            assert len(path.read_text("utf-8").splitlines()) < 150, path.name
        rules = re.findall(r"^([^@/{}\s][^{]*)\{", _static.css(), re.M)
        assert rules and all(sel.strip().startswith(".medialit") for rule in rules for sel in rule.split(","))


class TestSeedArticle:
    def test_seed_api_example(self, workdir):
        """The issue's example works on the case study: Konashenkov speaks in p3s2, the headline is keyed."""
        w = medialit.SpotAttribution(SEED_ID, exercise="seed")
        w.tag("p3s2", source="Igor Konashenkov")
        w.tag("p1s1", unattributed=True)
        row = w.check().set_index("sid")
        assert row.loc["p3s2", "outcome"] == "found" and row.loc["p1s1", "outcome"] == "wrong_source"
        data = json.loads((workdir / "answers" / "seed.json").read_text("utf-8"))
        assert data["exercise"] == "seed" and data["articles"] == [SEED_ID]


class TestHints:
    def test_practice_hints_point_without_answering(self, workdir):
        """Practice mode offers a detector hint per sentence that never names the keyed source."""
        w = medialit.SpotAttribution(SEED_ID, exercise="hints")
        sentences = medialit.load_article(SEED_ID).sentences
        assert len(w.hints) == (sentences["kind"] != "dateline").sum()  # every sentence but the dateline
        hint = w.hint("p8s1")
        assert hint and "Konashenkov" not in hint
        with pytest.raises(ValueError, match="no sentence 'p99s9'"):
            w.hint("p99s9")

    def test_no_hints_in_assignment_mode(self, workdir):
        """Assignment mode ships no hints to the browser and refuses hint()."""
        w = medialit.SpotUnverifiable(SEED_ID, exercise="graded", mode="assignment")
        assert w.hints == {}
        with pytest.raises(ValueError, match="practice mode only"):
            w.hint("p8s1")


def test_group_twice_with_same_claims_and_topic_is_added_once(tmp_path, monkeypatch):
    """Re-running a cell that calls group() after the sidecar was restored must not duplicate the group."""
    monkeypatch.chdir(tmp_path)
    first = medialit.SpotConflicts("tass-2016-05-04-aleppo-hospital", exercise="dup", mode="practice")
    assert first.group(["p3s1", "p4s1"], topic="Struck or not") == 0
    assert first.group(["p4s1", "p3s1"], topic="struck or NOT") == 0
    assert first.group(["p3s1", "p4s1"], topic="Who is to blame") == 1  # same claims, another conflict
    again = medialit.SpotConflicts("tass-2016-05-04-aleppo-hospital", exercise="dup", mode="practice")
    assert again.group(["p3s1", "p4s1"], topic="Struck or not") == 0
    assert len(again.conflict_groups) == 2
    saved = json.loads((tmp_path / "answers" / "dup.json").read_text())
    assert [g["topic"] for g in saved["conflicts"]] == ["Struck or not", "Who is to blame"]
