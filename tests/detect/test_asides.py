"""Asides between a speaker and the verb, and a study named by a long description (invented sentences).

Shapes from the spent rounds' remaining speaker errors (rounds 16-27): a relative clause whose object is
named in apposition ("X, 68, who lives there with her husband, Derek, said"), a "who said" after a
description that ends in a place ("X, 58, a driver from Ellerby, who said"), an organisation listed just
before "she added", a study introduced as "a study of more than 400 pupils published in ..." that the
article goes on to call "the study", a job given by "has been" ("X has been sub-postmistress"), "says
nothing will" and "figures I obtained show". Each case has a look-alike that must stay as it was.
"""

from __future__ import annotations


def test_name_in_apposition_inside_a_who_clause(speakers_of):
    """Derek is her husband, named inside the clause that describes Maureen Thirkell: she speaks."""
    speakers = speakers_of("Maureen Thirkell, 68, who lives opposite the burst with her husband, Derek, "
                           "said their taps came back on Wednesday.\n\n"
                           "Tom Hale, who runs the shop with his brother, Sam, said trade was down.")
    assert speakers["p2s1"] == "Maureen Thirkell"
    assert speakers["p3s1"] == "Tom Hale"


def test_apposition_of_the_speaker_still_names_them(speakers_of):
    """The look-alike: a name in apposition to the speaker's own description is the speaker."""
    speakers = speakers_of("A parent who has two children at the school, Mary Lowe, said she was "
                           "worried.\n\nThe harbourmaster, Colin Abara, said the quay was safe.")
    assert speakers["p2s1"] == "Mary Lowe"
    assert speakers["p3s1"] == "Colin Abara"


def test_who_after_a_description_ending_in_a_place(speakers_of):
    """"a removals driver from Ellerby, who said": the driver named before the description, not the town."""
    speakers = speakers_of("Among those trapped was Pete Haverstock, 58, a removals driver from Ellerby, "
                           "who said he sat in the queue for five hours.")
    assert speakers["p2s1"] == "Pete Haverstock"


def test_an_organisation_listed_before_she_added(speakers_of):
    """"... for the contractor and the Construction Safety Board, she added": she is the director, not the board."""
    speakers = speakers_of("Ruth Kavanagh, the utility’s operations director, said the pipe was old.\n\n"
                           "Safety on the site was a matter for the contractor and the Construction "
                           "Safety Board, she added.")
    assert speakers["p3s1"] == "Ruth Kavanagh"


def test_a_described_study_is_the_study(speakers_of):
    """A study introduced by a long description is one source with the "the study" that follows."""
    speakers = speakers_of("Children who drink plant milks build weaker bones, according to a study of "
                           "more than 400 pupils published on Tuesday in the journal Bone Reports.\n\n"
                           "The study found that 87 children dropped out.", genre="science-news")
    assert speakers["p2s1"] == speakers["p3s1"] == "the study"


def test_a_described_study_never_called_the_study_keeps_its_words(speakers_of):
    """The look-alike: with no later "the study", the description stays the source's name."""
    speakers = speakers_of("A study from a university in Switzerland found that the tea lowers stress.",
                         genre="social-post")
    assert speakers["p2s1"] == "A study from a university in Switzerland"


def test_a_job_given_by_is_or_has_been(speakers_of):
    """"Bernadette Quayle has been sub-postmistress ...": the later "the sub-postmistress, who ..., says" is her."""
    speakers = speakers_of("For 23 years Bernadette Quayle has been sub-postmistress at the village "
                           "stores.\n\nThe sub-postmistress, who keeps a tally under the counter, says "
                           "she serves 300 people a week.\n\n"
                           "“On pension day I don’t sit down,” she told me.",
                         genre="opinion")
    assert speakers["p3s1"] == speakers["p4s1"] == "Bernadette Quayle"


def test_a_firm_described_by_is_stays_a_firm(speakers_of):
    """The look-alike: "Korvald Components UK is a car-parts maker" makes no person of the firm."""
    speakers = speakers_of("Korvald Components UK is a car-parts maker.\n\n"
                           "The company said it would cut jobs.")
    assert speakers["p3s1"] == "Korvald Components UK"


def test_says_nothing_will(speakers_of):
    """"says nothing will shut" reports a claim; "said nothing." and "says nothing about" report none."""
    speakers = speakers_of("Councillor Derek Ainsworth-Pike backs the plan.\n\n"
                           "Ainsworth-Pike, for his part, says nothing will shut before the summer.\n\n"
                           "The council says nothing about the cost.\n\nHe said nothing.")
    assert speakers["p3s1"] == "Derek Ainsworth-Pike"
    assert "p4s1" not in speakers and "p5s1" not in speakers


def test_figures_i_obtained_show(speakers_of):
    """"Police figures I obtained show ...": the figures are the source, the clause only says where they came from."""
    speakers = speakers_of("Police figures I obtained show four reports of damage last year.",
                         genre="opinion")
    assert speakers["p2s1"] == "Police figures"


def test_a_clause_before_about(speakers_of):
    """"said their chair stopped about two-thirds of the way up" reports a claim; "complained about delays"
    names a topic only."""
    speakers = speakers_of("Lena Marchetti, 34, a nurse from Dorvik who was on the lift with her "
                           "partner, said their chair stopped about two-thirds of the way up.\n\n"
                           "She complained for years about delays.")
    assert speakers["p2s1"] == "Lena Marchetti"
    assert "p3s1" not in speakers


def test_a_name_inside_a_who_clause_is_not_its_antecedent(speakers_of):
    """"A lift worker who has run the Falken Express told": the worker, not the lift; a name the clause gives
    its speaker still counts ("who gave his name as Bram")."""
    speakers = speakers_of("A lift worker who has run the Falken Express for several winters told the "
                           "Record that staff had raised the wind.\n\n"
                           "A steward who gave his name as Bram said the gates were shut.")
    assert speakers["p2s1"] == "anonymous lift worker"
    assert speakers["p3s1"] == "Bram"


def test_a_name_with_a_job_in_apposition_is_a_person(speakers_of):
    """"Sanne Hofer, an instructor with the ski school," is a person whom "she" can mean; "X, the car-parts
    maker," stays a firm."""
    speakers = speakers_of("Gerda Fuchs runs the hire shop.\n\nSanne Hofer, an instructor with the "
                           "Elsing Ski School, spent what she called “nearly five hours” on a "
                           "chair.\n\n"
                           "Korvald Components UK, the car-parts maker, will cut 240 jobs, the company "
                           "said.")
    assert speakers["p3s1"] == "Sanne Hofer"
    assert speakers["p4s1"] == "Korvald Components UK"


def test_the_company_is_not_the_agency_reporting(speakers_of):
    """A wire agency named by its initials ("told HPA") is never "the company" of the story."""
    speakers = speakers_of("The Skarnberg resort is run by Alpenkrest Resorts.\n\n"
                           "Its chief inspector told HPA that officials had found nothing.\n\n"
                           "The lift had passed its last inspection, the company said.",
                           genre="wire", outlet="Halvard Press Agency")
    assert speakers["p4s1"] == "Alpenkrest Resorts"
