"""Decide which sentences attribute a claim to someone: Doc in, attribution spans out.

Reads ``doc._.medialit_sentences``, ``doc.spans["medialit_quotes"]`` and
``doc.spans["medialit_mentions"]``; writes ``doc.spans["medialit_attribution"]`` with one span per
attributed sentence (the whole sentence), labelled

- ``direct``: the sentence is (mostly) a quotation with its speaker tag;
- ``indirect``: reported speech, a reporting verb and no quotation;
- ``mixed``: reported speech with quoted fragments;
- ``according_to``: "according to X", or a view given to its holder ("In her view, ...": the
  possessive is resolved like a pronoun);
- ``continued``: inside a quotation whose speaker is tagged elsewhere (other sentence or paragraph);
- ``anecdote``: an experience told of an unnamed acquaintance with no verb of saying ("My sister's
  friend took it and her headaches vanished").

Not tags: an instruction ("told travellers to take the bus"), a topic ("writes about politics"), a
verb whose lexicon entry says ``"needs": "that"`` without its clause ("recognises the need"), and "I
have heard" with no clause after it. A subject may stand before an aside ("Parents at the school, 400
metres from the plant, say") or be named in a relative clause ("a passenger who gave his name as X"); the
object inside a "who" clause is not the subject ("Experts who have seen the data said"), nor who saw a
document ("Records seen by the Post show"). Also tags: ", saying ..." after a main clause (its subject
speaks), a post that drops its "I" ("Heard the mayor ..."), a heading that names its source before a colon
("Police: driver fled"), and a notice or label that "lists" or "states" (with "says" it is a slogan).
Relayed speech counts as told: "A pest controller I know says", "Heard from a lad in the pub that", "keeps
telling me", "that's not what the drivers say", an email or letter "saying" (its sender speaks, not who got
it); so do summaries of an account ("gave a different account", "does not agree", "put the number higher").

``span._.attribution`` holds ``cue`` (the trigger: ``"said"``, ``"according to"``, ``"quotation"``),
``speaker_start``/``speaker_end`` (token offsets of the speaker words, or None), ``speaker_kind``
(``mention``, ``pronoun``, ``role``, ``group``, ``org``, ``document``, ``hearsay``),
``verb_start``/``verb_end`` (the tag's trigger words), ``stance`` (the reporting verb's lexicon
label), ``via`` (``tag``, ``chain`` or ``carry``) and ``chain_sid`` (the sentence whose tag speaks
for a continued quotation, or the previous attributed sentence for ``carry``).

Who a verb's subject is, is found by ``subjects.SubjectFinder`` (the finder's base class); the word
lists both read are in ``tag_words``.
"""

from __future__ import annotations

from spacy.lang.en.lex_attrs import like_num

from .lexicon import phrase_entries, phrase_matcher, word_labels
from .subjects import SubjectFinder, is_adverb, past_handle
from .tag_words import (ACQUAINTANCES, ADD_FORMS, ANECDOTE_NOT_VERBS, ANNOUNCING, ASIDES, BETWEEN_AUX, CHANGE_WORDS,
    CLAUSE_DETERMINERS, CLAUSE_VERBS, CONTACT_FILLERS, CONTACT_OPENERS, CONTACT_VERBS, DETERMINERS, DISCOURSE_OPENERS,
    FAR_PARTICIPLE, FINITE, HEADING_LABELS, ING_NOUNS, INSTRUCTING, KEEP_FORMS, LEADING_WORDS, MAX_SUBJECT, MODALS,
    NEAR_PARTICIPLE, NEEDS_CLAUSE, NEGATORS, NOT_A_CLAUSE, NOUN_USE, NUMBER_LEAD, PAPER_HEADS, PASSIVE, PASSIVE_REPORTS,
    PAST_FORMS, POSSESSIVE, POSSESSIVES, POSTNOMINAL, PREPOSITIONS, PRONOUNS, QUANTIFIERS, QUOTE_MARKS, RECORDING_VERBS,
    RELATIVES, SCENE_WORDS, SENDING, SKIPPABLE, SPOKEN_TO, STOPPERS, SUBORDINATORS, TOLL_WORDS, TOPIC_ONLY,
    WHEN_PREPOSITIONS, WHEN_WORDS)
from .terms import TIME_WORDS, person_noun

SPANS_KEY = "medialit_attribution"
NOUN_PHRASE_STARTS = {"the", "a", "an", "my", "your", "our", "his", "her", "their", "its"}
# Between "I" and "heard": "I have only just heard", "I've since heard".
HEARD_LEADS = {"have", "had", "'ve", "\u2019ve", "only", "just", "also", "once", "since", "now", "recently", "already",
               "even"}
# "gave a different figure", "offered a different explanation": verbs and nouns of a rival account.
GIVING_VERBS = {"gave", "gives", "give", "offered", "offers", "offer", "tells", "told", "tell", "paints", "painted",
                "had", "has", "gets", "put", "puts"}
ACCOUNT_NOUNS = {"explanation", "account", "figure", "figures", "version", "picture", "story", "reason", "view",
                 "number", "estimate", "total", "answer", "date", "time", "count", "tally"}
# Words that make an account a rival one: "a different figure", "a less orderly picture", "a rosier story".
RIVAL_WORDS = {"different", "less", "more", "other", "contrasting", "conflicting", "rival", "alternative", "opposite",
               "starkly", "bleak", "grim"}
# Nouns of a view held by someone named with a possessive: "By Quayle’s account", "In Ms Hart’s view".
NAMED_VIEWS = {"by": {"estimate", "estimates", "reckoning", "calculation", "calculations", "count", "reading",
                      "account", "tally", "own"},
               "in": {"view", "opinion", "words", "estimation", "assessment", "experience"}}
# Things a post types out besides documents: "Here's the sign typed out word for word: ...".
# Verbs a post uses to pass on a document it then quotes: "has asked us to share her letter: “...”".
PRESENTING = {"share", "sharing", "shared", "paste", "pasting", "pasted", "copy", "copied", "forward", "forwarded"}
TYPED_OUT = {"sign", "ticket", "sticker", "receipt", "text", "message", "reply"}
# What a source stands by: "stood by its account".
STOOD_BY = {"account", "claim", "claims", "story", "version", "statement", "comments", "remarks", "decision", "words",
            "assessment", "findings", "report", "warning", "position"}
# How a writer came by documents: "Documents I have seen suggest ...".
SEEN_FORMS = {"seen", "saw", "read", "obtained", "received", "reviewed"}
# What a person gives in words, opening a sentence before a colon: "Her verdict was blunt: “...”".
VERDICT_NOUNS = {"verdict", "answer", "reply", "response", "advice", "explanation", "reaction", "assessment",
                 "message", "warning", "diagnosis", "instructions", "words"}
# What "called the ... insulting" passes a verdict on: something said or decided.
JUDGED_THINGS = {"remark", "remarks", "comment", "comments", "decision", "decisions", "move", "plan", "plans",
                 "proposal", "proposals", "idea", "explanation", "response", "statement", "suggestion", "closure",
                 "ruling", "policy", "cuts", "scheme", "changes"}
# "called it off", "call it quits": no verdict given on anything.
CALL_IT_PARTICLES = {"off", "out", "up", "in", "back", "quits", "over", "down", "and", "to", "for", "by", "with"}
# What an estimate puts higher or lower: "puts the figure rather higher".
FIGURE_WORDS = {"figure", "figures", "number", "numbers", "toll", "total", "count", "cost", "costs", "estimate", "bill",
                "tally", "loss", "losses", "share", "rate"}
PUT_IT_MANNER = {"this", "like", "another", "more", "differently", "best", "simply", "mildly"}


