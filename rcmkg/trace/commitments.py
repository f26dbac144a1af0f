"""Commitments: who promised what, and what later meetings say became of it.

Every commitment gets its status on a given day (``as_of``) from the evidence of later meetings
(:mod:`rcmkg.trace.fulfilment`): fulfilled, partly fulfilled, in progress, superseded, else not
fulfilled when its due date has passed, else unknown. Mentioning the item again is not evidence.
:func:`compute_commitment_entries` reads every commitment with its items and evidence (pure: no
cache; ``rcmkg load`` keeps the result in the index, :mod:`rcmkg.index.commitments`), and
:func:`select_commitments` works out the status on a day.

Commitments are read by property, a batch of subjects at a time, and assembled here: index lookups
on the local store, flat SPARQL (VALUES and one UNION branch per bound predicate) elsewhere.
pyoxigraph evaluates an OPTIONAL's right side over the whole store, so one query of OPTIONALs took
seconds per hundred commitments on a 1,000-report archive.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Collection, Sequence
from datetime import date as Date
from typing import Any

import msgspec
import pyoxigraph as ox

from rcmkg.errors import UsageError
from rcmkg.namespaces import DCT, PREFIXES, RCM, SKOS
from rcmkg.safety import csv_cell, markdown_cell
from rcmkg.sparql.bind import sparql_value
from rcmkg.sparql.results import Queryable, Row
from rcmkg.sparql.terms import OxTerm, term_value
from rcmkg.store.local import LocalStore
from rcmkg.text import clip
from rcmkg.trace import fulfilment
from rcmkg.trace.fulfilment import Agreement, Candidates, Commitment, Evidence, decide, evidence_from


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
    status: str = "unknown"
    overdue: bool = False
    evidence: str | None = None          # the agreement that decides the status
    evidence_date: str | None = None
    evidence_meeting: str | None = None
    evidence_label: str | None = None    # "agreement 3.d"
    evidence_quote: str | None = None    # the clause of it that reports the action done, in progress or replaced
    evidence_span: str | None = None
    delivered_by: list[str] = msgspec.field(default_factory=list)       # member countries, for a collective commitment
    not_delivered_by: list[str] = msgspec.field(default_factory=list)   # present at that meeting, not named

    def to_dict(self) -> dict[str, Any]:
        return msgspec.structs.asdict(self)


_Q_PROPS = """SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {ids} }} {props} }}"""
_BATCH = 2000  # IRIs per VALUES block


# the statuses (rcmkg.trace.fulfilment), then two selections: "open" (still owed: unknown, in progress,
# not fulfilled, partly fulfilled) and "overdue" (still owed and past its due date)
STATUSES = (*fulfilment.STATUSES, "open", "overdue")
OWED = (fulfilment.UNKNOWN, fulfilment.IN_PROGRESS, fulfilment.NOT_FULFILLED, fulfilment.PARTLY)



class CommitmentEntry(msgspec.Struct, array_like=True, gc=False):
    """A commitment as the index keeps it: the row (status not set), the IRIs of its items, and
    every piece of evidence later meetings give about it, whatever ``as_of``: the status on any day
    follows from that alone (:func:`rcmkg.trace.fulfilment.decide`)."""

    row: CommitmentRow
    items: list[str]
    evidence: list[Evidence]
    names: dict[str, str] = msgspec.field(default_factory=dict)   # country IRI -> name, for delivered_by



def compute_commitment_entries(store: Queryable, who: str | None = None, track: str | None = None, due: str | None = None,
                         until: str | None = None, features: dict[str, Commitment] | None = None) -> list[CommitmentEntry]:
    """The commitments made on or before ``until`` (all without), narrowed by actor, item and due
    date where given (the narrowing is a speed-up: :func:`commitments` filters again); ``features``
    gets what the fulfilment rules read of each."""
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
    return commitment_entries_of(store, ids, until, features)


def commitment_entries_of(store: Queryable, ids: Sequence[str], until: str | None = None,
                          features: dict[str, Commitment] | None = None,
                          skip: Collection[str] = ()) -> list[CommitmentEntry]:
    """The entries of the commitments ``ids`` (those with all their core properties), in the
    order :func:`compute_commitment_entries` gives: by date, meeting, agreement position, IRI.
    ``features`` gets what the fulfilment rules read of each (:class:`rcmkg.trace.fulfilment.Commitment`);
    the commitments in ``skip`` get no evidence (not looked for: the caller knows it)."""
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
        return min(values).rstrip("/").rsplit("/", 1)[-1] if values else None

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
            quote=" ".join(quotes.get(c, "").split()), source=sources.get(meeting, ""),  # one line, as printed
        )
        items_of[c] = items

    found, countries = _evidence(store, list(out.values()), items_of, made_in, features, skip)
    return [CommitmentEntry(row, items_of[c], found.get(c, []), {k: v for k, v in countries.items()
                                                                 if any(k in e.present for e in found.get(c, []))})
            for c, row in out.items()]



def select_commitments(entries: Sequence[CommitmentEntry], who: str | None, track: str | None, due: str | None,
                       today: Date, status: str | None) -> list[CommitmentRow]:
    """The rows of ``entries`` made on or before ``today`` by ``who``, about ``track`` and due before
    ``due`` (where given), each with its status on ``today``, keeping only ``status`` if given."""
    limit = today.isoformat()
    out = []
    for e in entries:
        row = e.row
        # a country owes its part of a member countries' commitment once evidence names who delivered
        share = bool(who) and who not in row.actor_iris and any(
            who in v.present for v in e.evidence if v.date <= limit)
        if row.date > limit or (who and who not in row.actor_iris and not share) or (track and track not in e.items) \
                or (due and not (row.due and row.due < due)):
            continue
        row.status, ev = decide(e.evidence, row.due, limit)
        if share:
            ev = next(v for v in reversed(e.evidence) if v.date <= limit and who in v.present)
            delivered = who in ev.delivered_by
            row.status = fulfilment.FULFILLED if delivered else (
                fulfilment.NOT_FULFILLED if row.due and row.due < limit else fulfilment.UNKNOWN)
            if not delivered:
                ev = None  # what names the others is not evidence about this country
        row.overdue = row.status in OWED and bool(row.due and row.due < limit)
        row.evidence = row.evidence_date = row.evidence_meeting = row.evidence_label = None
        row.evidence_quote = row.evidence_span = None
        row.delivered_by, row.not_delivered_by = [], []
        if ev is not None:
            row.evidence, row.evidence_date, row.evidence_meeting = ev.agreement, ev.date, ev.meeting
            row.evidence_label, row.evidence_quote, row.evidence_span = f"agreement {ev.label}", ev.quote, ev.span
            if ev.delivered_by:
                row.delivered_by = [e.names.get(x, x) for x in ev.delivered_by]
                row.not_delivered_by = [e.names.get(x, x) for x in ev.present if x not in ev.delivered_by]
        if status is None or row.status == status or (status == "open" and row.status in OWED) \
                or (status == "overdue" and row.overdue):
            out.append(row)
    return out


def still_owes_first(rows: Sequence[CommitmentRow]) -> list[CommitmentRow]:
    """What an actor still owes first (unknown, in progress, partly or not fulfilled: the oldest due
    date first, undated last, then by the day it was made), then what it fulfilled, then what was
    superseded, each by date."""
    def key(r: CommitmentRow) -> tuple[int, str, str, str]:
        if r.status in OWED:
            return (0, r.due or "9999-99-99", r.date, r.commitment)
        return (1 if r.status == fulfilment.FULFILLED else 2, r.evidence_date or "", r.date, r.commitment)
    return sorted(rows, key=key)


def _batched(store: Queryable, template: str, ids: Sequence[str]) -> list[Row]:
    """Rows of ``template`` (with ``{ids}``) for every IRI in ``ids``, a VALUES block at a time."""
    rows: list[Row] = []
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
    inner = store.ox if isinstance(store, LocalStore) else None
    if inner is not None:
        preds = [(ox.NamedNode(_expand(p)), _expand(p)) for p in props]
        for i in ids:
            node, found = ox.NamedNode(i), out[i]
            for pred, iri in preds:
                found_values = {term_value(q.object) for q in inner.quads_for_pattern(node, pred, None)}
                if found_values:
                    found[iri] = sorted(found_values)
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
    inner = store.ox if isinstance(store, LocalStore) else None
    if inner is not None:
        preds = [ox.NamedNode(_expand(p)) for p in path]
        for i in ids:
            frontier: list[OxTerm] = [ox.NamedNode(i)]
            for pred in preds:
                frontier = [q.object for node in frontier if not isinstance(node, ox.Literal)
                            for q in inner.quads_for_pattern(node, pred, None)]
            if frontier:
                out[i] = sorted({term_value(t) for t in frontier})
        return out
    hops = [f"?x{k}" for k in range(1, len(path))]
    chain = " . ".join(f"{a} {p} {b}" for a, p, b in zip(["?s", *hops], path, [*hops, "?o"], strict=True))
    for r in _batched(store, "SELECT ?s ?o WHERE {{ VALUES ?s {{ {ids} }} " + chain + " }}", ids):
        out.setdefault(r["s"].value, []).append(r["o"].value)
    return {k: sorted(set(v)) for k, v in out.items()}


def _subjects(store: Queryable, objects: Sequence[str], props: Sequence[str]) -> list[tuple[str, str]]:
    """(object, subject) for every ``subject prop object`` triple, each pair once, sorted."""
    inner = store.ox if isinstance(store, LocalStore) else None
    if inner is not None:
        preds = [ox.NamedNode(_expand(p)) for p in props]
        return sorted({(o, term_value(q.subject)) for o in objects for pred in preds
                       for q in inner.quads_for_pattern(None, pred, ox.NamedNode(o))})
    branches = " UNION ".join(f"{{{{ ?s {p} ?o }}}}" for p in props)
    rows = _batched(store, "SELECT DISTINCT ?o ?s WHERE {{ VALUES ?o {{ {ids} }} " + branches + " }}", objects)
    return sorted({(r["o"].value, r["s"].value) for r in rows})


def actor_names(store: Queryable, iris: Sequence[str]) -> dict[str, str]:
    """The names a commitment's row gives its actors (:attr:`CommitmentRow.actors`)."""
    return _names(store, iris)


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


