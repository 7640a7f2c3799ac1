"""The teaching corpus keeps its promises (issue 5): everything is computed from the files."""

from __future__ import annotations

import itertools
import re

import pytest

from tests.conftest import REPO, SEED_ID

COURSE = REPO / "course"
PACKAGE_KEYS = REPO / "toolkit" / "medialit" / "data" / "keys"
GENRES = {"wire", "newspaper", "press-release", "opinion", "blog", "social-post", "science-news",
          "official-statement", "correction"}
CATEGORIES = ("attribution", "unattributed", "unverifiable")
PRONOUNS = {"he", "she", "they", "him", "her", "them", "it", "i", "we"}  # aliases that name nobody
SPEAKER_PRONOUNS = ("he", "she", "they", "him")  # how a sentence points back to its speaker
REPORTING = re.compile(r"\b(said|says|say|told|tells|tell|reading|reads|read)\b", re.I)


@pytest.fixture(scope="module")
def corpus():
    """Every article with its key, loaded with the course keys on MEDIALIT_PATH: (article, key) pairs."""
    import medialit

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MEDIALIT_PATH", str(COURSE))
        listing = medialit.list_articles()
        pairs = [(medialit.load_article(row.id), medialit.load_key(row.id)) for row in listing.itertuples()]
        yield pairs


@pytest.fixture(scope="module")
def items(corpus):
    """All keyed items of the corpus, one dict each, with the article, its meta and the sentence row."""
    rows = []
    for article, key in corpus:
        sentences = article.sentences.set_index("sid")
        for item in key.items.to_dict("records"):
            rows.append({**item, "article": article, "key": key, "sentence": sentences.loc[item["sid"]]})
    return rows


def _fictional(corpus):
    return [a for a, _ in corpus if a.fictional]


def _attribution(items):
    return [i for i in items if i["category"] == "attribution"]


def _aliases(key, name: str) -> list[str]:
    row = key.sources.loc[key.sources["name"] == name]
    return [name, *(row["aliases"].iloc[0] if len(row) else [])]


def _has(text: str, phrase: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(phrase.lower()) + r"(?!\w)", text.lower()) is not None


class TestArticles:
    def test_at_least_13_articles_including_the_seed(self, corpus):
        """The corpus holds at least 13 articles, and the TASS seed is one of them."""
        ids = [a.id for a, _ in corpus]
        assert len(ids) >= 13 and SEED_ID in ids

    def test_at_least_12_fictional_teaching_texts(self, corpus):
        """At least 12 articles are fictional and say so in their provenance."""
        fictional = _fictional(corpus)
        assert len(fictional) >= 12
        for article in fictional:
            assert "original teaching text, fictional" in article.meta["provenance"].lower(), article.id

    def test_every_genre_is_covered(self, corpus):
        """Each of the nine genres of docs/formats.md has at least one article."""
        assert GENRES <= {a.meta["genre"] for a, _ in corpus}

    def test_fictional_word_counts(self, corpus):
        """Every fictional article has 250-700 body words (headings excluded)."""
        from medialit.corpus import body_words

        counts = {a.id: body_words(a) for a in _fictional(corpus)}
        assert all(250 <= n <= 700 for n in counts.values()), counts


class TestKeys:
    def test_every_article_has_a_valid_key(self, corpus):
        """Each article has a key, and validation of the package and course finds no problem."""
        import medialit

        assert all(key.article_id == article.id for article, key in corpus)
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("MEDIALIT_PATH", str(COURSE))
            assert [str(p) for p in medialit.validate_paths()] == []

    def test_levels_and_categories(self, corpus):
        """Levels 1, 2 and 3 are present, and each level has items of every category."""
        seen = {}
        for article, key in corpus:
            seen.setdefault(article.meta["level"], set()).update(key.items["category"])
        assert set(seen) == {1, 2, 3}
        for level, categories in seen.items():
            assert set(CATEGORIES) <= categories, level

    def test_assessment_keys_only_under_course(self, corpus):
        """At least 4 assessment articles have their key under course/keys and not in the package."""
        assessment = [a.id for a, _ in corpus if a.meta["use"] == "assessment"]
        assert len(assessment) >= 4
        for article_id in assessment:
            assert (COURSE / "keys" / f"{article_id}.yaml").is_file(), article_id
            assert not (PACKAGE_KEYS / f"{article_id}.yaml").exists(), article_id

    def test_cross_article_conflicts(self, corpus):
        """At least 3 pairs of articles share a conflict group."""
        pairs = set()
        for _, key in corpus:
            for group in key.groups:
                articles = sorted({c["article"] for c in group["claims"]})
                pairs.update(itertools.combinations(articles, 2))
        assert len(pairs) >= 3, pairs


