"""`medialit draft-key`: the real command writes a draft that `medialit validate` accepts."""

from __future__ import annotations

import json

from medialit.cli.main import main


class TestDraftKeyCommand:
    def test_writes_a_valid_draft(self, seed_excerpt, tmp_path, capsys):
        """draft-key -o writes YAML with status draft; validate passes on it."""
        out = tmp_path / "keys" / "seed-excerpt.yaml"
        out.parent.mkdir()
        assert main(["draft-key", "seed-excerpt", "-o", str(out)]) == 0
        assert "status: draft" in out.read_text(encoding="utf-8")
        assert main(["validate", str(out)]) == 0

    def test_json(self, seed_excerpt, capsys):
        """--json prints the key as JSON."""
        assert main(["draft-key", "seed-excerpt", "--json"]) == 0
        key = json.loads(capsys.readouterr().out)
        assert key["article"] == "seed-excerpt" and key["status"] == "draft"
