"""What every medialit widget shares: articles on screen, mode, sidecar file, messages, Check."""

from __future__ import annotations

import datetime as _dt
import os
import re
from pathlib import Path

import anywidget
import traitlets

from .. import answers as _answers
from . import _static, state

MODES = ("practice", "assignment")


class SpotWidget(anywidget.AnyWidget):
    """Base of the three widgets; subclasses add the task's traitlets, ``_esm`` and Python API.

    Attributes:
        path (pathlib.Path): the answers sidecar this widget writes.
        key (Key | None): the answer key (practice mode only).
        last_score (ScoreResult | None): the result of the last ``check()``.
    """

    _css = _static.css()
    task = "attribution"
    noun = "answer"  # what the status line counts

    articles = traitlets.List(traitlets.Dict(), help="The article(s) as rendered (state.article_view).").tag(sync=True)
    mode = traitlets.Unicode("practice", help="'practice' (Check button, key loaded) or 'assignment'.").tag(sync=True)
    exercise = traitlets.Unicode("", help="Exercise name; answers go to <answers_dir>/<exercise>.json.").tag(sync=True)
    message = traitlets.Unicode("", help="Notice for the student (damaged sidecar, rejected input).").tag(sync=True)
    status = traitlets.Unicode("", help="Where and when answers were last saved.").tag(sync=True)
    summary = traitlets.Unicode("", help="Score line of the last Check.").tag(sync=True)
    feedback = traitlets.List(traitlets.Dict(), help="Rows of state.feedback_rows from the last Check.").tag(sync=True)
    feedback_stale = traitlets.Bool(False, help="Answers changed since the last Check.").tag(sync=True)
    hints = traitlets.Dict(help="Practice hints by '<article> <sid>' (state.hint_map); empty in assignment mode.").tag(sync=True)

    def __init__(self, articles: list, *, exercise: str | None, mode: str, answers_dir, key=None) -> None:
        from ..articles.load import load_article

        super().__init__()
        if mode not in MODES:
            raise ValueError(f"mode {mode!r}: use 'practice' (with Check and feedback) or 'assignment' (answers only).")
        loaded = [load_article(a) for a in articles]
        self.key = _practice_key(loaded, key) if mode == "practice" else None
        exercise = exercise or "-and-".join(a.id for a in loaded) + f"-{self.task}"
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", exercise):
            raise ValueError(f"exercise {exercise!r}: use letters, digits, '-', '_' or '.', no slashes "
                             "(it becomes the answers file name).")
        self.path = Path(answers_dir).resolve() / f"{exercise}.json"
        self.last_score = None
        self._catalog = state.Catalog.from_articles(loaded, self.task, self._candidates(loaded))
        self._doc, notice = _answers.open_answers(self.path, exercise, self.task, [a.id for a in loaded])
        self._notice = notice or ""
        self.set_trait("articles", [state.article_view(a) for a in loaded])
        self.set_trait("mode", mode)
        self.set_trait("exercise", exercise)
        if mode == "practice":
            self.set_trait("hints", state.hint_map(loaded, self.task))
        self._restore()
        self.on_msg(self._on_msg)

    def _candidates(self, articles: list) -> list[str]:
        return []

    # Subclasses name the synced trait that holds the answers and the pure state functions for it.
    _answers_trait = ""
    _from_sidecar = staticmethod(lambda catalog, doc: ([], []))
    _clean = staticmethod(lambda catalog, value, previous: (value, []))
    _to_sidecar = staticmethod(lambda doc, value: doc)

    def _restore(self) -> None:
        """Load the answers from the sidecar into the answers trait, then save every later change."""
        name = self._answers_trait
        value, problems = self._from_sidecar(self._catalog, self._doc)
        self._notice = " ".join(filter(None, [self._notice, *problems]))
        self._rejected: list[str] = []
        self.set_trait(name, value)
        self._written = value
        self.message = self._notice
        self.observe(self._on_answers, names=[name])

    def _checked(self, proposal):
        """Validate a proposed answers value (from Python or the browser) against the last saved one."""
        if not hasattr(self, "_written"):
            return proposal["value"]
        # Compare with the last saved value: while ipywidgets holds notifications the trait is the raw input.
        return self._validated(self._answers_trait, *self._clean(self._catalog, proposal["value"], self._written))

    def _on_answers(self, change) -> None:
        self._save(self._answers_trait, self._to_sidecar)

    def _save(self, name: str, to_doc) -> None:
        """Write the validated value of trait *name* to the sidecar at once and tell the student.

        Observers read the trait, not ``change["new"]``: inside ``hold_trait_notifications`` (how
        ipywidgets applies browser changes) the first change event carries the value before validation.
        """
        value = getattr(self, name)
        problems, self._rejected = self._rejected, []
        if value == self._written:
            return
        self._written = value
        self._saved(to_doc(self._doc, value), len(value), problems)

    def _saved(self, doc: dict, count: int, problems: list[str]) -> None:
        """Write *doc* to the sidecar and update status, message and feedback_stale."""
        try:
            _answers.write_answers(self.path, doc)
        except OSError as exc:
            self.message = f"Your answers could not be saved to {self.path} ({exc}). Tell your teacher."
            return
        self._doc = doc
        shown = os.path.relpath(self.path) if not os.path.relpath(self.path).startswith("..") else str(self.path)
        when = _dt.datetime.now().strftime("%H:%M:%S")
        self.status = f"Saved {count} {self.noun}{'' if count == 1 else 's'} to {shown} at {when}."
        self.message = " ".join(filter(None, [self._notice, *problems]))
        self.feedback_stale = bool(self.feedback)

    def _validated(self, name: str, clean: list, problems: list[str]) -> list:
        """Remember rejected input for the message; resend the old value when nothing else changes."""
        self._rejected = problems
        if problems:
            self.message = " ".join(filter(None, [self._notice, *problems]))
            if clean == self._written:
                self.send_state(name)  # the browser shows the rejected value: put the kept one back
        return clean

    def _score(self):
        raise NotImplementedError

    def hint(self, sid, article: str | None = None) -> str:
        """Return the practice hint for sentence *sid*: what to look at, never the answer.

        Raises:
            ValueError: no such sentence (the message lists the valid ids), or assignment mode.
        """
        if self.mode != "practice":
            raise ValueError("hints are for practice mode only.")
        article_id, sid = state.resolve_sentence(self._catalog, sid, article)
        return self.hints.get(f"{article_id} {sid}", "No hint for this sentence: read it slowly, once more.")

    def check(self):
        """Score the answers against the key, show the feedback in the widget and return it.

        Returns:
            pandas.DataFrame: ``medialit.grading.match.ITEM_COLUMNS`` rows, one per keyed item or extra.

        Raises:
            RuntimeError: the widget is in assignment mode (there is no key to check against).
        """
        if self.key is None:
            raise RuntimeError("check() works in practice mode only; in assignment mode your teacher grades "
                               "the saved answers.")
        result = self._score()
        self.last_score = result
        self.feedback = state.feedback_rows(result.items, self.key.article_id)
        self.summary = state.score_summary(result)
        self.feedback_stale = False
        return result.items

    def _on_msg(self, widget, content, buffers) -> None:
        if isinstance(content, dict) and content.get("action") == "check":
            try:
                self.check()
            except Exception as exc:  # noqa: BLE001 - shown to the student instead of vanishing in the log
                self.message = f"Check failed: {exc}"


def _practice_key(articles: list, key):
    """The key to check against: the one given, else the first article's that has one."""
    from ..errors import KeyNotFoundError
    from ..keys.load import Key, load_key

    if isinstance(key, Key):
        return key
    if key is not None:
        return load_key(key, article=articles[0])
    for article in articles:
        try:
            return load_key(article.id, article=article)
        except KeyNotFoundError:
            continue
    raise KeyNotFoundError(articles[0].id)


class TaggingWidget(SpotWidget):
    """Base of the attribution and unverifiable widgets: one tag per sentence."""

    tags = traitlets.List(traitlets.Dict(), help="Tagged sentences: article, sid, text, label, source, reason.").tag(sync=True)

    _answers_trait = "tags"
    _from_sidecar = staticmethod(state.tags_from_sidecar)
    _clean = staticmethod(state.clean_tags)
    _to_sidecar = staticmethod(state.sidecar_with_tags)

    @traitlets.validate("tags")
    def _check_tags(self, proposal):
        return self._checked(proposal)

    @property
    def answers(self):
        """The tagged sentences as a DataFrame (``medialit.answers.ANSWER_COLUMNS``); assignable."""
        return _answers.answers_frame({"answers": self.tags})

    @answers.setter
    def answers(self, value) -> None:
        rows = value.to_dict("records") if hasattr(value, "to_dict") else list(value)
        tags: list[dict] = []
        for row in rows:
            row = {k: (None if v != v else v) for k, v in row.items()}  # NaN -> None
            tags = state.with_tag(self._catalog, tags, state.make_tag(
                self._catalog, row["sid"], label=row.get("label"), source=row.get("source"),
                reason=row.get("reason"), article=row.get("article")))
        self.tags = tags

    def untag(self, sid) -> None:
        """Remove the tag of sentence *sid* (no error if it has none).

        Raises:
            ValueError: no such sentence; the message lists the valid ids.
        """
        self.tags = state.without_tag(self._catalog, self.tags, sid)

    def _put(self, sid, **fields) -> None:
        self.tags = state.with_tag(self._catalog, self.tags, state.make_tag(self._catalog, sid, **fields))

    def _score(self):
        from ..grading.match import score_answers

        return score_answers(self.answers, self.key, self.task)
