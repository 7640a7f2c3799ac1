"""The detector pipeline: article in, detections (DataFrames) out.

``detect_article`` returns a ``Detections`` with:

- ``attribution``: sid, kind (headline/subhead/body), label (direct, indirect, mixed, according_to,
  continued, unattributed), cue, speaker, speaker_type, speaker_words, via (tag, chain, carry, none);
- ``unverifiable``: sid, reason, cue, weight (one row per cue, the lexicon's and the trained model's;
  a sentence is flagged when its weights reach ``cues.THRESHOLD``) and ``flagged`` (sid, reason, cues, score) one row per flagged sentence;
- ``sources``: name, type, aliases;
- ``claims``: article, sid, speaker, numbers, times, negated, stance, terms, names, attributed, dismisses,
  holds_line, slots, kind, blame, hedged, text.

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
    "medialit_learned_cues",  # the trained model's cue for sentences the lexicon misses
    "medialit_claims",        # claim features for conflict candidates (needs the speakers)
]

ATTRIBUTION_COLUMNS = ["sid", "kind", "label", "cue", "speaker", "speaker_type", "speaker_words", "via"]
CUE_COLUMNS = ["sid", "reason", "cue", "weight"]
FLAGGED_COLUMNS = ["sid", "reason", "cues", "score"]
SOURCE_COLUMNS = ["name", "type", "aliases"]
CLAIM_COLUMNS = ["article", "sid", "speaker", "numbers", "times", "negated", "stance", "terms", "names", "attributed",
                 "dismisses", "holds_line", "slots", "kind", "blame", "hedged", "text"]


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


LEARNED_STEP = "medialit_learned_cues"


def doc_for_article(article, learned: bool = True):
    """Run the pipeline over *article* and return the spaCy Doc.

    Args:
        article: a loaded ``medialit.Article``.
        learned: add the trained model's cue; False keeps the lexicon cues only.
    """
    from .sentences import doc_from_article

    nlp = make_nlp()
    doc = doc_from_article(nlp, article)
    if learned:
        return nlp(doc)
    with nlp.select_pipes(disable=[LEARNED_STEP]):
        return nlp(doc)


def detect_article(article, learned: bool = True) -> Detections:
    """Run every detector over one article.

    Args:
        article: a ``medialit.Article`` or an id/path accepted by ``load_article``.
        learned: flag sentences with the trained model as well as the lexicon cues (the default);
            False gives the lexicon cues alone, each a phrase a reader can point at.

    Returns:
        Detections: attribution, unverifiable cues, flagged sentences, sources and claims.
    """
    from ..articles.load import load_article

    article = load_article(article)
    return detections_from_doc(doc_for_article(article, learned=learned), article.id)


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
    from .learned import LEARNED_SPANS_KEY

    cues = cue_frame(doc.spans.get("medialit_unverifiable", []))
    learned = cue_frame(doc.spans.get(LEARNED_SPANS_KEY, []), extension="learned_cue")
    if not learned.empty:
        cues = pd.concat([cues, learned], ignore_index=True) if not cues.empty else learned
    flagged = flagged_sentences(cues)
    sources = pd.DataFrame(doc._.medialit_sources or [], columns=SOURCE_COLUMNS)
    claims = pd.DataFrame([{"article": article_id, "sid": s._.sid, **s._.claim} for s in
                           doc.spans.get("medialit_claims", [])], columns=CLAIM_COLUMNS)
    return Detections(article_id, attribution, cues, flagged, sources, claims)


def cue_frame(spans, extension: str = "cue"):
    """Cue spans as a frame (sid, reason, cue, weight), one row per cue; *extension* holds cue and weight."""
    import pandas as pd

    rows = []
    for span in spans:
        cue = getattr(span._, extension)
        rows.append({"sid": span._.sid, "reason": span.label_, "cue": cue["cue"], "weight": cue["weight"]})
    return pd.DataFrame(rows, columns=CUE_COLUMNS)