class AttributionFinder(SubjectFinder):
    """Find each sentence's reporting tag, or the quotation that carries it."""

    def __init__(self, nlp) -> None:
        self._org_heads: set[str] = set()  # last words of the organisations the current Doc names
        self.verbs = phrase_matcher(nlp, "reporting_verbs")
        self.verb_entries = phrase_entries("reporting_verbs")
        self.sourcing = phrase_matcher(nlp, "sourcing_phrases")
        self.sourcing_entries = phrase_entries("sourcing_phrases")
        self.not_speech = phrase_matcher(nlp, "not_speech")
        self.not_speech_entries = phrase_entries("not_speech")
        self.roles = word_labels("roles")
        self.groups = word_labels("group_nouns")
        self.orgs = set(word_labels("org_words"))
        self.inanimate = {w for w, label in word_labels("not_speech").items() if label == "inanimate"}

    def __call__(self, doc):
        """Write ``doc.spans["medialit_attribution"]``.

        Args:
            doc (Doc): a document with sentence records, quotation and mention spans.

        RETURNS (Doc): the same document.
        """
        return self.set_annotations(doc, self.match(doc))

    # -- matching -------------------------------------------------------------------------------
    def match(self, doc) -> list[dict]:
        """Return one record per sentence: its tags, quotation chains and kind."""
        inside = [None] * len(doc)
        for k, span in enumerate(doc.spans.get("medialit_quotes", [])):
            for i in range(span.start, span.end):
                inside[i] = k
        quotes = list(doc.spans.get("medialit_quotes", []))
        mentions = {}
        for span in doc.spans.get("medialit_mentions", []):
            for i in range(span.start, span.end):
                mentions[i] = span
        self._org_heads = {span[-1].lower_ for span in doc.spans.get("medialit_mentions", [])
                           if span.label_ == "ORG" and len(span) > 1}
        blocked = set()
        not_tag_after = {}
        for match_id, start, end in self.not_speech(doc):
            entry = self.not_speech_entries[doc.vocab.strings[match_id]]
            if entry["label"] == "not_a_tag":
                if doc[end - 1].lower_ in ("nothing", "nobody") and end < len(doc) and (
                        doc[end].lower_ in MODALS or doc[end].lower_ in FINITE):
                    continue  # "says nothing will shut before the summer": "nothing" opens what is said
                if doc[end - 1].lower_ == "told" and start > 0 and (doc[start - 1].lower_ in ("i", "we") or (
                        doc[start].lower_ in ("was", "were") and _told_a_claim(doc, end, len(doc)))):
                    continue  # "Pupils were told to ..." names nobody who told; "We were told the ..." and "My
                    # wife rang and was told it's just Fridays" are hearsay
                if doc[start].lower_ == "to" and _ends_spoken_to(doc, start):
                    continue  # "Members I spoke to say": "to" ends the clause, "say" is the members' verb
                blocked.update(range(start, end))
            elif entry["label"] == "not_reporting_object":
                not_tag_after[start] = end
        verbs_at = {}
        for match_id, start, end in self.verbs(doc):
            entry = self.verb_entries[doc.vocab.strings[match_id]]
            if end - start > 1 or start not in verbs_at:
                verbs_at[start] = (end, entry)
        for find, lexicon_entry in SPLIT_PHRASES:
            for start, end in find(doc):
                if start not in verbs_at:
                    verbs_at[start] = (end, self.verb_entries[lexicon_entry])
        sourcing_at = {}
        for match_id, start, end in self.sourcing(doc):
            sourcing_at[start] = (end, self.sourcing_entries[doc.vocab.strings[match_id]])

        records = []
        for row in doc._.medialit_sentences:
            s, e = row["token_start"], row["token_end"]
            tags = []
            if row["kind"] != "dateline":
                unclosed = self._in_unclosed_quote(quotes, s, e)
                for i in range(s, e):
                    if i in sourcing_at and sourcing_at[i][1]["label"] == "according_to" and inside[i] is None:
                        tag = self._according(doc, i, sourcing_at[i][0], s, e, mentions)
                        if tag:
                            tags.append(tag)
                    if i in sourcing_at and sourcing_at[i][1]["label"] == "view" and inside[i] is None:
                        tag = self._view(doc, i, sourcing_at[i][0], s)
                        if tag:
                            tags.append(tag)
                    if doc[i].lower_ in ("by", "in") and inside[i] is None and i + 2 < e:
                        tag = self._named_view(doc, i, s, mentions)
                        if tag:
                            tags.append(tag)
                    if doc[i].lower_ == "quoting" and inside[i] is None:
                        tag = self._quoting(doc, i, e)
                        if tag:
                            tags.append(tag)
                    if doc[i].lower_ in PASSIVE_REPORTS and inside[i] is None:
                        tag = self._passive_tag(doc, i, s, e, mentions)
                        if tag:
                            tags.append(tag)
                    if i in verbs_at and i not in blocked and not _adds_quantity(doc, i, e):
                        if inside[i] is not None and not (unclosed and self._final_position(doc, i, verbs_at[i][0], e)):
                            continue
                        tag = self._verb_tag(doc, i, verbs_at[i][0], verbs_at[i][1], s, e, inside, mentions,
                                             not_tag_after, verbs_at)
                        if tag:
                            tags.append(tag)
                if not tags and row["kind"] in ("headline", "subhead"):
                    tag = self._heading_source(doc, s, e, mentions)
                    if tag:
                        tags.append(tag)
                if not tags and row["kind"] == "body" and not row["in_quote"]:
                    tag = self._presented_document(doc, s, e, inside, mentions) \
                        or self._anecdote(doc, s, e, inside, verbs_at) \
                        or self._named_before_colon(doc, s, e, inside, quotes, mentions) \
                        or _printed_in(doc, s, e, inside)
                    if tag:
                        tags.append(tag)
            chains = sorted({quotes[inside[i]]._.quote["chain"] for i in range(s, e) if inside[i] is not None
                             and quotes[inside[i]].label_ == "speech"})
            quoted = sum(1 for i in range(s, e) if inside[i] is not None and quotes[inside[i]].label_ == "speech")
            words = sum(1 for i in range(s, e) if not doc[i].is_punct and not doc[i].is_space)
            records.append({"row": row, "tags": tags, "chains": chains, "quoted": quoted, "words": max(words, 1)})
        return records

    @staticmethod
    def _rank(tag, tags, doc=None) -> int:
        """A tag's rank; a document that vouches for a person's words ("..., according to a recording")
        ranks below the person's own reporting verb, a refusal ("though the company declined to name any")
        below any claim the sentence reports, and a tag inside what another reports ("Lisa Ockwell said she
        was livid to hear that the organisers were blaming his health") below the tag that reports it."""
        if tag.get("refusal") and any(not t.get("refusal") for t in tags):
            return -1
        if doc is not None and any(_reported_within(doc, t, tag) for t in tags if t is not tag):
            return 0
        if tag["kind"] == "document" and any(t["kind"] in ("mention", "pronoun", "role") and not t["according"]
                                             for t in tags):
            return 0
        return tag["rank"]

    def _quote_ends_tagged(self, doc, j, s) -> bool:
        """A closing quotation mark before an inverted tag: `"...," said X` or a quotation opening the sentence."""
        if j - 1 >= s and doc[j - 1].text in (",", "?", "!", "\u2014"):
            return True
        k = j - 1
        while k >= s and doc[k].text not in QUOTE_MARKS:
            k -= 1
        return k >= s and not any(not t.is_punct for t in doc[s:k])

    def _heading_source(self, doc, s, e, mentions) -> dict | None:
        """"Union: ship sailed short-handed": a heading that names its source before a colon."""
        c = s
        while c < e and c - s <= 5 and doc[c].text != ":":
            if not (doc[c].is_alpha or doc[c].text in POSSESSIVE):
                return None
            c += 1
        if c >= e - 1 or c == s or doc[c].text != ":" or any(t.lower_ in HEADING_LABELS for t in doc[s:c]):
            return None
        quoted = c + 1 < e and doc[c + 1].text in (*QUOTE_MARKS, "\u2018", "'")
        if sum(1 for t in doc[c + 1:e] if not t.is_punct and not t.is_space) < 3 and not quoted:
            return None  # "Union: a profile" names a topic; "Company: ‘No danger’" quotes it
        if self._title_and_tagline(doc, c + 1, e):
            return None
        kind = self._subject_kind(doc, s, c, mentions)
        if kind is None and quoted and doc[s].lower_ not in DETERMINERS and doc[c - 1].is_alpha \
                and person_noun(doc[c - 1].lower_):
            kind = "role"  # "Former keeper: ‘The cracks were there in March’": a heading drops the article
        if kind not in ("mention", "role", "group", "org", "document"):
            return None
        return _colon_tag(c, s, c, kind)

    @staticmethod
    def _title_and_tagline(doc, a, e) -> bool:
        """"Westbrae Libraries: a modern library service for a digital age": a name and what it offers, in a
        release's or statement's own voice; no verb and no quotation after the colon, so nobody is quoted."""
        rest = [t for t in doc[a:e] if not t.is_punct or t.text in QUOTE_MARKS]
        if not rest or any(t.text in QUOTE_MARKS or t.lower_ in FINITE or t.lower_ in MODALS or t.lower_ in PAST_FORMS
                           or (t.is_lower and t.lower_.endswith("ed")) for t in rest):
            return False
        genre = (doc._.medialit_meta or {}).get("genre")
        return genre in ("press-release", "official-statement") or rest[0].lower_ in ("a", "an", "the", "our", "your")

    def _anecdote(self, doc, s, e, inside, verbs_at) -> dict | None:
        """"My sister's friend took X and ...": an experience told of an unnamed acquaintance, no verb of saying.

        Only second-hand stories count: a possessive chain ("my sister's friend") or an acquaintance ("my
        neighbour", "my naturopath"); what the writer's own family did the writer saw.
        """
        a = s
        while a < e and (doc[a].is_punct or doc[a].like_num or "/" in doc[a].text or doc[a].text.startswith("@")
                         or doc[a].text in QUOTE_MARKS):
            a += 1  # "3/7 @name:" opening a post
        if a >= e or doc[a].lower_ not in ("my", "our") or inside[a] is not None:
            return None
        last = None
        k = a + 1
        while k < e and k - a <= 4 and (doc[k].is_alpha or doc[k].text in POSSESSIVE):
            if doc[k].lower_ in self.roles:
                last = k
            elif doc[k].text not in POSSESSIVE and last is not None:
                break
            k += 1
        if last is None or last + 1 >= e:
            return None
        second_hand = any(t.text in POSSESSIVE for t in doc[a:last])  # "my sister's friend"
        if not second_hand and doc[last].lower_ not in ACQUAINTANCES:
            return None  # "my own daughter rolled her eyes": the writer saw it
        verb = doc[last + 1]
        if not verb.is_lower or not verb.is_alpha or verb.lower_ in ANECDOTE_NOT_VERBS or (last + 1) in verbs_at:
            return None
        return {"cue": "anecdote", "verb": (last + 1, last + 2), "speaker": (a, last + 1), "kind": "role",
                "stance": "neutral", "rank": 0, "according": False, "anecdote": True}

    def _after_comma(self, doc, a, s) -> bool:
        """Whether the "as" before a subject follows a comma: "..., as the minutes show."."""
        return a - 2 >= s and doc[a - 2].text == ","

    def _names_document(self, doc, a, b) -> bool:
        return any(self.groups.get(t.lower_) == "document" for t in doc[a:b])

    def _passive_tag(self, doc, i, s, e, mentions) -> dict | None:
        """"The figure was given to our reporter by a person who ...": the source after "by"."""
        aside = ("also", "later", "first", "then", "not")
        if i - 1 < s or doc[i - 1].lower_ not in PASSIVE and not (
                i - 2 >= s and (doc[i - 1].lower_ in aside or is_adverb(doc[i - 1])) and doc[i - 2].lower_ in PASSIVE):
            return None  # "was denied by", "was also denied by", "was flatly denied by"
        if doc[i].lower_ == "told" and i + 1 < e and doc[i + 1].lower_ == "off":
            return None  # "was told off by the referee": a telling-off reports no claim
        k = i + 1
        while k < e and k - i <= 5 and doc[k].lower_ != "by" and doc[k].text not in (",", ".", ";", ":"):
            k += 1
        if k >= e or doc[k].lower_ != "by":
            return None
        a = k + 1
        stop = a
        while stop < e and stop - a < MAX_SUBJECT and doc[stop].text not in (",", ".", ";", ":", "?", "!") \
                and doc[stop].text not in QUOTE_MARKS and (doc[stop].lower_ not in STOPPERS or stop == a) \
                and doc[stop].lower_ not in RELATIVES and not (stop > a and _when_follows(doc, stop, e)):
            stop += 1
        if stop == a:
            return None
        kind = self._subject_kind(doc, a, stop, mentions)
        if kind is None or kind == "pronoun":
            return None
        stop = _restrictive_clause(doc, a, stop, e)
        return {"cue": f"{doc[i].text} by", "verb": (i, i + 1), "speaker": (a, stop), "kind": kind,
                "stance": "neutral", "rank": 1, "according": False}

    def _in_unclosed_quote(self, quotes, s, e) -> bool:
        return any(q.start < e and q.end > s and not q._.quote["closed"] for q in quotes)

    def _final_position(self, doc, i, end, sent_end) -> bool:
        """A tag like ``, the spokesman said.`` that ends the sentence (also inside an unclosed quotation)."""
        rest = [t for t in doc[end:sent_end] if not t.is_punct]
        j = i - 1
        while j > 0 and doc[j].is_alpha and i - j < 6:
            j -= 1
        return not rest and doc[j].text == ","

    def _according(self, doc, i, end, s, e, mentions) -> dict | None:
        j = end
        stop = j
        while stop < e and stop - j < MAX_SUBJECT and doc[stop].text not in (",", ".", ";", ":", "?", "!") \
                and doc[stop].text not in QUOTE_MARKS and (doc[stop].lower_ not in STOPPERS or stop == j or (
                    doc[stop].lower_ == "than" and doc[stop - 1].lower_ in ("more", "fewer", "less"))) \
                and not (doc[stop].lower_ in ("who", "that") and doc[j].lower_ in ("a", "an", "one", "someone")):
            stop += 1
        if stop == j:
            return None
        for k in range(j + 1, stop):
            if doc[k].lower_ in ("i", "we", "you") and doc[k - 1].is_alpha:
                stop = k  # "according to figures I have seen": the figures
                break
            if doc[k].lower_ in ("it", "they", "there", "he", "she") and k + 1 < e and doc[k + 1].lower_ in FINITE:
                stop = k  # "According to the clearance firm it was a few hundred quid": no comma before the claim
                break
        kind = self._subject_kind(doc, j, stop, mentions, inanimate=True)
        kept = next((k for k in range(j + 1, stop - 1) if doc[k + 1].lower_ == "by" and _past_verb(doc[k])), None)
        if kind is None and kept is not None:
            stop = kept  # "according to the timing log kept by the organisers, Kelsworth Wheelers": the log
            kind = self._subject_kind(doc, j, stop, mentions, inanimate=True)
        if kind is None:
            return None
        stop = _restrictive_clause(doc, j, stop, e)
        before = [t for t in doc[s:i] if not t.is_punct and t.text not in QUOTE_MARKS]
        rank = 2 if not before else 3 if doc[i - 1].text == "," else 1
        return {"cue": doc[i:end].text, "verb": (i, end), "speaker": (j, stop), "kind": kind, "stance": "neutral",
                "rank": rank, "according": True}

    def _presented_document(self, doc, s, e, inside, mentions) -> dict | None:
        """"Here’s the refusal letter word for word: “...”": a post that types out a document quotes the document.

        Before a colon and the quotation it opens, "here" (or "word for word") and a document word ("letter",
        "ticket", "email") name what is quoted; the document speaks, as it would after "the letter says"."""
        c = _colon_before_quote(doc, s, e, inside)
        if c is None:
            return None
        lead = [t.lower_ for t in doc[s:c]]
        verbatim = "word for word" in " ".join(lead)
        presented = "here" in lead or "below" in lead or verbatim or bool(set(lead) & PRESENTING)
        head = next((k for k in range(s, c) if (self.groups.get(doc[k].lower_) == "document"
                                                or doc[k].lower_ in TYPED_OUT)
                     and doc[k].lower_ not in ("screenshot", "screenshots", "photo", "photos")), None)
        if head is None:
            if not presented:
                return None
            sent = self._what_was_sent(doc, s, c, mentions)
            return sent if sent is not None or not verbatim else self._verbatim_extract(doc, s, c)
        m = mentions.get(head + 1)
        if m is not None and m.start == head + 1 and m.end < c and doc[m.end].lower_ in SENDING \
                and m.label_ in ("PERSON", "ORG", "NAME"):
            # "This is the message Bounce Kingdom sent me tonight, word for word: “...”": its sender speaks
            return _colon_tag(c, m.start, m.end, "mention")
        if not presented and (not _sentence_quoted(doc, c + 1, e) or any(
                t.lower_ in ("he", "she", "they") or t.ent_type_ == "PERSON" for t in doc[s:c])):
            return None  # "Notice on the fence: “Courts closed until further notice.”" quotes the notice whole;
            # "she doesn't see a budget line, and she puts it simply: “...”" quotes her
        a = head
        while a - 1 >= s and a > head - 4 and doc[a - 1].is_alpha and doc[a - 1].lower_ not in (
                "here", "is", "of", "below", "word", "for", "asking", "keep", "to", "us", "you", "everyone") \
                and doc[a - 1].lower_ not in PRESENTING and not (not presented and doc[a].lower_ in DETERMINERS):
            a -= 1
        return _colon_tag(c, a, head + 1, "document")

    @staticmethod
    def _verbatim_extract(doc, s, c) -> dict | None:
        """"The key line, word for word: “...”": an extract typed out from a document the post names earlier;
        the extract's own words ("the key line") stand for the document."""
        a = s
        if doc[a].text.startswith("@") and a + 1 < c and doc[a + 1].text == ":":
            a += 2  # the thread's handle and its colon
        b = next((k for k in range(a, c) if doc[k].is_punct or doc[k].lower_ == "word"), c)
        if b == a or b - a > 4 or not all(doc[k].is_alpha and doc[k].lower_ not in PRONOUNS
                                          and not doc[k].lower_.endswith("ing") for k in range(a, b)):
            return None  # "The key line", not "Copying it"
        return _colon_tag(c, a, b, "document")

    def _documents_seen(self, doc, s, v):
        """"Documents I have seen suggest ...", "Emails we obtained show ...": the documents speak; the writer who
        saw them only vouches for them. (start, end, rank) of the documents, or None."""
        k = past_handle(doc, s, v)
        b = k
        while b < v and doc[b].is_alpha and doc[b].lower_ not in ("i", "we") and b - k < 4:
            b += 1
        rest = [t.lower_ for t in doc[b:v]]
        if b == k or self.groups.get(doc[b - 1].lower_) != "document" or not rest or rest[0] not in ("i", "we") \
                or rest[-1] not in SEEN_FORMS or len(rest) > 4:
            return None
        return k, b, 2

    def _what_was_sent(self, doc, s, c, mentions) -> dict | None:
        """"here’s what the instructor messaged my sister, copied word for word: “...”": who sent it speaks."""
        k = next((k for k in range(s, c) if doc[k].lower_ == "what"), None)
        if k is None:
            return None
        v = next((v for v in range(k + 2, min(c, k + 7)) if doc[v].lower_ in SENDING), None)
        kind = self._subject_kind(doc, k + 1, v, mentions) if v is not None else None
        if kind not in ("mention", "role", "org", "group"):
            return None
        return _colon_tag(c, k + 1, v, kind)

    @staticmethod
    def _named_before_colon(doc, s, e, inside, quotes, mentions) -> dict | None:
        """"Carol Byrne, regional organiser for the union, put the blame squarely on the council: “...”": a
        sentence that opens on a person's name and ends in a colon and a quotation quotes that person, whatever
        its verb (the verb lexicon cannot hold every "put the blame on")."""
        c = _colon_before_quote(doc, s, e, inside, quotes)
        a = past_handle(doc, s, e)
        if c is not None and a + 1 < c and _possessive_verdict(doc, a):
            # "Her verdict was blunt: “...”": what she said, in her own words
            return _colon_tag(c, a, a + 1, "pronoun")
        m = mentions.get(a)
        if c is None or m is None or m.start != a or m.end >= c or not (
                m.label_ == "PERSON" or m.label_ == "NAME" and len(m) >= 2):
            return None
        return _colon_tag(c, m.start, m.end, "mention")

    @staticmethod
    def _quoting(doc, i, e) -> dict | None:
        """"Quoting @dan_the_planner: '600 people ...'": a reply that repeats another post credits its handle."""
        if i + 1 >= e or not doc[i + 1].text.startswith("@") or len(doc[i + 1].text) < 2:
            return None
        return {"cue": doc[i].text, "verb": (i, i + 1), "speaker": (i + 1, i + 2), "kind": "mention",
                "stance": "neutral", "rank": 2, "according": False}

    def _view(self, doc, i, end, s) -> dict | None:
        """"In her view, ...", "in their opinion": the possessive names who holds the view (resolved like a pronoun)."""
        owner = i + 1
        if doc[owner].lower_ not in POSSESSIVES:
            return None
        before = [t for t in doc[s:i] if not t.is_punct and t.text not in QUOTE_MARKS]
        rank = 2 if not before else 3 if doc[i - 1].text == "," else 1
        return {"cue": doc[i:end].text, "verb": (i, end), "speaker": (owner, owner + 1), "kind": "pronoun",
                "stance": "neutral", "rank": rank, "according": True}

    def _named_view(self, doc, i, s, mentions) -> dict | None:
        """"By Quayle’s account, ...", "In Ms Hart’s view": the view of the one named before the possessive, as
        "by her account" is hers."""
        m = mentions.get(i + 1)
        if m is not None and m.start == i + 1 and m.label_ in ("PERSON", "NAME", "ORG"):
            a, k, kind = m.start, m.end, "mention"
        elif doc[i + 1].lower_ == "the" and self.lexical_kind(doc[i + 2].lower_) in ("org", "role"):
            a, k, kind = i + 1, i + 3, self.lexical_kind(doc[i + 2].lower_)  # "In the partnership’s view"
        else:
            return None
        if k + 1 >= len(doc) or doc[k].text not in POSSESSIVE or doc[k + 1].lower_ not in NAMED_VIEWS.get(
                doc[i].lower_, ()):
            return None
        if doc[k + 1].lower_ == "own":  # "by Hale's own account", not "by the company's own rescue cabin"
            if k + 2 >= len(doc) or doc[k + 2].lower_ not in NAMED_VIEWS["by"] | {"admission"}:
                return None
            k += 1
        before = [t for t in doc[s:i] if not t.is_punct and t.text not in QUOTE_MARKS]
        rank = 2 if not before else 3 if doc[i - 1].text == "," else 1
        return {"cue": doc[i:k + 2].text, "verb": (i, k + 2), "speaker": (a, k), "kind": kind,
                "stance": "neutral", "rank": rank, "according": True}

    def _initial(self, doc, i, s) -> bool:
        j = i - 1
        while j >= s and (doc[j].text in QUOTE_MARKS or doc[j].is_space):
            j -= 1
        return j < s or doc[j].text in (":", "\u2014", "\u2013")

    def _verb_tag(self, doc, i, end, entry, s, e, inside, mentions, not_tag_after, verbs_at) -> dict | None:
        prev = doc[i - 1] if i > s else None
        if doc[i].text[:1].isupper() and not self._initial(doc, i, s):
            return None  # "the Islamic State", "Said Ahmed"
        if prev is not None and (prev.lower_ in NOUN_USE and not (prev.text[:1].isupper() and i - 1 > s)
                                 or prev.text in ("-", "\u2010")):
            return None  # "the first reports"; not "Vale Patients First claims"
        if prev is not None and doc[i].lower_.endswith("ed") and (
                prev.lower_ in PREPOSITIONS or (prev.lower_.endswith("ing") and prev.is_lower
                                                and prev.lower_ not in ING_NOUNS)):
            return None  # an adjective: "ignoring repeated complaints", "with added sugar"
        nxt = doc[end] if end < e else None
        if end in not_tag_after:
            return None
        if nxt is not None and prev is not None and prev.lower_ in QUANTIFIERS and nxt.is_lower and _past_verb(nxt):
            return None  # "many reports went unanswered": a noun after "many", its verb right after it
        stance = entry["label"]
        # "reckons it's only a matter of time": "it" + a finite verb opens a clause, it is no object
        opens_clause = _pronoun_opens_clause(doc, end, e)
        # "reckons at least eleven weddings were moved": "at least" opens a figure, not a phrase
        opens_clause = opens_clause or (nxt is not None and nxt.lower_ == "at" and end + 1 < e
                                        and doc[end + 1].lower_ in ("least", "most"))
        clause = opens_clause or not (nxt is None or (nxt.is_punct and nxt.text not in QUOTE_MARKS)
                                      or nxt.lower_ in NOT_A_CLAUSE)
        if entry.get("needs") == "that" and not (nxt is None or nxt.lower_ in ("that", ":") or nxt.text in QUOTE_MARKS
                                                 or nxt.text in (".", "!", "?", ";") or _closes_aside(doc, i, nxt, s)) \
                and not (entry["id"] == "report" and _change_follows(doc, end, e)):
            return None  # "recognises that ..." reports, "recognises the need" does not; "butchers report falling
            # sales" reports a change, "report the incident" does not
        if entry.get("needs") == "quote_next" and not _quote_opens_next(doc, e) and not (
                nxt is not None and (nxt.text == ":" or nxt.text in QUOTE_MARKS)) and not (
                entry["id"] == "stand by" and _stood_by_claim(doc, end, e)):
            return None  # "defended the wording." or "was unruffled:" introduce the quotation after them, "stood by
            # its figure" names its claim; "defended the title", "stands by the river" do not
        if entry.get("needs") == "claim" and not _claim_object(doc, end, e) and not _quote_opens_next(doc, e) \
                and not (entry["id"] == "not accept" and nxt is not None and nxt.lower_ == "that"):
            return None  # "questioned the figures" doubts a claim; "police questioned two men" does not
        if self._instruction(doc, end, e, entry) or (
                self._topic_only(doc, end, e, inside) and entry["id"] != "decline to say"
                and not (entry["id"] == "warn" and _warning_voiced(doc, end - 1, inside))):
            return None  # a refusal names its topic: "declined to answer questions about the pumps"
        # a verb of belief or finding needs a clause after it; "puts her trade at 150 a day" has its figure
        # checked below instead
        needs_clause = stance in NEEDS_CLAUSE and entry["id"] != "put at"
        if needs_clause and nxt is not None and nxt.lower_ in NOT_A_CLAUSE and not opens_clause:
            return None  # "believes in", "thinks it over"
        if nxt is not None and nxt.lower_ in ("that", "this", "it", "so", "so.") and (
                end + 1 >= e or doc[end + 1].is_punct and doc[end + 1].text not in QUOTE_MARKS
                and not (nxt.lower_ == "that" and doc[end + 1].text == "," and _clause_resumes(doc, end + 1, e))) \
                and stance not in ("denial", "doubting"):
            return None  # "a GP would say that." - no claim is reported; "The trust disputes this." is a denial;
            # but "acknowledged that, in the third week, the group had moved" reports a clause past its aside
        aux = _auxiliary_before(doc, i, s)
        only = aux is not None and aux.lower_ == "would" and (doc[i - 1].lower_ == "only" or (
            nxt is not None and nxt.lower_ == "only"))  # "would say only that": all they said, not a hypothesis
        if aux is not None and not only and ((aux.lower_ in PASSIVE and not doc[i].lower_.endswith("ing"))
                                             or (aux.lower_ in MODALS and not doc[i].lower_.endswith("ed"))):
            return None  # "were warned", "are now expected to" (passive), "would say" (hypothetical); "are saying"
        if entry["id"] == "call" and not self._quote_follows(doc, end, e, inside) and (
                nxt is None or nxt.lower_ not in ("for", "on")) and not (
                nxt.lower_ in ("that", "this", "it") and end + 1 < e and (
                    doc[end + 1].lower_ in ("a", "an") or doc[end + 1].is_lower and doc[end + 1].is_alpha
                    and doc[end + 1].lower_ not in CALL_IT_PARTICLES)) and not (
                nxt.lower_ in ("the", "those", "these", "its", "their", "his", "her") and (
                    _claim_object(doc, end, e) or _judged_thing(doc, end, e))):
            return None  # "called for", 'called it "a disgrace"', "calls this progress", "called the results thin";
            # not "called Tom", "called it off"
        described_thing = False
        if entry["id"] == "describe" and not any(t.lower_ == "as" for t in doc[end:e]) and not (
                nxt is not None and (nxt.lower_ in ("how", "what", "seeing", "hearing") or nxt.lower_.endswith("ing"))):
            if nxt is None or nxt.lower_ not in ("a", "an") and not any(
                    t.lower_ in SCENE_WORDS for t in doc[end:min(e, end + 3)]):
                return None  # "described it as", "described hearing a bang"; not "described the building"
            described_thing = True  # "Passengers described a long wait": only when people do the describing
        told = nxt
        if nxt is not None and nxt.lower_ == "to" and end + 2 < e and doc[end + 1].lower_ in ("me", "us", "him", "her",
                                                                                             "them"):
            told = doc[end + 2]  # "put it to me more bluntly"
        if entry["id"] == "put it" and not (told is None or told.is_punct or told.text in QUOTE_MARKS
                                            or told.lower_.endswith("ly") or told.lower_ in PUT_IT_MANNER
                                            or (told.lower_ in ("at", "nearer", "closer")
                                                and _figure_follows(doc, told.i + 1, e))):
            return None  # "as she put it,", "put it bluntly", "put it this way", "puts it at 8.40pm"; not "put it
            # in the bin"
        if entry["id"] == "put at" and not any(
                t.lower_ in ("at", "nearer", "closer") and _figure_follows(doc, k + 1, e)
                for k, t in enumerate(doc[end:min(e, end + 14)], start=end)) and not _figure_compared(doc, end, e):
            # "puts the saving from a typical 4 kW system at £480", "put the number affected far higher"
            return None
        if entry["id"] == "claim" and nxt is not None and (
                _figure_follows(doc, end, e) or any(t.lower_ in TOLL_WORDS for t in doc[end:min(e, end + 5)])) \
                and not _clause_follows(doc, end, e):
            return None  # "the reef has claimed at least a dozen vessels", "claimed three lives": a toll
        if entry["id"] == "count" and not _figure_follows(doc, end, e):
            return None  # "counted 34", not "counted the votes"
        if stance == "hearsay":
            return self._hearsay(doc, i, end, s, e, nxt, mentions)
        kept_up = doc[i].lower_.endswith("ing") and prev is not None and prev.lower_ in KEEP_FORMS
        participle = doc[i].lower_.endswith("ing") and not (prev is not None and prev.lower_ in PASSIVE) \
            and not kept_up  # "the chat bot keeps telling me ..." speaks like "tells"
        strict = True
        # read leftwards over "has also", "earlier", "definitely" ...
        j = i - 1
        while j >= s:
            if doc[j].lower_ in SKIPPABLE | NEGATORS or is_adverb(doc[j]) or (kept_up and j == i - 1):
                if doc[j].lower_ in NEGATORS:
                    return None
                j -= 1
            elif doc[j].text == "," and j - 2 >= s and doc[j - 1].lower_ in ASIDES and doc[j - 2].text == ",":
                j -= 3  # "Okonedo, however, insisted"
            elif doc[j].lower_ == "to" and (before := self._eager_to(doc, j, s)) is not None:
                j = before  # "The trust is delighted to announce", "She was careful to add"
            else:
                break
        if participle:
            return self._participle(doc, i, end, j, s, entry, mentions)
        quoted_after = end < e and inside[end] is not None
        inserted = self._inserted_tag(doc, j, end, s, e, entry, mentions)
        if inserted is not None:
            return inserted
        subject = self._spoken_to(doc, s, j + 1, mentions) or self._reduced_relative(doc, s, j + 1, mentions) or \
            self._subject_before(doc, s, j + 1, inside, mentions, quoted_after=quoted_after) or \
            self._documents_seen(doc, s, j + 1)
        if subject is not None:
            documents = any(self.groups.get(t.lower_) == "document" for t in doc[subject[0]:subject[1]])
            subject = (subject[0], _before_contact_clause(doc, subject[0], subject[1], documents), subject[2])
            subject = (_after_opening_phrase(doc, s, subject[0], subject[1]), subject[1], subject[2])
        if subject is not None and doc[subject[0]].lower_ in ("by", "with", "to", "for", "from") \
                and doc[subject[0]].is_lower and subject[0] - 1 > s and doc[subject[0] - 1].text == ",":
            # "Lullo, whose app is used, it claims, by two million families, dismissed": the phrase ends an aside;
            # the subject opens the sentence
            opening = self._opening_subject(doc, s, subject[0] - 1, mentions, documents=True)
            subject = (opening[0], opening[1], 1) if opening is not None else None
        if subject is not None and self._subject_kind(doc, subject[0], subject[1], mentions,
                                                      inanimate=entry["id"] in RECORDING_VERBS) is None:
            x, y = self._relative_antecedent(doc, s, subject[0], subject[1], mentions)
            subject = (x, y, subject[2]) if (x, y) != subject[:2] else \
                self._past_aside(doc, s, subject[0], inside, mentions)
        if subject is not None:
            a, b, rank = subject
            a, b = self._relative_antecedent(doc, s, a, b, mentions)
        elif j >= s and (doc[j].text == "," or (doc[j].text in QUOTE_MARKS and self._quote_ends_tagged(doc, j, s))
                         or doc[j].text in ("\u2019", "'") and j - 1 >= s and doc[j - 1].text in (",", "?", "!")):
            # inverted: `," said Okonedo.` / `, said the spokesman.`
            stop = end
            while stop < e and stop - end < 8 and doc[stop].text not in (",", ".", ";", ":", "?", "!") \
                    and doc[stop].text not in QUOTE_MARKS and doc[stop].lower_ not in STOPPERS:
                stop += 1
            opening = None
            if stop == end:
                # nothing after the verb: not inverted but a subject set off by an aside that holds a
                # quotation ("The press release, issued under the headline “...”, told a different story")
                opening = self._opening_subject(doc, s, j, mentions, documents=True)
                if opening is None or not any(inside[k] is not None for k in range(opening[1], j)):
                    # "Pat Lusby, 58, who runs the stall, disagreed.": a speaker named before an aside
                    opening = self._opening_subject(doc, s, j, mentions)
                    if opening is None or doc[opening[1]].text != "," or self._subject_kind(
                            doc, opening[0], opening[1], mentions) not in ("mention", "role"):
                        return None
                stop = None
            elif stop - end == 1 and doc[end].lower_ in PRONOUNS and stop < e and doc[stop].lower_ in FINITE:
                return None  # "said it had cut": the pronoun opens the reported clause, it does not speak
            pronoun_clause = stop is not None and stop - end >= 2 and doc[end].lower_ in PRONOUNS \
                and (doc[end + 1].lower_ in FINITE or _past_verb(doc[end + 1]))
            if stop is not None and (stop < e and doc[stop].lower_ in FINITE or pronoun_clause):
                # "..., said she begged a member of staff": a pronoun and its verb open the reported clause too
                # ", said the crew had waited": the words open the reported clause; the speaker is the
                # noun phrase that opens the sentence ("A miner who ..., and who ..., said")
                opening = self._opening_subject(doc, s, j, mentions)
                if opening is None:
                    return None
                stop = None
            elif stop is not None and stop < e and stop - end >= 2 and doc[stop].text in ("\u201c", "\u2018", '"') \
                    and stop + 1 < e and doc[stop + 1].is_alpha:
                # "The press release, headlined “...”, said the research involved “nearly 2,000 ...”": the
                # quotation before the verb sits inside the subject, and the words after it open what was said
                opening = self._opening_subject(doc, s, j, mentions, documents=True)
                if opening is not None:
                    stop = None
            # `said our chair, Rebecca Lowe.`: the name in apposition is the speaker
            if stop is None:
                a, b, rank = opening[0], opening[1], 1
            elif stop + 1 < e and doc[stop].text == "," and stop + 1 in mentions and (
                    mentions[stop + 1].label_ == "PERSON" or mentions[stop + 1].label_ == "NAME"
                    and len(mentions[stop + 1]) >= 2 and mentions[stop + 1].start == stop + 1
                    and self._subject_kind(doc, end, stop, mentions) != "mention"
                    and not any(t.lower_ in self.roles for t in mentions[stop + 1])):
                # `said our helm, Kirsty Vance.`; not `said Dr Farida Quist, Chief Executive of the authority.`
                m = mentions[stop + 1]
                a, b, rank = m.start, m.end, 3
            else:
                a, b, rank = end, stop, 3
        elif j >= s and doc[j].lower_ in ("and", "but"):
            # coordinated: "A 2024 review ... looked at 11 studies and found ..."
            first = self._first_segment(doc, s, j) or self._main_subject(doc, s, j)
            if first is None:  # "The researchers followed 318,400 adults ... for 11.6 years and found ..."
                return None
            a, b, rank = first[0], first[1], 1
            strict = False
        else:
            return None
        if any(k in verbs_at and not (self.groups.get(doc[k].lower_) == "document" and (
                   k == b - 1 or k > a and (doc[k - 1].lower_ in NOUN_USE or doc[k - 1].text in POSSESSIVE
                                            or doc[k - 1].is_lower and doc[k - 1].is_alpha)))
               and not (k in mentions and k > a and doc[k].text[:1].isupper())
               and not (a < k < b - 1 and doc[k].lower_.endswith("ing") and doc[k - 1].lower_ in NOUN_USE)
               for k in range(a, b)):
            # the words before swallowed another reporting verb ("reports" as a noun is fine, and so is a
            # verb in -ing used as a modifier: "The forecasting service says")
            return None
        while a < b and not (doc[a].is_alpha or doc[a].text[:1].isalnum() or doc[a].text.startswith("@")):
            a += 1  # a stray quotation mark or apostrophe: "’ Doyle"
        while a + 1 < b and doc[a].lower_ in DISCOURSE_OPENERS:
            a += 1  # "Anyway the governor told my wife"
        while a + 1 < b and doc[a].text.startswith("@") and len(doc[a].text) > 1 and doc[a + 1].is_alpha:
            a += 1  # "@HelenaVoss Studies show ...": a reply names whom it answers, then its subject
        a = _contact_clause(doc, a, b)
        skind = self._subject_kind(doc, a, b, mentions, strict, inanimate=entry["id"] in RECORDING_VERBS)
        if skind == "pronoun" and entry["id"] == "be certain" and doc[a].lower_ in ("it", "this", "that"):
            return None  # "It is certain that ...": nobody is certain, the sentence asserts
        if skind is None or _nobody(doc, a, b):
            return None  # "and that not one resident had complained": nobody is no source
        if skind == "pronoun" and _names_what_was_said(doc, a, s, nxt):
            return None  # "no sign of the rebate they promised": the promise is named, not reported
        ends = nxt is None or nxt.text in (".", "!", "?", ";")
        lead = doc[a - 1].lower_ if a - 1 >= s else None
        if ends and lead in SUBORDINATORS and not (lead == "as" and self._after_comma(doc, a, s)):
            return None  # "as he spoke.": the verb reports nothing
        if ends and lead == "as":
            rank = 3  # ", as the minutes show.": the source of what comes before
        parenthetical = nxt is not None and nxt.text == "," and a - 1 >= s and doc[a - 1].text == ","
        if needs_clause and not clause and rank < 3 and not parenthetical:
            return None  # "found the body" is no report; ", figures show." at the end is, and ", they found," is
        if entry["id"] in ("reply", "respond", "disagree") and not clause and (
                _counted(doc[a]) or doc[i - 1].text != "," and any(
                    _counted(t) or t.lower_ in ("cent", "%") for t in doc[max(s, i - 3):i])):
            return None  # "412 people responded", "61 per cent disagreed with": a count of answers, no account
        if entry["id"] in ("understand", "learn") and self._names_outlet(doc, a, b):
            return None  # "The Courier understands that ...": the article's own voice, unattributed
        if described_thing and skind not in ("mention", "pronoun", "role", "group"):
            return None  # "The report described a rise": a document describing is no account given
        if entry["id"] in ("show", "prove", "demonstrate", "find") \
                and skind in ("mention", "pronoun", "role", "group") and rank < 3 \
                and nxt is not None and nxt.lower_ not in ("that", ":") and nxt.text not in QUOTE_MARKS \
                and not self._names_document(doc, a, b) and not parenthetical:
            return None  # "officers showed great restraint": a person showing is no finding
        if skind == "mention":
            b = _person_before_affiliation(doc, a, b, mentions)
        if b - a == 2 and _possessive_verdict(doc, a):
            b, skind = a + 1, "pronoun"  # "Her verdict was blunt": she speaks
        if skind == "group" and a - 2 >= s and doc[a - 1].lower_ == "and" and doc[a].lower_ != "the" \
                and self.lexical_kind(doc[a - 2].lower_) == "group":
            a -= 2  # "Guests and staff told the paper": both groups speak
        return {"cue": doc[i:end].text, "verb": (i, end), "speaker": (a, self._trim(doc, a, b, skind, strict)),
                "kind": skind, "stance": stance, "rank": rank, "according": False,
                "refusal": entry["id"] == "decline to say"}

    def _inserted_tag(self, doc, j, end, s, e, entry, mentions) -> dict | None:
        """"Parents, said its managing director, Sylvia Marchbank, “know ...”": "said" and its speaker set off by
        commas inside the claim; the speaker comes after the verb, not before it."""
        if entry["id"] not in ("say", "add") or j < 0 or doc[j].text != "," or end >= e:
            return None
        fronted = [t for t in doc[s:j] if not t.is_punct and t.text not in QUOTE_MARKS]
        if not fronted or len(fronted) > 5 or any(t.i in mentions or t.lower_ in self.roles for t in fronted):
            return None  # "Derek Hanley, 71, of Felsham, said his wife, Pauline, had ...": the name before speaks
        stop = end
        while stop < e and stop - end < 10 and doc[stop].text not in (",", ".", ";", ":") \
                and doc[stop].text not in QUOTE_MARKS:
            stop += 1
        if stop == end or stop >= e or doc[stop].text != ",":
            return None
        if stop + 1 < e and doc[stop + 1].text not in QUOTE_MARKS and stop + 1 in mentions:
            stop = mentions[stop + 1].end  # "its managing director, Sylvia Marchbank,": the name in apposition
            if stop >= e or doc[stop].text != ",":
                return None
        if doc[end].lower_ in PRONOUNS or any(t.is_lower and (t.lower_ in FINITE or _past_verb(t))
                                              for t in doc[end:stop]):
            return None  # ", said their chair stopped ...": a clause, not a speaker
        kind = self._subject_kind(doc, end, stop, mentions)
        if kind not in ("mention", "role"):
            return None
        return {"cue": doc[j + 1:end].text, "verb": (j + 1, end), "speaker": (end, stop), "kind": kind,
                "stance": entry["label"], "rank": 3, "according": False}

    def _spoken_to(self, doc, s, v, mentions) -> tuple[int, int, int] | None:
        """"Members I spoke to say ...", "Residents we have talked to insist ...": the people the writer spoke to
        speak, not the writer. (start, end, rank) of the people before "I"/"we", or None."""
        k = v - 1
        if k > s and doc[k].lower_ in ("to", "with"):
            k -= 1
        k = _writer_before(doc, s, k)
        if k is None:
            return None
        a = past_handle(doc, s, k)
        if a >= k or self._subject_kind(doc, a, k, mentions) is None:
            return None
        return a, k, 1

    @staticmethod
    def _eager_to(doc, j, s) -> int | None:
        """Where to read on leftwards from the "to" at *j* in "is delighted to", "was careful, however, to",
        "was at pains to" (the word before the auxiliary), or None when no such frame stands before it."""
        k = j - 1
        if k - 2 >= s and doc[k].text == "," and doc[k - 1].lower_ in ASIDES and doc[k - 2].text == ",":
            k -= 3
        if k - 1 >= s and doc[k].lower_ in ANNOUNCING and doc[k - 1].lower_ in PASSIVE:
            return k - 2
        if k - 2 >= s and doc[k].lower_ == "pains" and doc[k - 1].lower_ == "at" and doc[k - 2].lower_ in PASSIVE:
            return k - 3
        return None

    @staticmethod
    def _names_outlet(doc, a, b) -> bool:
        """Whether doc[a:b] is the article's own outlet ("The Courier" for "The Kelbridge Courier")."""
        outlet = (doc._.medialit_meta or {}).get("outlet") or ""
        words = {w.lower() for w in outlet.replace("(", " ").split()} - {"the", "a", "of"}
        named = [t.lower_ for t in doc[a:b] if t.is_alpha and t.lower_ not in ("the", "a", "of")]
        return bool(named) and all(w in words for w in named)

    def _instruction(self, doc, end, e, entry) -> bool:
        """"told travellers to try the buses", "asked everyone to stand": an instruction, no claim reported.

        An object of up to five words, then "to" and a verb ("to" before a noun is a recipient: "told it to
        the council").
        """
        if entry["id"] not in INSTRUCTING:
            return False
        k = end
        while k < e and k - end <= 5 and doc[k].is_alpha and doc[k].lower_ not in ("to", "that") \
                and doc[k].text not in QUOTE_MARKS:
            k += 1
        return k > end and k + 1 < e and doc[k].lower_ == "to" and doc[k + 1].is_lower and doc[k + 1].is_alpha \
            and doc[k + 1].lower_ not in DETERMINERS and doc[k + 1].lower_ not in ("him", "her", "them", "me", "us") \
            and not any(doc[x].lower_ in FINITE for x in range(end, k))  # "tells us one man was taken to hospital"

    def _topic_only(self, doc, end, e, inside) -> bool:
        """"writes about local politics", "complained for years about delays": a topic, no reported claim.

        The first preposition within four words is "about", and no quotation, "that" or colon follows.
        """
        k = end
        while k < e and k - end < 4 and doc[k].lower_ not in TOPIC_ONLY:
            if doc[k].is_punct or doc[k].lower_ in ("that", "how", "what", "why", "whether", "if", "at", "in", "on",
                                                    "of", "to", "by", "with", "from", "as") or inside[k] is not None \
                    or doc[k].lower_ in FINITE or (k > end and _past_verb(doc[k])):
                # "insists the stadium is about football", "said their chair stopped about halfway": a clause
                return False  # another preposition first: "put the turnout at about 1,500"
            k += 1
        if k >= e or doc[k].lower_ not in TOPIC_ONLY or _figure_follows(doc, k, e, reach=2):
            return False  # "says they get about 5,000 complaints": "about" rounds a figure
        rest = doc[k:e]
        if _clause_after_topic(doc, k, e):
            return False  # "said no warning about the mine had reached her": the "about" phrase sits in a clause
        return not any(t.lower_ in ("that", ":") or t.text in QUOTE_MARKS or inside[t.i] is not None for t in rest)

    def _trim(self, doc, a, b, kind, strict: bool = True) -> int:
        """End a subject at its head noun unless a phrase hangs on it ("The researchers followed more")."""
        if kind not in ("role", "group", "document", "org"):
            return b
        head = self.head([t for t in doc[a:b] if not t.is_punct or t.text in POSSESSIVE], strict)
        if head is None or head.i + 1 >= b:
            return b
        nxt = doc[head.i + 1]
        return b if nxt.lower_ in PREPOSITIONS or nxt.lower_ in POSTNOMINAL or nxt.text in POSSESSIVE else head.i + 1

    def _hearsay(self, doc, i, end, s, e, nxt, mentions) -> dict | None:
        """"I heard (that) ..." without naming who said it: an unnamed source. "Heard from a lad in the pub
        that ...": the one heard from speaks."""
        j = i - 1
        while j >= s and doc[j].lower_ in HEARD_LEADS:
            j -= 1
        dropped = doc[j + 1].text[:1].isupper() and (j < s or doc[j].text in (":", "\u2014", "\u2013"))
        # "Heard the factory is closing", "Just heard from my neighbour ...": a post drops its "I"
        if dropped:  # "Heard the factory is closing": a post drops its "I"; the hearsay speaks
            j = i
        if not dropped and (j < s or doc[j].lower_ not in ("i", "we")):
            if doc[end - 1].lower_ == "told" and doc[i].lower_ in ("was", "were") and _told_a_claim(doc, end, e):
                # "My wife rang yesterday and was told it's just Fridays", "The group was told 3,800 in April":
                # whoever told them is unnamed, as after "we were told"
                return _hearsay_tag(doc, i, end, i, end, "hearsay")
            return None
        if nxt is not None and nxt.lower_ == "from":
            told = self._heard_from(doc, end + 1, e, mentions)
            if told is not None:
                return _hearsay_tag(doc, i, end, *told)
        if nxt is not None and nxt.lower_ == "it" and end + 2 < e and doc[end + 1].lower_ == "from":
            # "Heard it from another dad at the school gate, so could be wrong": the one heard from
            a = end + 2
            b = next((k for k in range(a + 1, min(e, a + MAX_SUBJECT)) if doc[k].is_punct
                      or doc[k].lower_ in PREPOSITIONS or doc[k].lower_ in RELATIVES), e)
            kind = self._subject_kind(doc, a, b, mentions)
            if kind in ("mention", "role", "group", "org"):
                return _hearsay_tag(doc, i, end, a, b, kind)
        that = next((k for k in range(end + 2, min(e, end + 7)) if doc[k].lower_ == "that"), None) \
            if nxt is not None and nxt.lower_ in ("in", "at", "down", "round") else None
        if that is not None and not any(doc[k].is_punct for k in range(end, that)):
            # "Heard in the chandlery that the new owners want C": talk in a place, its speakers unnamed
            return _hearsay_tag(doc, i, end, j, end, "hearsay")
        if _closes_aside(doc, i, nxt, s):
            return _hearsay_tag(doc, i, end, j, end, "hearsay")  # "A hospitality firm, I hear, is sniffing around"
        if nxt is None or nxt.is_punct or nxt.lower_ in NOT_A_CLAUSE and not _pronoun_opens_clause(doc, end, e):
            return None
        if nxt.lower_ == "that" and (end + 1 >= e or doc[end + 1].is_punct):
            return None
        if nxt.lower_ not in ("that", "from", "rumours", "rumors", "talk", "reports", "stories", "whispers"):
            # "I have heard the water will be cut" reports; "I have heard promises like these" does not
            k = end
            while k < e and k - end < 10 and not doc[k].is_punct:
                if doc[k].lower_ in FINITE or (doc[k].is_lower and k > end + 1 and (
                        doc[k].lower_.endswith("ed") or doc[k].lower_ in PAST_FORMS)):
                    break
                k += 1
            else:
                return None
            if k >= e or doc[k].is_punct:
                return None
        return _hearsay_tag(doc, i, end, j, end, "hearsay")

    def _phrases_only(self, doc, a, b) -> bool:
        """Whether doc[a:b] holds only phrases of place, time and origin ("from FurFinder on 9 October"), no verb:
        a document noun before them is still what a participle after them belongs to."""
        return a < b and any(t.lower_ in PREPOSITIONS or t.lower_ in ("through", "across", "around", "last")
                             for t in doc[a:b]) and not any(
            t.lower_ in FINITE or t.lower_ in STOPPERS or t.lower_ in RELATIVES
            or (t.is_lower and (t.lower_.endswith("ed") or t.lower_.endswith("ing"))) for t in doc[a:b])

    def _heard_from(self, doc, a, e, mentions):
        """The source after "heard from", up to the "that" opening what was heard: (start, end, kind) or None."""
        k = a
        while k < e and k - a < MAX_SUBJECT and doc[k].lower_ != "that" and not doc[k].is_punct:
            k += 1
        if k < e and doc[k].text == "," and k + 1 < e and doc[k + 1].lower_ in ("who", "whose"):
            # "from my neighbour, who’s on reception at the practice, that ...": past the aside to its "that"
            close = next((x for x in range(k + 1, min(e, k + 20)) if doc[x].text == ","), None)
            if close is not None and close + 1 < e and doc[close + 1].lower_ == "that":
                b = k
                kind = self._subject_kind(doc, a, b, mentions)
                return (a, b, kind) if kind in ("mention", "role", "group", "org") else None
        if k == a or k + 1 >= e or doc[k].lower_ != "that":
            return None
        b = k
        for x in range(a + 1, k):  # "a lad in the pub", "someone who used to work there": the person
            if doc[x].lower_ in PREPOSITIONS or doc[x].lower_ in RELATIVES:
                b = x
                break
        kind = self._subject_kind(doc, a, b, mentions)
        return (a, b, kind) if kind in ("mention", "role", "group", "org") else None

    def _participle(self, doc, i, end, j, s, entry, mentions) -> dict | None:
        """"documents showing that ...", "a letter home today saying ...": the nearest source noun before."""
        k = j
        while k >= s and (i - k <= NEAR_PARTICIPLE or i - k <= FAR_PARTICIPLE and self._phrases_only(doc, k + 1, i)) \
                and doc[k].text not in (",", ";", ":") and doc[k].text not in QUOTE_MARKS:
            low = doc[k].lower_
            if self.groups.get(low) in ("document", "group") or low in self.roles:
                a = k
                while a - 1 >= s and doc[a - 1].lower_ in DETERMINERS | {"my", "your"}:
                    a -= 1
                if a - 1 >= s and self.groups.get(low) != "document" and (
                        doc[a - 1].lower_ in ("to", "for") or doc[a - 1].is_lower and doc[a - 1].lower_ in SENDING):
                    if doc[a - 1].lower_ in SENDING:  # "the head has just emailed parents saying": the sender
                        sender = self._main_subject(doc, s, a - 1)
                        kind = sender and self._subject_kind(doc, sender[0], sender[1], mentions)
                        if kind in ("mention", "role", "group", "org") or kind == "pronoun" and \
                                doc[sender[0]].lower_ in ("he", "she", "they"):
                            return {"cue": doc[i:end].text, "verb": (i, end), "speaker": sender, "kind": kind,
                                    "stance": entry["label"], "rank": 0, "according": False}
                    k = a - 1
                    continue  # "letters to residents saying": who received them does not speak
                kind = self._subject_kind(doc, a, k + 1, mentions)
                if kind:
                    return {"cue": doc[i:end].text, "verb": (i, end), "speaker": (a, k + 1), "kind": kind,
                            "stance": entry["label"], "rank": 0, "according": False}
                return None
            k -= 1
        if i - 1 > s and doc[i - 1].text == "," and entry["label"] != "finding":
            # "The operator has revised its count, saying ...": the main clause's subject speaks
            first = self._main_subject(doc, s, i - 1)
            if first is not None:
                kind = self._subject_kind(doc, first[0], first[1], mentions)
                if kind in ("mention", "role", "group", "org") or kind == "pronoun" and doc[first[0]].lower_ in (
                        "he", "she", "they"):  # "She declined to name the contractor, saying ..."
                    return {"cue": doc[i:end].text, "verb": (i, end), "speaker": first, "kind": kind,
                            "stance": entry["label"], "rank": 0, "according": False}
        return None

    def _quote_follows(self, doc, end, e, inside) -> bool:
        return any(inside[k] is not None for k in range(end, min(e, end + 6)))

    # -- writing --------------------------------------------------------------------------------
    def set_annotations(self, doc, records: list[dict]):
        """Choose each sentence's main tag, resolve quotation chains, and write the spans."""
        chain_tag: dict[int, int] = {}  # chain -> index of the record whose tag speaks for it
        for k, rec in enumerate(records):
            rec["main"] = max(rec["tags"], key=lambda t: (self._rank(t, rec["tags"], doc),
                                                          t["verb"][0] if t["rank"] == 3 else -t["verb"][0]),
                              default=None)
            if rec["main"] is not None:
                for c in rec["chains"]:
                    # the sentence where a quotation closes with its tag wins over where it opened
                    chain_tag[c] = k
        spans = []
        last_attributed = None
        for k, rec in enumerate(records):
            row = rec["row"]
            span = doc[row["token_start"]:row["token_end"]]
            main = rec["main"]
            detail = None
            if main is not None:
                share = rec["quoted"] / rec["words"]
                label = ("according_to" if main["according"] else "anecdote" if main.get("anecdote") else
                         "direct" if share >= 0.5 else "mixed" if rec["quoted"] else "indirect")
                detail = {"speaker_start": main["speaker"][0], "speaker_end": main["speaker"][1],
                          "speaker_kind": main["kind"], "stance": main["stance"], "via": "tag", "chain_sid": None,
                          "verb_start": main["verb"][0], "verb_end": main["verb"][1],
                          "refusal": bool(main.get("refusal"))}
                cue = main["cue"]
            elif row["kind"] in ("body",) and (rec["chains"] or row["in_quote"]) and rec["quoted"] >= 2:
                source = next((chain_tag[c] for c in rec["chains"] if c in chain_tag), None)
                label, cue = "continued", "quotation"
                if source is not None and source != k:
                    detail = {"speaker_start": None, "speaker_end": None, "speaker_kind": None, "stance": "neutral",
                              "via": "chain", "chain_sid": records[source]["row"]["sid"]}
                elif last_attributed is not None:
                    detail = {"speaker_start": None, "speaker_end": None, "speaker_kind": None, "stance": "neutral",
                              "via": "carry", "chain_sid": last_attributed}
                else:
                    detail = None  # a quotation nobody is known to speak: no attribution to claim
            if detail is None:
                continue
            span = doc[span.start:span.end]
            span.label_ = label
            span._.sid = row["sid"]
            span._.attribution = {"cue": cue, **detail}
            spans.append(span)
            last_attributed = row["sid"]
        doc.spans[SPANS_KEY] = spans
        return doc


