"""Relayed speech, summaries of a source's account and other report shapes (invented sentences).

Threads of replies pass on what somebody else said ("A pest controller I know says ...", "Heard from a
lad in the pub that ..."); news sums a source up before quoting it ("Police gave a different account").
Each case has a look-alike that must stay untagged.
"""

from __future__ import annotations

import pytest

from medialit.detect import detect_article


def _rows(make_article, body: str, genre: str = "wire") -> dict[str, dict]:
    article = make_article("one", f"# Headline\n\n{body}\n", genre=genre)
    att = detect_article(article).attribution
    return {r["sid"]: r for r in att.to_dict("records") if r["label"] != "unattributed"}


class TestRelayedSpeech:
    @pytest.mark.parametrize("sentence, speaker", [
        ("A pest controller I know says rat numbers double within a year.", "anonymous pest controller"),
        ("A guy I work with says the depot is closing.", "anonymous guy"),
        ("Everyone I pick up says the same.", "Everyone"),
        ("My mate who drives the 42 says drivers were told to let everyone on.", "My mate who drives the 42"),
    ])
    def test_a_clause_describing_the_source(self, make_article, sentence, speaker):
        """A clause with "I"/"who" after the source describes it; the source still speaks."""
        rows = _rows(make_article, f"@ana: The buses were late again.\n\n@ben: {sentence}", genre="social-post")
        assert rows["p3s1"]["speaker"] == speaker

    @pytest.mark.parametrize("sentence, speaker", [
        ("Heard from a lad in the pub that the council has fined 200 people.", "anonymous lad"),
        ("I heard from my sister that the school will close.", "my sister"),
    ])
    def test_heard_from(self, make_article, sentence, speaker):
        """"Heard from X that ...": X is the source, not a place in the phrase ("in the pub")."""
        rows = _rows(make_article, f"@ana: {sentence}", genre="social-post")
        assert rows["p2s1"]["speaker"] == speaker

    def test_heard_from_a_place_is_no_report(self, make_article):
        rows = _rows(make_article, "@ana: I heard from the town centre the sound of a bang.", genre="social-post")
        assert "p2s1" not in rows

    def test_about_a_figure_is_no_topic(self, make_article):
        """"says they get about 5,000 complaints" reports a figure; "writes about politics" names a topic."""
        rows = _rows(make_article, "My cousin says they get about 5,000 complaints a week.\n\n"
                                   "She writes about local politics.")
        assert rows["p2s1"]["speaker"] == "My cousin"
        assert "p3s1" not in rows

    def test_not_what_they_say(self, make_article):
        """"that's not what the drivers say" sets the drivers' account against a claim; "I don't know what
        the council says" reports nothing."""
        rows = _rows(make_article, "Funny, because that’s not what the drivers say.\n\n"
                                   "I don't know what the council says.")
        assert rows["p2s1"]["speaker"] == "the drivers"
        assert "p3s1" not in rows

    def test_keeps_telling(self, make_article):
        rows = _rows(make_article, "Boxwell’s chat bot just keeps telling me it was collected.\n\n"
                                   "The kids keep saying things.")
        assert rows["p2s1"]["speaker_words"] == "Boxwell’s chat bot"
        assert "p3s1" not in rows

    def test_which_the_source_confirmed(self, make_article):
        rows = _rows(make_article, "The fault was a failed update at our payment provider, which the provider "
                                   "has confirmed to us in writing.")
        assert rows["p2s1"]["speaker_words"] == "the provider"


class TestMessagesSaying:
    @pytest.mark.parametrize("sentence, words", [
        ("I got an email from FurFinder on 9 October saying there had been a display issue.", "an email"),
        ("Penning Homes put a letter through every door in January saying no bikes in corridors.", "a letter"),
        ("The firm sent out letters to residents last week saying the water was safe.", "letters"),
    ])
    def test_the_message_speaks_over_phrases_of_place_and_time(self, make_article, sentence, words):
        """The document before "saying" speaks, past "from X on 9 October"; who received it does not."""
        rows = _rows(make_article, sentence)
        assert rows["p2s1"]["speaker_words"] == words

    def test_declined_saying(self, make_article):
        """"She declined to name the contractor, saying ...": the refusal comes with a reason she gives."""
        rows = _rows(make_article, "Lucinda Harcastle said the site was safe.\n\n"
                                   "She declined to name the contractor, saying it would be inappropriate.")
        assert rows["p3s1"]["speaker"] == "Lucinda Harcastle"


