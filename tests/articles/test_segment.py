"""Sentence segmentation of real wire copy."""

from __future__ import annotations

import csv

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.articles.segment import Block, find_dateline, sentences_from_blocks
from tests.conftest import EXCERPT_ROWS, REPO


def _segment(*paragraphs: str):
    blocks, offset = [], 0
    for i, text in enumerate(paragraphs):
        blocks.append(Block("headline" if i == 0 else "body", text, offset))
        offset += len(text) + 2
    return sentences_from_blocks(blocks, dateline="")


def _expected_seed():
    with open(REPO / "tests" / "data" / "seed_sentences.tsv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


class TestSeed:
    def test_every_sentence_of_the_seed(self, seed):
        """The seed splits into exactly the reviewed sentences, with kinds and quote state."""
        expected = _expected_seed()
        got = seed.sentences
        assert len(got) == len(expected)
        for row, want in zip(got.itertuples(), expected):
            assert (row.sid, row.kind, row.text, row.in_quote) == (
                want["sid"], want["kind"], want["text"], want["in_quote"] == "1"), row.sid

    @pytest.mark.parametrize("sid", [row["sid"] for row in _expected_seed()])
    def test_offsets_point_at_the_text(self, seed, sid):
        """Each sentence's start/end slice the article text to exactly its text."""
        row = seed.sentences.set_index("sid").loc[sid]
        assert seed.text[row["start"]:row["end"]] == row["text"]

    def test_quote_opening_after_full_stop_starts_new_sentence(self, seed):
        """`units. "Seven command points` is two sentences, the quote mark with the second."""
        rows = seed.sentences.set_index("sid")
        assert rows.loc["p16s1", "text"].endswith("militia units.")
        assert rows.loc["p16s2", "text"].startswith('"Seven command points')

    def test_multi_paragraph_quote_stays_in_quote(self, seed):
        """A paragraph left open and the next one reopening are both inside the quotation."""
        rows = seed.sentences.set_index("sid")
        assert rows.loc["p10s1", "in_quote"] and rows.loc["p11s1", "in_quote"]
        assert rows.loc["p18s2", "in_quote"] and rows.loc["p33s3", "in_quote"]

    def test_unclosed_quote_ends_with_its_paragraph(self, seed):
        """The never-closed quote in p42 does not leak into the next sub-heading or paragraph."""
        rows = seed.sentences.set_index("sid")
        assert rows.loc["p42s1", "in_quote"]
        assert not rows.loc["p43s1", "in_quote"] and not rows.loc["p44s1", "in_quote"]

    def test_headings_and_dateline(self, seed):
        """Headline, standfirst, sub-headings and dateline are recognised without full stops."""
        kinds = seed.sentences.set_index("sid")["kind"]
        assert kinds["p1s1"] == "headline" and kinds["p2s1"] == "subhead" and kinds["p3s1"] == "dateline"
        assert (kinds == "subhead").sum() == 6

    def test_no_non_breaking_spaces_survive(self, seed):
        """Non-breaking spaces are normalized away; curly quotes are kept."""
        assert "\u00a0" not in seed.text and "  " not in seed.text
        assert "\u201cstab in Russia\u2019s back\u201d" in seed.text


class TestRules:
    def test_question_in_quote_then_lowercase_speaker(self):
        """`"Why?" he asked.` is one sentence."""
        got = _segment("H", '"Why?" he asked. "Because," she said.')
        assert got["text"].tolist()[1:] == ['"Why?" he asked.', '"Because," she said.']

    def test_abbreviations_do_not_split(self):
        """Titles, initials and decimals do not end sentences."""
        got = _segment("H", "Mr. Smith met Gen. Jones in the U.S. on Jan. 5. It cost $5.5 million.")
        assert got["text"].tolist()[1:] == ["Mr. Smith met Gen. Jones in the U.S. on Jan. 5.", "It cost $5.5 million."]

    def test_curly_quotes_across_sentences(self):
        """Sentences inside a curly-quoted passage are each in_quote."""
        got = _segment("H", "\u201cWe know. We saw it,\u201d said Dr. Ana Ruiz. The clinic closed.")
        assert got["text"].tolist()[1:] == ["\u201cWe know.", "We saw it,\u201d said Dr. Ana Ruiz.", "The clinic closed."]
        assert got["in_quote"].tolist()[1:] == [True, True, False]

    def test_excerpt_rows(self, library):
        """The hand-written excerpt segments into the expected rows."""
        import medialit

        got = medialit.load_article("excerpt").sentences
        assert [(r.sid, r.kind, r.in_quote) for r in got.itertuples()] == [r[:3] for r in EXCERPT_ROWS]
        for text, want in zip(got["text"], EXCERPT_ROWS):
            assert text.startswith(want[3])

    @pytest.mark.parametrize("line, dateline", [
        ("HMEIMIM /SYRIA/, May 4. /TASS/. The ministry", "HMEIMIM /SYRIA/, May 4. /TASS/."),
        ("LONDON (Reuters) - Prices rose", "LONDON (Reuters) -"),
        ("PARIS, May 4 (AFP) \u2014 The mayor", "PARIS, May 4 (AFP) \u2014"),
        ("CALDERPORT \u2014 A fire broke out", "CALDERPORT \u2014"),
        ("The ministry said on Monday.", None),
    ])
    def test_dateline_patterns(self, line, dateline):
        """Common wire datelines are found; ordinary sentences are not datelines."""
        assert find_dateline(line) == dateline


_words = st.sampled_from(["The", "minister", "said", "it", "was", "over", "Mr.", "Jones", "U.S.", "5.5",
                          "rose", "again", "he", "told", "reporters", "no", "one", "knew"])
_sentence = st.lists(_words, min_size=2, max_size=12).map(lambda ws: " ".join(ws))
_quoted = st.tuples(_sentence, st.sampled_from(["", '"', "\u201c"])).map(
    lambda t: f'{t[1]}{t[0]}{".!?"[len(t[0]) % 3]}' + ('"' if t[1] == '"' else "\u201d" if t[1] else ""))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_quoted, min_size=1, max_size=5).map(" ".join), min_size=1, max_size=4))