def _colon_tag(c: int, a: int, b: int, kind: str) -> dict:
    """The tag of a quotation introduced by the colon at *c*, its speaker doc[a:b] of *kind*."""
    return {"cue": ":", "verb": (c, c + 1), "speaker": (a, b), "kind": kind, "stance": "neutral", "rank": 2,
            "according": False}


def _printed_in(doc, s: int, e: int, inside) -> dict | None:
    """"They were fined £30,000, it was in the Courier last month": a post that cites a named paper or
    programme for its claim ("it was in", "it's on the"); the outlet is the source."""
    for i in range(s, e - 4):
        if doc[i].lower_ == "it" and inside[i] is None and doc[i + 1].lower_ in ("was", "'s", "’s", "is") \
                and doc[i + 2].lower_ in ("in", "on") and doc[i + 3].lower_ == "the" and doc[i + 4].is_title:
            b = i + 4
            while b < e and doc[b].is_title and doc[b].is_alpha:
                b += 1
            if doc[b - 1].lower_ not in PAPER_HEADS:
                return None  # "it was in the Garden Room all along": a place
            return {"cue": doc[i:i + 4].text, "verb": (i, i + 4), "speaker": (i + 4, b), "kind": "org",
                    "stance": "neutral", "rank": 0, "according": False}
    return None


