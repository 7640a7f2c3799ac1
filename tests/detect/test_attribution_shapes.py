"""Attribution and speakers found from the shape of a sentence, not from known names (invented sentences)."""

from __future__ import annotations

import pytest

from medialit.detect import detect_article


def _rows(article) -> dict[str, dict]:
    att = detect_article(article).attribution
    return {r["sid"]: r for r in att.to_dict("records")}


def _one(make_article, body: str, genre: str = "wire") -> dict:
    return _rows(make_article("one", f"# Headline\n\n{body}\n", genre=genre))


class TestUnknownNames:
    @pytest.mark.parametrize("sentence, speaker", [
        ("Tamsin Vellacott, a nurse, said the ward was full.", "Tamsin Vellacott"),
        ("Oyelaran Baptiste, 42, said he saw smoke from the roof.", "Oyelaran Baptiste"),
        ("Harlow Mercer, who runs the cafe, said trade had halved.", "Harlow Mercer"),
        ("Pieterjan Hollis, regional secretary of the Ferry Workers Union, said crews were tired.", "Pieterjan Hollis"),
        ("Kwabena Idrissou, of the Tenants Association, said rents had doubled.", "Kwabena Idrissou"),
        ("Chief Inspector Anaya Ruskova said the road would stay closed.", "Anaya Ruskova"),
        ("Spokeswoman Xiu Lorne said the plan was sound.", "Xiu Lorne"),
        ("site manager Ilse Voranova told reporters the crane had failed.", "Ilse Voranova"),
        ("The Environment Agency's Rhiannon Pryce said the river was rising.", "Rhiannon Pryce"),
        ("Declan Furey, branch secretary of the Municipal Staff Union, told me staff were tired.", "Declan Furey"),
        ("Marta Quell, regional organiser for the union, said talks had failed.", "Marta Quell"),
        ("Oliver Strand, Kelbridge resident, said the water smelt.", "Oliver Strand"),
    ])
    def test_name_by_its_place_in_the_sentence(self, make_article, sentence, speaker):
        """A given name no lexicon knows is still a person when a job, an age or a "who" clause goes with it."""
        assert _one(make_article, sentence)["p2s1"]["speaker"] == speaker

    def test_pronoun_finds_the_unknown_name(self, make_article):
        """Once the shape makes the run a person, "he" later resolves to that person."""
        rows = _one(make_article, "Pieterjan Hollis, regional secretary of the Ferry Workers Union, said crews were "
                                  "tired.\n\nHe said the union would advise members to stay home.")
        assert rows["p3s1"]["speaker"] == "Pieterjan Hollis"

    def test_title_after_name_is_no_name(self, make_article):
        """'Dr Farah Quilty, Chief Executive of the trust': the speaker is the doctor, not 'Executive'."""
        rows = _one(make_article, '"We will open in May," said Dr Farah Quilty, Chief Executive of the trust.')
        assert rows["p2s1"]["speaker"] == "Farah Quilty"

    def test_name_given_in_a_clause(self, make_article):
        """'Another diner, who gave her name only as Rosalind, said ...': the name is the speaker."""
        rows = _one(make_article, "Another diner, who gave her name only as Rosalind, said the food was cold.")
        assert rows["p2s1"]["speaker"] == "Rosalind"

    def test_place_with_a_job_word_is_not_a_person(self, make_article):
        """An organisation with an apposition stays an organisation."""
        rows = _one(make_article, "Harbour Rail, the operator, said trains would run on Sunday.")
        assert rows["p2s1"]["speaker_type"] == "organization"


class TestWhatCountsAsATag:
    def test_view_of_a_named_person(self, make_article):
        """'In her view, ...' attributes the sentence to the woman named before."""
        rows = _one(make_article, "Dr Helen Marsh studied the samples.\n\nIn her view, none of the readings was high.")
        assert rows["p3s1"]["label"] == "according_to" and rows["p3s1"]["speaker"] == "Helen Marsh"

    @pytest.mark.parametrize("sentence", [
        "Staff were telling stranded travellers to try the replacement buses.",
        "Before the meeting closed, she asked everyone in the hall to stand.",
        "Lorna Petit writes about city politics every Wednesday.",
        "Commuters have complained for years about delays on the line.",
        "I have covered this town for twenty years, and I have heard promises like these before.",
        "The council recognises the need for more parking.",
    ])
    def test_no_claim_reported(self, make_article, sentence):
        """Instructions, topics and heard things with no clause report no claim."""
        assert "p2s1" not in _one(make_article, sentence)

    @pytest.mark.parametrize("sentence, speaker_type", [
        ("The authority recognises that some patients face a longer journey.", "organization"),
        ("Several parents at Hillcrest Primary, 400 metres from the plant, say their children cough more.",
         "anonymous"),
        ("The advice sheet lists the library as a cool space.", "document"),
        ("I've heard the water will be cut off at night.", "anonymous"),
        ("The club insists the stadium is about football, not property.", "organization"),
    ])
    def test_claim_reported(self, make_article, sentence, speaker_type):
        """An acknowledgement with "that", a subject before an aside, a document and hearsay with a clause."""
        rows = _one(make_article, sentence)
        assert rows["p2s1"]["speaker_type"] == speaker_type


