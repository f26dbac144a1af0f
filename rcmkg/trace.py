"""Item traces and commitments: how a tracked item moved across meetings, and who promised what.

:func:`resolve_item` turns what a person types (a slug, an IRI, or free text in English or Spanish
such as "repatriation protocol" or "plan de trabajo") into one tracked item, or raises
:class:`AmbiguousItem` listing the candidates. :func:`trace` returns a :class:`Timeline`, one row
per meeting in date order, built from the ``rcm:StageEvent`` resources the converter writes (and
from agreements whose ``dct:subject`` is the item, so a meeting that only mentions it still shows).
:func:`commitments` lists every commitment with its status: *followed-up* when a later meeting (on
or before ``as_of``) has an agreement on the same item naming the same actor, or reports a stage of
that item; *overdue* when its due date is before ``as_of`` and it was not followed up; *open*
otherwise.

Everything is a handful of SPARQL queries on the store (no query per row); ``rcmkg load`` also
stores each item's finished timeline, so a trace takes about 12 ms (median over the items) on an
archive of 10,000 reports (``bench/README.md``).

>>> from rcmkg.store import open_store                                      # doctest: +SKIP
>>> store = open_store(data="out/")                                          # doctest: +SKIP
>>> timeline = trace(store, resolve_item(store, "plan de trabajo"))          # doctest: +SKIP
>>> [(r.date, r.stage) for r in timeline.rows][:2]                          # doctest: +SKIP
[('2016-11-15', 'proposed'), ('2017-06-21', 'in-preparation')]
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date as Date
from difflib import SequenceMatcher
from typing import Any

import msgspec

from rcmkg.errors import NotFound, UsageError
from rcmkg.namespaces import DCT, PREFIXES, RCM, SKOS, STAGE_RANK, STAGES
from rcmkg.queries import Queryable, sparql_value

# --- resolving what people type --------------------------------------------------------------------------

_STOP = frozenset(
    "a an and at by for from in into of on or the to with "
    "al con de del e el en la las los para por sobre y materia".split()
)


def normalise(text: str) -> str:
    """Lower case, no accents, punctuation as spaces: what label matching compares.

    >>> normalise("Protocolo de Repatriación — “Víctimas”")
    'protocolo de repatriacion victimas'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).replace("_", " ").split())


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


def _named(store: Queryable, types: str) -> tuple[dict[str, Named], list[tuple[Named, str]]]:
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


_TRACK_TYPES = "?x a rcm:TrackedItem ."


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
    hit = _by_iri_or_slug(store, text, _TRACK_TYPES, "tracked item")
    if hit:
        return hit
    _things, labels = _named(store, _TRACK_TYPES)
    return choose(text, match_names(text, labels), "tracked item")


_ACTOR_TYPES = "{ ?x a rcm:Organisation } UNION { ?x a rcm:Country } UNION { ?x a rcm:CollectiveActor }"


def resolve_actor(store: Queryable, text: str) -> Named:
    """The organisation, country or collective ``text`` names (IRI, acronym, ISO code, slug or label).

    >>> resolve_actor(store, "IOM").iri                                     # doctest: +SKIP
    'https://w3id.org/rcmkg/id/org/iom'
    """
    hit = _by_iri_or_slug(store, text, _ACTOR_TYPES, "actor")
    if hit:
        return hit
    _things, labels = _named(store, _ACTOR_TYPES)
    return choose(text, match_names(text, labels), "actor")


# --- the timeline ----------------------------------------------------------------------------------------


# msgspec structs, not dataclasses: a busy item's timeline has thousands of rows, and the store's
# timeline index decodes straight into these (array_like: a row is a JSON array in field order) in C,
# twice as fast as json.loads plus building dataclasses. gc=False: they hold no reference cycles.


class StageMark(msgspec.Struct, array_like=True, gc=False):
    """One stage reported for the item at one meeting."""

    stage: str
    rank: int
    modality: str | None
    event_date: str | None
    when: str | None
    actors: list[str] = []
    agreements: list[str] = []
    quote: str | None = None
    iri: str = ""


class CommitmentRef(msgspec.Struct, array_like=True, gc=False):
    """A commitment made at a meeting about the item."""

    actor: str
    action: str
    due: str | None
    due_text: str | None
    iri: str = ""


class TraceRow(msgspec.Struct, array_like=True, gc=False):
    """The item at one meeting."""

    date: str
    end_date: str | None
    meeting: str
    label: str
    place: str
    country: str
    source: str
    agreements: list[str] = []
    stages: list[StageMark] = []
    actors: list[str] = []
    commitments: list[CommitmentRef] = []
    quote: str = ""

    @property
    def headline(self) -> StageMark | None:
        """The stage that sums the meeting up: the furthest stage *done*, else the furthest
        reported. An off-path outcome (deferred, withdrawn, superseded) outranks the path."""
        if not self.stages:
            return None

        def key(s: StageMark) -> tuple[bool, int]:
            return (s.modality == "done", s.rank if s.rank > 0 else 99)

        return max(self.stages, key=key)

    @property
    def stage(self) -> str | None:
        h = self.headline
        return h.stage if h else None

    @property
    def modality(self) -> str | None:
        h = self.headline
        return h.modality if h else None

    def stage_text(self) -> str:
        """``drafted (done); circulated-for-review (requested)`` in path order."""
        return "; ".join(f"{s.stage} ({s.modality})" if s.modality else s.stage for s in self.stages)

    def commitment_text(self) -> str:
        """``actor: action (by due)`` for each commitment."""
        return "; ".join(f"{c.actor or '(unstated)'}: {c.action}" + (f" (by {c.due})" if c.due else "")
                         for c in self.commitments)


