"""Detectors that draft answer keys and practice hints: spaCy components with lexicons in ``patterns/*.jsonl``,
a trained cue for unverifiable sentences (``model/unverifiable.json``) and a trained ranker of conflict
candidates (``model/conflicts.json``), both built by ``train``.

``detect`` is a side branch of the data path: it drafts keys for instructors to correct and
hints for practice mode; it never grades. Nothing here downloads a model (``spacy.blank("en")``;
the trained models ship as plain numbers).

Public functions (loaded lazily, spaCy comes in on first use):

- ``detect_article(article, learned=True) -> Detections``: attribution, unverifiable cues, flagged
  sentences, sources and claims, as DataFrames (columns in ``pipeline``); ``learned=False`` leaves
  out the trained cue;
- ``conflict_candidates(claims, learned=True) -> DataFrame``: pairs of claims that may disagree, the rules'
  best pairs and the trained pair model's (``learned=False``: the rules' pairs and scores alone);
- ``draft_key(article, compare=()) -> dict`` and ``key_yaml(key) -> str``: a ``status: draft`` key;
- ``hints_for(article) -> DataFrame [sid, kind, hint]``;
- ``make_nlp()``: the spaCy pipeline itself.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "detect_article": "medialit.detect.pipeline",
    "Detections": "medialit.detect.pipeline",
    "make_nlp": "medialit.detect.pipeline",
    "conflict_candidates": "medialit.detect.conflicts",
    "draft_key": "medialit.detect.draft",
    "key_yaml": "medialit.detect.draft",
    "hints_for": "medialit.detect.hints",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'medialit.detect' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
