"""The report model: what each stage of the pipeline hands to the next. Plain frozen dataclasses.

Offsets are half-open code-point offsets into :attr:`SourceText.text` (Python ``str`` indices), the
text that was actually sliced; every extracted fact keeps the :class:`Span` it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

Date = date  # for fields called ``date``, which shadow the type inside their class


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start},{self.end}")

    def shift(self, offset: int) -> Span:
        return Span(self.start + offset, self.end + offset)


@dataclass(frozen=True)
class SourceFile:
    """The file as it was found: name, format, hash of its bytes."""

    name: str
    media_type: str
    sha256: str
    size: int
    path: str = ""


@dataclass(frozen=True)
class SourceText:
    """The text a reader extracted from a file. ``labels`` maps a paragraph's start offset to the list
    label Word displayed for it (from the .docx numbering), where the reader knows one. ``breaks``
    are the offsets where a paragraph starts inside a table's cell, after the cell's first (the
    reader writes a row on one line, a cell's paragraphs joined by a space)."""

    file: SourceFile
    text: str
    sha256: str
    encoding: str = "utf-8"
    labels: dict[int, str] = field(default_factory=dict)
    notes: tuple[tuple[str, Span], ...] = ()
    warnings: tuple[str, ...] = ()
    breaks: tuple[int, ...] = ()
    # the running headers and footers the reader left out of ``text`` ("Meeting of 12-13 March 2020 Page 1 of 2"),
    # each once: no fact is traced to them, but a year only they give may date the days the text gives
    margins: tuple[str, ...] = ()

    def quote(self, span: Span) -> str:
        return self.text[span.start : span.end]


@dataclass(frozen=True)
class Located:
    """A value read from the text, with where it was read."""

    value: str
    span: Span


@dataclass(frozen=True)
class Item:
    """One numbered agreement or sub-item, in reading order."""

    position: int  # 1-based reading order over all items and sub-items
    marker: str | None  # as printed ("- a.", "2.", "•") or as Word numbered it; None if none
    number: str  # reconstructed label: "4", "4.a", "x.b"
    parent: int | None  # position of the parent item
    span: Span  # the item's text, marker excluded
    text: str  # whitespace-normalised text, artefacts removed
    marker_span: Span | None = None
    # A row of a table of agreements or actions: its other cells by the role their column's heading
    # gives ("who": "Responsable", "when": "Fecha límite"); the text cell is ``span``.
    cells: tuple[tuple[str, Span], ...] = ()


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date | None
    as_printed: str
    span: Span


@dataclass(frozen=True)
class Place:
    city: str
    country: str | None  # ISO alpha-2
    region: str | None
    span: Span


@dataclass(frozen=True)
class ParsedReport:
    """What :func:`rcmkg.converters.parse.parse` recovers from a text: the report's structure."""

    source: SourceText
    body: Located | None  # the body's name as printed (the meeting's organiser)
    title: Located | None
    date: DateRange
    place: Place | None
    other_places: tuple[Place, ...]
    participants: tuple[Located, ...]  # country names in the attendance list
    participants_span: Span | None
    meeting_kind: Located | None
    reports_to: Located | None
    held_prior_to: Located | None
    items: tuple[Item, ...]
    annex: Span | None  # text after the agreements that is not agreements (slides, annexes)
    status: Located | None = None  # "Final Version"
    warnings: tuple[str, ...] = ()
    language: str = "en"  # ISO 639-1 of the report text
    doc_kind: str = "report"  # report | conclusions | recommendations | declaration | minutes
    header: Span | None = None  # the paragraphs before the first item (title, dateline, opening)
    # how the meeting was attended, where the report says: "online" ("Virtual meeting", "por
    # videoconferencia") or "mixed" ("hybrid", "modalidad híbrida"), with the words that say it
    attendance: Located | None = None
    # the text as the report was read, where parts of the source were blanked (the other column of a
    # page in two, a table's other cells, translations in brackets): the source's length and offsets
    read_text: str | None = None

    @property
    def text(self) -> str:
        """The text the facts are extracted from: :attr:`read_text`, or the source's."""
        return self.read_text if self.read_text is not None else self.source.text


# ---- extracted facts (after extract + link) -------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """A linked reference: a canonical IRI, its kind and the text span that named it."""

    iri: str
    kind: str  # "country" | "org" | "collective" | "doc" | "track"
    label: str
    span: Span
    known: bool = True  # False: minted for a name the registry does not know (unreconciled)


@dataclass(frozen=True)
class Due:
    as_printed: str
    span: Span
    date: Date | None  # the date the phrase means (end of a period), if it can be computed
    begin: Date | None = None  # start of the period, for "first two months of 2017"
    derived: bool = False  # computed from a relative phrase ("within three weeks")
    month_only: bool = False
    no_year: bool = False  # printed without a year ("by July 21st"): the meeting's year was taken


@dataclass(frozen=True)
class Commitment:
    n: int  # 1-based order within its item
    kind: str  # "pledge" | "request"
    actors: tuple[Ref, ...]  # first is the main actor; empty when unstated
    action: str
    action_type: str
    span: Span
    recipients: tuple[Ref, ...] = ()
    requested_by: Ref | None = None
    due: Due | None = None
    condition: str | None = None
    optional: bool = False  # a possibility, an interest, an unstated actor
    role_holding: str | None = None  # the role holding the actor acts in (the Presidency Pro Tempore)


@dataclass(frozen=True)
class StageClaim:
    track: str  # slug
    stage: str
    modality: str  # done | planned | requested
    span: Span
    date: Date | None = None
    end: Date | None = None
    when_printed: str | None = None
    actors: tuple[Ref, ...] = ()
    commitment: int | None = None  # n of the commitment that carries it


@dataclass(frozen=True)
class Agreement:
    item: Item
    act: str
    addressees: tuple[Ref, ...]
    mentions: tuple[Ref, ...]  # organisations, countries, collectives named in the item
    documents: tuple[Ref, ...]
    tracks: tuple[Ref, ...]
    commitments: tuple[Commitment, ...]
    stages: tuple[StageClaim, ...] = ()
    holdings: tuple[str, ...] = ()  # role holdings the item names or its bare mention of a role resolves to


@dataclass(frozen=True)
class Extracted:
    """A parsed report with every fact extracted and linked: what the graph builder needs."""

    report: ParsedReport
    body: Ref
    meeting_date: date
    place: Ref | None
    place_country: Ref | None
    other_places: tuple[Ref, ...]
    delegations: tuple[Ref, ...]
    agreements: tuple[Agreement, ...]
    mentions: tuple[Ref, ...]  # every body the report mentions outside the items too
    reports_to: Ref | None
    held_prior_to: Ref | None
    meeting_kind: str | None
    unreconciled: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    minted: tuple[tuple[str, str, str, str | None], ...] = ()  # (iri, kind, label, doctype) not in the registry
    report_tracks: tuple[Ref, ...] = ()  # tracked items named outside the items (header, annex)
    lacks: tuple[str, ...] = ()  # what the source does not say: body, delegations, items, place, year
    attendance: Located | None = None  # "online" or "mixed", as ParsedReport.attendance
    holdings: tuple[RoleHolding, ...] = ()  # countries the report names in a role (the PPT), with their spans


@dataclass(frozen=True)
class RoleHolding:
    """A country holding a post's role in the meeting's year, as the report states it ("Panama, in its
    capacity as Presidency Pro Tempore"): emitted as a ``rcm:RoleHolding`` derived from ``spans``."""

    iri: str
    post: str  # the post's IRI (org/rcm-ppt)
    role: str  # the post's org:role concept
    organization: str  # the post's org:postIn
    country: Ref
    year: int
    spans: tuple[Span, ...]
