"""widgets.state: what clicks mean, what goes to the sidecar and which feedback is shown (no kernel)."""

from __future__ import annotations

import pandas as pd
import pytest

import medialit
from medialit.answers import new_answers
from medialit.grading import score_answers
from medialit.widgets import state


@pytest.fixture
def excerpt(widget_library):
    """The seed excerpt article."""
    return medialit.load_article("excerpt")


@pytest.fixture
def catalog(excerpt):
    """An attribution catalog of the excerpt with two candidate sources."""
    return state.Catalog.from_articles([excerpt], "attribution", ["Igor Konashenkov", "Doctors Without Borders"])


class TestArticleView:
    def test_blocks_and_sentences(self, excerpt):
        """The view lists blocks in order with their kind, and every sentence once."""
        view = state.article_view(excerpt)
        assert [b["kind"] for b in view["blocks"]] == ["headline", "body", "body", "body", "subhead", "body"]
        sids = [s["sid"] for b in view["blocks"] for s in b["sentences"]]
        assert sids == excerpt.sentences["sid"].tolist()
        assert view["blocks"][1]["sentences"][0]["kind"] == "dateline"
        assert view["fictional"] is False and view["banner"] == ""

    def test_fictional_banner(self, widget_library):
        """A fictional teaching text carries the visible banner text."""
        view = state.article_view(medialit.load_article("fiction"))
        assert view["fictional"] is True and view["banner"] == "Original teaching text \u2014 fictional"

    def test_markup_passes_as_plain_text(self, widget_library):
        """Markup in an article reaches the front end unchanged, as data (the JS sets textContent)."""
        view = state.article_view(medialit.load_article("xss"))
        texts = [s["text"] for b in view["blocks"] for s in b["sentences"]]
        assert any("<img src=x onerror=alert(1)>" in t for t in texts)
        assert any('<script>alert("x")</script>' in t for t in texts)


class TestCandidates:
    def test_names_in_text(self):
        """Multi-word names and single names before a speech verb are found, most quoted first."""
        names = state.names_in_text([
            "The Russian Defense Ministry denies it, spokesman Igor Konashenkov said on Wednesday.",
            "Konashenkov said the photographs were clear.",
            "The humanitarian organization Doctors without Borders claims otherwise.",
            "In May the anti-Islamic State coalition flew over Aleppo.",
        ])
        assert names[0] == "Igor Konashenkov"
        assert "Russian Defense Ministry" in names and "Doctors without Borders" in names
        assert "Konashenkov" not in names  # merged into the full name
        assert not any(n.startswith(("The ", "In ")) or "May" in n or n == "Aleppo" for n in names)
        assert "nti-Islamic State" not in names

    def test_candidates_from_key(self, excerpt):
        """In practice mode the key's declared sources are the candidates."""
        key = medialit.load_key("excerpt")
        assert state.candidate_sources(excerpt, key) == ["Igor Konashenkov", "Doctors Without Borders"]

    def test_candidates_without_key(self, excerpt):
        """Without a key the candidates come from the article's body text only."""
        names = state.candidate_sources(excerpt)
        assert "Igor Konashenkov" in names and "Russian Defense Ministry" in names
        assert not any("Al-Quds" in n for n in names)  # headline words are not sources


