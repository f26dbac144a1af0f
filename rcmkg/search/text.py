"""Text for the search index: folding, tokens, stems and highlights.

Every word is lower-cased, stemmed by the Snowball stemmer of its text's language (accents are
still there: the Spanish rules need them) and then stripped of accents, so that "Pasaportes",
"pasaporte" and "pasaporté" all index and query as ``pasaport``. A query word is stemmed for both
languages (the query's language is unknown) and either stem matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

LANGS = ("en", "es")
_STEMMERS = {"en": "english", "es": "spanish"}
_WORD = re.compile(r"\w+", re.UNICODE)
_MAX_QUERY_WORDS = 12


def fold(text: str) -> str:
    """Lower case without accents: ``"Migración" -> "migracion"``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=4)
def _stemmer(lang: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_STEMMERS.get(lang, "english"))


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    """The folded Snowball stem of one lower-case ``word`` in ``lang`` (en, es; other: English)."""
    return fold(_stemmer(lang if lang in _STEMMERS else "en").stemWord(word))


def words(text: str) -> list[str]:
    """The lower-case words of ``text``."""
    return _WORD.findall(text.casefold())


def stems(text: str, lang: str) -> str:
    """``text`` as the space-separated stems the index holds."""
    return " ".join(stem(w, lang) for w in words(text))


#: Words a query skips (when it has others): they are in nearly every text, so they narrow nothing
#: and make a query read every document's postings.
STOP_WORDS = frozenset(
    "a an and are as at be by for from has have in is it its of on or that the this to was were will with "
    "al con de del el en es la las lo los o para por que se su sus un una y".split())


def query_terms(q: str) -> list[set[str]]:
    """For each word of the query (at most 12; common words skipped when there are others), the
    stems it may match: English and Spanish."""
    out = []
    ws = words(q)
    kept = [w for w in ws if fold(w) not in STOP_WORDS] or ws
    for w in kept[:_MAX_QUERY_WORDS]:
        out.append({stem(w, "en"), stem(w, "es")})
    return out


def fts_query(terms: list[set[str]]) -> str:
    """An FTS5 query: every word (AND), any of its stems (OR). Only ``\\w`` characters reach it,
    each quoted, so no query text is read as FTS5 syntax."""
    return " AND ".join("(" + " OR ".join(f'"{s}"' for s in sorted(alts)) + ")" for alts in terms)


def highlight(text: str, lang: str, terms: Iterable[set[str]], width: int = 220) -> list[tuple[str, bool]]:
    """A window of ``text`` around its first matching words, as (text, matched) pieces.

    Matching is by stem, as the index matches; the caller escapes the pieces (HTML or JSON).
    """
    wanted = set().union(*terms) if terms else set()
    hits = [(m.start(), m.end()) for m in _WORD.finditer(text) if stem(m.group(0).casefold(), lang) in wanted]
    if not hits and lang in _STEMMERS:  # a text that mixes languages: try the other stemmer
        other = "es" if lang == "en" else "en"
        hits = [(m.start(), m.end()) for m in _WORD.finditer(text) if stem(m.group(0).casefold(), other) in wanted]
    if len(text) <= width:
        start, end = 0, len(text)
    else:
        first = hits[0][0] if hits else 0
        start = max(0, first - width // 3)
        end = min(len(text), start + width)
        # whole words at the edges
        if start > 0:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
    pieces: list[tuple[str, bool]] = []
    pos = start
    if start > 0:
        pieces.append(("… ", False))
    for a, b in hits:
        if a < start or b > end:
            continue
        if a > pos:
            pieces.append((text[pos:a], False))
        pieces.append((text[a:b], True))
        pos = b
    if pos < end:
        pieces.append((text[pos:end], False))
    if end < len(text):
        pieces.append((" …", False))
    return pieces
