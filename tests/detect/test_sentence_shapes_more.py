"""More attribution and speaker shapes of news text: names holding a verb-like word, thread posts that drop
their "I", documents that list, headings that name a source before a colon (invented sentences)."""

from __future__ import annotations

import pytest

from medialit.detect import detect_article


def _rows(make_article, body: str, genre: str = "wire") -> dict[str, dict]:
    article = make_article("shape", f"# Headline\n\nA first paragraph sets the scene.\n\n{body}\n", genre=genre)
    return {r["sid"]: r for r in detect_article(article).attribution.to_dict("records")}


class TestAttributedShapes:
    @pytest.mark.parametrize("sentence, speaker_words", [
        # a reporting verb ("State") inside an organisation's name does not end its subject
        ("Nine people were rescued, the State Flood Service said.", "the State Flood Service"),
        ("The coastguard said two boats had been sent.", "The coastguard"),
        ("Islanders have long complained that the crossing is unsafe.", "Islanders"),
        ("According to the notice, the pier must be repaired by June.", "the notice"),
        # people describing: an account; a document describing a rise is not
        ("Commuters described a long wait on the platform.", "Commuters"),
        # an aside with two "who" clauses before the verb: the speaker opens the sentence
        ("A nurse who works on the ward, and who asked not to be named, said the staff had been warned.", "A nurse"),
        # the object of a "who" clause is not the speaker
        ("Engineers who have inspected the bridge have described it as unsafe.", "Engineers"),
        ("Police closed the bridge on Monday, saying the deck had cracked.", "Police"),
        ("The operator has cut its timetable, saying drivers were off sick.", "The operator"),
        ("The packet's ingredients label lists caffeine and guarana.", "The packet's ingredients label"),
        ("Mendel said no complaint about the noise had reached the council.", "Mendel"),
    ])
    def test_found_with_its_speaker_words(self, make_article, sentence, speaker_words):
        row = _rows(make_article, sentence)["p3s1"]
        assert row["label"] != "unattributed"
        assert row["speaker_words"] == speaker_words

    @pytest.mark.parametrize("sentence", [
        "The report described a sharp rise in admissions.",
        "The storm closed the bridge on Monday, saying nothing of the damage.",
        "The reef has claimed at least a dozen boats since 1960.",
        "The ferry drifted for an hour before its crew called for help.",
        "A notice on the gate says the park is closed.",
        "Critics wrote about the plan.",
    ])
    def test_not_attributed(self, make_article, sentence):
        assert "p3s1" not in _rows(make_article, sentence)

    def test_claimed_with_a_clause_still_reports(self, make_article):
        """A figure after "claimed" is a toll only when no clause follows."""
        row = _rows(make_article, "The union claimed at least 300 jobs would go.")["p3s1"]
        assert row["speaker"] == "The union"

    def test_post_that_drops_its_i(self, make_article):
        """"Heard X got paid": the poster passes on hearsay from nobody named."""
        rows = _rows(make_article, "@birdwatcher_88: Heard the mayor got a free holiday from the builder.",
                     genre="social-post")
        assert rows["p3s1"]["speaker_type"] == "anonymous"

    def test_relative_outside_the_household(self, make_article):
        """An aunt's experience reaches the writer second-hand, like a friend's."""
        rows = _rows(make_article, "My uncle drank it for a month and his back pain vanished.", genre="blog")
        assert rows["p3s1"]["label"] == "anecdote"

    def test_heading_names_its_source_before_a_colon(self, make_article):
        article = make_article("heads", "# Police: driver fled the scene on foot\n\n## Analysis: why the road "
                                        "is so dangerous\n\nA body sentence.\n")
        rows = {r["sid"]: r for r in detect_article(article).attribution.to_dict("records")}
        assert rows["p1s1"]["speaker"] == "Police"
        assert "p2s1" not in rows


class TestSpeakerShapes:
    def test_titled_name_after_a_portfolio(self, make_article):
        """"Transport Minister Dr Ilona Varga" is a person: "the company" later is not her."""
        rows = _rows(make_article, "Transport Minister Dr Ilona Varga said the line would reopen.\n\n"
                                   "Brenmoor Freight Lines said the tunnel was safe.\n\n"
                                   "The company denied cutting maintenance staff.")
        assert rows["p3s1"]["speaker"] == "Ilona Varga"
        assert rows["p5s1"]["speaker"] == "Brenmoor Freight Lines"

    def test_the_council_is_not_a_councillor(self, make_article):
        """A councillor's job names the council; "The council ..." opening a sentence is still the institution."""
        rows = _rows(make_article, "The leader of the council's Labour group, Cllr Tomas Reyes, said the vote was "
                                   "rigged.\n\nThe chair, Edwin Marsh, said the plans were sound.\n\n"
                                   "The council had received 900 letters, he said.")
        assert rows["p5s1"]["speaker"] == "Edwin Marsh"


class TestDocumentsAndOutlets:
    def test_document_qualified_by_who_saw_it(self, make_article):
        """"Emails obtained by the Courier show ...": the emails report, not the paper that obtained them."""
        row = _rows(make_article, "Emails obtained by the Courier show the director knew of the leak.")["p3s1"]
        assert row["speaker_words"] == "Emails"

    def test_the_company_is_not_the_outlet(self, make_article):
        """The reporting paper is a business too, but "the company" in its story means the firm it covers."""
        article = make_article("outlet", "# Headline\n\nVarrow Quarrying Ltd said the blast was routine.\n\n"
                                         "The Lakeside Herald has seen a letter from the inspectors.\n\n"
                                         "The company denied breaking the rules.\n", outlet="The Lakeside Herald")
        rows = {r["sid"]: r for r in detect_article(article).attribution.to_dict("records")}
        assert rows["p4s1"]["speaker"] == "Varrow Quarrying Ltd"
