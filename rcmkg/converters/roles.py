"""Roles a country holds: the Presidency Pro Tempore (PPT) as the country in it, in the meeting's year.

The registry describes the PPT as an ``org:Post`` of the RCM (``data/registry/organisations.ttl``) and
who held it when as ``rcm:RoleHolding`` nodes (``roles.ttl``). Reports name the post alone ("the
Presidency Pro Tempore", "la PPT") or the country in it, in the genre's usual ways:

* the country, a connective, the post: "Panama, in its capacity as Presidency Pro Tempore",
  "Nicaragua, en su calidad de PPT", "Costa Rica, as Pro Tempore Presidency", "Honduras, que ejerce
  la PPT", "Mexico, which holds the Presidency Pro Tempore", "Guatemala (PPT)";
* the post, a connective, the country: "la Presidencia Pro Tempore, ejercida por Guatemala", "the
  Presidency Pro Tempore of Mexico", "PPT de Honduras", "the PPT, held by Belize", "la PPT (El
  Salvador)", "la Presidencia Pro Tempore de la CRM, a cargo de Panamá".

Each such phrase states a holding of the post by the country in the meeting's year (:func:`find`),
identified by post, country and year (:meth:`rcmkg.iris.Iris.holding`). A bare mention of the post
is resolved (:func:`resolve`) to the country the same report names in it, else to the registry's
holder of the meeting's year when exactly one may cover the meeting's day, else left as the post.
A list ("Costa Rica, El Salvador, la PPT y la ST") states nothing: a connective is required.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date

from rcmkg.iris import Iris
from rcmkg.model import Ref, RoleHolding, Span
from rcmkg.namespaces import ORG, RDF
from rcmkg.registry import Entry, Match, Registry

# How far apart the country and the post may be named (the connective between them).
_BEFORE_WINDOW = 60
_AFTER_WINDOW = 120

# The country, then this, then the post.
_BEFORE = re.compile(
    r"\s*,?\s*(?:"
    r"(?:in|en)\s+(?:its|their|su)\s+(?:capacity|role|quality|calidad|car[aá]cter|condici[oó]n)\s+(?:as|of|de)"
    r"|(?:acting|serving)\s+as|as|como"
    r"|(?:which|who|that)\s+(?:currently\s+|then\s+)?(?:holds?|held|exercises?|exercised|occupies|occupied)"
    r"|que\s+(?:actualmente\s+|entonces\s+)?(?:ejerce|ejerci[oó]|ejerc[ií]a|ostenta|ostent[oó]|ocupa|ocup[oó]|detenta|preside|presid[ií]a)"
    r")\s+(?:the\s+|la\s+|el\s+)?(?:current\s+|actual\s+|then\s+)?",
    re.I,
)
_BEFORE_PAREN = re.compile(r"\s*\(\s*(?:the\s+|la\s+|el\s+)?(?:current\s+|actual\s+)?", re.I)
# The post, then this, then the country.
_OF_BODY = (r"(?:\s+(?:of|de)\s+(?:the\s+|la\s+)?(?:RCM|CRM|Regional\s+Conference\s+on\s+Migration|"
            r"Conferencia\s+Regional\s+sobre\s+Migraci[oó]n)\b)?")
_AFTER = re.compile(
    _OF_BODY + r"\s*,?\s*(?:"
    r"(?:currently\s+|then\s+)?(?:held|exercised|occupied|chaired)\s+by"
    r"|(?:actualmente\s+)?(?:ejercida|ostentada|ocupada|detentada|desempeñada|encabezada|asumida)\s+(?:actualmente\s+)?por"
    r"|a\s+cargo\s+de|en\s+manos\s+de|in\s+the\s+hands\s+of|of|de|\("
    r")\s*(?:the\s+|el\s+|la\s+)?(?:(?:government|republic)\s+of\s+(?:the\s+)?|(?:gobierno|rep[uú]blica)\s+de\s+(?:la\s+)?)?",
    re.I,
)


_SPACE = re.compile(r"[ \t]+")
_LABEL_END = re.compile(r"[ \t]*(?:(?:19|20)\d\d[ \t]*)?(?:$|\||\n)", re.M)


def is_post(entry: Entry) -> bool:
    """Whether a registry entry is a post (``org:Post``), not a body."""
    return ORG + "Post" in entry.get(RDF + "type")


def find(text: str, named: list[Match], iris: Iris, meeting: date) -> tuple[RoleHolding, ...]:
    """Every holding a report states: a country named in a post by one of the connectives above,
    one per (post, country), with every span that states it. ``named``: the registry's matches in
    ``text`` (any kinds, in text order)."""
    countries = [m for m in named if m.entry.kind == "country"]
    starts = [m.start for m in countries]
    ends = [m.end for m in countries]
    found: dict[str, tuple[Match, Match, list[Span]]] = {}
    for post in (m for m in named if m.entry.kind == "org" and is_post(m.entry)):
        pairs: list[Match] = []
        # the country named last before the post
        i = bisect_right(ends, post.start) - 1
        if i >= 0 and post.start - ends[i] <= _BEFORE_WINDOW:
            between = text[ends[i] : post.start]
            paren = _BEFORE_PAREN.fullmatch(between) and re.match(r"\s*\)", text[post.end : post.end + 5])
            if _BEFORE.fullmatch(between) or paren:
                pairs.append(countries[i])
        # the country named first after it
        j = bisect_left(starts, post.end)
        if j < len(countries) and countries[j].start - post.end <= _AFTER_WINDOW:
            m = _AFTER.match(text, post.end, countries[j].start)
            if (m and m.end() == countries[j].start) or (
                    # (a label's "PPT Guatemala", "Presidencia Pro Tempore Guatemala 2019": the country alone after
                    # it, ending the cell or line, no list)
                    _SPACE.fullmatch(text, post.end, countries[j].start) and _LABEL_END.match(text, countries[j].end)):
                pairs.append(countries[j])
        for c in pairs:
            code = c.entry.notation or c.entry.slug
            iri = iris.holding(post.entry.slug, code, meeting.year)
            span = Span(min(c.start, post.start), max(c.end, post.end))
            found.setdefault(iri, (post, c, []))[2].append(span)
    out = []
    for iri, (post, c, spans) in sorted(found.items()):
        role = (post.entry.get(ORG + "role") or [""])[0]
        organization = (post.entry.get(ORG + "postIn") or [""])[0]
        country = Ref(c.entry.iri, "country", c.entry.label("en"), Span(c.start, c.end))
        out.append(RoleHolding(iri, post.entry.iri, role, organization, country, meeting.year, tuple(sorted(set(spans)))))
    return tuple(out)


def resolve(post: Ref, holdings: tuple[RoleHolding, ...], registry: Registry, meeting: date) -> tuple[Ref, str] | None:
    """The country acting for a bare mention of ``post``, and the holding it acts in: the country the
    report names in the post (when it names one only), else the registry's only holder of the
    meeting's year that may cover its day; None when neither says who."""
    stated = {h.country.iri: h for h in holdings if h.post == post.iri}
    if len(stated) == 1:
        h = next(iter(stated.values()))
        return Ref(h.country.iri, "country", h.country.label, post.span), h.iri
    if stated:
        return None  # two countries named in the post in one report: which one acts is not said
    entry = registry.get(post.iri)
    role = (entry.get(ORG + "role") or [""])[0] if entry is not None else ""
    holders = {held.member: held for held in registry.holders(role, meeting)} if role else {}
    if len(holders) != 1:
        return None
    held = next(iter(holders.values()))
    country = registry.get(held.member)
    if country is None:
        return None
    return Ref(country.iri, "country", country.label("en"), post.span), held.iri


def holding_at(span: Span, holdings: tuple[RoleHolding, ...]) -> RoleHolding | None:
    """The holding stated by a phrase that contains ``span`` (the country's or the post's mention)."""
    for h in holdings:
        if any(s.start <= span.start and span.end <= s.end for s in h.spans):
            return h
    return None
