"""The trained unverifiable-sentence model: shipped fresh, rebuilt exactly from plain numbers, used as a cue."""

from __future__ import annotations

import json

import numpy as np
import pytest

from medialit.detect import detect_article, learned, train
from medialit.errors import MedialitError


@pytest.fixture(scope="module")
def shipped():
    return json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))


class TestShippedModel:
    def test_trained_on_the_current_dev_articles(self, shipped):
        """The model's fingerprint matches the dev articles and keys as they are now (else: make model)."""
        ids = train.training_ids()
        assert shipped["trained_on"] == ids, (
            "the model was trained on other articles than the dev split has now; "
            "run `make model` (with MEDIALIT_PATH=course, as make does)")
        assert shipped["fingerprint"] == train.fingerprint(ids), (
            "an article or key the model was trained on has changed since; run `make model`")

    def test_never_trained_on_heldout_articles(self, shipped):
        from medialit.detect.evaluate import HELDOUT

        assert not set(shipped["trained_on"]) & set(HELDOUT)

    def test_is_plain_numbers(self, shipped):
        """Vocabularies, idf weights and coefficients line up; nothing is pickled."""
        sizes = len(shipped["facts"]) + len(shipped["words"]["vocabulary"]) + len(shipped["chars"]["vocabulary"])
        assert len(shipped["coef"]) == sizes
        assert len(shipped["words"]["idf"]) == len(shipped["words"]["vocabulary"])
        assert set(shipped["reasons"]["classes"]) <= {"vague_source", "evidence_not_shown", "loaded_language",
                                                      "speculation", "other"}


def test_rebuilt_model_equals_sklearn(make_article):
    """Probabilities from the plain-number model equal scikit-learn's own on the same fit."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = train.training_rows(train.training_ids()[:4])
    labelled = rows[rows["label"].notna()]
    model = learned.UnverifiableModel(train.fit(rows))
    facts = DictVectorizer()
    words = TfidfVectorizer(**{**train.WORDS, "ngram_range": (1, 2)})
    chars = TfidfVectorizer(**{**train.CHARS, "ngram_range": (3, 5)})
    matrix = hstack([facts.fit_transform(list(labelled["facts"])), words.fit_transform(labelled["text"]),
                     chars.fit_transform(labelled["text"])]).tocsr()
    reference = LogisticRegression(C=train.C, max_iter=5000, class_weight="balanced").fit(
        matrix, labelled["label"].astype(int))
    texts = ["Everyone knows the scheme has been a disaster.", "The bridge reopened on Monday, the council said."]
    facts_rows = [learned.sentence_facts("body", False, "none", "none", "wire", t) for t in texts]
    mine = model.probabilities(texts, facts_rows)
    theirs = reference.predict_proba(hstack([facts.transform(facts_rows), words.transform(texts),
                                             chars.transform(texts)]).tocsr())[:, 1]
    assert np.allclose(mine, theirs, atol=1e-4)


class TestInThePipeline:
    def test_unsourced_verdict_flagged_by_the_model_with_its_words(self, make_article):
        """A sweeping verdict in the writer's voice the lexicon has no entry for: the model flags it and
        its cue names the model, the probability and the words that weighed most."""
        body = ("# Town hall\n\nThe council met on Tuesday evening.\n\n"
                "Shoppers are paying the price for the council's mistakes.\n")
        article = make_article("model-cue", body, genre="opinion")
        lexicon = detect_article(article, learned=False)
        full = detect_article(article)
        assert "p3s1" not in set(lexicon.flagged["sid"])
        assert "p3s1" in set(full.flagged["sid"])
        cue = full.unverifiable[(full.unverifiable["sid"] == "p3s1")
                                & full.unverifiable["cue"].str.startswith("trained model, p=")]
        assert len(cue) == 1 and cue["weight"].iloc[0] == 1.0
        assert "'" in cue["cue"].iloc[0]  # names at least one word of the sentence

    def test_plain_facts_stay_clear(self, make_article):
        body = ("# Bridge reopens\n\nThe bridge reopened to traffic at 6am on Monday, the council said.\n\n"
                "Repairs cost 1.2 million pounds, according to the council's published accounts.\n")
        full = detect_article(make_article("model-plain", body))
        assert full.flagged.empty

    def test_lexicon_reason_kept_where_the_lexicon_flags(self, make_article):
        """The model adds a cue only where the lexicon cues do not already flag the sentence."""
        body = "# Harbour\n\nSources close to the board say the sale is a done deal.\n"
        full = detect_article(make_article("model-lexicon", body))
        cues = full.unverifiable[full.unverifiable["sid"] == "p2s1"]
        assert not cues["cue"].str.startswith("trained model").any()
        assert full.flagged.set_index("sid").loc["p2s1", "reason"] == "vague_source"

    def test_model_reason_is_a_key_reason(self, make_article):
        body = "# Clinic\n\nThe new clinic will surely be the envy of every town in the country.\n"
        full = detect_article(make_article("model-reason", body, genre="press-release"))
        assert set(full.flagged["reason"]) <= {"vague_source", "evidence_not_shown", "loaded_language",
                                               "speculation", "other"}


def test_missing_model_names_the_fix(tmp_path):
    with pytest.raises(MedialitError, match="make model"):
        learned.load_model.__wrapped__(str(tmp_path / "unverifiable.json"))
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(MedialitError, match=r"broken\.json.*make model"):
        learned.load_model.__wrapped__(str(tmp_path / "broken.json"))
