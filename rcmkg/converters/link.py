"""Names -> canonical IRIs through the curated registry.

A name the registry knows becomes its registry IRI. A name it does not know gets a deterministic IRI
minted from the name's slug (so the same name always gives the same IRI) and is recorded as
unreconciled: it is described in the report's own graph and listed in the convert summary, never
dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rcmkg.iris import Iris, slugify
from rcmkg.model import Ref, Span
from rcmkg.registry import Entry, Match, Registry

MEMBER_COUNTRIES = "rcm-member-countries"


@dataclass
class Minted:
    """A thing the registry does not know, minted for one report."""

    iri: str
    kind: str
    label: str
    doctype: str | None = None


@dataclass
class Linker:
    """Turns registry matches and free names into :class:`Ref` objects for one report."""

    registry: Registry
    iris: Iris
    minted: dict[str, Minted] = field(default_factory=dict)

    def ref(self, match: Match) -> Ref:
        e = match.entry
        return Ref(e.iri, e.kind, e.label("en"), Span(match.start, match.end))

    def entry_ref(self, entry: Entry, span: Span) -> Ref:
        return Ref(entry.iri, entry.kind, entry.label("en"), span)

    def country(self, code: str, span: Span) -> Ref:
        e = self.registry.country_by_code(code)
        if e is not None:
            return self.entry_ref(e, span)
        return self.mint("country", code, span)

    def collective(self, span: Span, slug: str = MEMBER_COUNTRIES) -> Ref:
        e = self.registry.by_slug("collective", slug)
        if e is not None:
            return self.entry_ref(e, span)
        return self.mint("collective", "RCM Member Countries", span)

    def org_by_name(self, name: str, span: Span) -> Ref:
        """The organisation whose label is (or contains, longest first) ``name``; minted if none."""
        matches = self.registry.find(name, {"org"})
        whole = [m for m in matches if m.end - m.start >= len(name.strip()) - 2]
        if whole:
            return self.entry_ref(whole[0].entry, span)
        if matches:
            best = max(matches, key=lambda m: m.end - m.start)
            if (best.end - best.start) >= 0.6 * len(name.strip()):
                return self.entry_ref(best.entry, span)
        return self.mint("org", name, span)

    def mint(self, kind: str, name: str, span: Span, doctype: str | None = None) -> Ref:
        name = " ".join(name.split())
        slug = slugify(name)

        def place(s: str) -> str:
            return f"{self.iris.id}place/{s}"

        namer: dict[str, Callable[[str], str]] = {
            "org": self.iris.org,
            "doc": self.iris.doc,
            "country": self.iris.country,
            "collective": self.iris.collective,
            "place": place,
        }
        iri = namer[kind](slug if kind != "country" else name.upper())
        existing = self.registry.get(iri)
        if existing is not None:
            return self.entry_ref(existing, span)
        self.minted.setdefault(iri, Minted(iri, kind, name, doctype))
        return Ref(iri, kind, name, span, known=False)

    def unreconciled(self) -> list[str]:
        return sorted(f"{m.kind}: {m.label}" for m in self.minted.values())
