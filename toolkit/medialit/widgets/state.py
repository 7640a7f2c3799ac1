"""What a widget click means, what goes to the answers sidecar and which feedback to show (pure).

Tags (attribution and unverifiable widgets) are dicts with the sidecar's answer fields
(article, sid, text, label, source, reason); groups (conflicts widget) are dicts
``{"topic": str, "claims": [{"article", "sid", "text"}]}``. Functions take a ``Catalog`` of the
sentences on screen, never mutate their inputs and return new lists.
"""

from __future__ import annotations

import collections
import dataclasses
import re
from collections.abc import Iterable

from ..grading.match import fold, group_identity, sid_order
from ..keys.schema import REASON_LABELS, REASONS

TASK_LABELS = {"attribution": ("attribution", "unattributed"), "unverifiable": ("unverifiable",),
               "conflicts": ()}
NO_SOURCE_GIVEN = "no source given"
FICTION_BANNER = "Original teaching text \u2014 fictional"
OUTCOME_BADGES = {"found": "\u2713 found", "missed": "\u2717 missed", "wrong_source": "\u00bd wrong source",
                  "wrong_reason": "\u00bd wrong reason", "extra": "\u2212 extra", "acceptable": "\u25cb optional"}
OUTCOME_WORDS = {"found": "found", "missed": "missed", "wrong_source": "wrong source",
                 "wrong_reason": "wrong reason", "extra": "extra", "acceptable": "optional"}
MAX_CANDIDATES = 25


@dataclasses.dataclass(frozen=True)
class Catalog:
    """The sentences a widget shows and the sources a student may name.

    Attributes:
        task: ``attribution``, ``unverifiable`` or ``conflicts``.
        articles: article ids in display order.
        texts: ``(article, sid) -> sentence text``, in reading order.
        candidates: source names offered in the source list.
        words: the articles' text, folded to words, for checking typed source names.
    """

    task: str
    articles: tuple[str, ...]
    texts: dict
    candidates: tuple[str, ...] = ()
    words: str = ""

    @classmethod
    def from_articles(cls, articles: list, task: str, candidates: Iterable[str] = ()) -> Catalog:
        """Build a catalog from loaded ``Article`` objects.

        Args:
            articles (list[Article]): the articles on screen, in order.
            task (str): the widget's task.
            candidates (Iterable[str]): source names for the source list.

        Returns:
            Catalog
        """
        texts = {(a.id, row.sid): row.text for a in articles for row in a.sentences.itertuples()}
        words = " ".join(_words(a.text) for a in articles)
        return cls(task, tuple(a.id for a in articles), texts, tuple(candidates), f" {words} ")

    def position(self, article: str, sid: str) -> tuple[int, int, int]:
        """Sort key: article order, then reading order."""
        index = self.articles.index(article) if article in self.articles else len(self.articles)
        return (index, *sid_order(sid))


def _words(text: str) -> str:
    return " ".join(re.findall(r"[\w'-]+", fold(text)))


def article_view(article) -> dict:
    """The JSON the front end renders: headline, sub-headings and paragraphs of sentences.

    Args:
        article (Article): a loaded article.

    Returns:
        dict: ``{"id", "title", "fictional", "banner", "blocks": [{"paragraph", "kind",
        "sentences": [{"sid", "kind", "text"}]}]}``; texts are plain strings, never markup.
    """
    blocks: list[dict] = []
    for row in article.sentences.itertuples():
        if not blocks or blocks[-1]["paragraph"] != row.paragraph:
            kind = "body" if row.kind == "dateline" else row.kind
            blocks.append({"paragraph": int(row.paragraph), "kind": kind, "sentences": []})
        blocks[-1]["sentences"].append({"sid": row.sid, "kind": row.kind, "text": row.text})
    return {"id": article.id, "title": article.title, "fictional": article.fictional,
            "banner": FICTION_BANNER if article.fictional else "", "blocks": blocks}


# Capitalised word, or a lowercase particle joined by a hyphen to one (al-Nusra, ez-Zor).
_CAP = r"(?:[A-Z][\w'\u2019.-]*|[a-z]{1,3}-[A-Z][\w'\u2019-]*)"
_LINK = r"(?:of|for|the|without|de|von|van|bin)"
_SPAN = re.compile(rf"(?<![\w'\u2019-]){_CAP}(?:\s+(?:{_LINK}\s+)?{_CAP})*")
_SPEECH = re.compile(r"^\s*(?:,\s*)?(?:has\s+|had\s+|also\s+)*(?:said|says|told|added|claims|claimed|stated|"
                     r"pointed out|recalled|denied|denies|announced|reported|wrote|warned)\b")
