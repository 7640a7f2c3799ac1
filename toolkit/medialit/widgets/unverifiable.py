"""SpotUnverifiable: the student marks sentences the reader cannot check, and why."""

from __future__ import annotations

import traitlets

from ..keys.schema import REASON_LABELS
from . import _static
from ._base import TaggingWidget


class SpotUnverifiable(TaggingWidget):
    """Tag sentences whose claims cannot be checked, each with a reason.

    Args:
        article (Article | str): the article or its id.
        exercise (str | None): answers go to ``<answers_dir>/<exercise>.json``
            (default ``<article id>-unverifiable``).
        mode (str): ``"practice"`` (Check button, feedback from the key) or ``"assignment"``.
        answers_dir (str | os.PathLike): folder of the sidecar, relative to the notebook.
        key (Key | str | None): practice mode only; default the article's own key.

    Example:
        >>> w = SpotUnverifiable("tass-2016-05-04-aleppo-hospital")
        >>> w.tag("p8s1", reason="loaded_language")
    """

    _esm = _static.esm("unverifiable.js")
    task = "unverifiable"
    reasons = traitlets.List(traitlets.List(), help="[code, label] pairs of the reasons a student can pick.").tag(sync=True)

    def __init__(self, article, exercise: str | None = None, mode: str = "practice", answers_dir="answers",
                 key=None) -> None:
        super().__init__([article], exercise=exercise, mode=mode, answers_dir=answers_dir, key=key)
        self.reasons = [[code, label] for code, label in REASON_LABELS.items()]

    def tag(self, sid, reason: str | None = None, *, label: str | None = None) -> None:
        """Mark sentence *sid* as unverifiable for *reason*.

        Args:
            sid (str | tuple[str, str]): e.g. ``"p8s1"``.
            reason (str): one of ``vague_source``, ``evidence_not_shown``, ``loaded_language``,
                ``speculation``, ``other`` (labels in ``medialit.keys.schema.REASON_LABELS``).
            label (str | None): ``"unverifiable"`` (the only label of this task).

        Raises:
            ValueError: unknown sentence or reason; the message lists the valid ones.
        """
        self._put(sid, label=label, reason=reason)
