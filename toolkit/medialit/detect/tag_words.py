"""The word lists the attribution finder reads: which words may stand between a subject and its verb,
which end a subject, which open an aside, and the like. Kept apart from the rules that use them
(``attribution``, ``subjects``) so both read one list.
"""

from __future__ import annotations

from .marks import DOUBLE_QUOTES
from .terms import TIME_WORDS

QUOTE_MARKS = DOUBLE_QUOTES
# Words that may open a sentence before its subject and are no part of it: "Then he said", "Later the agent
# told me", "And Smith added".
LEADING_WORDS = frozenset({"then", "later", "earlier", "afterwards", "meanwhile", "now", "also", "again", "still",
                           "yesterday", "today", "previously", "recently", "subsequently", "separately", "and",
                           "but", "so"})
# Words between a subject and its reporting verb: "has also said", "earlier said".
SKIPPABLE = {"also", "earlier", "later", "previously", "recently", "repeatedly", "again", "then", "further",
             "already", "once", "only", "publicly", "privately", "today", "yesterday", "has", "have", "had", "would",
             "will", "did", "does", "do", "is", "was", "were", "are", "had", "just", "now", "separately", "been",
             "subsequently", "first", "himself", "herself", "itself", "themselves", "however", "too", "still",
             "even", "originally", "initially", "officially", "formally", "plainly", "bluntly", "flatly", "firmly",
             "openly", "quietly", "angrily", "simply", "often", "always", "never", "long", "last", "week", "year",
             "month", "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
ASIDES = {"however", "meanwhile", "though", "too", "also", "moreover", "nevertheless", "instead", "then", "now",
          "separately", "meanwhile", "earlier", "later", "today", "yesterday"}
NEGATORS = {"not", "n't", "n’t", "never", "declined", "refused", "failed", "cannot"}
# Words that end a subject when reading leftwards from the verb (auxiliaries and modals mean a
# clause of its own: "the bypass will destroy the town it claims to save").
STOPPERS = {"that", "because", "while", "but", "if", "when", "whereas", "since", "although", "though", "so",
            "than", "where", "after", "before", "until", "whether", "unless", "once", "as", "and", "or", "yet",
            "what", "how", "why", "will", "would", "can", "could", "may", "might", "should", "must", "shall",
            "is", "are", "was", "were", "has", "have", "had", "be", "been", "being", "do", "does", "did",
            "heard", "seen", "saw", "read", "watched", "noticed", "whatever", "whoever"}
RELATIVES = {"who", "which", "whose", "whom"}
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "one",
               "another", "some", "many", "several", "most", "all", "two", "three", "both", "each", "every", "any"}
PRONOUNS = {"he": "male", "she": "female", "they": None, "it": None, "him": "male", "her": "female", "them": None,
            "one": None, "another": None}  # "said one": one of the group just named
NOUN_USE = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those",
            "such", "whose", "no", "any", "of", "first", "latest", "new"}
PREPOSITIONS = {"for", "of", "at", "on", "in", "from", "with", "to", "behind", "inside", "within", "among", "near", "by",
                "close", "along", "across", "outside", "beside", "around",
                "who", "which", "published", "based"}
POSSESSIVE = {"’s", "'s", "'", "’"}
# a part of a group heading a subject ("One of our managers", "Several of the parents"): the group is the head
PARTITIVES = {"one", "some", "many", "most", "several", "two", "three", "few", "each", "either", "neither", "none",
              "both", "all", "half"}
# Verbs whose object receives a message: "emailed parents saying ...".
SENDING = {"emailed", "texted", "messaged", "told", "wrote", "sent", "warned", "informed", "reminded", "notified",
           "contacted", "rang", "phoned", "called", "emails", "texts", "tells", "writes", "sends"}