_STARTERS = {"the", "a", "an", "in", "on", "at", "it", "this", "that", "these", "those", "earlier", "however",
             "but", "according", "answering", "if", "they", "he", "she", "we", "our", "its", "his", "her", "one",
             "after", "as", "by", "from", "while", "when", "there", "and", "or", "so", "then", "still", "also",
             "in", "more", "everything", "data", "all", "about"}
_TIME = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def names_in_text(texts: Iterable[str]) -> list[str]:
    """Guess who may be speaking: capitalised name spans, most quoted first.

    A span of two or more capitalised words ("Igor Konashenkov", "Doctors without Borders") is a
    candidate; a single capitalised word only when a speech verb follows it ("Konashenkov said").
    Leading sentence words ("The", "According"), months, weekdays and spans with digits are dropped;
    a name that ends a longer candidate ("Konashenkov", "Igor Konashenkov") is merged into it.

    Args:
        texts (Iterable[str]): body sentences.

    Returns:
        list[str]: at most ``MAX_CANDIDATES`` names, ordered by (speech-verb mentions, mentions, first seen).
    """
    mentions: collections.Counter = collections.Counter()
    speech: collections.Counter = collections.Counter()
    first: dict[str, int] = {}
    for text in texts:
        for match in _SPAN.finditer(text):
            words = match.group(0).split()
            while words and (words[0].lower() in _STARTERS or words[0].lower() in _TIME):
                words.pop(0)
            while words and (words[-1].lower() in _TIME or words[-1].lower() in _STARTERS):
                words.pop()
            name = " ".join(words).strip(".'\u2019")
            name = re.sub(r"['\u2019]s$", "", name)
            if not name or re.search(r"\d", name):
                continue
            spoke = bool(_SPEECH.match(text[match.end():]))
            if len(name.split()) < 2 and not spoke:
                continue
            mentions[name] += 1
            speech[name] += spoke
            first.setdefault(name, len(first))
    for short in sorted(mentions, key=len):
        longer = [n for n in mentions if n != short and n.endswith(" " + short)]
        if longer:
            target = max(longer, key=lambda n: mentions[n])
            mentions[target] += mentions.pop(short)
            speech[target] += speech.pop(short)
    ranked = sorted(mentions, key=lambda n: (-speech[n], -mentions[n], first[n]))
    return ranked[:MAX_CANDIDATES]


def candidate_sources(article, key=None) -> list[str]:
    """The source list of the attribution widget.

    Args:
        article (Article): the article on screen.
        key (Key | None): in practice mode, its declared source names are the candidates.

    Returns:
        list[str]: names, without "no source given" (the widget adds that choice itself).
    """
    if key is not None and len(key.sources):
        return list(key.sources["name"])
    body = article.sentences.loc[article.sentences["kind"] == "body", "text"]
    return names_in_text(body)


def resolve_sentence(catalog: Catalog, sid, article: str | None = None) -> tuple[str, str]:
    """Find the sentence a student means.

    Args:
        catalog (Catalog): the sentences on screen.
        sid (str | tuple[str, str]): ``"p3s2"`` or ``(article_id, "p3s2")``.
        article (str | None): the article id, needed only when two articles have that sid.

    Returns:
        tuple[str, str]: ``(article_id, sid)``.

    Raises:
        ValueError: unknown or ambiguous sentence; the message lists the valid ids.
    """
    if isinstance(sid, (tuple, list)):
        article, sid = sid
    sid = str(sid).strip()
    homes = [a for a in catalog.articles if (a, sid) in catalog.texts and article in (None, a)]
    if len(homes) == 1:
        return homes[0], sid
    if len(homes) > 1:
        raise ValueError(f"sentence {sid!r} is in {' and '.join(homes)}: pass (article, {sid!r}), "
                         f"e.g. ({homes[0]!r}, {sid!r}).")
    where = f" of article {article!r}" if article else ""
    valid = [s for a, s in catalog.texts if article in (None, a)]
    if article and article not in catalog.articles:
        raise ValueError(f"article {article!r} is not shown here; articles: {', '.join(catalog.articles)}.")
    raise ValueError(f"no sentence {sid!r}{where}. Valid sentence ids: {', '.join(dict.fromkeys(valid))}.")


