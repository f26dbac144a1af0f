"""Text -> report structure: header facts (body, place, dates, attendance) and the numbered items.

Reports come out of Word with their artefacts: lost list numbering, page headers repeated in the
middle of a list, ``[bookmark: _GoBack]`` markers, hard-wrapped lines, a dateline after the items
and slides annexed to an excerpt. The rules here are about the genre, not about one sample:

* paragraphs are blank-line separated blocks; inside a block a line that starts with a list marker
  starts a new paragraph, any other line continues the previous one unless that one ended a sentence;
* a short block that occurs twice or more (a running page header) is dropped;
* items run from the first marked paragraph to the first dateline or "Annex" heading after it;
* a lead-in paragraph ending in ":" right before a sub-level list is an item too (an excerpt's);
* levels come from the order in which marker styles first appear (as outline tools do); when a
  decimal sequence repeats its first value ("1. 1. 1. 2. 2. 1."), Word's numbering was lost: the
  repeated value marks top-level items and the other values their sub-items.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rcmkg.converters.dates import FoundDate, find_dates
from rcmkg.errors import InputError
from rcmkg.model import DateRange, Item, Located, ParsedReport, Place, SourceText, Span
from rcmkg.registry import Registry, fold

ARTEFACT = re.compile(r"\[bookmark:[^\]]*\]")
_LEAD = r"(?:[-\u2013\u2022\u00b7*\u25aa\u25cf\u2023\u2043]\s*)?"
MARKER = re.compile(
    rf"^(?P<all>{_LEAD}(?P<label>\d{{1,2}}(?:\.\d{{1,2}})*[.)]|\(\d{{1,2}}\)|(?:ii|iii|iv|vi|vii|viii|ix|xi|xii|II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV)[.)]|[a-zA-Z][.)]|\([a-zA-Z]\)))\s+"
)
BULLET = re.compile(r"^(?P<all>[\u2022\u00b7*\u25aa\u25cf\u2023\u2043\uf0b7\u2013-])\s+")
ELLIPSIS = re.compile(r"(?:\u2026|\.\.\.)\s*\.?\s*")  # no "^": used with match() at an offset
SENTENCE_END = re.compile(r"[.:;!?][\"'\u201d\u2019)]*\s*$")
# Only the first verb is tried (atomic group): if "report" does not follow it, it follows no later
# verb either, and retrying ".*" from each verb made a long paragraph quadratic.
PREAMBLE = re.compile(
    r"^(?>.*?\b(submits?|submitted|presents?)\b).*\breport\b|\breport includes\b|\bfollowing (items|agreements)\b|\bas follows\b",
    re.I,
)
OPENING = re.compile(r"\b(held|holds|met|convened|celebr[oó])\b.{0,80}?\b(meeting|session|reuni[oó]n)\b|\bmet in\b", re.I)
# An annex heading, or a bare "Notes" line (the .docx reader puts footnotes under one).
ANNEX = re.compile(r"^\s*(?:annex|anexo|appendix|attachment)\b|^\s*(?:notes?|notas?|footnotes?)\s*:?\s*$", re.I)
TITLE = re.compile(r"\b(report|conclusions|minutes|informe|acta|relator[ií]a)\b.{0,40}\b(meeting|reuni[oó]n|session)\b", re.I)
STATUS = re.compile(r"^\s*(final version|draft|versi[oó]n final|borrador|final draft)\s*$", re.I)


@dataclass
class Para:
    start: int
    end: int
    lines: list[tuple[int, int]] = field(default_factory=list)
    text: str = ""  # whitespace-collapsed, artefacts removed

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, newline excluded; handles \\n, \\r\\n and \\r."""
    out = []
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        if m.start() == len(text) and m.group(0) == "":
            break
        line = m.group(0).rstrip("\r\n")
        out.append((m.start(), m.start() + len(line)))
    return out


def clean(text: str) -> str:
    """Artefacts out, whitespace collapsed: the text a reader sees."""
    return " ".join(ARTEFACT.sub("", text).split())


