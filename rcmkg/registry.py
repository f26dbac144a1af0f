"""The curated registry: countries, organisations, collectives, tracked items, documents and places.

The registry is RDF (``data/registry/*.ttl``, shipped in the wheel). It is written under the
default base; :class:`Registry` rebases every IRI to the configured one. Names in report text are
linked by their SKOS labels (pref, alt and hidden, English and Spanish): accent- and
case-insensitive, on word boundaries, longest label first. Acronyms (short all-capital labels) match
case-sensitively, so "TS" never matches "ts".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from rcmkg.iris import Iris
from rcmkg.namespaces import DCT, ORG, OWL, RCM, RDF, SCHEMA, SKOS, TIME
from rcmkg.resources import resource_files
from rcmkg.settings import DEFAULT_BASE
from rcmkg.sparql.terms import term_value
from rcmkg.text import fold  # also what the converters import from here

#: rdf:type -> the kind a linked reference gets
KINDS = {
    RCM + "Country": "country",
    RCM + "Organisation": "org",
    ORG + "Post": "org",  # the Presidency Pro Tempore: named like a body, linked like one (see roles)
    RCM + "CollectiveActor": "collective",
    RCM + "TrackedItem": "track",
    RCM + "Document": "doc",
    SCHEMA + "Place": "place",
}
LABELS = (SKOS + "prefLabel", SKOS + "altLabel", SKOS + "hiddenLabel", SCHEMA + "name")


@dataclass
class Entry:
    """One registry resource."""

    iri: str
    kind: str
    pref: dict[str, str] = field(default_factory=dict)  # lang -> prefLabel
    labels: set[str] = field(default_factory=set)  # every label, any language
    notation: str | None = None
    props: dict[str, list[str]] = field(default_factory=dict)  # predicate -> objects (IRIs or lexical forms)

    def label(self, lang: str = "en") -> str:
        return self.pref.get(lang) or self.pref.get("en") or next(iter(self.pref.values()), self.iri.rsplit("/", 1)[-1])

    @property
    def slug(self) -> str:
        return self.iri.rstrip("/").rsplit("/", 1)[-1]

    def get(self, predicate: str) -> list[str]:
        return self.props.get(predicate, [])


@dataclass(frozen=True)
class Holding:
    """A country's holding of a role in one year, as the registry records it (``rcm:RoleHolding``)."""

    iri: str
    role: str  # the org:role concept
    member: str  # the country's IRI
    year: int
    not_before: str | None = None  # ISO date of the decision that designated the holder


_WORD = re.compile(r"\w+")
# Words a body's name is printed with or without ("el Tráfico", "of the Network"): left out by
# Registry.find_loose on both sides.
_LINKING = frozenset({"el", "la", "los", "las", "de", "del", "y", "e", "a", "al", "para", "en", "the", "of", "and", "for", "on", "to", "in"})


# A word as a scan prints it, with the signs it puts for letters it misread ("Canad~", "Canad&", "Migraci6n").
_OCR_WORD = re.compile(r"(?<![\w~&])[^\W\d_][\w~&]*(?![\w~&])")
# A scanned text's signs: letters read as "~" or digits inside words, "l" for "1" in years ("l998").
# (and a year with a letter for a digit, "2O19"; an "l" for an "I" inside a word in capitals, "MIGRATlON")
_OCR_SIGNS = re.compile(r"[a-záéíóúñ][~&6][a-záéíóúñ]|[a-záéíóú]~(?=[\s,.;:]|$)|\bl9\d\d\b|\b[1-3]O\b"
                        r"|\b(?=[12][0-9Ol]{3}\b)[12][0-9]*[Ol][0-9Ol]*\b|(?-i:\b[A-Z]{3,}l[A-Z]{2,}\b)", re.I)


def ocr_like(text: str) -> bool:
    """Whether ``text`` reads as a scan left uncorrected: three of its signs or more (:data:`_OCR_SIGNS`)."""
    n = 0
    for _ in _OCR_SIGNS.finditer(text):
        n += 1
        if n >= 3:
            return True
    return False


def _ocr_misread(right: str, read: str) -> bool:
    """Whether a scan may have read letter ``right`` as ``read``: a sign or a digit for it, "l" and "i" for each
    other, or its accent lost ("á" read "a" or "i")."""
    if not read.isalpha():
        return True
    if {right, read} <= {"l", "i", "1", "í"} or {right, read} in _LOOK_ALIKE:
        return True
    return right in "áéíóúñ" and read in "aeiouni"


