"""nbgrader configuration of the medialit course; every path is relative to this file.

Run nbgrader from this folder (`cd course`), with the venv's bin/ on PATH (nbgrader calls
`alembic`). Set MEDIALIT_EXCHANGE to share the exchange folder between users (e.g.
/srv/nbgrader/exchange on a JupyterHub); by default it is course/exchange/, for one machine.
"""

import os
import sys
from pathlib import Path

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import ClearHiddenTests, GetGrades

c = get_config()  # noqa: F821 - provided by traitlets when it loads this file
HERE = Path(__file__).resolve().parent

c.CourseDirectory.course_id = "medialit"
c.CourseDirectory.root = str(HERE)
# gradebook.db is created on first use next to this file (nbgrader's default for the root).
c.Exchange.root = os.environ.get("MEDIALIT_EXCHANGE", str(HERE / "exchange"))

# The widget cell is the student's answer cell; its stub must run, so a self-study notebook
# runs top to bottom (nbgrader's default stub raises NotImplementedError).
c.ClearSolutions.code_stub = {"python": "# Tag the sentences in the widget: every change is saved to answers/."}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Autograding runs every widget cell; give slow machines time.
c.Execute.timeout = 180

# Feedback shows each grade cell's printed explanations and points, never its hidden code
# (the code embeds the answer key).
c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]

# Late work: 10% of the autograded score off per started day after the due date
# (set the due date with: nbgrader db assignment add 01-who-says --duedate="2026-02-02 09:00 UTC").
c.AssignLatePenalties.plugin_class = "medialit.grading.latepenalty.PercentPerDayLate"
c.PercentPerDayLate.percent_per_day = 10.0

# Answers saved by running a source notebook (course/source/<assignment>/answers/) would be
# copied over every student's answers at autograde and handed out on release.
_stray = sorted(p for p in (HERE / "source").glob("*/answers") if p.is_dir())
if _stray:
    print("medialit: delete " + ", ".join(str(p) for p in _stray) + " (answers saved while running a source "
          "notebook); they would be released to students. `make notebooks` removes them.", file=sys.stderr)
    c.Autograde.exclude_overwriting = {
        p.parent.name: sorted(str(f.relative_to(p.parent)) for f in p.rglob("*") if f.is_file()) for p in _stray
    }
