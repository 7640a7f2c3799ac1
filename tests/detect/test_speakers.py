"""Speakers resolved to one canonical name: pronouns, roles, surnames, organisations."""

from __future__ import annotations

import pytest

from medialit.detect import detect_article
from tests.detect.conftest import SEED_SPEAKERS


def _speakers(article) -> dict[str, str]:
    att = detect_article(article).attribution
    return dict(zip(att["sid"], att["speaker"]))


class TestSeedExcerpt:
    def test_every_speaker(self, seed_excerpt):
        """He, the spokesman, the official and Konashenkov all resolve to Igor Konashenkov."""
        speakers = _speakers(seed_excerpt)
        assert {sid: speakers[sid] for sid in SEED_SPEAKERS} == SEED_SPEAKERS

    def test_sources_list_aliases(self, seed_excerpt):
        """The sources frame names each speaker once with the article's ways of referring to them."""
        sources = detect_article(seed_excerpt).sources.set_index("name")
        aliases = set(sources.loc["Igor Konashenkov", "aliases"])
        assert {"he", "the spokesman", "Konashenkov", "the official"} <= aliases
        assert sources.loc["Igor Konashenkov", "type"] == "person"


class TestResolution:
    def test_pronoun_takes_nearest_person_of_its_gender(self, make_article):
        """"she" skips a nearer man and finds the woman named before him."""
        article = make_article("gender", """\
            # Budget

            Finance director Amelia Grant said the gap had grown. Opposition leader Daniel Okafor disputed the figure.

            "We have cut where we can," she said.
            """)
        assert _speakers(article)["p3s1"] == "Amelia Grant"

    def test_role_refers_back_to_the_person_with_that_role(self, make_article):
        """"the engineer" is the person introduced as "the chief structural engineer"."""
        article = make_article("role", """\
            # Bridge

            Priya Hallam, the chief structural engineer, said the piers had moved. Mayor Tomas Reyne said the bridge would reopen.

            The engineer added that divers would examine the foundations.
            """)
        assert _speakers(article)["p3s1"] == "Priya Hallam"

    def test_unnamed_spokesperson_speaks_for_the_organisation(self, make_article):
        """"A council spokeswoman" is the council; her "she" later is the council too."""
        article = make_article("spokeswoman", """\
            # Bridge

            Orrisford City Council closed the bridge. Gwen Abara said the council wanted to close it anyway.

            A council spokeswoman rejected that claim. "There is no such plan," she said.
            """)
        speakers = _speakers(article)
        assert speakers["p3s1"] == speakers["p3s2"] == "Orrisford City Council"

    def test_generic_organisation_word(self, make_article):
        """"the port authority" resolves to the Calderport Port Authority named earlier."""
        article = make_article("org", """\
            # Fire

            The Calderport Port Authority owns the shed. Later the port authority said it had passed inspection.
            """)
        assert _speakers(article)["p2s2"] == "Calderport Port Authority"


class TestRolesAndTitles:
    def test_capitalised_title_is_the_person(self, make_article):
        """"the Superintendent" is the person introduced as "Superintendent Ola Berg"."""
        article = make_article("title", """\
            # Riot

            Superintendent Ola Berg said officers were calm. According to the Superintendent, they were outnumbered.
            """)
        assert _speakers(article)["p2s2"] == "Ola Berg"

    @pytest.mark.parametrize("intro", ["I spoke to festival director Ann Lowe.", "Ann Lowe, the festival director, spoke.",
                                       "Ann Lowe, who directs the festival, spoke."])
    def test_role_introduced_in_any_form(self, make_article, intro):
        """A compound role, an apposition or a "who directs" clause all make "the festival director" that person."""
        article = make_article("role-forms", f"# Fest\n\n{intro} Mayor Joe Bart was there.\n\n"
                                             "The festival director said tickets had sold out.\n")
        assert _speakers(article)["p3s1"] == "Ann Lowe"

    def test_given_name_alone(self, make_article):
        """"Ann said" after "Ann Lowe" is Ann Lowe; a name given alone is a person of its own."""
        article = make_article("first-names", """\
            # Fest

            Ann Lowe runs the festival. Ann said it would go ahead.

            A steward who gave his name only as Bram said the gates opened late. "It was chaos," he said.
            """)
        speakers = _speakers(article)
        assert speakers["p2s2"] == "Ann Lowe"
        assert speakers["p3s1"] == speakers["p3s2"] == "Bram"