class TestSummariesOfAnAccount:
    @pytest.mark.parametrize("sentence, speaker", [
        ("Carrowshire Police gave a different account of how the operation ended.", "Carrowshire Police"),
        ("Captain Dragana Pelin, who is leading the search, put the number higher.", "Dragana Pelin"),
        ("Councillor Graham Oduya pointed the finger at the contractor.", "Graham Oduya"),
        ("Local businesses report an immediate boost in online sales.", "Local businesses"),
        ("Travellers described scenes of chaos in the terminal.", "Travellers"),
        ("Sources familiar with the investigation said the boiler was old.", "Sources familiar with the investigation"),
        ("Vale Patients First claims that visitors waited 40 minutes.", "Vale Patients First"),
    ])
    def test_summary_sentences(self, make_article, sentence, speaker):
        rows = _rows(make_article, sentence)
        assert rows["p2s1"]["speaker_words"] == speaker or rows["p2s1"]["speaker"] == speaker

    @pytest.mark.parametrize("sentence", [
        "The evidence points to a leak in the main.",
        "The report described the building.",
        "Residents should report the incident to police.",
        "The first reports came in at noon.",
    ])
    def test_look_alikes(self, make_article, sentence):
        assert "p2s1" not in _rows(make_article, sentence)

    def test_headline_points_to(self, make_article):
        """A headline's "X points to Y" gives X's account without a verb of saying."""
        article = make_article("one", "# Council points to rain\n\nThe road was shut on Monday.\n")
        att = detect_article(article).attribution
        row = att[att["sid"] == "p1s1"].iloc[0]
        assert row["label"] != "unattributed"

    def test_name_ending_like_a_participle(self, make_article):
        """"Pickering, who needed stitches, said": a surname ending in -ing is no participle aside."""
        rows = _rows(make_article, "Joanne Pickering, a coach, said the roof shook.\n\n"
                                   "Pickering, who needed stitches to a head wound, said she had pulled two children out.")
        assert rows["p3s1"]["speaker"] == "Joanne Pickering"

    def test_according_to_figures_i_have_seen(self, make_article):
        rows = _rows(make_article, "Assaults have doubled since the buses stopped, according to figures I have seen.")
        assert rows["p2s1"]["speaker_words"] == "figures"

    def test_a_wildlife_park_speaks(self, make_article):
        rows = _rows(make_article, "Eleven macaques escaped from Whitlow Edge Wildlife Park on Sunday.\n\n"
                                   "The park has blamed Storm Idris, saying a falling tree smashed the fence.")
        assert rows["p3s1"]["speaker"] == "Whitlow Edge Wildlife Park"


class TestTheOutletsOwnVoice:
    def test_the_outlet_understands(self, make_article):
        """"The Courier understands that ..." is the paper's own claim; "Police understand that ..." is sourced."""
        article = make_article("one", "# Headline\n\nThe Courier understands that the board was shown a quote.\n\n"
                                      "Police understand that the driver fled.\n", outlet="The Kelbridge Courier")
        att = detect_article(article).attribution
        tagged = set(att.loc[att["label"] != "unattributed", "sid"])
        assert "p2s1" not in tagged
        assert "p3s1" in tagged

    def test_a_count_of_replies(self, make_article):
        rows = _rows(make_article, "It went to public consultation last spring and 412 people responded.\n\n"
                                   "The council replied that the plan was sound.")
        assert "p2s1" not in rows
        assert rows["p3s1"]["speaker_words"] == "The council"


class TestHeadingsWithAColon:
    def _tagged(self, make_article, heading: str, genre: str) -> bool:
        article = make_article("one", f"# Headline\n\n## {heading}\n\nThe road was shut on Monday.\n", genre=genre)
        att = detect_article(article).attribution
        return bool((att["sid"].eq("p2s1") & att["label"].ne("unattributed")).any())

    @pytest.mark.parametrize("heading, genre, tagged", [
        ("Union: pay offer an insult", "wire", True),
        ("Police: driver fled the scene", "official-statement", True),
        ("Company: ‘No danger’", "wire", True),
        ("Westbrae Libraries: a modern library service for a digital age", "wire", False),
        ("Carrowdale Connect: faster, more frequent buses", "official-statement", False),
        ("Union: a profile", "wire", False),
    ])
    def test_source_or_title(self, make_article, heading, genre, tagged):
        """A heading names its source before a colon, unless it is a title and a tagline in the body's own voice."""
        assert self._tagged(make_article, heading, genre) is tagged


class TestCountsOfAnswers:
    def test_per_cent_disagreed(self, make_article):
        rows = _rows(make_article, "The consultation received 2,940 responses, of which 61 per cent disagreed with "
                                   "the plan.\n\nThe union disagreed with the figures.")
        assert "p2s1" not in rows
        assert rows["p3s1"]["speaker_words"] == "The union"


