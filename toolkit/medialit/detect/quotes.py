"""Find quotations, also those running over several sentences and paragraphs: Doc in, quote spans out.

Reads ``doc._.medialit_sentences`` (paragraph, start, end) and writes ``doc.spans["medialit_quotes"]``:
one span per quotation segment from its opening to its closing mark, labelled ``speech``,
``scare`` (one to three words, e.g. ``every "review"``) or ``title`` (signs, names, "so-called").
``span._.quote`` holds ``chain`` (segments continued across paragraphs share it), ``closed``
and ``words``. Quotation depth is read exactly as ``articles.segment.quote_depths`` reads it.
"""

from __future__ import annotations

from ..articles.segment import OPENING_QUOTES, quote_depths
from .lexicon import phrase_matcher, word_labels

SPANS_KEY = "medialit_quotes"
_MARKS = "\u201c\u201d\"\u00ab\u00bb\u201e"
MAX_SCARE_WORDS = 3


def paragraphs_of(doc) -> list[tuple[int, str, int, int]]:
    """Return ``(paragraph, kind, start_char, end_char)`` for each paragraph of *doc*, in order."""
    out: dict[int, list] = {}
    for row in doc._.medialit_sentences:
        entry = out.setdefault(row["paragraph"], [row["paragraph"], row["kind"], row["start"], row["end"]])
        entry[2] = min(entry[2], row["start"])
        entry[3] = max(entry[3], row["end"])
        if row["kind"] != "dateline":
            entry[1] = row["kind"]
    return [tuple(v) for _, v in sorted(out.items())]


