"""Read and check an answer key: YAML file in, ``Key`` (DataFrames) out.

``Key.items`` columns: sid, quote, category, source, source_type, reason, explanation,
acceptable, other_sources, other_reasons. ``Key.conflicts`` columns: group, topic, explanation, article, sid, quote,
source. ``Key.sources`` columns: name, type, aliases.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import _catalog
from .._text import normalize_quote
from ..errors import KeyNotFoundError, KeyValidationError, Problem

ITEM_COLUMNS = ["sid", "quote", "category", "source", "source_type", "reason", "explanation", "acceptable"]
# Columns of Key.items beyond the JSON interface: what else earns credit.
EXTRA_COLUMNS = ["other_sources", "other_reasons"]
CONFLICT_COLUMNS = ["group", "topic", "explanation", "article", "sid", "quote", "source"]


class Key:
    """A validated answer key whose every quote is resolved to a sentence id."""

    def __init__(self, article_id: str, status: str, path: Path, sources, items, conflicts,
                 groups: list[dict]) -> None:
        self.article_id = article_id
        self.status = status
        self.path = path
        self.sources = sources
        self.items = items
        self.conflicts = conflicts
        self.groups = groups

    def aliases(self) -> dict[str, str]:
        """Map every lower-cased name and alias to its canonical source name."""
        out: dict[str, str] = {}
        for name, aliases in zip(self.sources["name"], self.sources["aliases"]):
            for label in [name, *aliases]:
                out.setdefault(label.strip().lower(), name)
        return out

    def to_json(self) -> dict:
        """The stable JSON shape printed by ``medialit key ID --json``."""
        items = [
            {c: (None if _missing(v) else (bool(v) if c == "acceptable" else v)) for c, v in row.items()}
            for row in self.items[ITEM_COLUMNS].to_dict("records")
        ]
        return {"article": self.article_id, "items": items, "conflicts": self.groups}

    def __repr__(self) -> str:
        return f"<Key {self.article_id!r}: {len(self.items)} items, {len(self.groups)} conflicts>"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _label(kind: str, index: int, line: int | None, quote: str | None = None) -> str:
    where = f"{kind}[{index}]" + (f" (line {line})" if line else "")
    if quote:
        short = quote if len(quote) <= 60 else quote[:57] + "..."
        where += f" {short!r}"
    return where


def check_key_file(path: str | os.PathLike, article=None,
                   text: str | None = None) -> tuple[Key | None, list[Problem]]:
    """Validate a key file against the schema and its article(s).

    Args:
        path: the key file (only named in messages when *text* is given).
        article: the already-loaded Article (optional).
        text: the key's YAML, read instead of the file (optional).

    Returns:
        (key, problems): ``key`` is None when the file cannot be read or checked at all.
    """
    import pandas as pd
    import yaml
    from pydantic import ValidationError

    from .._yaml import line_of, load_yaml
    from ..articles.load import load_article
    from ..errors import ArticleFormatError, ArticleNotFoundError
    from .resolve import explain_no_match, matching_sids
    from .schema import KeySpec

    path = Path(path)
    shown = str(path)
    try:
        data, node = load_yaml(path.read_text(encoding="utf-8") if text is None else text, shown)
    except FileNotFoundError:
        return None, [Problem(shown, "file", "the key file does not exist.", "check the path.")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "file"
        return None, [Problem(shown, where, f"not valid YAML: {getattr(exc, 'problem', exc)}.",
                              "check indentation and quote any value containing ': ', '#' or a leading quote mark.")]
    if not isinstance(data, dict):
        return None, [Problem(shown, "file", "the key is not a YAML mapping.",
                              "start with 'article: <id>' and an 'items:' list (docs/formats.md).")]
    try:
        spec = KeySpec.model_validate(data)
    except ValidationError as exc:
        return None, [_schema_problem(shown, err, data, node) for err in exc.errors()]

    problems: list[Problem] = []
    try:
        article = article if article is not None else load_article(spec.article)
    except (ArticleNotFoundError, ArticleFormatError) as exc:
        return None, [Problem(shown, "article", f"its article cannot be loaded: {exc}",
                              "set 'article:' to an existing article id.")]
    if path.stem != spec.article:
        problems.append(Problem(shown, "article", f"the key is for '{spec.article}' but the file is named {path.name}.",
                                f"rename the file to {spec.article}.yaml."))

    declared = {s.name: s for s in spec.sources}
    seen_names: set[str] = set()
    for i, source in enumerate(spec.sources):
        if source.name in seen_names:
            problems.append(Problem(shown, _label("sources", i, line_of(node, ("sources", i))),
                                    f"source '{source.name}' is declared twice.", "keep one declaration."))
        seen_names.add(source.name)

    rows = []
    taken: dict[tuple[str, str], int] = {}
    for i, item in enumerate(spec.items):
        where = _label("items", i, line_of(node, ("items", i)), item.quote)
        sids = matching_sids(article.sentences, item.quote)
        if not sids:
            problem, fix = explain_no_match(article, item.quote)
            problems.append(Problem(shown, where, problem, fix))
            continue
        if len(sids) > 1:
            problems.append(Problem(shown, where, f"the quote matches {len(sids)} sentences ({', '.join(sids)}).",
                                    "quote more words so that it matches exactly one sentence."))
            continue
        sid = sids[0]
        source_type = item.source_type
        if item.category == "attribution":
            if not item.source:
                problems.append(Problem(shown, where, "an attribution item has no 'source'.",
                                        "name who makes the claim (a source declared under 'sources')."))
        elif item.category == "unattributed":
            if item.source:
                problems.append(Problem(shown, where, "an unattributed item names a source.",
                                        "remove 'source', or make the item an attribution."))
            if source_type not in (None, "none"):
                problems.append(Problem(shown, where, f"an unattributed item has source_type '{source_type}'.",
                                        "use source_type: none or leave it out."))
            source_type = "none"
        if item.category == "unverifiable" and not item.reason:
            problems.append(Problem(shown, where, "an unverifiable item has no 'reason'.",
                                    "add reason: vague_source, evidence_not_shown, loaded_language, speculation or other."))
        if item.category != "unverifiable" and item.reason:
            problems.append(Problem(shown, where, f"'reason' is only for unverifiable items, not {item.category}.",
                                    "remove 'reason' or change the category."))
        if item.source:
            spec_source = declared.get(item.source)
            if spec_source is None:
                problems.append(Problem(shown, where, f"source '{item.source}' is not declared under 'sources'.",
                                        _declare_fix(item.source, declared)))
            else:
                if source_type is None:
                    source_type = spec_source.type
                elif source_type != spec_source.type:
                    problems.append(Problem(shown, where,
                                            f"source_type '{source_type}' differs from the declared type "
                                            f"'{spec_source.type}' of '{item.source}'.",
                                            f"use source_type: {spec_source.type} (or fix the declaration)."))
        elif source_type is None:
            source_type = "none"
        slot = (sid, item.category)
        if slot in taken:
            problems.append(Problem(shown, where, f"sentence {sid} already has a {item.category} item (items[{taken[slot]}]).",
                                    "merge the two items into one."))
        taken[slot] = i
        rows.append({"sid": sid, "quote": normalize_quote(item.quote), "category": item.category,
                     "source": item.source, "source_type": source_type, "reason": item.reason,
                     "explanation": item.explanation, "acceptable": item.acceptable,
                     "other_sources": list(item.other_sources), "other_reasons": list(item.other_reasons)})
        for other in item.other_sources:
            if other not in declared:
                problems.append(Problem(shown, where, f"other_sources names '{other}', which is not declared.",
                                        _declare_fix(other, declared)))
    for (sid, category), i in taken.items():
        if category == "attribution" and (sid, "unattributed") in taken:
            problems.append(Problem(shown, _label("items", i, line_of(node, ("items", i))),
                                    f"sentence {sid} is keyed both attribution and unattributed "
                                    f"(items[{taken[(sid, 'unattributed')]}]).", "keep only one of the two."))

    conflict_rows, groups = [], []
    for g, conflict in enumerate(spec.conflicts):
        claims = []
        for c, claim in enumerate(conflict.claims):
            where = _label(f"conflicts[{g}].claims", c, line_of(node, ("conflicts", g, "claims", c)), claim.quote)
            other_id = claim.article or spec.article
            try:
                other = article if other_id == spec.article else load_article(other_id)
            except (ArticleNotFoundError, ArticleFormatError):
                problems.append(Problem(shown, where, f"claim names article '{other_id}', which does not exist.",
                                        "use an id listed by `medialit list`."))
                continue
            sids = matching_sids(other.sentences, claim.quote)
            if len(sids) != 1:
                problem, fix = ((f"the quote matches {len(sids)} sentences of {other_id} ({', '.join(sids)}).",
                                 "quote more words so that it matches exactly one sentence.") if sids
                                else explain_no_match(other, claim.quote))
                problems.append(Problem(shown, where, problem, fix))
                continue
            if claim.source not in declared:
                problems.append(Problem(shown, where, f"source '{claim.source}' is not declared under 'sources'.",
                                        _declare_fix(claim.source, declared)))
            claims.append({"article": other_id, "sid": sids[0], "quote": normalize_quote(claim.quote),
                           "source": claim.source})
            conflict_rows.append({"group": g, "topic": conflict.topic, "explanation": conflict.explanation,
                                  **claims[-1]})
        groups.append({"topic": conflict.topic, "explanation": conflict.explanation,
                       "missing": list(conflict.missing), "claims": claims})

    sources = pd.DataFrame([{"name": s.name, "type": s.type, "aliases": list(s.aliases)} for s in spec.sources],
                           columns=["name", "type", "aliases"])
    items = pd.DataFrame(rows, columns=ITEM_COLUMNS + EXTRA_COLUMNS).astype({"acceptable": "bool"})
    conflicts = pd.DataFrame(conflict_rows, columns=CONFLICT_COLUMNS)
    key = Key(spec.article, spec.status, path, sources, items, conflicts, groups)
    return key, problems


def _declare_fix(name: str, declared: dict) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(declared), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"add it to 'sources' with its type, or use a declared name{hint}."


def _schema_problem(shown: str, err: dict, data: dict, node) -> Problem:
    from .._yaml import line_of
    from .schema import CATEGORIES, REASONS, SOURCE_TYPES

    loc = tuple(err["loc"])
    field = str(loc[-1]) if loc else "file"
    quote = None
    if len(loc) >= 2 and loc[0] in ("items", "conflicts") and isinstance(loc[1], int):
        try:
            entry = data[loc[0]][loc[1]]
            quote = entry.get("quote") or entry.get("topic") if isinstance(entry, dict) else None
        except (IndexError, KeyError, TypeError):
            quote = None
        where = _label(loc[0], loc[1], line_of(node, loc[:2]), quote)
        if len(loc) > 2:
            where += " field '" + ".".join(str(p) for p in loc[2:]) + "'"
    else:
        where = "field '" + ".".join(str(p) for p in loc) + "'" if loc else "file"
    allowed = {"category": CATEGORIES, "source_type": SOURCE_TYPES, "reason": REASONS, "type": SOURCE_TYPES[:-1]}
    kind = err["type"]
    if kind == "missing":
        fix = f"add '{field}:' (see docs/formats.md)."
    elif kind == "extra_forbidden":
        fix = f"remove '{field}' or correct its spelling (see docs/formats.md)."
    elif kind.startswith("literal_error") and field in allowed:
        fix = f"use one of: {', '.join(allowed[field])}."
    elif kind == "too_short" and field == "claims":
        fix = "give a conflict at least two claims."
    else:
        fix = "see docs/formats.md for this field."
    value = err.get("input")
    shown_value = f" (got {value!r})" if kind.startswith("literal_error") else ""
    return Problem(shown, where, f"{err['msg']}{shown_value}.", fix)


def key_path_for(id_or_path: str | os.PathLike) -> Path:
    """Resolve a key file from an article id, an article path or a key path."""
    text = os.fspath(id_or_path)
    if _catalog.looks_like_path(id_or_path):
        path = Path(text)
        if path.suffix in (".yaml", ".yml"):
            return path
        article_id = path.stem
    else:
        article_id = text
    files = _catalog.key_files()
    if article_id not in files:
        raise KeyNotFoundError(article_id)
    return files[article_id]


def key_from_yaml(text: str, article=None, name: str = "<embedded key>") -> Key:
    """Load and validate a key from YAML text, such as one embedded in an nbgrader hidden test cell.

    Args:
        text: the key's YAML (docs/formats.md).
        article: the already-loaded Article (optional; saves a reload).
        name: the folder messages name the key under (the file is ``<name>/<article>.yaml``).

    Returns:
        Key: as ``load_key`` returns it.

    Raises:
        KeyValidationError: the key has problems; each names the key, item and fix.
    """
    import yaml

    from .._yaml import load_yaml

    try:
        data, _ = load_yaml(text, name)
    except yaml.YAMLError:
        data = None
    stem = data.get("article") if isinstance(data, dict) and isinstance(data.get("article"), str) else "key"
    key, problems = check_key_file(Path(name) / f"{stem}.yaml", article, text=text)
    if problems or key is None:
        raise KeyValidationError(problems)
    return key


def load_key(id_or_path: str | os.PathLike, article=None) -> Key:
    """Load and validate the answer key of an article.

    Args:
        id_or_path: an article id, an article path, or the key file's path.
        article: the already-loaded Article (optional; saves a reload).

    Raises:
        KeyNotFoundError: no key for that article.
        KeyValidationError: the key has problems; each names file, item and fix.
    """
    key, problems = check_key_file(key_path_for(id_or_path), article)
    if problems or key is None:
        raise KeyValidationError(problems)
    return key
