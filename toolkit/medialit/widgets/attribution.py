"""SpotAttribution: the student marks who says each sentence, or that it states a claim with no source."""

from __future__ import annotations

import traitlets

from . import _static, state
from ._base import TaggingWidget


class SpotAttribution(TaggingWidget):
    """Tag sentences as attributed (with their source) or as unattributed claims.

    Args:
        article (Article | str): the article or its id.
        exercise (str | None): answers go to ``<answers_dir>/<exercise>.json``
            (default ``<article id>-attribution``).
        mode (str): ``"practice"`` (Check button, feedback from the key) or ``"assignment"``.
        answers_dir (str | os.PathLike): folder of the sidecar, relative to the notebook.
        key (Key | str | None): practice mode only; default the article's own key.

    Example:
        >>> w = SpotAttribution("tass-2016-05-04-aleppo-hospital", exercise="who-says")
        >>> w.tag("p3s2", source="Igor Konashenkov"); w.tag("p2s1", unattributed=True)
    """

    _esm = _static.esm("attribution.js")
    task = "attribution"
    sources = traitlets.List(traitlets.Unicode(), help="Names offered in the source list.").tag(sync=True)

    def __init__(self, article, exercise: str | None = None, mode: str = "practice", answers_dir="answers",
                 key=None) -> None:
        super().__init__([article], exercise=exercise, mode=mode, answers_dir=answers_dir, key=key)
        self.sources = list(self._catalog.candidates)

    def _candidates(self, articles: list) -> list[str]:
        return state.candidate_sources(articles[0], self.key)

    def tag(self, sid, source: str | None = None, *, unattributed: bool = False, label: str | None = None) -> None:
        """Mark sentence *sid* as attributed to *source*, or as an unattributed claim.

        Args:
            sid (str | tuple[str, str]): e.g. ``"p3s2"``.
            source (str | None): a name from ``w.sources``, a name as the article writes it, or
                None / ``"no source given"`` when the sentence is attributed to nobody named.
            unattributed (bool): True marks a claim stated with no source (same as label="unattributed").
            label (str | None): ``"attribution"`` (default) or ``"unattributed"``.

        Raises:
            ValueError: unknown sentence, label or source; the message lists the valid ones.
        """
        if unattributed:
            if label not in (None, "unattributed"):
                raise ValueError(f"{sid}: unattributed=True contradicts label={label!r}.")
            label = "unattributed"
        self._put(sid, label=label, source=source)
