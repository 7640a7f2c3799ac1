"""The lexicons in patterns/*.jsonl: well-formed, loadable, and read into matchers."""

from __future__ import annotations

import json

import pytest

from medialit.detect.lexicon import PATTERNS, load_patterns, phrase_entries, token_matcher


class TestFiles:
    @pytest.mark.parametrize("path", sorted(PATTERNS.glob("*.jsonl")), ids=lambda p: p.stem)
    def test_every_line_is_a_pattern(self, path):
        """Each line is a JSON object with a label, an id and a phrase or token-pattern list."""
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert {"label", "pattern", "id"} <= set(row)
            assert isinstance(row["pattern"], (str, list))

    def test_cue_labels_are_key_reasons(self):
        """Every unverifiable cue names one of the reasons an answer key allows."""
        from medialit.keys.schema import REASONS

        assert {row["label"] for row in load_patterns("cues")} <= set(REASONS)

    def test_bad_line_names_file_and_line(self, tmp_path, monkeypatch):
        """A broken lexicon line is reported with its file and line number."""
        import medialit.detect.lexicon as lexicon

        (tmp_path / "broken.jsonl").write_text('{"label": "x", "pattern": "y", "id": "y"}\n{oops\n')
        monkeypatch.setattr(lexicon, "PATTERNS", tmp_path)
        lexicon.load_patterns.cache_clear()
        try:
            with pytest.raises(ValueError, match="broken.jsonl: line 2"):
                lexicon.load_patterns("broken")
        finally:
            lexicon.load_patterns.cache_clear()


class TestMatchers:
    def test_token_patterns_validate(self):
        """The token patterns of cues.jsonl compile in a validating Matcher with unique ids."""
        import spacy

        matcher = token_matcher(spacy.blank("en"), "cues")
        assert len(matcher) == sum(1 for r in load_patterns("cues") if isinstance(r["pattern"], list))

    def test_phrases_are_lower_case_keys(self):
        """Phrase entries are found by their lower-cased text."""
        assert phrase_entries("reporting_verbs")["said"]["id"] == "say"

    def test_token_patterns_match_as_spacy_does(self):
        """TokenPatterns finds the same (pattern, start, longest end) as spaCy's Matcher on an invented text."""
        import spacy

        from medialit.detect.lexicon import TokenPatterns

        nlp = spacy.blank("en")
        doc = nlp("Many experts say it will close if prices rise. They did not explain it, and the fastest "
                  "runners ever seen did much more than expected. My sister's friend said so.")
        spacy_ends = {}
        for match_id, start, end in token_matcher(nlp, "cues")(doc):
            spacy_ends[(match_id, start)] = max(spacy_ends.get((match_id, start), 0), end)
        assert {(m, s): e for m, s, e in TokenPatterns(nlp, "cues")(doc)} == spacy_ends


@pytest.mark.parametrize("words, same", [
    (("cancelled", "cancel", "cancels"), True),
    (("travelled", "travel"), True),
    (("stopped", "stop"), True),
    (("called", "call"), True),
    (("call", "cancel"), False),
])
def test_stems_match_inflections(words, same):
    """Inflections share a stem, with a doubled final consonant undone ("cancelled" / "cancel"), but short
    words keep theirs ("call", "miss")."""
    from medialit.detect.terms import stem

    assert (len({stem(w) for w in words}) == 1) == same
