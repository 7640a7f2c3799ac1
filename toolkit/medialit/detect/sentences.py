"""Carry an article's sentences into a spaCy Doc: sentences DataFrame in, Doc with ``doc.sents`` out.

Takes ``Article.sentences`` (sid, paragraph, kind, text, start, end, in_quote) and writes one
record per sentence to ``doc._.medialit_sentences``: sid, paragraph, kind, in_quote, start, end
(character offsets) and ``token_start``/``token_end``, in the order of ``doc.sents``. A plain
text Doc (no article) gets spaCy's rule-based sentence boundaries and ``kind`` ``body``.
"""

from __future__ import annotations

import re

_PARAGRAPH = re.compile(r"\n\s*\n")


def doc_from_article(nlp, article):
    """Tokenize *article*'s text and mark its sentences, ready for ``nlp(doc)``.

    Args:
        nlp: a pipeline from ``medialit.detect.pipeline.make_nlp``.
        article: a loaded ``medialit.Article``.

    Returns:
        spacy.tokens.Doc: with sentence starts and ``doc._.medialit_sentences`` set.
    """
    doc = merge_split_words(nlp.make_doc(article.text))
    frame = article.sentences
    rows = [
        {"sid": sid, "paragraph": int(par), "kind": kind, "in_quote": bool(inq), "start": int(s), "end": int(e)}
        for sid, par, kind, inq, s, e in zip(frame["sid"], frame["paragraph"], frame["kind"], frame["in_quote"],
                                             frame["start"], frame["end"])
    ]
    set_sentences(doc, rows)
    doc._.medialit_article = article.id
    doc._.medialit_meta = dict(article.meta)
    return doc


def merge_split_words(doc):
    """Merge words written with inner hyphens (``Ki-moon``, ``so-called``, ``Su-25``) into one token each,
    and handles the tokenizer splits at an underscore (``@ReeceAmbrose_``, ``@amara_okafor_``).

    The blank English tokenizer splits them; names and lexicon phrases are easier to match whole.
    """
    spans = []
    i, n = 0, len(doc)
    while i < n - 1:
        j = i
        if doc[i].text.startswith("@"):
            while j + 1 < n and not doc[j].whitespace_ and (doc[j + 1].text == "_" or (
                    doc[j].text.endswith("_") and doc[j + 1].text[:1].isalnum())):
                j += 1  # "@ReeceAmbrose" "_" -> "@ReeceAmbrose_"
        else:
            while (j + 2 < n and doc[j + 1].text in "-\u2010\u2011" and not doc[j].whitespace_
                   and not doc[j + 1].whitespace_ and not doc[j + 2].is_punct and not doc[j].is_punct):
                j += 2
        if j > i:
            spans.append(doc[i:j + 1])
            i = j + 1
        else:
            i += 1
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
    return doc


def set_sentences(doc, rows: list[dict]) -> None:
    """Mark sentence starts at each row's ``start`` and record token offsets in the rows."""
    starts = {}
    for row in rows:
        span = doc.char_span(row["start"], row["end"], alignment_mode="expand")
        if span is None:
            continue
        starts.setdefault(span.start, row)
    ordered = sorted(starts)
    # one array write instead of a setter per token (each setter rescans the whole doc)
    import numpy

    flags = numpy.full((len(doc), 1), -1, dtype="int64")
    for i in set(ordered) | {0}:
        if i < len(doc):
            flags[i, 0] = 1
    if len(doc):
        doc.from_array(["SENT_START"], flags.astype("uint64"))
    out = []
    for k, i in enumerate(ordered):
        row = dict(starts[i])
        row["token_start"] = i
        row["token_end"] = ordered[k + 1] if k + 1 < len(ordered) else len(doc)
        out.append(row)
    doc._.medialit_sentences = out


class SentenceRecords:
    """Make sure every Doc has ``doc._.medialit_sentences`` (plain text gets rule-based sentences)."""

    def __init__(self, nlp) -> None:
        from spacy.pipeline import Sentencizer

        self.sentencizer = Sentencizer()

    def __call__(self, doc):
        """Add sentence records to *doc* unless it came from an article.

        Args:
            doc (Doc): the document.

        RETURNS (Doc): the same document.
        """
        if doc._.medialit_sentences:
            return doc
        doc = self.sentencizer(merge_split_words(doc))
        text = doc.text
        breaks = [m.end() for m in _PARAGRAPH.finditer(text)]
        rows = []
        counts: dict[int, int] = {}
        for sent in doc.sents:
            text = sent.text.strip()
            if not text:
                continue
            paragraph = 1 + sum(1 for b in breaks if b <= sent.start_char)
            counts[paragraph] = counts.get(paragraph, 0) + 1
            start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            rows.append({"sid": f"p{paragraph}s{counts[paragraph]}", "paragraph": paragraph, "kind": "body",
                         "in_quote": False, "start": start, "end": start + len(text)})
        set_sentences(doc, rows)
        return doc
