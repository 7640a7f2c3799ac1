"""The article front-matter schema (pydantic), checked whenever an article loads."""

from __future__ import annotations

import datetime as _dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

GENRES = (
    "wire", "newspaper", "press-release", "opinion", "blog", "social-post",
    "science-news", "official-statement", "correction",
)


class ArticleMeta(BaseModel):
    """Front matter of an article file; see docs/formats.md."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=1)
    outlet: str = Field(min_length=1)
    published: _dt.date
    provenance: str = Field(min_length=1)
    genre: Literal[GENRES]  # type: ignore[valid-type]
    level: int = Field(ge=1, le=3)
    language: str = Field(default="en", min_length=2)
    dateline: str | None = None
    use: Literal["practice", "assessment"] = "practice"
    fictional: bool = False
