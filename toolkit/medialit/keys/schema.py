"""The answer-key schema (pydantic): field names, types and allowed values."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

CATEGORIES = ("attribution", "unattributed", "unverifiable")
SOURCE_TYPES = ("person", "organization", "document", "anonymous", "none")
REASONS = ("vague_source", "evidence_not_shown", "loaded_language", "speculation", "other")
REASON_LABELS = {
    "vague_source": "vague or anonymous source",
    "evidence_not_shown": "evidence claimed but not shown",
    "loaded_language": "loaded or sweeping language",
    "speculation": "speculation presented as fact",
    "other": "other",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class SourceSpec(_Strict):
    """A source declared once in a key, with the ways the article refers to it."""

    name: str = Field(min_length=1)
    type: Literal[SOURCE_TYPES[:-1]]  # type: ignore[valid-type]
    aliases: list[str] = []


class ItemSpec(_Strict):
    """One keyed sentence: what category it belongs to, and why."""

    quote: str = Field(min_length=1)
    category: Literal[CATEGORIES]  # type: ignore[valid-type]
    source: str | None = None
    source_type: Literal[SOURCE_TYPES] | None = None  # type: ignore[valid-type]
    reason: Literal[REASONS] | None = None  # type: ignore[valid-type]
    explanation: str = Field(min_length=1)
    acceptable: bool = False
    other_sources: list[str] = []  # further sources that also earn credit (declared names)
    other_reasons: list[Literal[REASONS]] = []  # type: ignore[valid-type]  # further reasons that also earn credit


class ClaimSpec(_Strict):
    """One side of a conflict: a quoted claim and who makes it."""

    quote: str = Field(min_length=1)
    source: str = Field(min_length=1)
    article: str | None = None


class ConflictSpec(_Strict):
    """A group of claims that cannot all be true."""

    topic: str = Field(min_length=1)
    explanation: str = Field(min_length=1)
    missing: list[str] = []
    claims: list[ClaimSpec] = Field(min_length=2)


class KeySpec(_Strict):
    """A whole key file."""

    article: str = Field(min_length=1)
    status: Literal["reviewed", "draft"] = "reviewed"
    sources: list[SourceSpec] = []
    items: list[ItemSpec] = []
    conflicts: list[ConflictSpec] = []
