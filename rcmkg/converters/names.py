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
# A word hyphenated at the end of a line goes on in lower case on the next ("Mi-" / "gración").
_WORD = r"[A-Z\u00c0-\u00de][\w\u2019'\-]{0,39}+(?:(?<=-)[ \t]*\n[ \t]*[a-z\u00df-\u00f6\u00f8-\u00ff]{1,39}+)?"
# Between two words of a name: one space, or a line break (a name wrapped onto the next line; see
# `_pieces` for which breaks a name crosses), never a tab or a wider gap: those part the cells of a
# participants table ("Ms. Ana Ruiz    National Institute of Migration"), and a person's name is no
# part of the organisation beside it.
_SP = r"(?:[ \u00a0]|[ \t]*\n[ \t]*)"
_JOIN = r"(?:of|the|for|and|on|against|in|de|la|las|el|los|del|al|y|para|contra|en)"
_NAME = rf"{_WORD}(?:{_SP}(?:{_JOIN}{_SP}){{0,3}}{_WORD}){{0,15}}"
#: "Full Name (ACR)" - the acronym is checked against the name's initials.
WITH_ACRONYM = re.compile(rf"(?P<name>{_NAME})\s*\((?P<acr>[A-Z][A-Za-z]{{1,9}})\)")
EN_HEADS = (
    "Council|Commission|Committee|Agency|Foundation|Institute|Organization|Organisation|Office|Fund|Bank|"
    "Alliance|Association|Federation|Centre|Center|Service|Ministry|Bureau|Authority|Directorate"
)
# Spanish puts the head first ("Instituto Nacional de Migración"): capitalised words before it are
# not the name's but a person's or a country's ("Sr. Wilmer Paz  Instituto ...").
ES_HEADS = "Consejo|Comisi[oó]n|Comit[eé]|Agencia|Fundaci[oó]n|Instituto|Organizaci[oó]n|Oficina|Fondo|Ministerio|Direcci[oó]n"
#: "Capitalised Words + Head [of Capitalised Words]", a Spanish head and the words after it, or an
#: English head first ("Office of Refugee Resettlement", "Directorate General of Migration").
WITH_HEAD = re.compile(
    # (a name starts with a capital: the lookahead fails every other position before any alternative is tried)
    rf"(?=[A-Z\u00c0-\u00de])(?P<name>(?:{_WORD}{_SP}(?:{_JOIN}{_SP}){{0,3}}){{1,15}}(?:{EN_HEADS})\b"
    rf"(?:{_SP}(?:of|on|for|de|del|para){_SP}(?:the{_SP})?{_WORD}(?:{_SP}(?:and{_SP})?{_WORD}){{0,15}})?"
    rf"|(?<![\w\-])(?:{ES_HEADS})\b(?:{_SP}(?:{_JOIN}{_SP}){{0,3}}{_WORD}){{1,15}}"
    rf"|(?<![\w\-])(?:{EN_HEADS})(?:{_SP}General)?{_SP}(?:of|on|for){_SP}(?:the{_SP})?{_WORD}(?:{_SP}(?:(?:{_JOIN}){_SP}){{0,2}}{_WORD}){{0,15}})"
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


_HEAD = re.compile(rf"\b(?:{EN_HEADS}|{ES_HEADS})\b")
# A title before a person's name ends the organisation's name: "Instituto Nacional de Migración Sr. ..."
_HONORIFIC = re.compile(
    r"\b(?:Sr|Sra|Srta|Lic|Licda|Licdo|Lcda|Abog|Abg|Dr|Dra|Ing|Prof|Profa|Mr|Mrs|Ms|Hon|Excmo|Excma|Emb|Embajador|Embajadora)\b\.?"
)
_GAP = re.compile(r"\S(?:\t| {2,})\S")
# A line that fills the text's width (less this margin), without gaps, was wrapped: a name goes on past
# its end. A text whose lines are paragraphs (a tenth of them over 110 characters) was not wrapped.
_WRAP_MARGIN = 25
_UNWRAPPED = 110


def _wrap_width(text: str) -> int | None:
    """The width the text's prose was wrapped at, or None when its lines are whole paragraphs."""
    lengths = sorted(n for n in map(len, text.split("\n")) if n)
    if not lengths or lengths[len(lengths) * 9 // 10] > _UNWRAPPED:
        return None
    return max(55, lengths[len(lengths) * 95 // 100] - _WRAP_MARGIN)


_LABEL = re.compile(r"[^\W\d][\w .()/-]{0,30}:\s")  # a line that starts "Relatoría:" or "CC:" starts afresh
# "y al Ministerio de Trabajo", "and the Office of ...": a conjunction, an article and a head start a
# second name ("de la Niñez y la Adolescencia" goes on)
_SECOND = re.compile(rf"\s(?:y|e|and)\s+(?:al|el|la|los|las|the)\s+(?={_HEAD.pattern})")
_TRAILING_JOIN = re.compile(rf"(?:\s+{_JOIN})+\s*$")


def _label(text: str, s: int, e: int) -> str:
    """The name as one line: a word hyphenated over a line break joined again."""
    return " ".join(re.sub(r"-[ \t]*\n[ \t]*(?=[a-z\u00df-\u00ff])", "", text[s:e]).split())


def _pieces(text: str, s: int, e: int, wrapped: int | None) -> list[tuple[int, int]]:
    """``text[s:e]`` cut where a name cannot go on: at a title, at "y el"/"and the", and at a line
    break unless the line is wrapped prose (long, no gap of columns) or a table row whose cell goes on
    in its own column on the next line, and the next line does not start with a label. Lists of
    participants put an institution and a person on lines of their own.
    """
    cuts: list[tuple[int, int]] = [(m.start(), m.end()) for m in _HONORIFIC.finditer(text, s, e)]
    cuts += [(m.start(), m.end()) for m in _SECOND.finditer(text, s, e)]
    line_start = text.rfind("\n", 0, s) + 1
    gaps = list(_GAP.finditer(text, line_start, s + 1))  # a gap ends on the name's first letter
    # the column the name's cell starts in: after the last gap before it, or the line's indentation
    cell = (gaps[-1].end() - 1 if gaps else line_start + len(text[line_start:s]) - len(text[line_start:s].lstrip())) - line_start
    for m in re.finditer(r"[ \t]*\n[ \t]*", text[s:e]):
        a, b = s + m.start(), s + m.end()
        line, indent = text[text.rfind("\n", 0, a) + 1 : a], b - text.index("\n", a) - 1
        table = _GAP.search(line.lstrip()) is not None
        if _LABEL.match(text, b) is None and (
            (table and indent == cell) or (not table and wrapped is not None and len(line.rstrip()) >= wrapped)
        ):
            continue
        cuts.append((a, b))
    out, at = [], s
    for a, b in sorted(cuts):
        out.append((at, a))
        at = max(at, b)
    out.append((at, e))
    return [(a, b) for a, b in ((a, a + len(text[a:b].rstrip())) for a, b in out) if text[a:b].strip()]


def _trim(text: str, s: int, e: int, wrapped: int | None, acronym: bool = False) -> list[tuple[int, int]]:
    """The names in a match: with an acronym, the last piece (the one the acronym follows); else each
    piece that holds a head ("Ministerio ..." / "Ana Zelaya" / "Instituto ..." are two names)."""
    pieces = _pieces(text, s, e, wrapped)
    out = []
    for s, e in pieces[-1:] if acronym else [p for p in pieces if _HEAD.search(text, *p)]:
        s += len(text[s:e]) - len(text[s:e].lstrip())
        if not acronym and (j := _TRAILING_JOIN.search(text, s, e)):
            e = j.start()
        m = _LEADING.match(text[s:e])
        if m:
            s += m.end()
        if len(text[s:e].split()) >= 2:
            out.append((s, e))
    return out


def find_unknown_orgs(text: str, known: Iterable[tuple[int, int]], start: int = 0, end: int | None = None) -> list[NameHit]:
    """Organisation names in ``text[start:end]`` that overlap none of the ``known`` spans.

    >>> [h.name for h in find_unknown_orgs("To thank the Norwegian Refugee Council (NRC) for it. NRC will send", [])]
    ['Norwegian Refugee Council', 'Norwegian Refugee Council']
    """
    end = len(text) if end is None else end
    taken = sorted(known)
    wrapped = _wrap_width(text) if "\n" in text[start:end] else None

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    hits: list[NameHit] = []
    acronyms: dict[str, str] = {}
    for m in WITH_ACRONYM.finditer(text, start, end):
        spans = _trim(text, m.start("name"), m.end("name"), wrapped, acronym=True)
        if not spans or not free(spans[0][0], m.end()):
            continue
        span = spans[0]
        name = _label(text, *span)
        acr = m.group("acr")
        if not _initials_fit(name, acr):
            continue
        hits.append(NameHit(span[0], span[1], name, acr))
        acronyms.setdefault(acr, name)
    for m in WITH_HEAD.finditer(text, start, end):
        for span in _trim(text, m.start("name"), m.end("name"), wrapped):
            if free(*span) and not any(h.start < span[1] and span[0] < h.end for h in hits):
                hits.append(NameHit(span[0], span[1], _label(text, *span)))
    for acr, name in acronyms.items():
        for m in re.finditer(rf"(?<![\w(]){re.escape(acr)}(?![\w)])", text[start:end]):
            s, e = start + m.start(), start + m.end()
            if free(s, e) and not any(h.start <= s < h.end for h in hits):
                hits.append(NameHit(s, e, name, acr))
    return sorted(hits, key=lambda h: (h.start, h.end))