# Labels a post opens with before its text: "Update: ...", "Edit: ...".
POST_LABELS = {"update", "edit", "edited", "eta", "correction", "ps", "p.s."}
# Adjectives that follow the noun they describe: "people familiar with the contract".
POSTNOMINAL = {"familiar", "opposed", "involved", "responsible", "loyal", "present", "sympathetic", "hostile"}
NEEDS_CLAUSE = {"belief", "finding"}
KEEP_FORMS = {"keep", "keeps", "kept", "keeping"}
# Words in -ing that end a noun phrase ("neighbourhood policing welcomed the plans"), not a verb before an adjective.
ING_NOUNS = {"policing", "housing", "funding", "planning", "nursing", "building", "training", "marketing",
             "engineering", "licensing", "parking", "shipping", "mining", "banking", "lending", "clothing",
             "catering", "farming", "fishing", "teaching", "publishing", "advertising", "broadcasting", "computing",
             "manufacturing", "meeting", "briefing", "ruling", "hearing", "ticketing", "cleaning", "recycling",
             "boating"}
PASSIVE = {"was", "were", "is", "are", "be", "been", "being", "get", "got", "'re", "’re", "'m", "’m"}
MODALS = {"would", "could", "might", "may", "should", "must", "will", "can", "shall"}
NOT_A_CLAUSE = {"to", "for", "in", "out", "at", "of", "on", "about", "with", "from", "by", "up", "it", "this", "them",
                "him", "her", "me", "us", "nothing", "anything", "something", "so"}
# Subordinators before a subject: "as he spoke." reports nothing when no clause follows the verb.
SUBORDINATORS = {"as", "while", "when", "whenever", "before", "after", "until", "because", "since", "once"}
# Words between "put ... at" / "counted" and the figure: 'put the crowd at "more than 2,000"'.
NUMBER_LEAD = {"about", "around", "roughly", "nearly", "almost", "more", "less", "fewer", "than", "over", "under",
               "between", "some", "at", "least", "most", "just", "only", "up", "to", "approximately", "barely",
               "well", "a", "an", "the"}
# Participles reported in the passive with their source after "by": "the figure was given to us by ...".
PASSIVE_REPORTS = {"given", "provided", "supplied", "leaked", "passed", "told", "confirmed", "denied", "disputed",
                   "reported", "revealed", "disclosed", "released", "published", "issued", "announced", "claimed",
                   "estimated", "described", "rejected", "criticised", "criticized", "questioned", "contradicted",
                   "declared", "certified", "judged", "rated", "assessed", "found", "challenged", "contested",
                   "dismissed", "rebutted", "refuted"}
# Organisation words that, written in lower case, are mostly common nouns ("waiting times", "a blog post").
COMMON_NOUN_ORGS = {"times", "post", "mail", "express", "guardian", "observer", "journal", "chronicle", "tribune",
                    "gazette", "herald", "news", "press", "exchange", "market", "station", "water", "energy", "power",
                    "gas", "mission", "force", "forces", "movement", "network", "channel", "studio", "media", "wire",
                    "site", "systems", "solutions", "industries", "line", "lines", "mills", "estates", "properties",
                    "foods", "motors", "mining", "shipping", "freight", "steel", "coal", "metals", "minerals",
                    "lifeboat", "ambulance"}
# Last words of a paper's or programme's name ("the Tarrowgate Courier", "the Evening Echo") that a post cites.
PAPER_HEADS = {"courier", "gazette", "herald", "times", "post", "mail", "echo", "mercury", "chronicle", "advertiser",
               "recorder", "standard", "express", "telegraph", "journal", "observer", "argus", "guardian", "star",
               "mirror", "news", "bulletin", "tribune", "sentinel", "examiner", "citizen", "messenger", "reporter",
               "weekly", "daily", "record", "press", "radio", "broadcast"}
