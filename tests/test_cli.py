"""The `medialit` command line and its stable JSON."""

from __future__ import annotations

import json
import subprocess
import sys

from medialit.cli.main import main
from tests.conftest import SEED_ID


def _json(capsys, *argv) -> object:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_list_json(capsys, library):
    """list --json gives front matter and has_key for every article, the seed included."""
    rows = {row["id"]: row for row in _json(capsys, "list", "--json")}
    assert rows[SEED_ID]["outlet"] == "TASS" and rows[SEED_ID]["genre"] == "wire"
    assert rows["excerpt"]["has_key"] is True
    assert {"id", "title", "outlet", "published", "provenance", "genre", "level", "language", "has_key"} <= set(rows[SEED_ID])


def test_sentences_json(capsys):
    """sentences --json lists every sentence with the documented fields."""
    rows = _json(capsys, "sentences", SEED_ID, "--json")
    assert set(rows[0]) == {"sid", "paragraph", "kind", "text", "start", "end", "in_quote"}
    assert rows[0]["kind"] == "headline" and rows[2] == {**rows[2], "sid": "p3s1", "kind": "dateline"}
    assert isinstance(rows[5]["in_quote"], bool) and isinstance(rows[5]["start"], int)


def test_key_json(capsys, library):
    """key --json resolves quotes to sentence ids."""
    data = _json(capsys, "key", "excerpt", "--json")
    assert data["article"] == "excerpt" and data["items"][1]["sid"] == "p2s2"


def test_validate_exit_codes(capsys, library):
    """validate exits 0 on good files and 1 with messages on bad ones."""
    assert main(["validate", str(library)]) == 0
    (library / "keys" / "excerpt.yaml").write_text("article: excerpt\nitems:\n  - quote: nowhere at all\n"
                                                  "    category: attribution\n    explanation: x\n", encoding="utf-8")
    assert main(["validate", str(library)]) == 1
    err = capsys.readouterr().err
    assert "excerpt.yaml: items[0] (line 3) 'nowhere at all': the quote matches no sentence" in err


def test_unknown_article_exits_1(capsys):
    """A missing article is a clear one-line error, not a traceback."""
    assert main(["sentences", "nope"]) == 1
    assert "nope: no such article" in capsys.readouterr().err


def test_import_text_round_trip(tmp_path, capsys):
    """import-text writes a file that validates."""
    raw = tmp_path / "raw.txt"
    raw.write_text("All news\n\nTown votes\n\nThe council voted on Monday, the mayor said.\n", encoding="utf-8")
    out = tmp_path / "articles" / "town.md"
    out.parent.mkdir()
    assert main(["import-text", str(raw), "--id", "town", "--published", "2024-05-01", "-o", str(out)]) == 0
    assert main(["validate", str(out)]) == 0


def test_installed_entry_point():
    """The console script is installed and shows examples in --help."""
    result = subprocess.run([sys.executable, "-m", "medialit.cli.main", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "medialit key tass-2016-05-04-aleppo-hospital --json" in result.stdout


def test_course_folder_found_from_working_directory(capsys, monkeypatch, tmp_path):
    """From the repository root (or the course folder) assessment keys are found without MEDIALIT_PATH."""
    from tests.conftest import REPO

    monkeypatch.delenv("MEDIALIT_PATH", raising=False)
    monkeypatch.chdir(REPO)
    assert _json(capsys, "key", "quarry-protest-wire", "--json")["article"] == "quarry-protest-wire"
    monkeypatch.chdir(tmp_path)
    assert main(["key", "quarry-protest-wire", "--json"]) == 1
    assert "no answer key found" in capsys.readouterr().err
