"""Read the quantities a sentence states, each with what it measures: tokens in, ``[value, unit]`` pairs out.

``quantities(toks, human)`` returns one ``[value, unit]`` per quantity, in order. Units:

- ``time``: minutes after midnight ("4:40 a.m.", "13:00", "10 pm", "midday", "shortly after midnight",
  "quarter past two", "at ten to four"; a time in words with no part of the day named is read as
  afternoon for one to six o'clock, as morning otherwise: "just as the lunchtime crowd");
- ``money`` ("£310 million", "40 million crowns", "3.10"), ``pence`` ("28p"), ``percent`` ("6.8 per cent"), ``year``
  ("2025"), ``date:<month>`` ("April 27"), ``age`` ("aged 13"), ``occasion`` ("once", "twice",
  "two or three times");
- ``people`` for counts of people (any word of *human*); ``crowd`` for the size of a crowd ("put the
  crowd at 2,000"), which compares with counts of people;
- the stem of the counted noun otherwise (``ship``, ``job``, ``minut``), skipping adjectives
  ("120 local jobs" -> ``job``) and names ("1,000 Chorus listeners" -> ``people``); a noun before the
  figure counts too ("the cost was closer to eight million" -> ``money``);
- ``figure`` when the sentence only points back at a figure ("the real figure is closer to 30",
  "the harbour master counted 34"): ``claims`` gives it the unit of the sentence before;
- ``count`` when nothing says what is counted; a verb after the figure says nothing either, so it
  counts what the figure before it in the sentence counted ("41 people enrolled and 29 completed").

Both ends of a range share its unit ("between 800 and 1,000 people", "two or three times"). A number
joined to its unit by a hyphen is read whole ("a six-kilometre stretch", "a 13-year-old" -> ``age``);
"half a million" is 500,000; "four or more cups" still counts cups; a fraction that gives a share is
a percentage ("less than a fifth of the park" -> 20, "more than half" -> 50, "two-thirds" -> 66.7);
lengths of time are ``duration`` in minutes ("five minutes" -> 5, "two hours" -> 120, "ten days").
A number written after a capitalised word is a label, not a quantity ("Shed 9"), except at
the start of a sentence ("Around 300 people").
"""

from __future__ import annotations

import re

from .terms import TIME_WORDS, stem

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                "hundred": 100, "dozen": 12, "half": 0.5, "a hundred": 100, "thousand": 1000}
MULTIPLIERS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9, "m": 1e6}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}
FREQUENCY = {"once": 1, "twice": 2, "thrice": 3}
CLOCK_WORDS = {"midday": 720, "noon": 720, "midnight": 0}
# "quarter past two", "ten to four": minutes before "past" or "to" an hour.
CLOCK_MINUTES = {"quarter": 15, "half": 30, "five": 5, "ten": 10, "twenty": 20, "twenty-five": 25}
# "ten to four" is a time only after one of these ("from ten to twelve people" is a range).
BEFORE_CLOCK = {"at", "about", "around", "roughly", "approximately", "nearly", "almost", "until", "till", "by",
                "before", "after", "was", "a", "“", '"', "‘", "'"}
# Words that place a time in words in the morning or after noon.
AM_PM = ("a.m.", "p.m.", "am", "pm", "a.m", "p.m")  # written after a clock figure: "4:40 a.m.", "10 pm"
MORNING_WORDS = {"morning", "breakfast", "dawn"} | {w for w in AM_PM if w.startswith("a")}
AFTERNOON_WORDS = {"afternoon", "evening", "night", "tonight", "lunchtime", "teatime", "dusk"} | {
    w for w in AM_PM if w.startswith("p")}
# Nouns in -ed after a figure ("three beds"): the others are verbs ("29 completed").
ED_NOUNS = {"bed", "shed", "seed", "speed", "need", "feed", "weed", "reed", "breed", "deed", "sled", "steed",
            "hundred"}
CURRENCY_WORDS = {"pound", "pounds", "euro", "euros", "dollar", "dollars", "crown", "crowns", "krona", "kronor",
                  "krone", "kroner", "franc", "francs", "yen", "yuan", "rupee", "rupees", "rand", "peso", "pesos",
                  "pence", "cents", "p", "zloty", "lira", "lire", "rouble", "roubles", "ruble", "rubles", "dinar",
                  "dinars", "shilling", "shillings"}
# Nouns that say what a figure measures when they come before it: "the cost was closer to eight million".
MEASURES = {"cost": "money", "costs": "money", "costing": "money", "price": "money", "prices": "money",
            "bill": "money", "fee": "money", "fees": "money", "budget": "money", "spending": "money",
            "revenue": "money", "profit": "money", "profits": "money", "loss": "money", "losses": "money",
            "wage": "money", "wages": "money", "salary": "money", "pay": "money", "fine": "money", "worth": "money",
            "value": "money", "damage": "money", "bill's": "money",
            "crowd": "crowd", "crowds": "crowd", "turnout": "crowd", "attendance": "crowd", "toll": "people",
            "jobs": "job", "posts": "job", "positions": "job", "roles": "job", "vacancies": "job",
            "figure": "figure", "number": "figure", "total": "figure", "estimate": "figure", "count": "figure",
            "tally": "figure", "counted": "figure", "counts": "figure"}
# Nouns after a dotted time that name a departure: "the 7.42 service".
TIMETABLE = {"servic", "train", "bus", "flight", "departur", "arrival", "ferry", "sail", "coach", "tram"}
# Units that compare with a wider one: a crowd is counted in people.
UNIT_FAMILY = {"crowd": "people", "count": "people"}
# Nouns that count the same thing under another name.
UNIT_SYNONYMS = {"vessel": "ship", "boat": "ship", "post": "job", "position": "job", "role": "job",
                 "vacancy": "job", "tim": "occasion", "occasion": "occasion"}
SKIP_UNIT = {"still", "also", "now", "then", "them", "these", "those", "who", "which", "that", "being", "all",
             "of", "a", "an", "the", "more", "than", "about", "around", "nearly", "almost", "over", "under",
             "up", "to", "some", "just", "at", "least", "most", "per", "in", "on", "by", "were",
             "was", "had", "have", "been", "are", "is", "his", "her", "their", "our", "its", "them", "those",
             "other", "further", "extra", "additional", "new", "more", "fewer", "less", "young", "old", "local",
             "big", "small", "large", "full-time", "part-time", "full", "whole", "entire", "separate", "different",
             "so-called", "so", "very", "only", "roughly", "approximately", "another"}
# Units of measure, which count what they measure even when a noun follows ("40 mph gusts", "22 cm snow").
MEASURE_WORDS = {"mph", "kph", "km", "cm", "mm", "m", "kg", "g", "ft", "lb", "db", "metre", "meter", "mile", "tonne",
                 "ton", "litre", "liter", "degree", "knot", "acre", "hectare", "inch", "foot", "yard", "gram", "kilo",
                 "kilogram", "kilometre", "minute", "hour", "day", "week", "month", "year", "second", "percent"}
# Plurals without an "s", complete on their own ("two men hurt", "five police officers" counts police).
IRREGULAR_PLURALS = {"men", "women", "children", "people", "police", "staff", "sheep", "deer", "fish", "aircraft",
                     "cattle", "crew", "personnel", "geese", "mice", "teeth", "feet"}
# Words ending in "s" that follow a noun as its verb, not as the head of a compound ("one man says").
NOT_HEADS = {"is", "was", "has", "does", "says", "goes", "seems", "looks", "remains", "means", "makes", "takes",
             "gets", "comes", "claims", "insists", "thinks", "believes", "wants", "needs", "knows", "shows", "tells",
             "gives", "puts", "keeps", "lies", "sits", "stands", "runs", "plus", "this", "thus", "us", "yes"}
ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ic", "ful", "less", "able", "ible", "ish", "ary", "ern")
RANGE_WORDS = {"and", "or", "to", "-", "–", "—"}
# Words that end the phrase after a figure: what follows is another clause ("1,200 and says ...").
# Words in -ing that name things, not people doing something ("12 buildings", "3 meetings").
ING_NOUNS = {"building", "buildings", "meeting", "meetings", "evening", "evenings", "morning", "mornings",
             "sibling", "siblings", "ceiling", "ceilings", "booking", "bookings", "offering", "offerings",
             "housing", "funding", "earnings", "crossing", "crossings", "parking", "training", "painting",
             "paintings", "recording", "recordings", "filling", "fillings", "hearing", "hearings", "sitting",
             "sittings", "ring", "rings", "king", "kings", "thing", "things", "string", "strings", "wing", "wings",
             "spring", "springs", "warning", "warnings", "finding", "findings", "reading", "readings",
             "setting", "settings", "listing", "listings", "opening", "openings", "closing", "closings",
             "shooting", "shootings", "stabbing", "stabbings", "killing", "killings", "landing", "landings",
             "saving", "savings", "helping", "helpings", "serving", "servings", "shipping", "clothing", "bedding",
             "dwelling", "dwellings", "outing", "outings", "posting", "postings", "ruling", "rulings",
             "sighting", "sightings", "screening", "screenings", "rating", "ratings", "ranking", "rankings"}
