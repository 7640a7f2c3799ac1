"""Row changes between two copies of an SQLite gradebook, and their replay on the real gradebook.

A worker grades a submission on its private copy of ``gradebook.db``; ``delta_between`` compares
the copy before and after and returns a list of ``RowChange`` (table, primary key, old and new
column values). The parent replays each list on the real gradebook with ``apply_delta``, one
writer and one transaction per submission. Updates carry only the columns that changed, which
is what nbgrader's ORM writes, so columns the grading did not touch (``manual_score``) are left
as they are in the real gradebook.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GradebookMergeError


@dataclass(frozen=True)
class RowChange:
    """One row inserted, updated or deleted by grading one submission.

    ``key`` holds (column, value) pairs of the primary key. ``before`` is None for an insert,
    ``after`` is None for a delete; an update carries in both only the columns whose value changed.
    """

    table: str
    key: tuple[tuple[str, Any], ...]
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def kind(self) -> str:
        """``"insert"``, ``"update"`` or ``"delete"``."""
        if self.before is None:
            return "insert"
        return "delete" if self.after is None else "update"


@dataclass(frozen=True)
class TableInfo:
    """A table's name, its columns and its primary-key columns, in declaration order."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]


def copy_database(source: str | Path, target: str | Path) -> None:
    """Copy an SQLite database with SQLite's online backup, consistent even while others use it.

    Args:
        source (str | Path): the database to copy.
        target (str | Path): the file to write; replaced if it exists.
    """
    with _connect(source) as src, _connect(target) as dst:
        src.backup(dst)


def gradebook_tables(conn: sqlite3.Connection, schema: str = "main") -> list[TableInfo]:
    """The rowid tables of a database in creation order (which is foreign-key order for nbgrader).

    Args:
        conn (sqlite3.Connection): an open connection.
        schema (str): the attached schema to read.

    Returns:
        list[TableInfo]: every table except SQLite's own (nbgrader makes no WITHOUT ROWID tables).
    """
    names = [row[0] for row in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE '%WITHOUT ROWID%' ORDER BY rowid")]
    tables = []
    for name in names:
        info = conn.execute(f"PRAGMA {schema}.table_info({_quote(name)})").fetchall()
        columns = tuple(row[1] for row in info)
        key = tuple(row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5]))
        tables.append(TableInfo(name, columns, key))
    return tables


def changes_from_rows(table: TableInfo, removed: list[tuple], added: list[tuple]) -> list[RowChange]:
    """Turn the rows only in the old copy and the rows only in the new copy into row changes.

    Args:
        table (TableInfo): the table the rows come from; it must have a primary key.
        removed (list[tuple]): full rows present before and not after (deleted or changed).
        added (list[tuple]): full rows present after and not before (inserted or changed).

    Returns:
        list[RowChange]: updates and inserts in the order of ``added``, then deletes.
    """
    position = [(col, table.columns.index(col)) for col in table.key]
    old = {tuple((col, row[i]) for col, i in position): row for row in removed}
    changes = []
    for row in added:
        key = tuple((col, row[i]) for col, i in position)
        before = old.pop(key, None)
        if before is None:
            changes.append(RowChange(table.name, key, None, dict(zip(table.columns, row))))
            continue
        changed = [i for i, (a, b) in enumerate(zip(before, row)) if a != b or type(a) is not type(b)]
        changes.append(RowChange(table.name, key, {table.columns[i]: before[i] for i in changed},
                                 {table.columns[i]: row[i] for i in changed}))
    changes.extend(RowChange(table.name, key, dict(zip(table.columns, row)), None) for key, row in old.items())
    return changes


