"""Every medialit detector registered as a spaCy component, and every Doc/Span extension, in one place.

Importing this module registers the factories; ``pipeline.make_nlp`` puts them in order.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

# Custom data lives in extensions, never on new top-level attributes.
for _name, _default in (("medialit_sentences", None), ("medialit_article", None), ("medialit_meta", None),
                        ("medialit_sources", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
# Span extensions are stored by character offsets: each component keeps its own name so that
# spans with the same boundaries (a sentence that is attributed and a claim) do not collide.
for _name in ("sid", "quote", "mention", "attribution", "speaker", "speaker_type", "unattributed", "cue", "learned_cue",
              "claim"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


@Language.factory("medialit_sentences", assigns=["doc._.medialit_sentences", "token.is_sent_start"])
def make_sentences(nlp: Language, name: str):
    """Sentence records for every Doc (an article's own, or rule-based for plain text).

    RETURNS (SentenceRecords): the component.
    """
    from .sentences import SentenceRecords

    return SentenceRecords(nlp)


@Language.factory("medialit_quotes", requires=["doc._.medialit_sentences"], assigns=["doc.spans", "span._.quote"])
def make_quotes(nlp: Language, name: str):
    """Quotation segments, chained across paragraphs, in ``doc.spans["medialit_quotes"]``.

    RETURNS (QuoteTracker): the component.
    """
    from .quotes import QuoteTracker

    return QuoteTracker(nlp)


@Language.factory("medialit_mentions", requires=["doc._.medialit_sentences", "token.is_sent_start"],
                  assigns=["doc.spans", "span._.mention"])
def make_mentions(nlp: Language, name: str):
    """Names of people and organisations in ``doc.spans["medialit_mentions"]``.

    RETURNS (MentionFinder): the component.
    """
    from .mentions import MentionFinder

    return MentionFinder(nlp)


@Language.factory("medialit_attribution", requires=["doc._.medialit_sentences", "doc.spans"],
                  assigns=["doc.spans", "span._.attribution"])
def make_attribution(nlp: Language, name: str):
    """Attributed sentences and their tags in ``doc.spans["medialit_attribution"]``.

    RETURNS (AttributionFinder): the component.
    """
    from .attribution import AttributionFinder

    return AttributionFinder(nlp)


@Language.factory("medialit_speakers", requires=["doc.spans", "span._.attribution"],
                  assigns=["span._.speaker", "span._.speaker_type", "doc._.medialit_sources", "doc.spans"])
def make_speakers(nlp: Language, name: str):
    """Canonical speakers on the attribution spans, and ``doc._.medialit_sources``.

    RETURNS (SpeakerResolver): the component.
    """
    from .speakers import SpeakerResolver

    return SpeakerResolver(nlp)


@Language.factory("medialit_unattributed", requires=["doc._.medialit_sentences", "span._.speaker"],
                  assigns=["doc.spans", "span._.unattributed"])
def make_unattributed(nlp: Language, name: str):
    """Headlines and sub-headings stating a sourced claim without its source, in ``doc.spans["medialit_unattributed"]``.

    RETURNS (HeadlineClaims): the component.
    """
    from .headlines import HeadlineClaims

    return HeadlineClaims(nlp)


@Language.factory("medialit_cues", requires=["doc._.medialit_sentences", "span._.speaker_type"],
                  assigns=["doc.spans", "span._.cue"])
def make_cues(nlp: Language, name: str):
    """Unverifiable cues (label = reason) in ``doc.spans["medialit_unverifiable"]``.

    RETURNS (CueFinder): the component.
    """
    from .cues import CueFinder

    return CueFinder(nlp)


@Language.factory("medialit_learned_cues", requires=["doc._.medialit_sentences", "span._.speaker_type", "span._.cue"],
                  assigns=["doc.spans", "span._.learned_cue"])
def make_learned_cues(nlp: Language, name: str):
    """The trained model's cue for unverifiable sentences, in ``doc.spans["medialit_learned"]``.

    RETURNS (LearnedCues): the component (the model loads on first use).
    """
    from .learned import LearnedCues

    return LearnedCues()


@Language.factory("medialit_claims", requires=["doc._.medialit_sentences", "span._.speaker"],
                  assigns=["doc.spans", "span._.claim"])
def make_claims(nlp: Language, name: str):
    """One claim per sentence with numbers, negation and topic words, in ``doc.spans["medialit_claims"]``.

    RETURNS (ClaimExtractor): the component.
    """
    from .claims import ClaimExtractor

    return ClaimExtractor(nlp)
