"""Grading: a student's answers and an answer key in, scores out."""

from __future__ import annotations

from .match import ScoreResult, score_answers, score_conflicts

__all__ = ["ScoreResult", "score_answers", "score_conflicts"]