class TestOrganisations:
    def test_lowercase_reference_is_an_antecedent_for_it(self, make_article):
        """"it" after "the regional council blamed ..." is that council, not a group named in between."""
        article = make_article("it", """\
            # Riot

            Protesters said the police charged first. The regional council blamed "troublemakers" who, it said, came from elsewhere.
            """)
        assert _speakers(article)["p2s2"] == "The regional council"

    def test_unnamed_spokesman_in_a_place(self, make_article):
        """A police spokesman "in Dunlow" is not Dunlow; one who asked not to be named is an anonymous source."""
        article = make_article("place", """\
            # Riot

            A police spokesman in Dunlow, who asked not to be named, said two officers were hurt. He said stones were thrown.
            """)
        speakers = _speakers(article)
        assert speakers["p2s1"] == speakers["p2s2"] == "A police spokesman in Dunlow"
        assert detect_article(article).attribution.set_index("sid").loc["p2s1", "speaker_type"] == "anonymous"

    def test_outlet_reporter_is_the_outlet(self, make_article):
        """"A Test Wire reporter at the scene" speaks for the outlet publishing the article."""
        article = make_article("reporter", "# Riot\n\nA Test Wire reporter at the scene estimated the crowd at 900.\n")
        assert _speakers(article)["p2s1"] == "Test Wire"

    def test_group_named_by_what_an_organisation_does(self, make_article):
        """"Organisers" after "the Save Tarn Wood campaign, which organised the march," is that campaign."""
        article = make_article("organisers", """\
            # March

            The Save Tarn Wood Campaign, which organised the march, wants the wood protected. Organisers said 900 people came.
            """)
        assert _speakers(article)["p2s2"] == "Save Tarn Wood Campaign"


class TestDocuments:
    def test_research_team_is_its_study(self, make_article):
        """"The authors" speak for the study named just before them."""
        article = make_article("study", """\
            # Study

            Batteries could last longer, according to a study published in Power Letters. The authors said tests continue.
            """)
        speakers = _speakers(article)
        assert speakers["p2s2"] == speakers["p2s1"] == "a study published in Power Letters"

    def test_named_document_is_its_own_source_but_own_figures_speak_for_their_owner(self, make_article):
        """"the port's own annual report" is a document; "the firm's own figures" are the firm's."""
        article = make_article("docs", """\
            # Port

            Lenby Shipping Ltd runs the port. According to Lenby Shipping Ltd's own annual report, traffic rose.

            According to the firm's own figures, profits fell.
            """)
        att = detect_article(article).attribution.set_index("sid")
        assert att.loc["p2s2", "speaker_type"] == "document"
        assert att.loc["p3s1", "speaker"] == "Lenby Shipping Ltd"

    def test_statement_speaks_for_its_author(self, make_article):
        """"Sunday's statement" is the voice of the organisation that issued it."""
        article = make_article("statement", """\
            # Riot

            The Lenby Council said the march was peaceful. Sunday's statement said no one was hurt.
            """)
        assert _speakers(article)["p2s2"] == "Lenby Council"