def _evidence(store: Queryable, rows: list[CommitmentRow], items_of: dict[str, list[str]],
              made_in: dict[str, list[str]], features: dict[str, Commitment] | None = None,
              skip: Collection[str] = ()) -> tuple[dict[str, list[Evidence]], dict[str, str]]:
    """Every piece of evidence about each commitment (but those in ``skip``): the rules of
    :mod:`rcmkg.trace.fulfilment` applied to the agreements of later meetings about the same
    tracked item (``features`` gets what the rules read of each commitment)."""
    full = [r for r in rows if r.commitment not in skip]
    items = sorted({i for r in full for i in items_of[r.commitment]})
    pairs = _subjects(store, items, ("dct:subject",)) if items else []
    own = sorted({min(made_in.get(r.commitment, [""])) for r in rows} - {""})
    # Only agreements later than the earliest commitment can be evidence: the others are left out
    # before their texts are read (two lookups each instead of dozens).
    first = min((r.date for r in full), default="")
    when = _walk(store, sorted({a for _, a in pairs} - set(own)), ("rcm:agreedAt", "schema:startDate"))
    agreements = sorted({a for _, a in pairs if any(d > first for d in when.get(a, []))} | set(own))
    facts, names = agreement_facts(store, agreements)
    about: dict[str, list[Agreement]] = {}
    for i, a in pairs:
        if a in facts:
            about.setdefault(i, []).append(facts[a])
    by_item = {i: Candidates(v) for i, v in about.items()}
    out: dict[str, list[Evidence]] = {}
    for row in rows:
        c = _commitment(row, facts.get(min(made_in.get(row.commitment, [""]))))
        if features is not None:
            features[row.commitment] = c
        if row.commitment in skip:
            continue
        seen: set[str] = set()
        found: list[Evidence] = []
        for i in items_of[row.commitment]:
            if i not in by_item:
                continue
            for ag in by_item[i].later(c):
                if ag.iri not in seen:
                    seen.add(ag.iri)
                    e = evidence_from(c, ag)
                    if e is not None:
                        found.append(e)
        if found:
            out[row.commitment] = sorted(found, key=lambda e: (e.date, e.label, e.agreement))
    return out, names


