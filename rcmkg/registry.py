"""The curated registry: countries, organisations, collectives, tracked items, documents and places.

The registry is RDF (``data/registry/*.ttl``, shipped in the wheel). It is written under the
default base; :class:`Registry` rebases every IRI to the configured one. Names in report text are
linked by their SKOS labels (pref, alt and hidden, English and Spanish): accent- and
case-insensitive, on word boundaries, longest label first. Acronyms (short all-capital labels) match
case-sensitively, so "TS" never matches "ts".
"""

from __future__ import annotations

import re
from bisect import bisect_left
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
        self._patterns: dict[frozenset[str], tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict[str, list[Entry]]]] = {}
        self._holdings: list[Holding] | None = None
        # find() for the text last asked about: the converter asks the same question of one report's
        # text many times (an item's names for its actors, its documents and its tracks).
        # (text, answers) in one tuple, replaced whole, so threads sharing the registry never mix texts.
        self._memo: tuple[str | None, dict[tuple[frozenset[str], int, int], list[Match]]] = (None, {})

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

    def _compiled(self, kinds: frozenset[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict[str, list[Entry]]]:
        if kinds in self._patterns:
            return self._patterns[kinds]
        folded: dict[str, list[Entry]] = {}
        exact: dict[str, list[Entry]] = {}
        for e in sorted(self.entries.values(), key=lambda e: e.iri):
            if e.kind not in kinds:
                continue
            for label in e.labels:
                label = " ".join(label.split())
                if not label:
                    continue
                if _is_acronym(label):
                    exact.setdefault(label, []).append(e)
                else:
                    folded.setdefault(fold(label), []).append(e)
        table = {**{k: v for k, v in folded.items()}, **{"\0" + k: v for k, v in exact.items()}}
        pat_f = _alternation(folded) if folded else None
        pat_x = _alternation(exact, folded=False) if exact else None
        self._patterns[kinds] = (pat_f, pat_x, table)
        return self._patterns[kinds]

    def prepare(self, kinds: Iterable[str] | None = None) -> None:
        """Compile the matcher for ``kinds`` now (``None``: every kind), e.g. before worker processes
        are forked, so that each of them does not compile it again."""
        self._compiled(frozenset(kinds) if kinds is not None else _ALL_KINDS)

    def find(self, text: str, kinds: Iterable[str] | None = None, start: int = 0, end: int | None = None) -> list[Match]:
        """Every registry label in ``text[start:end]``, longest first, non-overlapping, in text order."""
        kset = frozenset(kinds) if kinds is not None else _ALL_KINDS
        end = len(text) if end is None else end
        memo = self._memo
        if memo[0] is not text:
            memo = self._memo = (text, {})
        key = (kset, start, end)
        found = memo[1].get(key)
        if found is None:
            found = memo[1][key] = self._find(text, kset, start, end)
        return list(found)  # a copy: the caller may change its list

    def _find(self, text: str, kset: frozenset[str], start: int, end: int) -> list[Match]:
        pat_f, pat_x, table = self._compiled(kset)
        segment = text[start:end]
        cands: list[tuple[int, int, list[Entry]]] = []
        if pat_f is not None:
            f = _fold_text(text)[start:end]
            for m in pat_f.finditer(f):
                key = " ".join(m.group(1).split())
                cands.append((m.start(1), m.end(1), table.get(key, [])))
        if pat_x is not None:
            for m in pat_x.finditer(segment):
                key = "\0" + " ".join(m.group(1).split())
                cands.append((m.start(1), m.end(1), table.get(key, [])))
        # Longest wins where two labels overlap; ties go to the earlier one.
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        # Spans taken so far, sorted: they never overlap, so their ends are sorted too, and [s, e)
        # overlaps one of them exactly when it overlaps the last one that starts before e (and when it
        # does not, s goes where e would).
        starts: list[int] = []
        ends: list[int] = []
        out: list[Match] = []
        for s, e, entries in cands:
            if not entries:
                continue
            i = bisect_left(starts, e)
            if i and ends[i - 1] > s:
                continue
            starts.insert(i, s)
            ends.insert(i, e)
            out.append(Match(start + s, start + e, entries[0], segment[s:e]))
        out.sort(key=lambda m: (m.start, m.end))
        return out

    def find_all(self, text: str, kinds: Iterable[str], start: int = 0, end: int | None = None) -> list[Match]:
        """Like :meth:`find`, but a short label inside a longer one of *another* entry counts too
        ("RCM" inside "RCM Technical Secretariat" is a mention of the RCM)."""
        kset = frozenset(kinds)
        pat_f, pat_x, table = self._compiled(kset)
        end = len(text) if end is None else end
        segment = text[start:end]
        out: dict[tuple[int, int, str], Match] = {}
        for m in self.find(text, kset, start, end):
            out[(m.start, m.end, m.entry.iri)] = m
        if pat_x is not None:
            for found in pat_x.finditer(segment):
                for entry in table.get("\0" + " ".join(found.group(1).split()), [])[:1]:
                    key = (start + found.start(1), start + found.end(1), entry.iri)
                    out.setdefault(key, Match(key[0], key[1], entry, found.group(1)))
        return sorted(out.values(), key=lambda m: (m.start, m.end, m.entry.iri))


_ALL_KINDS = frozenset(KINDS.values())


def _is_acronym(label: str) -> bool:
    return len(label) <= 6 and label.replace(".", "").isupper() and " " not in label


#: label tokens -> the rest of the trie ("" marks a label that ends there)
Trie = dict[str, "Trie"]


def _alternation(labels: dict[str, list[Entry]], folded: bool = True) -> re.Pattern[str]:
    """One pattern for all ``labels``: the longest label that matches at a position wins.

    It is the alternation of the labels, longest first, written as a trie ("ab|ac" as "a(?:b|c)"):
    ``re`` tries the alternatives of a group one by one at every position of the text, so a flat
    alternation of a few hundred labels costs a few hundred tests per character, the trie one per
    distinct next character. It matches exactly what the flat alternation matches. Sibling
    branches start with different tokens (a character, or ``\\s+`` between words, which no word
    contains), so at most one of them can match at a point; a label that ends at a node is tried
    after the longer labels that go on from it, as it comes after them in the flat order.
    """
    trie: Trie = {}
    for label in sorted(labels, key=lambda s: (-len(s), s)):
        node = trie
        for i, word in enumerate(label.split()):
            for tok in ([r"\s+"] if i else []) + [re.escape(ch) for ch in word]:
                node = node.setdefault(tok, {})
        node[""] = {}  # the label ends here
    body = _trie_pattern(trie)
    # Word boundaries that also hold next to accented letters (already folded) and digits.
    return re.compile(rf"(?<![\w])({body})(?![\w])" if folded else rf"(?<![\w])({body})(?![\w])")


def _trie_pattern(node: Trie) -> str:
    branches = [tok + _trie_pattern(child) for tok, child in node.items() if tok]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body  # a label ending here comes after the longer ones


@lru_cache(maxsize=4)
def _fold_text(text: str) -> str:
    # One fold per report text: find() is called on many slices of the same text.
    return fold(text)


@lru_cache(maxsize=8)
def _load_cached(base: str, paths: tuple[Path, ...]) -> Registry:
    return Registry._parse(base, paths)
