"""`medialit import-text`: raw pasted text in, article file out."""

from __future__ import annotations

from medialit.articles.importer import article_markdown_from_text, looks_like_heading
from medialit.articles.load import article_from_file, split_front_matter
from tests.conftest import REPO, SEED_ID, SEED_RAW


def _seed_markdown() -> str:
    return article_markdown_from_text(
        SEED_RAW.read_text(encoding="utf-8"), SEED_ID, outlet="TASS", published="2016-05-04",
        provenance="TASS, 4 May 2016 (wire story reproduced as the founding case study)", genre="wire", level=3)


class TestSeedImport:
    def test_reproduces_the_shipped_case_study(self):
        """Importing the raw seed gives exactly the article file that ships with the package."""
        shipped = (REPO / "toolkit" / "medialit" / "data" / "articles" / f"{SEED_ID}.md").read_text(encoding="utf-8")
        assert _seed_markdown() == shipped

    def test_strips_chrome_and_finds_structure(self):
        """'All news' is dropped; headline, standfirst, sub-headings and dateline are found."""
        front, body = split_front_matter(_seed_markdown(), "seed")
        assert "All news" not in body
        lines = [line for line in body.splitlines() if line]
        assert lines[0] == "# Russian military deny very instance of strike against Al-Quds hospital on April 27"
        assert lines[1].startswith("## The Russian aviation is used near Araq")
        assert "## Russia's military operation in Syria" in lines
        assert "dateline: HMEIMIM /SYRIA/, May 4. /TASS/." in front

    def test_normalizes_spaces_keeps_curly_quotes(self):
        """Non-breaking spaces become spaces; curly quotes and apostrophes stay."""
        text = _seed_markdown()
        assert "\u00a0" not in text and "US military" in text
        assert "\u201cstab in Russia\u2019s back\u201d" in text


class TestGeneralText:
    def test_wrapped_lines_and_outlet_from_dateline(self, tmp_path):
        """Hard-wrapped paragraphs are joined and the outlet is read from the dateline."""
        raw = ("Share\n\nCity closes old bridge\n\nLONDON (Reuters) - The city closed the bridge\non Monday, "
               "officials said.\n\nRepairs start soon.\n")
        text = article_markdown_from_text(raw, "bridge", published="2024-01-02")
        path = tmp_path / "bridge.md"
        path.write_text(text, encoding="utf-8")
        article = article_from_file(path)
        assert article.meta["outlet"] == "Reuters"
        assert article.blocks[1].text == "LONDON (Reuters) - The city closed the bridge on Monday, officials said."
        assert article.sentences["kind"].tolist() == ["headline", "dateline", "body", "body"]

    def test_heading_rule(self):
        """Headings lack final punctuation; sentences and quote-ending paragraphs are body."""
        assert looks_like_heading("Russian planes hit IS targets in Raqqa")
        assert not looks_like_heading("He left.")
        assert not looks_like_heading('"Everything is regulated," he said.')
        assert not looks_like_heading("It was over.\u201d")