@dataclass
class Timeline:
    """A tracked item across meetings: :attr:`rows` in date order."""

    item: Track
    rows: list[TraceRow]

    @property
    def current(self) -> StageMark | None:
        """The latest meeting's headline stage."""
        for row in reversed(self.rows):
            if row.headline:
                return row.headline
        return None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        cur = self.current
        return {
            "item": asdict(self.item),
            "current": {"stage": cur.stage, "modality": cur.modality} if cur else None,
            "meetings": [
                {
                    "date": r.date, "endDate": r.end_date, "meeting": r.meeting, "label": r.label, "place": r.place,
                    "country": r.country, "agreements": r.agreements, "stage": r.stage, "modality": r.modality,
                    "stages": [msgspec.structs.asdict(s) for s in r.stages], "actors": r.actors,
                    "commitments": [msgspec.structs.asdict(c) for c in r.commitments], "quote": r.quote, "source": r.source,
                }
                for r in self.rows
            ],
        }

    def to_json(self) -> str:
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def _cells(self, width: int | None) -> tuple[list[str], list[list[str]]]:
        head = ["date", "place", "agreement", "stage", "modality", "actors", "commitments", "quote"]
        body = []
        for r in self.rows:
            cells = [r.date, r.place, ", ".join(r.agreements) or "(outside the agreements)", r.stage_text() or "(mentioned)", r.modality or "",
                     ", ".join(r.actors), r.commitment_text(), r.quote]
            body.append([_clip(c, width) if width else " ".join(c.split()) for c in cells])
        return head, body

    def to_table(self, width: int = 48) -> str:
        """Aligned text for a terminal."""
        head, body = self._cells(width)
        widths = [max([len(h)] + [len(b[i]) for b in body]) for i, h in enumerate(head)]
        lines = [self._title(), ""]
        lines.append("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)).rstrip())
        lines.append("  ".join("-" * w for w in widths))
        lines += ["  ".join(c.ljust(w) for c, w in zip(b, widths, strict=True)).rstrip() for b in body]
        return "\n".join(lines)

    def to_markdown(self) -> str:
        """A Markdown table (pipes escaped)."""
        head, body = self._cells(None)
        esc = [[c.replace("|", "\\|") for c in row] for row in body]
        lines = [f"## {self._title()}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(row) + " |" for row in esc]
        return "\n".join(lines) + "\n"

    def _title(self) -> str:
        cur = self.current
        now = f"; now: {cur.stage} ({cur.modality})" if cur else ""
        return f"{self.item.label} [{self.item.slug}]: {len(self.rows)} meetings{now}"


def _clip(text: str, width: int | None) -> str:
    text = " ".join(text.split())
    if width is None or len(text) <= width:
        return text
    return text[: width - 1] + "…"


_LABEL = """OPTIONAL {{ {v} skos:prefLabel {v}En FILTER(LANGMATCHES(LANG({v}En), "en")) }}
  OPTIONAL {{ {v} skos:notation {v}Code }}"""

_Q_MEETINGS = """SELECT ?track ?meeting ?date ?endDate ?label ?city ?country ?source WHERE {{
  {{ SELECT DISTINCT ?track ?meeting WHERE {{
      VALUES ?track {{ {tracks} }}
      {{ ?a dct:subject ?track ; rcm:agreedAt ?meeting }} UNION {{ ?e rcm:ofTrack ?track ; rcm:reportedAt ?meeting }}
      # a meeting that deals with the item only outside its agreements (annexed slides, say)
      UNION {{ ?meeting a rcm:Meeting ; dct:subject ?track }} }} }}
  ?meeting schema:startDate ?date .
  OPTIONAL {{ ?meeting schema:endDate ?endDate }}
  OPTIONAL {{ ?meeting rdfs:label ?label }}
  OPTIONAL {{ ?meeting schema:location ?place . OPTIONAL {{ ?place schema:name ?city }}
             OPTIONAL {{ ?place schema:containedInPlace/skos:notation ?country }} }}
  OPTIONAL {{ ?meeting schema:recordedIn/rcm:sourceFile/dct:identifier ?source }}
}} ORDER BY ?track ?date ?meeting ?label ?city ?country ?source"""

_Q_AGREEMENTS = """SELECT ?track ?meeting ?agreement ?position ?number ?quote WHERE {{
  VALUES ?track {{ {tracks} }}
  ?agreement dct:subject ?track ; rcm:agreedAt ?meeting ; rcm:position ?position .
  OPTIONAL {{ ?agreement rcm:number ?number }}
  OPTIONAL {{ ?agreement rcm:text ?quote }}
}} ORDER BY ?track ?meeting ?position ?agreement ?number ?quote"""

_Q_EVENTS = """SELECT ?track ?event ?meeting ?stage ?rank ?modality ?eventDate ?when ?number ?actor ?actorEn ?actorCode
       ?quote ?start WHERE {{
  VALUES ?track {{ {tracks} }}
  ?event rcm:ofTrack ?track ; rcm:reportedAt ?meeting ; rcm:stage ?s .
  BIND(STRAFTER(STR(?s), "/voc/stage/") AS ?stage)
  OPTIONAL {{ ?s rcm:stageRank ?rank }}
  OPTIONAL {{ ?event rcm:modality ?m BIND(STRAFTER(STR(?m), "/voc/modality/") AS ?modality) }}
  OPTIONAL {{ ?event rcm:eventDate ?eventDate }}
  OPTIONAL {{ ?event rcm:whenText ?when }}
  OPTIONAL {{ ?event rcm:reportedIn/rcm:number ?number }}
  OPTIONAL {{ ?event rcm:actor ?actor {actor_label} }}
  OPTIONAL {{ ?event prov:wasDerivedFrom ?span . ?span oa:hasSelector ?sel . ?sel oa:exact ?quote .
             OPTIONAL {{ ?span oa:hasSelector/oa:start ?start }} }}
}} ORDER BY ?track ?meeting ?event ?start ?number ?actor ?quote"""

_Q_COMMITMENTS = """SELECT ?track ?meeting ?commitment ?position ?action ?actor ?actorEn ?actorCode ?due ?dueText WHERE {{
  {{ SELECT DISTINCT ?track ?commitment WHERE {{
      VALUES ?track {{ {tracks} }}
      {{ ?a dct:subject ?track ; rcm:hasCommitment ?commitment }} UNION {{ ?e rcm:ofTrack ?track ; rcm:viaCommitment ?commitment }} }} }}
  ?commitment rcm:madeIn ?agreement ; rcm:action ?action .
  ?agreement rcm:agreedAt ?meeting ; rcm:position ?position .
  OPTIONAL {{ ?commitment rcm:committedBy ?actor {actor_label} }}
  OPTIONAL {{ ?commitment rcm:dueDate ?due }}
  OPTIONAL {{ ?commitment rcm:dueText ?dueText }}
}} ORDER BY ?track ?meeting ?position ?commitment ?actor ?actorEn ?due"""


def _actor_name(r: dict[str, Any], var: str = "actor") -> str:
    for key in (var + "En", var + "Code"):
        if key in r:
            return r[key].value
    return r[var].value.rstrip("/").rsplit("/", 1)[-1] if var in r else ""


def trace(store: Queryable, item: Track | str) -> Timeline:
    """The timeline of one tracked item (a :class:`Track`, or anything :func:`resolve_item` reads).

    Read from the store's timeline index when ``rcmkg load`` built one (milliseconds: decoding costs
    about 2 µs per meeting the item went to), computed with four SPARQL queries otherwise; both give
    the same timeline.

    >>> timeline = trace(store, "work-plan-migrant-smuggling")             # doctest: +SKIP
    >>> timeline.rows[-1].stage                                               # doctest: +SKIP
    'drafted'
    """
    track = item if isinstance(item, Named) else resolve_item(store, item)
    cached = _cached_timeline(store, track)
    if cached is not None:
        return cached
    return compute_timelines(store, [track])[track.iri]


def compute_timelines(store: Queryable, tracks: Sequence[Track]) -> dict[str, Timeline]:
    """The timelines of several tracked items, from four queries in all (not four per item)."""
    if not tracks:
        return {}
    values = " ".join(sparql_value(t.iri) for t in tracks)
    actor_label = _LABEL.format(v="?actor")
    meetings = store.query(_Q_MEETINGS.format(tracks=values)).rows
    agreements = store.query(_Q_AGREEMENTS.format(tracks=values)).rows
    events = store.query(_Q_EVENTS.format(tracks=values, actor_label=actor_label)).rows
    commitments = store.query(_Q_COMMITMENTS.format(tracks=values, actor_label=actor_label)).rows

    rows: dict[tuple[str, str], TraceRow] = {}
    for r in meetings:
        key = (r["track"].value, r["meeting"].value)
        if key in rows:
            continue  # a second place or source line: the first (sorted) one stands
        city = r["city"].value if "city" in r else ""
        country = r["country"].value if "country" in r else ""
        rows[key] = TraceRow(
            date=r["date"].value, end_date=r["endDate"].value if "endDate" in r else None, meeting=key[1],
            label=r["label"].value if "label" in r else key[1], place=", ".join(x for x in (city, country) if x),
            country=country, source=r["source"].value if "source" in r else "",
        )
    quotes_by_agreement: dict[tuple[str, str], list[str]] = {}
    for r in agreements:
        key = (r["track"].value, r["meeting"].value)
        row = rows.get(key)
        if row is None:
            continue
        number = r["number"].value if "number" in r else r["position"].value
        if number not in row.agreements:
            row.agreements.append(number)
        if "quote" in r:
            quotes_by_agreement.setdefault(key, []).append(r["quote"].value)

    marks: dict[tuple[str, str], StageMark] = {}
    mark_row: dict[tuple[str, str], tuple[str, str]] = {}
    for r in events:
        key = (r["track"].value, r["event"].value)
        mark = marks.get(key)
        if mark is None:
            stage = r["stage"].value
            rank = int(r["rank"].value) if "rank" in r else STAGE_RANK.get(stage, 0)
            mark = marks[key] = StageMark(stage, rank, r["modality"].value if "modality" in r else None,
                                          r["eventDate"].value if "eventDate" in r else None,
                                          r["when"].value if "when" in r else None, iri=key[1])
            mark_row[key] = (key[0], r["meeting"].value)
        if "number" in r and r["number"].value not in mark.agreements:
            mark.agreements.append(r["number"].value)
        if "actor" in r:
            name = _actor_name(r)
            if name not in mark.actors:
                mark.actors.append(name)
        if "quote" in r and mark.quote is None:
            mark.quote = r["quote"].value
    for key, mark in marks.items():
        row = rows.get(mark_row[key])
        if row is not None:
            row.stages.append(mark)
            for n in mark.agreements:
                if n not in row.agreements:
                    row.agreements.append(n)

    seen_commitments: dict[tuple[str, str], CommitmentRef] = {}
    for r in commitments:
        key = (r["track"].value, r["commitment"].value)
        row = rows.get((key[0], r["meeting"].value))
        if row is None:
            continue
        name = _actor_name(r)
        if key in seen_commitments:
            ref = seen_commitments[key]
            if name and name not in ref.actor.split(", "):
                ref.actor = f"{ref.actor}, {name}" if ref.actor else name
            continue
        ref = CommitmentRef(name, r["action"].value, r["due"].value if "due" in r else None,
                            r["dueText"].value if "dueText" in r else None, key[1])
        seen_commitments[key] = ref
        row.commitments.append(ref)

    by_track: dict[str, list[TraceRow]] = {t.iri: [] for t in tracks}
    for (track_iri, _m), row in rows.items():
        row.stages.sort(key=lambda s: (s.rank if s.rank > 0 else 99, s.stage))
        row.agreements.sort(key=_number_key)
        actors: list[str] = []
        for st in row.stages:
            actors += [a for a in st.actors if a not in actors]
        for c in row.commitments:
            actors += [a for a in c.actor.split(", ") if a and a not in actors]
        row.actors = actors
        head = row.headline
        if head and head.quote:
            row.quote = head.quote
        elif (track_iri, row.meeting) in quotes_by_agreement:
            row.quote = quotes_by_agreement[(track_iri, row.meeting)][0]
        by_track[track_iri].append(row)
    return {t.iri: Timeline(t, sorted(by_track[t.iri], key=lambda r: (r.date, r.meeting))) for t in tracks}


# --- the timeline index ------------------------------------------------------------------------------------
#
# A trace over an archive of 10,000 reports touches thousands of meetings, and each SPARQL join row
# costs tens of microseconds on the disk store (a trace took 1-3 s). `rcmkg load` therefore stores
# each item's finished timeline, compactly encoded, in the store's index of derived entries
# (rcmkg.store.LocalStore.index_get); the store drops the entry of every item that a changed report
# mentions, and `refresh_timelines` rebuilds what is missing. An entry exists only while it is
# current, so `trace` can trust any entry it finds.

TIMELINE = "urn:rcmkg:timeline"
_FORMAT = "rcmkg-timeline-2\n"  # an entry in another format is recomputed, and rewritten by refresh_timelines
_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(list[TraceRow])


def _decode_entry(decoder: msgspec.json.Decoder, text: str) -> Any:
    """``decoder.decode(text)`` with the cyclic GC paused: an entry makes hundreds of thousands of
    lists and no cycles, and the collections that allocation would set off cost more than the
    decoding (450 ms against 120 ms for the commitments of 10,000 reports)."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return decoder.decode(text)
    finally:
        if enabled:
            gc.enable()


def _encode(timeline: Timeline) -> str:
    # A stage's quote is mostly its row's quote: stored once (null means "the row's", "" none).
    rows = [msgspec.structs.replace(r, stages=[msgspec.structs.replace(m, quote=None if m.quote == r.quote else m.quote or "")
                                               for m in r.stages])
            for r in timeline.rows]
    return _FORMAT + _ENCODER.encode(rows).decode()


def _decode(track: Track, data: str) -> Timeline | None:
    if not data.startswith(_FORMAT):
        return None  # written by another version: compute instead
    try:
        rows = _decode_entry(_DECODER, data[len(_FORMAT):])
    except msgspec.DecodeError:
        return None  # damaged: compute instead
    for r in rows:
        for m in r.stages:
            if m.quote is None:
                m.quote = r.quote
            elif not m.quote:
                m.quote = None
    return Timeline(track, rows)


def _cached_timeline(store: Queryable, track: Track) -> Timeline | None:
    get = getattr(store, "index_get", None)  # a LocalStore's derived entries; elsewhere computed
    data = get(track.iri, TIMELINE) if get is not None else None
    return _decode(track, data) if data is not None else None


def refresh_timelines(store: Any, *, rebuild: bool = False) -> int:
    """Build the index entries of every tracked item that has none, or one in an older format or
    damaged (all of them with ``rebuild``) in a :class:`rcmkg.store.LocalStore`; returns how many
    were written.

    >>> refresh_timelines(LocalStore(".rcmkg/store"))                          # doctest: +SKIP
    10
    """
    things, _labels = _named(store, _TRACK_TYPES)
    entries = store.index_entries(TIMELINE)
    have = {s for s, value in entries if not rebuild and s in things and _decode(things[s], value) is not None}
    for s, _value in entries:
        if s not in have:
            store.index_set(s, TIMELINE, None)  # written by an older rcmkg, damaged, or --rebuild
    todo = [t for iri, t in sorted(things.items()) if iri not in have]
    for k in range(0, len(todo), 8):  # bounded batches: each batch's rows are held in memory
        for iri, t in compute_timelines(store, todo[k:k + 8]).items():
            store.index_set(iri, TIMELINE, _encode(t))
    return len(todo)


def _number_key(n: str) -> list[tuple[int, Any]]:
    return [(0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\s]+", n) if p]


# --- the HTML page ---------------------------------------------------------------------------------------

STAGE_COLOURS = {
    "proposed": "#9ecae1", "in-preparation": "#6baed6", "drafted": "#4292c6", "circulated-for-review": "#2171b5",
    "submitted": "#08519c", "approved": "#238b45", "in-implementation": "#006d2c",
    "deferred": "#d94801", "withdrawn": "#a50f15", "superseded": "#756bb1", None: "#bdbdbd",
}


def timeline_svg(timeline: Timeline, width: int = 960) -> dict[str, Any]:
    """Geometry of the SVG timeline: one lane per stage (path order, bottom to top; off-path
    outcomes and bare mentions in their own lanes), one dot per meeting at its date, labels where
    there is room. The template only draws what this returns."""
    lanes = [s for s, _ in STAGES if _ > 0] + [s for s, r in STAGES if r == 0] + [None]
    used = {r.stage for r in timeline.rows}
    lanes = [s for s in lanes if s in used] or [None]
    lane_h, top, left, right, bottom = 34, 24, 170, 24, 44
    height = top + lane_h * len(lanes) + bottom
    dates = [Date.fromisoformat(r.date) for r in timeline.rows]
    if dates:
        lo, hi = min(dates), max(dates)
    else:
        lo = hi = Date.today()
    lo_o, hi_o = lo.toordinal() - 45, hi.toordinal() + 45
    span = max(1, hi_o - lo_o)

    def x(d: Date) -> float:
        return round(left + (width - left - right) * (d.toordinal() - lo_o) / span, 1)

    def y(stage: str | None) -> float:
        return top + lane_h * (len(lanes) - 1 - lanes.index(stage)) + lane_h / 2

    lane_rows = [{"label": (s or "mentioned").replace("-", " "), "y": y(s), "colour": STAGE_COLOURS.get(s, "#bdbdbd")}
                 for s in lanes]
    dots, path = [], []
    last_label_x: dict[str | None, float] = {}
    for r, d in zip(timeline.rows, dates, strict=True):
        cx, cy = x(d), y(r.stage)
        show = cx - last_label_x.get(r.stage, -1e9) >= 70
        if show:
            last_label_x[r.stage] = cx
        title = f"{r.date} · {r.place} · {r.stage_text() or 'mentioned'}" + (f"\n“{r.quote}”" if r.quote else "")
        dots.append({"x": cx, "y": cy, "colour": STAGE_COLOURS.get(r.stage, "#bdbdbd"), "title": title,
                     "label": f"{(r.stage or 'mentioned').replace('-', ' ')} · {r.date}" if show else None,
                     "anchor": f"m-{r.date}-{len(dots)}", "done": r.modality in (None, "done")})
        if r.stage:
            path.append(f"{cx},{cy}")
    ticks = []
    for year in range(Date.fromordinal(lo_o).year, Date.fromordinal(hi_o).year + 2):
        d = Date(year, 1, 1)
        if lo_o <= d.toordinal() <= hi_o:
            ticks.append({"x": x(d), "label": str(year)})
    step = max(1, len(ticks) // 12)
    ticks = [t for i, t in enumerate(ticks) if i % step == 0]
    return {"width": width, "height": height, "left": left, "right": width - right, "top": top,
            "axis_y": height - bottom + 8, "lanes": lane_rows, "dots": dots, "path": " ".join(path), "ticks": ticks,
            "legend": [{"stage": s, "colour": STAGE_COLOURS[s]} for s in lanes if s]}


def render_html(timeline: Timeline) -> str:
    """A self-contained HTML page: inline CSS, an SVG timeline and the table; no JavaScript.

    >>> html = render_html(trace(store, "rcm-glossary"))                     # doctest: +SKIP
    """
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("rcmkg", "templates"), autoescape=select_autoescape(["html"]))
    from rcmkg import __version__

    return env.get_template("trace.html").render(t=timeline, svg=timeline_svg(timeline), version=__version__,
                                                 colours=STAGE_COLOURS)


# --- commitments -----------------------------------------------------------------------------------------


class CommitmentRow(msgspec.Struct, array_like=True, gc=False):
    """One commitment and where it stands on ``as_of``."""

    commitment: str
    date: str
    meeting: str
    agreement: str
    actors: list[str]
    actor_iris: list[str]
    action: str
    action_type: str | None
    recipients: list[str]
    due: str | None
    due_text: str | None
    optional: bool
    kind: str | None
    items: list[str]
    quote: str
    source: str
    status: str = "open"
    followed_up: str | None = None
    followed_up_at: str | None = None
    followed_up_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return msgspec.structs.asdict(self)


# Commitments are read by property, a batch of subjects at a time, and assembled here: index lookups
# on the local store, flat SPARQL (VALUES and one UNION branch per bound predicate) elsewhere.
# pyoxigraph evaluates an OPTIONAL's right side over the whole store, so one query of OPTIONALs took
# seconds per hundred commitments on a 1,000-report archive.
_Q_PROPS = """SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {ids} }} {props} }}"""
_BATCH = 2000  # IRIs per VALUES block


_Q_ITEM_STAGES = """SELECT DISTINCT ?item ?date ?meeting ?stage WHERE {{
  VALUES ?item {{ {items} }}
  ?e rcm:ofTrack ?item ; rcm:reportedAt ?meeting ; rcm:stage ?s .
  ?meeting schema:startDate ?date .
  # BIND last: a BIND between the patterns made pyoxigraph join them badly (25 s against 0.2 s at 1,000 reports).
  BIND(STRAFTER(STR(?s), "/voc/stage/") AS ?stage)
}} ORDER BY ?item ?date ?meeting ?stage"""

STATUSES = ("open", "overdue", "followed-up")


def commitments(store: Queryable, actor: str | None = None, item: str | None = None, due_before: str | None = None,
                status: str | None = None, as_of: str | Date | None = None, *, index: bool = True) -> list[CommitmentRow]:
    """Every commitment (made on or before ``as_of``, default today) with its status.

    ``actor`` and ``item`` are resolved like :func:`resolve_actor` and :func:`resolve_item`;
    ``due_before`` keeps commitments due before that date; ``status`` keeps one of
    ``open``, ``overdue``, ``followed-up``. Read from the store's commitments index when ``rcmkg
    load`` built one (unless ``index`` is false), computed from the graph otherwise; both give the
    same rows.

    >>> [c.status for c in commitments(store, actor="IOM", as_of="2019-01-01")]   # doctest: +SKIP
    ['followed-up', 'open']
    """
    if status is not None and status not in STATUSES:
        raise UsageError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    today = _date(as_of, "as-of") if as_of is not None else Date.today()
    who = resolve_actor(store, actor).iri if actor else None
    track = resolve_item(store, item).iri if item else None
    due = _date(due_before, "due-before").isoformat() if due_before else None
    entries = _cached_commitments(store) if index else None
    if entries is None:
        entries = _compute_commitments(store, who, track, due, today.isoformat())
    limit = today.isoformat()
    out = []
    for e in entries:
        row = e.row
        if row.date > limit or (who and who not in row.actor_iris) or (track and track not in e.items) \
                or (due and not (row.due and row.due < due)):
            continue
        if e.next is not None and e.next[0] <= limit:
            row.status, row.followed_up, row.followed_up_at, row.followed_up_by = "followed-up", *e.next
        else:
            row.status = "overdue" if row.due and row.due < limit else "open"
        if status is None or row.status == status:
            out.append(row)
    return out


class _Entry(msgspec.Struct, array_like=True, gc=False):
    """A commitment as the index keeps it: the row (status not set), the IRIs of its items, and its
    first follow-up at a later meeting (date, meeting, by) whatever ``as_of``: the status on any day
    follows from that alone."""

    row: CommitmentRow
    items: list[str]
    next: tuple[str, str, str] | None


def _compute_commitments(store: Queryable, who: str | None = None, track: str | None = None, due: str | None = None,
                         until: str | None = None) -> list[_Entry]:
    """The commitments made on or before ``until`` (all without), narrowed by actor, item and due
    date where given (the narrowing is a speed-up: :func:`commitments` filters again)."""
    filters = []
    if who:
        filters.append(f"?commitment rcm:committedBy {sparql_value(who)} .")
    if track:
        t = sparql_value(track)
        # joins that start from the item: a path from an unbound ?commitment is slow in pyoxigraph
        filters.append(f"{{ ?agreement dct:subject {t} . ?commitment rcm:madeIn ?agreement }}"
                       f" UNION {{ ?object dct:subject {t} . ?commitment rcm:object ?object }}"
                       f" UNION {{ ?commitment rcm:object {t} }}")
    if due:
        filters.append(f"?commitment rcm:dueDate ?dueFilter . FILTER(?dueFilter < {sparql_value(due)})")
    where = " ".join(filters) or "?commitment a rcm:Commitment ."
    ids = sorted({r["commitment"].value for r in store.query(f"SELECT DISTINCT ?commitment WHERE {{ {where} }}").rows})

    # The core of each commitment (all required): its agreement, action, meeting, position, date.
    made_in = _walk(store, ids, ("rcm:madeIn",))
    props = _props(store, ids, ("rcm:action", "rcm:actionType", "rcm:commitmentKind", "rcm:optional", "rcm:dueDate",
                                "rcm:dueText", "rcm:committedBy", "rcm:recipient", "rcm:object"))
    agreements = sorted({a for v in made_in.values() for a in v})
    a_props = _props(store, agreements, ("rcm:number", "dct:subject", "rcm:position", "rcm:agreedAt"))
    meetings = sorted({m for a in agreements for m in a_props[a].get(RCM + "agreedAt", [])})
    dates = _walk(store, meetings, ("schema:startDate",))
    core: dict[str, tuple[str, str, str, str, str]] = {}  # commitment -> (agreement, action, meeting, position, date)
    for c in ids:
        ag = min(made_in.get(c, [""]))
        ap = a_props.get(ag, {})
        meeting = min(ap.get(RCM + "agreedAt", [""]))
        action, position = min(props[c].get(RCM + "action", [""])), min(ap.get(RCM + "position", [""]))
        day = min(dates.get(meeting, [""]))
        if ag and action and meeting and position and day and (until is None or day <= until):
            core[c] = (ag, action, meeting, position, day)
    ids = sorted(core)
    objects = sorted({o for c in ids for o in props[c].get(RCM + "object", [])})
    o_subjects = _props(store, objects, ("dct:subject",))
    people = sorted({o for c in ids for p in ("committedBy", "recipient") for o in props[c].get(RCM + p, [])})
    names = _names(store, people)
    quotes = {c: min(v) for c, v in _walk(store, ids, ("prov:wasDerivedFrom", "oa:hasSelector", "oa:exact")).items()}
    sources = {m: min(v) for m, v in _walk(store, sorted({k[2] for k in core.values()}),
                                            ("schema:recordedIn", "rcm:sourceFile", "dct:identifier")).items()}

    def first(values: list[str]) -> str | None:
        return min(values) if values else None

    def concept(values: list[str]) -> str | None:
        return first(values).rstrip("/").rsplit("/", 1)[-1] if values else None

    order = sorted(core, key=lambda c: (core[c][4], core[c][2], int(core[c][3]), c))
    out: dict[str, CommitmentRow] = {}
    items_of: dict[str, list[str]] = {}
    for c in order:
        ag, action, meeting, position, day = core[c]
        p, ap = props[c], a_props[ag]
        objs = p.get(RCM + "object", [])
        items = sorted(set(ap.get(DCT + "subject", [])) | set(objs) | {i for o in objs for i in o_subjects[o].get(DCT + "subject", [])})
        actor_iris = sorted(set(p.get(RCM + "committedBy", [])))
        out[c] = CommitmentRow(
            commitment=c, date=day, meeting=meeting,
            agreement=first(ap.get(RCM + "number", [])) or position,
            actors=[names.get(a, a.rstrip("/").rsplit("/", 1)[-1]) for a in actor_iris], actor_iris=actor_iris,
            action=action, action_type=concept(p.get(RCM + "actionType", [])),
            recipients=list(dict.fromkeys(names.get(x, x.rstrip("/").rsplit("/", 1)[-1])
                                          for x in sorted(set(p.get(RCM + "recipient", []))))),
            due=first(p.get(RCM + "dueDate", [])), due_text=first(p.get(RCM + "dueText", [])),
            optional=first(p.get(RCM + "optional", [])) in ("true", "1"),
            kind=concept(p.get(RCM + "commitmentKind", [])), items=[i.rstrip("/").rsplit("/", 1)[-1] for i in items],
            quote=quotes.get(c, ""), source=sources.get(meeting, ""),
        )
        items_of[c] = items

    nexts = _follow_up(store, list(out.values()), items_of)
    return [_Entry(row, items_of[c], nexts.get(c)) for c, row in out.items()]


# --- the commitments index ---------------------------------------------------------------------------
#
# Listing the commitments of a big archive reads a dozen properties of every commitment, and each
# quad the disk store returns costs 10-20 microseconds (32 s for the open ones of 10,000 reports).
# `rcmkg load` therefore keeps every commitment's row, items and first follow-up in one entry of the
# store's index, about the archive as a whole: any changed report drops it (rcmkg.store), and
# `refresh_commitments` rebuilds it. The status on a given day is worked out when asked.

COMMITMENTS = "urn:rcmkg:commitments"
_COMMITMENTS_FORMAT = "rcmkg-commitments-1\n"
_ENTRIES_DECODER = msgspec.json.Decoder(list[_Entry])


def _cached_commitments(store: Queryable) -> list[_Entry] | None:
    from rcmkg.store import ARCHIVE

    get = getattr(store, "index_get", None)  # a LocalStore's derived entries; elsewhere computed
    data = get(ARCHIVE, COMMITMENTS) if get is not None else None
    if data is None or not data.startswith(_COMMITMENTS_FORMAT):
        return None
    try:
        return _decode_entry(_ENTRIES_DECODER, data[len(_COMMITMENTS_FORMAT):])
    except msgspec.DecodeError:
        return None  # damaged: compute instead


def refresh_commitments(store: Any, *, rebuild: bool = False) -> bool:
    """Build the commitments index of a :class:`rcmkg.store.LocalStore` if it has none that is
    current (or always, with ``rebuild``); returns whether it was written.

    >>> refresh_commitments(LocalStore(".rcmkg/store"))                        # doctest: +SKIP
    True
    """
    from rcmkg.store import ARCHIVE

    if not rebuild and _cached_commitments(store) is not None:  # decoded: a damaged entry is rebuilt
        return False
    store.index_set(ARCHIVE, COMMITMENTS, _COMMITMENTS_FORMAT + _ENCODER.encode(_compute_commitments(store)).decode())
    return True


def _batched(store: Queryable, template: str, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Rows of ``template`` (with ``{ids}``) for every IRI in ``ids``, a VALUES block at a time."""
    rows: list[dict[str, Any]] = []
    for k in range(0, len(ids), _BATCH):
        rows += store.query(template.format(ids=" ".join(sparql_value(i) for i in ids[k : k + _BATCH]))).rows
    return rows