def _hearsay_tag(doc, i: int, end: int, a: int, b: int, kind: str) -> dict:
    """The tag of the hearsay verb doc[i:end] ("heard", "was told"), passed on from doc[a:b] of *kind*."""
    return {"cue": doc[i:end].text, "verb": (i, end), "speaker": (a, b), "kind": kind, "stance": "hearsay",
            "rank": 0, "according": False}


def _pronoun_opens_clause(doc, end: int, e: int) -> bool:
    """Whether "it" or "this" at *end* opens a clause with its verb ("reckons it's only a matter of time",
    "heard it's broken"), rather than being the verb's object."""
    return end + 1 < e and doc[end].lower_ in ("it", "this") and doc[end + 1].lower_ in FINITE


def _colon_before_quote(doc, s: int, e: int, inside, quotes=None) -> int | None:
    """The first colon of a sentence that a quotation opens right after (with *quotes*: a quotation of speech,
    not a title), or None."""
    return next((k for k in range(s, e - 1) if doc[k].text == ":" and inside[k] is None and inside[k + 1] is not None
                 and (quotes is None or quotes[inside[k + 1]].label_ == "speech")), None)


def _told_contraction(doc) -> list[tuple[int, int]]:
    """Spans of "I’m told": the lexicon's phrases are tokenized alone, where "’m" does not split off as it does
    after "I"."""
    return [(k, k + 2) for k in range(1, len(doc) - 1)
            if doc[k].lower_ in ("'m", "\u2019m") and doc[k + 1].lower_ == "told"]


