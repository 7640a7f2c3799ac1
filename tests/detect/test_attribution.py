"""Which sentences attribute a claim, and through which cue."""

from __future__ import annotations

import pytest

from medialit.detect import detect_article
from tests.detect.conftest import SEED_SPEAKERS


def _labels(article) -> dict[str, str]:
    att = detect_article(article).attribution
    return dict(zip(att["sid"], att["label"]))


class TestSeedExcerpt:
    def test_attributed_sentences(self, seed_excerpt):
        """Every attributed sentence of the excerpt is found; the sub-heading is not attributed."""
        labels = _labels(seed_excerpt)
        assert set(SEED_SPEAKERS) <= set(labels)
        assert labels.get("p8s1") in (None, "unattributed")

    def test_kinds_of_attribution(self, seed_excerpt):
        """Direct quotes, reported speech, "according to" and continued quotations get their own label."""
        labels = _labels(seed_excerpt)
        assert labels["p4s1"] == "direct"
        assert labels["p2s2"] == "indirect"
        assert labels["p5s1"] == "according_to"
        assert labels["p6s1"] == labels["p6s2"] == "continued"

    def test_main_tag_is_the_one_closing_the_sentence(self, seed_excerpt):
        """With a verb inside ("denies") and a tag at the end ("... said"), the tag at the end speaks."""
        att = detect_article(seed_excerpt).attribution.set_index("sid")
        assert att.loc["p2s2", "cue"] == "said"


class TestPositions:
    @pytest.mark.parametrize("sentence, speaker", [
        ("Okonedo said the fire was out.", "Okonedo"),
        ('"The fire is out," said Okonedo.', "Okonedo"),
        ("The fire, Okonedo said, was out.", "Okonedo"),
        ('"The fire," Okonedo said, "is out."', "Okonedo"),
        ('Okonedo added: "The fire is out."', "Okonedo"),
        ("The fire was out, according to Okonedo.", "Okonedo"),
        ("Margaret Doyle, who lives by the docks, said she heard thunder.", "Margaret Doyle"),
        ("Residents of Quay Street said the smoke reached the town.", "Residents of Quay Street"),
    ])
    def test_reporting_verb_anywhere(self, make_article, sentence, speaker):
        """The reporting verb is found before, after or inside the claim, and the quotation too."""
        article = make_article("positions", f"# Fire\n\nRuth Okonedo arrived at dawn.\n\n{sentence}\n")
        att = detect_article(article).attribution.set_index("sid")
        assert "p3s1" in att.index
        assert speaker.split()[-1] in att.loc["p3s1", "speaker"]

    @pytest.mark.parametrize("sentence", [
        "She said goodbye to her staff on Friday.",
        'A hand-painted sign reading "Never again" hung on the fence.',
        "The council should scrap the scheme now.",
        "Pupils were told to wear the sensors at night.",
        "Of course a GP would say that.",
        "The old plaque says it all.",
    ])
    def test_no_attribution(self, make_article, sentence):
        """Farewells, signs, instructions and hypothetical sayings attribute nothing."""
        article = make_article("none", f"# Note\n\nRuth Okonedo arrived at dawn.\n\n{sentence}\n")
        att = detect_article(article).attribution
        assert "p3s1" not in set(att["sid"])