class TestPatterns:
    def test_multi_paragraph_quotes(self, corpus, items):
        """At least 2 attributed sentences open a paragraph that continues an unclosed quote."""
        from medialit.articles.segment import quote_depths

        found = set()
        for item in _attribution(items):
            sentence, article = item["sentence"], item["article"]
            if not (sentence["in_quote"] and item["sid"].endswith("s1") and sentence["paragraph"] > 1):
                continue
            previous = article.blocks[sentence["paragraph"] - 2]
            if previous.kind == "body" and quote_depths(previous.text + " ")[-1] > 0:
                found.add((article.id, item["sid"]))
        assert len(found) >= 2, found

    def test_according_to(self, items):
        """At least 3 attribution items sit in sentences using "according to"."""
        assert sum(_has(i["sentence"]["text"], "according to") for i in _attribution(items)) >= 3

    def test_pronoun_only_speakers(self, items):
        """At least 3 attribution items name their speaker only by a pronoun."""
        found = []
        for item in _attribution(items):
            text = item["sentence"]["text"]
            names = [a for a in _aliases(item["key"], item["source"]) if a.lower() not in PRONOUNS]
            if any(_has(text, p) for p in SPEAKER_PRONOUNS) and not any(_has(text, n) for n in names):
                found.append((item["article"].id, item["sid"]))
        assert len(found) >= 3, found

    def test_role_speakers(self, items):
        """At least 3 person attributions name the speaker only by a role (an alias sharing no word with the name)."""
        found = []
        for item in _attribution(items):
            if item["source_type"] != "person":
                continue
            text = item["sentence"]["text"]
            name_words = {w for w in re.findall(r"\w+", item["source"].lower()) if len(w) > 2}
            roles = [a for a in _aliases(item["key"], item["source"])
                     if a.lower() not in PRONOUNS and not name_words & set(re.findall(r"\w+", a.lower()))]
            if not any(_has(text, w) for w in name_words) and any(_has(text, r) for r in roles):
                found.append((item["article"].id, item["sid"]))
        assert len(found) >= 3, found

    def test_anonymous_sources(self, items):
        """At least 3 attribution items have an anonymous source."""
        assert sum(i["source_type"] == "anonymous" for i in _attribution(items)) >= 3

    def test_every_unverifiable_reason(self, items):
        """Each unverifiable reason is the keyed reason of at least 2 items."""
        from medialit.keys.schema import REASONS

        reasons = [i["reason"] for i in items if i["category"] == "unverifiable"]
        assert all(reasons.count(r) >= 2 for r in REASONS), {r: reasons.count(r) for r in REASONS}

    def test_headline_and_subhead_unattributed(self, items):
        """At least 3 headlines or sub-headings are keyed unattributed."""
        heads = [i for i in items if i["category"] == "unattributed"
                 and i["sentence"]["kind"] in ("headline", "subhead")]
        assert len(heads) >= 3

    def test_distractor_sentences(self, corpus):
        """At least 3 body sentences use a reporting verb (said, told, reading...) but carry no attribution item."""
        found = []
        for article, key in corpus:
            attributed = set(key.items.loc[key.items["category"] == "attribution", "sid"])
            for row in article.sentences.itertuples():
                if row.kind == "body" and REPORTING.search(row.text) and row.sid not in attributed:
                    found.append((article.id, row.sid))
        assert len(found) >= 3, found


class TestCorpusTable:
    def test_table_matches_the_keys(self, corpus):
        """corpus_table() counts each key's items per category and its conflict groups."""
        import medialit

        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("MEDIALIT_PATH", str(COURSE))
            table = medialit.corpus_table().set_index("id")
        assert list(table.index) == [a.id for a, _ in corpus]
        for article, key in corpus:
            row = table.loc[article.id]
            for category in CATEGORIES:
                assert row[category] == (key.items["category"] == category).sum(), (article.id, category)
            assert row["conflicts"] == len(key.groups)
            assert (row["genre"], row["level"], row["use"]) == (article.meta["genre"], article.meta["level"],
                                                                article.meta["use"])

    def test_docs_corpus_md_is_fresh(self):
        """docs/corpus.md shows the current table (regenerate: python -m medialit.corpus docs/corpus.md)."""
        from medialit.corpus import corpus_doc_section, corpus_markdown, corpus_table

        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("MEDIALIT_PATH", str(COURSE))
            expected = corpus_markdown(corpus_table())
        assert corpus_doc_section((REPO / "docs" / "corpus.md").read_text(encoding="utf-8")) == expected
