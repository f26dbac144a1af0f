"""Organisation names the registry does not know, found by their shape.

Reports name newcomers the way every UN-system text does: "the Norwegian Refugee Council (NRC)",
or a run of capitalised words that ends in an organisation's head noun ("the Mexican Migration
Institute"). Such a name is minted (see :mod:`rcmkg.converters.link`) and listed as unreconciled,
never dropped. Its acronym, once introduced, names it again later in the same report.

Deliberately narrow: plural heads ("the Ministries of Foreign Affairs") are classes of bodies, not
one organisation, and programmes or platforms ("Mesoamerica Program", "Virtual Secretariat") are
not organisations either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Bounded on purpose: a word of at most 40 characters (possessive: never cut), at most 3 joiners in a
# row, at most 16 words. finditer tries a name at every capital letter; unbounded, each try ran to
# the end of a run of capitals or of capitalised words, quadratic in the run (8 s for 10,000
# capitals). No organisation's name is longer; the bounds make each try cost a constant.
_WORD = r"[A-Z\u00c0-\u00de][\w\u2019'\-]{0,39}+"
_JOIN = r"(?:of|the|for|and|on|against|in|de|la|las|el|los|del|y|para|contra|en)"
_NAME = rf"{_WORD}(?:\s+(?:{_JOIN}\s+){{0,3}}{_WORD}){{0,15}}"
#: "Full Name (ACR)" - the acronym is checked against the name's initials.
WITH_ACRONYM = re.compile(rf"(?P<name>{_NAME})\s*\((?P<acr>[A-Z][A-Za-z]{{1,9}})\)")
HEADS = (
    "Council|Commission|Committee|Agency|Foundation|Institute|Organization|Organisation|Office|Fund|Bank|"
    "Alliance|Association|Federation|Centre|Center|Service|Ministry|Bureau|Authority|Directorate|"
    "Consejo|Comisi[oó]n|Comit[eé]|Agencia|Fundaci[oó]n|Instituto|Organizaci[oó]n|Oficina|Fondo|Ministerio|Direcci[oó]n"
)
#: "Capitalised Words + Head [of Capitalised Words]"
WITH_HEAD = re.compile(
    rf"(?P<name>(?:{_WORD}\s+(?:{_JOIN}\s+){{0,3}}){{1,15}}(?:{HEADS})\b(?:\s+(?:of|on|for|de|del|para)\s+(?:the\s+)?{_WORD}(?:\s+(?:and|y)?\s*{_WORD}){{0,15}})?)"
)
# Words that start a sentence or an item, not a name.
_LEADING = re.compile(
    r"^(?:(?:The|To|Thank|Thanks|Take|Took|Also|As|And|A|An|In|On|Regarding|Concerning|This|That|These|Both|"
    r"Each|Member|Countries|Request|Ask|Urge|Invite|Agradecer|Tomar|Solicitar|La|El|Los|Las)\s+)+"
)


@dataclass(frozen=True)
class NameHit:
    """An organisation name found in the text: [start, end), the name and its acronym if given."""

    start: int
    end: int
    name: str
    acronym: str | None = None


def _initials_fit(name: str, acronym: str) -> bool:
    caps = [w[0] for w in name.split() if w[:1].isupper()]
    letters = [c for c in acronym if c.isupper()]
    return len(letters) >= 2 and bool(caps) and caps[0] == letters[0] and len(letters) <= len(caps) + 2


def _trim(text: str, s: int, e: int) -> tuple[int, int] | None:
    m = _LEADING.match(text[s:e])
    if m:
        s += m.end()
    words = text[s:e].split()
    if len(words) < 2:
        return None
    return s, e


def find_unknown_orgs(text: str, known: Iterable[tuple[int, int]], start: int = 0, end: int | None = None) -> list[NameHit]:
    """Organisation names in ``text[start:end]`` that overlap none of the ``known`` spans.

    >>> [h.name for h in find_unknown_orgs("To thank the Norwegian Refugee Council (NRC) for it. NRC will send", [])]
    ['Norwegian Refugee Council', 'Norwegian Refugee Council']
    """
    end = len(text) if end is None else end
    taken = sorted(known)

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    hits: list[NameHit] = []
    acronyms: dict[str, str] = {}
    for m in WITH_ACRONYM.finditer(text, start, end):
        span = _trim(text, m.start("name"), m.end("name"))
        if span is None or not free(span[0], m.end()):
            continue
        name = " ".join(text[span[0] : span[1]].split())
        acr = m.group("acr")
        if not _initials_fit(name, acr):
            continue
        hits.append(NameHit(span[0], span[1], name, acr))
        acronyms.setdefault(acr, name)
    for m in WITH_HEAD.finditer(text, start, end):
        span = _trim(text, m.start("name"), m.end("name"))
        if span is None or not free(*span) or any(h.start < span[1] and span[0] < h.end for h in hits):
            continue
        hits.append(NameHit(span[0], span[1], " ".join(text[span[0] : span[1]].split())))
    for acr, name in acronyms.items():
        for m in re.finditer(rf"(?<![\w(]){re.escape(acr)}(?![\w)])", text[start:end]):
            s, e = start + m.start(), start + m.end()
            if free(s, e) and not any(h.start <= s < h.end for h in hits):
                hits.append(NameHit(s, e, name, acr))
    return sorted(hits, key=lambda h: (h.start, h.end))
