"""Dates and due phrases as RCM reports write them, in English and Spanish.

Meeting dates: "November 27th, 2017", "19 July 2018", "November 24-25, 2014", "December 2-3, 2003",
"27 de noviembre de 2017", "November 30 - December 1, 2015", "2017-11-27", "30/04/2018".
Due phrases: "by 21 July 2017", "within three weeks", "in the I Quarter of 2018", "during the first
two months of 2017", "in a two-month period", "in 2018", "soon", "before the next meeting".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TypeVar

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    # (Spanish abbreviations, "31 ago. 2022", "15 dic 2021", the others shared with English's)
    "ene": 1, "abr": 4, "ago": 8, "set": 9, "dic": 12,
}
_M = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# ("1st", "1º de julio", "1° de junio", "1ro de marzo": the first of a month as written in both languages)
_D = r"(?:[0-3]?\d)(?:st|nd|rd|th|[º°]|ro|er)?"
_Y = r"(?:19|20)\d\d"
_DASH = r"\s*(?:-|–|—|to|al|a|y|and)\s*"
# Every date pattern below holds a year, and so does every due rule in _NEEDS_YEAR: a text with no
# year in it (most sentences) is answered without running them.
_YEAR = re.compile(_Y)

NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "thirty": 30, "a": 1, "an": 1,
    "un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    # (the periods a deadline counts: "within forty-five days", "en un plazo de treinta (30) días")
    "fourteen": 14, "twenty": 20, "forty-five": 45, "sixty": 60, "ninety": 90,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "quince": 15, "veinte": 20, "treinta": 30,
    "cuarenta y cinco": 45, "sesenta": 60, "noventa": 90,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4, "1st": 1,
    "2nd": 2, "3rd": 3, "4th": 4, "primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3,
    "cuarto": 4,
}


@dataclass(frozen=True)
class FoundDate:
    start: date
    end: date | None
    begin: int  # offsets of the phrase in the searched text
    finish: int
    text: str


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))  # type: ignore[union-attr]


def _mk(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# Each pattern: (regex, builder(match) -> (start, end))
Builder = Callable[[re.Match[str]], tuple[date | None, date | None]]
_PATTERNS: list[tuple[re.Pattern[str], Builder]] = []


def _pat(rx: str) -> Callable[[Builder], Builder]:
    def deco(fn: Builder) -> Builder:
        _PATTERNS.append((re.compile(rx, re.IGNORECASE), fn))
        return fn

    return deco


@_pat(rf"\b(?P<y>{_Y})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
def _iso(m: re.Match[str]) -> tuple[date | None, date | None]:
    return _mk(int(m["y"]), int(m["m"]), int(m["d"])), None


@_pat(rf"\b(?P<m1>{_M})\s+(?P<d1>{_D}){_DASH}(?P<m2>{_M})\s+(?P<d2>{_D}),?\s+(?P<y>{_Y})\b")
def _md_md_y(m: re.Match[str]) -> tuple[date | None, date | None]:
    y = int(m["y"])
    return _mk(y, MONTHS[m["m1"].lower().rstrip(".")], _day(m["d1"])), _mk(y, MONTHS[m["m2"].lower().rstrip(".")], _day(m["d2"]))


@_pat(rf"\b(?P<m>{_M})\s+(?P<d1>{_D}){_DASH}(?P<d2>{_D}),?\s+(?P<y>{_Y})\b")
def _m_dd_y(m: re.Match[str]) -> tuple[date | None, date | None]:
    y, mo = int(m["y"]), MONTHS[m["m"].lower().rstrip(".")]
    return _mk(y, mo, _day(m["d1"])), _mk(y, mo, _day(m["d2"]))


# The formula a signed text closes with: "Done at Belmopan, this 23rd day of August 2017", "on the 5th day of May, 2016"
@_pat(rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+day\s+of\s+(?P<m>{_M}),?\s+(?:of\s+)?(?:the\s+year\s+)?(?P<y>{_Y})\b")
def _d_day_of_m_y(m: re.Match[str]) -> tuple[date | None, date | None]:
    return _mk(int(m["y"]), MONTHS[m["m"].lower().rstrip(".")], int(m["d"])), None


@_pat(rf"\b(?P<m>{_M})\s+(?P<d>{_D}),?\s+(?P<y>{_Y})\b")
def _m_d_y(m: re.Match[str]) -> tuple[date | None, date | None]:
    return _mk(int(m["y"]), MONTHS[m["m"].lower().rstrip(".")], _day(m["d"])), None


@_pat(rf"\b(?P<d1>{_D})\s+(?:de\s+|of\s+)?(?P<m1>{_M}){_DASH}(?:the\s+|el\s+)?(?P<d2>{_D})\s+(?:de\s+|of\s+)?(?P<m2>{_M}),?\s+(?:de\s+|del\s+)?(?P<y>{_Y})\b")
def _dm_dm_y(m: re.Match[str]) -> tuple[date | None, date | None]:
    y = int(m["y"])
    return _mk(y, MONTHS[m["m1"].lower().rstrip(".")], _day(m["d1"])), _mk(y, MONTHS[m["m2"].lower().rstrip(".")], _day(m["d2"]))


@_pat(rf"\b(?P<d1>{_D}){_DASH}(?:the\s+)?(?P<d2>{_D})\s+(?:de\s+|of\s+)?(?P<m>{_M}),?\s+(?:de\s+|del\s+)?(?P<y>{_Y})\b")
def _dd_m_y(m: re.Match[str]) -> tuple[date | None, date | None]:
    y, mo = int(m["y"]), MONTHS[m["m"].lower().rstrip(".")]
    return _mk(y, mo, _day(m["d1"])), _mk(y, mo, _day(m["d2"]))


@_pat(rf"\b(?P<d>{_D})\s+(?:de\s+|of\s+)?(?P<m>{_M}),?\s+(?:de\s+|del\s+)?(?P<y>{_Y})\b")
def _d_m_y(m: re.Match[str]) -> tuple[date | None, date | None]:
    return _mk(int(m["y"]), MONTHS[m["m"].lower().rstrip(".")], _day(m["d"])), None


@_pat(rf"\b(?:(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/|(?P<a2>[0-3]\d)\.(?P<b2>[0-3]\d)\.|(?<![\d-])(?P<a3>[0-3]\d)-(?P<b3>[01]\d)-)(?P<y>{_Y})\b(?!-\d)")
def _numeric(m: re.Match[str]) -> tuple[date | None, date | None]:
    """"30/04/2018", "04.11.2022", "15-07-2013": day first, as the region writes dates; month first
    where the day could not be a month ("12/31/2019"), or in a document that writes them so
    (:func:`reading`)."""
    a, b, y = int(m["a"] or m["a2"] or m["a3"]), int(m["b"] or m["b2"] or m["b3"]), int(m["y"])
    return _day_month(a, b, y), None


@_pat(r"(?<![\d/.])\b(?:(?P<a1>[0-3]?\d)/(?P<b1>[01]?\d)/(?P<y1>\d\d)\s*(?:-|–|—|al|a|to)\s*)?(?P<a>[0-3]?\d)/(?P<b>[01]?\d)/(?P<y>\d\d)\b(?![/\d])")
def _numeric_short_year(m: re.Match[str]) -> tuple[date | None, date | None]:
    """"15/03/19", "11/04/19 – 12/04/19": a year of two digits, of the century it is nearest to (1990s, 2000s)."""
    def full(yy: str) -> int:
        return 1900 + int(yy) if int(yy) >= 90 else 2000 + int(yy)

    last = _day_month(int(m["a"]), int(m["b"]), full(m["y"]))
    if m["a1"]:
        return _day_month(int(m["a1"]), int(m["b1"]), full(m["y1"])), last
    return last, None


# A spreadsheet's day, month's abbreviation and year ("15-Jan-19", "15-ago-2019", "01/Sep/19").
@_pat(rf"(?<![\d/-])\b(?P<d>[0-3]?\d)(?P<sep>[-/])(?P<m>{_M})(?P=sep)(?P<y>{_Y}|\d\d)\b(?![/-]\d)")
def _d_mon_y(m: re.Match[str]) -> tuple[date | None, date | None]:
    y = int(m["y"]) if len(m["y"]) == 4 else (1900 + int(m["y"]) if int(m["y"]) >= 90 else 2000 + int(m["y"]))
    return _mk(y, MONTHS[m["m"].lower().rstrip(".")], int(m["d"])), None


# A month in Roman numerals, as some offices write dates ("20-VI-2014", "31.VIII.2014", "1/VI/2019"): in capitals.
_ROMAN_MONTHS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12}
_RM = "(?-i:" + "|".join(sorted(_ROMAN_MONTHS, key=len, reverse=True)) + ")"


@_pat(rf"\b(?:(?P<d1>[0-3]?\d){_DASH})?(?P<d>[0-3]?\d)(?P<sep>[-./])(?P<m>{_RM})(?P=sep)(?P<y>{_Y})\b")
def _roman_month(m: re.Match[str]) -> tuple[date | None, date | None]:
    """"20-VI-2014", "31.VIII.2014", "1/VI/2019", and "19 y 20-VI-2014" (two days of it)."""
    y, mo = int(m["y"]), _ROMAN_MONTHS[m["m"]]
    if m["d1"]:
        return _mk(y, mo, int(m["d1"])), _mk(y, mo, int(m["d"]))
    return _mk(y, mo, int(m["d"])), None


def _day_month(a: int, b: int, y: int) -> date | None:
    if _MONTH_FIRST.get() and a <= 12:
        return _mk(y, a, b) if b <= 31 else None
    return _mk(y, b, a) if b <= 12 else _mk(y, a, b)


# Whether the document being read writes numeric dates month first ("02/23/2007"): see reading().
_MONTH_FIRST: ContextVar[bool] = ContextVar("month_first", default=False)
# (no lookbehind ahead of the digits: a pattern that starts with one is tried at every position of a
# whole report; the character before is checked in month_first instead)
_ANY_NUMERIC = re.compile(r"([0-3]?\d)/([0-3]?\d)/(?:(?:19|20)\d\d|\d\d)(?![\d/])")


@lru_cache(maxsize=8)  # (parsing and extraction each ask it of the same report)
def month_first(text: str) -> bool:
    """Whether ``text`` writes its numeric dates month first, as the United States does: one of them
    can be read only so ("02/23/2007") and none only day first ("23/02/2007")."""
    if "/" not in text:
        return False
    md = dm = False
    pos = max(0, text.find("/") - 2)
    while (m := _ANY_NUMERIC.search(text, pos)) is not None:
        if m.start() and (text[m.start() - 1].isdecimal() or text[m.start() - 1] in "/."):
            pos = m.start() + 1  # inside a longer number or path ("111/12/2007", "1.12/5/07")
            continue
        pos = m.end()
        a, b = int(m.group(1)), int(m.group(2))
        md = md or (b > 12 and a <= 12)
        dm = dm or (a > 12 and b <= 12)
        if dm:
            return False
    return md


@contextmanager
def reading(text: str) -> Iterator[None]:
    """Numeric dates read, while in it, as the document ``text`` writes them (:func:`month_first`)."""
    token = _MONTH_FIRST.set(month_first(text))
    try:
        yield
    finally:
        _MONTH_FIRST.reset(token)


# Lists of days: "27, 28 y 29 de octubre de 1999", "October 27, 28 and 29, 1999". The separators
# between days are fixed strings, so the repetition cannot backtrack over the same characters.
_LIST = rf"(?:\s*,\s*{_D})*(?:\s*,\s*|\s+)(?:y|and|e|&)\s+"


@_pat(rf"\b(?P<d1>{_D}){_LIST}(?P<d2>{_D})\s+(?:de\s+)?(?P<m>{_M}),?\s+(?:de\s+|del\s+)?(?P<y>{_Y})\b")
def _dlist_m_y(m: re.Match[str]) -> tuple[date | None, date | None]:
    y, mo = int(m["y"]), MONTHS[m["m"].lower().rstrip(".")]
    return _mk(y, mo, _day(m["d1"])), _mk(y, mo, _day(m["d2"]))


@_pat(rf"\b(?P<m>{_M})\s+(?P<d1>{_D}){_LIST}(?P<d2>{_D}),?\s+(?P<y>{_Y})\b")
def _m_dlist_y(m: re.Match[str]) -> tuple[date | None, date | None]:
    y, mo = int(m["y"]), MONTHS[m["m"].lower().rstrip(".")]
    return _mk(y, mo, _day(m["d1"])), _mk(y, mo, _day(m["d2"]))


@_pat(rf"\bfrom\s+(?P<m>{_M})\s+(?P<d1>{_D})\s+to\s+(?P<d2>{_D}),?\s+(?P<y>{_Y})\b")
def _from_m_d_to_d_y(m: re.Match[str]) -> tuple[date | None, date | None]:
    y, mo = int(m["y"]), MONTHS[m["m"].lower().rstrip(".")]
    return _mk(y, mo, _day(m["d1"])), _mk(y, mo, _day(m["d2"]))


# ---- dates written in words ("a los quince días del mes de marzo de dos mil diecinueve", "the
# twenty-ninth day of June of the year two thousand and seventeen"), as declarations write them

_WORD_VALUES = {
    "un": 1, "uno": 1, "una": 1, "primero": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiun": 21,
    "veintiuno": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26,
    "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
    "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "novecientos": 900,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30,
}
_FOLD = str.maketrans("áéíóú", "aeiou")


def words_number(phrase: str) -> int | None:
    """The number a phrase of number words says ("veintiocho", "treinta y uno", "dos mil
    dieciocho", "mil novecientos noventa y seis", "twenty-ninth", "two thousand and seventeen",
    "nineteen ninety-six"); None if a word is not one."""
    total, current = 0, 0
    words = [w for w in re.split(r"[\s-]+", phrase.lower().translate(_FOLD)) if w and w not in ("y", "and")]
    if not words:
        return None
    for k, w in enumerate(words):
        if w in ("mil", "thousand"):
            total += (current or 1) * 1000
            current = 0
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _WORD_VALUES:
            v = _WORD_VALUES[w]
            # "nineteen ninety-six": a century's number before a year's two last digits
            if current and 10 <= current <= 99 and v >= 10 and current % 10 != 0 and k > 0 and total == 0 and current >= 13:
                current = current * 100 + v
            else:
                current += v
        else:
            return None
    return total + current


_ONE_WORD = "(?:" + "|".join(sorted({*_WORD_VALUES, "dieciséis", "veintiún", "veintidós", "veintitrés", "veintiséis"},
                                      key=len, reverse=True)) + ")"
_NUM_WORD = rf"(?:{_ONE_WORD}(?:-{_ONE_WORD})?)"  # ("twenty-ninth", "ninety-six")
NUM_WORD = _NUM_WORD  # (a day in words, for the parser's "hasta el día doce del mismo mes y año")
# (an acta's day or year may be in digits beside the other in words: "a los 30 días del mes de
# septiembre de dos mil quince", "a los treinta días del mes de septiembre de 2015")
_WORDS_DAY = rf"(?P<d>[0-3]?\d|{_NUM_WORD}(?:\s+y\s+(?:uno|un))?)"
_WORDS_YEAR = rf"(?P<y>(?:19|20)\d\d|(?:dos\s+mil|mil\s+novecientos|two\s+thousand|nineteen)(?:\s+(?:and\s+|y\s+)?{_NUM_WORD}){{0,3}})"
_DAYS_OF_MONTH = re.compile(r"\bd[ií]as\s+del\s+mes\s+de\b", re.IGNORECASE)
_WORD_YEAR = re.compile(r"\b(?:dos\s+mil|mil\s+novecientos|two\s+thousand|nineteen\s+(?:eighty|ninety))\b", re.IGNORECASE)


def _words_date(m: re.Match[str]) -> tuple[date | None, date | None]:
    d = int(m["d"]) if m["d"].isdigit() else words_number(m["d"])
    y = int(m["y"]) if m["y"].isdigit() else words_number(m["y"])
    if d is None or y is None or not 1 <= d <= 31 or not 1990 <= y <= 2099:
        return None, None
    return _mk(y, MONTHS[m["m"].lower().rstrip(".")], d), None


def _words_range(m: re.Match[str]) -> tuple[date | None, date | None]:
    first = int(m["d0"]) if m["d0"].isdigit() else words_number(m["d0"])
    last, _ = _words_date(m)
    if first is None or last is None or not 1 <= first < last.day:
        return None, None  # (not "treinta y uno": one day, read by the pattern of one)
    return _mk(last.year, last.month, first), last


# (tried only on a text with a year in words: see find_dates)
_WORD_PATTERNS: list[tuple[re.Pattern[str], Builder]] = [(re.compile(rx, re.IGNORECASE), _words_date) for rx in (
    # "a los quince días del mes de marzo de dos mil diecinueve", "el treinta de abril de dos mil veinte"
    rf"\b{_WORDS_DAY}\s+(?:d[ií]as\s+)?del?\s+(?:mes\s+de\s+)?(?P<m>{_M})\s+(?:del?\s+)?(?:a[ñn]o\s+)?{_WORDS_YEAR}\b",
    # "the twenty-ninth day of June of the year two thousand and seventeen"
    rf"\bthe\s+{_WORDS_DAY}\s+day\s+of\s+(?P<m>{_M}),?\s+(?:of\s+)?(?:the\s+year\s+)?{_WORDS_YEAR}\b",
)]
_WORD_PATTERNS.append((re.compile(
    # two days: "a los veinticuatro y veinticinco días del mes de abril del año dos mil ocho"
    # (or without "días": "los días veintiocho y veintinueve de agosto de dos mil dieciocho")
    rf"\b(?P<d0>[0-3]?\d|{_NUM_WORD})\s+(?:y|al?)\s+{_WORDS_DAY}\s+(?:d[ií]as\s+)?del?\s+(?:mes\s+de\s+)?(?P<m>{_M})\s+(?:del?\s+)?"
    rf"(?:a[ñn]o\s+)?{_WORDS_YEAR}\b", re.IGNORECASE), _words_range))


# OCR's letters for digits in a date: a year after "de" or a month ("de l998", "diciembre l998"), and a day
# before a month ("1O y ll de diciembre"); only where the year shows the text was read so.
_OCR_YEAR = re.compile(r"\b[l1I]9(?:[0-9][lIO]|[lIO][0-9lIO])\b|\b[lI]9[0-9]{2}\b"
                       r"|\b2O[0-9lIO]{2}\b|\b20(?:[0-9][lIO]|[lIO][0-9lIO])\b")  # (and "2OO5", "20l1")
_OCR_DAY = re.compile(rf"\b(?=[0-9]?[lIO])[0-9lIO]{{1,2}}\b(?=(?:\s+(?:y|e|al?|-|\u2013)\s+[0-9lIO]{{1,2}})?\s+de\s+(?i:{_M}))")
_OCR_MAP = str.maketrans("lIO", "110")
_OCR_MIXED_DAY = re.compile(rf"\b(?:[0-3][lIO]|[lI][0-9])(?=\s+de\s+(?i:{_M})\b)")
# (and the days after an English month: "March l9-2O, 2OO2", "on March l9 and 2O")
_OCR_MONTH_DAYS = re.compile(rf"\b(?i:{_M})\s+(?P<days>(?=[0-9]?[lIO]|[0-9]{{1,2}}\s*(?:-|\u2013|and)\s*[0-9]?[lIO])[0-9lIO]{{1,2}}"
                             rf"(?:\s*(?:-|\u2013|and)\s*[0-9lIO]{{1,2}})?)\b")
_OCR_TOKEN = re.compile(r"\b[0-9lIO]{1,2}\b")


def _ocr_digits(m: re.Match[str]) -> str:
    return m.group(0).translate(_OCR_MAP)


def _ocr_month_days(m: re.Match[str]) -> str:
    days = _OCR_TOKEN.sub(_ocr_digits, m.group("days"))
    return m.group(0)[: m.start("days") - m.start()] + days


_Found = TypeVar("_Found", "FoundDate", "FoundDue")


def _apart(ranked: list[_Found]) -> list[_Found]:
    """The matches of ``ranked`` (best first) that overlap no better one, in text order. The kept
    ones are held sorted, so each is checked against its two neighbours only: a text with
    thousands of dates in one paragraph stays linear-logarithmic."""
    starts: list[int] = []
    ends: list[int] = []
    kept: list[_Found] = []
    for f in ranked:
        i = bisect_right(starts, f.begin)
        if (i == 0 or ends[i - 1] <= f.begin) and (i == len(starts) or starts[i] >= f.finish):
            starts.insert(i, f.begin)
            ends.insert(i, f.finish)
            kept.insert(i, f)
    return kept


# (a date with a year of two digits: "15/03/19", "15-Jan-19")
_SHORT_YEAR = re.compile(rf"\d/[01]?\d/\d\d(?![/\d])|\d([-/])(?i:{_M})\1\d\d(?![/\d])")


def find_dates(text: str) -> list[FoundDate]:
    """Every full calendar date (or date range) in ``text``, in text order, non-overlapping.

    >>> [(d.start.isoformat(), d.end and d.end.isoformat()) for d in find_dates("on November 24-25, 2014 in")]
    [('2014-11-24', '2014-11-25')]
    """
    found: list[FoundDate] = []
    printed = text
    if ("l9" in text or "I9" in text or "9O" in text or "9l" in text or "9I" in text or "2O" in text or "0O" in text or "0l" in text
            or "0I" in text) and _OCR_YEAR.search(text) is not None:
        # a scan read by OCR: "1O y ll de diciembre de l998" (letters for digits), read as digits (offsets
        # kept); one of those pairs is in any year _OCR_YEAR finds, a cheap test first
        text = _OCR_MONTH_DAYS.sub(_ocr_month_days, _OCR_DAY.sub(_ocr_digits, _OCR_YEAR.sub(_ocr_digits, text)))
    elif ("l de " in text or "O de " in text or "I de " in text) and _OCR_MIXED_DAY.search(text) is not None:
        text = _OCR_MIXED_DAY.sub(_ocr_digits, text)  # (a day of a digit and a letter, the year read right: "3l de agosto de 2006")
    patterns = _PATTERNS + _WORD_PATTERNS if _WORD_YEAR.search(text) is not None or _DAYS_OF_MONTH.search(text) is not None else _PATTERNS
    if patterns is _PATTERNS and _YEAR.search(text) is None and _SHORT_YEAR.search(text) is None:
        return found
    # "Wednesday 26 and Thursday 27 May 2021", "jueves 27 de mayo": the weekdays blanked (offsets kept)
    seen = _DAY_NAMES.sub(lambda w: " " * len(w.group(0)), text) if _DAY_NAMES.search(text) else text
    for rx, build in patterns:
        for m in rx.finditer(seen):
            s, e = build(m)
            if s is None:
                continue
            if e is not None and e < s:
                e = None
            found.append(FoundDate(s, e, m.start(), m.end(), printed[m.start() : m.end()]))
    # Longest match wins where patterns overlap.
    found.sort(key=lambda f: (-(f.finish - f.begin), f.begin))
    return _ranges_joined(_apart(found), printed)


# Between two whole dates that make a range: "Oct 11, 2016 → Oct 12, 2016", "11/10/2016 - 12/10/2016", "... al ...".
_RANGE_JOIN = re.compile(r"[ \t]*(?:[-\u2013\u2014\u2192]|to|al|a|hasta)[ \t]*", re.I)


def _ranges_joined(found: list[FoundDate], text: str) -> list[FoundDate]:
    """Two whole single dates joined only by a dash, an arrow or "to" ("Oct 11, 2016 → Oct 12, 2016"): one range, when
    the second is the later and within a month of the first."""
    if len(found) < 2:
        return found
    out: list[FoundDate] = []
    for f in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.end is None and f.end is None and 0 < (f.start - prev.start).days <= 31
                and _RANGE_JOIN.fullmatch(text, prev.finish, f.begin)):
            out[-1] = FoundDate(prev.start, f.start, prev.begin, f.finish, text[prev.begin : f.finish])
            continue
        out.append(f)
    return out


# ---- due phrases ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FoundDue:
    text: str
    begin: int
    finish: int
    date: dt.date | None  # when it is due (end of a period)
    period_start: dt.date | None = None
    derived: bool = False  # computed relative to the meeting date
    month_only: bool = False
    no_year: bool = False  # a day and month without a year: the meeting's year was taken


def _end_of_month(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


_NUM = r"(?P<n>\d+|" + "|".join(NUMBERS) + r")"
_ORD = r"(?P<o>" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<u>day|week|month|year|d[ií]a|semana|mes|a[nñ]o)s?"
_FIGURES = r"(?:\s*\(\d{1,3}\))?"  # (the number in words, then in figures: "treinta (30) días", "thirty (30) days")

_DUE_RULES: list[tuple[re.Pattern[str], str]] = [
    # (multi-word keywords with \s+: a hard-wrapped line may break between "a más" and "tardar")
    (re.compile(r"\b(?:by|before|until|no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|deadline(?:\s+of)?|antes\s+del?|"
                # (a date in words is long: "treinta de septiembre de dos mil diecisiete")
                r"a\s+m[aá]s\s+tardar\s+el|hasta\s+el|para\s+el)\s+(?:the\s+)?(?P<date>.{5,70})", re.I | re.S), "by-date"),
    # a day the thing is to be done on: "circulará la versión consolidada el 21/07/2017", "will launch it on 30 July 2018"
    (re.compile(r"\b(?:on|el(?:\s+d[ií]a)?)\s+(?=\d{1,2}\s*(?:/|de\s|(?-i:[A-Z][a-z]{2,8}\b))|(?-i:[A-Z][a-z]{2,8})\s+\d{1,2}\b)(?P<date>.{5,40})", re.I | re.S), "on-date"),
    # "(fecha: 05/04/2019)", "Deadline: 14/10/2022", "plazo: 30 de abril de 2019"
    (re.compile(r"\b(?:fecha(?:\s+l[ií]mite)?|plazo|deadline|due(?:\s+date)?)\s*:\s*(?P<date>.{5,40})", re.I | re.S), "by-date"),
    (re.compile(rf"\b(?:within|in|during|over)\s+(?:the\s+)?(?:a\s+|an\s+|the\s+)?(?:next\s+|following\s+)?{_NUM}{_FIGURES}[\s-]+(?:(?P<biz>working|business)\s+)?{_UNIT}(?:\s+period)?\b", re.I), "within"),
    (re.compile(rf"\b(?:en\s+un\s+plazo\s+de|dentro\s+de)\s+{_NUM}{_FIGURES}\s+{_UNIT}(?:\s+(?P<biz>h[aá]biles|laborables))?", re.I), "within"),
    (re.compile(rf"\b(?:in|during|by|for|before the end of|at the end of)\s+the\s+{_ORD}\s+(?:quarter|trimester)\s+(?:of\s+)?(?P<y>{_Y})\b", re.I), "quarter"),
    (re.compile(rf"\b(?:in|during|by|for|before the end of)\s+the\s+(?P<o>I{{1,3}}|IV)\s+(?:quarter|trimester)\s+(?:of\s+)?(?P<y>{_Y})\b"), "quarter"),
    # "Q1 2023", "T2 2019" (a quarter, "trimestre", as a table's cell or a note writes it)
    (re.compile(rf"\b[QT](?P<o>[1-4])[\s/-]*(?P<y>{_Y})\b"), "quarter"),
    (re.compile(rf"\b(?:in|during|by)\s+the\s+{_ORD}\s+(?:semester|half)\s+(?:of\s+)?(?P<y>{_Y})\b", re.I), "semester"),
    (re.compile(rf"\b(?:in|during|within)\s+the\s+(?P<fl>first|last)\s+{_NUM}\s+months?\s+of\s+(?P<y>{_Y})\b", re.I), "first-months"),
    (re.compile(rf"\b(?:in|during|by|before the end of|by the end of|at the end of|no\s+later\s+than|not\s+later\s+than)\s+(?P<m>{_M})(?:\s+of)?,?\s+(?P<y>{_Y})\b", re.I), "month"),
    (re.compile(rf"\b(?:in|during|by the end of|before the end of|by the end of)\s+(?:the\s+year\s+(?:of\s+)?)?(?P<y>{_Y})\b", re.I), "year"),
    # Spanish forms of the same phrases.
    (re.compile(rf"\b(?:en|durante|para|antes\s+de(?:l)?\s+(?:final|fin)\s+de(?:l)?|a\s+m[aá]s\s+tardar\s+en)\s+el\s+{_ORD}\s+trimestre\s+(?:de(?:l)?\s+)?(?:a[nñ]o\s+)?(?P<y>{_Y})\b", re.I), "quarter"),
    (re.compile(rf"\b(?:en|durante|para)\s+el\s+{_ORD}\s+semestre\s+(?:de(?:l)?\s+)?(?:a[nñ]o\s+)?(?P<y>{_Y})\b", re.I), "semester"),
    (re.compile(rf"\b(?:en|durante|a\s+finales\s+de|antes\s+de(?:l)?\s+(?:final|fin)\s+de|antes\s+de\s+(?:finalizar|terminar)\s+el\s+mes\s+de|a\s+m[aá]s\s+tardar\s+en)\s+"
                rf"(?:el\s+mes\s+de\s+)?(?P<m>{_M})\s+(?:de(?:l)?\s+)?(?P<y>{_Y})\b", re.I), "month"),
    (re.compile(rf"\b(?:en\s+el\s+transcurso\s+de(?:l)?|durante(?:\s+el)?|a\s+finales\s+de(?:l)?|antes\s+de(?:l)?\s+(?:final|fin)\s+de(?:l)?|antes\s+de\s+(?:finalizar|terminar)\s+el)\s+(?:a[nñ]o\s+)?(?P<y>{_Y})\b", re.I), "year"),
    # "before the end of the year", "antes de finalizar el mes": the meeting's year or month
    (re.compile(r"\b(?:before|by|until)\s+the\s+end\s+of\s+the\s+(?P<u>year|month)\b(?!\s+(?:of\s+)?\d)"
                r"|\b(?:(?:antes\s+de\s+(?:finalizar|terminar|que\s+(?:finalice|termine))|a\s+finales\s+de|al\s+(?:final|cierre)\s+de)\s+(?:el|este)"
                r"|(?:a\s+finales|al\s+(?:final|cierre))\s+del)\s+(?P<u2>a[nñ]o|mes)\b"
                # ("antes de finalizar el mes de septiembre": that month, the next one of its name)
                rf"(?!\s+de\s+{_M}(?!\w)\s+(?:de(?:l)?\s+)?\d)(?:\s+de\s+(?P<m>{_M})(?!\w))?(?!\s+(?:de\s+)?\d)", re.I), "this"),
    # a quarter without a year ("by end of Q3", "in the third quarter", "durante el tercer trimestre"):
    # the meeting's year's, or the next year's when it has ended
    (re.compile(r"\b(?:by|before|until|in|during)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:[QT](?P<o>[1-4])\b|(?P<ow>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b)"
                r"(?!\s*(?:of\s+)?[/-]?\s*\d)"
                r"|\b(?:en|durante|para|antes\s+de(?:l)?\s+(?:final|fin)\s+de(?:l)?|a\s+m[aá]s\s+tardar\s+en)\s+el\s+"
                r"(?P<o2>primer|primero|segundo|tercer|tercero|cuarto)\s+trimestre\b(?!\s+(?:de(?:l)?\s+)?(?:a[nñ]o\s+)?\d)", re.I), "quarter-now"),
    # "by the end of March", "a finales de marzo" without a year: that month's end, the next one of its name
    (re.compile(rf"\b(?:by|before|until|at)\s+(?:the\s+)?end\s+of\s+(?P<m>{_M})(?!\w)(?!\s*,?\s*(?:of\s+)?\d)"
                rf"|\b(?:a\s+finales\s+de|antes\s+de(?:l)?\s+(?:final|fin)\s+de|al\s+(?:final|cierre)\s+de)\s+(?:el\s+mes\s+de\s+)?"
                rf"(?P<m2>{_M})(?!\w)(?!\s*,?\s*(?:de(?:l)?\s+)?\d)"
                # ("el próximo mes de noviembre", "en el mes de junio", "next November", "in the month of June")
                # (not when something is planned for it: "la reunión, prevista para el mes de junio")
                rf"|(?<!previst[ao]\spara\s)(?<!programad[ao]\spara\s)\b(?:el|en\s+el|durante\s+el)\s+(?:pr[oó]ximo\s+)?mes\s+de\s+(?P<m3>{_M})(?!\w)(?!\s*,?\s*(?:de(?:l)?\s+)?(?:a[nñ]o\s+)?[\dl])"
                r"|\b(?:next|in\s+the\s+month\s+of|during(?:\s+the\s+month\s+of)?)\s+(?-i:(?P<m4>[A-Z][a-z]{2,8}))\b(?!\s*,?\s*(?:of\s+)?\d)", re.I), "month-end"),
    # a labelled month and year: "Fecha: septiembre/2013", "Plazo: mayo 2015"
    (re.compile(rf"\b(?:fecha(?:\s+l[ií]mite)?|plazo|deadline|due(?:\s+date)?)\s*:\s*(?P<m>{_M})\s*(?:/|-|de(?:l)?\s|,)?\s*(?P<y>{_Y})\b", re.I), "month"),
    (re.compile(r"\b(?:a\s+la\s+(?:mayor\s+)?brevedad(?:\s+posible)?|lo\s+antes\s+posible|pr[oó]ximamente)\b", re.I), "soon"),
    (re.compile(r"\b(?:en|antes\s+de|durante|para)\s+la\s+(?P<which>pr[oó]xima|siguiente|presente)\s+reuni[oó]n(?:\s+ordinaria)?(?:\s+del?\s+[A-Z][A-Za-z]+)?", re.I), "meeting"),
    (re.compile(r"\b(?:as\s+soon\s+as\s+possible|soon|shortly|at\s+the\s+earliest\s+convenience)\b", re.I), "soon"),
    (re.compile(r"\b(?:at|before|during|for|by)\s+the\s+(?P<which>next|upcoming|following|current)\s+(?:ordinary\s+)?meeting(?:\s+of\s+the\s+[A-Z][A-Za-z]+)?(?:\s+in\s+(?P<m>" + _M + r"))?", re.I), "meeting"),
    (re.compile(r"\b(?:upcoming|next)\s+meeting\s+in\s+(?P<m>" + _M + r")", re.I), "meeting"),
]


# Rules that need a year in the text; "by-date" through find_dates() on part of it.
_NEEDS_YEAR = frozenset({"by-date", "on-date", "quarter", "semester", "first-months", "month", "year"})


# After "within N days": what the days are counted from, when it is not the meeting
_OF_ANOTHER_EVENT = re.compile(
    r"\s+(?:of|after|from|following|de|despu[eé]s\s+de|a\s+partir\s+de|siguientes\s+a)\s+(?:the|a|an|any|each|its|their|la|el|su|cada|un|una)\b"
    # (or a deed to come: "within ten working days of receiving it", "dentro de los cinco días siguientes a recibirlo")
    r"|\s+(?:of|after|from|following|upon)\s+(?!this\b)[a-z]+ing\b|\s+(?:de|despu[eé]s\s+de|siguientes\s+a)\s+recibir"
    # (or a receipt: "within 30 days of receipt", "a partir de su recepción")
    r"|\s+(?:of|after|from|following|upon|de|despu[eé]s\s+de|a\s+partir\s+de|tras)\s+(?:its\s+|their\s+|su\s+|la\s+)?(?:receipt|reception|recepci[oó]n)\b",
    re.I,
)
# ... unless what follows is the meeting: "of the end of this meeting", "following the conclusion of this meeting"
_MEETING_WORD = re.compile(r"[^.;]{0,40}?\b(?:meeting|session|reuni[oó]n|sesi[oó]n)\b", re.I)


def find_due(text: str, meeting: date) -> list[FoundDue]:
    """Due phrases in ``text`` with the date each means, relative to ``meeting`` where needed.

    >>> [(d.text, d.date.isoformat()) for d in find_due("disseminate, within three weeks, the", date(2018, 7, 19))]
    [('within three weeks', '2018-08-09')]
    """
    out: list[FoundDue] = []
    has_year = _YEAR.search(text) is not None
    # "by July 21st": a date without a year; "a más tardar el 15/06/21": a year of two digits
    has_month = (has_year or _MONTH.search(text) is not None or _SHORT_NUMERIC.search(text) is not None
                 or ("/" in text and _DAY_MONTH.search(text) is not None))
    for rx, kind in _DUE_RULES:
        if not has_year and kind in _NEEDS_YEAR and not (kind in ("by-date", "on-date") and has_month):
            continue
        # (a by-date's window may run over the next due word, "by the Member Countries and ... no later
        # than 31 January 2013": each keyword is tried, not only those after the last window)
        for m in _overlapping(rx, text) if kind == "by-date" else rx.finditer(text):
            due = _interpret(kind, m, meeting)
            if due is not None:
                out.append(due)
    out.sort(key=lambda f: (-(f.finish - f.begin), f.begin))
    return _apart(out)


def _overlapping(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches of ``rx`` in ``text`` that may overlap: each starts one character after the last's start."""
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        pos = m.start() + 1
        yield m


