"""``medialit`` command: parse arguments, call one library function, print the result.

The JSON printed by ``list``, ``sentences`` and ``key`` is a stable interface.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXAMPLES = """examples:
  medialit list --json
  medialit sentences tass-2016-05-04-aleppo-hospital --json
  medialit key tass-2016-05-04-aleppo-hospital --json
  medialit validate                       # everything shipped (and on MEDIALIT_PATH)
  MEDIALIT_PATH=course medialit validate course/keys
  medialit import-text pasted.txt --id my-article --published 2024-03-01 -o my-article.md
  medialit draft-key my-article.md -o my-article.yaml  # a draft key to correct by hand
  medialit autograde 04-capstone --jobs 2 --course-dir course   # nbgrader autograde, in parallel
  medialit report 01-who-says             # item analysis into course/reports/01-who-says/
"""

REPORT_EXAMPLES = """examples:
  medialit report 01-who-says                       # from the repository or course/: writes course/reports/01-who-says/
  medialit report 04-capstone --course-dir /srv/course --out /tmp/capstone-report

writes items.csv (every student x item), hit_rates.csv (per keyed sentence), wrong_answers.csv
(most common wrong sources, reasons and extra tags), students.csv (per-student summary with the
gradebook's score and late penalty) and scores.png, hit_rates.png, wrong_answers.png.
"""


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_list(args) -> int:
    from ..catalog import list_articles

    frame = list_articles()
    if args.json:
        _print_json(frame.to_dict("records"))
    else:
        print(frame[["id", "genre", "level", "use", "has_key", "title"]].to_string(index=False))
    return 0


def cmd_sentences(args) -> int:
    from ..articles.load import load_article

    frame = load_article(args.article).sentences
    if args.json:
        _print_json(frame.to_dict("records"))
    else:
        for row in frame.itertuples():
            mark = "\u201c" if row.in_quote else " "
            print(f"{row.sid:>7} {row.kind:<8} {mark} {row.text}")
    return 0


def cmd_key(args) -> int:
    from ..keys.load import load_key

    key = load_key(args.article)
    if args.json:
        _print_json(key.to_json())
    else:
        print(key.items[["sid", "category", "source", "reason", "acceptable"]].to_string(index=False))
        for group in key.groups:
            print(f"conflict: {group['topic']}: " + "; ".join(f"{c['sid']} ({c['source']})" for c in group["claims"]))
    return 0


def cmd_validate(args) -> int:
    from ..validate import validate_paths

    problems = validate_paths(args.paths)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print("all valid.")
    return 0


def cmd_import_text(args) -> int:
    from ..articles.importer import article_markdown_from_text

    raw = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    text = article_markdown_from_text(
        raw, args.id, title=args.title, outlet=args.outlet, published=args.published,
        provenance=args.provenance, genre=args.genre, level=args.level, language=args.language,
        use=args.use, fictional=args.fictional, drop=frozenset(args.drop or ()))
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}; check it with: medialit validate {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_draft_key(args) -> int:
    from ..detect.draft import draft_key, key_yaml

    key = draft_key(args.article, compare=args.compare or ())
    text = json.dumps(key, ensure_ascii=False, indent=2) + "\n" if args.json else key_yaml(key)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output} ({len(key['items'])} items, {len(key['conflicts'])} conflicts); correct it, "
              f"then check it with: medialit validate {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_autograde(args) -> int:
    from ..grading.parallel import autograde_parallel, format_report, skip_iri_grammar

    skip_iri_grammar()  # before nbgrader is imported: saves most of its start-up time
    try:
        report = autograde_parallel(args.assignment, jobs=args.jobs, course_dir=args.course_dir,
                                    students=args.student or (), force=args.force)
    except KeyboardInterrupt:
        print("medialit autograde: interrupted; submissions that finished are in the gradebook.", file=sys.stderr)
        return 130
    print(format_report(report), file=sys.stderr)
    return 0 if report.ok else 1


def cmd_report(args) -> int:
    from ..grading.report import find_course_dir, write_report

    course = args.course_dir if args.course_dir else find_course_dir()
    for path in write_report(course, args.assignment, args.out):
        print(f"wrote {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    from ..articles.schema import GENRES

    parser = argparse.ArgumentParser(prog="medialit", description=__doc__.splitlines()[0],
                                     epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("list", help="list the articles medialit knows", epilog="example: medialit list --json",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("sentences", help="an article's sentences with stable ids",
                       epilog="example: medialit sentences tass-2016-05-04-aleppo-hospital --json")
    p.add_argument("article", metavar="ID_OR_PATH")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_sentences)

    p = sub.add_parser("key", help="an article's answer key with every quote resolved to a sentence id",
                       epilog="example: medialit key tass-2016-05-04-aleppo-hospital --json")
    p.add_argument("article", metavar="ID_OR_PATH", help="article id, article file or key file")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_key)

    p = sub.add_parser("validate", help="check articles and keys; exit 1 on any problem",
                       epilog="examples:\n  medialit validate\n  medialit validate course/keys my-article.md",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", metavar="PATHS", help="files or folders (default: everything known)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("import-text", help="turn pasted article text into an article file",
                       epilog="example:\n  medialit import-text pasted.txt --id city-budget --outlet 'Daily Post' "
                              "--published 2024-03-01 -o city-budget.md",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", metavar="FILE", help="raw text file, or - for standard input")
    p.add_argument("--id", required=True, help="the article id (lowercase, hyphens)")
    p.add_argument("--title")
    p.add_argument("--outlet")
    p.add_argument("--published", help="ISO date, YYYY-MM-DD")
    p.add_argument("--provenance", help="source URL or description")
    p.add_argument("--genre", default="newspaper", choices=GENRES)
    p.add_argument("--level", type=int, default=2, choices=(1, 2, 3))
    p.add_argument("--language", default="en")
    p.add_argument("--use", default="practice", choices=("practice", "assessment"))
    p.add_argument("--fictional", action="store_true", help="mark as an original teaching text")
    p.add_argument("--drop", action="append", metavar="LINE", help="another site-chrome line to remove")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.set_defaults(func=cmd_import_text)

    p = sub.add_parser("draft-key", help="draft an answer key (status: draft) from the detectors",
                       epilog="examples:\n  medialit draft-key city-budget.md -o city-budget.yaml\n"
                              "  medialit draft-key harbour-fire-wire --compare harbour-fire-gazette --json",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("article", metavar="ID_OR_PATH", help="article id or article file")
    p.add_argument("--compare", action="append", metavar="ID_OR_PATH",
                   help="another article on the same story, for conflicts across articles")
    p.add_argument("--json", action="store_true", help="print JSON instead of YAML")
    p.add_argument("-o", "--output", help="write here instead of standard output (name it <id>.yaml)")
    p.set_defaults(func=cmd_draft_key)

    p = sub.add_parser(
        "autograde", help="nbgrader autograde, several submissions at a time; same gradebook",
        description="Grade submitted/*/ASSIGNMENT like `nbgrader autograde ASSIGNMENT`, N submissions at a\n"
                    "time, leaving the same gradebook and autograded/ files. Exit 1 if any submission failed.\n"
                    "Needs the venv's bin/ on PATH (nbgrader runs alembic).",
        epilog="examples:\n  medialit autograde 04-capstone --jobs 2 --course-dir course\n"
               "  medialit autograde 01-who-says --course-dir course --force --student alice bob",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("assignment", metavar="ASSIGNMENT", help="assignment id, as for nbgrader autograde")
    p.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: one per CPU core)")
    p.add_argument("--course-dir", metavar="DIR", help="nbgrader course directory (default: as nbgrader decides)")
    p.add_argument("--student", nargs="+", action="extend", metavar="S", help="only these student ids (globs)")
    p.add_argument("--force", action="store_true", help="regrade submissions that were already autograded")
    p.set_defaults(func=cmd_autograde)

    p = sub.add_parser("report", help="item analysis of a graded assignment: CSV tables and PNG plots",
                       epilog=REPORT_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("assignment", metavar="ASSIGNMENT", help="assignment id, e.g. 01-who-says")
    p.add_argument("--course-dir", metavar="DIR", help="course folder with nbgrader_config.py (default: . or ./course)")
    p.add_argument("--out", metavar="DIR", help="output folder (default: <course>/reports/ASSIGNMENT)")
    p.set_defaults(func=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``medialit`` command."""
    from ..errors import MedialitError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except MedialitError as exc:
        print(f"medialit {args.command}: {exc}", file=sys.stderr)
        return 1
    except (OSError, ValueError) as exc:
        print(f"medialit {args.command}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