def resolve_source(catalog: Catalog, source: str | None) -> str | None:
    """Check a source name as picked or typed; return it as it will be stored.

    Args:
        catalog (Catalog): candidates and article text.
        source (str | None): a candidate (any case), a name found in the article, or
            None / "" / "no source given".

    Returns:
        str | None: the candidate's spelling, the typed name with spaces tidied, or None.

    Raises:
        ValueError: the name is neither a candidate nor in the article; lists the candidates.
    """
    folded = fold(source)
    if not folded or folded == NO_SOURCE_GIVEN:
        return None
    for name in catalog.candidates:
        if fold(name) == folded:
            return name
    if f" {_words(source)} " in catalog.words:
        return re.sub(r"\s+", " ", source).strip()
    raise ValueError(f"source {source!r} is neither in the source list nor in the article. Type the name as "
                     f"the article gives it, or use one of: {', '.join(catalog.candidates) or '(none)'}, "
                     f"or {NO_SOURCE_GIVEN!r}.")


def make_tag(catalog: Catalog, sid, *, label: str | None = None, source: str | None = None,
             reason: str | None = None, article: str | None = None) -> dict:
    """Turn one tagging action into a checked answer record.

    Args:
        catalog (Catalog): the sentences on screen and the task.
        sid (str | tuple[str, str]): the sentence.
        label (str | None): ``attribution``/``unattributed`` (attribution task, default attribution)
            or ``unverifiable`` (default for that task).
        source (str | None): attribution only; see ``resolve_source``.
        reason (str | None): unverifiable only, one of ``REASONS``.
        article (str | None): the article id when the sid is ambiguous.

    Returns:
        dict: ``{"article", "sid", "text", "label", "source", "reason"}``.

    Raises:
        ValueError: unknown sentence, label, source or reason; the message lists valid values.
    """
    labels = TASK_LABELS[catalog.task]
    article, sid = resolve_sentence(catalog, sid, article)
    label = label or labels[0]
    if label not in labels:
        raise ValueError(f"{sid}: label {label!r} does not belong to the {catalog.task} task; "
                         f"use {' or '.join(map(repr, labels))}.")
    if label == "unverifiable":
        if reason not in REASONS:
            raise ValueError(f"{sid}: reason {reason!r} is not known; use one of: "
                             + ", ".join(f"{r!r} ({REASON_LABELS[r]})" for r in REASONS) + ".")
        if source is not None:
            raise ValueError(f"{sid}: the unverifiable task takes a reason, not a source.")
        source_name = None
    else:
        if reason is not None:
            raise ValueError(f"{sid}: the attribution task takes a source, not a reason.")
        if label == "unattributed" and fold(source) not in ("", NO_SOURCE_GIVEN):
            raise ValueError(f"{sid}: an unattributed claim has no source (got {source!r}); "
                             "use label 'attribution' to name who says it.")
        try:
            source_name = resolve_source(catalog, source) if label == "attribution" else None
        except ValueError as exc:
            raise ValueError(f"{sid}: {exc}") from None
    return {"article": article, "sid": sid, "text": catalog.texts[(article, sid)], "label": label,
            "source": source_name, "reason": reason if label == "unverifiable" else None}


def with_tag(catalog: Catalog, tags: list[dict], tag: dict) -> list[dict]:
    """Return *tags* with *tag* replacing any tag of the same sentence, in reading order."""
    kept = [t for t in tags if (t["article"], t["sid"]) != (tag["article"], tag["sid"])]
    return sorted([*kept, tag], key=lambda t: catalog.position(t["article"], t["sid"]))


def without_tag(catalog: Catalog, tags: list[dict], sid, article: str | None = None) -> list[dict]:
    """Return *tags* without the tag of sentence *sid* (unchanged if it had none).

    Raises:
        ValueError: the sentence does not exist.
    """
    article, sid = resolve_sentence(catalog, sid, article)
    return [t for t in tags if (t["article"], t["sid"]) != (article, sid)]


