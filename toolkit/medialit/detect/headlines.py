"""Flag headlines and sub-headings that state a sourced claim without the source: Doc in, spans out.

Reads ``doc._.medialit_sentences`` and ``doc.spans["medialit_attribution"]`` (with speakers); writes
``doc.spans["medialit_unattributed"]``: one span per headline or sub-heading that has no tag of its
own but repeats what an attributed body sentence says (two or more shared content words, or a
quotation); a heading that is only a name ("About the Trust") states nothing. ``span._.unattributed``
has ``cue`` (which body sentence and speaker it drops), ``sid`` (that body
sentence), ``speaker`` and ``overlap``.
"""

from __future__ import annotations

from .terms import terms

SPANS_KEY = "medialit_unattributed"
MIN_SHARED = 2
MIN_WORDS = 3


class HeadlineClaims:
    """Headlines that drop the source of a claim made in the body."""

    def __init__(self, nlp) -> None:
        pass

    def __call__(self, doc):
        """Write ``doc.spans["medialit_unattributed"]``.

        Args:
            doc (Doc): a document with attribution spans and speakers.

        RETURNS (Doc): the same document.
        """
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc) -> list[tuple[dict, dict | None, int]]:
        """Return ``(heading row, best attributed body sentence or None, shared words)`` per heading."""
        attributed = {s._.sid: s for s in doc.spans.get("medialit_attribution", [])}
        body = [(s, terms(s)) for sid, s in attributed.items()]
        out = []
        rows = doc._.medialit_sentences
        for k, row in enumerate(rows):
            if row["kind"] not in ("headline", "subhead") or row["sid"] in attributed:
                continue
            span = doc[row["token_start"]:row["token_end"]]
            words = [t for t in span if t.is_alpha]
            named = {i for m in doc.spans.get("medialit_mentions", []) for i in range(m.start, m.end)}
            if len(words) < MIN_WORDS or sum(1 for t in words if t.i not in named) <= 1:
                continue  # too short, or only a name ("About Harlow Health Trust"): no claim
            mine = terms(span)
            best, shared = None, 0
            for other, theirs in body:
                if other._.speaker is None:
                    continue
                n = len(mine & theirs)
                # the body right below a sub-heading is what it sums up: prefer it on ties
                if n > shared or (n == shared and best is not None and other.start > span.start
                                  and best.start < span.start):
                    best, shared = other, n
            quoted = any(q.start >= span.start and q.end <= span.end for q in doc.spans.get("medialit_quotes", []))
            if best is not None and (shared >= MIN_SHARED or quoted):
                out.append((row, best, shared))
        return out

    def set_annotations(self, doc, matches):
        """Write one span per heading that drops a source."""
        spans = []
        for row, best, shared in matches:
            span = doc[row["token_start"]:row["token_end"]]
            span.label_ = "unattributed"
            span._.sid = row["sid"]
            span._.unattributed = {"cue": f"states as fact what {best._.speaker} says in {best._.sid}, "
                                          "without naming the source",
                                   "sid": best._.sid, "speaker": best._.speaker, "overlap": shared}
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc
