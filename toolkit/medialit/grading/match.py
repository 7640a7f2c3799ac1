"""Score a student's answers against an answer key; pure functions, DataFrame in, ``ScoreResult`` out.

Inputs:
    ``answers``: one row per tagged sentence, ``medialit.answers.ANSWER_COLUMNS``
    (article str, sid str, text str, label str, source str|None, reason str|None).
    ``groups``: one row per claim of a student's conflict group, ``medialit.answers.CONFLICT_COLUMNS``
    (group int, topic str, article str, sid str, text str).
    ``key``: a ``medialit.Key`` (``.article_id``, ``.items``, ``.sources``, ``.groups``).

Output ``ScoreResult.items`` (``ITEM_COLUMNS``), one row per keyed item or extra tag, in article order:
    sid str, category str, outcome str (``OUTCOMES``), expected str, given str, explanation str,
    points float, max_points float.

Scoring rule for ``score_answers`` (tasks ``attribution`` and ``unverifiable``):

- The task's categories are ``attribution`` + ``unattributed`` (attribution task) or ``unverifiable``.
  Answers with another label, or for another article than the key's, are ignored; when a sentence
  has several answers the last one counts.
- Every keyed item of the task's categories that is not ``acceptable`` is worth 1 point (``max_points``):

  ======================================================  ==============  ======
  student's answer                                        outcome         points
  ======================================================  ==============  ======
  attribution item, tagged attribution, right source      found           1
  attribution item, tagged attribution, other/no source   wrong_source    0.5
  unattributed item, tagged unattributed                  found           1
  attribution item tagged unattributed, or vice versa     wrong_source    0.25 ("wrong kind")
  unverifiable item, right reason                         found           1
  unverifiable item, other/no reason                      wrong_reason    0.5
  not tagged                                              missed          0
  ======================================================  ==============  ======

- A source is right when it equals (case-insensitive, spaces and quote marks folded) the keyed
  canonical name or any of its aliases, or one of the item's ``other_sources`` or their aliases.
  A reason is right when it equals ``reason`` or is in ``other_reasons``.
- ``acceptable`` items never count for or against the student: a tagged one is reported with outcome
  ``acceptable`` and 0 of 0 points; an untagged one is not reported.
- Each tag on a sentence that has no keyed item of the task's categories is ``extra`` and costs
  0.5 (``points`` -0.5, ``max_points`` 0). ``score`` is the sum of points but never below 0.
- ``precision``, ``recall`` and ``f1`` count detection only: a keyed non-acceptable item is detected
  when its sentence carries any tag of the task (found, wrong_source, wrong_reason); extras are
  false positives; acceptable items are left out. precision = detected / (detected + extra),
  recall = detected / keyed. With nothing keyed recall is 1; with nothing tagged precision is 1 when
  nothing is keyed, else 0; f1 is 0 when precision + recall is 0.

``score_conflicts`` scores conflict groups the same way: each key group is worth 1 point and is
``found`` when a student group shares at least two claim sentences (article, sid) with it (or its
only sentence, when all its claims lie in one sentence), else ``missed``. Groups are paired greedily by largest overlap (ties: key order, then student order), each
used once. A student group repeating an earlier one (same claims, same topic up to case) is
dropped first: re-running a cell that calls ``group`` must not cost points. Every student group left unpaired is ``extra`` and costs 0.5; the total never drops below
0. Topics are not scored (they are reported in ``given`` for the reader). In its rows ``sid`` lists
the key group's claims ("p3s2 p4s1"; claims from another article as "article-id:p2s1") and
``category`` is ``conflict``.
"""

from __future__ import annotations

import dataclasses
import re

import pandas as pd

ITEM_COLUMNS = ["sid", "category", "outcome", "expected", "given", "explanation", "points", "max_points"]
OUTCOMES = ("found", "missed", "wrong_source", "wrong_reason", "extra", "acceptable")
TASK_CATEGORIES = {"attribution": ("attribution", "unattributed"), "unverifiable": ("unverifiable",)}
EXTRA_COST = 0.5
PARTIAL_CREDIT = 0.5
WRONG_KIND_CREDIT = 0.25
NO_SOURCE = "(no source)"
NO_REASON = "(no reason)"


@dataclasses.dataclass(frozen=True)
class ScoreResult:
    """The outcome of scoring one set of answers against a key.

    Attributes:
        items: one row per keyed item or extra tag (``ITEM_COLUMNS``).
        score: points earned, never below 0.
        max_score: points available.
        precision: detected keyed items / all scored tags.
        recall: detected keyed items / keyed items.
        f1: harmonic mean of precision and recall.
    """

    items: pd.DataFrame
    score: float
    max_score: float
    precision: float
    recall: float
    f1: float

    @property
    def fraction(self) -> float:
        """``score / max_score`` (1.0 when nothing is keyed)."""
        return self.score / self.max_score if self.max_score else 1.0

    def counts(self) -> dict[str, int]:
        """How many rows have each outcome, for every outcome in ``OUTCOMES``."""
        seen = self.items["outcome"].value_counts()
        return {outcome: int(seen.get(outcome, 0)) for outcome in OUTCOMES}


