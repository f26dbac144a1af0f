"""Extracted facts -> triples in the rcmkg ontology (see docs/MODEL.md).

Every extracted node carries ``prov:wasDerivedFrom`` the span(s) it was read from; each span is a
Web Annotation ``oa:SpecificResource`` on the extracted text with a ``TextPositionSelector`` and a
``TextQuoteSelector`` (blank nodes with labels derived from the offsets, so output is stable).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from rcmkg.iris import Iris, slugify
from rcmkg.model import Commitment, Extracted, Ref, RoleHolding, Span, StageClaim
from rcmkg.namespaces import DCT, OA, ORG, PROV, RCM, RDF, RDFS, SCHEMA, SKOS, TIME, XSD, voc
from rcmkg.output import IRI, BNode, Lit, Term, Triple
from rcmkg.registry import broken_words

MEDIA_TYPES = {".txt": "text/plain", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".pdf": "application/pdf"}
KIND_CLASS = {"org": RCM + "Organisation", "country": RCM + "Country", "collective": RCM + "CollectiveActor",
              "doc": RCM + "Document", "place": SCHEMA + "Place", "track": RCM + "TrackedItem"}
QUOTE_CONTEXT = 32


def _d(d: date) -> Lit:
    return Lit(d.isoformat(), datatype=XSD + "date")


def _en_date(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def holding_label(country: str, year: int) -> str:
    """A role holding's English label, the registry's wording (roles.ttl)."""
    return f"Presidency Pro Tempore held by {country}, {year}"


class GraphBuilder:
    """Builds the triples of one report. ``GraphBuilder(iris).build(extracted)`` -> (triples, meeting IRI)."""

    def __init__(self, iris: Iris) -> None:
        self.iris = iris
        # One IRI object per predicate: a report of 100,000 items has millions of triples, and a shared
        # object is allocated once and hashed once (str caches its hash) when the writer groups them.
        self._preds: dict[str, IRI] = {}

    def build(self, x: Extracted) -> tuple[list[Triple], dict[str, str]]:
        self.triples: list[Triple] = []
        self.spans: set[tuple[int, int]] = set()
        r = x.report
        src = r.source
        body_slug = x.body.iri.rstrip("/").rsplit("/", 1)[-1]
        day = x.meeting_date.isoformat()
        meeting = IRI(self.iris.meeting(body_slug, day))
        report = IRI(self.iris.report(body_slug, day))
        file_iri = IRI(self.iris.file(src.file.sha256))
        self.text_iri = IRI(self.iris.text(src.sha256))
        self.text = src.text
        # (a span the extractor found in the text with its words hyphenated at line ends joined may end
        # inside such a word as written: it is widened to the whole word)
        self._broken = [(ws, we) for ws, _, _, we in broken_words(self.text)]
        self._broken_starts = [b[0] for b in self._broken]
        t = self.add

        # -- sources --------------------------------------------------------------------------------
        t(report, RDF + "type", IRI(RCM + "Report"))
        t(report, RCM + "reportOf", meeting)
        t(report, RCM + "sourceFile", file_iri)
        t(report, RCM + "sourceText", self.text_iri)
        t(report, SKOS + "prefLabel", Lit(f"Report of the meeting of {x.body.label}, {_en_date(x.meeting_date)}", "en"))
        if r.title:
            t(report, DCT + "title", Lit(r.title.value, r.language))
            self.derived(report, r.title.span)
        if r.status:
            t(report, RCM + "documentStatus", Lit(r.status.value))
        t(report, RCM + "documentType", IRI(voc("doctype", "report")))
        t(report, RCM + "reportKind", IRI(voc("report-kind", r.doc_kind)))
        for lack in x.lacks:
            t(report, RCM + "sourceLacks", IRI(voc("lack", lack)))
        t(report, DCT + "language", IRI(f"http://id.loc.gov/vocabulary/iso639-1/{r.language}"))
        t(file_iri, RDF + "type", IRI(RCM + "SourceFile"))
        t(file_iri, DCT + "identifier", Lit(src.file.name))
        t(file_iri, DCT + "format", Lit(src.file.media_type))
        t(file_iri, RCM + "sha256", Lit(src.file.sha256))
        t(file_iri, RCM + "byteCount", Lit(str(src.file.size), datatype=XSD + "nonNegativeInteger"))
        t(self.text_iri, RDF + "type", IRI(RCM + "SourceText"))
        t(self.text_iri, PROV + "wasDerivedFrom", file_iri)
        t(self.text_iri, RCM + "sha256", Lit(src.sha256))
        t(self.text_iri, RCM + "charCount", Lit(str(len(src.text)), datatype=XSD + "nonNegativeInteger"))
        t(self.text_iri, DCT + "format", Lit("text/plain; charset=utf-8"))
        if src.encoding:
            t(file_iri, RCM + "encoding", Lit(src.encoding))

        # -- the meeting ----------------------------------------------------------------------------
        t(meeting, RDF + "type", IRI(RCM + "Meeting"))
        label = f"Meeting of the {x.body.label}, {_en_date(x.meeting_date)}"
        if r.date.end:
            label = f"Meeting of the {x.body.label}, {_en_date(x.meeting_date)} to {_en_date(r.date.end)}"
        t(meeting, RDFS + "label", Lit(label, "en"))
        t(meeting, SKOS + "prefLabel", Lit(label, "en"))
        t(meeting, SCHEMA + "startDate", _d(r.date.start))
        if r.date.end:
            t(meeting, SCHEMA + "endDate", _d(r.date.end))
        t(meeting, RCM + "dateText", Lit(r.date.as_printed))
        self.derived(meeting, r.date.span)
        t(meeting, SCHEMA + "organizer", IRI(x.body.iri))
        self.describe_minted(x, x.body)
        if r.body:
            self.derived(meeting, r.body.span)
        t(meeting, SCHEMA + "recordedIn", report)
        if x.place:
            place = IRI(x.place.iri)
            t(meeting, SCHEMA + "location", place)
            self.derived(meeting, x.place.span)
            if not x.place.known:
                t(place, RDF + "type", IRI(SCHEMA + "Place"))
                t(place, SCHEMA + "name", Lit(x.place.label))
                t(place, SKOS + "prefLabel", Lit(x.place.label, "en"))
                t(place, RCM + "unreconciled", Lit("true", datatype=XSD + "boolean"))
                if x.place_country:
                    t(place, SCHEMA + "containedInPlace", IRI(x.place_country.iri))
        for o in x.other_places:
            t(meeting, RCM + "alsoReportedPlace", IRI(o.iri))
            self.derived(meeting, o.span)
            if not o.known:
                t(IRI(o.iri), RDF + "type", IRI(SCHEMA + "Place"))
                t(IRI(o.iri), SCHEMA + "name", Lit(o.label))
                t(IRI(o.iri), SKOS + "prefLabel", Lit(o.label, "en"))
                t(IRI(o.iri), RCM + "unreconciled", Lit("true", datatype=XSD + "boolean"))
        if x.meeting_kind:
            t(meeting, RCM + "meetingKind", IRI(voc("meeting-kind", x.meeting_kind)))
        if x.attendance is not None:
            mode = "OnlineEventAttendanceMode" if x.attendance.value == "online" else "MixedEventAttendanceMode"
            t(meeting, SCHEMA + "eventAttendanceMode", IRI(SCHEMA + mode))
            self.derived(meeting, x.attendance.span)
        if x.reports_to:
            t(meeting, RCM + "reportsTo", IRI(x.reports_to.iri))
        if x.held_prior_to:
            t(meeting, RCM + "heldPriorTo", IRI(x.held_prior_to.iri))
        for m in x.mentions:
            t(meeting, RCM + "mentions", IRI(m.iri))
            self.describe_minted(x, m)
        # Tracked items the report names anywhere (annexes included): the meeting dealt with them.
        for tr in self._report_tracks(x):
            t(meeting, DCT + "subject", IRI(tr))
        for d in x.delegations:
            key = d.iri.rsplit("/", 1)[-1]
            deleg = IRI(self.iris.delegation(meeting, key))
            t(meeting, SCHEMA + "attendee", deleg)
            t(deleg, RDF + "type", IRI(RCM + "Delegation"))
            t(deleg, SKOS + "prefLabel", Lit(f"Delegation of {d.label}", "en"))
            t(deleg, RCM + "represents", IRI(d.iri))
            t(deleg, RCM + "atMeeting", meeting)
            self.derived(deleg, d.span)

        # -- role holdings the report states (the country in the Presidency Pro Tempore) ----------------
        for h in x.holdings:
            self.holding(meeting, h)

        # -- agreements ------------------------------------------------------------------------------
        items = {a.item.position: IRI(self.iris.item(meeting, a.item.position)) for a in x.agreements}
        stage_groups: dict[tuple[str, str], list[tuple[StageClaim, IRI, list[IRI]]]] = {}
        for a in x.agreements:
            it = items[a.item.position]
            t(meeting, RCM + "hasAgreement", it)
            t(it, RDF + "type", IRI(RCM + "Agreement"))
            t(it, RCM + "agreedAt", meeting)
            t(it, RCM + "position", Lit(str(a.item.position), datatype=XSD + "positiveInteger"))
            t(it, RCM + "number", Lit(a.item.number))
            t(it, SKOS + "prefLabel", Lit(f"Item {a.item.number} of the meeting of {_en_date(x.meeting_date)}", "en"))
            if a.item.marker:
                t(it, RCM + "printedNumber", Lit(a.item.marker))
            if a.item.parent:
                t(it, DCT + "isPartOf", items[a.item.parent])
            t(it, RCM + "act", IRI(voc("act", a.act)))
            t(it, RCM + "text", Lit(a.item.text, x.report.language))
            self.derived(it, a.item.span)
            for ad in a.addressees:
                t(it, RCM + "addressee", IRI(ad.iri))
            for mref in a.mentions:
                t(it, RCM + "mentions", IRI(mref.iri))
                self.describe_minted(x, mref)
            for d in a.documents:
                t(it, RCM + "concerns", IRI(d.iri))
                self.describe_minted(x, d)
            for tref in a.tracks:
                t(it, DCT + "subject", IRI(tref.iri))
            for hi in a.holdings:
                t(it, RCM + "roleHolding", IRI(hi))
            commitment_iris: list[IRI] = []
            for c in a.commitments:
                ci = self.commitment(x, it, c, a.documents)
                commitment_iris.append(ci)
            for sc in a.stages:
                stage_groups.setdefault((sc.track, sc.stage), []).append((sc, it, commitment_iris))

        # -- stage events: one per (tracked item, meeting, stage) ---------------------------------------
        for (track, stage), claims in sorted(stage_groups.items()):
            ev = IRI(self.iris.stage_event(track, body_slug, day, stage))
            track_iri = IRI(self.iris.track(track))
            t(ev, RDF + "type", IRI(RCM + "StageEvent"))
            t(ev, RCM + "ofTrack", track_iri)
            t(ev, RCM + "reportedAt", meeting)
            t(ev, RCM + "stage", IRI(voc("stage", stage)))
            # Done beats planned beats requested when one meeting reports the same stage several ways.
            modality = min((c.modality for c, _, _ in claims), key=["done", "planned", "requested"].index)
            t(ev, RCM + "modality", IRI(voc("modality", modality)))
            t(ev, SKOS + "prefLabel", Lit(f"{track} {stage.replace('-', ' ')} ({modality}), {_en_date(x.meeting_date)}", "en"))
            for sc, it, cis in claims:
                t(ev, RCM + "reportedIn", it)
                self.derived(ev, sc.span)
                for actor in sc.actors:
                    t(ev, RCM + "actor", IRI(actor.iri))
                if sc.commitment:
                    t(ev, RCM + "viaCommitment", cis[sc.commitment - 1])
            # The event's date comes from a claim of the modality it reports, never from another one.
            same = [c for c, _, _ in claims if c.modality == modality]
            dated = next((c for c in same if c.date), same[0])
            if dated.date and dated.end:
                self.interval(ev, RCM + "eventInterval", dated.date, dated.end)
                t(ev, RCM + "eventDate", _d(dated.date))
            elif dated.date:
                t(ev, RCM + "eventDate", _d(dated.date))
            if dated.when_printed:
                t(ev, RCM + "whenText", Lit(dated.when_printed))

        # -- the spans ------------------------------------------------------------------------------
        for s, e in sorted(self.spans):
            self.span_triples(s, e)
        info = {"meeting": str(meeting), "report": str(report), "graph": self.iris.graph(body_slug, day),
                "body": body_slug, "date": day}
        return self.triples, info

    # ---- helpers ----------------------------------------------------------------------------------

    def add(self, s: IRI | BNode, p: str, o: IRI | BNode | Lit) -> None:
        pred = self._preds.get(p)
        if pred is None:
            pred = self._preds[p] = IRI(p)
        self.triples.append((s, pred, o))

    def derived(self, node: IRI | BNode, span: Span) -> None:
        if span.end <= span.start:
            return
        s, e = span.start, span.end
        if self._broken:
            s, e = self._whole_words(s, e)
        self.spans.add((s, e))
        self.add(node, PROV + "wasDerivedFrom", IRI(self.iris.span(self.text_iri, s, e)))

    def _whole_words(self, s: int, e: int) -> tuple[int, int]:
        i = bisect_right(self._broken_starts, s) - 1
        if i >= 0 and self._broken[i][0] < s < self._broken[i][1]:
            s = self._broken[i][0]
        i = bisect_right(self._broken_starts, e) - 1
        if i >= 0 and self._broken[i][0] < e < self._broken[i][1]:
            e = self._broken[i][1]
        return s, e

    def span_triples(self, s: int, e: int) -> None:
        sp = IRI(self.iris.span(self.text_iri, s, e))
        pos, quote = BNode(f"p{s}-{e}"), BNode(f"q{s}-{e}")
        self.add(sp, RDF + "type", IRI(OA + "SpecificResource"))
        self.add(sp, OA + "hasSource", self.text_iri)
        self.add(sp, OA + "hasSelector", pos)
        self.add(sp, OA + "hasSelector", quote)
        self.add(pos, RDF + "type", IRI(OA + "TextPositionSelector"))
        self.add(pos, OA + "start", Lit(str(s), datatype=XSD + "nonNegativeInteger"))
        self.add(pos, OA + "end", Lit(str(e), datatype=XSD + "nonNegativeInteger"))
        self.add(quote, RDF + "type", IRI(OA + "TextQuoteSelector"))
        self.add(quote, OA + "exact", Lit(self.text[s:e]))
        if s > 0:
            self.add(quote, OA + "prefix", Lit(self.text[max(0, s - QUOTE_CONTEXT) : s]))
        if e < len(self.text):
            self.add(quote, OA + "suffix", Lit(self.text[e : e + QUOTE_CONTEXT]))

    def interval(self, node: IRI | BNode, prop: str, begin: date, end: date) -> None:
        iv = BNode("i-" + slugify(str(node)[len(self.iris.id) :], max_len=200))
        b, e = BNode(iv.id + "b"), BNode(iv.id + "e")
        self.add(node, prop, iv)
        self.add(iv, RDF + "type", IRI(TIME + "Interval"))
        self.add(iv, TIME + "hasBeginning", b)
        self.add(iv, TIME + "hasEnd", e)
        self.add(b, RDF + "type", IRI(TIME + "Instant"))
        self.add(b, TIME + "inXSDDate", _d(begin))
        self.add(e, RDF + "type", IRI(TIME + "Instant"))
        self.add(e, TIME + "inXSDDate", _d(end))

    def holding(self, meeting: IRI, h: RoleHolding) -> None:
        """A country's holding of a post's role in the meeting's year, as the registry describes the
        holdings it knows (data/registry/roles.ttl: same IRIs, same English label), derived from the
        phrases that state it. Its interval is the part of that year it was held: the beginning and
        end are only known to lie in the year."""
        t = self.add
        node = IRI(h.iri)
        t(meeting, RCM + "roleHolding", node)
        t(node, RDF + "type", IRI(RCM + "RoleHolding"))
        t(node, ORG + "member", IRI(h.country.iri))
        t(node, ORG + "organization", IRI(h.organization))
        t(node, ORG + "role", IRI(h.role))
        during, begin, end = IRI(h.iri + "/during"), IRI(h.iri + "/begin"), IRI(h.iri + "/end")
        t(node, ORG + "memberDuring", during)
        t(node, SKOS + "prefLabel", Lit(holding_label(h.country.label, h.year), "en"))
        for sp in h.spans:
            self.derived(node, sp)
        t(during, RDF + "type", IRI(TIME + "Interval"))
        t(during, TIME + "hasBeginning", begin)
        t(during, TIME + "hasEnd", end)
        for instant in (begin, end):
            t(instant, RDF + "type", IRI(TIME + "Instant"))
            t(instant, TIME + "inXSDgYear", Lit(f"{h.year:04d}", datatype=XSD + "gYear"))

    def describe_minted(self, x: Extracted, ref: Ref) -> None:
        if ref.known:
            return
        node = IRI(ref.iri)
        cls = KIND_CLASS.get(ref.kind)
        if cls:
            self.add(node, RDF + "type", IRI(cls))
        # One name per node: the first one the report used (a later mention may be worded otherwise).
        label = next((m[2] for m in x.minted if m[0] == ref.iri), ref.label)
        self.add(node, SKOS + "prefLabel", Lit(label, "en"))
        self.add(node, RCM + "unreconciled", Lit("true", datatype=XSD + "boolean"))
        if ref.kind == "doc":
            dt = next((m[3] for m in x.minted if m[0] == ref.iri), None) or "other"
            self.add(node, RCM + "documentType", IRI(voc("doctype", dt)))
        if ref.kind == "org":
            self.add(node, IRI("http://www.w3.org/ns/org#classification"), IRI(voc("orgtype", "other")))

    def commitment(self, x: Extracted, item: IRI, c: Commitment, docs: tuple[Ref, ...]) -> IRI:
        ci = IRI(self.iris.commitment(item, c.n))
        t = self.add
        t(item, RCM + "hasCommitment", ci)
        t(ci, RDF + "type", IRI(RCM + "Commitment"))
        t(ci, RCM + "madeIn", item)
        t(ci, RCM + "commitmentKind", IRI(voc("commitment-kind", c.kind)))
        t(ci, RCM + "actionType", IRI(voc("action", c.action_type)))
        t(ci, RCM + "action", Lit(c.action, x.report.language))
        who = c.actors[0].label if c.actors else "Unstated actor"
        t(ci, SKOS + "prefLabel", Lit(f"{who}: {c.action[:80]}", "en"))
        if c.actors:
            t(ci, RCM + "committedBy", IRI(c.actors[0].iri))
            self.describe_minted(x, c.actors[0])
        for co in c.actors[1:]:
            t(ci, RCM + "coActor", IRI(co.iri))
        for rc in c.recipients:
            t(ci, RCM + "recipient", IRI(rc.iri))
        if c.role_holding:
            t(ci, RCM + "roleHolding", IRI(c.role_holding))
        if c.requested_by:
            t(ci, RCM + "requestedBy", IRI(c.requested_by.iri))
        for d in docs:
            if c.span.start <= d.span.start < c.span.end:
                t(ci, RCM + "object", IRI(d.iri))
        if c.due:
            t(ci, RCM + "dueText", Lit(c.due.as_printed))
            if c.due.date:
                t(ci, RCM + "dueDate", _d(c.due.date))
            if c.due.derived:
                t(ci, RCM + "dueDerived", Lit("true", datatype=XSD + "boolean"))
            if c.due.begin and c.due.date and not c.due.derived:
                self.interval(ci, RCM + "dueInterval", c.due.begin, c.due.date)
        if c.condition:
            t(ci, RCM + "condition", Lit(c.condition, "en"))
        t(ci, RCM + "optional", Lit("true" if c.optional else "false", datatype=XSD + "boolean"))
        t(ci, SCHEMA + "actionStatus", IRI(SCHEMA + "PotentialActionStatus"))
        self.derived(ci, c.span)
        return ci

    def _report_tracks(self, x: Extracted) -> list[str]:
        out: set[str] = set()
        for a in x.agreements:
            out.update(t.iri for t in a.tracks)
        out.update(t.iri for t in x.report_tracks)
        return sorted(out)


# ---- two language versions of one meeting -----------------------------------------------------------

LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese"}
# Predicates a node may have many values of: both versions' values are kept (union). For any other
# predicate of a node both versions describe, the primary version's values stand, except a
# language-tagged literal in a language the primary has none in (an agreement's text @es beside @en).
MULTI_VALUED = frozenset(
    (
        RDF + "type", PROV + "wasDerivedFrom", RCM + "mentions", RCM + "addressee", RCM + "concerns",
        DCT + "subject", SCHEMA + "attendee", RCM + "hasAgreement", RCM + "hasCommitment", RCM + "reportedIn",
        RCM + "actor", RCM + "viaCommitment", RCM + "coActor", RCM + "recipient", RCM + "object",
        RCM + "alsoReportedPlace", SCHEMA + "recordedIn", SCHEMA + "workTranslation",
    )
)


@dataclass
class Version:
    """One language version of a meeting's report, built on its own: its triples and what they are."""

    triples: list[Triple]
    info: dict[str, str]
    extracted: Extracted

    @property
    def language(self) -> str:
        return self.extracted.report.language

    @property
    def name(self) -> str:
        return self.extracted.report.source.file.name


