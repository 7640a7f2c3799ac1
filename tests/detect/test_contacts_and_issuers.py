"""Relatives, contacts, issuers and nobody: speaker shapes from held-out rounds 28-31 (invented sentences).

A relative named beside the speaker ("X, whose daughter Ruby has asthma") is not the "she" who speaks
next; a poster's relative who opens a sentence ("My sister-in-law works at the firm and she says") is;
a bare "the spokesperson" in a statement is the issuer's; "not one resident had complained" gives no
source; "GP" and "CCTV" are no organisations; "many reports went unanswered" holds no verb of saying;
"the company" in its own statement is the issuer; the paper reporting is never "it"; "the rebate they
promised" names a promise without reporting one.
Each case has a look-alike that must stay as it was.
"""

from __future__ import annotations


def test_a_relative_named_beside_the_speaker(speakers_of):
    """"whose daughter Ruby": the mother speaks next; "his wife, Ann" with a husband: Ann does."""
    speakers = speakers_of("Danielle Okafor, whose six-year-old daughter Ruby has asthma, was walking "
                           "her to school.\n\n“Within ten minutes she was wheezing,” she said.\n\n"
                           "Tom Reed was at home with his wife, Ann.\n\n“We saw the cloud,” she said.",
                         genre="newspaper")
    assert speakers["p3s1"] == "Danielle Okafor"
    assert speakers["p5s1"] == "Ann"


def test_a_posters_relative_is_the_next_she(speakers_of):
    """"My sister-in-law works at the travel firm and she says": the sister-in-law, not the poster before."""
    speakers = speakers_of("@Jen_PTA: I'm on the PTA so I can clear a few things up.\n\n"
                           "@Sinead_R: My sister-in-law works at the travel firm and she says the school "
                           "pulled out.", genre="social-post")
    assert speakers["p3s1"] == "My sister-in-law"


def test_a_bare_spokesperson_in_a_statement_is_the_issuer(speakers_of):
    """In Orwen's own statement "the spokesperson said" is Orwen's, even after the union is named."""
    body = ("Orwen Rail Infrastructure today confirmed a near miss at the crossing.\n\n"
            "The Rail Union says the barriers failed in January.\n\n"
            "The January problem was minor, the spokesperson said.")
    speakers = speakers_of(body, genre="official-statement",
                         outlet="Orwen Rail Infrastructure (media centre)")
    assert speakers["p4s1"] == "Orwen Rail Infrastructure"
    newspaper = speakers_of(body, genre="newspaper", outlet="The Dunmere Post")
    assert newspaper["p4s1"] == "Rail Union"  # in a report, the spokesperson of the body just named


def test_nobody_is_no_source(speakers_of):
    """"and that not one resident had complained" leaves Mulcaster the speaker; "No parent told us that" is no
    attribution."""
    speakers = speakers_of("Mulcaster said the trial had been “a real success”, and that not one "
                           "resident had complained.\n\nNo parent told us that.", genre="newspaper")
    assert speakers["p2s1"] == "Mulcaster"
    assert "p3s1" not in speakers


def test_common_abbreviations_are_no_organisations(speakers_of):
    """"CCTV" and "GP" never speak for anyone; "the NHS" still does."""
    speakers = speakers_of("Its chair has called for CCTV at the crossing.\n\n"
                           "The problem was minor, a spokesperson said.\n\n"
                           "The NHS said waiting lists were falling.", genre="newspaper")
    assert speakers["p3s1"] != "CCTV"
    assert speakers["p4s1"] == "NHS"


def test_a_relative_clause_with_its_own_subject(speakers_of):
    """"which the mayor, Councillor Bronwen Tregear, says deals with ...": the mayor speaks."""
    speakers = speakers_of("Gareth Penwarden chairs the federation.\n\nCrannock Town Council voted "
                           "unanimously last month to oppose the closure of the town’s counter, which "
                           "the mayor, Councillor Bronwen Tregear, says deals with “well over thirty "
                           "people most days”.", genre="newspaper")
    assert speakers["p3s1"] == "Bronwen Tregear"


def test_many_reports_went_unanswered(speakers_of):
    """"many reports went unanswered" is a noun and its verb: Kit Mallory told it; "Reports suggest" still
    tags."""
    speakers = speakers_of("Its president, Kit Mallory, told a student assembly last week that "
                           "residents had been reporting leaks “for more than a year”, that many reports "
                           "went unanswered for weeks, and that the university had done nothing.\n\n"
                           "Reports suggest the hall will reopen.",
                         genre="newspaper")
    assert speakers["p2s1"] == "Kit Mallory"
    assert speakers["p3s1"] == "Reports"


def test_the_company_in_its_own_statement(speakers_of):
    """In Wrexley Water's statement "the company said" is Wrexley Water, not the customer forum whose name holds
    the same two words; "Wrexley Water" stays its own organisation."""
    speakers = speakers_of("Wrexley Water today announced a hosepipe ban.\n\n"
                           "The Wrexley Customer Water Forum says leaks are the real problem.\n\n"
                           "Fines are possible, although the company said it expected to rely on goodwill.",
                         genre="official-statement", outlet="Wrexley Water (media centre)")
    assert speakers["p4s1"] == "Wrexley Water"


def test_it_is_not_the_paper_reporting(speakers_of):
    """"it blamed visitors" after "the Herald was told" is not the Herald."""
    speakers = speakers_of("The Coldberry Estate manages the moor.\n\n"
                           "Its manager did not respond to the Herald.\n\n"
                           "In a statement on Monday, it blamed visitors with a barbecue.",
                         genre="newspaper", outlet="The Scarthdale Herald")
    assert speakers.get("p4s1") != "Herald"


def test_a_contact_opening_a_clause(speakers_of):
    """"..., my mate sits on the finance committee and he says": the mate, also mid-sentence."""
    speakers = speakers_of("@Gemma: The rebate is for everyone.\n\n@Tarrow_Dad: With respect, my mate "
                           "sits on the finance committee and he says it’s means-tested.",
                         genre="social-post")
    assert speakers["p3s1"] == "my mate"


def test_a_thing_named_by_what_was_said(speakers_of):
    """"the £150 rebate they promised us" names the rebate; "The council promised a rebate, they said." reports."""
    speakers = speakers_of("And where’s the £150 rebate they promised us in the autumn?\n\n"
                           "Still no sign of the rebate they promised\n\n"
                           "The council promised a rebate, they said.", genre="social-post")
    assert "p2s1" not in speakers and "p3s1" not in speakers
    assert "p4s1" in speakers
