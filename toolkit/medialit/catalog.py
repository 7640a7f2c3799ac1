"""The list of known articles as a DataFrame: id, front matter, whether a key exists."""

from __future__ import annotations

from . import _catalog


def list_articles():
    """Return one row per known article with its front matter, ``has_key`` and ``path``.

    Columns: id, title, outlet, published, provenance, genre, level, language, use,
    fictional, dateline, has_key, path.
    """
    import pandas as pd

    from .articles.load import load_article

    keys = _catalog.key_files()
    rows = []
    for article_id, path in _catalog.article_files().items():
        article = load_article(path)
        rows.append({**article.meta, "has_key": article_id in keys, "path": str(path)})
    columns = ["id", "title", "outlet", "published", "provenance", "genre", "level", "language", "use",
               "fictional", "dateline", "has_key", "path"]
    return pd.DataFrame(rows, columns=columns)