class TestRoundThirtySevenShapes:
    """Speakers first met in rounds 36-37, in our own small examples."""

    def test_someone_with_a_father_is_a_person_she_can_refer_to(self, speakers_of):
        """"Leonie Ngata's father Harold": a name no lexicon knows is a person when it owns kin, so the next
        "she" is Ngata, not the woman quoted before."""
        found = speakers_of("""\
            \u201cWe were still dancing,\u201d said Kirsty Halloran, who married at the hotel.

            Leonie Ngata\u2019s father Harold was staying on the fourth floor. She said he only got out because a guest helped him.
            """)
        assert found["p3s2"] == "Leonie Ngata"

    def test_an_unnamed_service_keeps_its_kind(self, speakers_of):
        """"A fire service spokeswoman" speaks for "the fire service", not a bare "the service"."""
        found = speakers_of("A fire service spokeswoman said the cause had not been established.")
        assert found["p2s1"] == "the fire service"

    def test_two_groups_speak_together(self, speakers_of):
        """"Guests and staff told the paper": both groups, not only the last."""
        found = speakers_of("Guests and staff told the paper that smoke was noticed at 12.40am.")
        assert found["p2s1"] == "Guests and staff"

    def test_the_company_is_one_named_before(self, speakers_of):
        """"A company spokesman" is the business named so far, not one the story meets only later."""
        found = speakers_of("""\
            Tarrow Foods Ltd will close its bakery, the firm confirmed.

            A company spokesman said 90 jobs would go.

            Staff were hired through Ridgeway Staffing Ltd, which did not comment.
            """)
        assert found["p3s1"] == "Tarrow Foods Ltd"

    def test_a_pronoun_after_said_opens_the_reported_clause(self, speakers_of):
        """"Kayleigh Marsh, whose daughter plays for the club, said she begged ...": Marsh speaks, not "she
        begged a member of staff"."""
        found = speakers_of("Kayleigh Marsh, whose daughter Esme, 11, plays for the Blades, said she begged a member "
                            "of staff twice to open the fire doors.")
        assert found["p2s1"] == "Kayleigh Marsh"

    def test_a_contact_who_used_to_work_there(self, speakers_of):
        """"My sister-in-law used to work on reception there and she says ...": she is the sister-in-law."""
        found = speakers_of("@wendy_o: My sister-in-law used to work on reception there and she says staff get "
                            "monthly targets for X-rays.", genre="social-post")
        assert found["p2s1"] == "My sister-in-law"



class TestRoundFortyThreeShapes:
    """Organisations met in rounds 38-43, in our own small examples."""

    def test_the_school_is_the_school_not_the_photographer(self, speakers_of):
        """"the school" is the academy, not "Lumenbay School Photography", whose head noun is photography."""
        found = speakers_of("""\
            Lumenbay School Photography put the gallery online, Lumenbay School Photography said.

            Corvedale Academy sent a letter home.

            The school says it is the company\u2019s problem.
            """)
        assert found["p4s1"] == "Corvedale Academy"

    def test_the_university_of_a_place_is_a_university(self, speakers_of):
        """A "University of X" is as much "the university" as "X University": the nearer one is meant."""
        found = speakers_of("""\
            Westmoor University ran the trial, its authors said.

            The University of Marrowby issued the press release, a spokesman said.

            The university said the gap was nearly an hour.
            """)
        assert found["p4s1"] == "University of Marrowby"

    def test_a_shop_named_with_its_possessive_keeps_it(self, speakers_of):
        """"Halloway’s says ...": a shop never named without its possessive is "Halloway’s"; a council whose
        possessive owns a noun ("the council’s spokesman") keeps its plain name."""
        found = speakers_of("""\
            Shoppers at Halloway\u2019s in Millgate found four tills gone. Halloway\u2019s says only two were removed.

            Ashcombe County Council\u2019s spokesman said the scheme works.
            """)
        assert found["p2s2"] == "Halloway\u2019s"
        assert found["p3s1"] == "Ashcombe County Council"