def clean_tags(catalog: Catalog, tags: list, previous: list | None = None) -> tuple[list[dict], list[str]]:
    """Check tags coming from the browser or a file, keeping what is valid.

    An invalid tag is replaced by the sentence's *previous* tag (if any), so a mistyped source never
    wipes an answer; duplicates keep the last tag per sentence.

    Args:
        catalog (Catalog): the sentences on screen.
        tags (list[dict]): proposed tags (only article, sid, label, source, reason are read).
        previous (list[dict] | None): the tags before this change.

    Returns:
        tuple[list[dict], list[str]]: the clean tags in reading order, and one message per rejected tag.
    """
    before = {(t["article"], t["sid"]): t for t in previous or []}
    clean: dict = {}
    problems = []
    for raw in tags:
        try:
            tag = make_tag(catalog, (raw.get("article") or None, raw.get("sid")), label=raw.get("label"),
                           source=raw.get("source"), reason=raw.get("reason"))
        except (ValueError, KeyError, AttributeError, TypeError) as exc:
            problems.append(str(exc))
            old = before.get((raw.get("article"), raw.get("sid"))) if isinstance(raw, dict) else None
            if old is not None:
                clean[(old["article"], old["sid"])] = old
            continue
        clean.pop((tag["article"], tag["sid"]), None)
        clean[(tag["article"], tag["sid"])] = tag
    ordered = sorted(clean.values(), key=lambda t: catalog.position(t["article"], t["sid"]))
    return ordered, problems


def _relocate(catalog: Catalog, article: str, sid: str, text: str) -> tuple[str, str] | None:
    """Where a saved sentence is now: same sid and text, else the sentence with that text."""
    current = catalog.texts.get((article, sid))
    if current is not None and (not text or current == text):
        return article, sid
    if text:
        for (a, s), t in catalog.texts.items():
            if a == article and t == text:
                return a, s
    return None


def tags_from_sidecar(catalog: Catalog, data: dict) -> tuple[list[dict], list[str]]:
    """Restore the tags saved in an answers document, following sentences that moved.

    Args:
        catalog (Catalog): the sentences on screen now.
        data (dict): the sidecar as returned by ``medialit.answers.open_answers``.

    Returns:
        tuple[list[dict], list[str]]: the tags, and messages about answers that could not be placed.
    """
    placed, problems = [], []
    for answer in data.get("answers", []):
        where = _relocate(catalog, answer["article"], answer["sid"], answer.get("text", ""))
        if where is None:
            problems.append(f"{answer['sid']}: the saved sentence is no longer in {answer['article']}; "
                            "its answer was dropped.")
            continue
        placed.append({**answer, "article": where[0], "sid": where[1]})
    tags, rejected = clean_tags(catalog, placed)
    return tags, problems + rejected


def sidecar_with_tags(data: dict, tags: list[dict]) -> dict:
    """A copy of the answers document *data* whose answers are *tags*."""
    keys = ("article", "sid", "text", "label", "source", "reason")
    return {**data, "answers": [{k: t.get(k) for k in keys} for t in tags], "conflicts": []}


def make_group(catalog: Catalog, claims: Iterable, topic: str = "") -> dict:
    """Turn picked sentences and a topic into a checked conflict group.

    Args:
        catalog (Catalog): the sentences on screen.
        claims (Iterable): sids, ``(article, sid)`` pairs or ``{"article", "sid"}`` dicts; two or more.
        topic (str): what the claims disagree about.

    Returns:
        dict: ``{"topic", "claims": [{"article", "sid", "text"}]}`` with claims in reading order.

    Raises:
        ValueError: unknown sentence, or fewer than two different sentences.
    """
    found = []
    for claim in claims:
        if isinstance(claim, dict):
            claim = (claim.get("article") or None, claim.get("sid"))
        found.append(resolve_sentence(catalog, claim))
    unique = sorted(dict.fromkeys(found), key=lambda c: catalog.position(*c))
    if len(unique) < 2:
        raise ValueError(f"a conflict group needs two or more different sentences (got {len(unique)}).")
    return {"topic": re.sub(r"\s+", " ", str(topic or "")).strip(),
            "claims": [{"article": a, "sid": s, "text": catalog.texts[(a, s)]} for a, s in unique]}


def clean_groups(catalog: Catalog, groups: list, previous: list | None = None) -> tuple[list[dict], list[str]]:
    """Check groups from the browser or a file; an invalid group keeps its previous version if any.

    Returns:
        tuple[list[dict], list[str]]: the clean groups, and one message per rejected group.
    """
    clean, problems = [], []
    for i, raw in enumerate(groups):
        try:
            group = make_group(catalog, raw.get("claims", []), raw.get("topic", ""))
        except (ValueError, AttributeError, TypeError) as exc:
            problems.append(f"group {i + 1}: {exc}")
            if previous and i < len(previous):
                clean.append(previous[i])
            continue
        if find_group(clean, group) is None:  # the same claims and topic twice count once
            clean.append(group)
    return clean, problems