class TestMakeTag:
    def test_attribution_with_candidate_any_case(self, catalog):
        """A candidate typed in any case is stored in its listed spelling, with the sentence text."""
        tag = state.make_tag(catalog, "p2s2", source="igor konashenkov")
        assert tag == {"article": "excerpt", "sid": "p2s2", "text": catalog.texts[("excerpt", "p2s2")],
                       "label": "attribution", "source": "Igor Konashenkov", "reason": None}

    def test_free_text_found_in_article(self, catalog):
        """A name the article uses is accepted as typed, spaces tidied."""
        assert state.make_tag(catalog, "p3s1", source=" humanitarian  organization ")["source"] == "humanitarian organization"
        assert state.make_tag(catalog, "p4s1", source="he")["source"] == "he"

    def test_no_source_given(self, catalog):
        """None, '' and 'no source given' all mean attribution without a named source."""
        for source in (None, "", "No source given"):
            assert state.make_tag(catalog, "p4s1", source=source)["source"] is None

    def test_unattributed(self, catalog):
        """The unattributed label stores no source and rejects one."""
        assert state.make_tag(catalog, "p1s1", label="unattributed")["source"] is None
        with pytest.raises(ValueError, match="p1s1: an unattributed claim has no source"):
            state.make_tag(catalog, "p1s1", label="unattributed", source="Igor Konashenkov")

    def test_unknown_sid_lists_valid_ids(self, catalog):
        """An unknown sentence id is named and the valid ids are listed."""
        with pytest.raises(ValueError, match=r"no sentence 'p9s9'\. Valid sentence ids: p1s1, p2s1, p2s2"):
            state.make_tag(catalog, "p9s9")

    def test_unknown_source_lists_candidates(self, catalog):
        """A source neither listed nor in the article is named, with the candidates."""
        with pytest.raises(ValueError, match=r"p2s2: source 'Putin' .* Igor Konashenkov, Doctors Without Borders"):
            state.make_tag(catalog, "p2s2", source="Putin")

    def test_unknown_reason_and_label(self, excerpt):
        """Unverifiable tags need a known reason; labels of another task are refused."""
        catalog = state.Catalog.from_articles([excerpt], "unverifiable")
        assert state.make_tag(catalog, "p4s1", reason="loaded_language")["label"] == "unverifiable"
        with pytest.raises(ValueError, match="p4s1: reason 'loud' is not known; use one of: 'vague_source'"):
            state.make_tag(catalog, "p4s1", reason="loud")
        with pytest.raises(ValueError, match="label 'attribution' does not belong to the unverifiable task"):
            state.make_tag(catalog, "p4s1", label="attribution", reason="other")

    def test_ambiguous_sid_across_articles(self, widget_library):
        """With two articles a sid both have must be given with its article."""
        articles = [medialit.load_article("excerpt"), medialit.load_article("fiction")]
        catalog = state.Catalog.from_articles(articles, "conflicts")
        with pytest.raises(ValueError, match=r"'p1s1' is in excerpt and fiction: pass \(article, 'p1s1'\)"):
            state.resolve_sentence(catalog, "p1s1")
        assert state.resolve_sentence(catalog, ("fiction", "p3s2")) == ("fiction", "p3s2")
        assert state.resolve_sentence(catalog, "p6s2") == ("excerpt", "p6s2")


class TestTagLists:
    def test_with_and_without_tag(self, catalog):
        """A new tag replaces the sentence's old one; lists stay in reading order; inputs are not mutated."""
        tags = [state.make_tag(catalog, "p4s1", source="he")]
        before = list(tags)
        tags2 = state.with_tag(catalog, tags, state.make_tag(catalog, "p1s1", label="unattributed"))
        tags3 = state.with_tag(catalog, tags2, state.make_tag(catalog, "p4s1", source=None))
        assert [t["sid"] for t in tags3] == ["p1s1", "p4s1"] and tags3[1]["source"] is None
        assert tags == before
        assert [t["sid"] for t in state.without_tag(catalog, tags3, "p1s1")] == ["p4s1"]

    def test_clean_tags_keeps_previous_on_bad_input(self, catalog):
        """A rejected tag falls back to the sentence's previous tag and is reported."""
        old = [state.make_tag(catalog, "p2s2", source="Igor Konashenkov")]
        proposed = [{"article": "excerpt", "sid": "p2s2", "label": "attribution", "source": "Nobody Known"},
                    {"article": "excerpt", "sid": "p1s1", "label": "unattributed", "text": ""}]
        clean, problems = state.clean_tags(catalog, proposed, old)
        assert [(t["sid"], t["source"]) for t in clean] == [("p1s1", None), ("p2s2", "Igor Konashenkov")]
        assert len(problems) == 1 and "Nobody Known" in problems[0]

    def test_clean_tags_fills_text_and_dedupes(self, catalog):
        """Browser tags get their sentence text; the last tag of a sentence wins."""
        proposed = [{"article": "excerpt", "sid": "p4s1", "label": "attribution", "source": None, "text": ""},
                    {"article": "excerpt", "sid": "p4s1", "label": "unattributed", "text": ""}]
        clean, problems = state.clean_tags(catalog, proposed)
        assert problems == [] and len(clean) == 1
        assert clean[0]["label"] == "unattributed" and clean[0]["text"].startswith('"This is irrefutable')


