"""nbgrader plugin: take a share of a late notebook's score off per started day late."""

from __future__ import annotations

import math

from nbgrader.plugins import LateSubmissionPlugin
from traitlets import Float

SECONDS_PER_DAY = 86400


def penalty_per_started_day(score: float, total_seconds_late: float, percent_per_day: float) -> float:
    """The late penalty: *percent_per_day* of *score* for every started day late, at most the score.

    Args:
        score (float): the notebook's score when it is autograded.
        total_seconds_late (float): seconds after the due date (0 when on time).
        percent_per_day (float): share of the score taken off per started day, in percent.

    Returns:
        float: the penalty, rounded to 2 decimals, between 0 and *score*.
    """
    if total_seconds_late <= 0 or score <= 0:
        return 0.0
    days = math.ceil(total_seconds_late / SECONDS_PER_DAY)
    return round(min(score, score * percent_per_day * days / 100), 2)


class PercentPerDayLate(LateSubmissionPlugin):
    """Late penalty: ``percent_per_day`` of the score per started day late (1 second late = 1 day).

    nbgrader computes the penalty when it autogrades, so it applies to the autograded points;
    hand-graded points added later are not reduced.
    """

    percent_per_day = Float(
        10.0, help="Percent of the notebook's score taken off per started day late (100 or more: zero)."
    ).tag(config=True)

    def late_submission_penalty(self, student_id: str, score: float, total_seconds_late: float) -> float:
        """Return the penalty for *student_id*'s notebook (nbgrader's plugin interface)."""
        penalty = penalty_per_started_day(score, total_seconds_late, self.percent_per_day)
        self.log.info("%s is %.0f seconds late: penalty %.2f of %.2f (%.0f%% per started day)",
                      student_id, total_seconds_late, penalty, score, self.percent_per_day)
        return penalty