# Verbs of meeting people in "Members I spoke to say", "Parents we have talked to insist": the people speak.
SPOKEN_TO = {"spoke", "spoken", "talked", "asked", "met", "interviewed", "contacted", "know", "knew", "surveyed"}
# "X is delighted to announce that ...": the words between a subject and its reporting verb.
ANNOUNCING = {"pleased", "delighted", "proud", "happy", "glad", "thrilled", "excited", "sorry", "sad", "saddened",
              "keen", "able", "obliged", "honoured", "honored", "careful", "quick", "eager", "anxious"}
# People a writer knows of rather than watches: their stories reach the writer second-hand.
ACQUAINTANCES = {"friend", "friends", "neighbour", "neighbor", "neighbours", "colleague", "colleagues", "acquaintance",
                 "mate", "mates", "coworker", "co-worker", "boss", "naturopath", "therapist", "trainer", "coach",
                 "doctor", "gp", "nurse", "pharmacist", "nutritionist", "hairdresser", "cousin", "relative",
                 # relatives outside the household: the writer hears of their experience rather than sees it
                 "aunt", "auntie", "aunty", "uncle", "niece", "nephew", "godmother", "godfather"}
# After "my neighbour" these start a description of the person, not something they did or said.
ANECDOTE_NOT_VERBS = {"is", "was", "are", "were", "has", "have", "had", "and", "or", "who", "which", "of", "in", "at",
                      "from", "with", "for", "to", "on"}
# The possessives of "in her view", "in their opinion" and the pronoun each stands for (speakers.py
# resolves a possessive speaker as that pronoun).
POSSESSIVES = {"her": "she", "his": "he", "their": "they", "its": "it"}
# Verbs that, with an object and "to", give an instruction rather than report a claim:
# "staff were telling travellers to take the bus", "she asked everyone to stand".
INSTRUCTING = {"tell", "ask", "urge", "advise", "inform", "remind", "warn", "brief"}
# After a reporting verb these start a topic, not a claim: "writes about local politics".
TOPIC_ONLY = {"about"}
# Finite verbs and auxiliaries that show a clause follows "I have heard" ("... the water will be cut").
FINITE = {"is", "are", "was", "were", "will", "would", "can", "could", "has", "have", "had", "may", "might", "must",
          "should", "does", "did", "do", "'s", "’s", "isn't", "wasn't", "won't", "can't"}
# Words right before a name a clause gives: "gave his name as X", "a man named X".
NAME_INTROS = {"as", "named", "called"}
MAX_SUBJECT = 14
ROLE_REACH = 4          # an apposition naming a job by its last word: that many words before a preposition
# Past participles that open an aside between a subject and its verb: "The schedule, seen by the Post, shows".
IRREGULAR_PARTICIPLES = {"seen", "given", "written", "shown", "known", "taken", "made", "held", "kept", "sent",
                         "drawn", "done", "run", "built", "paid", "told", "brought", "bought", "found", "read",
                         "heard", "set", "put", "led", "won", "lost", "spent", "thought", "meant", "hidden", "chosen"}
# Words of a toll after "claimed": the victims taken, no claim made.
TOLL_WORDS = {"lives", "life", "dozen", "dozens", "hundreds", "thousands", "scores", "victims", "vessels", "ships"}
# Irregular past forms that show a clause after "heard": "heard a chef got paid", "heard the boss went".
PAST_FORMS = IRREGULAR_PARTICIPLES | {"got", "went", "came", "took", "gave", "knew", "left", "fell", "quit", "wrote"}
# Determiners that open the subject of a relative clause without "that" ("a decision the union says ...").
CLAUSE_DETERMINERS = {"the", "its", "their", "his", "her"}
NEAR_PARTICIPLE = 4
# Words before "what X says" that make it a report of X's words: "that's not what the drivers say".
WHAT_IS_SAID = {"not", "exactly", "precisely", "just", "is", "was", "'s", "\u2019s", "isn't", "wasn't", "isn\u2019t",
                "wasn\u2019t"}