class TestSidecar:
    def test_round_trip(self, catalog):
        """Tags written into a sidecar document come back unchanged."""
        tags = [state.make_tag(catalog, "p1s1", label="unattributed"), state.make_tag(catalog, "p2s2", source="he")]
        doc = state.sidecar_with_tags(new_answers("ex", "attribution", ["excerpt"]), tags)
        assert doc["answers"][1] == {"article": "excerpt", "sid": "p2s2", "text": catalog.texts[("excerpt", "p2s2")],
                                     "label": "attribution", "source": "he", "reason": None}
        assert state.tags_from_sidecar(catalog, doc) == (tags, [])

    def test_restore_follows_moved_sentence(self, catalog):
        """A saved answer whose sid changed is found again by its text; a vanished one is reported."""
        text = catalog.texts[("excerpt", "p3s1")]
        doc = {"answers": [{"article": "excerpt", "sid": "p9s1", "text": text, "label": "unattributed"},
                           {"article": "excerpt", "sid": "p8s1", "text": "gone", "label": "unattributed"}]}
        tags, problems = state.tags_from_sidecar(catalog, doc)
        assert [t["sid"] for t in tags] == ["p3s1"]
        assert problems == ["p8s1: the saved sentence is no longer in excerpt; its answer was dropped."]

    def test_groups_round_trip(self, widget_library):
        """Groups across two articles survive the sidecar, with claim texts."""
        articles = [medialit.load_article("excerpt"), medialit.load_article("fiction")]
        catalog = state.Catalog.from_articles(articles, "conflicts")
        group = state.make_group(catalog, [("fiction", "p2s1"), ("fiction", "p3s1"), ("excerpt", "p3s1")], "bridge")
        assert [(c["article"], c["sid"]) for c in group["claims"]] == [("excerpt", "p3s1"), ("fiction", "p2s1"),
                                                                       ("fiction", "p3s1")]
        doc = state.sidecar_with_groups(new_answers("ex", "conflicts", ["excerpt", "fiction"]), [group])
        assert doc["conflicts"][0]["topic"] == "bridge" and doc["answers"] == []
        assert state.groups_from_sidecar(catalog, doc) == ([group], [])

    def test_group_needs_two_sentences(self, catalog):
        """A group of fewer than two different sentences is refused."""
        with pytest.raises(ValueError, match="two or more different sentences"):
            state.make_group(catalog, ["p2s2", "p2s2"])


class TestFeedback:
    def test_badges_are_text(self):
        """Every tag shows a text badge, so colour is never the only signal."""
        assert state.badge({"label": "attribution", "source": "Igor Konashenkov"}) == "[A: Igor Konashenkov]"
        assert state.badge({"label": "attribution", "source": None}) == "[A: no source given]"
        assert state.badge({"label": "unattributed"}) == "[No source: stated as fact]"
        assert state.badge({"label": "unverifiable", "reason": "loaded_language"}) == "[? loaded language]"

    def test_feedback_rows_and_summary(self, widget_library):
        """Feedback rows carry a text badge, the key's answer, the student's and the explanation."""
        key = medialit.load_key("excerpt")
        answers = pd.DataFrame([{"article": "excerpt", "sid": "p2s2", "text": "", "label": "attribution",
                                 "source": "Doctors Without Borders", "reason": None}])
        result = score_answers(answers, key, "attribution")
        rows = state.feedback_rows(result.items, "excerpt")
        wrong = next(r for r in rows if r["sid"] == "p2s2")
        assert wrong["badge"] == "\u00bd wrong source"
        assert wrong["message"] == ("Key: attribution: Igor Konashenkov. You: attribution: Doctors "
                                    "Without Borders. The spokesman is named at the end of the sentence.")
        assert {r["outcome"] for r in rows} == {"wrong_source", "missed"}
        assert state.score_summary(result).startswith("Score 0.5 of 3 (2 missed, 1 wrong source).")
