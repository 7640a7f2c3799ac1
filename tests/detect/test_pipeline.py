"""The pipeline: components registered in factories, in a documented order, on spacy.blank("en")."""

from __future__ import annotations

from medialit.detect.pipeline import STEPS, detect_article, make_nlp


class TestComponents:
    def test_all_steps_are_registered_in_order(self):
        """make_nlp builds a blank English pipeline with every medialit step, in STEPS order."""
        nlp = make_nlp()
        assert nlp.lang == "en"
        assert nlp.pipe_names == STEPS

    def test_requirements_are_met(self):
        """spaCy's pipe analysis finds no component whose `requires` an earlier one does not assign."""
        problems = make_nlp().analyze_pipes(pretty=False)["problems"]
        assert all(not p for p in problems.values()), problems

    def test_plain_text_gets_sentences(self):
        """A Doc made from plain text gets rule-based sentence records and all detectors run."""
        nlp = make_nlp()
        doc = nlp('The mayor said the road would open. "It is ready," she said.')
        assert [r["sid"] for r in doc._.medialit_sentences] == ["p1s1", "p1s2"]
        assert [s._.sid for s in doc.spans["medialit_attribution"]] == ["p1s1", "p1s2"]


class TestDetectArticle:
    def test_frames_have_documented_columns(self, seed):
        """detect_article returns DataFrames with the columns listed in the pipeline docstring."""
        from medialit.detect import pipeline

        det = detect_article(seed)
        assert list(det.attribution.columns) == pipeline.ATTRIBUTION_COLUMNS
        assert list(det.unverifiable.columns) == pipeline.CUE_COLUMNS
        assert list(det.flagged.columns) == pipeline.FLAGGED_COLUMNS
        assert list(det.sources.columns) == pipeline.SOURCE_COLUMNS
        assert list(det.claims.columns) == pipeline.CLAIM_COLUMNS

    def test_input_frame_is_not_mutated(self, seed):
        """Running the detectors leaves the article's sentences frame as it was."""
        before = seed.sentences.copy()
        detect_article(seed)
        assert seed.sentences.equals(before)
