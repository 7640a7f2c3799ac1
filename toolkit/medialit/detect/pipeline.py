"""The detector pipeline: article in, detections (DataFrames) out.

``detect_article`` returns a ``Detections`` with:

- ``attribution``: sid, kind (headline/subhead/body), label (direct, indirect, mixed, according_to,
  continued, unattributed), cue, speaker, speaker_type, speaker_words, via (tag, chain, carry, none);
- ``unverifiable``: sid, reason, cue, weight (one row per cue; a sentence is flagged when its
  weights reach ``cues.THRESHOLD``) and ``flagged`` (sid, reason, cues, score) one row per flagged sentence;
- ``sources``: name, type, aliases;
- ``claims``: article, sid, speaker, numbers, times, negated, stance, terms, names, attributed, dismisses,
  slots, text.

All frames use plain dtypes (str, float, bool, object lists).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

# The order matters: each step reads what the ones before it wrote.
STEPS = [
    "medialit_sentences",     # sentence records (the article's own)
    "medialit_quotes",        # quotation segments and chains across paragraphs
    "medialit_mentions",      # names of people and organisations
    "medialit_attribution",   # which sentences attribute, and the speaker words of their tags
    "medialit_speakers",      # canonical speakers (needs the mentions and the tags)
    "medialit_unattributed",  # headlines stating a sourced claim (needs the speakers of the body)
    "medialit_cues",          # unverifiable cues (reads the speaker types: anonymous sources)
    "medialit_claims",        # claim features for conflict candidates (needs the speakers)
]

ATTRIBUTION_COLUMNS = ["sid", "kind", "label", "cue", "speaker", "speaker_type", "speaker_words", "via"]
CUE_COLUMNS = ["sid", "reason", "cue", "weight"]
FLAGGED_COLUMNS = ["sid", "reason", "cues", "score"]
SOURCE_COLUMNS = ["name", "type", "aliases"]
CLAIM_COLUMNS = ["article", "sid", "speaker", "numbers", "times", "negated", "stance", "terms", "names", "attributed",
                 "dismisses", "slots", "kind", "blame", "hedged", "text"]


@dataclass
class Detections:
    """What the detectors found in one article (see the module docstring for the columns)."""

    article_id: str
    attribution: object
    unverifiable: object
    flagged: object
    sources: object
    claims: object


@functools.lru_cache(maxsize=1)
def make_nlp():
    """Build the blank-English pipeline with every medialit component (no model download).

    Returns:
        spacy.Language: ``spacy.blank("en")`` plus ``STEPS``.
    """
    import spacy

    from . import factories  # noqa: F401  (registers the components)

    nlp = spacy.blank("en")
    for step in STEPS:
        nlp.add_pipe(step)
    return nlp


def doc_for_article(article):
    """Run the pipeline over *article* and return the spaCy Doc."""
    from .sentences import doc_from_article

    nlp = make_nlp()
    return nlp(doc_from_article(nlp, article))


def detect_article(article) -> Detections:
    """Run every detector over one article.

    Args:
        article: a ``medialit.Article`` or an id/path accepted by ``load_article``.

    Returns:
        Detections: attribution, unverifiable cues, flagged sentences, sources and claims.
    """
    from ..articles.load import load_article

    article = load_article(article)
    return detections_from_doc(doc_for_article(article), article.id)


def detections_from_doc(doc, article_id: str) -> Detections:
    """Read the component outputs off a processed Doc into DataFrames."""
    import pandas as pd

    from .cues import flagged_sentences

    kinds = {row["sid"]: row["kind"] for row in doc._.medialit_sentences}
    rows = []
    for span in doc.spans.get("medialit_attribution", []):
        d = span._.attribution
        words = doc[d["speaker_start"]:d["speaker_end"]].text if d.get("speaker_start") is not None else None
        rows.append({"sid": span._.sid, "kind": kinds[span._.sid], "label": span.label_, "cue": d["cue"],
                     "speaker": span._.speaker, "speaker_type": span._.speaker_type, "speaker_words": words,
                     "via": d["via"]})
    for span in doc.spans.get("medialit_unattributed", []):
        rows.append({"sid": span._.sid, "kind": kinds[span._.sid], "label": "unattributed",
                     "cue": span._.unattributed["cue"],
                     "speaker": None, "speaker_type": "none", "speaker_words": None, "via": "none"})
    attribution = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    cues = pd.DataFrame([{"sid": s._.sid, "reason": s.label_, "cue": s._.cue["cue"], "weight": s._.cue["weight"]}
                         for s in doc.spans.get("medialit_unverifiable", [])], columns=CUE_COLUMNS)
    flagged = flagged_sentences(cues)
    sources = pd.DataFrame(doc._.medialit_sources or [], columns=SOURCE_COLUMNS)
    claims = pd.DataFrame([{"article": article_id, "sid": s._.sid, **s._.claim} for s in
                           doc.spans.get("medialit_claims", [])], columns=CLAIM_COLUMNS)
    return Detections(article_id, attribution, cues, flagged, sources, claims)
