"""``python -m medialit.course``: regenerate course/source, exercises/ and solutions/ from course/lessons."""

from __future__ import annotations

import argparse
import sys

EXAMPLES = """examples:
  python -m medialit.course                      # from the repository root (what `make notebooks` runs)
  python -m medialit.course --course-dir /tmp/course --exercises /tmp/ex --solutions /tmp/sol
"""


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and build the course."""
    from .build import build_course

    parser = argparse.ArgumentParser(prog="python -m medialit.course", description=__doc__.splitlines()[0],
                                     epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--course-dir", default="course", metavar="DIR",
                        help="course folder with lessons/, keys/ and nbgrader_config.py (default: course)")
    parser.add_argument("--exercises", default="exercises", metavar="DIR",
                        help="student notebooks (default: exercises)")
    parser.add_argument("--solutions", default="solutions", metavar="DIR",
                        help="instructor notebooks (default: solutions)")
    args = parser.parse_args(argv)
    for path in build_course(args.course_dir, args.exercises, args.solutions):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
