"""Find the names of people and organisations an article mentions: Doc in, mention spans out.

Writes ``doc.spans["medialit_mentions"]``: one span per proper-name mention, labelled ``PERSON``,
``ORG``, ``HANDLE`` (``@name``) or ``NAME`` (a proper name of unknown kind). ``span._.mention`` holds
``name`` (the name without titles, e.g. ``Ruth Okonedo`` for ``Chief Fire Officer Ruth Okonedo``),
``gender`` (``male``/``female``/``None`` from given name, title or role word) and ``roles`` (the
job words around the name: ``{"chief", "fire", "officer"}``). Names are capitalised word runs,
read without a trained model; lexicons: given_names, titles, roles, org_words.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from .lexicon import word_labels

SPANS_KEY = "medialit_mentions"
CONNECTORS = {"of", "for", "without", "de", "van", "von", "der", "den", "del", "al", "la", "le", "du", "da", "di",
              "bin", "ibn", "and", "the", "on"}
INSTITUTION_CONNECTORS = {"of", "for", "without", "and", "the", "on"}
PLACE_WORDS = {"street", "road", "avenue", "lane", "square", "quay", "bridge", "river", "park", "hill", "hills",
               "valley", "province", "provinces", "county", "district", "way", "drive", "close", "crescent",
               "junction", "airbase", "base", "island", "islands", "mountains", "sea", "ocean", "bay", "harbour",
               "harbor", "gate", "terrace", "row", "meadows", "green", "place"}
_ADJECTIVES = {"senior", "deputy", "former", "lead", "local", "independent", "official", "acting", "chief", "head",
               "assistant", "principal", "regional", "national", "interim", "retired", "veteran"}
_DATE_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
               "easter", "christmas"}
_QUOTE_MARKS = set("\u201c\u201d\"\u00ab\u00bb\u201e\u2018\u2019'")


def is_cap(token) -> bool:
    """A capitalised word (not a number or mark): ``Konashenkov``, ``Ki-moon``, ``O'Brien``, ``Su-25``."""
    text = token.text
    if not text or not text[0].isupper():
        return False
    core = text.replace("-", "").replace("'", "").replace("\u2019", "")
    return core.isalpha() or ("-" in text and core.isalnum())


def is_acronym(token) -> bool:
    """An all-capital abbreviation such as ``UN`` or ``NHS``."""
    return token.text.isupper() and token.is_alpha and 2 <= len(token.text) <= 5


class MentionFinder:
    """Mark proper-name mentions of people and organisations."""

    def __init__(self, nlp) -> None:
        self.given = word_labels("given_names")
        self.titles = word_labels("titles")
        self.roles = word_labels("roles")
        self.orgs = set(word_labels("org_words"))

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
        starts = set()
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
                    elif (doc[j].lower_ in CONNECTORS and j + 1 < end and (is_cap(doc[j + 1]) or (
                            doc[j + 1].lower_ == "the" and j + 2 < end and is_cap(doc[j + 2])))):
                        if doc[j].lower_ == "and" and not self._org_follows(doc, j + 1, end):
                            break
                        j += 1
                    else:
                        break
                label = self.classify(doc[i:j])
                if label:
                    out.append((i, j, label))
                i = j
        return out

    def _name_start(self, doc, i, sent_start, midcap, heading) -> bool:
        tok = doc[i]
        if not (is_cap(tok) or is_acronym(tok)) or tok.lower_ in STOP_WORDS or tok.lower_ in _DATE_WORDS:
            return False
        if heading:
            return tok.text in midcap
        if self._initial(doc, i, sent_start):
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            return (tok.text in midcap or tok.lower_ in self.given or tok.lower_ in self.titles
                    or (nxt is not None and is_cap(nxt) and nxt.lower_ not in STOP_WORDS))
        return True

    def _org_follows(self, doc, j, end) -> bool:
        k = j
        while k < end and (is_cap(doc[k]) or doc[k].lower_ in CONNECTORS):
            if doc[k].lower_ in self.orgs:
                return True
            k += 1
        return k < end and doc[k].lower_ in self.orgs

    # -- classifying --------------------------------------------------------------------------
    def classify(self, span) -> str | None:
        """Label a capitalised run ``PERSON``, ``ORG``, ``NAME``, or None for places and dates."""
        words = [t.lower_ for t in span]
        if words[-1] in PLACE_WORDS or all(w in _DATE_WORDS for w in words):
            return None
        if any(w in self.orgs for w in words) or (len(span) == 1 and is_acronym(span[0])):
            return "ORG"
        if any(w in INSTITUTION_CONNECTORS for w in words[1:-1]):
            return "ORG"
        if self.person_core(span) is not None:
            return "PERSON"
        return "NAME"

    def person_core(self, span):
        """The part of *span* that is a person's name, or None: titles and ranks are dropped."""
        words = [t.lower_ for t in span]
        for k, w in enumerate(words):
            if w in self.given and k + 1 < len(span) and is_cap(span[k + 1]):
                return span[k:]
        k = 0
        while k < len(span) - 1 and (words[k].rstrip(".") in self.titles or words[k] in self.titles
                                     or words[k] in self.roles or words[k] in _ADJECTIVES or is_acronym(span[k])):
            k += 1
        if k > 0:
            return span[k:]
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
            roles = set() if label != "PERSON" else self._roles_around(doc, span, core)
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
        while i >= sent.start and (doc[i].lower_ in self.roles or doc[i].lower_ in _ADJECTIVES
                                   or (is_cap(doc[i]) and doc[i].lower_ not in STOP_WORDS)
                                   or doc[i].lower_ in ("’s", "'s")):
            words.add(doc[i].lower_)
            i -= 1
        # apposition after: "Priya Hallam, the chief structural engineer,"
        if span.end < sent.end and doc[span.end].text == ",":
            words |= self._apposition(doc, span.end + 1, sent.end)
        # apposition before: "The harbourmaster, Colin Abara,"
        if span.start - 1 > sent.start and doc[span.start - 1].text == ",":
            j = span.start - 2
            while j > sent.start and doc[j].text not in (",", ";", ":") and not doc[j].is_quote:
                j -= 1
            first = doc[j + 1] if doc[j].text in (",", ";", ":") or doc[j].is_quote else doc[j]
            if first.lower_ in ("the", "a", "an"):
                words |= {t.lower_ for t in doc[first.i:span.start - 1] if t.is_alpha}
        return {w for w in words if w not in STOP_WORDS and w.isalpha() or "-" in w}

    def _apposition(self, doc, i, end) -> set[str]:
        if i >= end:
            return set()
        first = doc[i]
        if not (first.lower_ in ("the", "a", "an") or first.lower_ in self.roles or first.lower_ in _ADJECTIVES):
            return set()
        words = set()
        while i < end and doc[i].text not in (",", ";", ".", ":") and doc[i].lower_ not in ("who", "which", "whose"):
            if doc[i].is_alpha or "-" in doc[i].text:
                words.add(doc[i].lower_)
            i += 1
        return words


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text
