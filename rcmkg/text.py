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


# Words a name in title case leaves in lower case after its first ("Grupo de Trabajo ... sobre Movilidad Humana en el
# Contexto de Desastres y Cambio Climático", "Working Group on Labour Migration and Fair Recruitment").
_MINOR_WORDS = frozenset(
    "a al con de del e el en la las los o para por sobre u y and at by for in of on or the to with".split())


def title_name(name: str) -> str:
    """A name printed in capitals, in title case: its minor words in lower case but the first, the acronyms of the
    RCM's bodies and partners ("RCM", "(GRCM)", "OIM") as printed; a name not all in capitals unchanged.

    >>> title_name("GRUPO DE TRABAJO AD HOC SOBRE MOVILIDAD HUMANA EN EL CONTEXTO DE DESASTRES Y CAMBIO CLIMÁTICO")
    'Grupo de Trabajo Ad Hoc sobre Movilidad Humana en el Contexto de Desastres y Cambio Climático'
    >>> title_name("THE NETWORK OF THE RCM (PUEBLA PROCESS)")
    'The Network of the RCM (Puebla Process)'
    >>> title_name("Working Group")
    'Working Group'
    """
    if not name.isupper():
        return name
    words = name.split(" ")
    out: list[str] = []
    for k, word in enumerate(words):
        core = word.strip("()[],.;:")
        if core.isalpha() and 2 <= len(core) <= 5 and _ACRONYMS.fullmatch(core):
            out.append(word)
        elif k > 0 and core.lower() in _MINOR_WORDS:
            out.append(word.lower())
        else:
            out.append(word.title())
    return " ".join(out)


# The acronyms a body's name may carry, kept in capitals.
_ACRONYMS = re.compile(r"RCM|CRM|RCGM|GRCM|IOM|OIM|UNHCR|ACNUR|UNICEF|UNODC|SICA|OCAM|RNCOM|RROCM|CIDH|IACHR|PPT|ST|TS|OAS|OEA")
