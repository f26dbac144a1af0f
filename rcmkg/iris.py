"""Deterministic, human-readable IRIs built from natural keys under one configurable base.

Rules: lowercase ASCII slugs, ISO dates, ISO 3166 alpha-2 codes, reading-order positions; content
hashes only for files. No timestamps, no counters that shift when a report changes elsewhere.
"""

from __future__ import annotations

import re
import unicodedata

from rcmkg.settings import DEFAULT_BASE


def slugify(text: str, max_len: int = 60) -> str:
    """``"Antiguo Cuscatlán"`` -> ``"antiguo-cuscatlan"``. Stable: same text, same slug."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > max_len:
        text = text[:max_len].rsplit("-", 1)[0] or text[:max_len]
        # (nor a connective left at the cut: "...-climate-change", not "...-climate-change-and")
        text = _DANGLING.sub("", text) or text
    return text or "x"


_DANGLING = re.compile(r"(?:-(?:and|or|of|on|the|for|to|in|y|e|o|de|del|la|las|los|el|en|sobre|para|contra|al))+$")


class Iris:
    """IRI factory for one base. ``Iris("https://example.org/kg/").meeting("rcm-lon-smtp", "2017-11-27")``."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.id = self.base + "id/"

    # registry things
    def country(self, iso2: str) -> str:
        return f"{self.id}country/{iso2.upper()}"

    def org(self, slug: str) -> str:
        return f"{self.id}org/{slug}"

    def collective(self, slug: str) -> str:
        return f"{self.id}collective/{slug}"

    def doc(self, slug: str) -> str:
        return f"{self.id}doc/{slug}"

    def track(self, slug: str) -> str:
        return f"{self.id}track/{slug}"

    def scheme(self, slug: str) -> str:
        return f"{self.id}scheme/{slug}"

    def holding(self, post: str, country_iso2: str, year: int) -> str:
        """A country's holding of a post's role in one year (the Presidency Pro Tempore): the registry's
        and the converter's IRI for the same holding, from post slug, ISO alpha-2 and year."""
        return f"{self.id}membership/{post}/{country_iso2.upper()}/{year:04d}"

    def place(self, country_iso2: str, city: str) -> str:
        return f"{self.id}place/{country_iso2.lower()}/{slugify(city)}"

    # per report things
    def meeting(self, body: str, date: str) -> str:
        return f"{self.id}meeting/{body}/{date}"

    def report(self, body: str, date: str) -> str:
        return f"{self.id}report/{body}/{date}"

    def graph(self, body: str, date: str) -> str:
        return f"{self.id}graph/{body}/{date}"

    def item(self, meeting: str, position: int) -> str:
        return f"{meeting}/item/{position}"

    def commitment(self, item: str, n: int) -> str:
        return f"{item}/commitment/{n}"

    def delegation(self, meeting: str, key: str) -> str:
        return f"{meeting}/delegation/{key}"

    def event(self, meeting: str, n: int) -> str:
        return f"{meeting}/event/{n}"

    def mention(self, meeting: str, kind: str, slug: str) -> str:
        return f"{meeting}/mention/{kind}/{slug}"

    def stage_event(self, track: str, body: str, date: str, stage: str) -> str:
        return f"{self.id}track/{track}/stage/{body}/{date}/{stage}"

    def file(self, sha256: str) -> str:
        return f"{self.id}file/sha256-{sha256[:16]}"

    def text(self, sha256: str) -> str:
        return f"{self.id}text/sha256-{sha256[:16]}"

    def span(self, text_iri: str, start: int, end: int) -> str:
        # RFC 5147 fragment: counts characters (Python str indices), half-open.
        return f"{text_iri}#char={start},{end}"

    def run(self, version: str) -> str:
        return f"{self.id}software/rcmkg/{version}"

    def dataset(self) -> str:
        return f"{self.id}dataset"

    def rebase(self, iri: str, from_base: str = DEFAULT_BASE) -> str:
        """Move a thing's IRI minted under ``from_base`` (the registry's) to this base (:func:`rebase`)."""
        return rebase(iri, self.base, from_base)


def rebase(iri: str, base: str, from_base: str = DEFAULT_BASE) -> str:
    """Move a thing's IRI minted under ``from_base`` (the registry's) to ``base``: the one rule for
    rebasing, used for the registry everywhere it is read.

    Only ``{from_base}id/...`` moves: the ontology and vocabulary namespaces are fixed even when
    they share the default base's prefix.

    >>> rebase("https://w3id.org/rcmkg/id/org/iom", "https://example.org/kg/")
    'https://example.org/kg/id/org/iom'
    >>> rebase("https://w3id.org/rcmkg/ont#Meeting", "https://example.org/kg/")
    'https://w3id.org/rcmkg/ont#Meeting'
    """
    things = from_base + "id/"
    return base + "id/" + iri[len(things):] if iri.startswith(things) else iri
