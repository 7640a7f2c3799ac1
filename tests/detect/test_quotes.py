"""Quotation segments and their chains across paragraphs."""

from __future__ import annotations

from medialit.detect.pipeline import doc_for_article


class TestQuoteTracker:
    def test_quote_continued_in_next_paragraph_shares_its_chain(self, seed_excerpt):
        """An unclosed quotation whose next paragraph opens with a quote mark is one chain."""
        doc = doc_for_article(seed_excerpt)
        quotes = list(doc.spans["medialit_quotes"])
        opening = next(q for q in quotes if q.text.startswith('"We have shown'))
        closing = next(q for q in quotes if q.text.startswith('"All the Su-25'))
        assert not opening._.quote["closed"]
        assert opening._.quote["chain"] == closing._.quote["chain"]

    def test_signs_and_short_quotes_are_not_speech(self, make_article):
        """A quoted sign is a title and a one-word quotation is a scare quote, not speech."""
        article = make_article("signs", """\
            # Signs

            A sign reading "Closed for good" hung on the gate. Every "review" is paid for, he wrote.
            """)
        doc = doc_for_article(article)
        labels = {q.text: q.label_ for q in doc.spans["medialit_quotes"]}
        assert labels['"Closed for good"'] == "title"
        assert labels['"review"'] == "scare"

    def test_slogans_after_things_are_titles(self, make_article):
        """A quotation a banner "said", and one coordinated with a title, are titles too."""
        article = make_article("slogans", """\
            # Signs

            A banner on the fence said "Our wood" for days. Placards reading "Save it" and "Hands off" lay around.
            """)
        doc = doc_for_article(article)
        labels = {q.text: q.label_ for q in doc.spans["medialit_quotes"]}
        assert labels['"Our wood"'] == labels['"Save it"'] == labels['"Hands off"'] == "title"

    def test_short_sentence_quoted_whole_is_speech(self, make_article):
        """'"Nobody listened."' on its own is speech, not a scare quote."""
        article = make_article("short", '# Note\n\n"We warned them," she said. "Nobody listened."\n')
        doc = doc_for_article(article)
        labels = {q.text: q.label_ for q in doc.spans["medialit_quotes"]}
        assert labels['"Nobody listened."'] == "speech"