CLAUSE_WORDS = {"and", "or", "but", "because", "after", "before", "when", "while", "since", "as", "if", "though",
                "although", "whereas", "unless", "until", "from", "with", "for", "into", "across", "during", "among",
                "against", "without", "within", "through", "towards", "toward", "near", "outside", "inside", "like"}
_STARTS = set(NUMBER_WORDS) | set(FREQUENCY) | set(CLOCK_WORDS) | set(CLOCK_MINUTES) | MONTHS
# Fractions that give a share of something, as percentages.
SHARE_WORDS = {"half": 50.0, "third": 33.3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0,
               "two-thirds": 66.7, "three-quarters": 75.0, "two-fifths": 40.0, "three-fifths": 60.0}
# Words before "half" that make it a share: "more than half", "nearly half", "over half".
SHARE_LEADS = {"than", "over", "under", "nearly", "almost", "about", "around", "roughly", "just", "barely"}
# Lengths of time, in minutes, so that "five minutes" and "two hours" compare ("year" stays a calendar year).
DURATION_MINUTES = {"second": 1 / 60, "minut": 1, "hour": 60, "day": 1440, "week": 10080, "fortnight": 20160,
                    "month": 43800}
FRACTIONS = {"third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths", "half", "halves"}
# Words after a figure that say when, not what: "put the number of cases at 58 yesterday afternoon".
WHEN_WORDS = (TIME_WORDS - MONTHS - {"easter", "christmas", "spring", "summer", "autumn", "winter"}) | {
    "last", "this", "next"}
_PENCE = re.compile(r"(\d+(?:\.\d+)?)p")
# "four or more cups", "20 or so people": the words between a figure and its unit that leave the unit alone.
OPEN_ENDS = {"more", "fewer", "less", "so", "over", "above", "under"}
_CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?$")
_GLUED_CLOCK = re.compile(r"^(1[0-2]|0?\d)(?:[:.]([0-5]\d))?(a\.?m\.?|p\.?m\.?)$")
_TWENTY_FOUR = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def number_value(tok) -> float | None:
    """The value a token writes: digits ("2,312", "6.8"), or a number word ("twelve", "forty-seven")."""
    text = tok.text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        pass
    low = tok.lower_
    if low in ("one", "half"):
        return None
    if "-" in low:  # "forty-seven"
        tens, _, units = low.partition("-")
        if tens in NUMBER_WORDS and units in NUMBER_WORDS and NUMBER_WORDS[units] < 10:
            return NUMBER_WORDS[tens] + NUMBER_WORDS[units]
        return None
    return NUMBER_WORDS.get(low)


