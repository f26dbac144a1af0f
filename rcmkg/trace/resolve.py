"""Resolving what people type (a slug, an IRI, or words in English or Spanish such as "repatriation
protocol" or "plan de trabajo") into one tracked item or actor, or :class:`AmbiguousItem` listing
the candidates. Pure: reads the store through SPARQL, keeps nothing.

>>> resolve_item(store, "plan de trabajo").slug                              # doctest: +SKIP
'work-plan-migrant-smuggling'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rcmkg.errors import NotFound, UsageError
from rcmkg.sparql.bind import sparql_value
from rcmkg.sparql.results import Queryable
from rcmkg.text import normalise

_STOP = frozenset(
    "a an and at by for from in into of on or the to with "
    "al con de del e el en la las los para por sobre y materia".split()
)


def _tokens(norm: str) -> list[str]:
    words = norm.split()
    content = [w for w in words if w not in _STOP]
    return content or words


def _token_match(q: str, label_tokens: Sequence[str]) -> bool:
    for t in label_tokens:
        if q == t:
            return True
        if len(q) >= 4 and len(t) >= 4 and (t.startswith(q) or q.startswith(t)):
            return True
        if len(q) >= 5 and SequenceMatcher(None, q, t).ratio() >= 0.8:
            return True
    return False


def label_score(query: str, label: str) -> float:
    """How well ``query`` matches ``label`` (0-1; 1 for equal after :func:`normalise`).

    Token coverage of the query weighs most (so "repatriation protocol" finds the long official
    title), then the share of the label covered and the overall string similarity (for typos).

    >>> label_score("plan de trabajo", "Plan de Trabajo")
    1.0
    >>> label_score("repatriation protocol", "Regional Repatriation Protocol") > 0.7
    True
    """
    qn, ln = normalise(query), normalise(label)
    if not qn or not ln:
        return 0.0
    if qn == ln:
        return 1.0
    qt, lt = _tokens(qn), _tokens(ln)
    hits = sum(_token_match(t, lt) for t in qt)
    coverage = hits / len(qt)
    if coverage < 0.5:
        return 0.0
    precision = hits / len(lt)
    ratio = SequenceMatcher(None, qn, ln).ratio()
    return round(min(0.99, 0.6 * coverage + 0.15 * precision + 0.25 * ratio), 4)


@dataclass(frozen=True)
class Named:
    """A thing people refer to by name: a tracked item, an organisation, a country."""

    iri: str
    slug: str
    label: str
    label_es: str | None = None

    def __str__(self) -> str:
        return f"{self.slug} ({self.label})" if self.label and self.label != self.slug else self.slug


Track = Named


@dataclass(frozen=True)
class Candidate:
    """One possible reading of an ambiguous name, with the label that matched."""

    thing: Named
    score: float
    matched: str


class AmbiguousItem(UsageError):
    """The text matches several things equally well; ``candidates`` lists them, best first."""

    def __init__(self, text: str, candidates: Sequence[Candidate], what: str = "tracked item") -> None:
        self.text = text
        self.candidates = list(candidates)
        lines = "; ".join(f"{c.thing.slug} ({c.matched!r})" for c in self.candidates)
        super().__init__(f"{text!r} could be more than one {what}: {lines}. Give the slug to choose.")


def match_names(text: str, labels: Iterable[tuple[Named, str]]) -> list[Candidate]:
    """Every thing whose label matches ``text``, best first (one candidate per thing).

    >>> wp = Named("https://w3id.org/rcmkg/id/track/work-plan-migrant-smuggling", "work-plan-migrant-smuggling", "Work Plan")
    >>> [c.thing.slug for c in match_names("plan de trabajo", [(wp, "Plan de Trabajo")])]
    ['work-plan-migrant-smuggling']
    """
    best: dict[str, Candidate] = {}
    for thing, label in labels:
        s = label_score(text, label)
        if s > 0 and (thing.iri not in best or s > best[thing.iri].score):
            best[thing.iri] = Candidate(thing, s, label)
    return sorted(best.values(), key=lambda c: (-c.score, c.thing.slug))


def choose(text: str, candidates: Sequence[Candidate], what: str = "tracked item") -> Named:
    """The one candidate ``text`` means, or :class:`AmbiguousItem` / :class:`NotFound`."""
    exact = [c for c in candidates if c.score >= 1.0]
    if len(exact) == 1:
        return exact[0].thing
    if len(exact) > 1:
        raise AmbiguousItem(text, exact, what)
    good = [c for c in candidates if c.score >= 0.5]
    if not good:
        near = ", ".join(c.thing.slug for c in candidates[:3])
        raise NotFound(f"no {what} matches {text!r}" + (f"; closest: {near}" if near else ""))
    close = [c for c in good if c.score >= good[0].score - 0.08]
    if len(close) > 1:
        raise AmbiguousItem(text, close, what)
    return good[0].thing


_LABELS = """SELECT ?x ?slug ?label ?lang ?kind WHERE {{
  {{ SELECT DISTINCT ?x WHERE {{ {types} }} }}
  OPTIONAL {{ ?x skos:notation ?slug }}
  {{ ?x skos:prefLabel ?label BIND(1 AS ?kind) }} UNION {{ ?x skos:altLabel ?label BIND(2 AS ?kind) }}
  UNION {{ ?x skos:hiddenLabel ?label BIND(3 AS ?kind) }}
  BIND(LANG(?label) AS ?lang)
}} ORDER BY ?x ?kind ?label"""


def named_things(store: Queryable, types: str) -> tuple[dict[str, Named], list[tuple[Named, str]]]:
    """Every thing of ``types`` (a SPARQL pattern on ``?x``) by IRI, and (thing, label) for each of its labels."""
    rows = store.query(_LABELS.format(types=types)).rows
    pref: dict[str, dict[str, str]] = {}
    slugs: dict[str, str] = {}
    for r in rows:
        iri = r["x"].value
        if "slug" in r:
            slugs.setdefault(iri, r["slug"].value)
        labels = pref.setdefault(iri, {})
        if r["kind"].value == "1" or not labels:  # prefLabels sort first; others only if none
            labels.setdefault(r["lang"].value if "lang" in r else "", r["label"].value)
    things = {}
    for iri, labels in pref.items():
        slug = slugs.get(iri) or iri.rstrip("/").rsplit("/", 1)[-1]
        things[iri] = Named(iri, slug, labels.get("en") or next(iter(labels.values())), labels.get("es"))
    pairs = [(things[r["x"].value], r["label"].value) for r in rows]
    pairs += [(t, t.slug.replace("-", " ")) for t in things.values()]
    return things, pairs


def _by_iri_or_slug(store: Queryable, text: str, types: str, what: str) -> Named | None:
    text = text.strip()
    value = sparql_value(text) if text.startswith(("http://", "https://")) else None
    if value:
        wheres = [f"VALUES ?x {{ {value} }} {types}"]
    elif re.fullmatch(r"[A-Za-z0-9][\w.-]*", text):
        # A slug is the notation (tracks, acronyms, ISO codes) or the last segment of the IRI.
        lit = sparql_value(text)
        wheres = [f"?x skos:notation ?n FILTER(LCASE(STR(?n)) = LCASE({lit})) {types}",
                  f"{types} FILTER(STRENDS(STR(?x), CONCAT(\"/\", {lit})))"]
    else:
        return None
    # One query per way of naming, then the labels: pyoxigraph plans their UNION joined with the
    # types, or a sub-select joined with OPTIONALs, over the whole store (seconds on a big one).
    xs = sorted({r["x"].value for w in wheres for r in store.query(f"SELECT DISTINCT ?x WHERE {{ {w} }}").rows})
    if not xs:
        if value:
            raise NotFound(f"{text} is not a {what} in the store")
        return None  # words, not a slug: matched against the labels
    hits = " ".join(sparql_value(x) for x in xs)
    q = f"""SELECT DISTINCT ?x ?slug ?en ?es WHERE {{ VALUES ?x {{ {hits} }}
      OPTIONAL {{ ?x skos:notation ?slug }}
      OPTIONAL {{ ?x skos:prefLabel ?en FILTER(LANGMATCHES(LANG(?en), "en")) }}
      OPTIONAL {{ ?x skos:prefLabel ?es FILTER(LANGMATCHES(LANG(?es), "es")) }} }} ORDER BY ?x"""
    rows = store.query(q).rows
    found: dict[str, Named] = {}
    for r in rows:
        iri = r["x"].value
        if iri not in found:
            slug = r["slug"].value if "slug" in r else iri.rstrip("/").rsplit("/", 1)[-1]
            found[iri] = Named(iri, slug, r["en"].value if "en" in r else slug, r["es"].value if "es" in r else None)
    if len(found) > 1:
        raise AmbiguousItem(text, [Candidate(t, 1.0, t.slug) for t in found.values()], what)
    if value and not found:
        raise NotFound(f"{text} is not a {what} in the store")
    return next(iter(found.values()), None)


TRACK_TYPES = "?x a rcm:TrackedItem ."


def resolve_item(store: Queryable, text: str) -> Track:
    """The tracked item ``text`` names: an IRI, a slug, or a label (English or Spanish, any case,
    accents optional, fuzzy). Raises :class:`AmbiguousItem` (exit 2) or :class:`NotFound`.

    >>> resolve_item(store, "repatriation protocol").slug                    # doctest: +SKIP
    'repatriation-protocol'
    """
    if not text or not text.strip():
        raise UsageError("say which tracked item: a slug, an IRI or words from its name")
    if text.startswith(("http://", "https://")):
        # A document's IRI leads to the tracked item it belongs to.
        doc = store.query(f"SELECT DISTINCT ?t WHERE {{ {sparql_value(text)} dct:subject ?t . ?t a rcm:TrackedItem }}")
        if len(doc.rows) == 1:
            text = doc.rows[0]["t"].value
    hit = _by_iri_or_slug(store, text, TRACK_TYPES, "tracked item")
    if hit:
        return hit
    _things, labels = named_things(store, TRACK_TYPES)
    try:
        return choose(text, match_names(text, labels), "tracked item")
    except AmbiguousItem as ambiguous:
        # Words that fit several items of the registry ("protocolo de repatriación") mean the one
        # the reports deal with when only one of them is: the registry knows items of every body.
        dealt = _dealt_with(store, [c.thing.iri for c in ambiguous.candidates])
        if len(dealt) == 1:
            return next(c.thing for c in ambiguous.candidates if c.thing.iri in dealt)
        raise


def _dealt_with(store: Queryable, iris: Sequence[str]) -> set[str]:
    """Those of ``iris`` that some agreement is about (one query, bound to the candidates)."""
    values = " ".join(sparql_value(i) for i in iris)
    rows = store.query(f"SELECT DISTINCT ?x WHERE {{ VALUES ?x {{ {values} }} ?a dct:subject ?x . ?a a rcm:Agreement }}").rows
    return {r["x"].value for r in rows}


# org:Post: the Presidency Pro Tempore is a post a country holds, not an organisation, but commitments
# name it as their actor when the report does not say which country held it.
ACTOR_TYPES = ("{ ?x a rcm:Organisation } UNION { ?x a rcm:Country } UNION { ?x a rcm:CollectiveActor }"
               " UNION { ?x a org:Post }")


def resolve_actor(store: Queryable, text: str) -> Named:
    """The organisation, country, collective or post ``text`` names (IRI, acronym, ISO code, slug or label).

    >>> resolve_actor(store, "IOM").iri                                     # doctest: +SKIP
    'https://w3id.org/rcmkg/id/org/iom'
    """
    hit = _by_iri_or_slug(store, text, ACTOR_TYPES, "actor")
    if hit:
        return hit
    _things, labels = named_things(store, ACTOR_TYPES)
    return choose(text, match_names(text, labels), "actor")




def tracked_items(store: Queryable) -> dict[str, Track]:
    """Every tracked item in the store, by IRI."""
    return named_things(store, TRACK_TYPES)[0]