def _particle_after_object(doc) -> list[tuple[int, int]]:
    """Spans of "played the rescue down", "plays the risk down": the verb's particle after its object (the
    lexicon holds "played down")."""
    found = []
    for k in range(len(doc) - 2):
        if doc[k].lower_ in ("played", "plays", "play", "playing"):
            for d in range(k + 2, min(len(doc), k + 6)):
                if doc[d].lower_ == "down":
                    found.append((k, d + 1))
                    break
                if not (doc[d].is_alpha or doc[d].text in POSSESSIVE):
                    break
    return found


def _different_account(doc) -> list[tuple[int, int]]:
    """Spans of "gave a (very) different figure", "offered a different explanation", "tells a different story": a
    source's rival account, given in the sentences after it."""
    found = []
    for k in range(2, len(doc)):
        if doc[k].lower_ not in ACCOUNT_NOUNS:
            continue
        a = k - 1  # back over at most three modifiers to the article: "a less orderly picture", "another picture"
        while a > 0 and k - a <= 3 and doc[a].is_lower and doc[a].is_alpha and doc[a].lower_ not in ("a", "an",
                                                                                                   "another"):
            a -= 1
        modifiers = [t.lower_ for t in doc[a + 1:k]]
        rival = doc[a].lower_ == "another" or any(m in RIVAL_WORDS for m in modifiers) or (
            doc[k].lower_ in ("picture", "story", "account", "version") and any(
                m.endswith("er") and len(m) > 4 for m in modifiers))  # "a rosier picture", "a bleaker story"
        v = a - 2 if a - 2 >= 0 and doc[a - 1].lower_ in ("yet", "still") else a - 1  # "offered yet another figure"
        if v >= 0 and doc[a].lower_ in ("a", "an", "another") and rival and doc[v].lower_ in GIVING_VERBS:
            found.append((v, k + 1))
    return found


