"""Split an article's blocks into sentences: blocks in, sentences DataFrame out.

Returns columns ``sid`` (str), ``paragraph`` (int), ``kind`` (str), ``text`` (str),
``start``/``end`` (int offsets into the article text) and ``in_quote`` (bool).
spaCy's rule-based sentencizer finds candidate boundaries; the fixes below handle
what wire copy does to it (quotes opening after a full stop, ``"Why?" he asked``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

OPENING_QUOTES = "\u201c\u2018\u00ab\u201e"
CLOSING_QUOTES = "\u201d\u2019\u00bb"
AMBIGUOUS_QUOTES = "\""
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass(frozen=True)
class Block:
    """One block of an article: a headline, a sub-heading or a body paragraph."""

    kind: str  # headline | subhead | body
    text: str
    start: int  # offset of the block in the article text


@functools.lru_cache(maxsize=1)
def _sentencizer():
    """Build spaCy's blank English pipeline with a sentencizer once (no model download)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _spacy_spans(texts: list[str]) -> list[list[tuple[int, int]]]:
    nlp = _sentencizer()
    out = []
    for doc in nlp.pipe(texts, batch_size=64):
        out.append([(s.start_char, s.end_char) for s in doc.sents])
    return out


def _is_opening(text: str, i: int) -> bool:
    """Decide whether the quote mark at *i* opens a quotation (by its neighbours)."""
    ch = text[i]
    if ch in OPENING_QUOTES:
        return True
    if ch in CLOSING_QUOTES:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{-\u2014\u2013/" + OPENING_QUOTES:
        return not after.isspace()
    return False


def quote_depths(text: str) -> list[int]:
    """Return, for each character of one block, the quotation depth just before it.

    Double quotes (straight ones read by their neighbours) nest; curly single quotes count
    as quotation marks only when they open before a word and close an open one, so that an
    apostrophe (don’t, militants’) never opens or closes a quotation.
    """
    double = single = 0
    depths = []
    for i, ch in enumerate(text):
        depths.append(double + single)
        if ch in "\u201c\u201d\"\u00ab\u00bb\u201e":
            if _is_opening(text, i):
                double += 1
            elif double > 0:
                double -= 1
        elif ch == "\u2018" and _is_opening(text, i):
            single += 1
        elif ch == "\u2019" and single > 0 and not _letter_after(text, i):
            single -= 1
    return depths


def _letter_after(text: str, i: int) -> bool:
    return i + 1 < len(text) and text[i + 1].isalpha()


def _fix_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Repair spaCy's boundaries for quotes and lowercase continuations."""
    # 1. Strip whitespace and drop empty spans.
    cleaned = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            cleaned.append([s, e])
    # 2. An opening mark stranded at the end of a sentence (a quote mark, bracket, '#' or '@'
    #    that spaCy attached to the previous full stop) starts the next one.
    for k in range(len(cleaned) - 1):
        s, e = cleaned[k]
        j = e
        while j > s and _opens(text, j - 1):
            j -= 1
        if s < j < e:
            while j > s and text[j - 1].isspace():
                j -= 1
            cleaned[k][1] = j
            nxt = j
            while text[nxt].isspace():
                nxt += 1
            cleaned[k + 1][0] = nxt
    # 3. Merge a piece that cannot start a sentence into the one before:
    #    `"Why?" he asked.` or a fragment with no letters at all.
    merged: list[list[int]] = []
    for s, e in cleaned:
        piece = text[s:e]
        first_letter = _LETTER.search(piece)
        # "6.12pm was ..." starts with a number, not with the lowercase "pm": a new sentence.
        starts_lower = (bool(first_letter) and piece[first_letter.start()].islower()
                        and not any(c.isdigit() for c in piece[:first_letter.start()]))
        if merged and (first_letter is None
                       or (starts_lower and _continues(text, merged[-1][1], s))
                       or (piece[0].isdigit() and _ends_with_numbering_abbreviation(text[merged[-1][0]:merged[-1][1]]))):
            merged[-1][1] = e
        else:
            merged.append([s, e])
    # 4. spaCy keeps "p.m." whole, so "... by 4:25 p.m. Police estimated ..." stays one sentence: split after a
    #    time's "a.m."/"p.m." when a capitalised word or a quotation follows (not a day, a month or "GMT").
    out = []
    for s, e in merged:
        for m in _TIME_THEN_SENTENCE.finditer(text, s, e):
            if m.group("next") not in _AFTER_TIME:
                out.append([s, m.end("time")])
                s = m.start("next")
        out.append([s, e])
    return [(s, e) for s, e in out if text[s:e].strip()]


# "4:25 p.m. Police ...", "7.30 a.m. “It was ...": a time ending a sentence before the next one opens.
_TIME_THEN_SENTENCE = re.compile(r"\d\s?(?P<time>[ap]\.m\.)\s+(?P<next>[\u201c\u2018\"]?[A-Z][\w\u2019']*)")
# Words that may follow a time inside its sentence: "at 4 p.m. Monday", "7 p.m. GMT".
_AFTER_TIME = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
               "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
               "GMT", "BST", "UTC", "CET", "CEST", "EST", "EDT", "PST", "PDT", "ET", "PT", "local", "Today"}


