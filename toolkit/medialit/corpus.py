"""The teaching corpus at a glance: every known article and its key, one row each.

``corpus_table()`` returns a DataFrame with columns (dtypes):
    id (str), genre (str), level (int), use (str: practice | assessment),
    attribution, unattributed, unverifiable (Int64: keyed items of that category, acceptable
    ones included; <NA> when the article has no key where medialit looks),
    conflicts (Int64: conflict groups in the key), words (int: body words, headings excluded).

``docs/corpus.md`` shows the table between ``CORPUS_START`` and ``CORPUS_END``; regenerate it with
``MEDIALIT_PATH=course python -m medialit.corpus docs/corpus.md`` (assessment keys live under course/).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

CORPUS_COLUMNS = ["id", "genre", "level", "use", "attribution", "unattributed", "unverifiable", "conflicts",
                  "words"]
COUNT_COLUMNS = ["attribution", "unattributed", "unverifiable", "conflicts"]
CORPUS_START = "<!-- corpus-table:start -->"
CORPUS_END = "<!-- corpus-table:end -->"


def body_words(article) -> int:
    """Count the words of an article's body paragraphs (dateline included, headings excluded).

    Args:
        article (medialit.Article): a loaded article.

    Returns:
        int: whitespace-separated words in the body blocks.
    """
    return sum(len(block.text.split()) for block in article.blocks if block.kind == "body")


def corpus_table():
    """Return one row per known article with its key's item counts and its length.

    Articles come from the package data and every folder on MEDIALIT_PATH; an article whose key
    cannot be found (an assessment article without ``MEDIALIT_PATH=course``) gets <NA> counts.

    Returns:
        pandas.DataFrame: ``CORPUS_COLUMNS``, in ``list_articles()`` order.

    Raises:
        KeyValidationError: a key exists but does not validate.
    """
    import pandas as pd

    from . import _catalog
    from .articles.load import load_article
    from .keys.load import load_key

    keys = _catalog.key_files()
    rows = []
    for article_id in _catalog.article_files():
        article = load_article(article_id)
        row = {"id": article_id, "genre": article.meta["genre"], "level": int(article.meta["level"]),
               "use": article.meta["use"], "words": body_words(article)}
        if article_id in keys:
            key = load_key(article_id, article)
            categories = key.items["category"].value_counts()
            row.update({c: int(categories.get(c, 0)) for c in COUNT_COLUMNS[:3]})
            row["conflicts"] = len(key.groups)
        rows.append(row)
    table = pd.DataFrame(rows, columns=CORPUS_COLUMNS)
    return table.astype({c: "Int64" for c in COUNT_COLUMNS}).astype({"level": "int64", "words": "int64"})


def corpus_markdown(table) -> str:
    """Render a ``corpus_table()`` frame as a Markdown table with a totals line.

    Args:
        table (pandas.DataFrame): ``CORPUS_COLUMNS`` rows; not modified.

    Returns:
        str: the table, ending with a newline.
    """
    import pandas as pd

    def cell(value) -> str:
        return "–" if pd.isna(value) else str(value)

    lines = ["| " + " | ".join(CORPUS_COLUMNS) + " |",
             "| " + " | ".join("---:" if c in COUNT_COLUMNS + ["level", "words"] else "---" for c in CORPUS_COLUMNS)
             + " |"]
    for row in table[CORPUS_COLUMNS].itertuples(index=False):
        lines.append("| " + " | ".join(cell(v) for v in row) + " |")
    totals = {c: table[c].sum() for c in COUNT_COLUMNS + ["words"]}
    lines.append("| **total: " + str(len(table)) + " articles** | | | | "
                 + " | ".join(str(totals[c]) for c in COUNT_COLUMNS + ["words"]) + " |")
    return "\n".join(lines) + "\n"


def corpus_doc_section(text: str) -> str:
    """Return what lies between the corpus-table markers of a document (stripped of outer blank lines).

    Raises:
        ValueError: a marker is missing or they are out of order.
    """
    start, end = text.find(CORPUS_START), text.find(CORPUS_END)
    if start < 0 or end < start:
        raise ValueError(f"the document needs the markers {CORPUS_START} and {CORPUS_END}, in that order.")
    return text[start + len(CORPUS_START):end].strip("\n") + "\n"


def update_corpus_doc(path: str | os.PathLike, table=None) -> bool:
    """Rewrite the table between the corpus-table markers of *path* (docs/corpus.md).

    Args:
        path: the Markdown file holding the two markers.
        table (pandas.DataFrame | None): a ``corpus_table()`` frame (default: compute it now).

    Returns:
        bool: True when the file changed.

    Raises:
        ValueError: the markers are missing, or some article has no key (set MEDIALIT_PATH=course).
    """
    table = corpus_table() if table is None else table
    missing = table.loc[table["attribution"].isna(), "id"].tolist()
    if missing:
        raise ValueError(f"no key found for {', '.join(missing)}: run with MEDIALIT_PATH=course.")
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    corpus_doc_section(text)  # checks the markers
    head, rest = text.split(CORPUS_START, 1)
    _, tail = rest.split(CORPUS_END, 1)
    new = f"{head}{CORPUS_START}\n{corpus_markdown(table)}{CORPUS_END}{tail}"
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":  # python -m medialit.corpus [docs/corpus.md]
    if len(sys.argv) > 1:
        changed = update_corpus_doc(sys.argv[1])
        print(f"{sys.argv[1]}: {'updated' if changed else 'already up to date'}.")
    else:
        sys.stdout.write(corpus_markdown(corpus_table()))
