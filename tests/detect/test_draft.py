"""Draft keys: the normal key format, status draft, a cue in every explanation, and valid."""

from __future__ import annotations

import yaml

from medialit.detect import draft_key, key_yaml
from medialit.keys.load import check_key_file


class TestDraftKey:
    def test_draft_validates(self, seed_excerpt, tmp_path):
        """The draft of the excerpt passes the key validator (quotes, sources, types)."""
        path = tmp_path / "seed-excerpt.yaml"
        path.write_text(key_yaml(draft_key(seed_excerpt)), encoding="utf-8")
        key, problems = check_key_file(path, seed_excerpt)
        assert problems == []
        assert key.status == "draft"

    def test_items_carry_their_cue(self, seed_excerpt):
        """Every item explains which cue produced it."""
        key = draft_key(seed_excerpt)
        assert key["status"] == "draft"
        assert all(item["explanation"].startswith("Detected") for item in key["items"])
        said = next(i for i in key["items"] if i["quote"].startswith('"This is irrefutable'))
        assert said["source"] == "Igor Konashenkov" and '"said"' in said["explanation"] and '"he"' in said["explanation"]

    def test_sources_are_declared_with_aliases(self, seed_excerpt):
        """Every source an item names is declared once, with the article's ways of naming it."""
        key = draft_key(seed_excerpt)
        declared = {s["name"]: s for s in key["sources"]}
        assert {i["source"] for i in key["items"] if i.get("source")} <= set(declared)
        assert "the spokesman" in declared["Igor Konashenkov"]["aliases"]

    def test_yaml_round_trip(self, seed_excerpt):
        """The YAML text reads back to the same key."""
        key = draft_key(seed_excerpt)
        assert yaml.safe_load(key_yaml(key)) == key
