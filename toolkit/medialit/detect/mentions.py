"""Find the names of people and organisations an article mentions: Doc in, mention spans out.

Writes ``doc.spans["medialit_mentions"]``: one span per proper-name mention, labelled ``PERSON``,
``ORG``, ``HANDLE`` (``@name``), ``TITLE`` (a capitalised job title standing for a person, "the
Superintendent", "the Minister for Transport") or ``NAME`` (a proper name of unknown kind). A
person named by a given name alone ("Ines", or "a driver who gave his name as Piet") is a
``PERSON`` too. ``span._.mention`` holds
``name`` (the name without titles, e.g. ``Ruth Okonedo`` for ``Chief Fire Officer Ruth Okonedo``),
``gender`` (``male``/``female``/``None`` from given name, title or role word) and ``roles`` (the
job words around the name: ``{"chief", "fire", "officer"}``; for an organisation, what a relative clause
says it does: "which organised the march" -> ``{"organiser", "march"}``). Names are capitalised word runs,
read without a trained model (a capitalised first word is a name when the article also writes it
capitalised mid-sentence, when it is a given name or a title, or when a reporting verb follows and no
lexicon knows it as a common noun: "Reuters reported"); lexicons: given_names, titles, roles,
org_words, group_nouns, reporting_verbs.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from .lexicon import word_labels
from .marks import ALL_QUOTES
from .tag_words import KIN_NOUNS
from .terms import person_noun

SPANS_KEY = "medialit_mentions"
CONNECTORS = {"of", "for", "without", "de", "van", "von", "der", "den", "del", "al", "la", "le", "du", "da", "di",
              "bin", "ibn", "and", "the", "on"}
INSTITUTION_CONNECTORS = {"of", "for", "without", "and", "the", "on"}
PLACE_WORDS = {"street", "road", "avenue", "lane", "square", "quay", "bridge", "river", "park", "hill", "hills",
               "valley", "province", "provinces", "county", "district", "way", "drive", "close", "crescent",
               "junction", "airbase", "base", "island", "islands", "mountains", "sea", "ocean", "bay", "harbour",
               "harbor", "gate", "terrace", "row", "meadows", "green", "place"}
# Words that make a "Park" a business: "Wildlife Park", "Theme Park".
ATTRACTIONS = {"wildlife", "safari", "theme", "holiday", "water", "adventure", "animal", "leisure", "business",
               "retail", "science", "technology"}
_ADJECTIVES = {"senior", "deputy", "former", "lead", "local", "independent", "official", "acting", "chief", "head",
               "assistant", "principal", "regional", "national", "interim", "retired", "veteran"}
_DATE_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
               "easter", "christmas"}
_QUOTE_MARKS = ALL_QUOTES
_POSSESSIVE = {"\u2019s", "'s", "\u2019", "'"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "whose"}
# Determiners of a job in apposition before a name: "The headteacher, Rukhsana Malik,".
APPOSITION_DETERMINERS = ("the", "a", "an", "our", "its", "their")
# Words that introduce a name given on its own: "gave his name only as Piet", "a woman named Dana".
_NAME_INTROS = {"named", "called", "as"}


def is_cap(token) -> bool:
    """A capitalised word (not a number or mark): ``Konashenkov``, ``Ki-moon``, ``O'Brien``, ``Su-25``."""
    text = token.text
    if not text or not text[0].isupper():
        return False
    core = text.replace("-", "").replace("'", "").replace("\u2019", "")
    return core.isalpha() or ("-" in text and core.isalnum())


def _initial_shape(text: str) -> bool:
    """One capital letter, alone or with its full stop: ``P.``, ``D``."""
    return len(text) in (1, 2) and text[0].isupper() and text[0].isalpha() and text[1:] in ("", ".")


def is_middle_initial(doc, j: int, end: int) -> bool:
    """A middle initial inside a name ("Gareth P. Lloyd", "Rafael D Montoya"): one capital letter, with or
    without its full stop, between two capitalised words of a run."""
    text = doc[j].text
    if not _initial_shape(text):
        return False
    k = j + 1
    if text == doc[j].text[:1] and k < end and doc[k].text == ".":
        k += 1  # "D" "." tokenised apart
    return j > 0 and is_cap(doc[j - 1]) and k < end and is_cap(doc[k]) and len(doc[k].text) > 1


