"""Sweeping statements: universal subjects, listed groups with a place, "many" plus a group, "up to" ceilings
(the lexicon alone: the trained model has its own tests in test_learned.py)."""

from __future__ import annotations

from medialit.detect import detect_article


def _flagged(make_article, body, genre=None):
    article = make_article("sweep", "# Market day\n\n" + body + "\n")
    return set(detect_article(article, learned=False).flagged["sid"])


class TestSweeping:
    def test_universal_subject(self, make_article):
        assert "p2s1" in _flagged(make_article, "Everyone in Dunmoor loves the Saturday market.")

    def test_counting_the_hurt_is_not_sweeping(self, make_article):
        assert "p2s1" not in _flagged(make_article, "Nobody was injured when the awning collapsed on Saturday.")

    def test_listed_groups_with_a_place(self, make_article):
        text = "Shoppers, drivers and residents across the county are already feeling the benefits."
        assert "p2s1" in _flagged(make_article, text)

    def test_many_and_a_group_before_a_feeling(self, make_article):
        text = "The stalls open at eight on Saturdays, and many shoppers swear by the early start."
        assert "p2s1" in _flagged(make_article, text)


class TestCeilings:
    def test_fines_up_to_are_not_a_best_case(self, make_article):
        text = "Traders who block the fire lane face fines of up to 500 euros and lose their pitch, the council said."
        assert "p2s1" not in _flagged(make_article, text)