def _strip_start(text: str, s: int, e: int) -> int:
    """Skip leading whitespace and Word artefacts."""
    while s < e:
        m = ARTEFACT.match(text, s)
        if m:
            s = m.end()
        elif text[s].isspace() or text[s] in "\ufeff\u200b":
            s += 1
        else:
            break
    return s


def _rstrip_end(text: str, s: int, e: int) -> int:
    while e > s and (text[e - 1].isspace() or text[e - 1] in "\u00a0\u200b"):
        e -= 1
    return e


def paragraphs(text: str) -> list[Para]:
    paras: list[Para] = []
    cur: Para | None = None
    for s, e in _lines(text):
        s2, e2 = _strip_start(text, s, e), _rstrip_end(text, s, e)
        if s2 >= e2:
            cur = None
            continue
        body = text[s2:e2]
        starts_item = bool(MARKER.match(body) or BULLET.match(body))
        if cur is not None and not starts_item:
            prev = text[cur.lines[-1][0] : cur.lines[-1][1]]
            # A Word paragraph is one line; a hard-wrapped one continues until a sentence ends.
            if not SENTENCE_END.search(prev) and not _is_heading_pair(prev, body):
                cur.lines.append((s2, e2))
                cur.end = e2
                continue
        cur = Para(s2, e2, [(s2, e2)])
        paras.append(cur)
    for p in paras:
        p.text = clean(" ".join(text[a:b] for a, b in p.lines))
    return paras


def _is_heading_pair(prev: str, line: str) -> bool:
    """Two stacked heading lines ("San José, Costa Rica" / "November 18th, 2013") stay apart."""
    # the cheap length test first: most lines are long
    return any(len(x) < 40 and find_dates(x) for x in (line, prev))


# ---- header facts ---------------------------------------------------------------------------------


def _dateline(p: Para, text: str) -> FoundDate | None:
    """A paragraph that is only a date (possibly after a place): the report's dateline."""
    dates = find_dates(text[p.start : p.end])
    if len(dates) != 1:
        return None
    d = dates[0]
    rest = clean(text[p.start : p.start + d.begin] + " " + text[p.start + d.finish : p.end])
    if len(rest) > 60 or re.search(r"\b(held|meeting|thank|will|shall|by|within)\b", rest, re.I):
        return None
    return FoundDate(d.start, d.end, p.start + d.begin, p.start + d.finish, d.text)


# "City[, Region]" at the end of a string. Words are possessive: a run of capitals can be cut into
# capitalised words in 2^n ways, and a failed match tried them all (46 s for 19 capitals). A place
# name is never longer than _PLACE_WINDOW characters, so the search starts no further back than
# that from the comma: the cost of one search is bounded, whatever the paragraph.
_PLACE_NAME = re.compile(
    r"((?:[A-ZÁÉÍÓÚÑ][\w\u00C0-\u017F'.-]*+(?:\s+(?:de|del|la|el|of)\s+|\s+)?)+)"
    r"(?:,\s*((?:[A-ZÁÉÍÓÚÑ][\w\u00C0-\u017F'.-]*+\s*)+))?$"
)
_PLACE_WINDOW = 160


def _place_in(text: str, s: int, e: int, registry: Registry) -> Place | None:
    """"City, [Region,] Country" ending at a registry country, inside text[s:e]."""
    countries = [m for m in registry.find(text, {"country", "place"}, s, e) if m.entry.kind == "country"]
    for m in countries:
        before = text[s : m.start]
        comma = before.rstrip()
        if not comma.endswith(","):
            continue
        head = comma[:-1]
        # The place name: capitalised words just before the comma, back to a stop word or punctuation.
        mm = _PLACE_NAME.search(head, max(0, len(head) - _PLACE_WINDOW))
        if not mm:
            continue
        city = mm.group(1).strip()
        region = mm.group(2).strip() if mm.group(2) else None
        city_start = s + mm.start(1)
        if region and city.count(",") == 0 and "," in head[mm.start(1) :]:
            pass
        city = re.sub(r"^(?:in|en|at|the)\s+", "", city, flags=re.I).strip()
        city_start = s + head.index(city, mm.start(1)) if city in head[mm.start(1) :] else city_start
        if not city or city.lower() in {"the", "in"}:
            continue
        if registry.find(city, {"country"}) and not registry.find(city, {"place"}):
            # "Panama, Panama" style lines name the country twice; the city is the capital then.
            pass
        return Place(city=city, country=m.entry.notation, region=region, span=Span(city_start, m.end))
    return None


def _country_before(text: str, p: Para, registry: Registry) -> Place | None:
    return _place_in(text, p.start, p.end, registry)


@dataclass
class _Header:
    title: Located | None = None
    body: Located | None = None
    status: Located | None = None
    date: DateRange | None = None
    place: Place | None = None
    other_places: list[Place] = field(default_factory=list)
    participants: list[Located] = field(default_factory=list)
    participants_span: Span | None = None
    kind: Located | None = None
    reports_to: Located | None = None
    prior_to: Located | None = None


def _loc(text: str, s: int, e: int) -> Located:
    return Located(clean(text[s:e]), Span(s, e))


def _parse_header(text: str, paras: list[Para], first_item: int, annex: int, registry: Registry) -> _Header:
    h = _Header()
    head = paras[:first_item]
    # Title: the first paragraph that names a report of a meeting; body as printed inside it.
    for p in head:
        if TITLE.search(p.text):
            h.title = _loc(text, p.start, p.end)
            m = re.search(r"\b(?:meeting|reuni[oó]n|session)\s+(?:of|de)\s+(?:the\s+|la\s+|el\s+)?(.+)$", text[p.start : p.end], re.I | re.S)
            if m:
                h.body = _loc(text, p.start + m.start(1), p.end)
            break
    for p in head[:3]:
        if STATUS.match(p.text):
            h.status = _loc(text, p.start, p.end)
    opening = next((p for p in paras[:annex] if OPENING.search(p.text) and not MARKER.match(p.text)), None)
    if opening is not None:
        seg = text[opening.start : opening.end]
        # The name starts and ends on a non-space (possessive "\s*+", lookbehind), so each run of
        # spaces is tried once, not once per space; it is shorter than 200 characters (checked below).
        m = re.match(r"\s*+(?:the\s++|la\s++|el\s++)?(.{1,199}?)(?<=\S)\s+(?:held|holds|met|convened|celebr[oó])\b", seg, re.I | re.S)
        if m and len(m.group(1)) < 200:
            h.body = _loc(text, opening.start + m.start(1), opening.start + m.end(1))
        k = re.search(r"\b(?:held|holds|celebr[oó])\s+(?:its|a|the|su)\s+(\w+)\s+(?:meeting|session|reuni[oó]n)", seg, re.I)
        if k and k.group(1).lower() not in {"first", "second", "third", "next"}:
            h.kind = Located(k.group(1).lower(), Span(opening.start + k.start(1), opening.start + k.end(1)))
        pm = re.search(r"\bprior to (?:the )?(?:meeting|session) of (?:the )?(.+?)(?:,|\.|\s+with\b|$)", seg, re.I | re.S)
        if pm:
            h.prior_to = _loc(text, opening.start + pm.start(1), opening.start + pm.end(1))
        part = re.search(r"\b(participation|representatives|attended|attendance|delegations|presence|participaci[oó]n)\b", seg, re.I)
        if part:
            ps = opening.start + part.start()
            h.participants_span = Span(ps, opening.end)
            for cm in registry.find(text, {"country"}, ps, opening.end):
                if all(x.value != cm.entry.notation for x in h.participants):
                    h.participants.append(Located(cm.entry.notation or cm.entry.iri, Span(cm.start, cm.end)))
        # Place in the opening sentence: "in San Salvador, El Salvador".
        for im in re.finditer(r"\b(?:in|en)\s+(?=[A-ZÁÉÍÓÚÑ])", seg):
            pl = _place_in(text, opening.start + im.end(), min(opening.end, opening.start + im.end() + 80), registry)
            if pl and pl.span.start == opening.start + im.end():
                h.other_places.append(pl)
                break
        dates = find_dates(seg)
        if dates and h.date is None:
            d = dates[0]
            sentence_date = DateRange(d.start, d.end, d.text, Span(opening.start + d.begin, opening.start + d.finish))
        else:
            sentence_date = None
    else:
        sentence_date = None
    for p in paras[:annex]:
        rm = re.search(r"\bsubmits?\s+(?:its|the|this|their)?\s*(?:following\s+)?report\s+to\s+(?:the\s+)?(.+?)(?:\s+for\b|,|\.|:|$)", text[p.start : p.end], re.I | re.S)
        if rm:
            h.reports_to = _loc(text, p.start + rm.start(1), p.start + rm.end(1))
            break
    # Dateline: in the header first; an excerpt may carry it after its items (before the annex).
    candidates = [p for p in head] + [p for p in paras[annex : annex + 2]]
    for p in candidates:
        d = _dateline(p, text)
        if d is None:
            continue
        h.date = DateRange(d.start, d.end, d.text, Span(d.begin, d.finish))
        # The venue sits on the same line before the date or on the line/paragraph just before it.
        place = _place_in(text, p.start, d.begin, registry)
        if place is None:
            idx = paras.index(p)
            for q in paras[max(0, idx - 2) : idx][::-1]:
                place = _country_before(text, q, registry)
                if place:
                    break
        if place:
            h.place = place
        break
    if h.date is None and sentence_date is not None:
        h.date = sentence_date
    if h.date is None:
        for p in head:
            ds = find_dates(text[p.start : p.end])
            if ds:
                d = ds[0]
                h.date = DateRange(d.start, d.end, d.text, Span(p.start + d.begin, p.start + d.finish))
                break
    if h.place is None and h.other_places:
        h.place = h.other_places.pop(0)
    elif h.place is not None:
        h.other_places = [o for o in h.other_places if fold(o.city) != fold(h.place.city)]
    return h