def _contact_to_say(doc) -> list[tuple[int, int]]:
    """Spans from a verb of getting in touch to the "to say" it was for, with a time or "again" between ("Sentrel
    emailed this morning to say", "She rang back last night to tell us"); the lexicon holds the plain
    "emailed to say"."""
    found = []
    for k in range(2, len(doc) - 1):
        if doc[k].lower_ != "to" or doc[k + 1].lower_ not in ("say", "tell", "confirm", "explain"):
            continue
        for v in range(k - 2, max(k - 6, -1), -1):
            if doc[v].lower_ in CONTACT_VERBS:
                if all(t.is_lower and t.is_alpha and (t.lower_ in TIME_WORDS or t.lower_ in CONTACT_FILLERS)
                       for t in doc[v + 1:k]):
                    found.append((v, k + 2))
                break
            if not (doc[v].is_alpha and doc[v].is_lower):
                break
    return found


def _after_opening_phrase(doc, s: int, a: int, b: int) -> int:
    """Where a subject found at the start of a sentence really starts: after an opening adverb ("Then he said",
    "Later the agent told me"), a time ("Yesterday afternoon the coordinator phoned") or a place phrase
    ("On the phone your coordinator said")."""
    k = a
    while k > s and doc[k - 1].lower_ in LEADING_WORDS:
        k -= 1
    if not (k == s or doc[k - 1].text in (":", "\u2014", "\u2013")):
        return a
    while a + 1 < b and doc[a].lower_ in LEADING_WORDS:
        a += 1
    if doc[a].lower_ in PREPOSITIONS - {"who", "which", "published", "based"} or doc[a].lower_ in WHEN_WORDS \
            or doc[a].lower_ in ("last", "this", "next"):
        starts = [x for x in range(a + 1, b) if doc[x].lower_ in NOUN_PHRASE_STARTS or doc[x].text[:1].isupper()]
        if starts and all(t.is_alpha or t.text[:1].isdigit() or t.lower_ in ("a.m.", "p.m.")
                          for t in doc[a:starts[-1]]):
            return starts[-1]  # "At 6.10pm a council enforcement officer told me": the officer
    return a