def fold(text: str | None) -> str:
    """Normalize a name for comparison: case, curly quotes, runs of spaces, outer punctuation.

    Args:
        text (str | None): a source name as typed or as keyed.

    Returns:
        str: the folded form ('' for None).
    """
    if not text:
        return ""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip(" .,;:\"'").casefold()


def source_names(key, name: str) -> set[str]:
    """The folded canonical name and aliases under which *key* declares source *name*.

    Args:
        key: a ``medialit.Key``.
        name (str): a declared canonical source name.

    Returns:
        set[str]: folded names that count as *name* (just *name* if it is not declared).
    """
    out = {fold(name)}
    for declared, aliases in zip(key.sources["name"], key.sources["aliases"]):
        if declared == name:
            out.update(fold(a) for a in aliases)
    return out


def group_identity(claims, topic: str | None) -> tuple:
    """What makes two conflict groups the same: their (article, sid) claims as a set, and their topic, case aside.

    Grading counts a repeated group once and the widget does not add it twice (``widgets.state.find_group``).
    """
    return frozenset(claims), (topic or "").casefold()


def sid_order(sid: str) -> tuple[int, int]:
    """Sort key for sentence ids such as ``p12s3`` (unparseable ids sort last)."""
    match = re.fullmatch(r"p(\d+)s(\d+)", str(sid))
    return (int(match.group(1)), int(match.group(2))) if match else (10**9, 0)