def _interpret(kind: str, m: re.Match[str], meeting: date) -> FoundDue | None:
    s, e, txt = m.start(), m.end(), m.group(0)
    if txt.endswith(".") and kind in ("meeting", "month", "this", "month-end"):
        # "in November." - the full stop ends the sentence, it is not an abbreviation.
        e, txt = e - 1, txt[:-1]
    if kind in ("by-date", "on-date"):
        given = m.group("date")
        wd = _WEEKDAY.match(given)  # "by Friday, October 9", "el viernes 15 de mayo"
        at = wd.end() if wd else 0
        if (dm := _DAY_MONTH.match(given, at)) is not None and not _SHORT_NUMERIC.match(given, at) and not find_dates(given[at:]):
            # "by 21/06": the meeting's year, or the next one's when the day would fall before the meeting
            a, b = int(dm["a"]), int(dm["b"])
            when = _day_month(a, b, meeting.year)
            if when is not None and when < meeting:
                # (a day something is done on, past in the meeting's year, is a past deed's: "adoptadas el 10/05")
                when = _day_month(a, b, meeting.year + 1) if kind == "by-date" else None
            if when is not None:
                e = m.start("date") + dm.end()
                return FoundDue(text_of(m, s, e), s, e, when, no_year=True)
        ds = find_dates(given[at:])
        if not ds or ds[0].begin != 0:
            if sm := _SHORT_NUMERIC.match(given, at):
                # "a más tardar el 15/06/21": a year of two digits, read only after a due word
                a, b, y = int(sm["a"]), int(sm["b"]), 2000 + int(sm["y"])
                when = _day_month(a, b, y)
                if when is not None and when.year <= meeting.year + 10:
                    e = m.start("date") + sm.end()
                    return FoundDue(text_of(m, s, e), s, e, when)
            found = _without_year(m, s, meeting, at)
            if kind == "on-date" and found is not None and found.date is not None and found.date.year != meeting.year:
                return None  # ("las recomendaciones adoptadas el 10 de mayo", a day before the meeting's: done)
            return found
        d = ds[0]
        e = m.start("date") + at + d.finish
        return FoundDue(text_of(m, s, e), s, e, d.end or d.start)
    if kind == "month-end":
        if (mo := MONTHS.get((m["m"] or m["m2"] or m["m3"] or m["m4"]).lower().rstrip("."))) is None:
            return None  # ("next Monday": no month)
        y = meeting.year if mo >= meeting.month else meeting.year + 1
        return FoundDue(txt, s, e, _end_of_month(y, mo), date(y, mo, 1), no_year=True)
    if kind == "this":
        unit = (m["u"] or m["u2"]).lower()
        if unit.startswith(("mon", "mes")):
            if m["m"]:
                mo = MONTHS[m["m"].lower().rstrip(".")]
                y = meeting.year if mo >= meeting.month else meeting.year + 1
                return FoundDue(txt, s, e, _end_of_month(y, mo), meeting, derived=True)
            return FoundDue(txt, s, e, _end_of_month(meeting.year, meeting.month), meeting, derived=True)
        return FoundDue(txt, s, e, date(meeting.year, 12, 31), meeting, derived=True)
    if kind == "within":
        if (ev := _OF_ANOTHER_EVENT.match(m.string, m.end())) and not _MEETING_WORD.match(m.string, ev.end()):
            return None  # "within fifteen days of the change": counted from an event to come, not the meeting
        n = m["n"].lower()
        num = int(n) if n.isdigit() else NUMBERS.get(n)
        unit = m["u"].lower()
        if num is None or num > 1000:
            return None  # (no deadline a thousand units away: "within 99999999999 days" is none, not an overflow)
        if unit.startswith(("day", "dí", "di")) and m["biz"]:
            # ("diez días hábiles", "ten working days": counted on weekdays)
            when = meeting
            for _ in range(num):
                when += timedelta(days=1)
                while when.weekday() >= 5:
                    when += timedelta(days=1)
        elif unit.startswith(("day", "dí", "di")):
            when = meeting + timedelta(days=num)
        elif unit.startswith(("week", "sem")):
            when = meeting + timedelta(weeks=num)
        elif unit.startswith("m"):
            when = _add_months(meeting, num)
        else:
            when = _add_months(meeting, 12 * num)
        return FoundDue(txt, s, e, when, meeting, derived=True)
    if kind == "quarter":
        q = int(m["o"]) if m["o"].isdigit() else ORDINALS.get(m["o"].lower())
        if not q or q > 4:
            return None
        y = int(m["y"])
        return FoundDue(txt, s, e, _end_of_month(y, 3 * q), date(y, 3 * q - 2, 1))
    if kind == "quarter-now":
        o = m["o"] or m["ow"] or m["o2"]
        q = int(o) if o.isdigit() else ORDINALS.get(o.lower())
        if not q or q > 4:
            return None
        y = meeting.year if _end_of_month(meeting.year, 3 * q) >= meeting else meeting.year + 1
        return FoundDue(txt, s, e, _end_of_month(y, 3 * q), date(y, 3 * q - 2, 1), no_year=True)
    if kind == "semester":
        h = ORDINALS.get(m["o"].lower())
        if not h or h > 2:
            return None
        y = int(m["y"])
        return FoundDue(txt, s, e, _end_of_month(y, 6 * h), date(y, 6 * h - 5, 1))
    if kind == "first-months":
        n = m["n"].lower()
        num = int(n) if n.isdigit() else NUMBERS.get(n)
        if not num or num > 12:
            return None
        y = int(m["y"])
        if m["fl"].lower() == "first":
            return FoundDue(txt, s, e, _end_of_month(y, num), date(y, 1, 1))
        return FoundDue(txt, s, e, date(y, 12, 31), date(y, 13 - num, 1))
    if kind == "month":
        mo = MONTHS[m["m"].lower().rstrip(".")]
        y = int(m["y"])
        return FoundDue(txt, s, e, _end_of_month(y, mo), date(y, mo, 1))
    if kind == "year":
        y = int(m["y"])
        if y < meeting.year:
            return None
        return FoundDue(txt, s, e, date(y, 12, 31), date(y, 1, 1))
    if kind == "soon":
        return FoundDue(txt, s, e, None)
    if kind == "meeting":
        month_name = m.groupdict().get("m")
        if month_name:
            mon = MONTHS[month_name.lower().rstrip(".")]
            y = meeting.year if mon >= meeting.month else meeting.year + 1
            return FoundDue(txt, s, e, _end_of_month(y, mon), date(y, mon, 1), derived=True, month_only=True)
        return FoundDue(txt, s, e, None)
    return None