class TestRoundFortyFiveShapes:
    """Speakers met in rounds 44-45, in our own small examples."""

    def test_a_job_title_before_a_name_is_no_organisation(self, speakers_of):
        """"Station Manager Carys Yelverton": "Station" is no organisation here; she is a person, and "she added"
        is her."""
        found = speakers_of("""\
            \u201cNobody should underestimate ammonia,\u201d said Station Manager Carys Yelverton.

            It could overwhelm a person very quickly, she added.
            """)
        assert found["p2s1"] == "Carys Yelverton"
        assert found["p3s1"] == "Carys Yelverton"

    def test_the_spokeswoman_is_the_communications_director(self, speakers_of):
        """A communications director who has spoken is "the spokeswoman" later, not the council named between."""
        found = speakers_of("""\
            Philippa Draycott, the company\u2019s communications director, put the loss at under 40 kilograms.

            Sallowford Borough Council said a text alert was sent at 2.40pm.

            The spokeswoman said the valve had been fitted by a contractor.
            """)
        assert found["p4s1"] == "Philippa Draycott"

    def test_the_company_is_the_name_the_story_repeats(self, speakers_of):
        """With no business among the organisations, "the company" is the name of unknown kind the article keeps
        naming ("Frostell Ices", "Frostell"), not the hospital."""
        found = speakers_of("""\
            Crews were called to the Frostell Ices plant at 2.17pm, the fire service said.

            Three workers went to Sallowford General Hospital. Frostell gave a very different figure.

            Production will remain suspended on Friday, the company said.
            """)
        assert found["p4s1"] == "Frostell Ices"


class TestRoundFortySevenShapes:
    """Speakers met in rounds 46-47, in our own small examples."""

    def test_a_relative_named_as_such_so_far(self, speakers_of):
        """"Joanne Prewett was filming her daughter Ellie ... 'Ellie went under,' she said": Ellie is named as a
        daughter up to the quotation, so "she" is her mother, even if the story names Ellie plainly later."""
        found = speakers_of("""\
            Joanne Prewett was on the towpath filming her daughter Ellie, 15, who was rowing at stroke.

            \u201cYou can see the cruiser come round the bend,\u201d she said.

            Ellie was one of seven people taken to hospital.
            """)
        assert found["p3s1"] == "Joanne Prewett"

    def test_a_job_title_and_a_service_around_a_name(self, speakers_of):
        """"Station Manager Bernadette Quayle of Haldon Vale Fire and Rescue Service said": Quayle, a person."""
        found = speakers_of("Station Manager Bernadette Quayle of Haldon Vale Fire and Rescue Service said crews "
                            "had found a reaction still going on.")
        assert found["p2s1"] == "Bernadette Quayle"

    def test_who_chairs_a_group(self, speakers_of):
        """"X, 71, who chairs the Bluetits, a winter swimming group, says": X, not the group in apposition to the
        clause's object."""
        found = speakers_of("Maureen Tredinnick, 71, who chairs the Gullrock Bluetits, a winter swimming group of "
                            "about 300 members, says most of the women she swims with are fit.")
        assert found["p2s1"] == "Maureen Tredinnick"


class TestRoundFiftySevenShapes:
    """Speakers met in rounds 56-57, in our own small examples."""

    def test_a_job_in_apposition_mid_sentence(self, speakers_of):
        """"served the landlady, Tegwen Morvah, with a notice": a job in apposition names a person even when no
        lexicon knows her given name and the job's determiner is not the sentence's first word."""
        found = speakers_of("""\
            On Monday the council served the landlady, Tegwen Morvah, with a closure notice.

            \u201cThree complaints in ten years,\u201d she said.
            """)
        assert found["p3s1"] == "Tegwen Morvah"

    def test_a_shop_speaks_for_itself(self, speakers_of):
        """"The shop says it didn't either": a shop, like a firm, speaks as the business the story names."""
        found = speakers_of("Volunteers run the Harbour Lane Hospice charity shop. The builder says he did not order "
                            "the skip. The shop says it didn\u2019t either.")
        assert found["p2s3"] == "Harbour Lane Hospice"

    def test_a_role_named_long_before(self, speakers_of):
        """"the officer said" many sentences after "its officer, Deborah Stannard" is still Stannard when no one
        nearer holds the job."""
        filler = " ".join(f"The singers met on night {n} and sang until eleven." for n in range(1, 13))
        found = speakers_of(f"""\
            The council's environmental health officer, Deborah Stannard, told me the notice stands.

            {filler}

            \u201cOur equipment is calibrated,\u201d the officer said.
            """)
        assert found["p4s1"] == "Deborah Stannard"


