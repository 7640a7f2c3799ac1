"""Loading articles: ids, paths, and clear errors for malformed files."""

from __future__ import annotations

import pytest

import medialit
from medialit.errors import ArticleFormatError, ArticleNotFoundError
from tests.conftest import SEED_ID, write_article


def test_load_by_id_and_path(seed):
    """An article loads by id and by path to the same content."""
    again = medialit.load_article(seed.path)
    assert again.id == SEED_ID and again.text == seed.text
    assert list(seed.sentences.columns) == ["sid", "paragraph", "kind", "text", "start", "end", "in_quote"]
    assert seed.meta["published"] == "2016-05-04" and seed.meta["outlet"] == "TASS"


def test_unknown_id_lists_known_ones():
    """An unknown id raises an error naming it and the fix."""
    with pytest.raises(ArticleNotFoundError, match="no-such-article: no such article.*medialit list"):
        medialit.load_article("no-such-article")


@pytest.mark.parametrize("meta, body, message", [
    ({"genre": "poem"}, "# H\n\nText.", r"'genre'.*Fix: use one of: wire"),
    ({"level": 7}, "# H\n\nText.", r"'level'.*Fix: use 1, 2 or 3"),
    ({"outlet": None}, "# H\n\nText.", r"'outlet'.*Field required.*Fix: add 'outlet:'"),
    ({"colour": "red"}, "# H\n\nText.", r"'colour'.*Fix: remove 'colour'"),
    ({}, "Text without headline.", r"no '# ' headline"),
    ({"dateline": "PARIS -"}, "# H\n\nLONDON - Text.", r"dateline.*does not open the first paragraph"),
])
def test_front_matter_errors_name_file_field_and_fix(tmp_path, meta, body, message):
    """Each malformed article gives one error naming the file, the field and the fix."""
    path = write_article(tmp_path, "bad", body, **meta)
    with pytest.raises(ArticleFormatError, match=message) as info:
        medialit.load_article(path)
    assert str(path) in str(info.value)


def test_id_must_match_file_name(tmp_path):
    """An id that differs from the file stem is rejected with a rename hint."""
    path = write_article(tmp_path, "right", "# H\n\nText.", id="wrong")
    with pytest.raises(ArticleFormatError, match="rename the file to wrong.md"):
        medialit.load_article(path)


def test_missing_front_matter(tmp_path):
    """A file without front matter says how to add it."""
    path = tmp_path / "plain.md"
    path.write_text("# H\n\nText.", encoding="utf-8")
    with pytest.raises(ArticleFormatError, match="does not start with YAML front matter"):
        medialit.load_article(path)