def _commitment(row: CommitmentRow, own_ag: Agreement | None, context: str | None = None) -> Commitment:
    """What the fulfilment rules need of a commitment (``own_ag``: the agreement it was made in, or
    ``context``: that agreement's first text, folded)."""
    if context is None:
        context = own_ag.texts[0] if own_ag and own_ag.texts else ""
    return Commitment(row.commitment, row.date, frozenset(row.actor_iris), row.action_type,
                      fulfilment.folded(row.action + " " + row.quote), context,
                      any("/collective/" in x for x in row.actor_iris))


def agreement_facts(store: Queryable, agreements: Sequence[str]) -> tuple[dict[str, Agreement], dict[str, str]]:
    """What the fulfilment rules need of each agreement (documents and other non-agreements left
    out), and the names of the countries present at their meetings."""
    ap = _props(store, agreements, ("rcm:number", "rcm:addressee", "rcm:agreedAt", "rcm:act", "rcm:text",
                                    "prov:wasDerivedFrom"))
    meetings = sorted({m for a in agreements for m in ap[a].get(RCM + "agreedAt", [])})
    days = _walk(store, meetings, ("schema:startDate",))
    present = _walk(store, meetings, ("schema:attendee", "rcm:represents"))
    names = _names(store, sorted({c for v in present.values() for c in v}))
    raw_texts = _texts(store, agreements)
    facts: dict[str, Agreement] = {}
    for a in agreements:
        p = ap[a]
        meeting = min(p.get(RCM + "agreedAt", [""]))
        if meeting not in days:
            continue  # a document about the item, not an agreement
        texts = sorted(raw_texts.get(a, []), key=lambda t: (t[1] != "en", t[1]))  # English first
        quotes = tuple(" ".join(t.split()) for t, _ in texts)
        facts[a] = Agreement(a, min(days[meeting]), meeting, min(p.get(RCM + "number", [""])),
                             (min(p.get(RCM + "act", [""])).rsplit("/", 1)[-1] or None),
                             frozenset(p.get(RCM + "addressee", [])), tuple(fulfilment.folded(q) for q in quotes), quotes,
                             min(p.get(PREFIXES["prov"] + "wasDerivedFrom", [""])) or None,
                             frozenset(present.get(meeting, [])))
    return facts, names