def find_group(groups: list[dict], group: dict) -> int | None:
    """The index of a group in *groups* with the same claims and topic as *group* (case aside), or None.

    Re-running a notebook cell that calls ``w.group(...)`` after the saved groups were restored
    must not add the same group twice (it would be graded as an extra).
    """
    def identity(g: dict) -> tuple:
        return group_identity(((c["article"], c["sid"]) for c in g["claims"]), g["topic"])

    wanted = identity(group)
    return next((i for i, g in enumerate(groups) if identity(g) == wanted), None)


def groups_from_sidecar(catalog: Catalog, data: dict) -> tuple[list[dict], list[str]]:
    """Restore saved conflict groups, following sentences that moved.

    Returns:
        tuple[list[dict], list[str]]: the groups, and messages about claims or groups dropped.
    """
    groups, problems = [], []
    for group in data.get("conflicts", []):
        claims = []
        for claim in group.get("claims", []):
            where = _relocate(catalog, claim["article"], claim["sid"], claim.get("text", ""))
            if where is None:
                problems.append(f"{claim['sid']}: the saved sentence is no longer in {claim['article']}.")
            else:
                claims.append(where)
        groups.append({"topic": group.get("topic", ""), "claims": claims})
    clean, rejected = clean_groups(catalog, groups)
    return clean, problems + rejected


def sidecar_with_groups(data: dict, groups: list[dict]) -> dict:
    """A copy of the answers document *data* whose conflicts are *groups*."""
    return {**data, "answers": [], "conflicts": [
        {"topic": g["topic"], "claims": [{k: c[k] for k in ("article", "sid", "text")} for c in g["claims"]]}
        for g in groups]}


def badge(tag: dict) -> str:
    """The text badge a tagged sentence shows, e.g. ``[A: Igor Konashenkov]`` (never colour alone)."""
    if tag["label"] == "attribution":
        return f"[A: {tag.get('source') or NO_SOURCE_GIVEN}]"
    if tag["label"] == "unattributed":
        return "[No source: stated as fact]"
    return f"[? {(tag.get('reason') or 'other').replace('_', ' ')}]"


def feedback_rows(items, article: str) -> list[dict]:
    """What the Check button shows per sentence, from ``ScoreResult.items``.

    Args:
        items (pandas.DataFrame): ``grading.match.ITEM_COLUMNS`` rows.
        article (str): the article the rows are about (conflict rows name their own).

    Returns:
        list[dict]: ``{"article", "sid", "outcome", "badge", "message"}`` per row, in row order;
        ``badge`` names the outcome in words with an icon, ``message`` gives the key's answer, the
        student's and the key's explanation.
    """
    rows = []
    for item in items.to_dict("records"):
        parts = []  # the badge already names the outcome
        if item["outcome"] not in ("found", "extra") and item["expected"]:
            parts.append(f"Key: {item['expected']}.")
        if item["given"]:
            parts.append(f"You: {item['given']}.")
        parts.append(item["explanation"])
        rows.append({"article": article, "sid": item["sid"], "outcome": item["outcome"],
                     "badge": OUTCOME_BADGES[item["outcome"]], "message": " ".join(parts)})
    return rows


def score_summary(result) -> str:
    """One line for the student: score, counts per outcome and detection rates."""
    counts = result.counts()
    shown = ", ".join(f"{n} {OUTCOME_WORDS[o]}" for o, n in counts.items() if n)
    return (f"Score {result.score:g} of {result.max_score:g} ({shown or 'nothing to check'}). "
            f"Precision {result.precision:.0%}, recall {result.recall:.0%}.")


def hint_map(articles: list, task: str) -> dict[str, str]:
    """Practice hints for *task*, keyed ``"<article> <sid>"`` (the front end's sentence key).

    Hints come from the detectors (``medialit.detect.hints_for``): they point at what to look
    at, never at the answer.
    """
    from ..detect.hints import hints_for

    out: dict[str, str] = {}
    for article in articles:
        frame = hints_for(article)
        for sid, hint in zip(frame.loc[frame["kind"] == task, "sid"], frame.loc[frame["kind"] == task, "hint"]):
            out[f"{article.id} {sid}"] = hint
    return out