def test_fuzzed_paragraphs_partition_the_text(paragraphs):
    """Sentences never overlap, cover every non-space character, and slice the text exactly."""
    got = _segment("Headline", *paragraphs)
    text = "\n\n".join(["Headline", *paragraphs])
    covered = "".join(text[s:e] for s, e in zip(got["start"], got["end"]))
    assert covered.replace(" ", "") == text.replace("\n", "").replace(" ", "")
    assert (got["start"].iloc[1:].to_numpy() >= got["end"].iloc[:-1].to_numpy()).all()
    for s, e, t in zip(got["start"], got["end"], got["text"]):
        assert text[s:e] == t


class TestMoreRules:
    def test_numbering_abbreviation_before_digit(self):
        """`No. 10` does not end a sentence."""
        got = _segment("H", "He lives at No. 10 Downing St. in London. She said no.")
        assert got["text"].tolist()[1:] == ["He lives at No. 10 Downing St. in London.", "She said no."]

    def test_sentence_starting_with_a_time_or_number(self):
        """`6.12pm was ...` after a full stop starts a new sentence, though its first letter is lowercase."""
        got = _segment("H", "\u201cIt went dark. 6.12pm is when it came back,\u201d she said. 40,000 homes lost power.")
        assert got["text"].tolist()[1:] == ["\u201cIt went dark.", "6.12pm is when it came back,\u201d she said.",
                                            "40,000 homes lost power."]

    def test_british_single_quotes(self):
        """Curly single quotes open and close quotations; apostrophes do not."""
        got = _segment("H", "\u2018We know. We saw the militants\u2019 base,\u2019 said Dr Ruiz. It\u2019s closed.")
        assert got["in_quote"].tolist()[1:] == [True, True, False]

    def test_stranded_bracket_moves_forward(self):
        """An opening bracket after a full stop belongs to the next sentence."""
        got = _segment("H", "It rose. (The figure is disputed.) Then it fell.")
        assert got["text"].tolist()[1:] == ["It rose.", "(The figure is disputed.)", "Then it fell."]

    @pytest.mark.parametrize("text, expected", [
        ("The area was clear by 4:25 p.m. Police estimated the crowd at 30,000.",
         ["The area was clear by 4:25 p.m.", "Police estimated the crowd at 30,000."]),
        ("His sensor registered a strike at 12.58 p.m. \u201cIt was close,\u201d he said.",
         ["His sensor registered a strike at 12.58 p.m.", "\u201cIt was close,\u201d he said."]),
        ("The polls close at 10 p.m. Thursday and counting starts at once.",
         ["The polls close at 10 p.m. Thursday and counting starts at once."]),
        ("The blast came at 7.30 a.m. on Sunday.", ["The blast came at 7.30 a.m. on Sunday."]),
    ])
    def test_a_time_can_end_a_sentence(self, text, expected):
        """spaCy keeps "p.m." whole; a capitalised word or a quotation after a time starts the next sentence, a
        day or a lowercase word does not."""
        assert _segment("H", text)["text"].tolist()[1:] == expected
