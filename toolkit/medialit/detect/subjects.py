"""Find who a reporting verb's subject is: a Doc and a verb position in, the subject's token span out.

``SubjectFinder`` reads leftwards from a reporting verb over asides, relative clauses, appositions and
possessives to the words that name the speaker ("The harbourmaster, Colin Abara, said"; "Experts who
have seen the data said"; "People familiar with the company's talks said"), and says what kind of
speaker they are (a name, a pronoun, a role, a group, an organisation, a document). It is the half of
``attribution.AttributionFinder`` that looks for subjects; the finder itself decides which verbs tag a
sentence and writes the spans.
"""

from __future__ import annotations

from .tag_words import (COMMON_NOUN_ORGS, FINITE, IRREGULAR_PARTICIPLES, MAX_SUBJECT, NAME_INTROS, PARTITIVES,
    PAST_FORMS, PLACE_ADVERBS, POSSESSIVE, POSTNOMINAL, POST_LABELS, PREPOSITIONS, PRONOUNS, QUOTE_MARKS, RELATIVES,
    ROLE_REACH, SKIPPABLE, STOPPERS, UNNAMED, WHAT_IS_SAID)
from .terms import person_noun


class SubjectFinder:
    """Subject-finding methods of ``attribution.AttributionFinder`` (which sets ``roles``, ``groups``,
    ``orgs``, ``inanimate`` and ``_org_heads`` from the lexicons)."""

    def _reduced_relative(self, doc, s, v, mentions):
        """A document qualified by a participle phrase, no commas: "Records seen by the Post show ..." -> "Records",
        "A release sent to journalists on Monday promised ..." -> "A release".

        The sentence opens with the document; who saw, obtained or received it is not who reports."""
        a = s
        while a < v and (doc[a].is_punct or doc[a].text in QUOTE_MARKS):
            a += 1
        for k in range(a + 1, min(v - 1, a + 6)):
            t = doc[k]
            if t.is_punct:
                return None
            if t.is_lower and (t.lower_ in IRREGULAR_PARTICIPLES or t.lower_.endswith("ed")) \
                    and doc[k + 1].lower_ in ("by", "to"):
                if not all(doc[x].is_alpha or doc[x].text in POSSESSIVE for x in range(k + 2, v)):
                    return None
                kind = self._subject_kind(doc, a, k, mentions)
                return (a, k, 2) if kind == "document" else None
        return None

    def _relative_antecedent(self, doc, s, a, b, mentions) -> tuple[int, int]:
        """The people a "who" clause describes, not the object inside it: "Experts who have seen the data
        have described it" -> "Experts" (the words found, "the data", are the clause's object)."""
        if a - 1 < s or doc[a - 1].lower_ in NAME_INTROS or doc[a].lower_ in RELATIVES or doc[a - 1].is_punct or any(
                i in mentions and mentions[i].label_ == "PERSON" for i in range(a, b)):
            return a, b  # "a steward who gave his name as Bram said": the name given is the speaker; but in
            # "A lift worker who has run the Falken Express told" the lift is what the clause names; in
            # "Families who dropped out, the professor noted," the aside's subject is its own
        k = a - 2
        while k >= s and a - k <= 6 and doc[k].lower_ != "who" and not doc[k].is_punct:
            k -= 1
        if k < s or doc[k].lower_ != "who" or k + 1 >= a:
            return a, b
        x = k - 1
        while x >= s and k - x <= MAX_SUBJECT and not doc[x].is_punct and doc[x].lower_ not in STOPPERS \
                and not (doc[x].lower_ in PREPOSITIONS and x < k - 1):
            x -= 1
        x += 1
        if x < k and self._subject_kind(doc, x, k, mentions) in ("mention", "role", "group", "org"):
            return x, k
        return a, b

    def _opening_subject(self, doc, s, j, mentions, documents: bool = False):
        """The noun phrase that opens a sentence and is followed by a relative clause or an aside:
        "A miner who asked not to be named, ..., said" -> "A miner" (None if it names nobody; a document
        such as "The press release" counts with *documents*)."""
        first = self._first_segment(doc, s, j)
        if first is None:
            return None
        a, b = first
        k = a
        while k < b and doc[k].lower_ not in RELATIVES:
            k += 1  # the segment stops at "was" in "A miner who was ...": cut at its "who"
        b = k
        kinds = ("mention", "role", "group", "org", "document") if documents else ("mention", "role", "group", "org")
        if b <= a or self._subject_kind(doc, a, b, mentions) not in kinds:
            return None
        return a, b

    def _past_aside(self, doc, s, a, inside, mentions):
        """The subject before an aside set off by commas: "Several parents at the school, 400 metres from the
        plant, say ...". Only a subject that opens the sentence is taken (the aside hides nothing else)."""
        if a - 1 <= s or doc[a - 1].text != ",":
            return None
        subject = self._subject_before(doc, s, a - 1, inside, mentions)
        if subject is None or self._subject_kind(doc, subject[0], subject[1], mentions) is None:
            return None
        opening = s
        while opening < subject[0] and (doc[opening].is_punct or doc[opening].text in QUOTE_MARKS):
            opening += 1
        if subject[0] != opening:
            return None
        if doc[subject[0]].lower_ in ("in", "from") and subject[1] - subject[0] > 1:
            # "In the company's latest survey, 96 per cent of riders said": the survey reports the figure
            inner = (subject[0] + 1, subject[1], subject[2])
            return inner if self._subject_kind(doc, inner[0], inner[1], mentions) == "document" else None
        return subject

    def _main_subject(self, doc, s, j):
        """The subject of a sentence's main clause: the words before its first verb ("has", a past form).

        None when the sentence opens with anything but a noun phrase of at most eight words."""
        a = _after_post_label(doc, past_handle(doc, s, j), j)  # "Update: the head has just emailed parents"
        for k in range(a + 1, min(j, a + 9)):
            t = doc[k]
            if t.is_punct or t.lower_ in STOPPERS - FINITE:
                return None
            if t.is_lower and (t.lower_ in FINITE or t.lower_ in PAST_FORMS or (t.lower_.endswith("ed") and len(t) > 4)):
                b = k
                while b - 1 > a and (doc[b - 1].lower_ in SKIPPABLE or is_adverb(doc[b - 1])):
                    b -= 1  # "Bramblecote Care Group today set out": "today" is no part of the subject
                return a, b
        return None

    def _first_segment(self, doc, s, j):
        a = s
        while a < j and (doc[a].text in QUOTE_MARKS or doc[a].like_num and doc[a + 1].lower_ != "of"
                         or "/" in doc[a].text or doc[a].text.startswith("@") or doc[a].text == ":"):
            a += 1  # a post's count ("2/5") goes, "One of the dads" stays
        a = _after_post_label(doc, a, j)  # "Update: Boxwell have refunded me but still say ..."
        b = a
        while b + 2 < j and not (doc[b].text in ("'s", "\u2019s") and doc[b + 1].lower_ in ("a", "an", "the")):
            b += 1
        if b + 2 < j:
            return (a, b) if b > a else None  # "My mate's a teacher there and says": the mate
        b = a
        while b < j and doc[b].text not in (",", ";", ":") and doc[b].lower_ not in STOPPERS \
                and not (b > a + 1 and self._verb_after_noun(doc, b)):
            b += 1
        return (a, b) if b > a and b - a <= MAX_SUBJECT else None

    def _verb_after_noun(self, doc, k) -> bool:
        """Whether the word at *k* is the first clause's verb, right after the subject's noun ("One of the dads
        works in IT and reckons"): the subject ends before it."""
        t, before = doc[k], doc[k - 1]
        if not (t.is_lower and t.is_alpha) or self.lexical_kind(t.lower_):
            return False
        if t.lower_ in PAST_FORMS:
            return True
        return t.lower_.endswith(("s", "ed")) and not t.lower_.endswith("ss") and bool(self.lexical_kind(before.lower_))

    def _subject_before(self, doc, s, v, inside, mentions, quoted_after: bool = False) -> tuple[int, int, int] | None:
        """Find the subject of a verb at *v* reading leftwards; return (start, end, rank) or None.

        *quoted_after*: a quotation follows the verb ("what the engineer called "serious deterioration"").
        """
        # the region: back to the sentence start or the last mark that ends a clause;
        # a bracketed aside is passed over: 'An article ("Pool to close") wrongly stated'
        a = v - 1
        while a >= s and inside[a] is None and doc[a].text not in (";", ":", "\u2014", "\u2013") \
                and doc[a].text not in QUOTE_MARKS or (a >= s and self._in_brackets(doc, a, s)):
            a -= 1
        region_start = a + 1
        after_quote = a >= s and (doc[a].text in QUOTE_MARKS or inside[a] is not None)
        # split the region into comma segments, nearest first
        segments = []
        cur_end = v
        k = v - 1
        while k >= region_start and doc[k].text == ")":
            # drop a bracketed aside right before the verb
            while k >= region_start and doc[k].text != "(":
                k -= 1
            cur_end = k
            k -= 1
        v = cur_end
        for k in range(v - 1, region_start - 1, -1):
            if doc[k].text == ",":
                segments.append((k + 1, cur_end))
                cur_end = k
        segments.append((region_start, cur_end))

        def tail(seg):
            x, y = seg
            k = y - 1
            while k >= x:
                low = doc[k].lower_
                if low in ("and", "or") and k - 1 >= x and k + 1 < y and doc[k - 1].text[:1].isupper() \
                        and doc[k + 1].text[:1].isupper():
                    k -= 1  # "and" inside a proper name: "Harbour and Transport Workers"
                    continue
                if low in STOPPERS and (doc[k].is_lower or k == region_start):
                    break  # "May" the month is no modal
                k -= 1
            return (k + 1, y), k >= x

        if self._free_relative(doc, segments[0]) and not quoted_after:
            return None  # "what the engineer called "serious deterioration"" quotes the engineer

        first, stopped = tail(segments[0])
        if first[1] - first[0] > 1 and (doc[v - 1].lower_ in ("he", "she", "they") or doc[v - 1].lower_ == "it"
                                        and quoted_after) and doc[v - 2].is_alpha \
                and doc[v - 2].is_lower and doc[v - 2].lower_ not in RELATIVES and doc[v - 2].lower_ not in (
                    "and", "or", "but", "that"):
            first, stopped = (v - 1, v), True  # "Every time I ring they say": a clause before the pronoun
        parts: list[tuple[int, int]] = []
        used = 0
        if first[1] > first[0]:
            lead = doc[first[0]].lower_
            if lead in RELATIVES:
                if first[1] - first[0] > 1:
                    # "which officials say": the words after the relative are the subject
                    first = (first[0] + 1, first[1])
                else:
                    antecedent = self._antecedent(segments, 1, doc, mentions)
                    if antecedent is None:
                        return None
                    return antecedent[0], antecedent[1], 1
            if first[1] - first[0] > MAX_SUBJECT:
                return None
            behind = self._speaker_behind_kin(doc, first, segments, 0, mentions)
            if behind is not None:
                return behind
            parts.append(first)
        else:
            if stopped:
                return None
            # verb right after a comma: "Margaret Doyle, who ..., said"
            k = 1
            while k < len(segments) and k <= 4:  # up to "Joanne Tilsley, 41, of Mill Rise, whose ..., said"
                x, y = segments[k]
                if y <= x:
                    return None
                lead = doc[x].lower_
                if lead in ("and", "but") and x + 1 < y and doc[x + 1].lower_ in RELATIVES:
                    lead = doc[x + 1].lower_  # "A groundsman who ..., and who asked not to be named, said"
                if lead == "who" and parts and x + 1 < y and doc[x + 1].is_lower and doc[x + 1].lower_ not in (
                        "the", "a", "an", "she", "he", "they", "we", "i", "you"):
                    # "Maureen Tredinnick, 71, who chairs the Bluetits, a winter swimming group, says": the words
                    # gathered describe the clause's object; the one the clause describes speaks
                    opening = self._opening_subject(doc, s, v, mentions)
                    if opening is not None:
                        return opening[0], opening[1], 2
                if lead in RELATIVES and parts:
                    break  # "..., which the mayor, Councillor Bronwen Tregear, says": the relative's own subject
                if lead in RELATIVES or ((lead.endswith(("ing", "ed")) or lead in IRREGULAR_PARTICIPLES)
                                         and lead not in self.roles and doc[x].is_lower):  # not "Pickering"
                    named = self._name_given(doc, segments[k], mentions)
                    if named is not None:  # "Another passenger, who gave his name as Gerard, said"
                        return named.start, named.end, 2
                    k += 1
                    continue
                seg, seg_stopped = tail(_before_relative(doc, segments[k]))
                if seg[1] <= seg[0] or seg[1] - seg[0] > MAX_SUBJECT:
                    return None
                behind = self._speaker_behind_kin(doc, seg, segments, k, mentions)
                if behind is not None:
                    return behind
                parts.append(seg)
                used = k
                # "Duncan Fairweather, managing director of the supplier, Corvell Pool Chemicals, said": a name
                # in apposition to the job before it; read on to the person
                named_job = all(i in mentions for i in range(seg[0], seg[1])) and k + 2 < len(segments) \
                    and self._appositive(doc, tail(segments[k + 1])[0], mentions) and any(
                        i in mentions and mentions[i].label_ == "PERSON" for i in range(*segments[k + 2]))
                if seg_stopped or not (self._appositive(doc, seg, mentions) or named_job):
                    break
                k += 1
            if not parts:
                return None
        # an apposition right before: "The harbourmaster, Colin Abara, said" (a pronoun has none: in "... and the
        # Safety Board, she added" the board ends what she said)
        if used + 1 < len(segments) and not stopped and parts and not (
                parts[-1][1] - parts[-1][0] == 1 and doc[parts[-1][0]].lower_ in ("he", "she", "they", "we", "i")):
            seg, seg_stopped = tail(segments[used + 1])
            # not the end of a clause cut at its "and" ("... for the lifeboat and the school over the years,
            # Quayle reckons")
            if seg[1] > seg[0] and seg[1] - seg[0] <= MAX_SUBJECT and not (seg_stopped and used == 0) and (
                    self._has_mention(seg, mentions) != self._has_mention(parts[-1], mentions)) \
                    and doc[parts[-1][0]].lower_ not in ("in", "on", "at", "earlier", "however", "meanwhile"):
                whole_name = all(i in mentions for i in range(seg[0], seg[1]))
                if whole_name or (doc[seg[0]].lower_ in ("the", "a", "an") and seg[1] - seg[0] <= 8):
                    parts.append(seg)
        start = min(p[0] for p in parts)
        chosen = self._best_part(doc, parts, mentions)
        prefix = [t for t in doc[s:start] if not t.is_punct and t.text not in QUOTE_MARKS]
        if after_quote or (start > s and doc[start - 1].text == "," and len(prefix) > 4):
            rank = 3
        elif not prefix or len(prefix) <= 4:
            rank = 2
        else:
            rank = 1
        return chosen[0], chosen[1], rank

    def _speaker_behind_kin(self, doc, name, segments, k, mentions):
        """When the name *name* (segment *k*) stands in apposition to the "his wife", "her husband" that ends
        the "who" clause just before it, the person that clause describes, as (start, end, rank); else None:
        "Maureen Thirkell, 68, who lives there with her husband, Derek, said" -> Maureen Thirkell."""
        if len(segments) < k + 3 or not all(i in mentions for i in range(*name)):
            return None
        x, y = segments[k + 1]
        if not (y - x >= 3 and doc[x].lower_ in ("who", "whose") and doc[y - 2].lower_ in ("his", "her", "their")
                and doc[y - 1].is_alpha and doc[y - 1].is_lower):
            return None
        antecedent = self._antecedent(segments, k + 2, doc, mentions)
        if antecedent is None or antecedent[0] not in mentions:
            return None
        return antecedent[0], antecedent[1], 1

    @staticmethod
    def _name_given(doc, seg, mentions):
        """The name a clause gives its speaker: "who gave his name as Gerard", "who identified herself as Dana"."""
        x, y = seg
        for k in range(x + 1, y - 1):
            if doc[k].lower_ in NAME_INTROS and k + 1 in mentions and mentions[k + 1].label_ in ("PERSON", "NAME") \
                    and any(t.lower_ in ("name", "named", "called", "identified", "introduced") for t in doc[x:k + 1]):
                return mentions[k + 1]
        return None

    def _in_brackets(self, doc, a, s) -> bool:
        """Whether token *a* lies inside a bracketed aside that closes before the verb."""
        depth = 0
        for k in range(a, s - 1, -1):
            if doc[k].text == ")":
                depth += 1
            elif doc[k].text == "(":
                if depth == 0:
                    return True
                depth -= 1
        return False

    def _free_relative(self, doc, seg) -> bool:
        """"whatever they say", "what the race director told me": not a report of what was said."""
        x, y = seg
        k = y - 1
        while k >= x and k >= y - MAX_SUBJECT and not doc[k].is_punct and doc[k].lower_ not in STOPPERS:
            k -= 1
        if k > x and doc[k].lower_ == "what" and doc[k - 1].lower_ in WHAT_IS_SAID:
            return False  # "that's not what the drivers say": what they say is set against the claim
        return k >= x and doc[k].lower_ in ("what", "whatever", "how", "why", "whoever")

    def _antecedent(self, segments, k, doc, mentions):
        """The words a bare "who" refers to: the segment before it, or the person named before the asides
        describing them ("Pete Haverstock, 58, a removals driver from Ellerby, who said")."""
        if k >= len(segments):
            return None
        for x, y in segments[k:k + 3]:
            last = mentions.get(y - 1) if y > x else None
            if last is not None and last.label_ == "PERSON" and last.start >= x and last.end == y:
                return last.start, last.end
            if y <= x or not (doc[x].lower_ in ("a", "an") or doc[x].like_num and y - x == 1):
                break
        x, y = segments[k]
        if y - x > MAX_SUBJECT:
            x = y - MAX_SUBJECT
        k2 = y - 1
        while k2 >= x and doc[k2].lower_ not in STOPPERS and doc[k2].lower_ not in PREPOSITIONS:
            k2 -= 1
        return (k2 + 1, y) if y > k2 + 1 else None

    def _has_mention(self, seg, mentions) -> bool:
        return any(i in mentions for i in range(seg[0], seg[1]))

    def _appositive(self, doc, seg, mentions) -> bool:
        """An apposition ("the chief structural engineer", "of the tenants' association") sits between a name
        and its verb."""
        first = doc[seg[0]].lower_
        if seg[1] - seg[0] == 1 and doc[seg[0]].like_num:
            return True  # an age: "Joanne Tilsley, 41, of Mill Rise, whose daughter ..., said"
        if first in ("of", "from") and self._has_mention(seg, mentions):
            return True  # an affiliation: "Kwabena Idrissou, of the Tenants Association, said"
        if first in ("the", "a", "an") or first in self.roles or (
                not self._has_mention(seg, mentions) and first in ("chief", "former", "senior", "deputy")):
            return True
        # a job named by its last word: "branch secretary of the union", "regional organiser for the GMB",
        # "Kelbridge resident"
        lead = []
        for t in doc[seg[0]:min(seg[1], seg[0] + ROLE_REACH)]:
            if t.lower_ in PREPOSITIONS or t.is_punct:
                break
            lead.append(t)
        return bool(lead) and lead[-1].i not in mentions and lead[-1].lower_ in self.roles

    def _best_part(self, doc, parts, mentions):
        """Prefer the part holding a person's name, then a part that is a name ("Farah Idris, an economist at
        the University of X,"), then any part holding a name, then the nearest part."""
        for p in parts:
            if any(i in mentions and mentions[i].label_ == "PERSON" for i in range(p[0], p[1])):
                return p
        for p in parts:
            if all(i in mentions for i in range(p[0], p[1])) and mentions[p[0]].label_ in ("NAME", "ORG"):
                return p
        for wanted in ("ORG", "NAME"):
            for p in parts:
                if any(i in mentions and mentions[i].label_ == wanted for i in range(p[0], p[1])):
                    return p
        return parts[0]

    def head(self, toks, strict: bool = True):
        """The head noun of a subject: after any possessive and before any prepositional phrase,
        the last word (*strict*) or the right-most word the lexicons know as a role, group,
        document or organisation ("The researchers followed more" -> "researchers")."""
        words = [t for t in toks if t.is_alpha or "-" in t.text or t.text in POSSESSIVE]
        if len(words) > 2 and words[0].lower_ in PARTITIVES and words[1].lower_ == "of":
            words = words[2:]  # "One of our managers reckons": the head is the managers
        if words and words[0].lower_ in ("someone", "somebody"):
            return words[0]  # "someone very senior there": the adjectives after it qualify the someone
        # a possessive inside a phrase after the head ("People familiar with the company's talks") is not
        # the subject's own ("the council's spokeswoman")
        after_head = next((k for k, t in enumerate(words) if k > 0 and (t.lower_ in PREPOSITIONS or (
            t.lower_ in POSTNOMINAL and self.lexical_kind(words[k - 1].lower_)))), len(words))
        cut = max((k for k, t in enumerate(words[:after_head]) if t.text in POSSESSIVE), default=-1)
        words = [t for t in words[cut + 1:] if t.text not in POSSESSIVE]
        while len(words) > 1 and words[-1].lower_ in PLACE_ADVERBS:
            words.pop()  # "Traders there tell me": the traders
        chunk = []
        for k, t in enumerate(words):
            if k > 0 and t.lower_ in PREPOSITIONS:
                break
            if k > 0 and t.lower_ in POSTNOMINAL and self.lexical_kind(words[k - 1].lower_):
                break  # "Sources familiar with the investigation", "residents opposed to the plan"
            if k > 0 and t.is_lower and t.lower_.endswith(("ed", "ing")) and self.lexical_kind(words[k - 1].lower_) \
                    and not self.lexical_kind(t.lower_) \
                    and not (k + 1 < len(words) and (self.lexical_kind(words[k + 1].lower_) or (
                        words[k + 1].lower_.endswith("s") and self.lexical_kind(words[k + 1].lower_[:-1])))):
                break  # "an independent review commissioned by the trust"; not "chief operating officer" or
                # "Some foraging clubs"
            chunk.append(t)
        if strict or not chunk:
            return chunk[-1] if chunk else None
        for t in reversed(chunk):
            if self.lexical_kind(t.lower_):
                return t
        return chunk[-1]

    def lexical_kind(self, word: str) -> str | None:
        """``document``, ``role``, ``group`` or ``org`` for a head noun the lexicons know, else None."""
        word = word.removesuffix("-in-law")  # "my brother-in-law" is a brother to the lexicon
        if self.groups.get(word) == "document":
            return "document"
        if word in self.roles:
            return "role"
        if word.endswith("s") and word[:-1] in self.roles:
            return "group"
        if word in self.groups:
            return "group"
        if (word in self.orgs and word not in COMMON_NOUN_ORGS) or word in ("military", "government", "police", "army"):
            return "org"
        return None

    def _subject_kind(self, doc, a, b, mentions, strict: bool = True, inanimate: bool = False) -> str | None:
        """What the subject words are: a name, a pronoun, a role, a group, an organisation or a document.

        *inanimate*: a sign-like thing ("the notice", "the label") may be a document here."""
        toks = [t for t in doc[a:b] if not t.is_punct or t.text in POSSESSIVE]
        if not toks:
            return None
        words = [t.lower_ for t in toks if not t.is_punct]
        if len(words) == 1 and words[0] in PRONOUNS:
            return "pronoun"
        if len(toks) == 1 and toks[0].text.startswith("@") and len(toks[0].text) > 1:
            return "mention"  # "@ReeceAmbrose_ says his only went up £2": a poster named by handle
        if words and (words[0] in ("i", "we", "you") or words[-1] in ("i", "we", "you", "me", "us")):
            return None
        labels = {mentions[t.i].label_ for t in toks if t.i in mentions}
        if "PERSON" in labels:
            return "mention"
        if len(toks) >= 2 and toks[-1].text in POSSESSIVE and all(t.i in mentions for t in toks[:-1]) \
                and labels & {"ORG", "NAME"}:
            return "mention"  # "Halloway’s says": a shop named with its possessive, nothing owned after it
        head = self.head(toks, strict)
        if head is None:
            return None
        if head.i in mentions and mentions[head.i].label_ == "TITLE":
            return "role"  # "the Superintendent": a job title standing for a person
        if head.i not in mentions:
            if head.lower_ in self.inanimate and not (inanimate and self.groups.get(head.lower_) == "document"):
                return None
            kind = self.lexical_kind(head.lower_)
            if kind is None and head.lower_ in self._org_heads and toks[0].lower_ in ("the", "its", "their"):
                return "org"  # "the branch" after "the Rail Accident Investigation Branch"
            if kind is None and head.lower_ == "force" and toks[0].lower_ == "the" and _police_named(doc):
                return "org"  # "according to the force": a police force named as a constabulary or police
            if kind is None and toks[0].lower_ in ("a", "an", "one") and _in_body(doc, a) and (
                    _person_noun(head) or _unnamed_follows(doc, b)):
                return "role"  # "A former keeper at the reservoir told ...", "One mill hand, who asked not to be named"
            if kind is None and toks[0].lower_ == "the" and _in_body(doc, a) and _person_noun(head) and (
                    len(words) <= 3 or b + 1 < len(doc) and doc[b].text == "," and doc[b + 1].lower_ == "who"):
                return "role"  # "the agent told me", "The sub-postmistress, who keeps a tally, says": a job the
                # lexicon lacks
            if kind is None and _plural_person_noun(head) and _in_body(doc, a) and (
                    toks[0].lower_ in SOME_OF or len(words) <= 3 and all(t.is_alpha for t in toks)
                    and not any(t.lower_ in NOT_IN_GROUP_NAME for t in toks)):
                return "group"  # people the lexicon lacks: "According to several of the paddlers", "Some anglers
                # say", and by their pastime or trade alone, "Local surfers say", "Dog walkers insist"
            return kind
        if labels & {"ORG", "NAME"}:
            return "mention"
        return None



