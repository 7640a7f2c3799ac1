"""A trained cue for unverifiable sentences: Doc in, learned cue spans out.

The lexicon cues (``cues.py``) are precise but miss claims that are unverifiable only because of
how they are put: an unsourced forecast, a boast, a verdict in the writer's own voice. A logistic
regression over the sentence's words, its character n-grams and a few facts the pipeline already
knows (heading or body, attributed or not, what kind of speaker, the genre) catches many of those.
It was trained on the corpus keys by ``medialit.detect.train`` and ships as plain numbers in
``model/unverifiable.json`` (vocabularies, idf weights, coefficients): nothing is downloaded and
nothing is unpickled. A sentence the lexicon does not flag but whose probability reaches the model's
threshold gets one span in ``doc.spans["medialit_learned"]``, labelled with the reason a second,
reason-only model picks, weighted to flag it on its own, and named after the words that weighed
most ("trained model, p=0.71: 'everyone knows', 'clearly'").
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

MODEL_PATH = Path(__file__).parent / "model" / "unverifiable.json"
LEARNED_SPANS_KEY = "medialit_learned"
_DIGIT = re.compile(r"\d")
EVIDENCE_WORDS = 3


def sentence_rows(doc) -> list[dict]:
    """One row per sentence of a processed Doc: sid, text and the facts the model reads.

    Needs the attribution and unattributed spans (the pipeline steps before ``medialit_cues``).
    """
    attributed = {}
    for span in doc.spans.get("medialit_attribution", []):
        attributed.setdefault(span._.sid, (span.label_, span._.speaker_type or "none"))
    for span in doc.spans.get("medialit_unattributed", []):
        attributed.setdefault(span._.sid, ("unattributed", "none"))
    genre = (doc._.medialit_meta or {}).get("genre") or "unknown"
    full_text = doc.text  # built on each access: once per Doc, not once per sentence
    rows = []
    for record in doc._.medialit_sentences:
        text = full_text[record["start"]:record["end"]]
        label, speaker_type = attributed.get(record["sid"], ("none", "none"))
        rows.append({"sid": record["sid"], "kind": record["kind"], "text": text,
                     "token_start": record.get("token_start"), "token_end": record.get("token_end"),
                     "facts": sentence_facts(record["kind"], bool(record["in_quote"]), label, speaker_type, genre,
                                             text)})
    return rows


def sentence_facts(kind: str, in_quote: bool, label: str, speaker_type: str, genre: str, text: str) -> dict:
    """The non-word features of one sentence, as a dict for ``DictVectorizer``."""
    facts = {f"kind={kind}": 1.0, f"attribution={label}": 1.0, f"speaker={speaker_type}": 1.0,
             f"genre={genre}": 1.0}
    if in_quote:
        facts["in_quote"] = 1.0
    if _DIGIT.search(text):
        facts["has_number"] = 1.0
    return facts


class UnverifiableModel:
    """The shipped model: probabilities, reasons and the words behind them, from plain numbers."""

    def __init__(self, data: dict) -> None:
        import numpy as np
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.threshold = float(data["threshold"])
        self.vectorizers = []
        for part in ("words", "chars"):
            spec = data[part]
            vec = TfidfVectorizer(**vectorizer_params(spec["params"]),
                                  vocabulary={term: i for i, term in enumerate(spec["vocabulary"])})
            vec.idf_ = np.asarray(spec["idf"], dtype=float)
            self.vectorizers.append(vec)
        self.facts = DictVectorizer()
        self.facts.feature_names_ = list(data["facts"])
        self.facts.vocabulary_ = {name: i for i, name in enumerate(data["facts"])}
        self.coef = np.asarray(data["coef"], dtype=float)
        self.intercept = float(data["intercept"])
        self.reasons = list(data["reasons"]["classes"])
        self.reason_coef = np.asarray(data["reasons"]["coef"], dtype=float)
        self.reason_intercept = np.asarray(data["reasons"]["intercept"], dtype=float)
        self.word_terms = list(data["words"]["vocabulary"])

    def matrix(self, texts: list[str], facts: list[dict]):
        """The feature matrix (facts, words, chars) in the order the coefficients expect."""
        from scipy.sparse import hstack

        parts = [self.facts.transform(facts)] + [vec.transform(texts) for vec in self.vectorizers]
        return hstack(parts).tocsr()

    def probabilities(self, texts: list[str], facts: list[dict]):
        """P(unverifiable) per sentence."""
        import numpy as np

        if not texts:
            return np.zeros(0)
        return self._probabilities(self.matrix(texts, facts))

    def _probabilities(self, matrix):
        import numpy as np

        return 1.0 / (1.0 + np.exp(-(matrix @ self.coef + self.intercept)))

    def reason(self, row) -> str:
        """The most likely reason for one sentence's feature row."""
        scores = row @ self.reason_coef.T + self.reason_intercept
        return self.reasons[int(scores.argmax())]

    def evidence(self, row) -> list[str]:
        """The words and word pairs of one sentence that pushed it most towards unverifiable."""
        offset = len(self.facts.feature_names_)
        words = row[:, offset:offset + len(self.word_terms)].tocoo()
        weights = sorted(((value * self.coef[offset + j], self.word_terms[j]) for j, value in
                          zip(words.col, words.data)), reverse=True)
        telling = [(weight, term) for weight, term in weights if weight > 0 and not _all_stop_words(term)]
        return [term for weight, term in telling[:EVIDENCE_WORDS]]

    def cues(self, rows: list[dict]) -> list[dict]:
        """A cue per sentence at or over the threshold: sid, reason, cue text, probability."""
        if not rows:
            return []
        matrix = self.matrix([r["text"] for r in rows], [r["facts"] for r in rows])
        probs = self._probabilities(matrix)
        out = []
        for i, (row, p) in enumerate(zip(rows, probs)):
            if p < self.threshold:
                continue
            words = self.evidence(matrix[i])
            said = ", ".join(f"'{w}'" for w in words)
            cue = f"trained model, p={p:.2f}" + (f": {said}" if said else "")
            out.append({"sid": row["sid"], "reason": self.reason(matrix[i]), "cue": cue, "probability": float(p),
                        "token_start": row["token_start"], "token_end": row["token_end"]})
        return out