# ---- items ----------------------------------------------------------------------------------------


def _marker(text: str, p: Para) -> tuple[str, str, int] | None:
    """(style, label, offset just after the marker) of a paragraph that starts an item."""
    seg = text[p.start : p.end]
    m = MARKER.match(seg)
    if m:
        label = m.group("label")
        core = label.strip("().")
        if core.isdigit() or re.fullmatch(r"\d+(\.\d+)*\)?", label.rstrip(".")):
            style = "dec" if label.endswith(".") else "decp"
            if "." in label.rstrip("."):
                style = "decdec"
        elif re.fullmatch(r"(ii|iii|iv|vi|vii|viii|ix|xi|xii)", core):
            style = "roman"
        elif re.fullmatch(r"(II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV)", core):
            style = "uroman"
        elif core.isupper():
            style = "upper"
        else:
            style = "letter" if label.endswith(".") else "letterp"
        return style, m.group("all").strip(), p.start + m.end()
    m = BULLET.match(seg)
    if m:
        return "bullet", m.group("all"), p.start + m.end()
    return None


def _value(label: str) -> int | None:
    m = re.search(r"(\d+)", label)
    return int(m.group(1)) if m else None


def _letters(n: int) -> str:
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s


def _roman_letters(entries: list[tuple[Para, str | None, str | None, int]]) -> None:
    """"I." before "II." is a Roman numeral, not the letter I (unless it follows "H.").

    Single-letter numerals (i, v, x) are read as letters by the marker; where the report also
    uses longer numerals of the same case, they join that Roman list.
    """
    styles = {st for _, st, _, _ in entries}
    prev_letter: dict[bool, str] = {}
    for n, (p, st, label, start) in enumerate(entries):
        core = re.sub(r"[^a-zA-Z]", "", label or "")
        if st in ("upper", "letter", "letterp") and len(core) == 1:
            upper = core.isupper()
            roman = "uroman" if upper else "roman"
            follows = prev_letter.get(upper, "")
            if roman in styles and core.lower() in "ivx" and follows != chr(ord(core.lower()) - 1):
                entries[n] = (p, roman, label, start)
            prev_letter[upper] = core.lower()


