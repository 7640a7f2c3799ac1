"""Check articles and keys on disk: paths in, a list of Problems out (empty means valid)."""

from __future__ import annotations

import os
from pathlib import Path

from . import _catalog
from .errors import ArticleFormatError, Problem


def _expand(paths: list[str | os.PathLike]) -> tuple[list[Path], list[Path]]:
    """Sort paths into article files and key files; folders are searched recursively."""
    articles, keys = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            articles += sorted(p for p in path.rglob("*.md") if p.parent.name == "articles")
            keys += sorted(p for p in path.rglob("*.yaml") if p.parent.name == "keys")
            keys += sorted(p for p in path.rglob("*.yml") if p.parent.name == "keys")
        elif path.suffix == ".md":
            articles.append(path)
        elif path.suffix in (".yaml", ".yml"):
            keys.append(path)
        elif not path.exists():
            raise FileNotFoundError(f"{path}: no such file or folder.")
    return articles, keys


def default_paths() -> list[Path]:
    """Every library root medialit knows: the package data and MEDIALIT_PATH folders."""
    return [root for root in _catalog.library_roots() if root.exists()]


def validate_paths(paths: list[str | os.PathLike] | None = None) -> list[Problem]:
    """Validate every article and key under *paths* (default: everything medialit knows).

    Returns:
        The problems found; each names the file, the item and the fix.
    """
    from .articles.load import article_from_file
    from .keys.load import check_key_file

    problems: list[Problem] = []
    try:
        article_paths, key_paths = _expand(list(paths) if paths else default_paths())
    except FileNotFoundError as exc:
        return [Problem(str(exc).split(":")[0], "path", "no such file or folder.", "check the path.")]
    ids: dict[str, Path] = {}
    for path in article_paths:
        try:
            article = article_from_file(path)
        except ArticleFormatError as exc:
            problems.append(Problem(str(path), "article", exc.problem, exc.fix))
            continue
        if article.id in ids and ids[article.id].resolve() != path.resolve():
            problems.append(Problem(str(path), "id", f"id '{article.id}' is also used by {ids[article.id]}.",
                                    "give each article a unique id."))
        ids[article.id] = path
        if article.fictional and "fictional" not in article.meta["provenance"].lower():
            problems.append(Problem(str(path), "provenance", "a fictional teaching text must say so in 'provenance'.",
                                    "set provenance: original teaching text, fictional."))
    for path in key_paths:
        article = None
        if path.stem in ids:
            try:
                article = article_from_file(ids[path.stem])
            except ArticleFormatError:
                article = None
        _, found = check_key_file(path, article)
        problems += found
    return problems