def _person_before_affiliation(doc, a: int, b: int, mentions) -> int:
    """End a named subject at the person's name when an affiliation follows it: "Inspector Carl Rudd of Kestlow
    neighbourhood policing" -> "Inspector Carl Rudd" (the place is not part of who speaks)."""
    for k in range(a, b):
        m = mentions.get(k)
        if m is not None and m.label_ == "PERSON":
            return m.end if m.end < b and doc[m.end].lower_ in ("of", "from", "at") else b
    return b


def _clause_resumes(doc, comma: int, e: int) -> bool:
    """Whether an aside opened by the comma at *comma* closes with another comma and words follow it ("that, in
    the third week, the group ...")."""
    k = comma + 1
    while k < e and k - comma <= 8 and doc[k].text != ",":
        k += 1
    return k < e - 1 and doc[k].text == "," and doc[k + 1].is_alpha


def _stood_by_claim(doc, end: int, e: int) -> bool:
    """"stood by its figure", "is standing by its account": what is stood by is something said."""
    words = []
    for t in doc[end:min(e, end + 5)]:  # "stood by her company's figures"
        if t.is_punct and t.text not in POSSESSIVE:
            break
        words.append(t.lower_)
    return any(w in FIGURE_WORDS or w in STOOD_BY for w in words)


def _figure_compared(doc, end: int, e: int) -> bool:
    """"puts the figure rather higher": an estimate given against another, a figure word then "higher"/"lower"."""
    words = [t.lower_ for t in doc[end:min(e, end + 8)]]
    return any(w in FIGURE_WORDS for w in words) and any(w in ("higher", "lower") for w in words)


def _quote_opens_next(doc, e: int) -> bool:
    """Whether the sentence after the one ending at *e* opens with a quotation mark (a verb like "defended the
    wording." then introduces the speaker's words)."""
    k = e
    while k < len(doc) and doc[k].is_space:
        k += 1
    return k < len(doc) and doc[k].text in QUOTE_MARKS and k + 1 < len(doc) and doc[k + 1].is_alpha


def _claim_object(doc, end: int, e: int) -> bool:
    """Whether the words after a verb name something said or found ("the drop-out figures", "whether ...")."""
    from .claims import CLAIM_NOUNS

    words = [t.lower_ for t in doc[end:min(e, end + 5)]]
    said_or_found = CLAIM_NOUNS | {"data", "results", "evidence", "study", "tests", "methods", "findings", "analysis",
                                   "measurements", "numbers", "statistics", "sample", "comparison", "calculations",
                                   "assumptions", "number", "version", "estimate", "explanation", "count", "total",
                                   "timeline", "story"}
    return bool(words) and (words[0] in ("whether", "why", "how", "if") or any(w in said_or_found for w in words))


def _possessive_verdict(doc, a: int) -> bool:
    """Whether "her verdict", "his answer", "their reply" opens at *a*: words a person gave, standing for her."""
    return a + 1 < len(doc) and doc[a].lower_ in ("her", "his", "their") and doc[a + 1].lower_ in VERDICT_NOUNS


def _judged_thing(doc, end: int, e: int) -> bool:
    """"called the remark insulting", "calls the decision a disgrace": a remark, decision or plan judged after
    "called" (a verdict on it), not "called the office" or "called the dog in"."""
    words = [t.lower_ for t in doc[end:min(e, end + 4)]]
    return any(w in JUDGED_THINGS for w in words)