def _build_items(text: str, paras: list[Para], first: int, annex: int, lead_in: Para | None, labels: dict[int, str]) -> list[Item]:
    entries: list[tuple[Para, str | None, str | None, int]] = []  # para, style, label, text start
    if lead_in is not None:
        s = lead_in.start
        em = ELLIPSIS.match(text, s)
        entries.append((lead_in, "lead", None, em.end() if em else s))
    grown: dict[int, Para] = {}  # items continued by unmarked paragraphs, by id
    for p in paras[first:annex]:
        mk = _marker(text, p)
        if mk is None:
            if entries:
                # A paragraph without a marker continues the item before it.
                # Its text is set once the item is complete: redone at each line, it was quadratic.
                prev = entries[-1][0]
                if id(prev) in grown:  # a copy of ours already: extend it in place
                    prev.lines.extend(p.lines)
                    prev.end = p.end
                else:
                    prev = Para(prev.start, p.end, prev.lines + p.lines)
                    grown[id(prev)] = prev
                entries[-1] = (prev, entries[-1][1], entries[-1][2], entries[-1][3])
            continue
        style, label, after = mk
        if p.start in labels:  # Word's own numbering, from a .docx reader
            label = labels[p.start]
        entries.append((p, style, label, _strip_start(text, after, p.end)))
    for merged in grown.values():
        merged.text = clean(" ".join(text[a:b] for a, b in merged.lines))
    if not entries:
        return []
    _roman_letters(entries)
    # Levels: a lead-in is level 0; otherwise outline order of first appearance of each style.
    decs = [_value(lbl or "") for _, st, lbl, _ in entries if st in ("dec", "decp")]
    counts = Counter(v for v in decs if v is not None)
    broken = False
    top_value = None
    if decs and counts:
        top_value, top_count = counts.most_common(1)[0]
        increasing = all(b is not None and a is not None and b > a for a, b in zip(decs, decs[1:], strict=False))
        broken = not increasing and top_count >= 3 and top_value == decs[0]
    levels: list[int] = []
    stack: list[str] = []
    for _, style, label, _ in entries:
        key = style or "lead"
        if key == "lead":
            stack = ["lead"]
            levels.append(0)
            continue
        if broken and key in ("dec", "decp"):
            key = "dec-top" if _value(label or "") == top_value else "dec-sub"
        if key in stack:
            stack = stack[: stack.index(key) + 1]
        else:
            if key == "dec-top" or (not stack and key != "lead"):
                stack = [key]
            else:
                stack.append(key)
        levels.append(len(stack) - 1)
    items: list[Item] = []
    parents: list[int] = []  # position of the open parent at each level
    counters: list[int] = [0]
    for pos, ((p, style, label, tstart), level) in enumerate(zip(entries, levels, strict=True), start=1):
        while len(parents) > level:
            parents.pop()
        while len(counters) <= level:
            counters.append(0)
        counters[level] += 1
        del counters[level + 1 :]
        parent = parents[-1] if parents else None
        if level == 0:
            v = _value(label or "") if style in ("dec", "decp", "decdec") and not broken else None
            if v is not None:
                counters[0] = v
            number = str(counters[0])
        else:
            parent_item = items[parent - 1] if parent else None
            if style in ("letter", "letterp", "upper") and not broken:  # Roman sub-items get letters
                own = re.sub(r"[^a-zA-Z]", "", label or "").lower() or _letters(counters[level] - 1)
            elif style in ("dec", "decp") and not broken and level >= 2:
                own = str(_value(label or "") or counters[level])
            else:
                own = _letters(counters[level] - 1)
            number = f"{parent_item.number}.{own}" if parent_item else own
        end = _rstrip_end(text, tstart, p.end)
        item_text = clean(text[tstart:end])
        if lead := ELLIPSIS.match(item_text):
            item_text = item_text[lead.end() :]
        marker_span = Span(p.start, tstart) if label else None
        items.append(Item(pos, label, number, parent, Span(tstart, end), item_text, marker_span))
        parents.append(pos)
    return items


# ---- the whole report -----------------------------------------------------------------------------