_MONTH = re.compile(rf"\b{_M}(?![a-z])", re.I)
_NO_YEAR = re.compile(rf"(?:(?P<d1>{_D})\s+(?:de\s+)?(?P<m1>{_M})|(?P<m2>{_M})\s+(?P<d2>{_D})"
                      # "a más tardar el treinta de septiembre", "antes del treinta y uno de agosto"
                      rf"|(?P<d3>{_WORDS_DAY.replace('?P<d>', '?:')})\s+de\s+(?P<m3>{_M}))(?![\w-])", re.I)


_DAY_NAMES = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|mi[eé]rcoles|jueves|viernes|"
                        r"s[aá]bado|domingo)\b,?", re.I)
# ("by Friday, October 9", "el viernes 15 de mayo", "by COB Friday 14 June", "by close of business on 3 May")
_WEEKDAY = re.compile(r"(?:(?:cob|eob|eod|close\s+of\s+business|end\s+of\s+(?:the\s+)?day)\s+(?:on\s+)?)?"
                      r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|mi[eé]rcoles|jueves|viernes|"
                      r"s[aá]bado|domingo),?\s+(?:the\s+)?)?", re.I)
# A day and a month without a year, day first as the region writes them ("by 21/06"), after a due word only.
# (the second number in two digits: "by 3/4 of the members" is a fraction)
_DAY_MONTH = re.compile(r"(?P<a>[0-3]?\d)/(?P<b>[0-3]\d)(?![\d/])")
_SHORT_NUMERIC = re.compile(r"(?P<a>[0-3]?\d)[/.-](?P<b>[0-3]?\d)[/.-](?P<y>\d\d)(?![\d/.-]\d)")


def _without_year(m: re.Match[str], s: int, meeting: date, at: int = 0) -> FoundDue | None:
    """"by July 21st", "antes del 15 de septiembre": the meeting's year, or the next one when the day
    would fall before the meeting (nothing is due before the meeting that asks for it)."""
    nm = _NO_YEAR.match(m.group("date"), at)
    if nm is None:
        return None
    mon = MONTHS[(nm["m1"] or nm["m2"] or nm["m3"]).lower().rstrip(".")]
    day = _day(nm["d1"] or nm["d2"]) if nm["d3"] is None else (words_number(nm["d3"]) or 0)
    when = _mk(meeting.year, mon, day)
    if when is not None and when < meeting:
        when = _mk(meeting.year + 1, mon, day)
    if when is None:
        return None
    e = m.start("date") + nm.end()
    if m.string[e - 1] == ".":
        e -= 1  # the sentence's full stop, not an abbreviation's
    return FoundDue(text_of(m, s, e), s, e, when, no_year=True)


def text_of(m: re.Match[str], s: int, e: int) -> str:
    return m.string[s:e]