def _restrictive_clause(doc, a, stop, e) -> int:
    """Extend an unnamed source over its "who" clause: "a person who asked not to be named" is its only name."""
    if doc[a].lower_ in ("a", "an", "one", "someone", "somebody") and stop < e and doc[stop].lower_ in ("who", "that"):
        while stop < e and doc[stop].text not in (",", ".", ";", ":", "?", "!"):
            stop += 1
    return stop


def _contact_clause(doc, a, b) -> int:
    """Where the subject of a relative clause without "that" starts: "a decision the union says ..." -> "the union".

    A determiner right after a noun opens a second noun phrase; the first is what the clause is about.
    """
    for k in range(a + 2, b - 1):
        prev = doc[k - 1]
        if prev.lower_ in RELATIVES:
            return a  # "My mate who drives the 42 says": the determiner is inside the "who" clause
        if doc[k].lower_ in CLAUSE_DETERMINERS and prev.is_alpha and prev.is_lower \
                and prev.lower_ not in DETERMINERS and prev.lower_ not in PREPOSITIONS \
                and prev.lower_ not in STOPPERS and prev.lower_ not in ("and", "or", "nor", "but", "said", "says") \
                and not prev.lower_.endswith("ly") and doc[a].lower_ in DETERMINERS | {"my", "your"}:
            return k
    return a


def _before_contact_clause(doc, a, b, documents: bool = False) -> int:
    """Where a subject ends before a clause with "I", "we" or "you" and no "who": "A pest controller I know says",
    "Everyone I pick up says" -> "A pest controller", "Everyone" (the clause describes; it does not speak).
    *documents*: the subject names a document, whatever opens it ("Police figures I obtained show")."""
    if doc[a].lower_ not in CONTACT_OPENERS and not documents:
        return b
    for k in range(a + 1, b - 1):
        prev = doc[k - 1]
        if doc[k].lower_ in ("i", "we", "you") and prev.is_alpha and (prev.is_lower or k - 1 == a) \
                and prev.lower_ not in PREPOSITIONS and prev.lower_ not in STOPPERS \
                and (k - 1 == a or prev.lower_ not in DETERMINERS):
            return k
    return b


def _names_what_was_said(doc, a: int, s: int, nxt) -> bool:
    """Whether a pronoun and its verb only describe a noun ("the rebate they promised us", "those figures she
    quoted"): a thing named by what someone said, with nothing reported after the verb."""
    if a - 2 < s or not (doc[a - 1].is_lower and doc[a - 1].is_alpha) or doc[a - 1].lower_ in STOPPERS:
        return False
    k = a - 2
    while k > s and a - k <= 4 and (doc[k].like_num or doc[k].is_currency or (
            doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in STOPPERS | DETERMINERS)):
        k -= 1  # "the £150 rebate they promised", "the new figures they quoted"
    return doc[k].lower_ in ("the", "that", "this", "those", "these") and (
        nxt is None or nxt.is_space or (nxt.is_punct and nxt.text not in QUOTE_MARKS)
        or nxt.lower_ in ("us", "me", "them", "you"))


def _nobody(doc, a: int, b: int) -> bool:
    """Whether a subject denies that anyone did it: "not one resident", "no parent", "nobody", "not a single
    driver"."""
    words = [t.lower_ for t in doc[a:b]]
    return bool(words) and (words[0] in ("nobody", "none", "no-one") or words[:2] == ["not", "one"]
                            or words[:3] == ["not", "a", "single"] or (words[0] == "no" and len(words) > 1))


def _warning_voiced(doc, v: int, inside) -> bool:
    """Whether "warn" at *v* voices an ongoing or quoted warning that needs no claim after "about".

    "Vets have been warning about this for years" reports what vets keep saying; "Guide warned trust about
    loose bolts" in a headline states the warning as a fact, and "a warning about" is a noun.
    """
    return (doc[v].lower_ == "warning" and v > 0 and doc[v - 1].lower_ not in DETERMINERS) or inside[v] is not None


def _past_verb(token) -> bool:
    """Whether a word is a lower-case past form ("stopped", "went"): a clause's verb, not a noun."""
    low = token.lower_
    return token.is_lower and (low in PAST_FORMS or (low.endswith("ed") and len(low) > 4))


def _counted(token) -> bool:
    """Whether a word is a number, also one spelt with a hyphen ("Thirty-eight")."""
    return token.like_num or all(like_num(part) for part in token.text.split("-") if part)


def _change_follows(doc, end, e) -> bool:
    """Whether a word of change comes within four words after *end*, before any punctuation."""
    for t in doc[end:min(e, end + 4)]:
        if t.is_punct:
            return False
        if t.lower_ in CHANGE_WORDS:
            return True
    return False


def _sentence_quoted(doc, k: int, e: int) -> bool:
    """Whether the quotation opening at *k* (its mark) quotes a sentence: a capital first word and at least three
    words, not a label's single phrase."""
    words = [t for t in doc[k + 1:e] if t.is_alpha]
    return k + 1 < e and doc[k + 1].text[:1].isupper() and len(words) >= 3


def _told_a_claim(doc, end: int, e: int) -> bool:
    """Whether what follows "was told" at *end* is what somebody said: a clause ("was told it's just Fridays"), a
    figure ("was told 3,800 in April"), a quotation or "that"; not an order ("was told to leave"), a telling-off,
    a topic ("was told of the plan") or a teller named after "by" (a passive source of its own)."""
    if end >= e:
        return False
    nxt = doc[end]
    if nxt.lower_ == "that" or nxt.text in QUOTE_MARKS or _figure_follows(doc, end, e, reach=3):
        return True
    if nxt.is_punct or nxt.lower_ in NOT_A_CLAUSE and nxt.lower_ not in ("it", "this") or nxt.lower_ in (
            "not", "off", "nothing"):
        return False
    for k in range(end, min(e, end + 10)):
        if doc[k].is_punct or doc[k].lower_ in ("by", "to"):
            return False
        if doc[k].lower_ in FINITE or doc[k].lower_ in MODALS:
            return True
    return False


def _clause_follows(doc, end, e) -> bool:
    """Whether a finite verb or modal follows *end* before a comma or "and": "claimed 300 jobs would go"."""
    for t in doc[end:e]:
        if t.is_punct or t.lower_ in ("and", "but", "or"):
            return False
        if t.lower_ in FINITE or t.lower_ in MODALS:
            return True
    return False


def _clause_after_topic(doc, k, e) -> bool:
    """Whether a finite verb follows the "about" phrase at *k* before any punctuation or relative word: the
    phrase then belongs to the subject of a reported clause ("no warning about the mine had ever reached her")."""
    for t in doc[k + 1:min(e, k + 12)]:
        if t.is_punct or t.lower_ in RELATIVES or t.lower_ == "that":
            return False
        if t.lower_ in FINITE:
            return True
    return False


def _figure_follows(doc, k, e, reach: int = 5) -> bool:
    """Whether a figure comes at *k*, after at most *reach* words such as "about" or "more than"."""
    stop = min(e, k + reach)
    while k < stop and (doc[k].lower_ in NUMBER_LEAD or doc[k].text in QUOTE_MARKS):
        k += 1
    return k < e and (doc[k].like_num or doc[k].is_currency or doc[k].text[:1].isdigit())  # "8.40pm"


def _reported_within(doc, outer: dict, inner: dict) -> bool:
    """Whether *inner*'s speaker and verb sit in the "that" clause *outer* reports ("X said that ... Y were
    blaming"): a "that" follows outer's verb before inner's speaker, with no pause, "and" or "but" between."""
    start, stop = outer["verb"][1], inner["speaker"][0]
    if outer["kind"] not in ("mention", "pronoun", "role") or outer.get("according") or stop <= start \
            or inner["verb"][0] < stop:
        return False
    words = [t.lower_ for t in doc[start:stop]]
    return "that" in words and not any(w in (";", ":", "and", "but", "while", "whereas", "although", "though")
                                       for w in words)


def _writer_before(doc, s: int, k: int) -> int | None:
    """The "I"/"we" of "I spoke", "we have talked", "I know" ending at *k* (a verb of meeting people), or None."""
    if k <= s or doc[k].lower_ not in SPOKEN_TO:
        return None
    k -= 1
    if k > s and doc[k].lower_ in ("have", "had", "'ve", "’ve"):
        k -= 1
    return k if k > s and doc[k].lower_ in ("i", "we") else None


def _ends_spoken_to(doc, k: int) -> bool:
    """Whether the "to" at *k* ends "I spoke to", "we have talked to" (so "to say" after it is no infinitive)."""
    start = doc[k].sent.start if doc.has_annotation("SENT_START") else 0
    return _writer_before(doc, start, k - 1) is not None


def _closes_aside(doc, i: int, nxt, s: int) -> bool:
    """Whether the verb at *i* ends an aside set off by commas mid-sentence ("The crash, the statement went on,
    was caused ..."): the reported clause is the sentence around it, so no "that" need follow."""
    if nxt is None or nxt.text != "," or nxt.i + 1 >= len(doc):
        return False
    after = doc[nxt.i + 1]  # the sentence's own verb resumes: "was caused", "had been", "would"
    return (after.lower_ in FINITE or after.lower_ in MODALS or _past_verb(after)) \
        and any(doc[k].text == "," for k in range(max(s + 1, i - 5), i))


def _auxiliary_before(doc, i: int, s: int):
    """The word before the verb at *i*, looking past "now", "also" and -ly adverbs ("are now expected")."""
    k = i - 1
    while k > s and (doc[k].lower_ in BETWEEN_AUX or is_adverb(doc[k])):
        k -= 1
    return doc[k] if k >= s else None


def _when_follows(doc, k: int, end: int) -> bool:
    """Whether a time phrase starts at *k* ("on 24 January", "last week"): it ends a speaker's words."""
    if doc[k].lower_ in ("today", "yesterday", "tonight"):
        return True
    if doc[k].lower_ not in WHEN_PREPOSITIONS or k + 1 >= end:
        return False
    nxt = doc[k + 1]
    return nxt.like_num or nxt.lower_ in WHEN_WORDS or (nxt.lower_ in ("the", "a") and k + 2 < end
                                                         and doc[k + 2].lower_ in WHEN_WORDS)


def _adds_quantity(doc, i: int, end: int) -> bool:
    """"TitanPump added 15kg to my deadlift", "the firm added 200 jobs": adding an amount, not saying something.

    "He added 200 people had been moved" is still a report: a verb follows the figure within three words.
    """
    if doc[i].lower_ not in ADD_FORMS or i + 1 >= end or not doc[i + 1].like_num and not doc[i + 1].text[:1].isdigit():
        return False
    return not any(t.lower_ in CLAUSE_VERBS for t in doc[i + 2:min(end, i + 5)])


# Reporting phrases the phrase lexicon cannot list whole, each found by its function and read as the lexicon
# entry named beside it: a contraction, a particle after its object, words between a verb and its "to say".
SPLIT_PHRASES = ((_told_contraction, "am told"), (_particle_after_object, "played down"),
                 (_different_account, "gave a different account"), (_contact_to_say, "emailed to say"))
