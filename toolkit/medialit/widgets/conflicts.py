"""SpotConflicts: the student groups claims that cannot all be true and names what they disagree about."""

from __future__ import annotations

import traitlets

from .. import answers as _answers
from . import _static, state
from ._base import SpotWidget


class SpotConflicts(SpotWidget):
    """Group conflicting claims, within one article or across two shown side by side.

    Args:
        articles (Article | str | list): one article (or id), or a list of them.
        exercise (str | None): answers go to ``<answers_dir>/<exercise>.json``
            (default ``<ids joined by -and->-conflicts``).
        mode (str): ``"practice"`` (Check button, feedback from the key) or ``"assignment"``.
        answers_dir (str | os.PathLike): folder of the sidecar, relative to the notebook.
        key (Key | str | None): practice mode only; default the first article's key that exists.

    Example:
        >>> w = SpotConflicts("tass-2016-05-04-aleppo-hospital")
        >>> w.group(["p3s2", "p4s1"], topic="when the hospital was destroyed")
    """

    _esm = _static.esm("conflicts.js")
    task = "conflicts"
    noun = "group"
    conflict_groups = traitlets.List(traitlets.Dict(), help="Groups: topic and claims [{article, sid, text}].").tag(sync=True)

    def __init__(self, articles, exercise: str | None = None, mode: str = "practice", answers_dir="answers",
                 key=None) -> None:
        listed = list(articles) if isinstance(articles, (list, tuple)) else [articles]
        super().__init__(listed, exercise=exercise, mode=mode, answers_dir=answers_dir, key=key)

    _answers_trait = "conflict_groups"
    _from_sidecar = staticmethod(state.groups_from_sidecar)
    _clean = staticmethod(state.clean_groups)
    _to_sidecar = staticmethod(state.sidecar_with_groups)

    @traitlets.validate("conflict_groups")
    def _check_groups(self, proposal):
        return self._checked(proposal)

    @property
    def groups(self):
        """The groups as one row per claim (``medialit.answers.CONFLICT_COLUMNS``; ``group`` from 0)."""
        return _answers.conflicts_frame({"conflicts": self.conflict_groups})

    def group(self, claims, topic: str = "") -> int:
        """Add a group of claims that cannot all be true.

        Args:
            claims (list): two or more sids, or ``(article_id, sid)`` pairs when two articles are shown.
            topic (str): what the claims disagree about.

        Returns:
            int: the group's number (as in ``w.groups["group"]``, from 0); a group with the same
            claims and topic as an existing one is not added again and that one's number is returned.

        Raises:
            ValueError: unknown or ambiguous sentence, or fewer than two sentences.
        """
        group = state.make_group(self._catalog, claims, topic)
        existing = state.find_group(self.conflict_groups, group)
        if existing is not None:
            return existing
        self.conflict_groups = [*self.conflict_groups, group]
        return len(self.conflict_groups) - 1

    def ungroup(self, i: int) -> None:
        """Remove group *i* (numbered from 0 as in ``w.groups["group"]``).

        Raises:
            ValueError: there is no group *i*; the message lists the existing numbers.
        """
        count = len(self.conflict_groups)
        if not isinstance(i, int) or not -count <= i < count:
            raise ValueError(f"no group {i!r}; groups are numbered "
                             + (f"0..{count - 1}." if count else "from 0, and there are none yet."))
        self.conflict_groups = [g for j, g in enumerate(self.conflict_groups) if j != i % count]

    def _score(self):
        from ..grading.match import score_conflicts

        return score_conflicts(self.groups, self.key)