STOPWORDS = {
    "en": {"the", "of", "and", "to", "in", "for", "on", "with", "by", "from", "that", "will", "this", "is", "be", "as", "at"},
    "es": {"el", "la", "de", "los", "las", "y", "en", "del", "para", "con", "por", "que", "se", "una", "al", "su"},
    "fr": {"le", "les", "des", "et", "du", "pour", "avec", "sur", "une", "dans", "est", "aux", "au"},
    "pt": {"os", "do", "da", "dos", "das", "em", "com", "uma", "ao", "não", "pelo", "pela"},
}
SUPPORTED_LANGUAGES = ("en", "es")
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese"}


def detect_language(text: str) -> str | None:
    """The report's language by stopword counts: "en", "es", "fr", "pt", or None if unclear.

    >>> detect_language("La Red celebró su reunión ordinaria en San Salvador, con la participación de los países")
    'es'
    """
    words = re.findall(r"[a-záéíóúñçãõ]+", text[:20000].lower())
    counts = {lang: sum(w in sw for w in words) for lang, sw in STOPWORDS.items()}
    best = max(counts, key=lambda k: (counts[k], k == "en"))
    return best if counts[best] >= 5 else None


def parse(source: SourceText, registry: Registry) -> ParsedReport:
    """Recover the report's structure from its text.

    Raises :class:`InputError` when the text has no recognisable meeting date.
    """
    text = source.text
    path = source.file.path or source.file.name
    paras = paragraphs(text)
    if not paras:
        raise InputError(path, "no text")
    language = detect_language(text)
    if language is not None and language not in SUPPORTED_LANGUAGES:
        raise InputError(path, f"unsupported language ({LANGUAGE_NAMES[language]}; rcmkg reads English and Spanish reports)")
    # Running page headers: short paragraphs that occur more than once.
    seen = Counter(p.text.lower() for p in paras if len(p.text) < 120 and not _marker(text, p))
    repeated = {t for t, n in seen.items() if n >= 2 and not re.search(r"\d{4}", t)}
    paras = [p for p in paras if p.text.lower() not in repeated or p is paras[0]]
    body_paras = paras
    first = next((i for i, p in enumerate(body_paras) if _marker(text, p)), None)
    if first is None:
        first = len(body_paras)
    # The items end at the first dateline or annex heading after them.
    annex = len(body_paras)
    for i in range(first + 1, len(body_paras)):
        p = body_paras[i]
        if _dateline(p, text) or ANNEX.match(p.text) or _place_only(p, text, registry):
            annex = i
            break
    lead_in = None
    if 0 < first < len(body_paras):
        prev = body_paras[first - 1]
        mk = _marker(text, body_paras[first])
        if prev.text.rstrip().endswith(":") and mk and mk[0] in ("bullet", "letter", "letterp") and not PREAMBLE.search(prev.text) and not OPENING.search(prev.text):
            lead_in = prev
    header_end = first - 1 if lead_in is not None else first
    h = _parse_header(text, body_paras, header_end, annex, registry)
    if h.date is None:
        raise InputError(path, "no recognisable meeting date")
    items = _build_items(text, body_paras, first, annex, lead_in, source.labels)
    # A dateline that closes the items belongs to the report, not to the annex.
    rest = annex
    while rest < len(body_paras) and rest < annex + 2 and (
        _dateline(body_paras[rest], text) or _place_only(body_paras[rest], text, registry)
    ):
        rest += 1
    annex_span = Span(body_paras[rest].start, body_paras[-1].end) if rest < len(body_paras) else None
    warnings: list[str] = []
    if not items:
        warnings.append("no numbered items found")
    return ParsedReport(
        source=source,
        body=h.body,
        title=h.title,
        date=h.date,
        place=h.place,
        other_places=tuple(h.other_places),
        participants=tuple(h.participants),
        participants_span=h.participants_span,
        meeting_kind=h.kind,
        reports_to=h.reports_to,
        held_prior_to=h.prior_to,
        items=tuple(items),
        annex=annex_span,
        status=h.status,
        warnings=tuple(warnings),
        language=language or "en",
    )


def _place_only(p: Para, text: str, registry: Registry) -> bool:
    """A short "City, Country" line (a dateline split over two lines)."""
    if len(p.text) > 50 or SENTENCE_END.search(p.text):
        return False
    place = _place_in(text, p.start, p.end, registry)
    return place is not None and clean(text[place.span.end : p.end]) == ""
