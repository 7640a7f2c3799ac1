"""Resolve who speaks in each attributed sentence to one canonical name: Doc in, speakers out.

Reads ``doc.spans["medialit_attribution"]`` and ``doc.spans["medialit_mentions"]``. Sets
``span._.speaker`` (canonical name, e.g. ``Igor Konashenkov`` for "he", "the spokesman",
"General Konashenkov") and ``span._.speaker_type`` (``person``, ``organization``, ``document``,
``anonymous``) on every attribution span, writes the speaker words of each tag to
``doc.spans["medialit_speakers"]`` (label = canonical name) and the sources to
``doc._.medialit_sources``: dicts with ``name``, ``type``, ``aliases`` (how the article refers to them).

Resolution, in order: a name in the tag (surname-only, given-name-only and titled mentions map to
the fullest form of the name); a pronoun (nearest earlier person of compatible gender; "it" an
organisation or a document, "they" also a group); a role or a capitalised title ("the spokesman",
"the race director", "the Minister": nearest earlier person described with that role, also in a
relative clause such as "who directs the race"); an organisation word ("the council", "the Union":
the organisation named with that head word); an organisation's spokesperson (the organisation,
unless the sentence says the speaker asked not to be named); "the researchers", "the authors" (the study
named just before); the outlet's own reporter (the
outlet); a document (the document itself; a statement is its author's voice); a quotation without
a tag (the speaker of the tag that closes or opened it, else the previous speaker).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from .tag_words import COMMON_NOUN_ORGS, KIN_NOUNS, POSSESSIVES
from .lexicon import word_labels
from .mentions import is_brand
from .terms import person_noun

SPANS_KEY = "medialit_speakers"
INDEFINITE = {"a", "an", "one", "my", "our", "your", "his", "her", "their", "another", "some"}
SPOKESPERSON = {"spokesman", "spokeswoman", "spokesperson", "representative", "press office", "spokespeople"}
# A business that serves the public from its premises: "the shop says" speaks for the business named.
SHOP_NOUNS = {"shop", "store", "cafe", "café", "salon", "pub", "restaurant", "bakery", "venue"}
GENERIC_ORG = {"company", "firm", "organisation", "organization", "group", "charity", "body", "agency",
               "business", "operator", "utility", "provider", "authority", "council", "ministry", "department",
               "government", "university", "institute", "foundation", "union", "service", "hospital", *SHOP_NOUNS}
# who speaks for an organisation: its spokesperson, or the communications or press officer named as one
SPOKES = {"spokesperson", "spokeswoman", "spokesman", "communications", "press"}
ROLE_SYNONYMS = {"spokesman": SPOKES, "spokeswoman": SPOKES, "spokesperson": SPOKES,
                 "chief": {"chief", "head", "executive", "director"}, "executive": {"executive", "chief"},
                 "head": {"head", "chief", "director"}, "boss": {"boss", "chief", "head", "director", "executive"},
                 "author": {"author", "researcher"}, "researcher": {"researcher", "author", "scientist"},
                 "scientist": {"scientist", "researcher", "expert"}, "expert": {"expert", "scientist"},
                 "official": {"official", "spokesman", "spokeswoman", "spokesperson", "officer"},
                 "doctor": {"doctor", "dr", "physician", "gp"}, "professor": {"professor", "prof"}}
LOOKBACK_SENTENCES = 12
# Titles that give a surname its person's sex: "Mr Latimer" is not Joanne Latimer.
GENDERED_TITLES = {"mr", "mrs", "ms", "miss", "mister", "sir", "lady", "dame", "lord"}
# "the company", "the firm": a business, so never an organisation whose name says it is a public body,
# a school, a charity or a campaign ("University of X", "X Alliance"); the nearest business named wins.
BUSINESS_NOUNS = {"company", "firm", "business", "maker", "manufacturer", "retailer", "operator", "developer",
                  "startup", "start-up", "supplier", "provider", "insurer", "lender", "airline", "brand"}
NOT_A_BUSINESS = {"university", "college", "school", "academy", "hospital", "clinic", "council", "ministry",
                  "department", "government", "parliament", "police", "army", "court", "tribunal", "alliance",
                  "association", "society", "federation", "union", "league", "coalition", "party", "movement",
                  "charity", "foundation", "trust", "institute", "commission", "committee", "authority", "agency",
                  "office", "inspectorate", "regulator", "watchdog", "campaign", "church", "embassy", "board",
                  "service", "services", "centre", "center", "club", "network", "forum", "council's", "observatory",
                  "registry", "museum", "library", "coastguard", "brigade", "constabulary", "lifeboat", "ambulance"}
NEAR_ORG_TOKENS = 150
# Describing words that do not tell two people apart ("the former mayor" is still the mayor).
GENERIC_MODIFIERS = {"former", "senior", "deputy", "acting", "interim", "chief", "head", "local", "new", "then"}
_DETS = ("the ", "a ", "an ")
# The outlet's own staff: "our reporter", "a Tidewell correspondent at the scene" speak for the outlet.
PRESS_ROLES = {"reporter", "reporters", "correspondent", "correspondents", "journalist", "journalists",
               "photographer", "crew", "editor"}
# Documents through which their author speaks: "the government statement", "Sunday's statement".
# What a person writes in her own name ("her letter", "his email"): she speaks through it.
LETTERS = {"letter", "email", "e-mail", "note", "message", "text", "post", "reply", "statement"}
CHANNEL_DOCUMENTS = {"statement", "statements", "release", "announcement", "communique", "briefing"}
# Phrases saying a speaker is deliberately unnamed: such a spokesperson is an anonymous source.
ANONYMITY = ("asked not to be named", "declined to be named", "did not want to be named", "condition of anonymity",
             "not authorised to speak", "not authorized to speak", "speaking anonymously", "requested anonymity")
ORG_REFERENCE_DETS = {"the", "its", "their", "our"}
# "the researchers" speak for the study they wrote ("a study published on Monday ... The authors put ...").
RESEARCH_TEAMS = {"researchers", "authors", "team", "scientists", "investigators", "academics"}
STUDY_DOCUMENTS = {"study", "paper", "report", "review", "trial", "survey", "research", "analysis", "studies"}
# Self-reported numbers speak for whoever reports them ("the company's own figures"); a document with a
# name of its kind ("the port authority's own annual report") is a source of its own.
DATA_NOUNS = {"figures", "data", "numbers", "statistics", "stats", "research", "survey", "analysis", "estimates",
              "calculations", "count", "tally", "polling", "modelling", "modeling"}


# Who a poster passes words on from: "My sister-in-law works at the travel firm and she says ...".
CONTACT_NOUNS = KIN_NOUNS | {"sister-in-law", "brother-in-law", "mother-in-law", "father-in-law", "cousin", "aunt",
                             "uncle", "mate", "friend", "neighbour", "neighbor", "colleague", "boss", "flatmate"}
# Where a clause may open: a poster's "my mate ..." after one of these starts a sentence of its own.
CLAUSE_OPENERS = {":", ",", ";", "and", "but", "because", "so", "-", "–", "—"}
# Words that start what sets one unnamed person apart: "a nurse at the hospital", "an engineer who works on
# the line". With such a description the phrase is the source's only name; without one ("One mother, who
# asked not to be named, said") the source is just "anonymous mother".
POSTMODIFIERS = {"at", "in", "on", "from", "of", "with", "near", "for", "who", "that", "working", "based", "living",
                 "close", "familiar", "inside", "within"}
# Determiners of one unnamed person; possessives ("my neighbour") keep their words.
ONE_OF_MANY = {"a", "an", "one"}
POSTMODIFIER_REACH = 6


def anonymous_name(text: str, described: bool) -> str:
    """The name of a single unnamed source: ``A nurse`` -> ``anonymous nurse``; a described one keeps its words."""
    first, _, rest = text.strip().partition(" ")
    if described or first.lower() not in ONE_OF_MANY or not rest:
        return text.strip()
    return "anonymous " + rest


def _postmodified(doc, k: int, e: int) -> int:
    """The end of a prepositional description after a role noun ("at the hospital"), or *k* when none follows."""
    if k >= e or doc[k].lower_ not in POSTMODIFIERS - {"who", "that"}:
        return k
    j = k + 1
    while j < e and j - k <= POSTMODIFIER_REACH and doc[j].is_alpha and (doc[j].is_lower or doc[j].text[0].isupper()) \
            and doc[j].lower_ not in ("who", "which", "said", "says", "told", "and", "but"):
        j += 1
    return j if j < e and doc[j].text in (",", ";", ":") else k


def _indefinite_study(low: list[str]) -> str | None:
    """The head noun of a study introduced by a long description ("a new study of 400 pupils published in
    ..."), or None: the source is then "the study", as the article goes on to call it."""
    if len(low) < 3 or low[0] not in ("a", "an"):
        return None
    for k, w in enumerate(low[1:4], start=1):
        if w in STUDY_DOCUMENTS and w != "studies":
            return w if k < len(low) - 1 else None
        if not w.isalpha() and "-" not in w:
            return None
    return None


def _sentence_bounds(doc, i: int) -> tuple[int, int]:
    """The first and the after-last token of the sentence holding token *i*."""
    for row in doc._.medialit_sentences:
        if row["token_start"] <= i < row["token_end"]:
            return row["token_start"], row["token_end"]
    return i, i + 1


def _introduced_as_kin(doc, span) -> bool:
    """Whether a name is given as someone's relative: "whose six-year-old daughter Ruby", "her husband, Derek"."""
    k = span.start - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    while k >= 0 and span.start - k <= 4 and (doc[k].is_alpha or "-" in doc[k].text):
        if doc[k].lower_ in KIN_NOUNS:
            return True
        k -= 1
    return False


def _kin_of_someone(low: list[str]) -> bool:
    """"the daughter of one patient", "the mother of a pupil": a person known only through someone unnamed."""
    return any(w == "of" and k + 1 < len(low) and low[k + 1] in ONE_OF_MANY for k, w in enumerate(low))


def _is_place(doc, mention) -> bool:
    """A proper name after "in", "at", "near" or "from" is a place: "a police spokesman in Kellsburg"."""
    return mention.label_ == "NAME" and mention.start > 0 and doc[mention.start - 1].lower_ in (
        "in", "at", "near", "from", "outside")


def _modifiers(words, org_word: str) -> str:
    """The lower-case words right before *org_word* in *words* ("fire" in "a fire service spokeswoman"), at
    most two, so that the organisation keeps the name the story gives it."""
    at = next((k for k, t in enumerate(words) if t.lower_ == org_word), 0)
    start = at
    while start > max(0, at - 2) and words[start - 1].is_lower and words[start - 1].is_alpha \
            and words[start - 1].lower_ not in STOP_WORDS:
        start -= 1
    return " ".join(t.text for t in words[start:at])


def strip_determiner(text: str) -> str:
    """``the city's fire service`` -> ``city's fire service``."""
    low = text.lower()
    for det in _DETS:
        if low.startswith(det):
            return text[len(det):]
    return text


class SpeakerResolver:
    """Give every attribution span a canonical speaker and collect the article's sources."""

    _doc_meta: dict | None = None  # the front matter of the Doc being resolved (its outlet)
    _products: set = set()  # names the Doc uses for a product ("the MindTrellis app")

    def __init__(self, nlp) -> None:
        self.roles = word_labels("roles")
        self.groups = word_labels("group_nouns")
        self.orgs = set(word_labels("org_words"))

    def __call__(self, doc):
        """Resolve speakers and write ``doc._.medialit_sources``.

        Args:
            doc (Doc): a document with attribution and mention spans.

        RETURNS (Doc): the same document.
        """
        resolutions, entities = self.match(doc)
        return self.set_annotations(doc, resolutions, entities)

    # -- registry of named people and organisations ------------------------------------------------
    def registry(self, doc) -> tuple[dict, list]:
        """Entities from the name mentions, and a position-ordered list of (token, entity key) mentions."""
        entities: dict[str, dict] = {}
        persons_by_surname: dict[str, str] = {}
        self._mention_keys: dict[int, str] = {}
        history = []
        mentions = sorted(doc.spans.get("medialit_mentions", []), key=lambda s: s.start)
        # full names first, so that a given name alone ("Ines said") finds the person named in full
        by_given: dict[str, set] = {}
        givens: dict[str, set] = {}  # surname -> the given names written with it ("Ruth", "Graham" Tullis)
        for span in mentions:
            words = span._.mention["name"].split() if span.label_ == "PERSON" else []
            if len(words) > 1:
                by_given.setdefault(words[0].lower(), set()).add(words[-1].lower())
                givens.setdefault(words[-1].lower(), set()).add(words[0].lower())
        for span in mentions:
            if span.label_ == "PERSON":
                name = span._.mention["name"]
                surname = name.split()[-1].lower()
                given = name.split()[0].lower() if len(name.split()) > 1 else None
                if len(name.split()) == 1 and len(by_given.get(surname, ())) == 1:
                    given, surname = surname, next(iter(by_given[surname]))  # a given name alone: its person
                if len(givens.get(surname, ())) > 1:  # two people of one family: told apart by given name
                    key = (f"person:{given} {surname}" if given in givens[surname]
                           else self._namesake(surname, span, entities, history))
                else:
                    key = persons_by_surname.get(surname) or f"person:{surname}"
                    persons_by_surname.setdefault(surname, key)
                    gender = _title_gender(span)
                    if len(name.split()) == 1 and key in entities and gender and entities[key]["gender"] \
                            and entities[key]["gender"] != gender:
                        key = f"person:{surname}:{gender}"  # "Mr Latimer" when only Joanne Latimer is named
                        name = span.text  # known by title and surname only
                if key not in entities:
                    entities[key] = _entity(name, "person")
                ent = entities[key]
                if len(name.split()) > len(ent["name"].split()):
                    ent["name"] = name
                ent["gender"] = ent["gender"] or span._.mention["gender"]
                ent["roles"] |= span._.mention["roles"]
                ent["aliases"].add(span.text)
                ent["count"] += 1
                as_kin = _introduced_as_kin(doc, span)
                ent.setdefault("kin_from", []).append((span.start, as_kin))
                if as_kin and "kin_sentence" not in ent:
                    ent["kin_sentence"] = _sentence_bounds(doc, span.start)
                history.append((span.start, key))
                self._mention_keys[span.start] = key
        # single-word names that are a known surname ("Okonedo said")
        for span in mentions:
            if span.label_ in ("NAME", "ORG") and len(span) == 1 and len(givens.get(span.text.lower(), ())) > 1:
                key = self._namesake(span.text.lower(), span, entities, history)
                persons_by_surname.setdefault(span.text.lower(), key)  # a surname, not an organisation
                entities.setdefault(key, _entity(span.text, "person"))
                entities[key]["aliases"].add(span.text)
                entities[key]["count"] += 1
                history.append((span.start, key))
            elif span.label_ in ("NAME", "ORG") and len(span) == 1 and span.text.lower() in persons_by_surname:
                key = persons_by_surname[span.text.lower()]
                entities[key]["aliases"].add(span.text)
                entities[key]["count"] += 1
                history.append((span.start, key))
        for span in mentions:
            if span.label_ == "ORG" and not (len(span) == 1 and span.text.lower() in persons_by_surname):
                key = self._org_key(entities, span._.mention["name"])
                entities[key]["roles"] |= span._.mention["roles"]
                history.append((span.start, key))
        history += self._opening_roles(doc, entities)
        history.sort()
        self._merge_orgs(entities)
        history += self._org_references(doc, entities, history)
        history.sort()
        return entities, history

    @staticmethod
    def _namesake(surname: str, span, entities, history) -> str:
        """Which of two people sharing *surname* a surname alone means ("Mr Tullis" when Ruth and Graham Tullis
        are both named): one of the title's gender, the one named most recently before it, else the first."""
        gender = _title_gender(span)
        named = [key for _, key in sorted(history) if key.endswith(" " + surname) and key in entities]
        fits = [key for key in named if not (gender and entities[key]["gender"] and entities[key]["gender"] != gender)]
        before = [key for pos, key in sorted(history) if pos < span.start and key in fits]
        if before:
            return before[-1]
        return (fits or named or [f"person:{surname}"])[0]

    def _org_references(self, doc, entities, history) -> list[tuple[int, str]]:
        """Lower-case references to an organisation ("the council", "the regional government") as antecedents.

        Each resolves to the organisation named with that head word, or stands for itself.
        """
        out = []
        named = {i for m in doc.spans.get("medialit_mentions", []) for i in range(m.start, m.end)}
        for row in doc._.medialit_sentences:
            if row["kind"] == "dateline":
                continue
            for i in range(row["token_start"], row["token_end"]):
                tok = doc[i]
                if not tok.is_lower or tok.lower_ not in self.orgs or i in named or tok.lower_ in COMMON_NOUN_ORGS \
                        or tok.lower_ in ("port", "airport", "club", "team"):
                    continue  # "the port", "waiting times": places and common nouns
                if i + 1 < row["token_end"] and (doc[i + 1].lower_ in self.orgs or doc[i + 1].lower_ in self.roles
                                                 or doc[i + 1].text in ("’s", "'s")):
                    continue  # "the council spokeswoman", "council's": the head comes later
                j = i - 1
                while j >= row["token_start"] and i - j <= 3 and doc[j].is_lower and doc[j].is_alpha \
                        and doc[j].lower_ not in ORG_REFERENCE_DETS and doc[j].lower_ not in STOP_WORDS \
                        and doc[j].lower_ not in self.orgs and not doc[j].lower_.endswith(("ed", "ing")) \
                        and doc[j].lower_ not in ("said", "says", "told"):
                    j -= 1  # adjectives and modifiers: "the regional government", "the city council"
                if j < row["token_start"] or doc[j].lower_ not in ORG_REFERENCE_DETS:
                    continue
                low = [t.lower_ for t in doc[j:i + 1]]
                key = self._generic_org(tok.lower_, low, i, entities, history)
                if key is None:  # no organisation of that kind is named: the phrase stands for it
                    text = doc[j:i + 1].text
                    key = "org:" + strip_determiner(text).lower()
                    entities.setdefault(key, _entity(text, "organization", [text], phrase=True))
                out.append((j, key))
        return out

    def _opening_roles(self, doc, entities) -> list[tuple[int, str]]:
        """Unnamed people who open a sentence ("My neighbour works ...") as antecedents for "she"."""
        out = []
        for row in doc._.medialit_sentences:
            if row["kind"] != "body":
                continue
            i, e = row["token_start"], row["token_end"]
            while i < e and ((doc[i].like_num and doc[i].lower_ not in INDEFINITE) or "/" in doc[i].text
                             or doc[i].text.startswith("@") or doc[i].is_punct or doc[i].is_space):
                i += 1
            if i >= e or doc[i].lower_ not in INDEFINITE:
                continue
            j = i + 1
            last_role = None
            while j < e and j - i <= 5 and (doc[j].is_alpha or doc[j].text in ("’s", "'s")):
                if doc[j].lower_ in self.roles:
                    last_role = j
                elif doc[j].text not in ("’s", "'s") and last_role is not None:
                    break
                j += 1
            if last_role is None:
                continue
            if doc[i].lower_ == "one" and not (last_role + 1 < e and (doc[last_role + 1].text == ","
                                                                       or doc[last_role + 1].lower_ == "who")):
                continue  # "One rescuer, speaking on condition of anonymity," is a source; "One officer was hurt" is news
            tail = doc[i:min(e, last_role + 4)]
            if doc[last_role].lower_ in SPOKESPERSON and (any(t.lower_ in self.orgs for t in tail) or any(
                    m.start < tail.end and m.end > tail.start for m in doc.spans.get("medialit_mentions", []))):
                continue  # "A council spokeswoman": the organisation speaks (see _resolve_words)
            words = doc[i:last_role + 1]
            key = "role:" + words.text.lower()
            low = [t.lower_ for t in words]
            phrase = doc[i:_postmodified(doc, last_role + 1, e)]
            name = anonymous_name(phrase.text, len(phrase) > len(words))
            entities.setdefault(key, _entity(name, "anonymous", [words.text, phrase.text],
                                             gender=self._role_gender(low[-1:]), roles=set(low), animate=True))
            out.append((words.start, key))
        return out

    def _org_key(self, entities, name: str) -> str:
        key = "org:" + name.lower()
        if key not in entities:
            entities[key] = _entity(name, "organization", [name])
        entities[key]["count"] += 1
        return key

    def _merge_orgs(self, entities) -> None:
        """Point shorter organisation names at a longer one holding all their words ("Port Authority", "Union").

        The longer name with the same last word wins; else the most often named one. A name of two words or
        more joins only a name with its last word: "Wrexley Water" is not the "Wrexley Customer Water Forum".
        """
        orgs = [k for k, e in entities.items() if e["type"] == "organization"]
        for k in orgs:
            words = entities[k]["name"].lower().split()
            longer = []
            for other in orgs:
                ow = entities[other]["name"].lower().split()
                if other != k and len(ow) > len(words) and set(words) <= set(ow) \
                        and (len(words) == 1 or ow[-1] == words[-1]):
                    longer.append((ow[-1] == words[-1], entities[other]["count"], other))
            if longer:
                entities[k]["same_as"] = max(longer)[2]

    @staticmethod
    def canonical(entities, key: str) -> str:
        """Follow ``same_as`` links to the entity a key stands for."""
        seen = set()
        while "same_as" in entities[key] and key not in seen:
            seen.add(key)
            key = entities[key]["same_as"]
        return key

    # -- resolution ---------------------------------------------------------------------------
    def match(self, doc) -> tuple[list[tuple], dict]:
        """Return ``(span, entity key or None, speaker words or None)`` per attribution span, and the entities."""
        self._doc_meta = doc._.medialit_meta
        self._products = _product_names(doc)
        # names of unknown kind, for "the company" when no organisation is named ("Korvald Components UK")
        self._unknown_names = [(m.start, m._.mention["name"]) for m in doc.spans.get("medialit_mentions", [])
                               if m.label_ == "NAME" and len(m) >= 2]
        self._all_names = [m.text for m in doc.spans.get("medialit_mentions", []) if m.label_ == "NAME"]
        # names of a product's model ("the Voltaro Meridian E5"): no fuller name of the maker
        self._model_names = {m.text for m in doc.spans.get("medialit_mentions", [])
                             if m.end < len(doc) and any(c.isdigit() for c in doc[m.end].text)}
        entities, history = self.registry(doc)
        self._spoke: set = set()  # entities already resolved as a speaker
        self._said: list[tuple[int, int, int, str]] = []  # (sentence start, end, verb end, speaker) of each tag
        self._gender_from_text(doc, entities)
        history += self._definite_subjects(doc, entities, history)
        history += self._contact_subjects(doc, entities)
        history.sort()
        token_sentence = {}
        for k, row in enumerate(doc._.medialit_sentences):
            token_sentence[row["token_start"]] = k
        mentions = {}
        for span in doc.spans.get("medialit_mentions", []):
            for i in range(span.start, span.end):
                mentions[i] = span
        resolved: dict[str, str | None] = {}
        out = []
        pending = []
        attribution = list(doc.spans.get("medialit_attribution", []))
        for span in attribution:
            d = span._.attribution
            key, words = None, None
            if d["via"] == "tag":
                words = doc[d["speaker_start"]:d["speaker_end"]]
                key = self._resolve_words(doc, words, d["speaker_kind"], entities, history, mentions, span)
            elif d["via"] in ("chain", "carry"):
                target = d["chain_sid"]
                if target in resolved:
                    key = resolved[target]
                else:
                    pending.append((len(out), target))
            resolved[span._.sid] = key
            if key is not None:
                self._spoke.add(key)
                if d["via"] == "tag" and d.get("verb_end") is not None:
                    self._said.append((span.start, span.end, d["verb_end"], key))
            if key is not None:
                history.append((span.start if words is None else words.start, key))
                history.sort()
            out.append([span, key, words])
        for index, target in pending:
            out[index][1] = resolved.get(target)
        return [tuple(x) for x in out], entities

    def _contact_subjects(self, doc, entities) -> list[tuple[int, str]]:
        """"My sister-in-law works at the travel firm and she says ...": a relative or contact who opens a
        sentence or a clause ("..., my mate sits on the committee and he says") is the antecedent of the next
        "she" or "he", as an unnamed source."""
        out = []
        for row in doc._.medialit_sentences:
            if row["kind"] != "body":
                continue
            i, e = row["token_start"], row["token_end"]
            for k in range(i, e - 2):
                if doc[k].lower_ not in ("my", "our") or (k > i and doc[k - 1].lower_ not in CLAUSE_OPENERS):
                    continue
                j = k + 1
                while j < e and j - k <= 3 and doc[j].lower_ not in CONTACT_NOUNS \
                        and (doc[j].is_alpha or "-" in doc[j].text):
                    j += 1
                if j + 1 >= e or doc[j].lower_ not in CONTACT_NOUNS or not doc[j + 1].is_lower \
                        or not doc[j + 1].is_alpha \
                        or doc[j + 1].lower_ in STOP_WORDS - {"is", "was", "has", "had", "used", "does", "did"}:
                    continue  # "My sister-in-law works ...", "my mate sits on ...", "... used to work", not "told my
                    # mate he ..."
                text = doc[k:j + 1].text
                role = doc[j].lower_
                gender = self.roles.get(role) if self.roles.get(role) in ("male", "female") else None
                key = "role:" + text.lower()
                entities.setdefault(key, _entity(text, "anonymous", [text], gender=gender, animate=True,
                                                 roles={role}))
                out.append((k, key))
        return out

    def _definite_subjects(self, doc, entities, history) -> list[tuple[int, str]]:
        """Known people who open a sentence under their role ("The headteacher disputed this.") as antecedents.

        A subject is the likeliest referent of the next "she" or "he"; without this entry a spokesperson
        named earlier would take the pronoun. Only a role that resolves to a person already described
        with it counts.
        """
        out = []
        # job words the lexicon knows, and those the article gives its people ("The librarian, X, said"),
        # not the other words that describe them ("who represents the village": "The village ..." is no one)
        jobs = set(self.roles) | {w for e in entities.values() if e["type"] == "person" for w in e["roles"]
                                  if person_noun(w)}
        for row in doc._.medialit_sentences:
            if row["kind"] != "body":
                continue
            i, e = row["token_start"], row["token_end"]
            while i < e and (doc[i].is_punct or doc[i].is_space):
                i += 1
            if i >= e or doc[i].lower_ != "the":
                continue
            j = i + 1
            while j < e and j - i <= 3 and doc[j].is_alpha and doc[j].lower_ not in jobs:
                j += 1
            if j >= e or j - i > 3 or doc[j].lower_ not in jobs or (
                    j + 1 < e and (doc[j + 1].text in ("’s", "'s") or doc[j + 1].lower_ in jobs)):
                continue  # "the inspector's report", "the council spokeswoman": the head comes later
            if doc[j].lower_ in self.orgs and doc[j].lower_ not in self.roles:
                continue  # "The council had received ...": an institution, though a councillor's roles name it
            low = [t.lower_ for t in doc[i:j + 1]]
            found = self._role(low, i, entities, history, doc)
            if found:
                out.append((i, found))
        return out

    def _gender_from_text(self, doc, entities) -> None:
        """Infer a person's gender from "she"/"her" or "he"/"his" after their name in one sentence."""
        votes: dict[str, list[int]] = {}
        mentions = sorted(doc.spans.get("medialit_mentions", []), key=lambda s: s.start)
        bounds = {}
        for row in doc._.medialit_sentences:
            for i in range(row["token_start"], row["token_end"]):
                bounds[i] = (row["token_start"], row["token_end"])
        by_sentence: dict[tuple, list] = {}
        for span in mentions:
            if span.label_ == "PERSON" or (span.label_ == "NAME" and len(span) == 1):
                by_sentence.setdefault(bounds.get(span.start, (span.start, span.end)), []).append(span)
        for start, spans in by_sentence.items():
            people = {s._.mention["name"].split()[-1].lower() if s.label_ == "PERSON" else s.text.lower()
                      for s in spans}
            if len(people) != 1:
                continue
            key = next((k for k, e in entities.items() if e["type"] == "person"
                        and e["name"].split()[-1].lower() in people), None)
            if key is None:
                continue
            rest = [t.lower_ for t in doc[spans[0].end:start[1]]]
            fem = sum(w in ("she", "her", "hers", "herself") for w in rest)
            mas = sum(w in ("he", "his", "him", "himself") for w in rest)
            if fem and not mas:
                votes.setdefault(key, []).append(1)
            elif mas and not fem:
                votes.setdefault(key, []).append(-1)
        for key, v in votes.items():
            if entities[key]["gender"] is None and sum(v) != 0:
                entities[key]["gender"] = "female" if sum(v) > 0 else "male"

    def _resolve_words(self, doc, words, kind, entities, history, mentions, sentence) -> str | None:
        text = words.text.strip()
        low = [t.lower_ for t in words if t.is_alpha or "-" in t.text or t.text.startswith("@")]
        if kind == "hearsay":
            key = "hearsay:" + text.lower()
            entities.setdefault(key, _entity(text, "anonymous", [text]))
            return key
        if kind == "pronoun":
            found = self._pronoun(low[0] if low else text.lower(), words.start, entities, history, doc)
            if found is None and low == ["it"]:
                found = self._letter_before(doc, words.start, entities)
            return found
        if kind == "mention" and len(words) == 1 and text.startswith("@"):
            key = "handle:" + text.lower()  # "@ReeceAmbrose_ says ...": the poster, by handle
            entities.setdefault(key, _entity(text, "person", [text]))
            return key
        staff = self._outlet_staff(doc, words, low, entities)
        if staff is not None:
            return staff
        if kind == "mention":
            inside = [mentions[i] for i in range(words.start, words.end) if i in mentions]
            persons = [m for m in inside if m.label_ == "PERSON"]
            names = [m for m in inside if m.label_ == "NAME"]
            orgs = [m for m in inside if m.label_ == "ORG"]
            for m in persons + [n for n in names if len(n) == 1]:
                surname = (m._.mention["name"] if m.label_ == "PERSON" else m.text).split()[-1].lower()
                key = self._mention_keys.get(m.start, f"person:{surname}")
                if key in entities:
                    entities[key]["aliases"].add(text)
                    return key
            if names and not orgs:
                n = names[-1]
                surname = n.text.split()[-1].lower()
                key = f"person:{surname}" if len(n) > 1 else "name:" + n.text.lower()
                # a proper name with no known given name or title: two or three words are taken for a
                # person ("Margaret Doyle"), one word for an organisation ("PureKelvane"), called by the
                # fuller name the article gives it ("Frostell" after "the Frostell Ices plant")
                full = n.text if len(n) > 1 else next(
                    (name for _, name in self._unknown_names if name.split()[0] == n.text
                     and name not in self._model_names), n.text)
                entities.setdefault(key, _entity(full, "person" if len(n) > 1 else "organization", [n.text]))
                entities[key]["aliases"].add(text)
                return key
            if orgs:
                head = low[-1] if low else ""
                if head in self.roles and head not in SPOKESPERSON:
                    # "the Russian Defense Ministry spokesman" - a person described by the organisation
                    found = self._role(low, words.start, entities, history, doc)
                    if found:
                        return found
                if head in SPOKESPERSON or (low and low[0] not in ("a", "an") and head in self.roles):
                    found = self._role(low, words.start, entities, history, doc)
                    if found:
                        return found
                key = self.canonical(entities, self._org_key(entities, orgs[-1]._.mention["name"]))
                entities[key]["aliases"].add(text)
                return key
            return None
        if kind == "role":
            indefinite = bool(low) and low[0] in INDEFINITE
            head = self._head_word(low)
            org_mention = next((mentions[i] for i in range(words.start, words.end)
                                if i in mentions and mentions[i].label_ in ("ORG", "NAME")
                                and not _is_place(doc, mentions[i])), None)
            org_word = next((w for w in low if w in self.orgs and w != head), None)
            if not indefinite:
                found = self._role(low, words.start, entities, history, doc)
                if found:
                    entities[found]["aliases"].add(text)
                    return found
            unnamed = any(phrase in sentence.text.lower() for phrase in ANONYMITY)
            if head in SPOKESPERSON and (org_word or org_mention is not None) and not unnamed:
                # "a council spokeswoman", "a spokesperson for the foundation": the organisation speaks
                found = (self.canonical(entities, self._org_key(entities, org_mention._.mention["name"]))
                         if org_mention is not None else
                         self._generic_org(org_word, low, words.start, entities, history)
                         or self._org_phrase(org_word, entities, _modifiers(words, org_word)))
                if found:
                    entities[found]["aliases"].add(text)
                    gender = self._role_gender(low)
                    history.append((words.start, f"proxy:{gender}:{found}"))
                    return found
            if head in SPOKESPERSON and not unnamed and not org_word and org_mention is None:
                # a bare "A spokesman said": in a statement, the issuer's; elsewhere the spokesman of the
                # organisation the story has just named
                found = self._issuer(entities) or next(
                    (self.canonical(entities, k) for k in self._recent(words.start, history, doc)
                     if not k.startswith("proxy:") and entities[self.canonical(entities, k)]["type"] == "organization"),
                    None)
                if found:
                    entities[found]["aliases"].add(text)
                    history.append((words.start, f"proxy:{self._role_gender(low)}:{found}"))
                    return found
            key = "role:" + strip_determiner(text).lower()
            described = any(t.lower_ in POSTMODIFIERS for t in words[1:])
            entities.setdefault(key, _entity(anonymous_name(text, described) if indefinite else text,
                                             "anonymous" if indefinite or _kin_of_someone(low) else "person", [text],
                                             gender=self._role_gender(low), roles=set(low), animate=True))
            return key
        if kind == "group":
            found = self._doer(low, entities) or self._study_team(low, words.start, entities, history, doc)
            if found:  # "Organisers" after "the coalition, which organised the march"
                entities[found]["aliases"].add(text)
                return found
            key = "group:" + strip_determiner(text).lower()
            entities.setdefault(key, _entity(text, "anonymous", [text], plural=True))
            return key
        if kind == "org":
            head = self._head_word(low)
            lede = self._lede_name(sentence, words, mentions) if head in BUSINESS_NOUNS else None
            if lede is not None:
                # "Korvald Components UK will cut 240 jobs, the company said": the name the sentence opens with
                found = self.canonical(entities, self._org_key(entities, lede._.mention["name"]))
                entities[found]["aliases"].add(text)
                history.append((lede.start, found))
                history.sort()
                return found
            found = self._generic_org(head, low, words.start, entities, history)
            if found:
                entities[found]["aliases"].add(text)
                return found
            key = "org:" + strip_determiner(text).lower()
            entities.setdefault(key, _entity(text, "organization", [text]))
            return key
        if kind == "document":
            head = self._head_word(low)
            owner = self._owner(words, low, entities, history, mentions) if head in DATA_NOUNS else None
            if owner:
                return owner
            if len(low) == 2 and low[0] in ("her", "his") and head in LETTERS:
                # "share her letter: “...”": the one who wrote it speaks
                writer = self._pronoun("she" if low[0] == "her" else "he", words.start, entities, history, doc)
                if writer:
                    entities[writer]["aliases"].add(text)
                    return writer
            if head in CHANNEL_DOCUMENTS:
                # "the government statement", "Sunday's statement": the author speaks through it
                author = self._author(words, low, entities, history, mentions, doc)
                if author:
                    entities[author]["aliases"].add(text)
                    return author
            study = _indefinite_study(low)
            if study:  # "a study of 400 pupils published in ...": one study, whose later "the study" names it
                key = "doc:" + study
                entities.setdefault(key, _entity(text, "document", [text], described=True))["aliases"].add(text)
                return key
            key = "doc:" + strip_determiner(text).lower()
            entity = entities.setdefault(key, _entity(text, "document", [text],
                                                      plural=head.endswith("s") and not head.endswith(("ss", "sis"))))
            if entity.pop("described", False) and low[0] == "the":
                entity["name"] = "the " + key[len("doc:"):]  # the article's short name for the study it described
            return key
        return None

    @staticmethod
    def _letter_before(doc, position, entities) -> str | None:
        """"Then the follow-up email landed. It reads: ...": a letter named just before "it", when no organisation
        or document the resolver knows is there to be "it"."""
        for k in range(position - 1, max(position - 30, 0) - 1, -1):
            if doc[k].lower_ in LETTERS and doc[k].is_lower and any(t.text in (".", "!", "?") for t in doc[k:position]):
                # named in an earlier sentence: in "In a statement, it blamed ..." the statement is no "it"
                a = k
                while a - 1 >= 0 and a > k - 3 and (doc[a - 1].is_alpha and doc[a - 1].is_lower
                                                     or "-" in doc[a - 1].text and doc[a - 1].text[:1].isalpha()):
                    a -= 1
                    if doc[a].lower_ in ("the", "this", "that", "your", "their", "its", "an", "a"):
                        break
                text = doc[a:k + 1].text
                key = "doc:" + strip_determiner(text).lower()
                entities.setdefault(key, _entity(text, "document", [text]))
                return key
        return None

    @staticmethod
    def _lede_name(sentence, words, mentions):
        """The name (not a person's) a sentence opens with, before *words*: the business that "the company"
        names later in the same sentence."""
        first = next((t.i for t in sentence if not (t.is_punct or t.is_space)), None)
        m = mentions.get(first) if first is not None else None
        if m is None or m.label_ not in ("NAME", "ORG") or m.end > words.start or m.start != first:
            return None
        return m

    def _study_team(self, low, position, entities, history, doc) -> str | None:
        """"the researchers", "the authors", "the team": the study they wrote, named just before."""
        if not low or low[0] not in ("the", "its", "their") or self._head_word(low) not in RESEARCH_TEAMS:
            return None
        for key in self._recent(position, history, doc):
            if key.startswith("proxy:"):
                continue
            ent = entities[self.canonical(entities, key)]
            if ent["type"] == "document" and set(ent["name"].lower().split()) & STUDY_DOCUMENTS:
                return self.canonical(entities, key)
        return None

    def _doer(self, low, entities) -> str | None:
        """The one organisation a relative clause gave the group's job ("organisers", "the organisers")."""
        head = self._head_word(low)
        if len(low) > 2 or not head.endswith("s"):
            return None
        found = {self.canonical(entities, k) for k, e in entities.items()
                 if e["type"] == "organization" and head[:-1] in e["roles"]}
        return found.pop() if len(found) == 1 else None

    def _org_phrase(self, org_word: str, entities, modifiers: str = "") -> str:
        """The organisation an unnamed "council spokesman" speaks for: "the council", "the fire service" for
        "a fire service spokeswoman" (one entity per kind: a later "the service" is the same)."""
        for key, ent in entities.items():
            if ent.get("phrase") and ent["name"].lower().split()[-1] == org_word:
                return key
        key = "org:" + org_word
        name = f"the {modifiers} {org_word}" if modifiers else f"the {org_word}"
        entities.setdefault(key, _entity(name, "organization", [name], phrase=True))
        return key

    def _outlet_staff(self, doc, words, low, entities) -> str | None:
        """"our reporter", "a Tidewell correspondent": the outlet's own staff speak for the outlet."""
        outlet = (doc._.medialit_meta or {}).get("outlet")
        head = self._head_word(low)
        if not outlet or head not in PRESS_ROLES:
            return None
        first = outlet.split()[0].lower().strip(",")
        if "our" not in low and "this" not in low and first not in low[: low.index(head)]:
            return None
        key = "org:" + outlet.lower()
        entities.setdefault(key, _entity(outlet, "organization", [outlet]))
        entities[key]["aliases"].add(words.text.strip())
        return key

    def _author(self, words, low, entities, history, mentions, doc) -> str | None:
        """Who issued a statement: an organisation or person named in its words, else the latest organisation."""
        for i in range(words.start, words.end):
            m = mentions.get(i)
            if m is not None and m.label_ == "ORG":
                return self.canonical(entities, self._org_key(entities, m._.mention["name"]))
            if m is not None and i in self._mention_keys:
                return self._mention_keys[i]
        org_word = next((w for w in low if w in self.orgs), None)
        if org_word:
            return self._generic_org(org_word, low, words.start, entities, history)
        if low and low[0] in ("a", "an"):
            return None
        for key in self._recent(words.start, history, doc):
            if not key.startswith("proxy:") and entities[self.canonical(entities, key)]["type"] == "organization":
                return self.canonical(entities, key)
        return None

    def _owner(self, words, low, entities, history, mentions) -> str | None:
        """"the company's own figures": self-reported data speak for their owner (only with "own")."""
        if "own" not in low:
            return None
        toks = list(words)
        for k, t in enumerate(toks):
            if t.text in ("’s", "'s") and k > 0:
                owner = toks[k - 1]
                if owner.i in mentions:
                    m = mentions[owner.i]
                    if m.label_ == "ORG":
                        return self.canonical(entities, self._org_key(entities, m._.mention["name"]))
                    if owner.i in self._mention_keys:
                        return self._mention_keys[owner.i]
                if owner.lower_ in self.orgs or owner.lower_ in GENERIC_ORG:
                    return self._generic_org(owner.lower_, [w.lower_ for w in toks[:k]], words.start, entities, history)
        return None

    def _head_word(self, low: list[str]) -> str:
        for k, w in enumerate(low):
            if k > 0 and w in ("for", "of", "at", "on", "in", "from", "with"):
                return low[k - 1]
        return low[-1] if low else ""

    def _role_gender(self, low) -> str | None:
        for w in low:
            if self.roles.get(w) in ("male", "female"):
                return self.roles[w]
        return None

    def _recent(self, position, history, doc, outside_own_quote: bool = False):
        """Entity keys mentioned before *position*, nearest first, within the look-back window.

        *outside_own_quote*: skip people named inside a quotation earlier in the same sentence (in "'A farmer
        told me ...,' she said" the farmer is not "she")."""
        sents = doc._.medialit_sentences
        here = next((k for k, r in enumerate(sents) if r["token_start"] <= position < r["token_end"]), len(sents) - 1)
        limit = sents[max(0, here - LOOKBACK_SENTENCES)]["token_start"]
        quoted = set()
        if outside_own_quote:
            start = sents[here]["token_start"]
            quoted = {i for q in doc.spans.get("medialit_quotes", []) if q.end <= position and q.end > start
                      for i in range(max(q.start, start), q.end)}
        for pos, key in reversed(history):
            if pos < position and pos >= limit and pos not in quoted:
                yield key

    def _pronoun(self, word, position, entities, history, doc) -> str | None:
        word = POSSESSIVES.get(word, word)  # "in his view": he
        want = {"he": "male", "him": "male", "she": "female", "her": "female"}.get(word)
        if word in ("one", "another"):  # '"It's unbearable," said one.': one of the group named last
            return next((self.canonical(entities, k) for k in self._recent(position, history, doc)
                         if not k.startswith("proxy:") and entities[self.canonical(entities, k)].get("plural")), None)
        kin, owners = None, set()
        for key in self._recent(position, history, doc, outside_own_quote=True):
            if key.startswith("proxy:"):
                _, gender, target = key.split(":", 2)
                if word not in ("they", "it", "them") and (want is None or gender in ("None", want)):
                    return target
                continue
            key = self.canonical(entities, key)
            ent = entities[key]
            if word == "it":
                if ent["type"] in ("organization", "document") and not ent.get("plural") \
                        and not self._is_outlet(ent["name"]):
                    return key  # not the paper reporting the story ("the Herald")
                continue
            if word in ("they", "them"):
                if ent["type"] == "organization" or (
                        ent["type"] in ("anonymous", "document") and not ent.get("animate")):
                    return key
                continue
            if ent["type"] != "person" and not ent.get("animate"):
                continue
            if want is None or ent["gender"] in (None, want):
                if word in ("he", "she"):
                    continuing = self._continuing_speaker(key, position, want, entities, history)
                    if continuing is not None:
                        return continuing
                if kin is not None and key not in owners:
                    return kin  # only the relative's own kin sentence names someone else who fits
                kin_so_far = "kin_sentence" in ent and all(as_kin for at, as_kin in ent["kin_from"] if at < position)
                if kin_so_far and key not in self._spoke and kin is None:
                    # "X, whose daughter Ruby has asthma, ... 'she was wheezing,' she said": X, named beside her (a
                    # relative named as such so far, whatever the story calls her later)
                    kin = key
                    lo, hi = ent["kin_sentence"]
                    owners = {self.canonical(entities, k) for pos, k in history
                              if lo <= pos < hi and not k.startswith("proxy:")} - {key}
                    continue
                return key
        return kin

    def _continuing_speaker(self, key, position, want, entities, history) -> str | None:
        """The speaker of the sentence just before, when the nearest fitting name (*key*) is only mentioned in
        what that speaker said: after "She denied ... a tablet app that Oduya wouldn't look at", the next
        "she said" goes on quoting the speaker, not Oduya."""
        last = next((x for x in reversed(self._said) if x[1] <= position), None)
        if last is None:
            return None
        _, end, verb_end, speaker = last
        speaker = self.canonical(entities, speaker)
        if speaker == key or entities[speaker]["type"] != "person" or (
                want is not None and entities[speaker]["gender"] not in (None, want)):
            return None
        if not any(verb_end <= pos < end and self.canonical(entities, k) == key for pos, k in history
                   if not k.startswith("proxy:")):
            return None
        if any(pos >= end and pos < position and self.canonical(entities, k) == key for pos, k in history
               if not k.startswith("proxy:")):
            return None  # named again since, outside the speaker's words
        return speaker

    def _role(self, low, position, entities, history, doc) -> str | None:
        """The person a definite role refers to ("the fire chief", "the engineer").

        The nearest earlier person described with the role's head word wins; extra words
        ("the Russian president") must match that person's description too. When nobody earlier
        fits, the first later person who does is taken (a lead often names the role first), and then the nearest
        earlier one outside the window ("the officer" twelve sentences after "its officer, Deborah Stannard").
        """
        head = self._head_word(low)
        wanted = ROLE_SYNONYMS.get(head, {head})
        others = {w for w in low if w not in STOP_WORDS and w not in ("the", "a", "an") and w.isalpha()
                  and w not in GENERIC_MODIFIERS} - {head}

        def fits(key):
            if key.startswith("proxy:"):
                return None
            key = self.canonical(entities, key)
            ent = entities[key]
            if ent["type"] != "person" and not ent.get("animate"):
                return None
            if not ent["roles"] & wanted:
                return None
            if others and not ent["roles"] & others:
                return None
            return key

        for key in self._recent(position, history, doc):
            found = fits(key)
            if found:
                return found
        for pos, key in history:
            if pos > position:
                found = fits(key)
                if found:
                    return found
        for pos, key in reversed(history):  # named with the role further back than the window looks
            if pos < position:
                found = fits(key)
                if found and entities[found]["type"] == "person":
                    return found
        return None

    def _generic_org(self, head, low, position, entities, history) -> str | None:
        """The organisation a generic phrase ("the port authority", "the company") refers to."""
        words = {w for w in low if w not in STOP_WORDS and w not in ("the", "a", "an")}
        candidates = []
        for key in reversed(history):
            if key[1].startswith("proxy:"):
                continue
            k = self.canonical(entities, key[1])
            ent = entities[k]
            if ent["type"] != "organization" or ent.get("phrase"):
                continue  # only organisations named in the article
            name = ent["name"].lower().split()
            name_words = set(name)
            own_head = name[name.index("of") - 1] if "of" in name[1:] else name[-1]  # "University of X"
            kind_of = own_head in ORG_KINDS.get(head, ())  # "the school" for "Fenwick Lane Primary"
            if head in name_words or kind_of or (words and words <= name_words):
                # "the school" is Fenwick Lane Primary School before Lumenbay School Photography: the name's own
                # head noun first
                candidates.append((own_head == head or kind_of, len(words & name_words), key[0] < position,
                                   ent["count"], k))
        if candidates:
            candidates.sort(key=lambda c: c[:4], reverse=True)
            return candidates[0][4]
        if head in GENERIC_ORG and head not in self.orgs - GENERIC_ORG:
            orgs = [(e["count"], k) for k, e in entities.items()
                    if e["type"] == "organization" and "same_as" not in e and not e.get("phrase")]
            if head in BUSINESS_NOUNS:
                issuer = self._issuer(entities)
                if issuer and not set(entities[issuer]["name"].lower().split()) & NOT_A_BUSINESS:
                    return issuer  # in Wrexley Water's own statement "the company" is Wrexley Water
                # "the company" is a business: not the university or the alliance named beside it, nor the
                # outlet that reports the story ("The Chronicle has seen ...")
                orgs = [o for o in orgs if not self._is_outlet(entities[o[1]]["name"])]
                fitting = [o for o in orgs if not set(entities[o[1]]["name"].lower().split()) & NOT_A_BUSINESS]
                if not fitting:
                    business = self._unknown_business(position)
                    if business is not None:
                        return self._org_key(entities, business)
                orgs = fitting or orgs
                makers = [o for o in orgs if entities[o[1]]["name"] not in self._products]
                orgs = makers or orgs  # "the company" makes MindTrellis: Cortexa Labs, named beside it
                recent = self._nearest_org(position, history, entities, {o[1] for o in orgs})
                if recent is not None:
                    return recent
            if head in ("company", "firm", "organisation", "organization", "group", "business", "charity",
                        *SHOP_NOUNS) and orgs:
                named_before = {self.canonical(entities, k) for pos, k in history
                                if pos < position and not k.startswith("proxy:")}
                earlier = [o for o in orgs if o[1] in named_before]  # not one the story meets only later
                return max(earlier or orgs)[1]
            if head in BUSINESS_NOUNS and not orgs:
                # no organisation is named, but a name of unknown kind is: "Korvald Components UK will cut
                # 240 jobs, the company said" - the company is that name
                before = [name for start, name in getattr(self, "_unknown_names", ()) if start < position]
                if before:
                    return self._org_key(entities, before[-1])
        return None

    def _unknown_business(self, position) -> str | None:
        """"the company" when no business is among the organisations: the name of unknown kind ("Frostell Ices")
        named before it whose first word the article repeats most ("Frostell gave a very different figure")."""
        before = [(start, name) for start, name in self._unknown_names if start < position]
        if not before:
            return None
        firsts = [name.split()[0] for name in self._all_names]
        return max(before, key=lambda b: (firsts.count(b[1].split()[0]), -b[0]))[1]

    def _issuer(self, entities) -> str | None:
        """The organisation that issues a statement or press release (its outlet, "Orwen Rail Infrastructure
        (media centre)"), when the text names it; None for other genres."""
        meta = self._doc_meta or {}
        if meta.get("genre") not in ("press-release", "official-statement"):
            return None
        outlet = set(re.sub(r"\(.*?\)", "", str(meta.get("outlet") or "")).lower().split()) - {"the"}
        named = [(len(e["name"].split()), k) for k, e in entities.items() if e["type"] == "organization"
                 and "same_as" not in e and set(e["name"].lower().split()) - {"the"} <= outlet]
        return self.canonical(entities, max(named)[1]) if outlet and named else None

    def _is_outlet(self, name: str) -> bool:
        """Whether *name* is the outlet reporting the story, in its words or its initials ("the Chronicle",
        "HPA" for Halvard Press Agency). A release's outlet is its issuer's press office: never excluded."""
        meta = self._doc_meta or {}
        if meta.get("genre") in ("press-release", "official-statement"):
            return False
        outlet = [w for w in str(meta.get("outlet") or "").split() if w.lower() != "the"]
        words = set(name.lower().split())
        initials = "".join(w[0] for w in outlet if w[:1].isupper())
        return bool(outlet) and (words <= {w.lower() for w in outlet} or (len(initials) >= 2 and name == initials))

    def _nearest_org(self, position, history, entities, allowed) -> str | None:
        """The organisation of *allowed* named nearest before *position* (within a few sentences' reach)."""
        for pos, key in reversed(history):
            if pos >= position or key.startswith("proxy:"):
                continue
            if position - pos > NEAR_ORG_TOKENS:
                break
            key = self.canonical(entities, key)
            if key in allowed:
                return key
        return None

    # -- writing --------------------------------------------------------------------------------
    def set_annotations(self, doc, resolutions, entities):
        """Write speakers onto the attribution spans and collect the sources."""
        used: dict[str, dict] = {}
        speaker_spans = []
        for ent in entities.values():
            if ent["type"] == "organization" and not ent.get("phrase"):
                ent["name"] = _possessive_name(doc.text, ent["name"], ent["aliases"])
        for span, key, words in resolutions:
            if key is None:
                span._.speaker, span._.speaker_type = None, None
                continue
            key = self.canonical(entities, key)
            ent = entities[key]
            span._.speaker = ent["name"]
            span._.speaker_type = ent["type"]
            entry = used.setdefault(key, {"name": ent["name"], "type": ent["type"], "aliases": set()})
            entry["aliases"] |= {a for a in ent["aliases"] if a and a != ent["name"]}
            if words is not None:
                entry["aliases"].add(words.text.strip())
                s = doc[words.start:words.end]
                s.label_ = ent["name"]
                speaker_spans.append(s)
        doc.spans[SPANS_KEY] = speaker_spans
        sources = []
        for entry in used.values():
            aliases = sorted({a for a in entry["aliases"] if a.lower() != entry["name"].lower()})
            sources.append({"name": entry["name"], "type": entry["type"], "aliases": aliases})
        doc._.medialit_sources = sources
        return doc


# Verbs before a name that make it a product ("which makes MindTrellis").
SELLING = {"makes", "made", "sells", "sold"}
# Words after a one-word name that make it a product: "the MindTrellis app", "DozeBand wrist trackers".
PRODUCT_NOUNS = {"app", "apps", "wrist", "tracker", "trackers", "device", "devices", "scheme", "band", "bands",
                 "platform", "service", "programme", "program", "tablets", "supplement", "drink", "drinks", "meter",
                 "meters", "headset", "headsets", "software", "game", "games"}


# Head nouns of names that say what kind of organisation a generic noun may stand for.
ORG_KINDS = {"school": {"primary", "academy", "high", "secondary", "infants", "juniors", "college"}}


def _possessive_name(text: str, name: str, aliases) -> str:
    """A shop that speaks under its possessive ("Halloway’s says") and is never named without it is called that:
    "Halloway’s" (not "the council’s spokesman", whose possessive owns a noun)."""
    if not name or name[-1] in "’'s" or not {name + "’s", name + "'s"} & set(aliases):
        return name
    found = re.findall(rf"\b{re.escape(name)}\b(['\u2019]s\b)?", text)
    if found and all(found):
        return name + found[0]
    return name


def _entity(name: str, kind: str, aliases=(), **facts) -> dict:
    """A new registry entry: its name, its kind ("person", "organization", "anonymous", "document"), the
    ways the text names it, and any further facts ("plural", "phrase", "animate", a known "gender" or
    "roles"); it has been counted nowhere yet."""
    return {"name": name, "type": kind, "gender": None, "roles": set(), "aliases": set(aliases), "count": 0,
            **facts}


def _title_gender(span) -> str | None:
    """The sex a name's title gives ("Mr Latimer": male); None without such a title (a bare "Desmond" is
    a surname here, whatever the given-name lexicon says)."""
    if span[0].lower_.rstrip(".") not in GENDERED_TITLES:
        return None
    return (span._.mention or {}).get("gender")


def _product_names(doc) -> set[str]:
    """Brand-shaped names the Doc uses for a product: followed by a product word ("the MindTrellis app",
    "DozeBand wrist trackers"), made or sold by someone ("which makes MindTrellis"), or what an app is
    "called"."""
    def product(t) -> bool:
        before = doc[t.i - 1].lower_
        return any(w.lower_ in PRODUCT_NOUNS for w in doc[t.i + 1:t.i + 3]) or before in SELLING or (
            before == "called" and any(w.lower_ in PRODUCT_NOUNS for w in doc[max(0, t.i - 5):t.i]))

    return {t.text for t in doc[1:-1] if is_brand(t) and product(t)}