# Letters a scan reads one for the other ("Nicaraqua": the tails and bowls of g/q, c/e, b/h).
_LOOK_ALIKE = ({"g", "q"}, {"c", "e"}, {"b", "h"})


@dataclass(frozen=True)
class Match:
    """A registry label found in a text: [start, end) in the text, and the entry."""

    start: int
    end: int
    entry: Entry
    surface: str


class Registry:
    """Entries by IRI and a label matcher over all of them.

    >>> reg = Registry.load()
    >>> [m.entry.slug for m in reg.find("To thank IOM and the TS", kinds={"org"})]
    ['iom', 'rcm-ts']
    """

    def __init__(self, entries: Iterable[Entry], triples: list[tuple[str, str, str, str | None, str | None]], iris: Iris):
        self.iris = iris
        self.entries: dict[str, Entry] = {e.iri: e for e in entries}
        self.triples = triples  # (s, p, o, lang, datatype) with o an IRI when lang and datatype are None... see load
        self._labels: _Automata | None = None
        self._patterns: dict[frozenset[str], tuple[list[list[Entry]], list[list[Entry]]]] = {}
        self._holdings: list[Holding] | None = None
        self._loose: dict[str, list[tuple[tuple[str, ...], Entry]]] | None = None
        self._ocr: dict[str, list[tuple[str, Entry]]] | None = None
        self._abbreviations: dict[str, Entry] | None = None
        # find() for the text last asked about: the converter asks the same question of one report's
        # text many times (an item's names for its actors, its documents and its tracks).
        # (text, answers, [its occurrences once found]) in one tuple, replaced whole, so threads
        # sharing the registry never mix texts.
        self._memo: tuple[str | None, dict[tuple[frozenset[str], int, int], list[Match]], list[_Occurrences]] = (
            None, {}, [])
        # (the text asked about before the last one)
        self._other_memo: tuple[str | None, dict[tuple[frozenset[str], int, int], list[Match]], list[_Occurrences]] = self._memo

    # ---- loading ------------------------------------------------------------------------------

    @classmethod
    def load(cls, base: str = DEFAULT_BASE, files: Iterable[Path] | None = None) -> Registry:
        """Load the registry Turtle files (default: the shipped ``registry`` resources), rebased to ``base``."""
        paths = tuple(files) if files is not None else tuple(resource_files("registry"))
        return _load_cached(base, paths)

    @staticmethod
    def _parse(base: str, paths: tuple[Path, ...]) -> Registry:
        iris = Iris(base)
        rebase = (lambda v: iris.rebase(v)) if iris.base != DEFAULT_BASE else (lambda v: v)
        types: dict[str, set[str]] = {}
        raw: list[tuple[str, str, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]] = []
        triples: list[tuple[str, str, str, str | None, str | None]] = []
        for path in paths:
            with path.open("rb") as fh:
                for t in ox.parse(fh, format=ox.RdfFormat.TURTLE, base_iri=DEFAULT_BASE + "id/"):
                    if isinstance(t.subject, ox.BlankNode):
                        s = "_:" + t.subject.value
                    else:
                        s = rebase(t.subject.value)
                    p = t.predicate.value
                    o = t.object
                    if isinstance(o, ox.NamedNode):
                        ov, lang, dt = rebase(o.value), None, None
                    elif isinstance(o, ox.BlankNode):
                        ov, lang, dt = "_:" + o.value, None, None
                    else:
                        ov, lang, dt = o.value, o.language, (o.datatype.value if o.datatype else None)
                        if lang is None and dt is None:
                            dt = "http://www.w3.org/2001/XMLSchema#string"
                    triples.append((s, p, ov, lang, dt))
                    if p == RDF + "type":
                        types.setdefault(s, set()).add(ov)
                    raw.append((s, p, o))
        entries: dict[str, Entry] = {}
        for s, ts in types.items():
            kind = next((KINDS[t] for t in sorted(ts) if t in KINDS), None)
            if kind:
                entries[s] = Entry(s, kind)
        for s, p, o in raw:
            e = entries.get(s)
            if e is None:
                continue
            value = term_value(o) if not isinstance(o, ox.NamedNode) else rebase(o.value)
            if p in LABELS and isinstance(o, ox.Literal):
                e.labels.add(o.value)
                if p == SKOS + "prefLabel":
                    e.pref[o.language or "en"] = o.value
                elif p == SCHEMA + "name" and "en" not in e.pref:
                    e.pref.setdefault(o.language or "en", o.value)
            elif p == SKOS + "notation":
                e.notation = term_value(o)
                if e.kind != "country":
                    # ISO codes are not how reports name countries, and "DO", "CA", "US" are words
                    # in capitalised headings; an organisation's acronym is how reports name it.
                    e.labels.add(term_value(o))
            e.props.setdefault(p, []).append(value)
        for e in entries.values():
            if e.kind == "track" and e.notation is None:
                # Tracks are asked for by slug (queries, `rcmkg trace`): the slug is their notation.
                e.notation = e.slug
                triples.append((e.iri, SKOS + "notation", e.slug, None, "http://www.w3.org/2001/XMLSchema#string"))
        return Registry(entries.values(), triples, iris)

    # ---- lookups -------------------------------------------------------------------------------

    def of_kind(self, kind: str) -> list[Entry]:
        return sorted((e for e in self.entries.values() if e.kind == kind), key=lambda e: e.iri)

    def get(self, iri: str) -> Entry | None:
        return self.entries.get(iri)

    def by_slug(self, kind: str, slug: str) -> Entry | None:
        return self.entries.get({"country": self.iris.country, "org": self.iris.org, "collective": self.iris.collective,
                                 "doc": self.iris.doc, "track": self.iris.track}[kind](slug))

    def country_by_code(self, code: str) -> Entry | None:
        return self.entries.get(self.iris.country(code))

    def country_by_abbreviation(self, code: str) -> Entry | None:
        """The country a short code in capitals names: its ISO alpha-2 notation, its alpha-3 code (the
        local name of its EU authority match) or a label in capitals ("RD", "EEUU"). Only for a run of
        such codes ("BZ, CR, SV, ... , RD, EUA y CAN"): alone, "CAN" or "DO" is a word.

        >>> [Registry.load().country_by_abbreviation(c).notation for c in ("BZ", "CAN", "RD", "EUA")]
        ['BZ', 'CA', 'DO', 'US']
        """
        if self._abbreviations is None:
            table: dict[str, Entry] = {}
            for e in self.of_kind("country"):
                codes = [e.notation or ""] + [m.rsplit("/", 1)[-1] for m in e.get(SKOS + "exactMatch")]
                codes += [x.replace(".", "") for x in e.labels if x.replace(".", "").isalpha() and x.replace(".", "").isupper()]
                for c in codes:
                    if 2 <= len(c) <= 4 and c.isupper():
                        table.setdefault(c, e)
            self._abbreviations = table
        return self._abbreviations.get(code)

    def tracks_of(self, entry: Entry) -> list[str]:
        """Tracked items a document (or anything with dct:subject) belongs to."""
        return [t for t in entry.get(DCT + "subject") if t in self.entries and self.entries[t].kind == "track"]

    def parent_orgs(self, entry: Entry) -> list[str]:
        return entry.get(ORG + "subOrganizationOf") + entry.get(ORG + "unitOf")

    def same_as(self, entry: Entry) -> list[str]:
        return entry.get(OWL + "sameAs")

    def holdings(self) -> list[Holding]:
        """Every role holding the registry records (``rcm:RoleHolding``: who held a post's role in which
        year), sorted by role, year and country."""
        if self._holdings is None:
            props: dict[str, dict[str, str]] = {}
            held: list[str] = []
            for s, p, o, _lang, _dt in self.triples:
                props.setdefault(s, {}).setdefault(p, o)  # every property read here has one value
                if p == RDF + "type" and o == RCM + "RoleHolding":
                    held.append(s)
            out = []
            for s in held:
                ps = props[s]
                begin = props.get(props.get(ps.get(ORG + "memberDuring", ""), {}).get(TIME + "hasBeginning", ""), {})
                year = begin.get(TIME + "inXSDgYear")
                if year is None or ORG + "member" not in ps or ORG + "role" not in ps:
                    continue
                out.append(Holding(s, ps[ORG + "role"], ps[ORG + "member"], int(year[:4]), ps.get(RCM + "notBefore")))
            self._holdings = sorted(out, key=lambda h: (h.role, h.year, h.member))
        return self._holdings

    def holders(self, role: str, day: date) -> list[Holding]:
        """The registry's holdings of ``role`` in ``day``'s year that may cover ``day``: not those
        designated after it (``rcm:notBefore``)."""
        iso = day.isoformat()
        return [h for h in self.holdings() if h.role == role and h.year == day.year and (h.not_before or "") <= iso]

    # ---- matching ------------------------------------------------------------------------------

    def _automata(self) -> _Automata:
        """Every label of every kind in two automata (folded labels, acronyms), built once."""
        if self._labels is None:
            folded: dict[str, list[Entry]] = {}
            exact: dict[str, list[Entry]] = {}
            for e in sorted(self.entries.values(), key=lambda e: e.iri):
                for label in e.labels:
                    label = " ".join(label.split())
                    if not label:
                        continue
                    if _is_acronym(label):
                        exact.setdefault(label, []).append(e)
                    else:
                        # fold keeps the length, and a folded label is matched word by word
                        folded.setdefault(" ".join(fold(label).split()), []).append(e)
            self._labels = _Automata(folded, exact)
        return self._labels

    def _compiled(self, kinds: frozenset[str]) -> tuple[list[list[Entry]], list[list[Entry]]]:
        """For each label of the automata, its entries of ``kinds`` (empty: not a label of theirs)."""
        if kinds in self._patterns:
            return self._patterns[kinds]
        ac = self._automata()
        chosen = ([[e for e in es if e.kind in kinds] for es in ac.folded_entries],
                  [[e for e in es if e.kind in kinds] for es in ac.exact_entries])
        self._patterns[kinds] = chosen
        return chosen

    def prepare(self, kinds: Iterable[str] | None = None) -> None:
        """Build the matcher for ``kinds`` now (``None``: every kind), e.g. before worker processes
        are forked, so that each of them does not build it again."""
        self._compiled(frozenset(kinds) if kinds is not None else _ALL_KINDS)

    def find(self, text: str, kinds: Iterable[str] | None = None, start: int = 0, end: int | None = None) -> list[Match]:
        """Every registry label in ``text[start:end]``, longest first, non-overlapping, in text order."""
        kset = frozenset(kinds) if kinds is not None else _ALL_KINDS
        end = len(text) if end is None else end
        memo = self._memo_of(text)
        key = (kset, start, end)
        found = memo[1].get(key)
        if found is None:
            found = memo[1][key] = self._find(text, kset, start, end)
        return list(found)  # a copy: the caller may change its list

    def _memo_of(self, text: str) -> tuple[str | None, dict[tuple[frozenset[str], int, int], list[Match]], list[_Occurrences]]:
        """The memo of ``text``'s matches: kept for the last two texts asked about, as the converter asks
        about a report's text read and, where the parser blanked some of it, the source's, in turn."""
        memo = self._memo
        if memo[0] is text:
            return memo
        other = self._other_memo
        if other[0] is text:
            self._memo, self._other_memo = other, memo
            return other
        self._other_memo, self._memo = memo, (text, {}, [])
        return self._memo

    def _occurrences(self, text: str) -> _Occurrences:
        """Every place a label of any kind occurs in ``text`` (overlapping, word boundaries not yet
        checked), found once per text: the converter asks about many slices of one report."""
        memo = self._memo_of(text)
        if not memo[2]:
            memo[2].append(self._automata().occurrences(text))
        return memo[2][0]

    def _find(self, text: str, kset: frozenset[str], start: int, end: int) -> list[Match]:
        f_sel, x_sel = self._compiled(kset)
        occ = self._occurrences(text)
        cands = [*_scan(occ.folded, occ.folded_starts, f_sel, occ.fold, start, end),
                 *_scan(occ.exact, occ.exact_starts, x_sel, text, start, end)]
        # Longest wins where two labels overlap; ties go to the earlier one.
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        # Spans taken so far, sorted: they never overlap, so their ends are sorted too, and [s, e)
        # overlaps one of them exactly when it overlaps the last one that starts before e (and when it
        # does not, s goes where e would).
        starts: list[int] = []
        ends: list[int] = []
        out: list[Match] = []
        for s, e, entries in cands:
            i = bisect_left(starts, e)
            if i and ends[i - 1] > s:
                continue
            starts.insert(i, s)
            ends.insert(i, e)
            out.append(Match(s, e, entries[0], text[s:e]))
        out.sort(key=lambda m: (m.start, m.end))
        return out

    def find_ocr(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Countries whose one-word names a scan misread by one character ("Canad~", "Canad&", "Guatemaia",
        "Panami"), in ``text[start:end]``: a word as long as a label that differs from it in one place only,
        where the scan put a sign or a digit, took "l" for "i" or the other way, or lost an accent. For a text
        that :func:`ocr_like` says was scanned; :meth:`find` finds the names printed right.

        >>> reg = Registry.load()
        >>> [m.entry.notation for m in reg.find_ocr("Canad~, Guatemaia, Panami y Honduras")]
        ['CA', 'GT', 'PA']
        """
        if self._ocr is None:
            index: dict[str, list[tuple[str, Entry]]] = {}
            for entry in self.entries.values():
                if entry.kind != "country":
                    continue
                for label in {x.lower() for x in entry.labels}:
                    if len(label) >= 6 and label.isalpha():
                        for i in range(len(label)):
                            index.setdefault(label[:i] + "?" + label[i + 1 :], []).append((label, entry))
            self._ocr = index
        out: list[Match] = []
        for m in _OCR_WORD.finditer(text, start, len(text) if end is None else end):
            word = m.group(0).lower()
            if len(word) < 6:
                continue
            if "rn" in word:
                # ("Guaternala": "rn" read for "m"; every label is in the index under its first letter's key)
                fixed = word.replace("rn", "m", 1)
                same = next((e for label, e in self._ocr.get("?" + fixed[1:], ()) if label == fixed), None)
                if same is not None:
                    out.append(Match(m.start(), m.end(), same, m.group(0)))
                    continue
            for i, c in enumerate(word):
                hit = next(((label, entry) for label, entry in self._ocr.get(word[:i] + "?" + word[i + 1 :], ())
                            if label[i] != c and _ocr_misread(label[i], c)), None)
                if hit is not None:
                    out.append(Match(m.start(), m.end(), hit[1], m.group(0)))
                    break
        return out

    def find_loose(self, text: str, kinds: Iterable[str], start: int = 0, end: int | None = None) -> list[Match]:
        """Labels of three or more words found with their articles and linking words left out on both
        sides ("Red de Funcionarios de Enlace para el Combate a la Trata de Personas y Tráfico Ilícito
        de Migrantes" is the registry's "... y el Tráfico ..."), longest first, non-overlapping.

        >>> reg = Registry.load()
        >>> [m.entry.slug for m in reg.find_loose("Reunión de la Red de Funcionarios de Enlace para el Combate a la "
        ...                                       "Trata de Personas y Tráfico Ilícito de Migrantes", {"org"})]
        ['rcm-lon-smtp']
        """
        if self._loose is None:
            index: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
            for e in sorted(self.entries.values(), key=lambda e: e.iri):
                for label in sorted(e.labels):
                    key = tuple(w for w in _WORD.findall(fold(label)) if w not in _LINKING)
                    if len(key) >= 3:
                        index.setdefault(key[0], []).append((key, e))
            self._loose = index
        kset = frozenset(kinds)
        end = len(text) if end is None else end
        found = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(fold(text[start:end]))]
        words = [(w, s + start, x + start) for w, s, x in found if w not in _LINKING]
        cands: list[Match] = []
        for i, (w, s, _) in enumerate(words):
            for key, entry in self._loose.get(w, ()):
                if entry.kind in kset and tuple(x[0] for x in words[i : i + len(key)]) == key:
                    stop = words[i + len(key) - 1][2]
                    cands.append(Match(s, stop, entry, text[s:stop]))
        cands.sort(key=lambda m: (-(m.end - m.start), m.start))
        # longest first, non-overlapping, as in _find: spans kept sorted, one bisection each
        starts: list[int] = []
        ends: list[int] = []
        out: list[Match] = []
        for m in cands:
            i = bisect_left(starts, m.end)
            if i and ends[i - 1] > m.start:
                continue
            starts.insert(i, m.start)
            ends.insert(i, m.end)
            out.append(m)
        return sorted(out, key=lambda m: (m.start, m.end))

    def find_all(self, text: str, kinds: Iterable[str], start: int = 0, end: int | None = None) -> list[Match]:
        """Like :meth:`find`, but a short label inside a longer one of *another* entry counts too
        ("RCM" inside "RCM Technical Secretariat" is a mention of the RCM)."""
        kset = frozenset(kinds)
        _f_sel, x_sel = self._compiled(kset)
        end = len(text) if end is None else end
        out: dict[tuple[int, int, str], Match] = {}
        for m in self.find(text, kset, start, end):
            out[(m.start, m.end, m.entry.iri)] = m
        occ = self._occurrences(text)
        for s, e, entries in _scan(occ.exact, occ.exact_starts, x_sel, text, start, end):
            out.setdefault((s, e, entries[0].iri), Match(s, e, entries[0], text[s:e]))
        return sorted(out.values(), key=lambda m: (m.start, m.end, m.entry.iri))


_ALL_KINDS = frozenset(KINDS.values())


def _is_acronym(label: str) -> bool:
    return len(label) <= 6 and label.replace(".", "").isupper() and " " not in label


#: Every character ``str.split()`` and ``re``'s ``\s`` take for white space, as a space.
#: (``tests/test_registry_matcher.py`` checks the list against every code point.)
_SPACES = {c: " " for c in (0x9, 0xA, 0xB, 0xC, 0xD, 0x1C, 0x1D, 0x1E, 0x1F, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B),
                            0x2028, 0x2029, 0x202F, 0x205F, 0x3000)}
_RUNS = re.compile(" {2,}")
#: A word hyphenated at the end of a line, as text extracted from a PDF has it ("Mi-" / "grantes"):
#: matched as the word it splits. Only before a lower-case letter ("Extra-" / "Regional" stays two).
HYPHEN_BREAK = re.compile(r"-(?<=[^\W\d_]-)[ \t]*\r?\n[ \t\f\r\n]*(?=[a-z\u00df-\u00ff])")  # "-" first: scanned for fast
_WORD_END = re.compile(r"\w*")
_WORD_START = re.compile(r"\w*\Z")


def broken_words(text: str) -> list[tuple[int, int, int, int]]:
    """(word start, break start, break end, word end) of each word hyphenated at a line end."""
    out: list[tuple[int, int, int, int]] = []
    if "-" not in text:
        return out
    for m in HYPHEN_BREAK.finditer(text):
        if out and m.start() < out[-1][3]:
            continue  # (a word broken twice: its first break is joined)
        ws = m.start() - len(_WORD_START.search(text, max(0, m.start() - 60), m.start()).group(0))  # type: ignore[union-attr]
        out.append((ws, m.start(), m.end(), _WORD_END.match(text, m.end()).end()))  # type: ignore[union-attr]
    return out


def joined_words(text: str) -> str:
    r"""``text`` with each word hyphenated at a line end whole, of the same length and lines.

    The break's characters go after the word, its hyphen a space: rules that read words ("Solici-" /
    "tar a la ST" is a request) find them at the offsets of the text as written.

    >>> joined_words("Solici-\ntar a la ST")
    'Solicitar \n a la ST'
    """
    breaks = broken_words(text)
    if not breaks:
        return text
    pieces: list[str] = []
    pos = 0
    for _, bs, be, we in breaks:
        pieces += (text[pos:bs], text[be:we], " ", text[bs + 1 : be])
        pos = we
    pieces.append(text[pos:])
    return "".join(pieces)


#: (start, end, label number) in a text, sorted by start, the longer first at one start.
Occurrence = tuple[int, int, int]


@dataclass
class _Occurrences:
    fold: str  # the folded text the folded labels were found in (same length as the text)
    folded: list[Occurrence]
    folded_starts: list[int]
    exact: list[Occurrence]
    exact_starts: list[int]


class _Automata:
    r"""The registry's labels as Aho-Corasick automata (the Rust ``aho-corasick`` crate).

    A label matches where a regular expression ``(?<!\w)(label|label|...)(?!\w)`` over the text
    would, longest label first, with any run of white space between its words (``\s+``); what
    ``re.finditer`` of that expression finds, :func:`_scan` finds, and
    ``tests/test_registry_matcher.py`` checks that on random texts. The automata find every
    occurrence of every label of every kind in one pass over a text; the word boundaries, the kinds
    asked for and the slice asked about are then checked in Python over the few occurrences there
    are. Matching each kind set with its own compiled expression cost a pass over every slice asked
    about: 13 % of a report's conversion.
    """

    def __init__(self, folded: dict[str, list[Entry]], exact: dict[str, list[Entry]]) -> None:
        import ahocorasick_rs

        self.folded_labels = sorted(folded)
        self.folded_entries = [folded[k] for k in self.folded_labels]
        self.exact_labels = sorted(exact)
        self.exact_entries = [exact[k] for k in self.exact_labels]
        self._folded = ahocorasick_rs.AhoCorasick(self.folded_labels) if self.folded_labels else None
        self._exact = ahocorasick_rs.AhoCorasick(self.exact_labels) if self.exact_labels else None

    def occurrences(self, text: str) -> _Occurrences:
        folded = _fold_text(text)
        f_occ: list[Occurrence] = []
        if self._folded is not None:
            spaced = folded.translate(_SPACES)
            breaks = [(m.start(), m.end(), "") for m in HYPHEN_BREAK.finditer(text)]
            runs = [(m.start(), m.end(), " ") for m in _RUNS.finditer(spaced)]
            if breaks:  # a run inside a line-end hyphenation is part of it
                runs = sorted([*breaks, *(r for r in runs if not any(b[0] <= r[0] < b[1] for b in breaks))])
            if not runs:
                f_occ = [(s, e, k) for k, s, e in self._folded.find_matches_as_indexes(spaced, overlapping=True)]
            else:
                # A label's words match across any run of white space, and across a line-end
                # hyphenation: find them in the text with each run made one space and each such
                # hyphenation nothing, and map the positions back.
                pieces: list[str] = []
                at = [0]  # where, in the squeezed text, each shift starts
                shift = [0]
                pos = 0
                for rs, re_, rep in runs:
                    pieces += (spaced[pos:rs], rep)
                    pos = re_
                    at.append(rs - shift[-1] + len(rep))
                    shift.append(shift[-1] + (re_ - rs - len(rep)))
                pieces.append(spaced[pos:])
                squeezed = "".join(pieces)
                for k, s, e in self._folded.find_matches_as_indexes(squeezed, overlapping=True):
                    last = e - 1
                    f_occ.append((s + shift[bisect_right(at, s) - 1], last + shift[bisect_right(at, last) - 1] + 1, k))
            f_occ.sort(key=_by_start_longest)
        x_occ: list[Occurrence] = []
        if self._exact is not None:
            x_occ = [(s, e, k) for k, s, e in self._exact.find_matches_as_indexes(text, overlapping=True)]
            x_occ.sort(key=_by_start_longest)
        return _Occurrences(folded, f_occ, [o[0] for o in f_occ], x_occ, [o[0] for o in x_occ])


def _by_start_longest(o: Occurrence) -> tuple[int, int]:
    return (o[0], -o[1])


def _scan(occ: list[Occurrence], starts: list[int], chosen: list[list[Entry]], text: str, start: int,
          end: int) -> list[tuple[int, int, list[Entry]]]:
    """What ``re.finditer`` of the labels ``chosen`` gives over ``text[start:end]``, from the occurrences
    of every label: left to right, at each place the longest label that sits on word boundaries (the
    slice's ends count as boundaries), then on from its end."""
    out: list[tuple[int, int, list[Entry]]] = []
    pos = start
    for i in range(bisect_left(starts, start), len(occ)):
        s, e, k = occ[i]
        if s >= end:
            break
        if s < pos or e > end:
            continue
        entries = chosen[k]
        if not entries:
            continue
        if s > start and _word(text[s - 1]):
            continue
        if e < end and _word(text[e]):
            continue
        out.append((s, e, entries))
        pos = e
    return out


def _word(ch: str) -> bool:
    r"""``re``'s ``\w`` for one character of a ``str``."""
    return ch.isalnum() or ch == "_"


@lru_cache(maxsize=4)
def _fold_text(text: str) -> str:
    # One fold per report text: find() is called on many slices of the same text.
    return fold(text)


@lru_cache(maxsize=8)
def _load_cached(base: str, paths: tuple[Path, ...]) -> Registry:
    return Registry._parse(base, paths)