class TestRoundFiftyNineShapes:
    """Speakers met in rounds 58-59, in our own small examples."""

    def test_a_time_before_the_subject(self, speakers_of):
        """"At 6.10pm a council enforcement officer told me": the officer speaks, not the time."""
        found = speakers_of("@rosa: At 6.10pm a council enforcement officer told me I had no consent to trade.",
                            genre="social-post")
        assert found["p2s1"] == "anonymous council enforcement officer"

    def test_two_places_in_one_council(self, speakers_of):
        """"Brackenmoor and Stellham Borough Council" opening a sentence is one council, and its spokeswoman
        speaks for all of it."""
        found = speakers_of("Brackenmoor and Stellham Borough Council has suspended the studio. The council never "
                            "discusses complaints, the spokeswoman said.", genre="official-statement")
        assert found["p2s2"] == "Brackenmoor and Stellham Borough Council"

    def test_the_sender_of_a_message_typed_out(self, speakers_of):
        """"This is the message Bounce Kingdom sent me tonight, word for word: “...”": its sender speaks."""
        found = speakers_of("@nadia: This is the message Bounce Kingdom sent me tonight, word for word: \u201cWe are "
                            "so sorry to hear about your son.\u201d", genre="social-post")
        assert found["p2s1"] == "Bounce Kingdom"

    def test_her_verdict(self, speakers_of):
        """"Her verdict was blunt: “...”" quotes her."""
        found = speakers_of("Marion Pettifer, a retired engineer, inspected the wheel last year. Her verdict was "
                            "blunt: \u201cThe signs were there for anyone who cared to look.\u201d")
        assert found["p2s2"] == "Marion Pettifer"

    def test_a_group_named_with_a_participle(self, make_article):
        """"Some foraging clubs say": the clubs, not "Some"."""
        from medialit.detect import detect_article

        att = detect_article(make_article("clubs", "# Story\n\nSome foraging clubs say they now meet beginners who "
                                                   "have never opened a guide.\n")).attribution
        assert att.set_index("sid").loc["p2s1", "speaker_words"] == "Some foraging clubs"

    def test_she_goes_on_quoting_the_speaker(self, speakers_of):
        """After "She denied ... a tablet app that Oduya wouldn't look at", the next "she said" is still the
        speaker: Oduya is only named in what was said."""
        found = speakers_of("""\
            The inspector, Maureen Oduya, visited on Tuesday. Delphine Marchbank, the studio\u2019s owner, called the
            suspension unfair.

            She denied receiving a warning and said every cycle was logged on a tablet that Oduya \u201cwouldn\u2019t
            even look at\u201d.

            \u201cWe clean everything, every time,\u201d she said.
            """)
        assert found["p4s1"] == "Delphine Marchbank"

    def test_an_age_and_an_address_before_whose(self, speakers_of):
        """"Joanne Tilsley, 41, of Mill Rise, whose daughter ..., said": the woman, not her street, and the street
        is no person for the next "she said"."""
        found = speakers_of("""\
            Joanne Tilsley, 41, of Mill Rise, whose eight-year-old daughter Maisie broke her leg, said staff handed
            out over 100 wristbands.

            \u201cThey just kept letting people through,\u201d she said.
            """)
        assert found["p2s1"] == "Joanne Tilsley" and found["p3s1"] == "Joanne Tilsley"

    def test_a_marshal_is_a_person(self, speakers_of):
        """"A former floor marshal, who ..., told the Herald that ...": the marshal speaks, not the paper told."""
        found = speakers_of("A former floor marshal, who left the park in March and asked not to be named, told the "
                            "Herald that cracks in a weld had been reported twice.")
        assert found["p2s1"] == "anonymous former floor marshal"