_OPENERS = "([{#@\u00bf\u00a1"
# Abbreviations that stand before a number ("No. 10", "pp. 4-5") and never end a sentence there.
_NUMBERING = re.compile(r"(?:^|\s)(?:No|Nos|no|Art|Fig|Vol|vol|p|pp|Ch|ch|Sec|sec|Ex|Nr|Para|para)\.$")


def _opens(text: str, i: int) -> bool:
    """Whether the character at *i* opens something that belongs to the following text."""
    ch = text[i]
    if ch in OPENING_QUOTES or ch in _OPENERS:
        return True
    return ch in AMBIGUOUS_QUOTES and _is_opening(text, i)


def _ends_with_numbering_abbreviation(sentence: str) -> bool:
    return bool(_NUMBERING.search(sentence))


def _continues(text: str, prev_end: int, start: int) -> bool:
    """Whether a lowercase start continues the sentence before (not a list item like 'iPhone')."""
    before = text[:prev_end].rstrip()
    return bool(before) and before[-1] in ".!?\u2026" + CLOSING_QUOTES + AMBIGUOUS_QUOTES + ")"


_DATELINE = re.compile(
    r"""^(
      [A-Z][A-Z .'\-]{1,40}(?:\s*/[A-Z .'\-]+/)?,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\.\s+/[A-Z][A-Za-z\-]+/\.   # HMEIMIM /SYRIA/, May 4. /TASS/.
     |[A-Z][A-Z .'\-]{1,40}(?:,\s+[A-Z][A-Za-z .]+)?\s+\([A-Z][A-Za-z .]+\)\s*[\u2014\u2013-]{1,2}            # LONDON (Reuters) —
     |[A-Z][A-Z .'\-]{1,40},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?\s*\([A-Z][A-Za-z .]+\)\s*[\u2014\u2013-]{1,2}  # PARIS, May 4 (AFP) -
     |[A-Z][A-Z .'\-]{2,40}\s*[\u2014\u2013]                                                                  # CALDERPORT —
    )""",
    re.VERBOSE,
)


def find_dateline(paragraph: str) -> str | None:
    """Return the dateline that opens *paragraph* (e.g. ``HMEIMIM /SYRIA/, May 4. /TASS/.``), if any."""
    m = _DATELINE.match(paragraph)
    return m.group(0).strip() if m else None


def sentences_from_blocks(blocks: list[Block], dateline: str | None = None):
    """Segment *blocks* into the sentences DataFrame (see module docstring).

    Args:
        blocks: the article's blocks in order, with their offsets.
        dateline: the exact dateline prefix of the first body paragraph, if known;
            when ``None`` a dateline is looked for by pattern.

    Returns:
        pandas.DataFrame with one row per sentence.
    """
    import pandas as pd

    rows: list[dict] = []
    body_texts: list[tuple[int, Block, int]] = []  # (block number, block, offset of the split text)
    seen_body = False
    pending_dateline: dict[int, tuple[int, int]] = {}
    for number, block in enumerate(blocks, start=1):
        if block.kind != "body":
            continue
        skip = 0
        if not seen_body:
            seen_body = True
            found = dateline if dateline and block.text.startswith(dateline) else (
                None if dateline else find_dateline(block.text))
            if found:
                skip = len(found)
                while skip < len(block.text) and block.text[skip].isspace():
                    skip += 1
                pending_dateline[number] = (block.start, block.start + len(found))
        body_texts.append((number, block, skip))
    spans = _spacy_spans([b.text[skip:] for _, b, skip in body_texts])
    body_spans = {number: (block, skip, sp) for (number, block, skip), sp in zip(body_texts, spans)}

    for number, block in enumerate(blocks, start=1):
        pieces: list[tuple[str, int, int, bool]] = []
        if block.kind in ("headline", "subhead"):
            pieces.append((block.kind, 0, len(block.text), False))
        else:
            _, skip, sp = body_spans[number]
            if number in pending_dateline:
                pieces.append(("dateline", 0, pending_dateline[number][1] - block.start, False))
            sub = block.text[skip:]
            depths = quote_depths(sub)
            for s, e in _fix_spans(sub, sp):
                inside = depths[s] > 0 or (sub[s] in OPENING_QUOTES + AMBIGUOUS_QUOTES and _is_opening(sub, s))
                pieces.append(("body", skip + s, skip + e, inside))
        for n, (kind, s, e, inside) in enumerate(pieces, start=1):
            rows.append({
                "sid": f"p{number}s{n}",
                "paragraph": number,
                "kind": kind,
                "text": block.text[s:e],
                "start": block.start + s,
                "end": block.start + e,
                "in_quote": bool(inside),
            })
    frame = pd.DataFrame(rows, columns=["sid", "paragraph", "kind", "text", "start", "end", "in_quote"])
    return frame.astype({"paragraph": "int64", "start": "int64", "end": "int64", "in_quote": "bool"})