def _expand(name: str) -> str:
    prefix, local = name.split(":", 1)
    return PREFIXES[prefix] + local


def _props(store: Queryable, ids: Sequence[str], props: Sequence[str]) -> dict[str, dict[str, list[str]]]:
    """``{subject: {property IRI: [values, sorted]}}`` for the given subjects and properties.

    On the local store these are index lookups; anywhere else, SPARQL (one UNION branch per
    property: a pattern with its predicate bound, where "VALUES ?p {...} ?s ?p ?o" scans everything).
    """
    out: dict[str, dict[str, list[str]]] = {i: {} for i in ids}
    inner = getattr(store, "ox", None)
    if inner is not None:
        import pyoxigraph as ox

        preds = [(ox.NamedNode(_expand(p)), _expand(p)) for p in props]
        for i in ids:
            node, found = ox.NamedNode(i), out[i]
            for pred, iri in preds:
                values = {q.object.value for q in inner.quads_for_pattern(node, pred, None)}
                if values:
                    found[iri] = sorted(values)
        return out
    branches = " UNION ".join(f"{{{{ ?s {p} ?o BIND({p} AS ?p) }}}}" for p in props)
    for r in _batched(store, _Q_PROPS.replace("{props}", branches), ids):
        out[r["s"].value].setdefault(r["p"].value, []).append(r["o"].value)
    for found in out.values():
        for iri, values in found.items():
            found[iri] = sorted(set(values))
    return out