# What a firm does in a "which" clause after its name: "X, which makes ...", "X, which runs ...".
BUSINESS_VERBS = {"makes", "made", "sells", "sold", "runs", "ran", "owns", "owned", "operates", "operated", "builds",
                  "built", "manufactures", "supplies", "supplied", "provides", "develops", "developed", "produces",
                  "employs", "markets", "distributes", "manages", "publishes"}


def _org_apposition(doc, j: int, end: int) -> bool:
    """A name followed by ", which makes/sells/runs ...", ", a local sleep-technology firm" or ", the Dunmorrow
    firm that ...": an organisation (a firm, a charity, a trust), whatever its own name's words."""
    if j + 2 < end and doc[j].text == "," and doc[j + 1].lower_ == "which" and doc[j + 2].lower_ in BUSINESS_VERBS:
        return True
    if not (j + 2 < end and doc[j].text == "," and doc[j + 1].lower_ in ("a", "an", "the")):
        return False
    for k in range(j + 2, min(end, j + 7)):
        if doc[k].is_punct:
            return False
        if doc[k].lower_ in APPOSITION_ORG_NOUNS:
            return True
    return False


def _known_surnames(doc, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Relabel a two- or three-word name as a person when its last word is the surname of a person the
    article names elsewhere ("Rukhsana Malik" once "Mrs Malik" or "Dr Malik" is known to be a person)."""
    surnames = {doc[e - 1].lower_ for s, e, label in found if label == "PERSON" and e - s >= 2}
    return [(s, e, "PERSON" if label == "NAME" and 2 <= e - s <= 3 and doc[e - 1].lower_ in surnames
             and all(is_cap(t) for t in doc[s:e]) else label) for s, e, label in found]


# What an apposition calls a business: "Slumberline, a local sleep-technology firm".
COMPANY_NOUNS = {"firm", "company", "maker", "manufacturer", "business", "start-up", "startup", "retailer", "chain",
                 "supplier", "brand", "operator", "developer", "provider", "contractor"}
# ... and what else an apposition may call an organisation: "Fernlea, the charity that runs the shelter".
APPOSITION_ORG_NOUNS = COMPANY_NOUNS | {"charity", "organisation", "organization", "association", "trust",
                                       "foundation", "cooperative", "co-operative", "outfit", "agency"}
# Jobs an apposition gives a firm as often as a person: they do not make a name a person's.
FIRM_JOBS = {"producer", "publisher", "broadcaster", "insurer", "lender", "carrier", "distributor", "wholesaler",
             "exporter", "importer", "employer", "owner", "landlord", "partner", "member", "sponsor", "leader",
             "seller", "buyer", "builder", "grower", "farmer", "caterer", "organiser", "organizer", "promoter"}
_BRAND = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
# Name prefixes written with an inner capital: "McAllister", "MacLeod", "DeShawn", "LaToya", "VanDyke".
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "St")
# All-capital abbreviations of things and jobs, not of organisations: never a name.
COMMON_ABBREVIATIONS = {"GP", "GPS", "CCTV", "DNA", "CEO", "TV", "PDF", "ICU", "SUV", "ATM", "PIN", "FAQ", "ID", "SMS",
                        "URL", "MRI", "HGV", "LED", "PE", "IT", "AI", "OK", "PS", "VAT", "ETA", "DIY", "PR", "HR"}


def is_brand(token) -> bool:
    """A one-word name with a capital inside ("LetterLeap", "FineFighter"): a product or company, not a person."""
    text = token.text
    return bool(_BRAND.fullmatch(text)) and not any(
        text.startswith(p) and text[len(p):len(p) + 1].isupper() for p in _NAME_PREFIXES)


def is_acronym(token) -> bool:
    """An all-capital abbreviation such as ``UN`` or ``NHS`` (not ``GP`` or ``CCTV``)."""
    return token.text.isupper() and token.is_alpha and 2 <= len(token.text) <= 5 \
        and token.text not in COMMON_ABBREVIATIONS


class MentionFinder:
    """Mark proper-name mentions of people and organisations."""

    def __init__(self, nlp) -> None:
        self.given = word_labels("given_names")
        self.titles = word_labels("titles")
        self.roles = word_labels("roles")
        self.orgs = set(word_labels("org_words"))
        self.groups = word_labels("group_nouns")
        self.verbs = {w for w in word_labels("reporting_verbs") if " " not in w}

    def __call__(self, doc):
        """Write ``doc.spans["medialit_mentions"]``.

        Args:
            doc (Doc): a document with ``doc._.medialit_sentences``.

        RETURNS (Doc): the same document.
        """
        return self.set_annotations(doc, self.match(doc))

    # -- finding capitalised runs -------------------------------------------------------------
    def _initial(self, doc, i: int, sent_start: int) -> bool:
        """Whether token *i* stands where any word is capitalised (sentence or quotation start)."""
        j = i - 1
        while j >= sent_start and doc[j].text in _QUOTE_MARKS:
            j -= 1
        return j < sent_start or doc[j].text in (":", "\u2014", "\u2013", "-") or doc[j].text.startswith("@") or (
            "/" in doc[j].text and doc[j].text.replace("/", "").isdigit())

    def match(self, doc) -> list[tuple[int, int, str]]:
        """Return ``(start, end, label)`` token spans of name mentions."""
        midcap = set()
        for row in doc._.medialit_sentences:
            for i in range(row["token_start"], row["token_end"]):
                if is_cap(doc[i]) and not self._initial(doc, i, row["token_start"]) and row["kind"] == "body":
                    midcap.add(doc[i].text)
        out = []
        for row in doc._.medialit_sentences:
            if row["kind"] == "dateline":
                continue
            heading = row["kind"] in ("headline", "subhead")
            i, end = row["token_start"], row["token_end"]
            while i < end:
                tok = doc[i]
                if tok.text.startswith("@") and len(tok.text) > 1:
                    out.append((i, i + 1, "HANDLE"))
                    i += 1
                    continue
                if not self._name_start(doc, i, row["token_start"], midcap, heading):
                    i += 1
                    continue
                j = i + 1
                while j < end:
                    if is_cap(doc[j]) or is_acronym(doc[j]):
                        j += 1
                    elif is_middle_initial(doc, j, end):
                        j += 2 if doc[j].text.isalpha() and doc[j + 1].text == "." else 1
                    elif doc[j].text in _POSSESSIVE and j + 1 < end and is_cap(doc[j + 1]) \
                            and (self._org_follows(doc, j + 1, end, caps_only=True) or self._org_of(doc, i, j)):
                        j += 1  # "St Brennan's Hospital", "the Dock Workers' Union", "Association of Children's ..."
                    elif (doc[j].lower_ in CONNECTORS and j + 1 < end and (is_cap(doc[j + 1]) or (
                            doc[j + 1].lower_ == "the" and j + 2 < end and is_cap(doc[j + 2])))
                          and doc[j + 1].lower_ not in _DATE_WORDS):  # "Ines Varga on Tuesday"
                        if doc[j].lower_ == "and" and (not self._org_follows(doc, j + 1, end)
                                                       or doc[j - 1].lower_ in self.orgs) \
                                and not self._and_in_complement(doc, i, j, end):
                            break  # "Harlow Health Trust and Meadowside Clinic" are two names
                        j += 1
                    else:
                        break
                prev = doc[i - 1] if i > row["token_start"] else None
                split = self._person_after_org(doc, i, j)
                if split is not None:  # "Bank of England Governor Andrew Bailey": two mentions
                    out.append((i, split, self.classify(doc[i:split], prev) or "ORG"))
                    i, prev = split, doc[split - 1]
                split = self._org_after_person(doc, i, j)
                if split is not None:  # "Dr Sofia Brandt of Nordhavn University": a person and where they work
                    out.append((i, split, "PERSON"))
                    i, prev = split + 1, doc[split]
                label = self.classify(doc[i:j], prev)
                if label == "NAME" and self._person_shape(doc, i, j, row["token_start"], end):
                    label = "PERSON"  # "Tamsin Vell, a nurse, said": a name of unknown origin, placed like a person's
                elif label == "NAME" and _org_apposition(doc, j, end):
                    label = "ORG"  # "Sonaris Audio, which sells the device": a maker, not a person
                elif label == "ORG" and j - i == 1 and j < end and doc[j].like_num and doc[i].lower_ in self.orgs:
                    label = None  # "Line 3", "Terminal 2": a numbered thing, not an organisation
                if label:
                    out.append((i, j, label))
                i = j
        return _known_surnames(doc, out)

    def _org_of(self, doc, start: int, end: int) -> bool:
        """Whether the run so far is an organisation word and "of" ("Association of Children"): a possessive
        after it belongs to the name."""
        words = [doc[k].lower_ for k in range(start, end)]
        return "of" in words and any(w in self.orgs for w in words[:words.index("of")])

    def _name_start(self, doc, i, sent_start, midcap, heading) -> bool:
        tok = doc[i]
        if not (is_cap(tok) or is_acronym(tok)) or tok.lower_ in STOP_WORDS or tok.lower_ in _DATE_WORDS:
            return False
        if heading:
            return tok.text in midcap
        if self._initial(doc, i, sent_start):
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            return (tok.text in midcap or tok.lower_ in self.given or tok.lower_ in self.titles
                    or (nxt is not None and is_cap(nxt) and nxt.lower_ not in STOP_WORDS)
                    # "Brackenmoor and Stellham Borough Council has suspended ...": two places in one body's name
                    or (nxt is not None and nxt.lower_ == "and" and i + 2 < len(doc) and is_cap(doc[i + 2])
                        and self._org_follows(doc, i + 2, len(doc), caps_only=True))
                    or (nxt is not None and nxt.lower_ in self.verbs and self.groups.get(nxt.lower_) != "document"
                        and self._unknown_word(tok.lower_)))  # "Reuters reported"; not "Intelligence reports"
        return True

    def _person_shape(self, doc, i, j, sent_start, sent_end) -> bool:
        """Whether an unclassified run of two or three capitalised words sits where a person's name does.

        No lexicon knows the given name, so the words around decide: a job word before it ("nurse Tamsin
        Vell", "regional secretary Pieter Hallam"), an organisation's possessive ("the Agency's Rhiannon
        Pryce"), an apposition after it that gives an age or a job ("Tamsin Vell, 42," / ", a nurse," /
        ", regional secretary of the union,"), an affiliation (", of the union,") or a "who" clause
        ("Tamsin Vell, who ..."). Runs with acronyms, place or organisation words are not names of people.
        """
        words = doc[i:j]
        if not 2 <= len(words) <= 3 or any(not is_cap(t) or is_acronym(t) or t.lower_ in self.orgs
                                           or t.lower_ in PLACE_WORDS or t.lower_ in self.roles
                                           or t.lower_ in self.titles or t.lower_ in CONNECTORS for t in words):
            return False
        if i - 2 >= sent_start and doc[i - 1].lower_ == "of" and doc[i - 2].text == ",":
            return False  # an address: "Joanne Tilsley, 41, of Mill Rise, whose daughter ..."
        if i - 1 >= sent_start and doc[i - 1].is_lower and doc[i - 1].lower_ in self.roles:
            return True
        if i - 2 >= sent_start and doc[i - 1].text in _POSSESSIVE and is_cap(doc[i - 2]):
            return True  # "the Environment Agency's Rhiannon Pryce": someone who works there
        if j + 1 < sent_end and doc[j].text in _POSSESSIVE and doc[j + 1].lower_ in KIN_NOUNS:
            return True  # "Leonie Ngata's father": someone with a father is a person
        if i - 2 >= sent_start and doc[i - 1].text == "," and doc[i - 2].lower_ in self.roles:
            k = i - 2
            gendered = self.roles.get(doc[i - 2].lower_) in ("male", "female")
            while k > sent_start and k > i - 7 and doc[k - 1].text not in (",", ";", ":") \
                    and not (gendered and doc[k].lower_ in APPOSITION_DETERMINERS):
                k -= 1  # a job only a person holds, back to its determiner: "served the landlady, Carys Penhallow,"
            if doc[k].lower_ in APPOSITION_DETERMINERS or doc[k - 1].text in _POSSESSIVE:
                return True  # "The headteacher, Rukhsana Malik,": a job in apposition before the name
        if j + 1 >= sent_end or doc[j].text != ",":
            return False
        nxt = doc[j + 1]
        if nxt.lower_ == "who" or (nxt.like_num and j + 2 < sent_end and doc[j + 2].text == ","):
            return True
        if nxt.lower_ == "of" and j + 2 < sent_end and (doc[j + 2].lower_ == "the" or is_cap(doc[j + 2])):
            return True  # "Pieter Hallam, of the train crews' union,": where a person works
        k = j + 1
        if doc[k].lower_ in ("a", "an", "the"):
            k += 1
        seen = 0
        while k < sent_end and seen < 4 and doc[k].text not in (",", ";", ".", ":") and doc[k].lower_ != "of":
            if doc[k].lower_ in self.roles and not doc[k].text.isupper():
                return True
            if doc[k].text in _POSSESSIVE:
                seen = 0  # "the union's regional organiser"
            k += 1
            seen += 1
        return False

    def _unknown_word(self, low: str) -> bool:
        """A word no lexicon knows as a common noun: "Reuters reported", not "Residents say"."""
        return not (low in self.groups or low in self.roles or low in self.orgs or low.rstrip("s") in self.roles
                    or low.rstrip("s") in self.groups or low in self.verbs)

    def _person_after_org(self, doc, i, j) -> int | None:
        """Where a person's name (given name + capitalised word) starts after an organisation's name in one run."""
        for k in range(i + 1, j - 1):
            if doc[k].lower_ in self.given and is_cap(doc[k + 1]) \
                    and any(t.lower_ in self.orgs for t in doc[i:k]):
                if k - i <= 2 and self._title_word(doc[k - 1].lower_) and all(
                        t.lower_ in self.orgs or self._title_word(t.lower_) for t in doc[i:k]):
                    return None  # "Station Manager Carys Yelverton": a job title, then the person; no org
                return k
        return None

    def _org_after_person(self, doc, i, j) -> int | None:
        """Where "of"/"at"/"from" parts a person's name from their organisation in one run, or None."""
        for c in range(i + 2, j - 1):
            if doc[c].lower_ not in ("of", "at", "from"):
                continue
            named = any(doc[k].lower_ in self.given and is_cap(doc[k + 1]) for k in range(i, c - 1))
            if any(t.lower_ in self.orgs for t in doc[c + 1:j]) and (named or self._titled_name(doc, i, c)):
                return c
            if c - 2 >= i and doc[c - 2].lower_ in self.given and is_cap(doc[c - 1]):
                return c  # "Carl Rudd of Kestlow": a given name and a surname, then where the person is from
        return None

    def _titled_name(self, doc, i, c) -> bool:
        """Whether *i*..*c* is a title and then two or more other capitalised words ("Station Officer Kit
        Rosewarne"): a person's name even when the given name is not in the lexicon."""
        last = max((x for x in range(i, c) if doc[x].lower_ in self.titles), default=None)
        return last is not None and c - last - 1 >= 2 and all(
            is_cap(doc[x]) and doc[x].lower_ not in self.orgs and doc[x].lower_ not in self.titles
            for x in range(last + 1, c))

    def _org_follows(self, doc, j, end, caps_only: bool = False) -> bool:
        """Whether the capitalised run from *j* holds an organisation word (*caps_only*: in the run itself)."""
        k = j
        while k < end and (is_cap(doc[k]) or (not caps_only and doc[k].lower_ in CONNECTORS)
                           or (doc[k].text in _POSSESSIVE and k + 1 < end and is_cap(doc[k + 1]))):
            if doc[k].lower_ in self.orgs:
                return True
            k += 1
        return not caps_only and k < end and doc[k].lower_ in self.orgs

    # -- classifying --------------------------------------------------------------------------
    def _and_in_complement(self, doc, i: int, j: int, end: int) -> bool:
        """Whether the "and" at *j* joins words after an institution's "for"/"of", inside the name begun at *i*
        ("Brackwell Institute for Food and Health", "Department of Health and Social Care")."""
        return doc[j - 1].lower_ not in self.orgs and not self._org_follows(doc, j + 1, end) and any(
            doc[k].lower_ in ("for", "of") and doc[k - 1].lower_ in self.orgs for k in range(i + 1, j))

    def classify(self, span, prev=None) -> str | None:
        """Label a capitalised run ``PERSON``, ``ORG``, ``TITLE``, ``NAME``, or None for places and dates.

        *prev* is the token before the run: after "the" a run of job titles is a ``TITLE``.
        """
        words = [t.lower_ for t in span]
        if words[-1] == "park" and len(words) > 1 and words[-2] in ATTRACTIONS:
            return "ORG"  # "Whitlow Edge Wildlife Park" runs things and speaks; "Hyde Park" is a place
        if words[-1] in PLACE_WORDS or all(w in _DATE_WORDS for w in words):
            return None
        if self.is_title(span, prev):
            return "TITLE"
        if self._titled_tail(span) is not None:
            return "PERSON"  # "Industry Minister Dr Farida Kessler": the portfolio's org word names no org
        if any(w in self.orgs for w in words) or (len(span) == 1 and (is_acronym(span[0]) or is_brand(span[0]))):
            return "ORG"
        if self.person_core(span) is not None and any(w in self.given for w in words[:-1]):
            return "PERSON"  # "Minister for Public Safety Lidia Ferrante"
        if any(w in INSTITUTION_CONNECTORS for w in words[1:-1]):
            return "ORG"
        if self.person_core(span) is not None:
            return "PERSON"
        if len(span) == 1 and (words[0] in self.given or (prev is not None and prev.lower_ in _NAME_INTROS)):
            return "PERSON"  # a given name on its own: "Ines said", "who gave his name only as Piet"
        return "NAME"

    def _title_word(self, word: str) -> bool:
        word = word.rstrip(".")
        return word in self.titles or word in self.roles or word in _ADJECTIVES

    def is_title(self, span, prev=None) -> bool:
        """A job title used as a name: "the Superintendent", "the Chief Constable", "the Minister for Health".

        The run starts and ends with title words (or ends in a portfolio after "for"/"of"), comes after
        a determiner or possessive, and holds no given name.
        """
        words = [t.lower_ for t in span]
        if prev is None or not (prev.lower_ in _DETERMINERS or prev.text in _POSSESSIVE):
            return False
        if any(w in self.given for w in words) or any(w in self.orgs for w in words):
            return False
        cut = next((k for k, w in enumerate(words) if w in ("for", "of")), len(words))
        head = words[:cut]
        return bool(head) and all(self._title_word(w) for w in head) and (
            self.titles.get(head[-1]) is not None or head[-1] in self.roles)

    def _titled_tail(self, span):
        """The name after a courtesy title that follows a job ("Health Minister Dr Ana Ruiz" -> "Ana Ruiz").

        A courtesy title (Dr, Mr, Ms, Professor ...) right after a capitalised job word is followed by a
        person's name; one to three capitalised words that are no title, role or organisation word."""
        cut = next((k for k, t in enumerate(span) if t.text == "of"), len(span))
        span = span[:cut]  # "Station Manager Bernadette Quayle of Haldon Vale Fire and Rescue Service"
        words = [t.lower_.rstrip(".") for t in span]
        for k in range(1, len(words) - 1):
            courtesy = words[k] in self.titles
            # "Station Manager Carys Yelverton": a job word after an organisation's word, then a given name and
            # a surname
            job = words[k] in self.roles and len(words) - k - 1 == 2 and words[k - 1] in self.orgs
            if (courtesy or job) and span[k].text[:1].isupper():
                tail = span[k + 1:]
                if 1 <= len(tail) <= 3 and all(is_cap(t) and t.lower_ not in self.orgs and t.lower_ not in self.titles
                                               and t.lower_ not in self.roles for t in tail):
                    return tail
        return None

    def person_core(self, span):
        """The part of *span* that is a person's name, or None: titles and ranks are dropped."""
        tail = self._titled_tail(span)
        if tail is not None:
            return tail
        words = [t.lower_ for t in span]
        if len(span) == 1:
            return span if words[0] in self.given else None
        for k, w in enumerate(words):
            if w in self.given and k + 1 < len(span) and (is_cap(span[k + 1]) or _initial_shape(span[k + 1].text)):
                return span[k:]
        k = 0
        while k < len(span) - 1 and (words[k].rstrip(".") in self.titles or words[k] in self.titles
                                     or words[k] in self.roles or words[k] in _ADJECTIVES or is_acronym(span[k])):
            k += 1
        if k > 0 and not self._title_word(words[-1]):
            return span[k:]  # "Chief Executive" is a title with no name in it
        return None

    def set_annotations(self, doc, matches):
        """Write mention spans with their name, gender and role words."""
        self._bounds = {}
        for row in doc._.medialit_sentences:
            for i in range(row["token_start"], row["token_end"]):
                self._bounds[i] = (row["token_start"], row["token_end"])
        spans = []
        for start, end, label in matches:
            span = doc[start:end]
            core = self.person_core(span) if label == "PERSON" else span
            if core is None:
                core = span
            name = _strip_the(core.text) if label != "PERSON" else core.text
            address = start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text == ","
            if label == "NAME" and len(span) >= 2 and not address and self._named_by_job(doc, span):
                label = "PERSON"  # "Bernadette Quayle has been sub-postmistress": only a person holds that job;
                # not the address in "Joanne Tilsley, 41, of Mill Rise, whose daughter ..."
            roles = (self._roles_around(doc, span, core) if label == "PERSON"
                     else self._org_roles(doc, span) if label == "ORG" else set())
            span.label_ = label
            span._.mention = {"name": name, "gender": self._gender(span, core, roles) if label == "PERSON" else None,
                             "roles": roles}
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc

    def _gender(self, span, core, roles) -> str | None:
        first = core[0].lower_
        if self.given.get(first) in ("male", "female"):
            return self.given[first]
        for tok in span[: core.start - span.start]:
            label = self.titles.get(tok.lower_) or self.titles.get(tok.lower_.rstrip("."))
            if label in ("male", "female"):
                return label
        for word in roles:
            if self.roles.get(word) in ("male", "female"):
                return self.roles[word]
        return None

    def _roles_around(self, doc, span, core) -> set[str]:
        """Job words written with the name: before it, inside its titles, or in an apposition."""
        words = {t.lower_.rstrip(".") for t in span[: core.start - span.start]}
        sent = doc[slice(*self._bounds.get(span.start, (span.start, span.end)))]
        # lower-case role words right before the name: "spokesman Igor Konashenkov"
        i = span.start - 1
        role_seen = False
        while i >= sent.start and (doc[i].lower_ in self.roles or doc[i].lower_ in _ADJECTIVES
                                   or (is_cap(doc[i]) and doc[i].lower_ not in STOP_WORDS)
                                   or doc[i].lower_ in ("’s", "'s")):
            role_seen = role_seen or doc[i].lower_ in self.roles
            words.add(doc[i].lower_)
            i -= 1
        # and the words that make it a compound: "race director Ines Varga", "fire safety officer X"
        k = 0
        while role_seen and k < 2 and i >= sent.start and doc[i].is_lower and doc[i].is_alpha \
                and doc[i].lower_ not in STOP_WORDS and not doc[i].lower_.endswith("ly"):
            words.add(doc[i].lower_)
            i -= 1
            k += 1
        # apposition after: "Priya Hallam, the chief structural engineer,"
        if span.end < sent.end and doc[span.end].text == ",":
            words |= self._apposition(doc, span.end + 1, sent.end)
            words |= self._relative_role(doc, span.end + 1, sent.end)
        words |= self._predicate_role(doc, span.end, sent.end)
        # apposition before: "The harbourmaster, Colin Abara,"
        if span.start - 1 > sent.start and doc[span.start - 1].text == ",":
            j = span.start - 2
            while j > sent.start and doc[j].text not in (",", ";", ":") and not doc[j].is_quote:
                j -= 1
            first = doc[j + 1] if doc[j].text in (",", ";", ":") or doc[j].is_quote else doc[j]
            if first.lower_ in ("the", "a", "an", "its", "their"):  # "Its chief inspector, Tomasz Verhoeven,"
                words |= {t.lower_ for t in doc[first.i:span.start - 1] if t.is_alpha}
        return {w for w in words if w not in STOP_WORDS and w.isalpha() or "-" in w}

    def _predicate_role(self, doc, i, end, person_only: bool = False) -> set[str]:
        """A job given by "is", "was" or "has been" right after the name: "Bernadette Quayle has been
        sub-postmistress at the stores" (later "the sub-postmistress"). *person_only*: only a job no firm
        could hold (a known role, or a word ending like "postmistress", "florist", "groundsman")."""
        if i < end and doc[i].lower_ in ("is", "was"):
            i += 1
        elif i + 1 < end and doc[i].lower_ in ("has", "had") and doc[i + 1].lower_ == "been":
            i += 2
        else:
            return set()
        if i < end and doc[i].lower_ in ("the", "a", "an", "our", "their", "its", "his", "her", "my", "your"):
            i += 1  # "Bethan Price is our coordinator"
        words = []
        while i < end and len(words) < 3 and doc[i].is_lower and doc[i].lower_ not in STOP_WORDS \
                and all(part.isalpha() for part in doc[i].lower_.split("-")):
            words.append(doc[i].lower_)
            i += 1
        if not words or not (words[-1] in self.roles or person_noun(words[-1])):
            return set()
        if person_only and not self._person_job(words[-1]):
            return set()
        return set(words)

    def _person_job(self, word: str) -> bool:
        """A job no firm could hold: a role word, known or by its ending ("instructor", "postmistress"), that is
        not one a business is given ("maker", "producer", "owner")."""
        return (word in self.roles or person_noun(word)) and word not in APPOSITION_ORG_NOUNS | FIRM_JOBS

    def _named_by_job(self, doc, span) -> bool:
        """Whether an unknown two-word name is a person's, by the job given with it: "X has been
        sub-postmistress", "X, an instructor with the ski school," (a firm is "a maker", "the operator")."""
        end = self._bounds[span.start][1]
        if self._predicate_role(doc, span.end, end, person_only=True):
            return True
        i = span.end + 1
        if span.end >= end or doc[span.end].text != "," or i >= end or doc[i].lower_ not in ("a", "an", "the"):
            return False
        i += 1
        head = None
        while i < end and doc[i].is_lower and doc[i].lower_ not in STOP_WORDS \
                and all(part.isalpha() for part in doc[i].lower_.split("-")):
            head = doc[i].lower_
            i += 1
        return head is not None and self._person_job(head)

    def _apposition(self, doc, i, end) -> set[str]:
        if i >= end:
            return set()
        first = doc[i]
        owner = (is_cap(first) and i + 1 < end and doc[i + 1].text in _POSSESSIVE) or first.lower_ in ("its", "their")
        if not (first.lower_ in ("the", "a", "an") or first.lower_ in self.roles or first.lower_ in _ADJECTIVES
                or owner):  # "Imelda Harrowgate, Corrick's chief executive"
            return set()
        words = set()
        while i < end and doc[i].text not in (",", ";", ".", ":") and doc[i].lower_ not in ("who", "which", "whose"):
            if doc[i].is_alpha or "-" in doc[i].text:
                words.add(doc[i].lower_)
            i += 1
        return words


    def _org_roles(self, doc, span) -> set[str]:
        """What a relative clause says an organisation does ("the coalition, which organised the march,")."""
        sent_end = self._bounds.get(span.start, (span.start, span.end))[1]
        if span.end + 1 < sent_end and doc[span.end].text == ",":
            return self._relative_role(doc, span.end + 1, sent_end, ("which", "who", "that"))
        return set()

    def _relative_role(self, doc, i, end, pronouns=("who",)) -> set[str]:
        """The job a relative clause gives: "X, who directs the race," -> director, race."""
        if i + 1 >= end or doc[i].lower_ not in pronouns:
            return set()
        noun = agent_noun(doc[i + 1].lower_, self.roles)
        if noun is None:
            return set()
        words = {noun}
        k = i + 2
        while k < end and k - i < 7 and doc[k].text not in (",", ";", ".", ":"):
            if doc[k].is_alpha and doc[k].lower_ not in STOP_WORDS:
                words.add(doc[k].lower_)
            k += 1
        return words


# Verbs whose doer has a job title: "who directs the race" -> director.
AGENT_NOUNS = {"direct": "director", "lead": "leader", "led": "leader", "head": "head", "chair": "chair",
               "run": "head", "ran": "head", "manag": "manager", "own": "owner", "found": "founder",
               "edit": "editor", "organis": "organiser", "organiz": "organiser", "coach": "coach",
               "teach": "teacher", "taught": "teacher", "command": "commander", "represent": "representative",
               "govern": "governor", "presid": "president", "supervis": "supervisor", "investigat": "investigator",
               "research": "researcher", "advis": "adviser", "captain": "captain", "train": "coach",
               "speak": "spokesperson", "spoke": "spokesperson", "oversee": "head", "oversaw": "head",
               "chaired": "chair"}


def agent_noun(verb: str, roles) -> str | None:
    """The job title of whoever does *verb* ("directs" -> "director"), when it is one the roles lexicon knows."""
    for suffix in ("es", "s", "ed", "d", ""):
        if suffix and not verb.endswith(suffix):
            continue
        stem = verb[: len(verb) - len(suffix)] if suffix else verb
        for key in (stem, stem.rstrip("e")):
            if key in AGENT_NOUNS:
                return AGENT_NOUNS[key]
        for ending in ("er", "or", "r"):
            if stem + ending in roles:
                return stem + ending
    return None


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text
