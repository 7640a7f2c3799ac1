"""Answer keys: resolving quotes to sentences and reporting every kind of error."""

from __future__ import annotations

import textwrap

import pytest

import medialit
from medialit.errors import KeyValidationError
from medialit.validate import validate_paths
from tests.conftest import EXCERPT_KEY


def _problems(library, text: str) -> list[str]:
    (library / "keys" / "excerpt.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return [str(p) for p in validate_paths([library])]


class TestGoodKey:
    def test_quotes_resolve_to_sentence_ids(self, library):
        """Every item and claim gets the id of the one sentence its quote lies in."""
        key = medialit.load_key("excerpt")
        assert key.items["sid"].tolist() == ["p1s1", "p2s2", "p4s1", "p4s1"]
        assert key.items.loc[2, "source"] == "Igor Konashenkov"
        assert key.items.loc[0, "source_type"] == "none"
        assert key.items.loc[1, "source_type"] == "person"
        assert [c["sid"] for c in key.groups[0]["claims"]] == ["p2s2", "p3s1"]

    def test_json_shape(self, library):
        """to_json has the documented fields and no NaN."""
        data = medialit.load_key("excerpt").to_json()
        assert set(data) == {"article", "items", "conflicts"}
        assert set(data["items"][0]) == {"sid", "quote", "category", "source", "source_type", "reason",
                                         "explanation", "acceptable"}
        assert data["items"][0]["source"] is None and data["items"][3]["reason"] == "loaded_language"
        assert set(data["conflicts"][0]["claims"][0]) == {"article", "sid", "quote", "source"}

    def test_validate_passes(self, library):
        """The fixture library is valid."""
        assert validate_paths([library]) == []


class TestErrors:
    def test_missing_field(self, library):
        """A missing explanation names the item, its line and the field to add."""
        bad = EXCERPT_KEY.replace("    explanation: The headline states the ministry's denial as fact.\n", "")
        (msg,) = _problems(library, bad)
        assert "keys/excerpt.yaml: items[0] (line 9)" in msg and "Fix: add 'explanation:'" in msg

    def test_quote_matching_no_sentence(self, library):
        """A quote found nowhere points at the closest sentence."""
        (msg,) = _problems(library, EXCERPT_KEY.replace("Igor Konashenkov said on Wednesday", "Igor Konashenkov said on Tuesday"))
        assert "items[1]" in msg and "matches no sentence" in msg and "closest is p2s2" in msg

    def test_quote_matching_two_sentences(self, library):
        """A quote found in two sentences lists them and asks for more words."""
        (msg,) = _problems(library, EXCERPT_KEY.replace("quote: This is irrefutable evidence", "quote: he said"))
        assert "matches 2 sentences (p4s1, p6s2)" in msg and "quote more words" in msg

    def test_quote_crossing_sentences(self, library):
        """A quote over a sentence boundary names both sentences."""
        (msg,) = _problems(library, EXCERPT_KEY.replace(
            "quote: This is irrefutable evidence", "quote: 'near Araq. \"Seven command'"))
        assert "crosses a sentence boundary (p6s1, p6s2)" in msg

    def test_straight_versus_curly_quote(self, library):
        """A quote differing only in quote marks says so."""
        (msg,) = _problems(library, EXCERPT_KEY.replace(
            "quote: This is irrefutable evidence", "quote: '\u201cThis is irrefutable evidence'"))
        assert "only in its quote marks" in msg

    def test_bad_yaml(self, library):
        """Broken YAML reports the line and how to fix it."""
        (msg,) = _problems(library, EXCERPT_KEY.replace("    category: unattributed\n", "    category: [unattributed\n"))
        assert "excerpt.yaml: line" in msg and "not valid YAML" in msg and "Fix:" in msg

    def test_unknown_category(self, library):
        """An unknown category lists the allowed ones."""
        (msg,) = _problems(library, EXCERPT_KEY.replace("category: unattributed", "category: rumour"))
        assert "items[0]" in msg and "'rumour'" in msg and "use one of: attribution, unattributed, unverifiable" in msg

    def test_undeclared_source(self, library):
        """A source not declared under sources suggests the near one."""
        (msg,) = _problems(library, EXCERPT_KEY.replace("    source: Doctors Without Borders", "    source: Doctors without Borders"))
        assert "not declared" in msg and "did you mean 'Doctors Without Borders'" in msg

    def test_category_rules(self, library):
        """Attribution needs a source, unverifiable a reason, and unattributed no source."""
        bad = EXCERPT_KEY.replace("    reason: loaded_language\n", "").replace(
            "    category: unattributed\n", "    category: unattributed\n    source: Igor Konashenkov\n")
        msgs = _problems(library, bad)
        assert any("has no 'reason'" in m for m in msgs)
        assert any("unattributed item names a source" in m for m in msgs)

    def test_conflict_needs_two_claims(self, library):
        """A conflict with a single claim is rejected."""
        bad = EXCERPT_KEY.split("      - quote: destroyed in a recent air raid")[0]
        (msg,) = _problems(library, bad)
        assert "conflicts[0]" in msg and "at least two claims" in msg

    def test_load_key_raises_with_all_problems(self, library):
        """load_key raises KeyValidationError carrying every problem."""
        (library / "keys" / "excerpt.yaml").write_text(
            EXCERPT_KEY.replace("category: unattributed", "category: rumour"), encoding="utf-8")
        with pytest.raises(KeyValidationError) as info:
            medialit.load_key("excerpt")
        assert len(info.value.problems) == 1


class TestQuoteMatching:
    """Which sentences a quote points at."""

    SENTENCES = {"sid": ["p1s1", "p2s1", "p3s1"],
                 "text": ["A voucher is a decent offer.", "Quoting Sam: A voucher is a decent offer. No.",
                          "Nobody agreed."]}

    def test_whole_sentence_wins_over_a_longer_repeat(self):
        """A post repeated inside a later quoting post can still be keyed by quoting all of it."""
        import pandas as pd

        from medialit.keys.resolve import matching_sids

        sentences = pd.DataFrame(self.SENTENCES)
        assert matching_sids(sentences, "A voucher is a decent offer.") == ["p1s1"]
        assert matching_sids(sentences, "decent offer") == ["p1s1", "p2s1"]
        assert matching_sids(sentences, "Quoting Sam") == ["p2s1"]
