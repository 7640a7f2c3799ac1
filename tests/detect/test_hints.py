"""Practice hints: one per sentence and task, pointing where to look, never giving the answer."""

from __future__ import annotations

from medialit.detect import detect_article, hints_for


class TestHintsFor:
    def test_one_hint_per_sentence_and_task(self, seed_excerpt):
        """Every sentence except the dateline gets an attribution, an unverifiable and a conflicts hint."""
        hints = hints_for(seed_excerpt)
        assert list(hints.columns) == ["sid", "kind", "hint"]
        sids = [s for s, k in zip(seed_excerpt.sentences["sid"], seed_excerpt.sentences["kind"]) if k != "dateline"]
        assert len(hints) == 3 * len(sids)
        assert set(hints["kind"]) == {"attribution", "unverifiable", "conflicts"}

    def test_hints_never_name_the_answer(self, seed_excerpt):
        """No hint names a speaker, a reason label or a sentence id."""
        hints = hints_for(seed_excerpt)
        sources = detect_article(seed_excerpt).sources
        names = set(sources["name"]) | {a for aliases in sources["aliases"] for a in aliases if len(a) > 3}
        for hint in hints["hint"]:
            assert not any(name in hint for name in names), hint
            assert not any(r in hint for r in ("vague_source", "evidence_not_shown", "loaded_language")), hint
            assert "p1s" not in hint and "p2s" not in hint

    def test_pronoun_speaker_gets_a_pointer_backwards(self, seed_excerpt):
        """Where the speaker is only "he", the hint sends the student to the sentences before."""
        hints = hints_for(seed_excerpt)
        hint = hints[(hints["sid"] == "p4s1") & (hints["kind"] == "attribution")]["hint"].iloc[0]
        assert "pronoun" in hint

    def test_every_attribution_label_has_a_hint(self):
        """Each label the attribution step writes, the anecdote too, has its own pointer."""
        from medialit.detect.hints import BY_LABEL

        assert {"direct", "indirect", "mixed", "according_to", "continued", "anecdote"} <= set(BY_LABEL)