def rebased(v: Version, meeting: str) -> Version:
    """``v`` with its meeting, and every IRI under it (agreements, delegations, commitments), moved
    to ``meeting``: the versions of one file are one meeting even when one of them names its body
    in a way the registry does not know."""
    old = v.info["meeting"]
    if old == meeting:
        return v

    def move(t: IRI) -> IRI:
        return IRI(meeting + t[len(old):]) if t == old or t.startswith(old + "/") else t

    triples = [(move(s) if isinstance(s, IRI) else s, p, move(o) if isinstance(o, IRI) else o) for s, p, o in v.triples]
    return Version(triples, {**v.info, "meeting": meeting}, v.extracted)


def version_order(v: Version) -> tuple[int, str, str]:
    """Primary first: English, then Spanish, then any other language; then by file name."""
    rank = {"en": 0, "es": 1}.get(v.language, 2)
    return (rank, v.language, v.name)


def _items_by_number(primary: Version, other: Version) -> dict[int, int]:
    """Where each of ``other``'s items goes among the primary version's, when the two number them alike
    but hold them at different positions (sub-items "4.a" to "4.c" printed in one version only): its
    position -> the primary's item of the same number, or a position after all of the primary's for an
    item it lacks. Empty when the positions already agree, or when a version prints a number twice or the
    versions share too few numbers to be aligned by them (each then keeps its own position)."""
    mine = {a.item.number: a.item.position for a in primary.extracted.agreements}
    theirs = [(a.item.number, a.item.position) for a in other.extracted.agreements]
    if all(mine.get(n) == pos for n, pos in theirs):
        return {}
    if len(mine) < len(primary.extracted.agreements) or len({n for n, _ in theirs}) < len(theirs):
        return {}  # (a number printed twice, two lists each from 1: no key to align them by)
    shared = sum(1 for n, _ in theirs if n in mine)
    if shared < 0.8 * min(len(mine), len(theirs)):
        return {}
    after = max(mine.values(), default=0)
    out: dict[int, int] = {}
    for n, pos in theirs:
        if n in mine:
            out[pos] = mine[n]
        else:
            after += 1
            out[pos] = after
    return out


