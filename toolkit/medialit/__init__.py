"""medialit: media-literacy exercises for JupyterLab.

Importing the package is cheap: pandas, spaCy, pydantic and the widget stack load only
when the function that needs them is first used.
"""

from __future__ import annotations

from medialit._lazy import lazy_exports

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "Article": "medialit.articles.load",
    "load_article": "medialit.articles.load",
    "Key": "medialit.keys.load",
    "load_key": "medialit.keys.load",
    "list_articles": "medialit.catalog",
    "corpus_table": "medialit.corpus",
    "validate_paths": "medialit.validate",
    "article_markdown_from_text": "medialit.articles.importer",
    "draft_key": "medialit.detect.draft",
    "hints_for": "medialit.detect.hints",
    "MedialitError": "medialit.errors",
    "ArticleNotFoundError": "medialit.errors",
    "ArticleFormatError": "medialit.errors",
    "KeyNotFoundError": "medialit.errors",
    "KeyValidationError": "medialit.errors",
    "AnswersError": "medialit.errors",
    "SpotAttribution": "medialit.widgets.attribution",
    "SpotUnverifiable": "medialit.widgets.unverifiable",
    "SpotConflicts": "medialit.widgets.conflicts",
    "score_answers": "medialit.grading.match",
    "score_conflicts": "medialit.grading.match",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