def _walk(store: Queryable, ids: Sequence[str], path: Sequence[str]) -> dict[str, list[str]]:
    """``{subject: [values at the end of the property path, sorted]}`` (subjects with none left out)."""
    out: dict[str, list[str]] = {}
    inner = getattr(store, "ox", None)
    if inner is not None:
        import pyoxigraph as ox

        preds = [ox.NamedNode(_expand(p)) for p in path]
        for i in ids:
            frontier: list[Any] = [ox.NamedNode(i)]
            for pred in preds:
                frontier = [q.object for node in frontier for q in inner.quads_for_pattern(node, pred, None)]
            if frontier:
                out[i] = sorted({t.value for t in frontier})
        return out
    hops = [f"?x{k}" for k in range(1, len(path))]
    chain = " . ".join(f"{a} {p} {b}" for a, p, b in zip(["?s", *hops], path, [*hops, "?o"], strict=True))
    for r in _batched(store, "SELECT ?s ?o WHERE {{ VALUES ?s {{ {ids} }} " + chain + " }}", ids):
        out.setdefault(r["s"].value, []).append(r["o"].value)
    return {k: sorted(set(v)) for k, v in out.items()}


def _subjects(store: Queryable, objects: Sequence[str], props: Sequence[str]) -> list[tuple[str, str]]:
    """(object, subject) for every ``subject prop object`` triple, each pair once, sorted."""
    inner = getattr(store, "ox", None)
    if inner is not None:
        import pyoxigraph as ox

        preds = [ox.NamedNode(_expand(p)) for p in props]
        return sorted({(o, q.subject.value) for o in objects for pred in preds
                       for q in inner.quads_for_pattern(None, pred, ox.NamedNode(o))})
    branches = " UNION ".join(f"{{{{ ?s {p} ?o }}}}" for p in props)
    rows = _batched(store, "SELECT DISTINCT ?o ?s WHERE {{ VALUES ?o {{ {ids} }} " + branches + " }}", objects)
    return sorted({(r["o"].value, r["s"].value) for r in rows})


