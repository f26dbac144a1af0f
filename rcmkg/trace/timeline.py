"""A tracked item's timeline: one row per meeting in date order, computed from the store.

Built from the ``rcm:StageEvent`` resources the converter writes (and from agreements whose
``dct:subject`` is the item, so a meeting that only mentions it still shows), with four SPARQL
queries for any number of items (:func:`compute_timelines`). Pure: no cache. ``rcmkg load``
keeps each finished timeline in the index (:mod:`rcmkg.index.timelines`), which
:func:`rcmkg.trace.lookup.trace` reads first.

>>> timeline = compute_timelines(store, [item])[item.iri]                    # doctest: +SKIP
>>> [(r.date, r.stage) for r in timeline.rows][:2]                          # doctest: +SKIP
[('2016-11-15', 'proposed'), ('2017-06-21', 'in-preparation')]
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import msgspec

from rcmkg.namespaces import STAGE_RANK
from rcmkg.safety import markdown_cell, visible
from rcmkg.sparql.bind import sparql_value
from rcmkg.sparql.results import Queryable, Row
from rcmkg.text import clip
from rcmkg.trace.resolve import Track

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
    # how quiet the item has gone (set by :func:`rcmkg.trace.lookup.trace`, not kept in the index)
    later_meetings: int = 0           # meetings of the bodies that dealt with it held after it last came up
    archive_last: str | None = None   # the archive's last meeting date
    dormant: bool = False

    @property
    def last_dealt_with(self) -> str | None:
        """The date of the last meeting that dealt with the item."""
        return self.rows[-1].date if self.rows else None

    def state_text(self) -> str:
        """``last dealt with on DATE`` or ``dormant since DATE (N later meetings)``."""
        last = self.last_dealt_with
        if last is None:
            return "never dealt with"
        if self.dormant:
            return f"dormant since {last} ({self.later_meetings} later meetings, last {self.archive_last})"
        return f"last dealt with on {last}" + (f" ({self.later_meetings} later meetings)" if self.later_meetings else "")

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
            "last_dealt_with": self.last_dealt_with, "later_meetings": self.later_meetings, "dormant": self.dormant,
            "state": self.state_text(),
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
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def _cells(self, width: int | None) -> tuple[list[str], list[list[str]]]:
        head = ["date", "place", "agreement", "stage", "modality", "actors", "commitments", "quote"]
        body = []
        for r in self.rows:
            cells = [r.date, r.place, ", ".join(r.agreements) or "(outside the agreements)", r.stage_text() or "(mentioned)", r.modality or "",
                     ", ".join(r.actors), r.commitment_text(), r.quote]
            body.append([clip(visible(c), width) if width else " ".join(c.split()) for c in cells])
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
        """A Markdown table: cells through :func:`rcmkg.safety.markdown_cell` (HTML and pipes
        escaped, control and bidi characters visible): report text is not Markdown."""
        head, body = self._cells(None)
        esc = [[markdown_cell(c) for c in row] for row in body]
        lines = [f"## {markdown_cell(self._title())}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(row) + " |" for row in esc]
        return "\n".join(lines) + "\n"

    def _title(self) -> str:
        cur = self.current
        now = f"; now: {cur.stage} ({cur.modality})" if cur else ""
        return f"{self.item.label} [{self.item.slug}]: {len(self.rows)} meetings{now}; {self.state_text()}"


_LABEL = """OPTIONAL {{ {v} skos:prefLabel {v}En FILTER(LANGMATCHES(LANG({v}En), "en")) }}
  OPTIONAL {{ {v} skos:notation {v}Code }}"""

_Q_MEETINGS = """SELECT ?track ?meeting ?date ?endDate ?label ?city ?country ?source WHERE {{
  {{ SELECT DISTINCT ?track ?meeting WHERE {{
      VALUES ?track {{ {tracks} }} {meetings}
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
  VALUES ?track {{ {tracks} }} {meetings}
  ?agreement dct:subject ?track ; rcm:agreedAt ?meeting ; rcm:position ?position .
  OPTIONAL {{ ?agreement rcm:number ?number }}
  OPTIONAL {{ ?agreement rcm:text ?quote }}
}} ORDER BY ?track ?meeting ?position ?agreement ?number ?quote"""

_Q_EVENTS = """SELECT ?track ?event ?meeting ?stage ?rank ?modality ?eventDate ?when ?number ?actor ?actorEn ?actorCode
       ?quote ?start WHERE {{
  VALUES ?track {{ {tracks} }} {meetings}
  ?event rcm:ofTrack ?track ; rcm:reportedAt ?meeting ; rcm:stage ?s .
  BIND(STRAFTER(STR(?s), "/voc/stage/") AS ?stage)
  OPTIONAL {{ ?s rcm:stageRank ?rank }}
  OPTIONAL {{ ?event rcm:modality ?m BIND(STRAFTER(STR(?m), "/voc/modality/") AS ?modality) }}
  OPTIONAL {{ ?event rcm:eventDate ?eventDate }}
  OPTIONAL {{ ?event rcm:whenText ?when }}
  OPTIONAL {{ ?event rcm:reportedIn/rcm:number ?number }}
  OPTIONAL {{ ?event rcm:actor ?actor {actor_label} }}
}} ORDER BY ?track ?meeting ?event ?number ?actor"""

# Each event's quote, apart: pyoxigraph evaluates an OPTIONAL of several patterns over the whole
# store (8-25 s a query on 1,000 reports), where this join starts from the events.
_Q_QUOTES = """SELECT ?event ?quote ?start WHERE {{
  VALUES ?event {{ {events} }}
  ?event prov:wasDerivedFrom ?span . ?span oa:hasSelector ?sel . ?sel oa:exact ?quote .
  OPTIONAL {{ ?span oa:hasSelector/oa:start ?start }}
}} ORDER BY ?event ?start ?quote"""

_Q_COMMITMENTS = """SELECT ?track ?meeting ?commitment ?position ?action ?actor ?actorEn ?actorCode ?due ?dueText WHERE {{
  {{ SELECT DISTINCT ?track ?commitment WHERE {{
      VALUES ?track {{ {tracks} }}
      {{ ?a dct:subject ?track ; rcm:hasCommitment ?commitment }} UNION {{ ?e rcm:ofTrack ?track ; rcm:viaCommitment ?commitment }} }} }}
  ?commitment rcm:madeIn ?agreement ; rcm:action ?action .
  {meetings} ?agreement rcm:agreedAt ?meeting ; rcm:position ?position .
  OPTIONAL {{ ?commitment rcm:committedBy ?actor {actor_label} }}
  OPTIONAL {{ ?commitment rcm:dueDate ?due }}
  OPTIONAL {{ ?commitment rcm:dueText ?dueText }}
}} ORDER BY ?track ?meeting ?position ?commitment ?actor ?actorEn ?due"""


def _from_meeting(query: str, within: str) -> str:
    """``query`` for the meetings ``within`` (a VALUES clause) only, written so that pyoxigraph starts
    from them: it joins in the order written, and evaluates the inside of an OPTIONAL of several
    patterns over the whole store unless the group itself is restricted (18 s against milliseconds
    for the events of one meeting of 1,000). The rows of those meetings are the same."""
    one = within.replace("?meeting", "?m1")
    for a, b in (("?event rcm:ofTrack ?track ; rcm:reportedAt ?meeting", "?event rcm:reportedAt ?meeting ; rcm:ofTrack ?track"),
                 ("?e rcm:ofTrack ?track ; rcm:reportedAt ?meeting", "?e rcm:reportedAt ?meeting ; rcm:ofTrack ?track"),
                 ("?a dct:subject ?track ; rcm:agreedAt ?meeting", "?a rcm:agreedAt ?meeting ; dct:subject ?track"),
                 ("?agreement dct:subject ?track ; rcm:agreedAt ?meeting", "?agreement rcm:agreedAt ?meeting ; dct:subject ?track"),
                 ("OPTIONAL { ?meeting schema:location", f"OPTIONAL {{ {within} ?meeting schema:location"),
                 ("OPTIONAL { ?meeting schema:recordedIn", f"OPTIONAL {{ {within} ?meeting schema:recordedIn"),
                 ("{ ?a dct:subject ?track ; rcm:hasCommitment ?commitment } UNION "
                  "{ ?e rcm:ofTrack ?track ; rcm:viaCommitment ?commitment }",
                  # the commitments made at those meetings, each branch starting from them
                  f"{{ {within} ?a0 rcm:agreedAt ?meeting . ?commitment rcm:madeIn ?a0 . "
                  "?a dct:subject ?track ; rcm:hasCommitment ?commitment } UNION "
                  f"{{ {within} ?a0 rcm:agreedAt ?meeting . ?commitment rcm:madeIn ?a0 . "
                  "?e rcm:viaCommitment ?commitment ; rcm:ofTrack ?track }"),
                 ("OPTIONAL { ?commitment rcm:committedBy ?actor",
                  f"OPTIONAL {{ {one} ?a1 rcm:agreedAt ?m1 . ?commitment rcm:madeIn ?a1 . ?commitment rcm:committedBy ?actor")):
        query = query.replace(a, b)
    return query


def _actor_name(r: Row, var: str = "actor") -> str:
    for key in (var + "En", var + "Code"):
        if key in r:
            return r[key].value
    return r[var].value.rstrip("/").rsplit("/", 1)[-1] if var in r else ""



def compute_timelines(store: Queryable, tracks: Sequence[Track], only: Sequence[str] | None = None) -> dict[str, Timeline]:
    """The timelines of several tracked items, from four queries in all (not four per item).

    With ``only`` (meeting IRIs), just the rows of those meetings: each row is built from its own
    meeting's data, so these are the rows a whole timeline would have for them."""
    if not tracks:
        return {}
    values = " ".join(sparql_value(t.iri) for t in tracks)
    within = f"VALUES ?meeting {{ {' '.join(sparql_value(m) for m in only)} }}" if only is not None else ""
    actor_label = _LABEL.format(v="?actor")
    queries = [_Q_MEETINGS.format(tracks=values, meetings=within), _Q_AGREEMENTS.format(tracks=values, meetings=within),
               _Q_EVENTS.format(tracks=values, actor_label=actor_label, meetings=within),
               _Q_COMMITMENTS.format(tracks=values, actor_label=actor_label, meetings=within)]
    if only is not None:
        # pyoxigraph joins in the order written: from the few meetings, not from the item's whole history
        # (18 s against milliseconds for the events of one meeting of 1,000)
        queries = [_from_meeting(q, within) for q in queries]
    meetings, agreements, events, commitments = (store.query(q).rows for q in queries)

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
    # the quote of the event's span that starts first (what the first row of one query ordered by
    # start gave before the quotes had a query of their own)
    quotes: dict[str, str] = {}
    events_seen = sorted({key[1] for key in marks})
    for k in range(0, len(events_seen), 500):
        chunk = " ".join(sparql_value(e) for e in events_seen[k:k + 500])
        for r in store.query(_Q_QUOTES.format(events=chunk)).rows:
            quotes.setdefault(r["event"].value, r["quote"].value)
    for key, mark in marks.items():
        if key[1] in quotes:
            mark.quote = quotes[key[1]]
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



def _number_key(n: str) -> list[tuple[int, Any]]:
    return [(0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\s]+", n) if p]


# The bodies of the meetings that dealt with the item first, then their later meetings, each once
# (a meeting two of them held counts once, as ``queries/dormant.rq`` counts). One pattern with the
# archive's last date in it joined every meeting of the archive to every row (at 10,000 reports an
# item's trace did not finish in minutes); apart, they are 0.2 s each.
_Q_QUIET = """SELECT (COUNT(DISTINCT ?body) AS ?bodies) (COUNT(DISTINCT ?later) AS ?n) WHERE {{
  {{ SELECT DISTINCT ?body WHERE {{ VALUES ?dealt {{ {meetings} }} ?dealt schema:organizer ?body }} }}
  OPTIONAL {{ ?later schema:organizer ?body ; schema:startDate ?d . FILTER(?d > {after}) }}
}}"""
_Q_ARCHIVE_LAST = "SELECT (MAX(?any) AS ?last) WHERE { ?m a rcm:Meeting ; schema:startDate ?any }"


def months_between(a: str, b: str) -> int:
    """Whole months from date ``a`` to date ``b`` (ISO dates).

    >>> months_between("2017-06-21", "2018-07-19")
    12
    """
    y1, m1, d1 = (int(x) for x in a.split("-"))
    y2, m2, d2 = (int(x) for x in b.split("-"))
    return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1)


def mark_dormancy(store: Queryable, timeline: Timeline, meetings: int, months: int,
                  stored: tuple[int, str] | None = None) -> Timeline:
    """Set how quiet ``timeline``'s item has gone: the meetings of the bodies that dealt with it held
    since it last came up, and whether that makes it dormant (``meetings`` later meetings, or
    ``months`` months to the archive's last meeting). ``stored``, those later meetings and the
    archive's last meeting date as ``rcmkg load`` kept them (:func:`rcmkg.index.dormant.stored_dormancy`):
    the two queries read every meeting of the item's bodies and of the archive."""
    last = timeline.last_dealt_with
    if last is None:
        return timeline
    if stored is not None:
        timeline.later_meetings, timeline.archive_last = stored
    else:
        dealt = sorted({r.meeting for r in timeline.rows})
        rows = store.query(_Q_QUIET.format(meetings=" ".join(sparql_value(m) for m in dealt),
                                           after=f'"{last}"^^xsd:date')).rows
        bodies = max((int(r["bodies"].value) for r in rows if r.get("bodies") is not None), default=0)
        timeline.later_meetings = max((int(r["n"].value) for r in rows if r.get("n") is not None), default=0)
        # No body, no quiet to measure: the archive's last meeting is then the item's (as it always was).
        ends = store.query(_Q_ARCHIVE_LAST).rows if bodies else []
        timeline.archive_last = max((r["last"].value for r in ends if r.get("last") is not None), default=last)
    timeline.dormant = timeline.later_meetings >= meetings or months_between(last, timeline.archive_last) >= months
    return timeline
