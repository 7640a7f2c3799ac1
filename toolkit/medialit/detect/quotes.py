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
        intro_ends = {end for _, _, end in self.intro(doc)}
        spans = []
        for seg in segments:
            span = doc.char_span(seg["start"], seg["end"], alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            words = sum(1 for t in span if not t.is_punct and t.text not in _MARKS)
            label = "speech"
            before = [t for t in doc[max(span.start - 5, 0):span.start]]
            if span.start in intro_ends or (span.start - 1) in intro_ends:
                label = "title"
            elif any(t.lower_ in self.inanimate for t in before) or (before and before[-1].text == "("):
                label = "title"
            elif seg["closed"] and words <= MAX_SCARE_WORDS and not _follows_speech(before):
                label = "scare"
            span = doc[span.start:span.end]
            span.label_ = label
            span._.quote = {"chain": seg["chain"], "closed": seg["closed"], "words": words}
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


def _depth_after(text: str, depths: list) -> list[int]:
    """Depth just after each character (the depth before the next one)."""
    out = []
    for i in range(len(text)):
        nxt = depths[i + 1]
        if nxt is None:  # last character: apply its own effect
            nxt = quote_depths(text + " ")[-1]
        out.append(nxt)
    return out


def _follows_speech(before) -> bool:
    """A colon or a speech verb right before a short quotation makes it speech, not scare quotes."""
    return bool(before) and before[-1].text == ":"


def opens_quote(token) -> bool:
    """Whether *token* is an opening quotation mark."""
    return token.text in OPENING_QUOTES