def _text(value) -> str | None:
    """A cell as a stripped string, or None for empty/NaN."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    value = str(value).strip()
    return value or None


def _describe(label: str | None, source: str | None = None, reason: str | None = None) -> str:
    if label == "attribution":
        return f"attribution: {source or NO_SOURCE}"
    if label == "unverifiable":
        return f"unverifiable: {reason or NO_REASON}"
    return label or ""


def _latest_answers(answers: pd.DataFrame, article_id: str, labels: tuple[str, ...]) -> dict[str, dict]:
    """The last answer per sid of *article_id* whose label belongs to the task."""
    out: dict[str, dict] = {}
    for row in answers.to_dict("records"):
        article = _text(row.get("article"))
        if article is not None and article != article_id:
            continue
        label = _text(row.get("label"))
        if label not in labels:
            continue
        sid = _text(row.get("sid"))
        if sid is not None:
            out.pop(sid, None)  # re-insert so dict order follows the latest answer
            out[sid] = {"label": label, "source": _text(row.get("source")), "reason": _text(row.get("reason"))}
    return out


def _judge(item: dict, answer: dict, key) -> tuple[str, float]:
    """Outcome and points for a keyed, non-acceptable *item* the student tagged with *answer*."""
    category, label = item["category"], answer["label"]
    if category == "unverifiable":
        reasons = {item["reason"], *(item.get("other_reasons") or [])}
        return ("found", 1.0) if answer["reason"] in reasons else ("wrong_reason", PARTIAL_CREDIT)
    if category != label:  # attribution vs unattributed: the wrong kind of answer
        return "wrong_source", WRONG_KIND_CREDIT
    if category == "unattributed":
        return "found", 1.0
    names = set().union(*(source_names(key, s) for s in [item["source"], *(item.get("other_sources") or [])]))
    return ("found", 1.0) if fold(answer["source"]) in names and answer["source"] else ("wrong_source", PARTIAL_CREDIT)


def _finish(rows: list[dict], detected: int, keyed: int, extras: int) -> ScoreResult:
    """Build the ScoreResult: total (floored at 0), maximum and detection statistics."""
    items = pd.DataFrame(rows, columns=ITEM_COLUMNS).astype({"points": "float64", "max_points": "float64"})
    score = max(0.0, float(items["points"].sum()))
    max_score = float(items["max_points"].sum())
    tagged = detected + extras
    recall = detected / keyed if keyed else 1.0
    precision = detected / tagged if tagged else (1.0 if keyed == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ScoreResult(items, score, max_score, precision, recall, f1)


def score_answers(answers: pd.DataFrame, key, task: str) -> ScoreResult:
    """Score tagged sentences against a key for one task (rules in the module docstring).

    Args:
        answers (pandas.DataFrame): ``ANSWER_COLUMNS`` rows; not modified.
        key: a ``medialit.Key`` for the article the answers are about.
        task (str): ``"attribution"`` or ``"unverifiable"``.

    Returns:
        ScoreResult: per-item rows in article order, score, max_score, precision, recall, f1.

    Raises:
        ValueError: *task* is not one of the two tagging tasks.
    """
    if task not in TASK_CATEGORIES:
        raise ValueError(f"task {task!r}: score_answers scores 'attribution' or 'unverifiable' "
                         f"(use score_conflicts for conflicts).")
    categories = TASK_CATEGORIES[task]
    given = _latest_answers(answers, key.article_id, categories)
    keyed = [item for item in key.items.to_dict("records") if item["category"] in categories]
    keyed_sids = {item["sid"] for item in keyed}
    rows: list[dict] = []
    detected = n_keyed = extras = 0
    for item in keyed:
        answer = given.get(item["sid"])
        expected = _describe(item["category"], _text(item["source"]), _text(item["reason"]))
        shown = _describe(answer["label"], answer["source"], answer["reason"]) if answer else ""
        row = {"sid": item["sid"], "category": item["category"], "expected": expected, "given": shown,
               "explanation": item["explanation"]}
        if item["acceptable"]:
            if answer:
                rows.append({**row, "outcome": "acceptable", "points": 0.0, "max_points": 0.0})
            continue
        n_keyed += 1
        if answer is None:
            rows.append({**row, "outcome": "missed", "points": 0.0, "max_points": 1.0})
            continue
        detected += 1
        outcome, points = _judge(item, answer, key)
        rows.append({**row, "outcome": outcome, "points": points, "max_points": 1.0})
    for sid, answer in given.items():
        if sid in keyed_sids:
            continue
        extras += 1
        rows.append({"sid": sid, "category": answer["label"], "outcome": "extra", "expected": "",
                     "given": _describe(answer["label"], answer["source"], answer["reason"]),
                     "explanation": f"The key has no {' or '.join(categories)} item for this sentence.",
                     "points": -EXTRA_COST, "max_points": 0.0})
    rows.sort(key=lambda r: sid_order(r["sid"]))
    return _finish(rows, detected, n_keyed, extras)


def _claim_id(claim: dict, default_article: str) -> tuple[str, str]:
    return (_text(claim.get("article")) or default_article, str(claim["sid"]))


def _claims_label(claims: list[tuple[str, str]], home: str) -> str:
    return " ".join(sid if article == home else f"{article}:{sid}" for article, sid in dict.fromkeys(claims))


def score_conflicts(groups: pd.DataFrame, key) -> ScoreResult:
    """Score a student's conflict groups against the key's (rules in the module docstring).

    Args:
        groups (pandas.DataFrame): ``CONFLICT_COLUMNS`` rows (one per claim); not modified.
        key: a ``medialit.Key`` whose ``groups`` hold the keyed conflicts.

    Returns:
        ScoreResult: one row per key group (found/missed) and per unpaired student group (extra).
    """
    home = key.article_id
    student: dict[int, dict] = {}
    for row in groups.to_dict("records"):
        entry = student.setdefault(int(row["group"]), {"topic": _text(row.get("topic")) or "", "claims": []})
        claim = _claim_id(row, home)
        if claim not in entry["claims"]:
            entry["claims"].append(claim)
    seen: set[tuple] = set()
    for number in list(student):  # the same claims under the same topic twice count once
        identity = group_identity(student[number]["claims"], student[number]["topic"])
        if identity in seen:
            del student[number]
        seen.add(identity)
    keyed = [[_claim_id(c, home) for c in g["claims"]] for g in key.groups]
    pairs = sorted(((len(set(k) & set(s["claims"])), ki, si)
                    for ki, k in enumerate(keyed) for si, s in student.items()),
                   key=lambda p: (-p[0], p[1], p[2]))
    match: dict[int, int] = {}
    used: set[int] = set()
    for overlap, ki, si in pairs:
        if overlap >= min(2, len(set(keyed[ki]))) and overlap and ki not in match and si not in used:
            match[ki] = si
            used.add(si)
    rows = []
    for ki, (group, claims) in enumerate(zip(key.groups, keyed)):
        si = match.get(ki)
        given = "" if si is None else f"{student[si]['topic'] or '(no topic)'}: {_claims_label(student[si]['claims'], home)}"
        rows.append({"sid": _claims_label(claims, home), "category": "conflict",
                     "outcome": "missed" if si is None else "found", "expected": group["topic"], "given": given,
                     "explanation": group["explanation"], "points": 0.0 if si is None else 1.0, "max_points": 1.0})
    for si, entry in student.items():
        if si not in used:
            rows.append({"sid": _claims_label(entry["claims"], home), "category": "conflict", "outcome": "extra",
                         "expected": "", "given": f"{entry['topic'] or '(no topic)'}: {_claims_label(entry['claims'], home)}",
                         "explanation": "No keyed conflict shares two of these claims.",
                         "points": -EXTRA_COST, "max_points": 0.0})
    return _finish(rows, len(match), len(keyed), len(student) - len(used))