FAR_PARTICIPLE = 10  # over phrases of place and time: "a letter through every door in January saying"
# Heading labels that name a kind of article, not a source: "Analysis: ...", "Review: ...".
HEADING_LABELS = {"analysis", "review", "explainer", "comment", "opinion", "update", "live", "watch", "video",
                  "editorial", "interview", "profile", "podcast", "obituary", "letters", "letter", "factcheck",
                  "exclusive", "breaking", "pictures", "photos", "timeline", "briefing", "poll", "quiz", "column"}
# Verbs by which a notice or a label gives facts ("the label lists senna"): with these, and after
# "according to", a sign-like document is a source; with "says" it is read as a slogan.
RECORDING_VERBS = {"list", "state", "show", "record"}


PLACE_ADVERBS = {"there", "here", "locally", "nearby"}
# Words that open a sentence before its subject and belong to neither ("Anyway the governor told me").
DISCOURSE_OPENERS = {"anyway", "apparently", "reportedly", "meanwhile", "besides", "plus", "still", "also", "and", "but",
                     "so"}
UNNAMED = ("not to be named", "not be named", "not to be identified", "not be identified", "speaking privately",
           "speaking anonymously", "condition of anonymity", "requested anonymity")


# Openers of an unnamed source that a clause without "who" may describe: "a pest controller I know".
# Verbs of getting in touch, and the words that may stand between them and the "to say" they were for
# ("emailed this morning to say", "rang back again to tell us").
CONTACT_VERBS = {"emailed", "e-mailed", "rang", "phoned", "wrote", "texted", "messaged", "called", "replied", "posted"}
CONTACT_FILLERS = {"back", "again", "this", "last", "later", "earlier", "first", "finally", "yesterday", "today",
                   "in", "on", "just", "then", "only", "twice"}
CONTACT_OPENERS = {"a", "an", "one", "my", "our", "the", "this", "that", "some", "someone", "somebody", "everyone",
                   "everybody", "anyone", "anybody", "people", "every", "most", "half", "all"}


# What witnesses describe: "Travellers described scenes of chaos".
SCENE_WORDS = {"scene", "scenes", "chaos", "panic", "carnage", "mayhem", "ordeal", "terror", "confusion"}
# Words of change that make "report" + a noun an account of what happened: "traders report falling sales".
CHANGE_WORDS = {"rise", "rising", "fall", "falling", "drop", "dropping", "boost", "increase", "increasing", "decrease",
                "surge", "slump", "jump", "decline", "declining", "shortage", "shortages", "loss", "losses", "fewer",
                "more", "higher", "lower", "record", "spike", "dip", "slowdown", "collapse"}


# Time and degree words that stand between an auxiliary and its verb: "are now expected", "was later told".
BETWEEN_AUX = {"now", "also", "only", "still", "later", "then", "already", "often", "not", "never", "widely", "generally",
               "being"}


WHEN_PREPOSITIONS = {"on", "in", "at", "by", "after", "before", "during", "last", "this"}
WHEN_WORDS = TIME_WORDS | {"may", "week", "month", "year", "weekend"}


ADD_FORMS = {"add", "adds", "added", "adding"}
# Words that make "added 200 people had been moved" reported speech: a clause goes on after the figure.
CLAUSE_VERBS = {"had", "have", "has", "were", "was", "would", "will", "are", "is", "could", "should", "may", "might"}
# Words that make the next word a plural noun: "many reports went unanswered" holds no verb of saying.
QUANTIFIERS = {"many", "some", "most", "few", "several", "these", "those", "such", "other", "more", "fewer"}
# Words for relatives: "Leonie Ngata's father" names a person twice; a name given as someone's relative
# ("whose daughter Ruby") is seldom the next "she" who speaks.
KIN_NOUNS = {"daughter", "son", "husband", "wife", "partner", "mother", "father", "mum", "dad", "brother", "sister",
             "grandson", "granddaughter", "child", "baby", "boy", "girl", "toddler", "niece", "nephew", "fiancée",
             "fiance", "fiancé", "girlfriend", "boyfriend"}
