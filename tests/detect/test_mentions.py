"""Names of people and organisations, with titles dropped and roles kept."""

from __future__ import annotations

import pytest

from medialit.detect.pipeline import doc_for_article


def _mentions(article):
    doc = doc_for_article(article)
    return {m.text: {"label": m.label_, **m._.mention} for m in doc.spans["medialit_mentions"]}


class TestMentionFinder:
    def test_titles_are_dropped_from_names(self, seed_excerpt):
        """"Russian Defense Ministry spokesman Igor Konashenkov" is the person Igor Konashenkov."""
        found = _mentions(seed_excerpt)
        person = found["Igor Konashenkov"]
        assert person["label"] == "PERSON"
        assert {"spokesman", "ministry"} <= person["roles"]
        assert found["Russian Defense Ministry"]["label"] == "ORG"

    def test_rank_titles_and_gender(self, make_article):
        """A title before a name is dropped and its gender kept; an apposition adds role words."""
        article = make_article("titles", """\
            # Bridge

            Chief Fire Officer Ruth Okonedo spoke first. Mr Marsh, chief executive of the port, spoke next.
            """)
        found = _mentions(article)
        assert found["Chief Fire Officer Ruth Okonedo"]["name"] == "Ruth Okonedo"
        assert found["Chief Fire Officer Ruth Okonedo"]["gender"] == "female"
        assert found["Mr Marsh"]["gender"] == "male"
        assert "executive" in found["Mr Marsh"]["roles"]

    def test_sentence_initial_words_are_not_names(self, make_article):
        """A capitalised first word is a name only if the article also writes it capitalised elsewhere."""
        article = make_article("initial", """\
            # Note

            Witnesses said it was loud. Earlier, Okonedo spoke to Varga. Okonedo left.
            """)
        found = _mentions(article)
        assert "Witnesses" not in found and "Earlier" not in found
        assert "Okonedo" in found

    def test_job_title_standing_for_a_person(self, make_article):
        """"the Superintendent" and "the Minister for Health" are titles, not names."""
        article = make_article("title", """\
            # Note

            Superintendent Ola Berg spoke. The Superintendent said the road was closed. The Minister for Health agreed.
            """)
        found = _mentions(article)
        assert found["Superintendent"]["label"] == "TITLE"
        assert found["Minister for Health"]["label"] == "TITLE"

    def test_names_holding_a_possessive_or_two_organisations(self, make_article):
        """A possessive inside an organisation's name is kept; "and" between two full names splits them."""
        article = make_article("orgs", """\
            # Note

            Staff at St Agnes’ Hospital said beds were full. Lenby Health Trust and Marsh Clinic will merge.
            """)
        found = _mentions(article)
        assert found["St Agnes’ Hospital"]["label"] == "ORG"
        assert "Lenby Health Trust" in found and "Marsh Clinic" in found

    def test_given_name_alone_and_person_of_organisation(self, make_article):
        """A given name alone is a person; "Dr Ann Lowe of Tarn University" is a person and an organisation."""
        article = make_article("people", """\
            # Note

            The study was led by Dr Ann Lowe of Tarn University. A driver who gave his name only as Bram agreed.
            """)
        found = _mentions(article)
        assert found["Dr Ann Lowe"]["name"] == "Ann Lowe" and found["Tarn University"]["label"] == "ORG"
        assert found["Bram"]["label"] == "PERSON"

    def test_role_words_from_compounds_and_relative_clauses(self, make_article):
        """"festival director Ann Lowe" and "Joe Bart, who chairs the board," carry their job words."""
        article = make_article("roles", """\
            # Note

            I met festival director Ann Lowe. Joe Bart, who chairs the board, was there.
            """)
        found = _mentions(article)
        assert {"festival", "director"} <= found["Ann Lowe"]["roles"]
        assert {"chair", "board"} <= found["Joe Bart"]["roles"]

    def test_first_word_before_a_reporting_verb(self, make_article):
        """An unknown capitalised first word before a reporting verb is a name; a known group noun is not."""
        article = make_article("wire", """\
            # Note

            Tidewire reported that the mill had closed. Residents said it was a shock.
            """)
        found = _mentions(article)
        assert "Tidewire" in found and "Residents" not in found


@pytest.mark.parametrize("word, brand", [("LetterLeap", True), ("FineFighter", True), ("McAllister", False),
                                         ("MacLeod", False), ("LeBron", False), ("Ines", False)])
def test_one_word_with_an_inner_capital_is_a_brand(word, brand):
    """"LetterLeap said" is a company speaking, so a later "she" cannot mean it; "McAllister" is a surname."""
    import spacy

    from medialit.detect.mentions import is_brand

    assert is_brand(spacy.blank("en")(word)[0]) == brand



def test_possessive_inside_an_organisation_name(make_article):
    """"Association of Children's Screen Producers" is one organisation, not two."""
    from medialit.detect import detect_article

    article = make_article("assoc", """\
        # Screens

        The Association of Children’s Screen Producers said the study lumped programmes together.
        """)
    att = detect_article(article).attribution
    assert att.set_index("sid").loc["p2s1", "speaker"] == "Association of Children’s Screen Producers"