def _unnamed_follows(doc, b: int) -> bool:
    """Whether the clause right after a subject says it is a person kept unnamed ("..., who asked not to be
    named for fear of losing his job, said")."""
    text = " ".join(t.lower_ for t in doc[b:min(len(doc), b + 12)])
    return any(phrase in text for phrase in UNNAMED)


# Words that stop a bare plural from naming people ("a ...", "among coffee drinkers", "of the riders").
NOT_IN_GROUP_NAME = {"a", "an", "one", "among", "of", "in", "at", "for", "from", "with", "by", "to", "on", "about",
                     "than", "like", "and", "or", "but", "as", "between", "after", "before"}
# Quantities of people that open a group of them: "several of the paddlers", "some anglers".
SOME_OF = {"several", "some", "many", "most", "few", "two", "three", "four", "other", "both", "all"}


def past_handle(doc, s: int, end: int) -> int:
    """Where a sentence's words start after a post's handle and punctuation ("@sally: ...")."""
    while s < end and (doc[s].is_punct or doc[s].text.startswith("@")):
        s += 1
    return s


def _police_named(doc) -> bool:
    """Whether the article names a police force, so that "the force" stands for it."""
    return any(t.lower_ in ("police", "constabulary") for t in doc)


def _plural_person_noun(token) -> bool:
    """Whether a lower-case plural names people by its singular's ending ("paddlers", "surfers")."""
    return token.is_lower and token.lower_.endswith("s") and person_noun(token.lower_[:-1])


