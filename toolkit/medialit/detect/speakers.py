"""Resolve who speaks in each attributed sentence to one canonical name: Doc in, speakers out.

Reads ``doc.spans["medialit_attribution"]`` and ``doc.spans["medialit_mentions"]``. Sets
``span._.speaker`` (canonical name, e.g. ``Igor Konashenkov`` for "he", "the spokesman",
"General Konashenkov") and ``span._.speaker_type`` (``person``, ``organization``, ``document``,
``anonymous``) on every attribution span, writes the speaker words of each tag to
``doc.spans["medialit_speakers"]`` (label = canonical name) and the sources to
``doc._.medialit_sources``: dicts with ``name``, ``type``, ``aliases`` (how the article refers to them).

Resolution, in order: a name in the tag (surname-only and titled mentions map to the fullest
form of the name); a pronoun (nearest earlier person of compatible gender); a role ("the
spokesman", "the fire chief": nearest earlier person described with that role word); an
organisation word ("the council": the organisation named with that head word); a quotation
without a tag (the speaker of the tag that closes or opened it, else the previous speaker).
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from .lexicon import word_labels

SPANS_KEY = "medialit_speakers"
INDEFINITE = {"a", "an", "one", "my", "our", "your", "his", "her", "their", "another", "some"}
SPOKESPERSON = {"spokesman", "spokeswoman", "spokesperson", "representative", "press office", "spokespeople"}
GENERIC_ORG = {"company", "firm", "organisation", "organization", "group", "charity", "body", "agency",
               "business", "operator", "utility", "provider", "authority", "council", "ministry", "department",
               "government", "university", "institute", "foundation", "union", "service", "hospital"}
ROLE_SYNONYMS = {"spokesman": {"spokesperson", "spokeswoman", "spokesman"},
                 "spokeswoman": {"spokesperson", "spokeswoman", "spokesman"},
                 "spokesperson": {"spokesperson", "spokeswoman", "spokesman"},
                 "chief": {"chief", "head", "executive", "director"}, "executive": {"executive", "chief"},
                 "head": {"head", "chief", "director"}, "boss": {"boss", "chief", "head", "director", "executive"},
                 "author": {"author", "researcher"}, "researcher": {"researcher", "author", "scientist"},
                 "scientist": {"scientist", "researcher", "expert"}, "expert": {"expert", "scientist"},
                 "official": {"official", "spokesman", "spokeswoman", "spokesperson", "officer"},
                 "doctor": {"doctor", "dr", "physician", "gp"}, "professor": {"professor", "prof"}}
LOOKBACK_SENTENCES = 12
# Describing words that do not tell two people apart ("the former mayor" is still the mayor).
GENERIC_MODIFIERS = {"former", "senior", "deputy", "acting", "interim", "chief", "head", "local", "new", "then"}
_DETS = ("the ", "a ", "an ")


def strip_determiner(text: str) -> str:
    """``the city's fire service`` -> ``city's fire service``."""
    low = text.lower()
    for det in _DETS:
        if low.startswith(det):
            return text[len(det):]
    return text


class SpeakerResolver:
    """Give every attribution span a canonical speaker and collect the article's sources."""

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
        history = []
        mentions = sorted(doc.spans.get("medialit_mentions", []), key=lambda s: s.start)
        for span in mentions:
            if span.label_ == "PERSON":
                name = span._.mention["name"]
                surname = name.split()[-1].lower()
                key = persons_by_surname.get(surname)
                if key is None:
                    key = f"person:{surname}"
                    persons_by_surname[surname] = key
                    entities[key] = {"name": name, "type": "person", "gender": None, "roles": set(),
                                     "aliases": set(), "count": 0}
                ent = entities[key]
                if len(name.split()) > len(ent["name"].split()):
                    ent["name"] = name
                ent["gender"] = ent["gender"] or span._.mention["gender"]
                ent["roles"] |= span._.mention["roles"]
                ent["aliases"].add(span.text)
                ent["count"] += 1
                history.append((span.start, key))
        # single-word names that are a known surname ("Okonedo said")
        for span in mentions:
            if span.label_ in ("NAME", "ORG") and len(span) == 1 and span.text.lower() in persons_by_surname:
                key = persons_by_surname[span.text.lower()]
                entities[key]["aliases"].add(span.text)
                entities[key]["count"] += 1
                history.append((span.start, key))
        for span in mentions:
            if span.label_ == "ORG" and not (len(span) == 1 and span.text.lower() in persons_by_surname):
                key = self._org_key(entities, span._.mention["name"])
                history.append((span.start, key))
        history += self._opening_roles(doc, entities)
        history.sort()
        self._merge_orgs(entities)
        return entities, history

    def _opening_roles(self, doc, entities) -> list[tuple[int, str]]:
        """Unnamed people who open a sentence ("My neighbour works ...") as antecedents for "she"."""
        out = []
        for row in doc._.medialit_sentences:
            if row["kind"] != "body":
                continue
            i, e = row["token_start"], row["token_end"]
            while i < e and (doc[i].like_num or "/" in doc[i].text or doc[i].text.startswith("@")
                             or doc[i].is_punct or doc[i].is_space):
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
            tail = doc[i:min(e, last_role + 4)]
            if doc[last_role].lower_ in SPOKESPERSON and (any(t.lower_ in self.orgs for t in tail) or any(
                    m.start < tail.end and m.end > tail.start for m in doc.spans.get("medialit_mentions", []))):
                continue  # "A council spokeswoman": the organisation speaks (see _resolve_words)
            words = doc[i:last_role + 1]
            key = "role:" + words.text.lower()
            low = [t.lower_ for t in words]
            entities.setdefault(key, {"name": words.text, "type": "anonymous", "gender": self._role_gender(low[-1:]),
                                      "roles": set(low), "aliases": {words.text}, "count": 0, "animate": True})
            out.append((words.start, key))
        return out

    def _org_key(self, entities, name: str) -> str:
        key = "org:" + name.lower()
        if key not in entities:
            entities[key] = {"name": name, "type": "organization", "gender": None, "roles": set(),
                             "aliases": {name}, "count": 0}
        entities[key]["count"] += 1
        return key

    def _merge_orgs(self, entities) -> None:
        """Point shorter organisation names at a longer one with the same last word ("Port Authority")."""
        orgs = [k for k, e in entities.items() if e["type"] == "organization"]
        for k in orgs:
            words = entities[k]["name"].lower().split()
            for other in orgs:
                ow = entities[other]["name"].lower().split()
                if other != k and len(ow) > len(words) and ow[-1] == words[-1] and set(words) <= set(ow):
                    entities[k]["same_as"] = other
                    break

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
        entities, history = self.registry(doc)
        self._gender_from_text(doc, entities)
        sent_index = {row["sid"]: k for k, row in enumerate(doc._.medialit_sentences)}
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
                history.append((span.start if words is None else words.start, key))
                history.sort()
            out.append([span, key, words])
        for index, target in pending:
            out[index][1] = resolved.get(target)
        return [tuple(x) for x in out], entities

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
            entities.setdefault(key, {"name": text, "type": "anonymous", "gender": None, "roles": set(),
                                      "aliases": {text}, "count": 0})
            return key
        if kind == "pronoun":
            return self._pronoun(low[0] if low else text.lower(), words.start, entities, history, doc)
        if kind == "mention":
            inside = [mentions[i] for i in range(words.start, words.end) if i in mentions]
            persons = [m for m in inside if m.label_ == "PERSON"]
            names = [m for m in inside if m.label_ == "NAME"]
            orgs = [m for m in inside if m.label_ == "ORG"]
            for m in persons + [n for n in names if len(n) == 1]:
                surname = (m._.mention["name"] if m.label_ == "PERSON" else m.text).split()[-1].lower()
                key = f"person:{surname}"
                if key in entities:
                    entities[key]["aliases"].add(text)
                    return key
            if names and not orgs:
                n = names[-1]
                surname = n.text.split()[-1].lower()
                key = f"person:{surname}" if len(n) > 1 else "name:" + n.text.lower()
                # a proper name with no known given name or title: two or three words are taken for a
                # person ("Margaret Doyle"), one word for an organisation ("PureKelvane")
                entities.setdefault(key, {"name": n.text, "type": "person" if len(n) > 1 else "organization",
                                          "gender": None, "roles": set(), "aliases": {n.text}, "count": 0})
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
                                if i in mentions and mentions[i].label_ in ("ORG", "NAME")), None)
            org_word = next((w for w in low if w in self.orgs and w != head), None)
            if not indefinite:
                found = self._role(low, words.start, entities, history, doc)
                if found:
                    entities[found]["aliases"].add(text)
                    return found
            if head in SPOKESPERSON and (org_word or org_mention is not None):
                # "a council spokeswoman", "a spokesperson for the foundation": the organisation speaks
                found = (self.canonical(entities, self._org_key(entities, org_mention._.mention["name"]))
                         if org_mention is not None else
                         self._generic_org(org_word, low, words.start, entities, history))
                if found:
                    entities[found]["aliases"].add(text)
                    gender = self._role_gender(low)
                    history.append((words.start, f"proxy:{gender}:{found}"))
                    return found
            key = "role:" + strip_determiner(text).lower()
            entities.setdefault(key, {"name": text, "type": "anonymous" if indefinite else "person",
                                      "gender": self._role_gender(low), "roles": set(low), "aliases": {text},
                                      "count": 0, "animate": True})
            return key
        if kind == "group":
            key = "group:" + strip_determiner(text).lower()
            entities.setdefault(key, {"name": text, "type": "anonymous", "gender": None, "roles": set(),
                                      "aliases": {text}, "count": 0})
            return key
        if kind == "org":
            head = self._head_word(low)
            found = self._generic_org(head, low, words.start, entities, history)
            if found:
                entities[found]["aliases"].add(text)
                return found
            key = "org:" + strip_determiner(text).lower()
            entities.setdefault(key, {"name": text, "type": "organization", "gender": None, "roles": set(),
                                      "aliases": {text}, "count": 0})
            return key
        if kind == "document":
            # "the council's own business case": the owner speaks through its document
            owner = self._owner(words, low, entities, history, mentions)
            if owner:
                return owner
            key = "doc:" + strip_determiner(text).lower()
            entities.setdefault(key, {"name": text, "type": "document", "gender": None, "roles": set(),
                                      "aliases": {text}, "count": 0})
            return key
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
                    if m.label_ == "PERSON":
                        key = "person:" + m._.mention["name"].split()[-1].lower()
                        return key if key in entities else None
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

    def _recent(self, position, history, doc):
        """Entity keys mentioned before *position*, nearest first, within the look-back window."""
        sents = doc._.medialit_sentences
        here = next((k for k, r in enumerate(sents) if r["token_start"] <= position < r["token_end"]), len(sents) - 1)
        limit = sents[max(0, here - LOOKBACK_SENTENCES)]["token_start"]
        for pos, key in reversed(history):
            if pos < position and pos >= limit:
                yield key

    def _pronoun(self, word, position, entities, history, doc) -> str | None:
        want = {"he": "male", "him": "male", "she": "female", "her": "female"}.get(word)
        for key in self._recent(position, history, doc):
            if key.startswith("proxy:"):
                _, gender, target = key.split(":", 2)
                if word not in ("they", "it", "them") and (want is None or gender in ("None", want)):
                    return target
                continue
            key = self.canonical(entities, key)
            ent = entities[key]
            if word in ("they", "it", "them"):
                if ent["type"] in ("organization", "anonymous"):
                    return key
                continue
            if ent["type"] != "person" and not ent.get("animate"):
                continue
            if want is None or ent["gender"] in (None, want):
                return key
        return None

    def _role(self, low, position, entities, history, doc) -> str | None:
        """The person a definite role refers to ("the fire chief", "the engineer").

        The nearest earlier person described with the role's head word wins; extra words
        ("the Russian president") must match that person's description too. When nobody earlier
        fits, the first later person who does is taken (a lead often names the role first).
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
            if ent["type"] != "organization":
                continue
            name_words = set(ent["name"].lower().split())
            if head in name_words or (words and words <= name_words):
                candidates.append((len(words & name_words), key[0] < position, ent["count"], k))
        if candidates:
            candidates.sort(key=lambda c: (c[0], c[1], c[2]), reverse=True)
            return candidates[0][3]
        if head in GENERIC_ORG and head not in self.orgs - GENERIC_ORG:
            orgs = [(e["count"], k) for k, e in entities.items() if e["type"] == "organization" and "same_as" not in e]
            if head in ("company", "firm", "organisation", "organization", "group", "business", "charity") and orgs:
                return max(orgs)[1]
        return None

    # -- writing --------------------------------------------------------------------------------
    def set_annotations(self, doc, resolutions, entities):
        """Write speakers onto the attribution spans and collect the sources."""
        used: dict[str, dict] = {}
        speaker_spans = []
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
