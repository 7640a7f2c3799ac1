"""Content words of a sentence, crudely stemmed, to compare what two sentences are about.

``terms(tokens) -> set[str]``: lower-cased, stop words and marks dropped, plural and verb
endings cut (``destroyed`` -> ``destroy``, ``hospitals`` -> ``hospital``). No model is needed.
"""

from __future__ import annotations

import functools

from spacy.lang.en.stop_words import STOP_WORDS

EXTRA_STOP = {"said", "says", "say", "told", "added", "according", "mr", "mrs", "ms", "dr", "per", "cent",
              "percent", "also", "would", "could", "one", "two", "three", "year", "years", "day", "days",
              "week", "time", "people", "new", "just", "like", "’s", "'s", "n’t", "n't"}


# Words that name a day, month, season or part of a day: "on Monday", "last March", "at night".
TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                        "february", "march", "april", "june", "july", "august", "september", "october", "november",
                        "december", "easter", "christmas", "spring", "summer", "autumn", "winter", "tomorrow",
                        "yesterday", "tonight", "today", "morning", "afternoon", "evening", "night", "overnight"})


@functools.lru_cache(maxsize=20000)
def stem(word: str) -> str:
    """A crude English stem: enough to match ``injured``/``injuring``/``injures``."""
    w = word.lower().strip("’'")
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)] + repl
            break
    if len(w) > 4 and w[-1] == w[-2] and (w[-1] not in "ls" or (w[-1] == "l" and len(w) > 5)):
        w = w[:-1]  # "stopped" -> "stop"; "cancelled" -> "cancel" as "cancel" is; not "call", "miss"
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def terms(tokens) -> set[str]:
    """The stems of the content words among *tokens*."""
    out = set()
    for t in tokens:
        low = t.lower_
        if not (t.is_alpha or "-" in t.text) or low in STOP_WORDS or low in EXTRA_STOP or len(low) < 3:
            continue
        out.add(stem(low))
    return out


# Endings of nouns for people ("keeper", "surveyor", "florist", "librarian", "tenant", "resident"), and
# the commonest words with those endings that name things or are no nouns.
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "sman", "swoman", "sperson", "tress")  # "postmistress"
NOT_PERSONS = frozenset({
    "mattress", "fortress", "distress", "buttress", "disaster", "terror", "horror", "thriller", "shocker",
    "paper", "letter", "poster", "newsletter", "number", "water", "order", "corner", "border", "chapter", "meter",
    "register", "flyer", "sticker", "banner", "computer", "error", "factor", "sector", "floor", "door", "mirror",
    "motor", "calculator", "indicator", "tracker", "counter", "filter", "power", "tower", "river", "weather",
    "summer", "winter", "matter", "answer", "manner", "folder", "trailer", "container", "cover", "server",
    "browser", "printer", "charger", "monitor", "sensor", "detector", "reactor", "elevator", "generator",
    "radiator", "event", "percent", "accident", "incident", "content", "patent", "talent", "plant", "restaurant",
    "grant", "amount", "account", "point", "extent", "component", "segment", "comment", "element", "other",
    "another", "neither", "either", "whether", "together", "however", "under", "over", "after", "later",
    "rather", "never", "quarter", "centre", "center", "dinner", "sugar", "silver", "timber", "shelter"})


def person_noun(word: str) -> bool:
    """Whether a lower-case word looks like a noun for a person by its ending ("keeper", "florist")."""
    return (len(word) > 4 and word.endswith(PERSON_ENDINGS) and not word.endswith("ment")
            and word not in NOT_PERSONS)