def _in_body(doc, i: int) -> bool:
    """Whether token *i* is in a body sentence (not a headline, sub-heading or dateline)."""
    return any(r["token_start"] <= i < r["token_end"] and r["kind"] == "body" for r in doc._.medialit_sentences)


def _person_noun(token) -> bool:
    """Whether a lower-case head noun the lexicons do not know looks like a word for a person."""
    return token.is_lower and all(part.isalpha() for part in token.lower_.split("-")) and person_noun(token.lower_)


def _before_relative(doc, seg):
    """An apposition up to its relative clause: "a nurse at the hospital who tested it" -> "a nurse at the hospital"."""
    x, y = seg
    for k in range(x + 1, y):
        if doc[k].lower_ in ("who", "which", "whose"):
            return x, k
    return seg


def _after_post_label(doc, a: int, j: int) -> int:
    """Where a post's text starts after a label such as "Update:" or "Edit:" at *a* (before *j*)."""
    return a + 2 if a + 1 < j and doc[a].lower_ in POST_LABELS and doc[a + 1].text == ":" else a


def is_adverb(token) -> bool:
    """A manner or time adverb between subject and verb: "definitely", "quietly"."""
    low = token.text
    return low.islower() and low.endswith("ly") and len(low) > 4 and low not in ("family", "supply", "only", "early")
