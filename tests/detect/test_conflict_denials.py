"""A denial aimed at "the idea" or "the plans" just put forward is a conflict candidate (invented sentences)."""

from __future__ import annotations

from medialit.detect import conflict_candidates, detect_article


def _signals(article) -> dict[frozenset, str]:
    frame = detect_article(article).claims
    out = conflict_candidates(frame, learned=False)
    return {frozenset({r.sid_a, r.sid_b}): r.signal for r in out.itertuples()}


class TestDenialOfAnIdea:
    def test_never_been_discussed(self, make_article):
        article = make_article("lights", """\
            # Street lights

            Sources at Tarne County Council say officials are already drawing up plans to switch off lights on rural roads.

            A council spokesman said the idea had “never been discussed”.
            """)
        signals = _signals(article)
        assert frozenset({"p2s1", "p3s1"}) in signals