def _items_renamed(triples: list[Triple], meeting: str, to: dict[int, int]) -> list[Triple]:
    """``triples`` with each of the ``meeting``'s item IRIs (``.../item/5`` and what hangs under it,
    ``.../item/5/commitment/1``) moved to its new position in ``to``, and the item's ``rcm:position`` with it
    (another meeting's items, which an item may refer to, stay)."""
    if not to:
        return triples
    item = re.compile(re.escape(meeting) + r"(/item/)(\d+)(?=/|$)")

    def moved(t: Term) -> Term:
        if isinstance(t, IRI) and (m := item.match(t)) is not None and int(m.group(2)) in to:
            return IRI(f"{meeting}{m.group(1)}{to[int(m.group(2))]}{t[m.end():]}")
        return t

    out: list[Triple] = []
    for s, p, o in triples:
        s2 = moved(s)
        if p == RCM + "position" and s2 != s and isinstance(s2, IRI) and (m := item.match(s2)) is not None:
            o = Lit(m.group(2), datatype=XSD + "positiveInteger")
        out.append((s2, p, moved(o)))  # type: ignore[arg-type]
    return out


def merge_versions(versions: list[Version]) -> tuple[list[Triple], list[str]]:
    """One graph for one meeting reported in several languages, and the warnings it gives.

    Each version keeps its own report document (``{report}/{lang}`` for all but the primary one),
    source file, source text and spans, so every fact stays traced to the version it was read from.
    Nodes both versions describe (the meeting, delegations by country, agreements and commitments
    by position, stage events) are one node: a fact both state gets the spans of both; where they
    give different values for a single-valued property, the primary version's stands. The meeting
    is ``schema:recordedIn`` both reports (one row per version in the ``meetings`` query, each with
    its file, the way the scorer finds a report); the reports are ``schema:workTranslation`` of each
    other, both ways (which one is the original, the reports do not say).
    """
    versions = sorted(versions, key=version_order)
    primary = versions[0]
    merged: list[Triple] = list(primary.triples)
    p_report = IRI(primary.info["report"])
    described: dict[tuple[object, str], set[object]] = {}
    for s, p, o in merged:
        described.setdefault((s, p), set()).add(o)
    subjects = {s for s, _, _ in merged}
    warnings: list[str] = []
    reports = [p_report]
    for v in versions[1:]:
        suffix = v.language
        report = IRI(f"{v.info['report']}/{suffix}")
        reports.append(report)

        def rename_node(t: IRI | BNode, old: str = v.info["report"], new: IRI = report, suffix: str = suffix) -> IRI | BNode:
            if isinstance(t, IRI) and t == old:
                return new
            if isinstance(t, BNode):
                return BNode(f"{t.id}-{suffix}")
            return t

        def rename(t: Term, old: str = v.info["report"], new: IRI = report, suffix: str = suffix) -> Term:
            return rename_node(t, old, new, suffix) if isinstance(t, (IRI, BNode)) else t

        items_to = _items_by_number(primary, v)
        own = [(rename_node(s), p, rename(o)) for s, p, o in _items_renamed(v.triples, primary.info["meeting"], items_to)]
        kept: list[Triple] = []
        for s, p, o in own:
            if s in subjects and p not in MULTI_VALUED:
                have = described.get((s, p), set())
                if have and not (isinstance(o, Lit) and o.lang and all(not (isinstance(h, Lit) and h.lang == o.lang) for h in have)):
                    continue
            kept.append((s, p, o))
        # A blank node (an interval) only hangs off a triple that was kept.
        while True:
            used = {o for _, _, o in kept if isinstance(o, BNode)}
            trimmed = [t for t in kept if not isinstance(t[0], BNode) or t[0] in used]
            if len(trimmed) == len(kept):
                break
            kept = trimmed
        for s, p, o in kept:
            described.setdefault((s, p), set()).add(o)
            subjects.add(s)
        merged.extend(kept)
        n_p, n_v = len(primary.extracted.agreements), len(v.extracted.agreements)
        if n_p != n_v:
            warnings.append(
                f"{v.name}: the {LANGUAGE_NAMES.get(v.language, v.language)} version has {n_v} items and the "
                f"{LANGUAGE_NAMES.get(primary.language, primary.language)} version ({primary.name}) {n_p}; "
                + ("aligned by their numbers" if items_to else "aligned by position")
                + ", the items only one version has are kept"
            )
    for a in reports:
        for b in reports:
            if a != b:
                merged.append((a, IRI(SCHEMA + "workTranslation"), b))
    # Each report's label says which version it is.
    labels = {a: f" ({LANGUAGE_NAMES.get(v.language, v.language)} version)" for a, v in zip(reports, versions, strict=True)}
    out: list[Triple] = []
    for s, p, o in merged:
        if s in labels and p == SKOS + "prefLabel" and isinstance(o, Lit):
            o = Lit(o.value + labels[s], o.lang, o.datatype)
        out.append((s, p, o))
    return list(dict.fromkeys(out)), warnings