def _names(store: Queryable, iris: Sequence[str]) -> dict[str, str]:
    """The English name of each actor, else its notation (a country's ISO code)."""
    by = _props(store, iris, ("skos:notation",))
    en = {r["s"].value: r["o"].value for r in _batched(
        store, """SELECT ?s ?o WHERE {{ VALUES ?s {{ {ids} }} ?s skos:prefLabel ?o FILTER(LANGMATCHES(LANG(?o), "en")) }}""", iris)}
    out = {}
    for i in iris:
        name = en.get(i) or min(by[i].get(SKOS + "notation", []), default=None)
        if name:
            out[i] = name
    return out


def _follow_up(store: Queryable, rows: list[CommitmentRow], items_of: dict[str, list[str]]
               ) -> dict[str, tuple[str, str, str]]:
    """The first follow-up (date, meeting, by) of each commitment that has one, from two queries and
    binary searches by date."""
    items = sorted({i for r in rows for i in items_of[r.commitment]})
    actors = sorted({a for r in rows for a in r.actor_iris})
    by_actor: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    by_stage: dict[str, list[tuple[str, str, str]]] = {}
    if items and actors:
        wanted = set(actors)
        pairs = _subjects(store, items, ("dct:subject", "rcm:concerns"))
        agreements = sorted({a for _, a in pairs})
        ap = _props(store, agreements, ("rcm:number", "rcm:mentions", "rcm:addressee", "rcm:hasCommitment", "rcm:agreedAt"))
        days = _walk(store, sorted({m for a in agreements for m in ap[a].get(RCM + "agreedAt", [])}), ("schema:startDate",))
        made = _props(store, sorted({c for a in agreements for c in ap[a].get(RCM + "hasCommitment", [])}), ("rcm:committedBy",))
        for i, a in pairs:
            p = ap[a]
            meeting = min(p.get(RCM + "agreedAt", [""]))
            if meeting not in days:
                continue  # a meeting or a document about the item, not an agreement
            who = set(p.get(RCM + "mentions", [])) | set(p.get(RCM + "addressee", []))
            who |= {w for c in p.get(RCM + "hasCommitment", []) for w in made[c].get(RCM + "committedBy", [])}
            num = min(p.get(RCM + "number", []), default="")
            for w in who & wanted:
                by_actor.setdefault((i, w), []).append((min(days[meeting]), meeting, f"agreement {num}".strip()))
        for seq in by_actor.values():
            seq.sort()
    if items:
        q = _Q_ITEM_STAGES.format(items=" ".join(sparql_value(i) for i in items))
        for r in store.query(q).rows:
            by_stage.setdefault(r["item"].value, []).append((r["date"].value, r["meeting"].value, f"stage {r['stage'].value}"))
    out: dict[str, tuple[str, str, str]] = {}
    for row in rows:
        best: tuple[str, str, str] | None = None
        candidates: list[list[tuple[str, str, str]]] = []
        for i in items_of[row.commitment]:
            candidates += [by_actor.get((i, a), []) for a in row.actor_iris]
            candidates.append(by_stage.get(i, []))
        for seq in candidates:
            k = bisect.bisect_right(seq, (row.date, "\uffff", ""))  # first meeting strictly later
            if k < len(seq) and (best is None or seq[k] < best):
                best = seq[k]
        if best is not None:
            out[row.commitment] = best
    return out