def quantities(toks, human: set[str] = frozenset()) -> list[list]:
    """``[value, unit]`` for each quantity among *toks* (see the module docstring for the units).

    Args:
        toks: the tokens of one sentence (a list of spaCy tokens).
        human: stems that count people (roles, group nouns).

    Returns:
        list of ``[value, unit]``.
    """
    out: list[list] = []
    n = len(toks)
    i = 0
    pending: list[int] = []  # indices in *out* of the lower ends of a range, waiting for its unit
    range_prev = None  # the word before a range ("aged 13 to 17")
    while i < n:
        tok = toks[i]
        low = tok.lower_
        worded = _worded_clock(toks, i + 1) if low == "a" else None
        if worded is not None:
            out.append([worded[0], "time"])  # "from a quarter to three"
            i += 1 + worded[1]
            continue
        share = _share(toks, i)
        if share is not None:
            out.append([share[0], "percent"])  # "less than a fifth of the park", "more than half of the noise"
            i += share[1]
            continue
        if not (low[:1].isdigit() or low in _STARTS or "-" in low):
            i += 1  # most words: nothing to read
            continue
        prev = toks[i - 1].lower_ if i > 0 else ""
        clock = _clock(toks, i)
        if clock is not None:
            out.append([clock[0], "time"])
            i += clock[1]
            continue
        if low in FREQUENCY:
            out.append([FREQUENCY[low], "occasion"])
            i += 1
            continue
        if i > 0 and toks[i - 1].text[:1].isupper() and toks[i - 1].is_alpha and tok.text.isdigit() \
                and toks[i - 1].lower_ not in MONTHS and any(not t.is_punct for t in toks[:i - 1]):
            i += 1  # a label, not a quantity: "Shed 9", "Route 66"
            continue
        if low in MONTHS and i + 1 < n and toks[i + 1].text.isdigit() and int(toks[i + 1].text) <= 31:
            out.append([int(toks[i + 1].text), "date:" + low])
            i += 2
            continue
        compound = _compound(tok, human)
        if compound is not None:
            out.append(compound)  # "a six-kilometre stretch", "a 20,000-litre tank", "a 30-minute delay"
            i += 1
            continue
        pence = _PENCE.fullmatch(tok.lower_)
        if pence:
            out.append([float(pence.group(1)), "pence"])  # "28p a unit"
            i += 1
            continue
        if low == "half" and i + 2 < n and toks[i + 1].lower_ == "a" and toks[i + 2].lower_ in MULTIPLIERS:
            value, j = 0.5 * MULTIPLIERS[toks[i + 2].lower_], i + 3  # "half a million people"
            unit, j = _unit(toks, i, j, prev, human)
            out.append([value, unit or _measured_before(toks, i, human) or "count"])
            i = j
            continue
        value = number_value(tok)
        if value is None:
            i += 1
            continue
        if tok.text.isdigit() and len(tok.text) == 4 and 1800 <= value <= 2100:
            out.append([value, "year"])
            i += 1
            continue
        j = i + 1
        if j < n and toks[j].lower_ in MULTIPLIERS:
            value *= MULTIPLIERS[toks[j].lower_]
            j += 1
        if j + 1 < n and toks[j].lower_ in RANGE_WORDS and number_value(toks[j + 1]) is not None \
                and not (toks[j + 1].text.isdigit() and len(toks[j + 1].text) == 4):
            out.append([value, None])  # the lower end of a range: its unit comes with the upper end
            pending.append(len(out) - 1)
            range_prev = range_prev or prev
            i = j + 1
            continue
        if j + 1 < n and toks[j].lower_ == "or" and toks[j + 1].lower_ in OPEN_ENDS:
            j += 2  # "four or more cups": the figure still counts cups
        unit, j = _unit(toks, i, j, range_prev or prev, human)
        range_prev = None
        if re.fullmatch(r"\d+\.\d\d", tok.text):
            # a price ("3.10"), unless a timetable names a departure by its time ("the 7.42 service")
            unit = "time" if unit in TIMETABLE else "money"
            value = _dotted_time(tok.text) if unit == "time" else value
        if unit is None:
            unit = _measured_before(toks, i, human) or (
                "people" if out and out[-1][1] == "people" else "count")  # "41 people enrolled and 29 completed"
        out.append([value, unit])
        for k in pending:
            out[k][1] = unit
        pending = []
        whole = _out_of(toks, j)
        if whole:
            out.append([round(100 * value / whole, 1), "percent"])  # "2.3 hectares out of 6.1": a share too
        i = j
    for k in pending:
        out[k][1] = "count"
    for q in out:  # "within five minutes" / "the best part of two hours": one measure of time, in minutes
        if q[1] in DURATION_MINUTES:
            q[0], q[1] = round(float(q[0]) * DURATION_MINUTES[q[1]], 2), "duration"
    return out


