"""Fulfilment: what a later agreement says about a commitment, read from its text (pure, no store).

A later agreement about the same tracked item is *evidence* only when it says something about the
committed action, never because it mentions the item again. The rules are about the genre of RCM
reports (English and Spanish), in four kinds:

- *done*: the actor is thanked or noted FOR the action or its product ("to thank IOM for the
  support in the development of the Plan", "agradecer a la OIM por la traducción"); the committed
  event is reported held ("the workshop conducted on 13-14 March"); the product of a drafting
  commitment exists ("the last version of the Work Plan", "was approved"); the action is reported
  in the passive ("the glossary was circulated", "se envió");
- *progress*: the actor is thanked for an update on it ("for the update of the information related
  to the Workshop"), or the action is said to be pending or postponed;
- *partly*: a collective is thanked for what some of its members did ("the Member Countries that
  have submitted"), or the thanks name only some of the member countries present;
- *superseded*: the action is said to be replaced or cancelled.

:func:`evidence_from` applies them to one later agreement; :func:`decide` turns a commitment's
evidence into its status on a day.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from rcmkg.text import fold

FULFILLED, PARTLY, IN_PROGRESS, NOT_FULFILLED, SUPERSEDED, UNKNOWN = (
    "fulfilled", "partly-fulfilled", "in-progress", "not-fulfilled", "superseded", "unknown")
STATUSES = (FULFILLED, PARTLY, IN_PROGRESS, NOT_FULFILLED, SUPERSEDED, UNKNOWN)
# what each kind of evidence makes of a commitment, strongest first (the first found decides)
_RANK = {"done": 0, "superseded": 1, "partly": 2, "progress": 3}
_STATUS_OF = {"done": FULFILLED, "superseded": SUPERSEDED, "partly": PARTLY, "progress": IN_PROGRESS}

# Action families: the words (nouns, gerunds, participles; English and Spanish, folded) a report uses
# for having done an action of that kind. Keys are the action types of the converter (vocabularies.ttl).
_FAMILIES: dict[str, tuple[str, ...]] = {
    "support": ("support", "accompaniment", "assistance", "apoyo", "acompanamiento", "asistencia"),
    "translate": ("translation", "translating", "translated", "traduccion", "traducir", "traducid"),
    "submit": ("submission", "submitting", "submitted", "input", "comments", "envio", "remision", "remitid", "presentacion de"),
    "send": ("sending", "sent", "circulation", "circulating", "circulated", "dissemination", "disseminating", "disseminated",
             "distribution", "distributed", "sharing", "shared", "envio", "enviad", "circulacion", "circulad", "difusion", "difundid",
             "distribucion", "distribuid", "compartid"),
    "present": ("presentation", "presenting", "presented", "report", "proposal", "presentacion", "presentad", "informe", "propuesta"),
    "organise": ("organization", "organisation", "organizing", "organising", "organized", "organised", "organizacion", "organizad"),
    "develop": ("development", "developing", "developed", "preparation", "preparing", "prepared", "elaboration", "elaborating",
                "elaborated", "drafting", "drafted", "elaboracion", "elaborad", "desarrollo", "preparacion", "preparad"),
}
_FAMILY_OF = {"support": "support", "accompany": "support", "assist": "support", "translate": "translate",
              "submit": "submit", "send": "send", "resend": "send", "share": "send", "circulate": "send",
              "disseminate": "send", "distribute": "send", "present": "present", "report": "present",
              "organise": "organise", "organize": "organise", "carry-out": "organise", "hold": "organise",
              "develop": "develop", "draft": "develop", "prepare": "develop", "elaborate": "develop", "update": "develop"}
_EVENTS = ("workshop", "meeting", "training", "course", "seminar", "congress", "conference", "forum",
           "taller", "reunion", "capacitacion", "curso", "seminario", "congreso", "foro")
_EVENT_EN_ES = {"taller": "workshop", "reunion": "meeting", "capacitacion": "training", "curso": "course",
                "seminario": "seminar", "congreso": "congress", "foro": "forum"}

_THANK = re.compile(r"\b(thank\w*|take note|took note|takes note|acknowledg\w*|recogni[sz]\w*|agradec\w*|tomar nota|toma nota|"
                    r"tomo nota|reconoc\w*)\b")
_FOR = re.compile(r"\b(?:for|por|de)\s+(?:(?:the|its|their|his|her|la|el|los|las|su|sus)\s+)?(\w+(?:\s+de)?)")
_PROGRESS = ("update", "updates", "progress", "status", "advance", "advances", "actualizacion", "avance", "avances", "estado")
_PENDING = re.compile(r"\b(pending|postponed|deferred|yet to|still to|rescheduled|pendiente\w*|pospuest\w*|aplazad\w*|"
                      r"reprogramad\w*|aun no)\b")
_SUPERSEDED = re.compile(r"\b(replaced by|instead of|in place of|supersed\w*|cancel+\w*|withdrawn|en lugar de|"
                         r"en sustitucion|reemplaz\w*|sustituid\w*|cancelad\w*|suspendid\w*)\b")
_HELD = re.compile(r"\b(?:was |were |has been |have been )?(conducted|held|carried out|took place|organi[sz]ed|realizad[oa]s?|"
                   r"celebrad[oa]s?|llevad[oa]s? a cabo|desarrollad[oa]s?)\b")
_VERSION = re.compile(r"\b(last|final|latest|definitive) version\b|\b(?:was|were|has been|have been) (approved|adopted|validated)\b|"
                      r"\bversion (final|definitiva)\b|\bultima version\b|\b(?:fue|fueron|ha sido|han sido) (aprobad|adoptad|validad)")
_SOME_MEMBERS = re.compile(r"\b(member countries|countries|delegations|paises miembros|paises|delegaciones)\s+"
                           r"(that|which|who|que)\s+(have|has|han|ha)\b")


@dataclass(frozen=True)
class Commitment:
    """What the rules need of a commitment."""

    iri: str
    date: str
    actors: frozenset[str]
    action_type: str | None
    text: str            # its action and quote, folded
    context: str         # its agreement's text, folded (the event a bare "to be carried out" is about)
    collective: bool     # made by the member countries as a whole

    # What the rules read of the commitment alone, worked out once: a commitment is compared with
    # every later agreement about its items (hundreds of thousands of pairs on a big archive).
    @cached_property
    def family(self) -> str | None:
        return family(self.action_type, self.text)

    @cached_property
    def words(self) -> tuple[str, ...]:
        return _FAMILIES.get(self.family or "", ())

    @cached_property
    def events(self) -> set[str]:
        return _events(self.text) or (_events(self.context) if self.family == "organise" or "carried out" in self.text
                                      else set())


@dataclass(frozen=True)
class Agreement:
    """What the rules need of a later agreement."""

    iri: str
    date: str
    meeting: str
    label: str
    act: str | None
    addressees: frozenset[str]
    texts: tuple[str, ...]   # every language version, folded
    quotes: tuple[str, ...]  # as printed, same order
    span: str | None
    countries_present: frozenset[str]

    @cached_property
    def readings(self) -> tuple[_Reading, ...]:
        """What the rules find in each language version, independent of the commitment."""
        return tuple(_Reading.of(low) for low in self.texts)


@dataclass(frozen=True)
class Evidence:
    kind: str        # done | progress | partly | superseded
    agreement: str
    date: str
    meeting: str
    label: str
    quote: str
    span: str | None
    delivered_by: tuple[str, ...] = ()   # member countries a collective commitment's evidence names
    present: tuple[str, ...] = ()        # member countries at that meeting


def family(action_type: str | None, text: str) -> str | None:
    """The action family of a commitment: from its action type, else from its verb."""
    if action_type and action_type in _FAMILY_OF:
        return _FAMILY_OF[action_type]
    for word in re.findall(r"\w+", text)[:4]:
        if word in _FAMILY_OF:
            return _FAMILY_OF[word]
    return None


_EVENT_WORDS = re.compile(r"\b(" + "|".join(_EVENTS) + r")s?\b")
_FUTURE = re.compile(r"\b(to be|will be|shall be|would be|se realizara|sera)\s*$")


def _events(text: str) -> set[str]:
    # one pass for every event word: the same set as one search per word (each match is a whole
    # word, and no event word is another one plus "s")
    return {_EVENT_EN_ES.get(e, e) for e in _EVENT_WORDS.findall(text)}


@dataclass(frozen=True)
class _Reading:
    """The matches of the rules in one folded text of an agreement (what does not depend on the commitment)."""

    thank: re.Match[str] | None
    heads: tuple[str, ...]                    # first word after each "for/por/de" after the thanks
    some: re.Match[str] | None                # "the member countries that have" after the thanks
    held: tuple[tuple[re.Match[str], frozenset[str]], ...]   # "held" not in the future, the events just before
    version: re.Match[str] | None
    superseded: tuple[tuple[re.Match[str], str], ...]        # (match, its clause)
    pending: tuple[tuple[re.Match[str], str], ...]
    events: frozenset[str]

    @classmethod
    def of(cls, low: str) -> _Reading:
        thank = _THANK.search(low)
        heads = tuple(m.group(1).split()[0] for m in _FOR.finditer(low, thank.end())) if thank else ()
        held = []
        for m in _HELD.finditer(low):
            before = low[max(0, m.start() - 60): m.start()]
            if not _FUTURE.search(before):
                held.append((m, frozenset(_events(before))))
        return cls(thank, heads, _SOME_MEMBERS.search(low, thank.end()) if thank else None, tuple(held),
                   _VERSION.search(low), tuple((m, _clause(low, m.start(), m.end())) for m in _SUPERSEDED.finditer(low)),
                   tuple((m, _clause(low, m.start(), m.end())) for m in _PENDING.finditer(low)), frozenset(_events(low)))


def _clause(text: str, start: int, end: int) -> str:
    """The clause around ``text[start:end]``: from the sentence or ';' boundary before to the one after."""
    lo = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start), text.rfind(": ", 0, start))
    his = [i for i in (text.find(". ", end), text.find("; ", end)) if i >= 0]
    return text[lo + 2 if lo >= 0 else 0: min(his) + 1 if his else len(text)].strip()


def _quote(folded: str, printed: str, start: int, end: int) -> str:
    """The printed clause for a folded match (folding keeps lengths for the scripts of the reports)."""
    src = printed if len(printed) == len(folded) else folded
    return " ".join(_clause(src, start, end).split())


def evidence_from(c: Commitment, a: Agreement) -> Evidence | None:
    """What agreement ``a`` (of a later meeting, about the same item) says about commitment ``c``:
    of the rules' matches, in the order they are written, text by text, the first of the best rank
    (done, superseded, partly, progress).

    A big archive compares millions of pairs, most matching nothing: the first "done" ends the
    search (nothing ranks before it), and only the chosen match is quoted (the clause around a
    match is the costly part)."""
    fam, words, events = c.family, c.words, c.events
    credited = not c.actors.isdisjoint(a.addressees)
    members = a.addressees & a.countries_present if c.collective else frozenset()
    best: _Match | None = None  # (rank, kind, match, folded text, printed text, delivered by)
    for low, printed, r in zip(a.texts, a.quotes, a.readings, strict=True):
        thank = r.thank
        if thank and (credited or members):
            for head in r.heads:
                if words and head.startswith(words):  # a tuple: any of the family's words
                    if members and not credited:
                        delivered = tuple(sorted(members))
                        if set(delivered) >= a.countries_present:
                            return _evidence(a, "done", thank, low, printed, delivered)
                        if best is None or best[0] > _R_PARTLY:
                            best = (_R_PARTLY, "partly", thank, low, printed, delivered)
                    else:
                        return _evidence(a, "done", thank, low, printed, ())
                    break
                if head in _PROGRESS and credited:
                    if best is None:
                        best = (_R_PROGRESS, "progress", thank, low, printed, ())
                    break
        if c.collective and thank and words and (some := r.some) is not None \
                and any(w in low[some.end():] for w in words) and (best is None or best[0] > _R_PARTLY):
            best = (_R_PARTLY, "partly", some, low, printed, ())
        if events:
            for m, before in r.held:
                if events & before:
                    return _evidence(a, "done", m, low, printed, ())
        if fam == "develop" and (version := r.version):
            return _evidence(a, "done", version, low, printed, ())
        for m, clause in r.superseded:
            if words and any(w in clause for w in words) or events & r.events:
                if best is None or best[0] > _R_SUPERSEDED:
                    best = (_R_SUPERSEDED, "superseded", m, low, printed, ())
                break
        for m, clause in r.pending:
            if words and any(w in clause for w in words) or credited:
                if best is None:
                    best = (_R_PROGRESS, "progress", m, low, printed, ())
                break
    return None if best is None else _evidence(a, *best[1:])


#: A match kept: (rank, kind, the match, the folded text, the printed text, the member countries delivering).
_Match = tuple[int, str, re.Match[str], str, str, tuple[str, ...]]
_R_SUPERSEDED, _R_PARTLY, _R_PROGRESS = _RANK["superseded"], _RANK["partly"], _RANK["progress"]


def _evidence(a: Agreement, kind: str, m: re.Match[str], low: str, printed: str, delivered: tuple[str, ...]) -> Evidence:
    return Evidence(kind, a.iri, a.date, a.meeting, a.label, _quote(low, printed, m.start(), m.end()), a.span,
                    delivered, tuple(sorted(a.countries_present)) if delivered else ())


class Candidates:
    """The agreements about one item that can be evidence about a commitment, by what the rules of
    :func:`evidence_from` need of them, each kind in date order.

    An agreement whose texts report nothing held, no version, replacement or postponement gives
    evidence only through its thanks: to a commitment whose actor it addresses, or to one of the
    member countries as a whole; one without thanks either gives none. Comparing each commitment
    with the later agreements it can hear from, not with every later agreement on its items, gives
    the same evidence (a commitment was compared with thousands of agreements at 10,000 reports).
    To a commitment, such an agreement speaks only if it thanks its actor for something of the
    commitment's action family or for progress (the first word after "for"), or, to the member
    countries as a whole, thanks countries present for something of the family or "the member
    countries that have" done one of its words: the agreements are kept by addressee and family,
    so the others are not compared at all (two thirds of the pairs, none with evidence, at 1,000
    reports). Likewise an agreement that only reports something held or a version approved (no
    thanks, nothing replaced or pending) goes only to the commitments with events or to develop.
    """

    def __init__(self, agreements: Iterable[Agreement]) -> None:
        self._open: list[Agreement] = []       # replaced, pending or thanks besides: any commitment
        # reporting only something held (the commitments with events), a version (the "develop"
        # family) or both, with no thanks: the rules that can read them need those
        self._held: list[Agreement] = []
        self._version: list[Agreement] = []
        self._held_version: list[Agreement] = []
        # thanks only, by the family of the collective commitments it can be about: thanks to member
        # countries present for something of the family, or "the member countries that have" and
        # one of the family's words after it (thanks to the collective actor itself: in _to)
        self._thanks: dict[str, list[Agreement]] = {}
        # thanks only, by addressee and the family of the commitments it can be about (None: those
        # of no family, which only thanks for progress can be about)
        self._to: dict[tuple[str, str | None], list[Agreement]] = {}
        for a in sorted(agreements, key=lambda a: a.date):
            rs = a.readings
            held, version = any(r.held for r in rs), any(r.version for r in rs)
            if any(r.superseded or r.pending for r in rs) or (held or version) and any(r.thank for r in rs):
                self._open.append(a)
            elif held or version:
                (self._held_version if held and version else self._held if held else self._version).append(a)
            elif any(r.thank for r in rs):
                heads = {h for r in rs for h in r.heads}
                matched = [f for f, words in _FAMILIES.items() if words and any(h.startswith(words) for h in heads)]
                families: list[str | None] = [None, *_FAMILIES] if any(h in _PROGRESS for h in heads) else [*matched]
                for x in a.addressees:
                    for f in families:
                        self._to.setdefault((x, f), []).append(a)
                members = bool(a.addressees & a.countries_present)
                for f, words in _FAMILIES.items():
                    if members and f in matched or words and any(
                            r.some is not None and any(w in low[r.some.end():] for w in words)
                            for low, r in zip(a.texts, rs, strict=True)):
                        self._thanks.setdefault(f, []).append(a)
        self._dates = {id(v): [a.date for a in v] for v in (self._open, self._held, self._version, self._held_version,
                                                            *self._thanks.values(), *self._to.values())}

    def later(self, c: Commitment) -> Iterator[Agreement]:
        """The agreements after ``c``'s date that can be evidence about it (one may come twice)."""
        develop, events = c.family == "develop", bool(c.events)
        lists = [self._open, *([self._held] if events else []), *([self._version] if develop else []),
                 *([self._held_version] if events or develop else [])]
        family = c.family if c.family in _FAMILIES else None  # no family: no words to thank for
        if c.collective and family is not None:
            lists.append(self._thanks.get(family, []))
        lists.extend(self._to.get((x, family), []) for x in sorted(c.actors))
        for v in lists:
            yield from v[bisect.bisect_right(self._dates[id(v)], c.date):] if v else ()


def decide(evidence: Sequence[Evidence], due: str | None, as_of: str) -> tuple[str, Evidence | None]:
    """The status on ``as_of`` and the evidence that decides it.

    Done evidence decides (the first), then a replacement, then partial delivery, then the latest
    report of progress; without any, a commitment whose due date has passed is not fulfilled, and
    one without evidence or a passed due date is unknown.
    """
    seen = sorted((e for e in evidence if e.date <= as_of), key=lambda e: (e.date, e.label))
    for kind in ("done", "superseded", "partly"):
        hits = [e for e in seen if e.kind == kind]
        if hits:
            return _STATUS_OF[kind], hits[0]
    progress = [e for e in seen if e.kind == "progress"]
    if progress:
        return IN_PROGRESS, progress[-1]
    if due and due < as_of:
        return NOT_FULFILLED, None
    return UNKNOWN, None


def folded(text: str) -> str:
    """Text as the rules read it: folded (case, accents), whitespace collapsed."""
    return fold(" ".join(text.split()))