class QuoteTracker:
    """Mark quotation segments and chain those that continue into the next paragraph."""

    def __init__(self, nlp) -> None:
        self.intro = phrase_matcher(nlp, "not_speech", {"quote_intro"})
        self.inanimate = {w for w, label in word_labels("not_speech").items() if label == "inanimate"}

    def __call__(self, doc):
        """Write ``doc.spans["medialit_quotes"]``.

        Args:
            doc (Doc): a document with ``doc._.medialit_sentences``.

        RETURNS (Doc): the same document.
        """
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc) -> list[dict]:
        """Return the quotation segments as dicts: start, end (characters), closed, chain, paragraph."""
        segments: list[dict] = []
        chain = -1
        open_from: int | None = None  # paragraph whose last quotation is still open
        full = doc.text  # built anew on every access: read it once
        for paragraph, kind, start, end in paragraphs_of(doc):
            text = full[start:end]
            depths = quote_depths(text) + [None]
            after = _depth_after(text, depths)
            first_here = True
            i = 0
            while i < len(text):
                if text[i] in _MARKS and depths[i] == 0 and after[i] > 0:
                    j = next((k for k in range(i + 1, len(text)) if after[k] == 0), None)
                    continues = (first_here and open_from == paragraph - 1 and kind == "body"
                                 and not text[:i].strip())
                    if not continues:
                        chain += 1
                    segments.append({"start": start + i, "end": start + (j + 1 if j is not None else len(text)),
                                     "closed": j is not None, "chain": chain, "paragraph": paragraph})
                    first_here = False
                    i = (j + 1) if j is not None else len(text)
                else:
                    i += 1
            open_from = paragraph if segments and segments[-1]["paragraph"] == paragraph and not segments[-1]["closed"] \
                else None
        return segments

    def set_annotations(self, doc, segments: list[dict]):
        """Turn *segments* into labelled spans under ``doc.spans["medialit_quotes"]``."""
        intro_ends = {end for _, start, end in self.intro(doc) if not _letter_reads(doc, start, end)}
        sent_start = {}
        for row in doc._.medialit_sentences:
            for i in range(row["token_start"], row["token_end"]):
                sent_start[i] = row["token_start"]
        spans = []
        last = None  # the previous span and its label
        for seg in segments:
            span = doc.char_span(seg["start"], seg["end"], alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            words = sum(1 for t in span if not t.is_punct and t.text not in _MARKS)
            label = "speech"
            before = [t for t in doc[max(span.start - 5, 0):span.start]]
            if span.start in intro_ends or (span.start - 1) in intro_ends:
                label = "title"
            elif any(t.lower_ in self.inanimate and (t.is_lower or sent_start.get(t.i) == t.i) for t in before) \
                    or (before and before[-1].text == "("):  # "Banner said" names a man, not a banner
                label = "title"
            elif last is not None and last[1] == "title" and 0 < span.start - last[0].end <= 2 \
                    and all(t.lower_ in ("and", "or", ",") for t in doc[last[0].end:span.start]):
                label = "title"  # 'placards reading "A" and "B"'
            elif self._inanimate_subject(doc, sent_start.get(span.start, span.start), span.start):
                label = "title"  # 'A banner tied to the fence said "..."'
            elif seg["closed"] and words <= MAX_SCARE_WORDS and _words_given(before) \
                    and not self._whole_sentence(doc, span, sent_start):
                label = "title"
            elif seg["closed"] and words <= MAX_SCARE_WORDS and not _follows_speech(before) \
                    and not self._whole_sentence(doc, span, sent_start):
                label = "scare"  # a short sentence quoted whole ('"Nobody listened."') is speech
            span = doc[span.start:span.end]
            last = (span, label)
            span.label_ = label
            span._.quote = {"chain": seg["chain"], "closed": seg["closed"], "words": words}
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


    def _whole_sentence(self, doc, span, sent_start) -> bool:
        """Whether a quotation is a sentence of its own: it opens the sentence and ends with a full stop inside,
        or with the comma before its tag ('"It's unbearable," said one.')."""
        start = sent_start.get(span.start, span.start)
        inner = [t for t in span if t.text not in _MARKS]
        return not any(not t.is_punct for t in doc[start:span.start]) and bool(inner) \
            and inner[-1].text in (".", "!", "?", "…", ",")

    def _inanimate_subject(self, doc, start, end) -> bool:
        """Whether the sentence before a quotation opens on a thing (a banner, a sign) and no person follows it."""
        toks = doc[start:end]
        k = next((t.i for t in toks[:4] if t.lower_ in self.inanimate), None)
        if k is None:
            return False
        return not any(t.lower_ in _PEOPLE_WORDS or (t.text[:1].isupper() and t.i > k) for t in doc[k + 1:end])


# What a person or a body writes to someone: what it "reads" is its writer's words, not a sign's.
LETTER_WORDS = {"email", "e-mail", "emails", "letter", "letters", "message", "text", "statement", "note", "reply",
                "response"}


def _letter_reads(doc, start: int, end: int) -> bool:
    """"The email reads: “...”", "Got a letter from them. It reads: “...”": a letter quoted, not a sign's words."""
    if doc[start].lower_ not in ("reads", "read") or end >= len(doc) or doc[end].text != ":":
        return False
    before = doc[max(start - 3, 0):start]
    if any(t.lower_ in LETTER_WORDS for t in before):
        return True
    return start > 0 and doc[start - 1].lower_ in ("it", "this") and any(
        t.lower_ in LETTER_WORDS for t in doc[max(start - 30, 0):start - 1])


# Words that bring a speaker into a sentence, so that a quotation after them may be speech.
_PEOPLE_WORDS = {"he", "she", "they", "i", "we", "him", "her", "them", "who"}


def _depth_after(text: str, depths: list) -> list[int]:
    """Depth just after each character (the depth before the next one)."""
    out = []
    for i in range(len(text)):
        nxt = depths[i + 1]
        if nxt is None:  # last character: apply its own effect
            nxt = quote_depths(text + " ")[-1]
        out.append(nxt)
    return out


# Words right before a short quotation that make it words repeated or a name given (a title), not scare quotes:
# 'the announcer says "Welcome home"', 'listed under "Heat health"'.
SPEECH_BEFORE = {"says", "said", "say", "saying", "shouted", "shouts", "chanted", "chants", "sang", "sings", "yelled",
                 "replied", "replies", "answered", "added", "asked", "asks", "wrote", "writes", "tweeted", "posted",
                 "under", "headed", "headlined"}


def _follows_speech(before) -> bool:
    """A colon right before a short quotation makes it speech, not scare quotes."""
    return bool(before) and before[-1].text == ":"


def _words_given(before) -> bool:
    """A verb of saying or a heading word right before a short quotation: words repeated or a name given
    ('the announcer says "Welcome home"', 'under "Heat health"'), neither a claim nor scare quotes."""
    words = [t for t in before if t.text not in _MARKS]
    return bool(words) and words[-1].lower_ in SPEECH_BEFORE


def opens_quote(token) -> bool:
    """Whether *token* is an opening quotation mark."""
    return token.text in OPENING_QUOTES
