"""Text folding for matching, in one place: accents and case away, lengths kept where offsets matter.

:func:`fold` is the one folder: lower case, accents off, typographic quotes and dashes plain, the
length kept (character offsets into the folded text are offsets into the original: the registry's
name finder relies on it). :func:`normalise` is what label matching compares (folded, punctuation
as spaces, spaces collapsed); :func:`clip` shortens a table cell.
"""

from __future__ import annotations

import re
import unicodedata


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch)[:1].lower()[:1] or ch
    if base in "\u2018\u2019\u02bc":
        return "'"
    if base in "\u201c\u201d":
        return '"'
    if base in "\u2013\u2014":
        return "-"
    if len(base) == 1 and not unicodedata.combining(base):
        return base
    low = ch.lower()
    return low if len(low) == 1 else ch


_FOLD: dict[int, str] = {i: chr(i).lower() for i in range(65, 91)}


def fold(text: str) -> str:
    """Lower-case and strip accents *without changing the length*, so offsets stay valid.

    >>> fold("Antiguo Cuscatlán")
    'antiguo cuscatlan'
    """
    if not text.isascii():
        for ch in set(text):
            o = ord(ch)
            if o > 127 and o not in _FOLD:
                _FOLD[o] = _fold_char(ch)
    return text.translate(_FOLD)


def normalise(text: str) -> str:
    """Lower case, no accents, punctuation as spaces: what label matching compares.

    >>> normalise("Protocolo de Repatriación — “Víctimas”")
    'protocolo de repatriacion victimas'
    """
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).replace("_", " ").split())


def clip(text: str, width: int | None) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis (``None``: not cut).

    >>> clip("a  long\\ntext", 5)
    'a lo…'
    """
    text = " ".join(text.split())
    if width is None or len(text) <= width:
        return text
    return text[: width - 1] + "…"