def _share(toks, i) -> tuple[float, int] | None:
    """A fraction that gives a share, as a percentage, and how many tokens it takes: "a fifth (of)",
    "two-thirds", "three quarters", "half of", "more than half"; None for anything else ("half an hour")."""
    n = len(toks)
    low = toks[i].lower_
    nxt = toks[i + 1].lower_ if i + 1 < n else ""
    prev = toks[i - 1].lower_ if i > 0 else ""
    if low in SHARE_WORDS and "-" in low:
        return SHARE_WORDS[low], 1  # "two-thirds"
    if i + 4 < n and toks[i + 2].lower_ == "of" and toks[i + 3].lower_ in ("a", "an"):
        return None  # "a quarter of an hour", "a fifth of a second": a measure, not a share
    if low in ("a", "one") and nxt in SHARE_WORDS and nxt != "half":
        return SHARE_WORDS[nxt], 2  # "a fifth", "one third"
    if low in ("two", "three") and f"{low}-{nxt}" in SHARE_WORDS:
        return SHARE_WORDS[f"{low}-{nxt}"], 2  # "two thirds", "three quarters"
    if low == "half" and (nxt == "of" or (prev in SHARE_LEADS and nxt not in ("a", "an"))):
        return 50.0, 1  # "half of the noise", "more than half"
    return None


def _out_of(toks, j) -> float | None:
    """The whole after "out of" within a word of *j* ("2.3 hectares out of 6.1", "212 out of 486"), if larger."""
    for k in (j, j + 1):
        if k + 2 < len(toks) and toks[k].lower_ == "out" and toks[k + 1].lower_ == "of":
            whole = number_value(toks[k + 2])
            return whole if whole else None
    return None


def _compound(tok, human) -> list | None:
    """``[value, unit]`` of a number joined to its unit by a hyphen ("six-kilometre", "20,000-litre", "13-year-old")."""
    left, dash, right = tok.lower_.partition("-")
    if not dash or not right[:1].isalpha():
        return None
    value = NUMBER_WORDS.get(left) if left.isalpha() else None
    if value is None:
        try:
            value = float(left.replace(",", ""))
        except ValueError:
            return None
    if right.startswith(("year-old", "month-old")):
        return [value, "age"]
    word = right.split("-")[0]
    if word in NUMBER_WORDS or word in MULTIPLIERS or word in FRACTIONS:
        return None  # "forty-seven", "two-thirds" are numbers, not a figure with its unit
    return [value, _fold(stem(word), human)]


def _dotted_time(text: str) -> float:
    hour, minute = text.split(".")
    return float(int(hour) * 60 + int(minute))


def _clock(toks, i) -> tuple[float, int] | None:
    """(minutes after midnight, tokens used) for a clock time at *i*: "4:40 a.m.", "10 pm", "13:00", "midday",
    "six o'clock", "quarter past two" (see ``_worded_clock``)."""
    tok = toks[i]
    low = tok.lower_
    nxt = toks[i + 1].lower_ if i + 1 < len(toks) else ""
    if low in CLOCK_WORDS:
        return float(CLOCK_WORDS[low]), 1
    if nxt in ("o'clock", "o’clock") and number_value(tok) is not None:
        return number_value(tok) * 60, 2
    worded = _worded_clock(toks, i)
    if worded is not None:
        return worded
    m = _CLOCK.match(tok.text)
    if m and nxt in AM_PM:
        hour = int(m.group(1)) % 12 + (12 if nxt.startswith("p") else 0)
        return float(hour * 60 + int(m.group(2) or 0)), 2
    m = _GLUED_CLOCK.match(low)
    if m:  # "7.41am", "9pm", "10:30p.m." written as one word
        hour = int(m.group(1)) % 12 + (12 if m.group(3).startswith("p") else 0)
        return float(hour * 60 + int(m.group(2) or 0)), 1
    m = _TWENTY_FOUR.match(tok.text)
    if m:
        return float(int(m.group(1)) * 60 + int(m.group(2))), 1
    return None


def _worded_clock(toks, i) -> tuple[float, int] | None:
    """(minutes after midnight, tokens used) for "quarter past two", "half past ten", "ten to four" at *i*;
    "to" only after "at", "about" and the like (``BEFORE_CLOCK``), where it cannot be a range."""
    low = toks[i].lower_
    if low not in CLOCK_MINUTES or i + 2 >= len(toks) or toks[i + 1].lower_ not in ("past", "to"):
        return None
    hour = number_value(toks[i + 2]) if toks[i + 2].lower_ != "one" else 1
    if hour is None or not float(hour).is_integer() or not 1 <= hour <= 12:
        return None
    before = toks[i - 1].lower_ if i > 0 else ""
    if toks[i + 1].lower_ == "to" and (low == "half" or before not in BEFORE_CLOCK):
        return None
    words = {t.lower_ for t in toks}
    after_noon = bool(words & AFTERNOON_WORDS) or (not words & MORNING_WORDS and hour <= 6)
    hour = hour % 12 + (12 if after_noon else 0)
    minutes = CLOCK_MINUTES[low] if toks[i + 1].lower_ == "past" else -CLOCK_MINUTES[low]
    return float((hour * 60 + minutes) % 1440), 3