class TestStanceSentences:
    @pytest.mark.parametrize("sentence, speaker", [
        ("Professor Anders Holm, a lung specialist, does not agree.", "Anders Holm"),
        ("Pamela Sturridge, who chairs the residents' association, is not convinced.", "Pamela Sturridge"),
        ("The Kestrel Road Traders’ Association sees things very differently.", "Kestrel Road Traders’ Association"),
    ])
    def test_a_source_set_against_a_claim(self, make_article, sentence, speaker):
        """Sentences that set a source against what came before are attributed to that source."""
        rows = _rows(make_article, f"The council says the scheme will work.\n\n{sentence}")
        assert rows["p3s1"]["speaker"] == speaker

    def test_careful_to_add(self, make_article):
        rows = _rows(make_article, "Ingrid Vasquez-Thorne said the study was big.\n\n"
                                   "She was careful to add that the study could show only an association.\n\n"
                                   "He was at pains, though, to stress that it could not show cause.")
        assert rows["p3s1"]["speaker"] == "Ingrid Vasquez-Thorne"
        assert "p4s1" in rows

    def test_i_am_not_convinced_is_the_writer(self, make_article):
        assert "p2s1" not in _rows(make_article, "I am not convinced.")

    def test_a_long_first_clause_before_and_found(self, make_article):
        rows = _rows(make_article, "The team linked noise maps for three cities with the test results of 26,480 "
                                   "children aged 10 and 11, and found that pupils in the noisiest homes scored lower.")
        assert rows["p2s1"]["speaker_words"] == "The team"

    def test_a_report_with_an_aside(self, make_article):
        rows = _rows(make_article, "The report by the Office for School Standards, published on Tuesday, says "
                                   "reading is well below the national average.")
        assert rows["p2s1"]["speaker_words"].startswith("The report")


class TestSpeakersNamedAroundAsides:
    def test_two_who_clauses(self, make_article):
        """"A groundsman who ..., and who asked not to be named, said": the groundsman, and "he" after him."""
        rows = _rows(make_article, "Wold Fire and Rescue Service said crews were called at 3pm.\n\n"
                                   "A groundsman who worked at the ground until last summer, and who asked not to be "
                                   "named, said staff had reported rusted bolts.\n\n"
                                   "“We’d send photos up to the office and nothing ever happened,” he said.")
        assert rows["p3s1"]["speaker"] == "anonymous groundsman"
        assert rows["p4s1"]["speaker"] == "anonymous groundsman"

    def test_a_study_of_more_than(self, make_article):
        rows = _rows(make_article, "Cold showers may mean fewer sick days, according to a study of more than 3,000 "
                                   "office workers published today.")
        assert rows["p2s1"]["speaker_words"].startswith("a study of more than 3,000 office workers")

    def test_a_surname_that_is_also_a_thing(self, make_article):
        """"Banner said. “...”": a quotation after a man called Banner is his, not a banner's slogan."""
        rows = _rows(make_article, "Rhys Banner, a regional organiser, said the doors were blocked.\n\n"
                                   "“We sent letters,” Banner said. “Nobody replied.”\n\n"
                                   "Protesters carried a banner reading “Save our pier”.")
        assert rows["p3s2"]["speaker"] == "Rhys Banner"
        assert "p4s1" not in rows


class TestTheCompany:
    def test_the_maker_not_its_product(self, make_article):
        rows = _rows(make_article, "Volunteers played the app, called MindTrellis, for 20 minutes a day.\n\n"
                                   "The trial was paid for by Cortexa Labs, which makes MindTrellis. In a statement, "
                                   "the company said users improve their memory.", genre="science-news")
        assert rows["p3s2"]["speaker"] == "Cortexa Labs"

    def test_a_firm_named_in_an_apposition(self, make_article):
        rows = _rows(make_article, "Volunteers wore DozeBand wrist trackers lent by Slumberline, a local "
                                   "sleep-technology firm.\n\nIn an email to customers, the company said naps were "
                                   "proved to help.", genre="science-news")
        assert rows["p3s1"]["speaker"] == "Slumberline"

    def test_a_release_names_its_issuer(self, make_article):
        """In a press release the outlet is the issuer's press office: "the company" is the issuer."""
        article = make_article("one", "# Headline\n\nSeverncombe Water today announced smart meters for every "
                                      "home.\n\nCustomers can join our WaterSure support scheme.\n\n"
                                      "The company says the new meters are the most advanced in Europe.\n",
                               genre="press-release", outlet="Severncombe Water press office")
        att = detect_article(article).attribution
        row = att[att["sid"] == "p4s1"].iloc[0]
        assert row["speaker"] == "Severncombe Water"


class TestPostShapes:
    def test_an_update_label_is_no_speaker(self, make_article):
        rows = _rows(make_article, "@holly: The council lost my parking permit.\n\n"
                                   "@holly: Update: the council have refunded me but still say it was sent.",
                     genre="social-post")
        assert rows["p3s1"]["speaker_words"] == "the council"

    def test_a_copula_before_and_says(self, make_article):
        """"My mate's a teacher there and says ...": the mate speaks, "a teacher there" describes him."""
        rows = _rows(make_article, "@kelby: My mate's a teacher there and says the school gets a cut.",
                     genre="social-post")
        assert rows["p2s1"]["speaker_words"] == "My mate"

    def test_the_sender_not_the_recipients(self, make_article):
        rows = _rows(make_article, "@kerry: Update: the head has just emailed parents saying no decision has been "
                                   "taken.", genre="social-post")
        assert rows["p2s1"]["speaker_words"] == "the head"

    def test_puts_a_long_phrase_at_a_figure(self, make_article):
        rows = _rows(make_article, "The regulator’s 2025 household solar report puts the average saving from a "
                                   "typical 4 kW system at £480 a year.")
        assert rows["p2s1"]["speaker_words"] == "The regulator’s 2025 household solar report"
