"""All medialit exceptions; every message names the file, the item and the fix."""

from __future__ import annotations


class MedialitError(Exception):
    """Base class for every error medialit raises on purpose."""


class ArticleNotFoundError(MedialitError, LookupError):
    """No article with the given id or path exists."""

    def __init__(self, wanted: str, known: list[str] | None = None) -> None:
        hint = ""
        if known:
            hint = " Known ids: " + ", ".join(sorted(known)) + "."
        super().__init__(
            f"{wanted}: no such article. Pass a path to a .md article file or one of the "
            f"ids listed by `medialit list`, or add its folder to MEDIALIT_PATH.{hint}"
        )
        self.wanted = wanted


class ArticleFormatError(MedialitError, ValueError):
    """An article file is malformed (front matter, headline, fields)."""

    def __init__(self, path: str, problem: str, fix: str) -> None:
        super().__init__(f"{path}: {problem} Fix: {fix}")
        self.path, self.problem, self.fix = path, problem, fix


class KeyValidationError(MedialitError, ValueError):
    """An answer key breaks the format or does not match its article."""

    def __init__(self, problems: list["Problem"]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class KeyNotFoundError(MedialitError, LookupError):
    """An article has no answer key where medialit looks for one."""

    def __init__(self, article_id: str) -> None:
        super().__init__(
            f"{article_id}: no answer key found. Practice keys ship in medialit/data/keys; "
            "assessment keys live under course/keys - pass the key file's path or add its "
            "folder's parent to MEDIALIT_PATH."
        )


class AnswersError(MedialitError, ValueError):
    """An answers sidecar is unreadable or does not follow its schema."""


class AutogradeError(MedialitError, RuntimeError):
    """Parallel autograde cannot start: no submissions, or a gradebook that is not SQLite."""


class GradebookMergeError(MedialitError, RuntimeError):
    """Two submissions' changes disagree, or a change no longer fits the real gradebook."""


class LessonError(MedialitError, ValueError):
    """A lesson file is missing, not YAML, or breaks the lesson format."""


class CourseBuildError(MedialitError, ValueError):
    """A lesson refers to something the keys or articles do not have."""


class Problem:
    """One finding of a validator: where, what, and how to fix it."""

    def __init__(self, path: str, item: str, problem: str, fix: str) -> None:
        self.path, self.item, self.problem, self.fix = path, item, problem, fix

    def __str__(self) -> str:
        return f"{self.path}: {self.item}: {self.problem} Fix: {self.fix}"

    def __repr__(self) -> str:
        return f"Problem({str(self)!r})"