def _unit(toks, i, j, prev, human) -> tuple[str | None, int]:
    """The unit written at or after *j* for the number at *i*, and where reading goes on."""
    n = len(toks)
    if prev in ("£", "$", "€") or (i > 0 and toks[i - 1].is_currency):
        return "money", j
    if j < n and (toks[j].text == "%" or toks[j].lower_ in ("per", "percent")):
        return "percent", j
    if prev in ("aged", "age", "ages"):
        return "age", j
    if j + 1 < n and toks[j].lower_ == "of" and toks[j + 1].lower_ in ("us", "them", "you", "whom") and (
            j + 2 >= n or not toks[j + 2].is_alpha or toks[j + 2].lower_ in SKIP_UNIT | CLAUSE_WORDS):
        return "people", j + 2  # "300 of us"; "five of them police officers" counts officers
    k = j
    while k < n and k - j < 4:
        w = toks[k].lower_
        if toks[k].is_punct or toks[k].like_num or w in CLAUSE_WORDS or w in WHEN_WORDS or (
                w == "out" and k + 1 < n and toks[k + 1].lower_ == "of"):
            break
        if w in CURRENCY_WORDS:
            return "money", j
        if w.endswith("ing") and w not in ING_NOUNS and toks[k].is_alpha:
            return "count", j  # "counted 1,300 getting on": the figure counts whoever does it
        if w.endswith("ed") and toks[k].is_alpha and w not in ED_NOUNS and stem(w) not in human:
            return None, j  # "29 completed": a verb, not what is counted
        if toks[k].text[:1].isupper() and w not in MONTHS and k + 1 < n and toks[k + 1].is_alpha \
                and toks[k + 1].text.islower() and toks[k + 1].lower_ not in SKIP_UNIT | CLAUSE_WORDS | WHEN_WORDS:
            k += 1  # "1,000 Chorus listeners": a name before the noun that says what is counted
            continue
        if (toks[k].is_alpha or "-" in w) and w not in SKIP_UNIT and not w.endswith("ly") \
                and not (w.endswith(ADJECTIVE_ENDINGS) and k + 1 < n and toks[k + 1].is_alpha
                         and toks[k + 1].lower_ not in SKIP_UNIT):
            return _fold(stem(_compound_head(toks, k)), human), j
        k += 1
    return None, j


def _compound_head(toks, k) -> str:
    """The word a figure counts when nouns stack after it: "112 garden light traps" counts traps, "three fire
    crews" crews. A singular word followed within two words by a plural one in lower case modifies it; a
    measure ("40 mph gusts") or a plural ("two million moths caught") is itself what is counted."""
    w = toks[k].lower_
    if w.endswith("s") or w in MEASURE_WORDS or w in IRREGULAR_PLURALS:
        return w
    for m in range(k + 1, min(k + 3, len(toks))):
        t = toks[m]
        x = t.lower_
        if not (t.is_alpha and t.is_lower) or x in SKIP_UNIT or x in CLAUSE_WORDS or x in WHEN_WORDS \
                or x in NOT_HEADS or x.endswith(("ed", "ing", "ly")):
            return w
        if (x.endswith("s") and not x.endswith("ss")) or x in IRREGULAR_PLURALS:
            return x  # "300 school children"
    return w


def _fold(unit: str, human) -> str:
    """People for any word that counts people; one name for nouns that count the same thing."""
    if unit in human:
        return "people"
    return UNIT_SYNONYMS.get(unit, unit)


def _measured_before(toks, i, human) -> str | None:
    """What a figure with no noun after it measures, read from the words before it ("the crowd at 2,000")."""
    k = i - 1
    while k >= 0 and i - k <= 8:
        w = toks[k].lower_
        if w in MEASURES:
            return MEASURES[w]
        if w in (".", ";", ":", "!", "?"):
            break
        k -= 1
    return None