def _texts(store: Queryable, ids: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """Each agreement's ``rcm:text`` values with their language tags."""
    out: dict[str, list[tuple[str, str]]] = {}
    inner = store.ox if isinstance(store, LocalStore) else None
    if inner is not None:
        pred = ox.NamedNode(RCM + "text")
        for i in ids:
            for q in inner.quads_for_pattern(ox.NamedNode(i), pred, None):
                if isinstance(q.object, ox.Literal):
                    out.setdefault(i, []).append((q.object.value, q.object.language or ""))
        return {k: sorted(set(v)) for k, v in out.items()}
    for r in _batched(store, "SELECT ?s ?o (LANG(?o) AS ?l) WHERE {{ VALUES ?s {{ {ids} }} ?s rcm:text ?o }}", ids):
        out.setdefault(r["s"].value, []).append((r["o"].value, r["l"].value if r.get("l") else ""))
    return {k: sorted(set(v)) for k, v in out.items()}


def parse_date(value: str | Date, what: str) -> Date:
    """``value`` as a date; :class:`UsageError` names the option ``--what`` otherwise."""
    if isinstance(value, Date):
        return value
    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--{what} needs a date as YYYY-MM-DD, not {value!r}") from None



def commitments_table(rows: Sequence[CommitmentRow], fmt: str = "table", width: int = 40, grouped: bool = False) -> str:
    """Commitments as ``table``, ``markdown``, ``json`` or ``csv``.

    >>> print(commitments_table([], "csv").strip())
    date,meeting,agreement,actor,action,recipient,due,status,overdue,evidence_date,evidence_label,evidence_quote,delivered_by,not_delivered_by,items,quote,source,commitment,evidence
    """
    head = ["date", "meeting", "agreement", "actor", "action", "recipient", "due", "status", "overdue", "evidence_date",
            "evidence_label", "evidence_quote", "delivered_by", "not_delivered_by", "items", "quote", "source",
            "commitment", "evidence"]

    def cells(r: CommitmentRow) -> list[str]:
        # one line per cell: a quote never breaks a CSV row
        return [" ".join(str(c).split()) for c in (
            r.date, r.meeting, r.agreement, ", ".join(r.actors), r.action, ", ".join(r.recipients),
            r.due or (r.due_text or ""), r.status, "yes" if r.overdue else "", r.evidence_date or "",
            r.evidence_label or "", r.evidence_quote or "", ", ".join(r.delivered_by), ", ".join(r.not_delivered_by),
            ", ".join(r.items), r.quote, r.source, r.commitment, r.evidence or "")]

    if fmt == "json":
        return json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(head)
        w.writerows([csv_cell(c) for c in cells(r)] for r in rows)
        return buf.getvalue()
    short = ["date", "agreement", "actor", "action", "recipient", "due", "status", "evidence_date", "evidence_quote"]
    if grouped:  # one actor's: what was promised, as printed, instead of who
        short = ["date", "agreement", "action", "due", "status", "quote", "evidence_date", "evidence_quote"]
    idx = [head.index(h) for h in short]
    body = [[" ".join(cells(r)[i].split()) for i in idx] for r in rows]
    if fmt == "markdown":
        lines = ["| " + " | ".join(short) + " |", "|" + "---|" * len(short)]
        lines += ["| " + " | ".join(markdown_cell(c) for c in b) + " |" for b in body]
        return "\n".join(lines) + "\n"
    if fmt != "table":
        raise UsageError(f"commitments can be written as table, markdown, json or csv, not {fmt}")
    body = [[clip(c, width) for c in b] for b in body]
    widths = [max([len(h)] + [len(b[i]) for b in body]) for i, h in enumerate(short)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(short, widths, strict=True)).rstrip(), "  ".join("-" * w for w in widths)]
    group = None
    for r, b in zip(rows, body, strict=True):
        if grouped:  # an actor's rows: a heading where "still owes" turns into "fulfilled"
            g = "Still owes" if r.status in OWED else ("Fulfilled" if r.status == fulfilment.FULFILLED else "Superseded")
            if g != group:
                lines.append(f"-- {g}:")
                group = g
        lines.append("  ".join(c.ljust(w) for c, w in zip(b, widths, strict=True)).rstrip())
    counts = {s: sum(r.status == s for r in rows) for s in fulfilment.STATUSES}
    lines.append(f"({len(rows)} commitments: " + ", ".join(f"{n} {s}" for s, n in counts.items()) + ")")
    return "\n".join(lines)