class TestVerbsThatAreNotReports:
    @pytest.mark.parametrize("sentence", [
        "TitanPump added 15kg to my deadlift in six weeks.",
        "The company added 200 jobs last year.",
    ])
    def test_adding_an_amount_is_no_report(self, make_article, sentence):
        assert "p2s1" not in _one(make_article, sentence)

    def test_added_with_a_clause_still_reports(self, make_article):
        rows = _one(make_article, "Mira Olsen, the fire chief, said crews were tired. She added 200 people had been moved.")
        assert rows["p2s2"]["speaker"] == "Mira Olsen"

    def test_belief_verb_before_it_and_a_verb_reports(self, make_article):
        """"She reckons it's only a matter of time": "it" opens the reported clause."""
        rows = _one(make_article, "Priya Shah is a nurse. She reckons it's only a matter of time before someone dies.")
        assert rows["p2s2"]["speaker"] == "Priya Shah"
        assert "p2s1" not in _one(make_article, "She believes it.")

    @pytest.mark.parametrize("sentence", [
        "Ministers are now expected to roll the levy out nationwide.",
        "Hello Holly, we're sorry to hear you're worried.",
    ])
    def test_passive_past_an_adverb_is_no_report(self, make_article, sentence):
        """"are now expected to", "you're worried": a passive or a state, not someone speaking."""
        assert "p2s1" not in _one(make_article, sentence)


class TestMoreReportShapes:
    def test_wrote_in_to_say(self, make_article):
        """"emailed to say", "wrote to say": the writer of the message is the source."""
        rows = _one(make_article, "Reader Morag Kettle, who bought one in May, emailed to say the range was poor.")
        assert rows["p2s1"]["speaker"] == "Morag Kettle"

    def test_finding_verb_in_parentheses(self, make_article):
        """"Over four years, the researchers found, decay fell": a finding told mid-sentence."""
        rows = _one(make_article, "Over four years, the researchers found, decay fell 14 per cent.")
        assert rows["p2s1"]["speaker_words"] == "the researchers"

    def test_saying_after_a_time_word(self, make_article):
        """"Bramblecote Care Group today set out its response, saying ...": "today" is no part of the subject."""
        rows = _one(make_article, "Bramblecote Care Group today set out its response, saying the findings were unfair.")
        assert rows["p2s1"]["speaker_words"] == "Bramblecote Care Group"

    def test_passive_with_its_agent_and_a_date(self, make_article):
        """"was declared over by the health team on 24 January": the agent speaks; the date is not its name."""
        rows = _one(make_article, "The outbreak was declared over by the health protection team on 24 January.")
        assert rows["p2s1"]["speaker_words"] == "the health protection team"



class TestRoundFourteenShapes:
    """Shapes the fourteenth held-out round missed, in invented sentences."""

    @pytest.mark.parametrize("sentence, speaker", [
        ("One mill hand, who asked not to be named for fear of losing his job, said the fans were off.",
         "anonymous mill hand"),
        ("A mate who works in IT says the whole app is built on leaked data.", "A mate who works in IT"),
        ("Traders there tell me their takings have never recovered.", "Traders"),
        ("My brother-in-law who drives for them says drivers scan parcels early.",
         "My brother-in-law who drives for them"),
    ])
    def test_unnamed_speakers(self, make_article, sentence, speaker):
        rows = _one(make_article, f"The council published its plan on Monday.\n\n{sentence}")
        assert rows["p3s1"]["speaker"] == speaker

    def test_a_denial_of_this_reports(self, make_article):
        """"The trust disputes this." carries a claim (a denial); "a GP would say that." does not."""
        rows = _one(make_article, "Critics say reserves top £40m.\n\nThe trust, naturally, disputes this.\n\n"
                                  "Any GP would say that.")
        assert rows["p3s1"]["speaker"] == "The trust"
        assert "p4s1" not in rows

    def test_a_clause_with_its_own_to_is_no_instruction(self, make_article):
        """"tells us one resident was taken to hospital" reports; "told residents to stay inside" instructs."""
        rows = _one(make_article, "The fire broke out at 2am.\n\n"
                                  "The ambulance service tells us one resident was taken to hospital.\n\n"
                                  "The fire service told residents to stay inside.")
        assert rows["p3s1"]["speaker"] == "The ambulance service"
        assert "p4s1" not in rows

    def test_questioning_a_claim_not_a_person(self, make_article):
        rows = _one(make_article, "Dr Teodor Vasch, a statistician, said the trial was small.\n\n"
                                  "Vasch also questioned the drop-out figures.\n\nPolice questioned two men on Tuesday.")
        assert rows["p3s1"]["speaker"] == "Teodor Vasch"
        assert "p4s1" not in rows
