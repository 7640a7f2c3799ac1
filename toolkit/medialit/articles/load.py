"""Read an article file into an ``Article``: front matter, blocks, normalized text, sentences."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from .. import _catalog
from .._text import normalize_line
from ..errors import ArticleFormatError, ArticleNotFoundError
from .segment import Block, sentences_from_blocks

TEACHING_TEXT_NOTICE = "Original teaching text: the outlet, people and events are fictional."


class Article:
    """A loaded article.

    Attributes:
        id: the article's id (its file stem).
        meta: the validated front matter as a dict.
        blocks: headline, sub-headings and paragraphs in order.
        text: the normalized text that sentence offsets point into.
        path: the file it came from.
    """

    def __init__(self, meta: dict, blocks: list[Block], path: Path) -> None:
        self.meta = meta
        self.id: str = meta["id"]
        self.blocks = blocks
        self.text = "\n\n".join(b.text for b in blocks)
        self.path = path

    @property
    def title(self) -> str:
        """The headline as published."""
        return self.meta["title"]

    @property
    def fictional(self) -> bool:
        """Whether this is an original teaching text (shown on screen as such)."""
        return bool(self.meta.get("fictional"))

    @functools.cached_property
    def sentences(self):
        """The sentences DataFrame: sid, paragraph, kind, text, start, end, in_quote."""
        return sentences_from_blocks(self.blocks, self.meta.get("dateline"))

    def sentence(self, sid: str) -> str:
        """Return the text of sentence *sid*, or raise KeyError naming the article."""
        rows = self.sentences.loc[self.sentences["sid"] == sid, "text"]
        if rows.empty:
            raise KeyError(f"{self.id}: no sentence {sid!r}; ids run "
                           f"{self.sentences['sid'].iloc[0]}..{self.sentences['sid'].iloc[-1]}")
        return str(rows.iloc[0])

    def __repr__(self) -> str:
        return f"<Article {self.id!r}: {len(self.blocks)} blocks>"


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^---[ \t]*$\r?\n?(.*)\Z", re.S | re.M)


def split_front_matter(raw: str, path: str) -> tuple[str, str]:
    """Split a Markdown file into its YAML front matter and body."""
    text = raw.lstrip("\ufeff")
    if not text.startswith("---"):
        raise ArticleFormatError(path, "the file does not start with YAML front matter.",
                                 "begin the file with a line '---', the fields, and another '---'.")
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise ArticleFormatError(path, "the front matter is never closed.",
                                 "add a line '---' after the last front-matter field.")
    return match.group(1), match.group(2)


def blocks_from_markdown(body: str, path: str) -> list[Block]:
    """Turn the Markdown body into blocks: '# ' headline, '## ' sub-headings, paragraphs."""
    groups: list[list[str]] = [[]]
    for line in body.splitlines():
        if line.strip():
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    blocks: list[Block] = []
    offset = 0
    for lines in groups:
        if not lines:
            continue
        first = lines[0].lstrip()
        if first.startswith("## ") or first.startswith("### "):
            kind, text = "subhead", " ".join(lines).lstrip("#")
        elif first.startswith("# "):
            kind, text = "headline", " ".join(lines)[2:]
        else:
            kind, text = "body", " ".join(lines)
        text = normalize_line(text)
        if not text:
            continue
        blocks.append(Block(kind, text, offset))
        offset += len(text) + 2
    headlines = [i for i, b in enumerate(blocks) if b.kind == "headline"]
    if headlines != [0]:
        problem = ("it has no '# ' headline." if not headlines else
                   "the '# ' headline is not the first block." if 0 not in headlines else
                   "it has more than one '# ' headline.")
        raise ArticleFormatError(path, problem,
                                 "start the body with exactly one line '# Headline'; use '## ' for sub-headings.")
    return blocks


def article_from_file(path: str | os.PathLike) -> Article:
    """Load and validate one article file.

    Raises:
        ArticleFormatError: bad front matter, missing headline, id not matching the file name.
    """
    import yaml
    from pydantic import ValidationError

    from .schema import ArticleMeta

    path = Path(path)
    shown = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ArticleNotFoundError(shown) from None
    except UnicodeDecodeError as exc:
        raise ArticleFormatError(shown, f"the file is not UTF-8 ({exc.reason} at byte {exc.start}).",
                                 "save the file as UTF-8.") from None
    front, body = split_front_matter(raw, shown)
    try:
        data = yaml.safe_load(front) or {}
    except yaml.YAMLError as exc:
        raise ArticleFormatError(shown, f"the front matter is not valid YAML ({exc}).",
                                 "quote values that contain ':' or '#'.") from None
    if not isinstance(data, dict):
        raise ArticleFormatError(shown, "the front matter is not a mapping of fields.",
                                 "write one 'field: value' per line.")
    try:
        meta = ArticleMeta.model_validate(data).model_dump()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "front matter"
        raise ArticleFormatError(shown, f"front-matter field '{field}': {first['msg']}.",
                                 _front_matter_fix(field, first["type"])) from None
    if meta["id"] != path.stem:
        raise ArticleFormatError(shown, f"the id '{meta['id']}' differs from the file name.",
                                 f"rename the file to {meta['id']}.md or set id: {path.stem}.")
    meta["published"] = meta["published"].isoformat()
    blocks = blocks_from_markdown(body, shown)
    if meta.get("dateline"):
        meta["dateline"] = normalize_line(meta["dateline"])
        first_body = next((b for b in blocks if b.kind == "body"), None)
        if first_body is None or not first_body.text.startswith(meta["dateline"]):
            raise ArticleFormatError(shown, "the dateline in the front matter does not open the first paragraph.",
                                     "copy the dateline exactly as the first paragraph begins, or remove the field.")
    return Article(meta, blocks, path)


def _front_matter_fix(field: str, kind: str) -> str:
    from .schema import GENRES

    fixes = {
        "genre": "use one of: " + ", ".join(GENRES) + ".",
        "level": "use 1, 2 or 3.",
        "published": "write the date as YYYY-MM-DD.",
        "id": "use lowercase letters, digits and hyphens, matching the file name.",
        "use": "use 'practice' or 'assessment'.",
    }
    if kind == "missing":
        return f"add '{field}:' to the front matter (see docs/formats.md)."
    if kind == "extra_forbidden":
        return f"remove '{field}' or correct its spelling (fields: see docs/formats.md)."
    return fixes.get(field, "see docs/formats.md for the field's format.")


@functools.lru_cache(maxsize=64)
def _cached(path: str, mtime: float) -> Article:
    return article_from_file(path)


def load_article(id_or_path: str | os.PathLike) -> Article:
    """Load an article by id (package data or MEDIALIT_PATH) or by file path.

    Args:
        id_or_path: an id such as ``"tass-2016-05-04-aleppo-hospital"`` or a path to a ``.md`` file.

    Returns:
        Article: with ``.sentences`` as a pandas DataFrame.

    Raises:
        ArticleNotFoundError: unknown id or missing file.
        ArticleFormatError: the file is malformed.
    """
    if isinstance(id_or_path, Article):
        return id_or_path
    if _catalog.looks_like_path(id_or_path):
        path = Path(id_or_path)
    else:
        files = _catalog.article_files()
        if str(id_or_path) not in files:
            raise ArticleNotFoundError(str(id_or_path), list(files))
        path = files[str(id_or_path)]
    if not path.is_file():
        raise ArticleNotFoundError(str(id_or_path))
    resolved = path.resolve()
    return _cached(str(resolved), resolved.stat().st_mtime)