def _date(value: str | Date, what: str) -> Date:
    if isinstance(value, Date):
        return value
    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--{what} needs a date as YYYY-MM-DD, not {value!r}") from None


def commitments_table(rows: Sequence[CommitmentRow], fmt: str = "table", width: int = 40) -> str:
    """Commitments as ``table``, ``markdown``, ``json`` or ``csv``.

    >>> print(commitments_table([], "csv").strip())
    date,meeting,agreement,actor,action,recipient,due,status,followed_up,followed_up_by,items,quote,source,commitment
    """
    head = ["date", "meeting", "agreement", "actor", "action", "recipient", "due", "status", "followed_up",
            "followed_up_by", "items", "quote", "source", "commitment"]

    def cells(r: CommitmentRow) -> list[str]:
        return [r.date, r.meeting, r.agreement, ", ".join(r.actors), r.action, ", ".join(r.recipients),
                r.due or (r.due_text or ""), r.status, r.followed_up or "", r.followed_up_by or "",
                ", ".join(r.items), r.quote, r.source, r.commitment]

    if fmt == "json":
        import json

        return json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(head)
        w.writerows(cells(r) for r in rows)
        return buf.getvalue()
    short = ["date", "agreement", "actor", "action", "recipient", "due", "status", "followed_up", "quote"]
    idx = [head.index(h) for h in short]
    body = [[" ".join(cells(r)[i].split()) for i in idx] for r in rows]
    if fmt == "markdown":
        lines = ["| " + " | ".join(short) + " |", "|" + "---|" * len(short)]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in b) + " |" for b in body]
        return "\n".join(lines) + "\n"
    if fmt != "table":
        raise UsageError(f"commitments can be written as table, markdown, json or csv, not {fmt}")
    body = [[_clip(c, width) for c in b] for b in body]
    widths = [max([len(h)] + [len(b[i]) for b in body]) for i, h in enumerate(short)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(short, widths, strict=True)).rstrip(), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(b, widths, strict=True)).rstrip() for b in body]
    counts = {s: sum(r.status == s for r in rows) for s in STATUSES}
    lines.append(f"({len(rows)} commitments: " + ", ".join(f"{n} {s}" for s, n in counts.items()) + ")")
    return "\n".join(lines)


__all__ = [
    "AmbiguousItem", "Candidate", "CommitmentRow", "Named", "StageMark", "Timeline", "Track",
    "TraceRow", "commitments", "commitments_table", "refresh_commitments", "label_score", "match_names", "normalise",
    "compute_timelines", "refresh_timelines", "render_html", "resolve_actor", "resolve_item", "timeline_svg", "trace",
]