def _all_stop_words(term: str) -> bool:
    """Whether every word of *term* is a stop word ("of the"): true but no help to a reader."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return all(word in STOP_WORDS for word in term.split())


def vectorizer_params(params: dict) -> dict:
    """Vectorizer settings as stored in JSON (lists) turned into what scikit-learn takes (tuples)."""
    params = dict(params)
    if "ngram_range" in params:
        params["ngram_range"] = tuple(params["ngram_range"])
    return params


@functools.lru_cache(maxsize=1)
def load_model(path: str | None = None) -> UnverifiableModel:
    """Load the shipped model (or the one at *path*); a missing or unreadable file names the fix."""
    from ..errors import MedialitError

    where = Path(path) if path else MODEL_PATH
    try:
        data = json.loads(where.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MedialitError(f"{where}: the trained unverifiable-claims model is missing. "
                            "Rebuild it with `make model` (python -m medialit.detect.train).") from None
    except json.JSONDecodeError as exc:
        raise MedialitError(f"{where}: not valid JSON ({exc}). Rebuild it with `make model`.") from None
    return UnverifiableModel(data)


class LearnedCues:
    """Pipeline step: add the trained model's cue to sentences the model finds unverifiable."""

    def __init__(self, model: UnverifiableModel | None = None) -> None:
        self._model = model

    @property
    def model(self) -> UnverifiableModel:
        if self._model is None:
            self._model = load_model()
        return self._model

    def __call__(self, doc):
        """Write ``doc.spans["medialit_learned"]``: one span per sentence the model flags.

        Only sentences the lexicon cues do not flag already (their reason and cues stay as they
        are); datelines are never flagged, as with the lexicon cues. ``span._.learned_cue`` holds
        the cue text and weight 1 (enough to flag). A separate group and extension, because span
        extensions are stored by offsets and a lexicon cue may cover the same whole sentence.
        """
        from .cues import SPANS_KEY

        flagged = _lexicon_flagged(doc.spans.get(SPANS_KEY, []))
        rows = [r for r in sentence_rows(doc) if r["kind"] != "dateline" and r["token_start"] is not None
                and r["sid"] not in flagged]
        spans = []
        for cue in self.model.cues(rows):
            span = doc[cue["token_start"]:cue["token_end"]]
            span.label_ = cue["reason"]
            span._.sid = cue["sid"]
            span._.learned_cue = {"cue": cue["cue"], "weight": 1.0}
            spans.append(span)
        doc.spans[LEARNED_SPANS_KEY] = spans
        return doc


def _lexicon_flagged(spans) -> set[str]:
    """The sentence ids the lexicon cues already flag."""
    from .cues import score_sentences

    records = ((s._.sid, s.label_, s._.cue["cue"], s._.cue["weight"]) for s in spans)
    return {row["sid"] for row in score_sentences(records)}