def delta_between(before: str | Path, after: str | Path) -> list[RowChange]:
    """Every row change that turns the database ``before`` into the database ``after``.

    Args:
        before (str | Path): the private gradebook copy as it was before grading a submission.
        after (str | Path): the same copy after grading it.

    Returns:
        list[RowChange]: inserts and updates table by table in creation order, then deletes in
        reverse order, so that replaying them in order respects foreign keys.

    Raises:
        GradebookMergeError: a table without a primary key changed.
    """
    with _connect(after) as conn:
        conn.execute("ATTACH DATABASE ? AS b", (str(before),))
        writes, deletes = [], []
        for table in gradebook_tables(conn):
            name = _quote(table.name)
            # New rows in rowid order, which is the order nbgrader inserted them in: the real gradebook
            # then gets them in the same order (and SUM() over them adds floats in the same order).
            added = [row[1:] for row in conn.execute(
                f"SELECT _rowid_, * FROM main.{name} EXCEPT SELECT _rowid_, * FROM b.{name} ORDER BY 1")]
            removed = conn.execute(f"SELECT * FROM b.{name} EXCEPT SELECT * FROM main.{name}").fetchall()
            if not (added or removed):
                continue
            if not table.key:
                raise GradebookMergeError(
                    f"{after}: table {table.name} changed but has no primary key, so its rows cannot be "
                    "merged. Fix: run plain `nbgrader autograde` for this course.")
            for change in changes_from_rows(table, removed, added):
                (deletes if change.kind == "delete" else writes).append(change)
        conn.execute("DETACH DATABASE b")
    return writes + deletes[::-1]


def apply_delta(conn: sqlite3.Connection, changes: list[RowChange], owner: str,
                claims: dict[tuple, tuple[Any, str]]) -> None:
    """Replay one submission's row changes on the real gradebook (the caller owns the transaction).

    Each written column is claimed for ``owner``. Submissions are graded independently, so two
    owners may only write the same column of the same row with the same value (nbgrader's
    ``default_course`` row, created by the first submission each worker grades); anything else
    means the submissions were not independent and the merge stops.

    Args:
        conn (sqlite3.Connection): connection to the real gradebook, inside a transaction.
        changes (list[RowChange]): from ``delta_between``.
        owner (str): who made the changes, for example ``"ps1/s001"``; used in messages.
        claims (dict[tuple, tuple[Any, str]]): (table, key, column) -> (value, owner) written so
            far in this run; updated in place.

    Raises:
        GradebookMergeError: a conflicting claim, an insert that clashes with a different
            existing row, or an update or delete of a row that is gone.
    """
    for change in changes:
        values = change.after if change.after is not None else {"*": None}
        for column, value in values.items():
            claim = claims.setdefault((change.table, change.key, column), (value, owner))
            if claim[1] != owner and (claim[0] != value or type(claim[0]) is not type(value)):
                raise GradebookMergeError(
                    f"{change.table} {dict(change.key)} column {column}: {owner} wrote {value!r} but {claim[1]} "
                    f"wrote {claim[0]!r}. Submissions were not graded independently; fix: run plain "
                    "`nbgrader autograde` for this assignment.")
        _apply_change(conn, change, owner)


def _apply_change(conn: sqlite3.Connection, change: RowChange, owner: str) -> None:
    table = _quote(change.table)
    where = " AND ".join(f"{_quote(col)} IS ?" for col, _ in change.key)
    key_values = [value for _, value in change.key]
    if change.kind == "insert":
        columns = list(change.after)
        existing = conn.execute(f"SELECT {', '.join(map(_quote, columns))} FROM {table} WHERE {where}",
                                key_values).fetchone()
        if existing is None:
            conn.execute(f"INSERT INTO {table} ({', '.join(map(_quote, columns))}) "
                         f"VALUES ({', '.join('?' * len(columns))})", [change.after[c] for c in columns])
        elif list(existing) != [change.after[c] for c in columns]:
            raise GradebookMergeError(
                f"{change.table} {dict(change.key)}: {owner} inserted a row that already exists with other "
                "values. Fix: run plain `nbgrader autograde` for this assignment.")
        return
    if change.kind == "update":
        assignments = ", ".join(f"{_quote(col)} = ?" for col in change.after)
        cursor = conn.execute(f"UPDATE {table} SET {assignments} WHERE {where}",
                              [*change.after.values(), *key_values])
    else:
        cursor = conn.execute(f"DELETE FROM {table} WHERE {where}", key_values)
    if cursor.rowcount != 1:
        raise GradebookMergeError(
            f"{change.table} {dict(change.key)}: {owner} changed a row that is not in the real gradebook "
            "(was it edited during the run?). Fix: rerun with --force.")


@contextmanager
def _connect(path: str | Path) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(str(path), timeout=60)) as conn, conn:
        yield conn


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
