"""Turn raw pasted article text into an article file (front matter + Markdown body).

The steps run in order; each takes and returns a list of lines/blocks:
``_paragraphs`` (normalize, join wrapped lines) → ``_strip_chrome`` (site furniture)
→ ``_classify`` (headline, sub-headings, body) → dateline detection.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys

import yaml

from .._text import normalize_line
from .segment import CLOSING_QUOTES, find_dateline

# Lines that belong to the website, not the article (compared case-insensitively).
CHROME_LINES = frozenset({
    "all news", "news", "home", "menu", "share", "share this", "print", "tweet", "email",
    "read more", "advertisement", "subscribe", "sign in", "log in", "sign up", "follow us",
    "related news", "related", "most read", "back to top", "comments", "skip to content",
    "latest news", "top stories", "more news",
})
_TERMINAL = ".!?\u2026:;"
MAX_HEADING_WORDS = 30


def _paragraphs(raw: str) -> list[str]:
    """Split raw text into paragraphs: blank lines separate, wrapped lines are joined."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    groups = re.split(r"\n[ \t\u00a0]*\n", text)
    paragraphs = []
    for group in groups:
        lines = [normalize_line(line) for line in group.split("\n")]
        joined = normalize_line(" ".join(line for line in lines if line))
        if joined:
            paragraphs.append(joined)
    return paragraphs


def _strip_chrome(paragraphs: list[str], extra: frozenset[str] = frozenset()) -> list[str]:
    """Drop site chrome lines such as "All news" wherever they stand alone."""
    drop = CHROME_LINES | {e.lower() for e in extra}
    return [p for p in paragraphs if p.lower().strip(" .:|>»") not in drop]


def looks_like_heading(paragraph: str) -> bool:
    """A heading has no final sentence punctuation and is short."""
    end = paragraph.rstrip(CLOSING_QUOTES + "\"')]")
    if not end or end[-1] in _TERMINAL or paragraph[-1] in _TERMINAL:
        return False
    return len(paragraph.split()) <= MAX_HEADING_WORDS


def _classify(paragraphs: list[str]) -> list[tuple[str, str]]:
    """Label the first paragraph as headline and heading-like ones as sub-headings."""
    blocks = []
    for i, p in enumerate(paragraphs):
        if i == 0:
            blocks.append(("headline", p))
        elif looks_like_heading(p):
            blocks.append(("subhead", p))
        else:
            blocks.append(("body", p))
    return blocks


def _iso_date(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"published date {value!r} is not an ISO date; write it as YYYY-MM-DD.") from None


def article_markdown_from_text(raw: str, article_id: str, *, title: str | None = None,
                               outlet: str | None = None, published: str | None = None,
                               provenance: str | None = None, genre: str = "newspaper",
                               level: int = 2, language: str = "en", use: str = "practice",
                               fictional: bool = False, drop: frozenset[str] = frozenset()) -> str:
    """Return the text of an article file made from *raw* pasted text.

    Args:
        raw: the article as copied from a web page or wire feed.
        article_id: the id (and file stem) to give the article.
        title, outlet, published, provenance, genre, level, language, use, fictional:
            front-matter fields; ``title`` defaults to the headline, ``outlet`` to the
            agency named in the dateline.
        drop: extra chrome lines to remove.

    Raises:
        ValueError: when no text is left after removing site chrome.
    """
    paragraphs = _strip_chrome(_paragraphs(raw), drop)
    if not paragraphs:
        raise ValueError("the text is empty once site chrome is removed; paste the article itself.")
    blocks = _classify(paragraphs)
    first_body = next((text for kind, text in blocks if kind == "body"), "")
    dateline = find_dateline(first_body)
    if outlet is None and dateline:
        agency = re.search(r"/([A-Z][A-Za-z\-]+)/\.?$|\(([A-Z][A-Za-z .]+)\)", dateline)
        outlet = next((g for g in agency.groups() if g), None) if agency else None
    if published is None:
        published = _dt.date.today().isoformat()
        print(f"medialit import-text: no --published date given for {article_id}; wrote today's "
              "date - correct it in the front matter.", file=sys.stderr)
    meta = {
        "id": article_id,
        "title": title or blocks[0][1],
        "outlet": outlet or "unknown",
        "published": _iso_date(published),
        "provenance": provenance or ("original teaching text, fictional" if fictional
                                     else "pasted by an instructor; add the source URL"),
        "genre": genre,
        "level": level,
        "language": language,
    }
    if dateline:
        meta["dateline"] = dateline
    meta["use"] = use
    meta["fictional"] = fictional
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    marks = {"headline": "# ", "subhead": "## ", "body": ""}
    body = "\n\n".join(marks[kind] + text for kind, text in blocks)
    return f"---\n{front}---\n\n{body}\n"
