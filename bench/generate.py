"""Synthetic RCM meeting reports (plain text) in the genre of the sample reports, for benchmarks.

    python -m bench.generate --reports 10000 --out bench/out/reports [--seed 42] [--clean]

Each report is what ``rcmkg convert`` reads: an optional "Final Version" line and RCM banner, a
title ("REPORT FROM THE MEETING OF THE ..."), a dateline, the opening sentence with the attending
countries, the "submits its report" preamble, then 6-14 numbered agreements with sub-items, written
with the artefacts real reports carry out of Word (varied list markers, lost list numbering, a running
page header in the middle of the list, ``[bookmark: _GoBack]``, hard-wrapped lines, no-break spaces).

What makes the archive realistic for trace queries is the pool of *tracked items*: the ten threads of
``../shared/gold/tracks.json`` under the names the samples print, plus invented but plausible
documents of the other RCM bodies. Each item follows its own life cycle in time (proposed ->
in-preparation -> drafted -> circulated-for-review -> submitted -> approved -> in-implementation,
then a new edition a few years later), and every mention is worded so that the converter's stage
rules (``rcmkg/converters/extract.py`` ``STAGE_RULES``) read the stage it is at. Items are picked
with Zipf weights, so the Work Plan on migrant smuggling recurs in hundreds of reports at 1,000 and
thousands at 10,000.

Everything comes from ``random.Random`` instances seeded from ``seed``: same seed, byte-identical
files. The library API is :func:`generate` (file name, text) and :func:`generate_reports` (the same
plus what each report was generated to say, for tests and benchmark checks).
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import TypeVar

T = TypeVar("T")

__all__ = ["BODIES", "STAGES", "TRACKS", "GeneratedReport", "generate", "generate_reports", "write_reports"]

STAGES = (
    "proposed",
    "in-preparation",
    "drafted",
    "circulated-for-review",
    "submitted",
    "approved",
    "in-implementation",
)
PROPOSED, PREPARATION, DRAFTED, CIRCULATED, SUBMITTED, APPROVED, IMPLEMENTATION = range(7)

# The converter's date grammar reads years 1900-2099 only (``_Y`` in rcmkg/converters/dates.py), so
# the archive must end before 2099, due phrases ("in the I Quarter of <next year>") included.
FIRST_YEAR = 2003
LAST_YEAR = 2097

# ---- the RCM ------------------------------------------------------------------------------------

MEMBERS = ("BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US")
# As the reports print them in lists; a second spelling is used now and then (both are registry labels).
COUNTRY_NAMES = {
    "BZ": ("Belize",),
    "CA": ("Canada",),
    "CR": ("Costa Rica",),
    "DO": ("the Dominican Republic", "Dominican Republic"),
    "SV": ("El Salvador",),
    "GT": ("Guatemala",),
    "HN": ("Honduras",),
    "MX": ("Mexico",),
    "NI": ("Nicaragua",),
    "PA": ("Panama",),
    "US": ("the United States", "the United States of America"),
}
DATELINE_COUNTRY = {"DO": "Dominican Republic", "US": "United States"}
# Venues per host country: (city, region printed in the dateline or None). Names are registry places,
# so the converter links them; Antiguo Cuscatlán reproduces 000's dateline/opening-sentence conflict.
VENUES = {
    "BZ": (("Belize City", None), ("Belmopan", None)),
    "CA": (("Ottawa", None),),
    "CR": (("San José", None),),
    "DO": (("Santo Domingo", None),),
    "SV": (("San Salvador", None), ("Antiguo Cuscatlán", "La Libertad")),
    "GT": (("Guatemala City", None),),
    "HN": (("Tegucigalpa", None), ("San Pedro Sula", None)),
    "MX": (("Mexico City", None),),
    "NI": (("Managua", None),),
    "PA": (("Panama City", None),),
    "US": (("Washington, D.C.", None),),
}
CAPITAL = {"SV": "San Salvador"}

TS_FORMS = ("the Technical Secretariat", "the TS", "the RCM Technical Secretariat", "the RCM TS",
            "the Technical Secretariat (TS)")
COALITION_FORMS = (
    "Regional Coalition against Trafficking in Persons and Migrant Smuggling",
    "Regional Coalition against Smuggling and Trafficking in Persons",
    "Regional Coalition against trafficking in persons and the smuggling of migrants",
)
RNCOM_FORMS = (
    "Regional Network of Civil Society Organizations for Migration (RNCOM)",
    "Regional Network of Civil Organizations on Migration (RNCOM)",
    "Regional Network for Civil Society Organizations on Migration (RNCOM)",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
ROMAN = ("I", "II", "III", "IV")
ORDINALS = ("first", "second", "third", "fourth")


@dataclass(frozen=True)
class Body:
    """An RCM body whose meetings produce reports."""

    slug: str  # the registry's organisation slug (file names and meeting IRIs use it)
    names: tuple[str, ...]  # as printed in the opening sentence; the first most often
    title: str  # upper-case name in the title
    short: str  # how the report calls itself: "the Network", "the Working Group"
    participation: float  # chance that the body meets in a given meeting round
    day: int  # day offset inside a round: networks first, the RCGM last ("prior to the RCGM")
    topic: str  # what the delegations report on in the standing item 1
    presentations: tuple[str, ...]  # what a delegation or organisation presents
    partners: tuple[str, ...]  # organisations that attend, present and offer support


BODIES = (
    Body(
        "rcm-lon-smtp",
        ("Liaison Officer Network to Combat Migrant Smuggling and Trafficking in Persons",
         "Liaison Officers Network to Combat Migrant Smuggling and Trafficking in Persons",
         "Liaison Officer Network to Combat Illicit Trafficking in Migrants and Trafficking in Persons"),
        "LIAISON OFFICER NETWORK TO COMBAT MIGRANT SMUGGLING AND TRAFFICKING IN PERSONS",
        "the Network", 0.95, 0,
        "the combat of migrant smuggling and trafficking in persons",
        ("its strategy of attention and integration to victims of trafficking in persons",
         "the joint operations carried out against migrant smuggling networks",
         "the cancelation of passports issued to citizens linked with crimes of sexual exploitation of minors",
         "its national policy against trafficking in persons",
         "the identification of victims of trafficking at border crossings",
         "the prosecution of migrant smuggling cases in the last year",
         "the campaign against sexual exploitation associated with travel and tourism"),
        ("IOM", "UNODC", "Save the Children", "UNHCR"),
    ),
    Body(
        "rcm-rrpc",
        ("Regional Network of Consular Protection", "Regional Network for Consular Protection"),
        "REGIONAL NETWORK OF CONSULAR PROTECTION",
        "the Network", 0.85, 0,
        "consular protection and assistance to their nationals abroad",
        ("its mobile consulates programme", "the consular registration of migrants in transit",
         "consular assistance to nationals in detention", "the repatriation of remains of deceased migrants",
         "consular assistance to victims of crime", "its consular emergency hotline"),
        ("IOM", "UNHCR", "OAS"),
    ),
    Body(
        "rcm-lon-nna",
        ("Liaison Officer Network for the Protection of Migrant Children and Adolescents",
         "Liaison Officer Network for the Protection of Children and Adolescents",
         "Liaison Officers Network for the Protection of Children and Adolescents"),
        "LIAISON OFFICER NETWORK FOR THE PROTECTION OF MIGRANT CHILDREN AND ADOLESCENTS",
        "the Network", 0.8, 1,
        "the protection of migrant children and adolescents",
        ("the reception of returned children and adolescents", "its family reunification procedures",
         "alternatives to detention for migrant children", "the best interest determination procedure",
         "the care centres for unaccompanied children"),
        ("UNICEF", "Save the Children", "IOM", "UNHCR"),
    ),
    # Working groups modelled on the ad hoc groups the RCGM creates; they keep the per-body pace near
    # 2-3 meetings a year in archives of a few thousand reports. The registry does not list them, so
    # the converter mints their IRIs from the printed name: one name each, and that slug here.
    Body(
        "working-group-on-labour-migration",
        ("Working Group on Labour Migration",),
        "WORKING GROUP ON LABOUR MIGRATION",
        "the Working Group", 0.4, 1,
        "labour migration and the protection of migrant workers",
        ("its temporary worker programme", "the certification of skills of returned migrant workers",
         "the labour inspection of recruitment agencies"),
        ("ILO", "IOM"),
    ),
    Body(
        "working-group-on-return-and-reintegration",
        ("Working Group on Return and Reintegration",),
        "WORKING GROUP ON RETURN AND REINTEGRATION",
        "the Working Group", 0.4, 1,
        "the return and reintegration of migrants",
        ("its reception centres for returned migrants", "its reintegration programme for returned migrants",
         "the psychosocial care offered to returned families"),
        ("IOM", "UNHCR"),
    ),
    Body(
        "ad-hoc-working-group-on-extra-regional-migrants",
        ("Ad Hoc Working Group on Extra-Regional Migrants",),
        "AD HOC WORKING GROUP ON EXTRA-REGIONAL MIGRANTS",
        "the Working Group", 0.35, 1,
        "the assistance of extra-regional migrants",
        ("the flows of extra-regional migrants through its territory",
         "its procedures for the identification of extra-regional migrants"),
        ("IOM", "UNHCR"),
    ),
    Body(
        "working-group-on-migration-and-gender",
        ("Working Group on Migration and Gender",),
        "WORKING GROUP ON MIGRATION AND GENDER",
        "the Working Group", 0.35, 1,
        "the protection of migrant women",
        ("its services for migrant women victims of violence", "its gender policy for migration services"),
        ("UN Women", "IOM"),
    ),
    Body(
        "rcm-rcgm",
        ("Regional Consultation Group on Migration (RCGM)",),
        "REGIONAL CONSULTATION GROUP ON MIGRATION (RCGM)",
        "the RCGM", 1.0, 2,
        "recent migration developments in their countries",
        ("the priorities of its Presidency Pro Tempore", "the financial situation of the Technical Secretariat",
         "the preparations for the Vice-Ministerial Meeting"),
        ("IOM", "UNHCR", "ECLAC"),
    ),
)
BODY = {b.slug: b for b in BODIES}
NETWORK_OF = {  # who presents an item to the RCGM
    "rcm-lon-smtp": "Liaison Officer Network to Combat Migrant Smuggling and Trafficking in Persons",
    "rcm-rrpc": "Regional Network of Consular Protection",
    "rcm-lon-nna": "Liaison Officer Network for the Protection of Migrant Children and Adolescents",
    "working-group-on-labour-migration": "Working Group on Labour Migration",
    "working-group-on-return-and-reintegration": "Working Group on Return and Reintegration",
    "ad-hoc-working-group-on-extra-regional-migrants": "Ad Hoc Working Group on Extra-Regional Migrants",
    "working-group-on-migration-and-gender": "Working Group on Migration and Gender",
}


# ---- tracked items --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Track:
    """A document or work stream followed from meeting to meeting.

    Names must not contain the converter's stage cue words (preparation, development, update,
    review, implementation, training, proposal, ...): the stage is read from the whole sentence,
    and a cue inside a name would fix the stage of every mention.
    """

    slug: str
    homes: tuple[str, ...]  # bodies that discuss it; the RCGM hears about every item
    names: tuple[str, ...]  # printed names; all are registry labels for the real items
    short: str  # anaphor for sub-items ("the Plan")
    leads: tuple[str, ...]  # who presents it or supports its preparation
    origin: int = FIRST_YEAR  # year it first comes up
    first_stage: int = PROPOSED  # where its first edition starts (existing documents start later)
    draft_names: tuple[str, ...] = ()  # names used before approval
    document: bool = True  # False: a work stream, which has no document life cycle
    quoted: bool = False  # printed in curly quotes now and then, as titles are in 001 and 003


SMTP, RRPC, NNA, LAB, RET, EXT, GEN, RCGM = (b.slug for b in BODIES)

# Zipf rank = position in this tuple. The first nine are the gold standard's tracks (bar the standing
# country-progress item, which every report opens with) under the names the samples print.
TRACKS = (
    Track("work-plan-migrant-smuggling", (SMTP,),
          ("Work Plan on the Smuggling of Migrants", "Work Plan of the Network concerning migrant smuggling and trafficking",
           "Regional Work Plan to Combat Migrant Smuggling and Trafficking", "Work Plan on Migrant Smuggling",
           "Work Plan to Combat Migrant Smuggling", "Work Plan of the Network"),
          "the Work Plan", ("IOM", "UNODC", "Costa Rica"),
          draft_names=("Draft Work Plan on Migrant Smuggling",
                       "Draft Work Plan on Migrant Smuggling for the Liaison Officers Network to Combat Migrant Smuggling and Trafficking in Persons",
                       "draft work plan to combat migrant smuggling of the Liaison Officer Network to Combat Migrant Smuggling and Trafficking",
                       "Draft Regional Work Plan to Combat Migrant Smuggling and Trafficking")),
    Track("legislation-matrices", (SMTP,),
          ("Comparative Matrices of the Legislation in RCM Member Countries relating to Migrant Smuggling and Trafficking in Persons",
           "comparative matrices on legislation on migrant smuggling",
           "comparative matrixes on legislation relating to migrant smuggling and trafficking",
           "matrices on migrant smuggling and trafficking"),
          "the matrices", ("IOM",), first_stage=PREPARATION),
    Track("regional-coalition", (SMTP, NNA), COALITION_FORMS, "the Coalition", ("the Regional Coalition",), document=False),
    Track("smuggling-protocol-indicators", (SMTP,),
          ("Compliance Indicators of the Protocol to Prevent Migrant Smuggling by Land, Sea and Air",
           "indicators of compliance with the Protocol against the Smuggling of Migrants by Land, Sea and Air",
           "Compliance Indicators of the Smuggling of Migrants Protocol",
           "Compliance Indicators of the Protocol against the Smuggling of Migrants by Land, Sea and Air"),
          "the indicators", ("IOM", "UNODC"), quoted=True),
    Track("migrant-women-guidelines", (GEN, SMTP, NNA),
          ("Regional Guidelines for the Assistance and Protection of Migrant Women",
           "Guidelines for the Assistance and Protection of Migrant Women",
           "Regional Guidelines for the Protection of Migrant Women"),
          "the Guidelines", ("IOM", "UN Women"), origin=2006, quoted=True),
    Track("repatriation-protocol", (SMTP, NNA),
          ("Regional Protocol for the Repatriation of Victims of Trafficking in Persons",
           "Regional Protocol for the Repatriation of Trafficking Victims", "Regional Repatriation Protocol"),
          "the Protocol", ("the Regional Coalition", "IOM"), origin=2005),
    Track("vulnerable-migrants-guidelines", (RRPC, EXT, SMTP),
          ("Regional Guidelines for the Preliminary Identification of Profiles and Referral Mechanisms of Migrant Populations in a Vulnerable Condition",
           "Regional Guidelines for the Preliminary Identification of Profiles and Referral Mechanisms of Vulnerable Migrant Populations"),
          "the Guidelines", ("IOM", "UNHCR"), first_stage=IMPLEMENTATION, quoted=True),
    Track("rcm-glossary", (RCGM, SMTP, RRPC),
          ("Glossary of the RCM", "RCM Glossary", "Glossary of the Regional Conference on Migration"),
          "the Glossary", ("the TS",), first_stage=IMPLEMENTATION),
    Track("civil-society-participation", (SMTP, NNA, RET), RNCOM_FORMS, "RNCOM", ("RNCOM",), document=False),
    # Invented, in the same naming style; the converter mints documents for them (no registry entry).
    Track("smuggling-victims-guidelines", (SMTP,),
          ("Regional Guidelines for the Protection of Victims of Crimes Associated with Migrant Smuggling",),
          "the Guidelines", ("UNODC", "IOM"), origin=2008),
    Track("consular-transit-guidelines", (RRPC,),
          ("Regional Guidelines for Consular Protection of Migrants in Transit",), "the Guidelines", ("IOM",)),
    Track("unaccompanied-children-guidelines", (NNA,),
          ("Regional Guidelines for the Protection of Unaccompanied Migrant Children and Adolescents",),
          "the Guidelines", ("UNICEF", "Save the Children")),
    Track("labour-migration-action-plan", (LAB,),
          ("Regional Action Plan on Labour Migration",), "the Action Plan", ("ILO", "IOM")),
    Track("return-reintegration-guidelines", (RET,),
          ("Regional Guidelines for the Return and Reintegration of Migrants",), "the Guidelines", ("IOM",)),
    Track("extra-regional-diagnosis", (EXT,),
          ("Regional Diagnosis on Extra-Regional Migration Flows",), "the Diagnosis", ("IOM", "UNHCR")),
    Track("migration-governance-strategy", (RCGM,),
          ("Regional Strategy on Migration Governance",), "the Strategy", ("the TS", "IOM"), origin=2010),
    Track("children-return-protocol", (NNA,),
          ("Regional Protocol for the Return of Migrant Children and Adolescents",), "the Protocol", ("UNICEF", "IOM")),
    Track("consular-emergency-protocol", (RRPC,),
          ("Regional Protocol for Consular Assistance in Emergency Situations",), "the Protocol", ("IOM",), origin=2007),
    Track("smuggling-information-protocol", (SMTP,),
          ("Regional Protocol for the Exchange of Information on Migrant Smuggling Networks",),
          "the Protocol", ("UNODC",), origin=2011),
    Track("gender-violence-toolkit", (GEN,),
          ("Regional Toolkit on Gender-Based Violence against Migrant Women",), "the Toolkit", ("UN Women",)),
    Track("consular-detention-handbook", (RRPC,),
          ("Handbook on Consular Assistance to Nationals Deprived of Liberty",), "the Handbook", ("IOM", "UNHCR")),
    Track("best-interest-guide", (NNA,),
          ("Regional Guide for the Determination of the Best Interest of the Child",), "the Guide", ("UNICEF",), origin=2009),
    Track("extra-regional-assistance-protocol", (EXT,),
          ("Regional Protocol for the Assistance of Extra-Regional Migrants",), "the Protocol", ("IOM",), origin=2009),
    Track("recruitment-guidelines", (LAB,),
          ("Regional Guidelines for the Fair Recruitment of Migrant Workers",), "the Guidelines", ("ILO",), origin=2012),
    Track("reintegration-handbook", (RET,),
          ("Handbook on Reintegration Services for Returned Migrants",), "the Handbook", ("IOM",), origin=2010),
    Track("climate-migration-study", (RCGM, EXT),
          ("Regional Study on Migration and Climate Change",), "the Study", ("IOM", "ECLAC"), origin=2012),
    Track("tourism-exploitation-strategy", (SMTP,),
          ("Regional Strategy against Sexual Exploitation Associated with Travel and Tourism",),
          "the Strategy", ("Costa Rica",), origin=2014),
    Track("remains-repatriation-guide", (RRPC,),
          ("Regional Guide for the Repatriation of Remains of Deceased Migrants",), "the Guide", ("IOM",), origin=2011),
    Track("detention-alternatives-handbook", (NNA,),
          ("Handbook on Alternatives to Detention for Migrant Children and Adolescents",), "the Handbook",
          ("UNHCR", "Save the Children"), origin=2013),
    Track("communication-strategy", (RCGM,),
          ("Communication Strategy of the RCM",), "the Strategy", ("the TS",), origin=2008),
    Track("gender-migration-study", (GEN,),
          ("Regional Study on Gender and Migration in Mesoamerica",), "the Study", ("UN Women", "IOM"), origin=2010),
    Track("joint-investigations-handbook", (SMTP,),
          ("Handbook on Joint Investigations into Migrant Smuggling",), "the Handbook", ("UNODC",), origin=2015),
    Track("children-transit-study", (NNA,),
          ("Regional Study on Migrant Children and Adolescents in Transit",), "the Study", ("Save the Children",), origin=2014),
    Track("migration-statistics-handbook", (RCGM, LAB),
          ("Handbook on Migration Statistics of the RCM",), "the Handbook", ("IOM", "ECLAC"), origin=2016),
    Track("consular-services-matrix", (RRPC,),
          ("Regional Matrix of Consular Services for Migrants in Transit",), "the matrix", ("the TS",), origin=2015),
    Track("smuggling-observatory-concept-note", (SMTP,),
          ("Concept Note for a Regional Observatory on Migrant Smuggling",), "the concept note", ("IOM",), origin=2018),
    Track("labour-exploitation-diagnosis", (SMTP, LAB),
          ("Regional Diagnosis on Labour Exploitation and Trafficking in Persons",), "the Diagnosis", ("ILO", "IOM"), origin=2016),
    Track("irregular-child-migration-strategy", (NNA,),
          ("Regional Strategy for the Prevention of Irregular Migration of Children",), "the Strategy", ("UNICEF",), origin=2017),
)
TRACK = {t.slug: t for t in TRACKS}
# The gold standard's threads (tracks.json, bar the standing country-progress item): the registry knows
# them, so the converter links their names and, for the documents, reports their stages.
GOLD_TRACKS = frozenset(t.slug for t in TRACKS[:9])
ZIPF = {t.slug: 1.0 / rank for rank, t in enumerate(TRACKS, start=1)}

# Days a stage lasts before the next one starts (preparation to approval takes about three years, as
# the Work Plan did from the 2016 decision to the 2018 review); an approved edition is implemented for
# four to seven years before a new edition is proposed.
DWELL = ((120, 300), (200, 420), (60, 200), (60, 180), (60, 200), (30, 120))
EDITION_YEARS = (1100, 2000)


class Lifecycle:
    """When each stage of each edition of one item starts; independent of the archive's size."""

    def __init__(self, track: Track, seed: int) -> None:
        # One generator per item, seeded by its slug: adding an item or changing the number of
        # reports does not move any other item's history.
        rng = Random(f"{seed}/track/{track.slug}")
        # Items of the first year already exist when the archive opens, the others come up during their year.
        t = date(track.origin, 1, 1) + timedelta(days=rng.randint(-400 if track.origin == FIRST_YEAR else 0, 300))
        stage, edition = track.first_stage, 1
        self.starts: list[date] = []
        self.entries: list[tuple[int, int]] = []  # (stage, edition)
        self.when: dict[tuple[int, int], date] = {}  # (edition, stage) -> start
        while t.year <= LAST_YEAR + 2:
            self.starts.append(t)
            self.entries.append((stage, edition))
            self.when[(edition, stage)] = t
            if stage < IMPLEMENTATION:
                t += timedelta(days=rng.randint(*DWELL[stage]))
                stage += 1
            else:
                t += timedelta(days=rng.randint(*EDITION_YEARS))
                stage = PROPOSED if rng.random() < 0.6 else PREPARATION
                edition += 1

    def at(self, day: date) -> tuple[int, int] | None:
        """(stage, edition) on ``day``, or None before the item exists."""
        i = bisect.bisect_right(self.starts, day) - 1
        return self.entries[i] if i >= 0 else None

    def start(self, edition: int, stage: int) -> date | None:
        return self.when.get((edition, stage))


# ---- the schedule ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    body: Body
    start: date
    end: date | None
    host: str  # ISO code of the host country (the Presidency Pro Tempore)
    venue: tuple[str, str | None]


def _weekday(d: date) -> date:
    """Rounds open on a Monday or Tuesday, so that the RCGM, two days later, still meets in the week."""
    while d.weekday() > 1:
        d += timedelta(days=1)
    return d


def _rounds(n: int, seed: int, per_year: int) -> list[Slot]:
    rng = Random(f"{seed}/schedule")
    hosts = list(MEMBERS)
    Random(f"{seed}/hosts").shuffle(hosts)  # the Presidency Pro Tempore rotates every year
    slots: list[Slot] = []
    year = FIRST_YEAR
    while len(slots) < n:
        # Two rounds a year, sometimes three (the RCGM meets mid-year and in November), times the
        # multiplier that fits large archives into the years the converter can read.
        rounds = (3 if rng.random() < 0.3 else 2) * per_year
        host = hosts[(year - FIRST_YEAR) % len(hosts)]
        span = 365 // rounds
        for r in range(rounds):
            lo = date(year, 1, 10) + timedelta(days=r * span)
            first = _weekday(lo + timedelta(days=rng.randint(0, max(0, span - 12))))
            venue = rng.choice(VENUES[host])
            for body in BODIES:
                if rng.random() >= body.participation:
                    continue
                start = first + timedelta(days=body.day)
                # Networks meet one or two days; the RCGM follows them ("prior to the meeting of the RCGM").
                two_days = rng.random() < (0.15 if body.day == 0 else 0.25 if body.day == 2 else 0.0)
                end = start + timedelta(days=1) if two_days else None
                slots.append(Slot(body, start, end, host, venue))
        year += 1
    slots.sort(key=lambda s: (s.start, BODIES.index(s.body)))
    return slots[:n]


def schedule(n: int, seed: int = 42) -> list[Slot]:
    """The ``n`` meetings in date order: unique (body, date), ending by :data:`LAST_YEAR`.

    Up to about 1,100 meetings each body meets at most two or three times a year and a smaller
    archive is a prefix of a larger one. Beyond that the rounds get denser (at 10,000 reports the
    networks and the RCGM meet about 20 times a year, the working groups about 8) so that no date
    needs a year the converter cannot read.

    >>> [(s.body.slug, s.start.isoformat()) for s in schedule(2)]
    [('rcm-lon-smtp', '2003-04-29'), ('rcm-lon-nna', '2003-04-30')]
    """
    per_year = 1
    while True:
        slots = _rounds(n, seed, per_year)
        if not slots or slots[-1].start.year <= LAST_YEAR:
            return slots
        per_year += 1


# ---- text helpers ---------------------------------------------------------------------------------


def _draw(rng: Random, weighted: list[tuple[T, float]]) -> int:
    """Index of a weighted draw; the last entry takes any rounding remainder."""
    x = rng.random() * sum(w for _, w in weighted)
    j = 0
    while j < len(weighted) - 1 and x > weighted[j][1]:
        x -= weighted[j][1]
        j += 1
    return j


def _ord(d: int) -> str:
    return f"{d}{'th' if 10 <= d % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"


def fmt_date(start: date, end: date | None, style: int) -> str:
    """Meeting dates as the reports print them: "November 27th, 2017", "19 July 2018",
    "November 24-25, 2014", "30 November - 1 December 2015"."""
    m1 = MONTHS[start.month - 1]
    if end is None:
        if style == 0:
            return f"{m1} {_ord(start.day)}, {start.year}"
        if style == 1:
            return f"{m1} {start.day}, {start.year}"
        return f"{start.day} {m1} {start.year}"
    m2 = MONTHS[end.month - 1]
    if style == 2:
        if end.month == start.month:
            return f"{start.day}-{end.day} {m1} {start.year}"
        return f"{start.day} {m1} - {end.day} {m2} {start.year}"
    if end.month == start.month:
        return f"{m1} {start.day}-{end.day}, {start.year}"
    return f"{m1} {start.day} - {m2} {end.day}, {start.year}"


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _quarter(d: date, rng: Random) -> str:
    q = (d.month - 1) // 3
    if rng.random() < 0.6:
        return f"in the {ROMAN[q]} Quarter of {d.year}"
    return f"in the {ORDINALS[q]} quarter of {d.year}"


def _day_month(start: date, meeting: date) -> str:
    """A past event's date without the year, as 002 prints it, unless it is too old to be unambiguous."""
    end = start + timedelta(days=1)
    dm = f"{start.day}-{end.day} {MONTHS[start.month - 1]}" if end.month == start.month else f"{start.day} {MONTHS[start.month - 1]}"
    return dm if (meeting - start).days < 300 else f"{dm} {start.year}"


class Ctx:
    """What a report's item templates draw on: the meeting, its RNG and its actors."""

    def __init__(self, rng: Random, slot: Slot, participants: list[str]) -> None:
        self.rng = rng
        self.slot = slot
        self.body = slot.body
        self.day = slot.start
        self.participants = participants
        self.used: set[object] = set()  # one-off filler templates already used in this report
        self._networks: list[str] = []

    def next_network(self) -> str:
        """Each network the RCGM hears from, once per report."""
        if not self._networks:
            self._networks = list(NETWORK_OF.values())
            self.rng.shuffle(self._networks)
        return self._networks.pop()

    def pick(self, options: tuple[str, ...] | list[str]) -> str:
        return options[int(self.rng.random() * len(options))]

    def country(self) -> str:
        """A participating country as printed mid-sentence ("the United States"); _cap() at a sentence start."""
        return COUNTRY_NAMES[self.pick(self.participants)][0]

    def ts(self) -> str:
        return self.pick(TS_FORMS)

    def partner(self) -> str:
        return self.pick(self.body.partners)

    def by_date(self) -> str:
        d = self.day + timedelta(days=self.rng.randint(21, 60))
        return f"by {d.day} {MONTHS[d.month - 1]} {d.year}"

    def event_when(self) -> str:
        """When a workshop or training is planned: a quarter, a month or a year, never days away."""
        nxt = self.day + timedelta(days=self.rng.randint(60, 330))
        r = self.rng.random()
        if r < 0.5:
            return _quarter(nxt, self.rng)
        if r < 0.8:
            return f"in {MONTHS[nxt.month - 1]} {nxt.year}"
        return f"during the first six months of {self.day.year + 1}"

    def due(self) -> str:
        r = self.rng.random()
        y = self.day.year
        if r < 0.2:
            return self.by_date()
        if r < 0.35:
            return f"within {self.pick(('two', 'three', 'four'))} weeks"
        if r < 0.5:
            nxt = self.day + timedelta(days=self.rng.randint(90, 300))
            return _quarter(nxt, self.rng)
        if r < 0.6:
            return f"during the first {self.pick(('two', 'three', 'six'))} months of {y + 1}"
        if r < 0.72:
            return f"in a {self.pick(('two', 'three'))}-month period"
        if r < 0.9:
            return "before the next meeting"
        return f"in {y + 1}"


# ---- tracked-item blocks ----------------------------------------------------------------------------
# Each returns (item text, sub-items). The sentence that names the item carries exactly one stage
# cue of the converter's rules; sub-items without a name of their own inherit the parent's item, so
# they either carry the same (or the next, requested) stage or no cue at all.


def _name(c: Ctx, t: Track, stage: int) -> str:
    names = t.draft_names if t.draft_names and stage <= CIRCULATED and c.rng.random() < 0.5 else t.names
    n = c.pick(names)
    if t.quoted and c.rng.random() < 0.4:
        return f"\u201c{n}\u201d"
    return n


def _lead(c: Ctx, t: Track) -> str:
    lead = c.pick(t.leads)
    return c.ts() if lead == "the TS" else lead




def block_proposed(c: Ctx, t: Track, edition: int, life: Lifecycle) -> tuple[str, list[str]]:
    n, lead, ctry = _name(c, t, PROPOSED), _lead(c, t), c.country()
    if edition > 1:
        return c.pick((
            f"Take note of the proposal of {lead} for a new edition of the {n}, which Member Countries will analyze {c.pick(('before the next meeting', 'in a two-month period'))}.",
            f"{_cap(ctry)} proposed to revise the {n} in light of the new migration context in the region.",
        )), []
    r = c.rng.random()
    if r < 0.3:
        return (f"{_cap(ctry)} proposes the {n} with the purpose of strengthening the coordination among the Member "
                f"Countries on {c.body.topic}."), []
    if r < 0.55:
        return (f"Take note of the proposal of {lead} regarding the {n}, which Member Countries will "
                f"analyze before the next meeting."), []
    if r < 0.8:
        return f"{_cap(lead)} offered to lead a regional initiative on the {n}, with the support of {c.ts()}.", []
    return f"To take note of the possibility of the {n}, as proposed by {ctry}.", []


def block_preparation(c: Ctx, t: Track, edition: int, life: Lifecycle) -> tuple[str, list[str]]:
    n, lead = _name(c, t, PREPARATION), _lead(c, t)
    drafted = life.start(edition, DRAFTED)
    host = c.pick(c.participants)
    where = COUNTRY_NAMES[host][0]
    when = _quarter(drafted, c.rng) if drafted and drafted > c.day else c.event_when()
    r = c.rng.random()
    if r < 0.3:
        text = (f"To thank {lead} for the update of the information related to the Workshop for the preparation of "
                f"the {n}, to be carried out in {where} {when}. In this regard, Member Countries requested:")
        subs = [f"{_cap(lead)} to take into consideration in its concept note, inviting as participants the Ministries of Foreign Affairs."]
        if c.rng.random() < 0.5:
            subs.append(f"To include a representative of the {c.pick(COALITION_FORMS)} among the participants.")
        return text, subs
    if r < 0.5:
        return (f"In order to follow up on this topic, countries will propose contact points who will participate in a "
                f"virtual meeting organized by the RCM TS, with the support of {lead} {c.event_when()}. The purpose of the "
                f"meeting will be to elaborate the {n}."), []
    if r < 0.7:
        return (f"To thank and receive the offer of {lead} to provide technical accompaniment in the development, by "
                f"the TS, of the {n}. To this effect, {lead} shall support the organization of a face-to-face "
                f"workshop {when}."), []
    if r < 0.85:
        return f"To ask {c.ts()} to coordinate with {lead} the preparation of the {n} {c.due()}.", []
    text = (f"To thank the Member Countries that have submitted the information required to complete "
            f"the {n}. {_cap(c.ts())} shall soon send a reminder to those Member Countries that have yet "
            f"to submit the required information.")
    return text, [f"To submit to the TS the information required for updating {t.short} {c.by_date()}."]


def block_drafted(c: Ctx, t: Track, edition: int, life: Lifecycle) -> tuple[str, list[str]]:
    """Half the time a sub-item also asks for the next stage, as 002 does (drafted, then circulated)."""
    n, lead, ctry = _name(c, t, DRAFTED), _lead(c, t), c.country()
    held = life.start(edition, DRAFTED) or c.day - timedelta(days=120)
    host = c.pick(c.participants)
    place = f"{c.pick(VENUES[host])[0]}, {DATELINE_COUNTRY.get(host, COUNTRY_NAMES[host][0])}"
    when = _day_month(held, c.day)
    r = c.rng.random()
    if r < 0.45:
        text = f"To thank {ctry} for the update on the status of the {n}, as a result of the workshop conducted on {when} in {place}."
    elif r < 0.75:
        text = (f"Take note that the first draft of the {n} was prepared during the regional workshop held on "
                f"{when} in {place}, with the support of {lead}.")
    else:
        text = f"To thank {lead} for the support in the workshop held in {place} on {when}, where the {n} was elaborated."
    subs: list[str] = []
    other = c.country()
    if other != ctry:
        subs.append(f"To thank {other} for the input for {t.short}.")
    if c.rng.random() < 0.5:
        subs.append(
            f"To ask {c.pick(('the RCM Technical Secretariat', 'the Technical Secretariat'))} to disseminate, within "
            f"three weeks, the last version of {t.short} for final review by the RCM Member Countries before it is "
            f"presented at the next meeting.")
    return text, subs


def block_circulated(c: Ctx, t: Track, edition: int, life: Lifecycle) -> tuple[str, list[str]]:
    n = _name(c, t, CIRCULATED)
    r = c.rng.random()
    if r < 0.35:
        return (f"To ask {c.pick(('the RCM Technical Secretariat', 'the Technical Secretariat', 'the TS'))} to "
                f"disseminate, {c.pick(('within three weeks', 'within two weeks', c.by_date()))}, the last version of "
                f"the {n} for final review by the RCM Member Countries before it is presented at the next meeting."), []
    if r < 0.6:
        return (f"{_cap(c.ts())} will send the revised version of the {n} to the Member Countries for "
                f"comments {c.pick(('within three weeks', 'in a two-month period', c.by_date()))}."), []
    if r < 0.8:
        return (f"Review the {n} in order to assess the topics that should be modified in this document. "
                f"Member Countries will submit to the TS their comments to the document in a "
                f"{c.pick(('two', 'three'))}-month period."), []
    a, b = c.country(), c.country()
    who = a if a == b else f"{a} and {b}"
    return f"Take note that the {n} was circulated to the Member Countries for review, and that {who} sent comments to the TS.", []


def block_submitted(c: Ctx, t: Track, edition: int, life: Lifecycle) -> tuple[str, list[str]]:
    n = _name(c, t, SUBMITTED)
    if c.body.slug == RCGM:
        net = NETWORK_OF.get(t.homes[0], NETWORK_OF[SMTP])
        return (f"To thank the {net} for the presentation of the {n}, which Member Countries will analyze "
                f"for approval at the next meeting."), []
    r = c.rng.random()
    if r < 0.4:
        return f"The {n} will be presented to the RCGM for analysis and approval during its next meeting.", []
    if r < 0.7:
        return f"Take note that the final version of the {n} was submitted to the Regional Consultation Group on Migration (RCGM).", []
    return f"To submit the final version of the {n} to the RCGM for approval.", []


def block_approved(c: Ctx, t: Track, edition: int, life: Lifecycle) -> tuple[str, list[str]]:
    n = _name(c, t, APPROVED)
    approved = life.start(edition, APPROVED) or c.day
    if c.body.slug == RCGM:
        net = NETWORK_OF.get(t.homes[0], NETWORK_OF[SMTP])
        return f"To thank the {net} for the {n}, which was endorsed by all the delegations.", []
    r = c.rng.random()
    if r < 0.4:
        return f"Take note that the {n} was approved by the RCGM at its meeting of {MONTHS[approved.month - 1]} {approved.year}.", []
    if r < 0.7:
        return f"To thank {_lead(c, t)} for its support to the {n}, which was adopted by the Member Countries.", []
    return f"Take note that the {n} has been approved and will be published on the RCM website.", []


def block_implementation(c: Ctx, t: Track, edition: int, life: Lifecycle) -> tuple[str, list[str]]:
    n, lead = _name(c, t, IMPLEMENTATION), _lead(c, t)
    r = c.rng.random()
    if r < 0.25:
        return f"To thank {lead} for the presentation on the efforts made in the different countries for the implementation of the {n}.", []
    if r < 0.42:
        return (f"{_cap(lead)} offered to organize a training related to the {n}. The training would offer Member "
                f"Countries of the RCM a toolkit on the topic. The training is tentatively planned on a date to be "
                f"determined."), []
    if r < 0.58:
        return (f"To thank {lead} for its presentation on the {n}, and urge Member Countries to use them as a "
                f"tool for monitoring their progress on this topic."), []
    if r < 0.74:
        return (f"Take note of the report of {c.ts()} on the progress in the implementation of the {n}. "
                f"{_cap(lead)} reiterated its commitment, as per financial possibilities, to support its follow-up and evaluation."), []
    if r < 0.88:
        return f"Member Countries requested {lead} support on the implementation, follow-up and evaluation of the {n} {c.event_when()}.", []
    # (sharing a document "for distribution" is the distributed stage, not implementation)
    return f"To take note of the progress in the implementation of the {n} reported by {lead}.", []


STAGE_BLOCKS = (block_proposed, block_preparation, block_drafted, block_circulated, block_submitted,
                block_approved, block_implementation)


def block_coalition(c: Ctx) -> tuple[str, list[str]]:
    name = c.pick(COALITION_FORMS)
    r = c.rng.random()
    if r < 0.35:
        return (f"Thank the {name} for the presentation of their video, recognizing the importance of the coordination "
                f"between the Coalition and the RCM."), []
    if r < 0.7:
        return f"To thank the {name} for the presentation.", [
            f"{_cap(c.ts())} will send again the action lines worked by the Coalition with the objective of avoiding "
            f"duplicity of work among the two forums."]
    ctry = c.country()
    return (f"Thank {ctry}, in its position as Technical Secretariat, for the progress report on the {name}."), [
        "Take note of the announcement regarding the role that Observer Countries will have in the Regional Coalition.",
        f"Regarding the request of the Regional Coalition to have a permanent space in this Network, {c.ts()} will send "
        f"the Member Countries the details, as well as the background on the participation of the Regional Coalition in "
        f"this Network, {c.pick(('before the next meeting', 'within three weeks'))}.",
    ]


def block_civil_society(c: Ctx) -> tuple[str, list[str]]:
    name = c.pick(RNCOM_FORMS)
    r = c.rng.random()
    if r < 0.35:
        return (f"Thank the {name} for its presentation on how to ensure the effective participation of the civil "
                f"society in national and regional spaces. Member Countries expressed their interest in continuing "
                f"to include the civil society in such spaces."), []
    if r < 0.65:
        return (f"Take note of the recommendations of the {name} on how to ensure the effective participation of civil "
                f"society in national and regional spaces. In particular, consider the following recommendations made "
                f"by the RNCOM:"), c.rng.sample([
                    "To update legislation, if not done already, to fight effectively trafficking in persons and the smuggling of migrants.",
                    "To reinforce strategies to avoid impunity in prosecuted cases, among them factors such as using gender stereotypes.",
                    "To include civil society organizations in the processes of implementation of work plans against trafficking in persons.",
                    "To exhort the development of public policies for the elimination of the structural causes of irregular migration.",
                    "To strengthen the coordination between consular networks and civil society shelters.",
                ], c.rng.randint(2, 4))
    if r < 0.85:
        return (f"To take note of the reflections of the {name} regarding the risks on the criminalization of irregular "
                f"migration and amplify information on combatting other forms of Trafficking in Persons."), []
    return (f"Request that the RNCOM presents a written proposal on how to strengthen the participation of the civil "
            f"society in the RCM, so it can be assessed by Member Countries {c.pick(('before the next meeting', 'in a two-month period'))}."), []


# ---- other items ----------------------------------------------------------------------------------

EVENTS = ("First International Congress on sexual exploitation and trafficking associated with travel and tourism",
          "Regional Seminar on consular protection", "Regional Forum on the protection of migrant children",
          "Meeting of the Central American Commission of Migration Directors",
          "International Seminar on labour migration", "Regional Workshop on the identification of victims")
MATERIALS = ("the contact list of the liaison officers", "the presentations made during this meeting",
             "the calendar of activities for next year", "the background documents of this meeting",
             "the terms of reference of the Network", "the list of national focal points")
INFO = ("Virtual training regarding the strengthening of consular capacities for the assistance to victims of trafficking, implemented through the Mesoamerica Program",
        "The project by Save the Children, in coordination with other civil society organizations and the RCM, taking into consideration the possibility of a Workshop for each RCM Liaison Officer Network",
        "Efforts to obtain funds to support the activities of the Member Countries in this field",
        "The launch of the regional information campaign on the risks of irregular migration",
        "The results of the regional survey on the needs of migrants in transit",
        "The assistance provided to migrants in vulnerable situations during the last six months")
STUDY = ("study the structural causes related to trafficking in persons and smuggling migrants",
         "share experiences on the protection of migrants in transit",
         "participate in the regional campaign against the smuggling of migrants",
         "study the structural causes of the irregular migration of children and adolescents")


def _f_presentation(c: Ctx) -> tuple[str, list[str]]:
    return f"To thank {c.country()} for its presentation on {c.pick(c.body.presentations)}.", []


def _f_event_report(c: Ctx) -> tuple[str, list[str]]:
    start = c.day - timedelta(days=c.rng.randint(30, 150))
    end = start + timedelta(days=2)
    span = f"from {MONTHS[start.month - 1]} {start.day} to {end.day}" if end.month == start.month else f"on {MONTHS[start.month - 1]} {start.day}"
    return (f"To thank {c.country()} for the report of the {c.pick(EVENTS)}, held in "
            f"{c.pick(VENUES[c.pick(c.participants)])[0]}, {span}, {start.year}. During the presentation emphasis was "
            f"placed on the promotion of our countries as safe destinations."), []


def _f_share_info(c: Ctx) -> tuple[str, list[str]]:
    ctry = c.country()
    return (f"To take note of the information provided by {ctry} on {c.pick(c.body.presentations)}. In this regard, "
            f"{ctry} will share the information with {c.ts()} for circulation to the Member Countries."), []


def _f_ask_ts(c: Ctx) -> tuple[str, list[str]]:
    return f"To ask {c.ts()} to send the Member Countries {c.pick(MATERIALS)} {c.by_date()}.", []


def _f_ts_will(c: Ctx) -> tuple[str, list[str]]:
    when = c.pick(("within three weeks", "soon", "before the next meeting", c.by_date()))
    return f"{_cap(c.ts())} will send {c.pick(MATERIALS)} to the Member Countries {when}.", []


def _f_offer(c: Ctx) -> tuple[str, list[str]]:
    return (f"{_cap(c.partner())} offered to organize a workshop on {c.body.topic} {c.event_when()}. The workshop is "
            f"tentatively planned on a date to be determined."), []


def _f_requested(c: Ctx) -> tuple[str, list[str]]:
    return f"Member Countries requested {c.partner()} to share the results of its regional study on {c.body.topic} {c.due()}.", []


def _f_info_list(c: Ctx) -> tuple[str, list[str]]:
    return f"To thank {c.partner()} for the information provided on:", c.rng.sample(INFO, c.rng.randint(2, 4))


def _f_sica(c: Ctx) -> tuple[str, list[str]]:
    return ("In regards to establishing synergies with SICA for improved cooperation on migration matters, RCM "
            "Member Countries agreed that interested countries will request support from SICA for the "
            "implementation of projects through the TS."), []


def _f_invitation(c: Ctx) -> tuple[str, list[str]]:
    return f"To take note of the invitation from {c.country()}, to {c.pick(STUDY)}.", []


def _f_priorities(c: Ctx) -> tuple[str, list[str]]:
    return ("Take note of the Member Countries\u2019 interest to identify priority actions to be implemented within a "
            "defined timeframe in order to be able to monitor the same."), []


def _f_focal_points(c: Ctx) -> tuple[str, list[str]]:
    return f"Member Countries agreed to designate a national focal point for {c.body.topic} {c.due()}.", []


def _f_network_report(c: Ctx) -> tuple[str, list[str]]:
    return f"To thank the {c.next_network()} for its report, and to approve the recommendations contained therein.", []


def _f_network_circulate(c: Ctx) -> tuple[str, list[str]]:
    return (f"To take note of the report of the {c.next_network()} and to ask {c.ts()} to circulate it to the Member "
            f"Countries {c.due()}."), []


def _f_ppt(c: Ctx) -> tuple[str, list[str]]:
    return f"To thank the Presidency Pro Tempore of {COUNTRY_NAMES[c.slot.host][0]} for the organization of this meeting.", []


# (weight, template, may repeat in one report): an item that follows no tracked item, as the samples
# write them. A report uses each one-off template once, so no two items read alike.
FILLERS = (
    (14, _f_presentation, True), (8, _f_event_report, False), (12, _f_share_info, True), (10, _f_ask_ts, False),
    (8, _f_ts_will, False), (8, _f_offer, False), (7, _f_requested, False), (8, _f_info_list, False),
    (4, _f_sica, False), (6, _f_invitation, False), (4, _f_priorities, False), (5, _f_focal_points, False),
)
RCGM_FILLERS = FILLERS + ((30, _f_network_report, True), (12, _f_network_circulate, True), (10, _f_ppt, False))


def filler(c: Ctx) -> tuple[str, list[str]]:
    """One item about other business, chosen by weight among the templates this report has not used up."""
    table = RCGM_FILLERS if c.body.slug == RCGM else FILLERS
    avail = [(f, w) for w, f, again in table if again or f not in c.used]
    f = avail.pop(_draw(c.rng, avail))[0]
    c.used.add(f)
    return f(c)


# ---- one report -----------------------------------------------------------------------------------

SENTENCE_ENDS = (".", ":", ";", "?", "!", "\u201d")
MARKER_LIKE = re.compile(r"^(?:[-\u2022]|\d{1,2}[.)]|[a-zA-Z][.)])\s")


def _wrap(line: str, width: int) -> list[str]:
    """Hard-wrap like a PDF-to-text export (004): no line may end a sentence early or start like a
    list marker, or the converter would split the paragraph there."""
    words = line.split(" ")
    out: list[str] = []
    cur: list[str] = []
    size = 0
    for i, w in enumerate(words):
        if cur and size + 1 + len(w) > width and not cur[-1].endswith(SENTENCE_ENDS) \
                and not MARKER_LIKE.match(" ".join(words[i:i + 2]) + " "):
            out.append(" ".join(cur) + (" " if len(out) % 3 == 0 else ""))
            cur, size = [], 0
        cur.append(w)
        size += len(w) + (1 if size else 0)
    if cur:
        out.append(" ".join(cur))
    # A short last line holding a date ("29 April 2076.") would read as a dateline and end the list
    # there: give the last line words from the one before until it is long enough.
    while len(out) > 1 and (len(out[-1]) < 45 or out[-2].rstrip().endswith(SENTENCE_ENDS)
                            or MARKER_LIKE.match(out[-1])):
        prev = out[-2].rstrip().split(" ")
        if len(prev) < 3:
            out[-2:] = [" ".join(prev) + " " + out[-1]]
            break
        out[-2], out[-1] = " ".join(prev[:-1]) + " ", prev[-1] + " " + out[-1]
    return out


@dataclass(frozen=True)
class GeneratedReport:
    """One report and what it was generated to say."""

    name: str  # file name: {i:05d}_{body}_{date}.txt
    text: str
    body: str  # body slug
    start: date
    end: date | None
    date_text: str  # the date as printed in the dateline
    place: str  # the dateline's "City, [Region,] Country"
    participants: tuple[str, ...]  # ISO codes
    items: int  # top-level agreements
    tracks: tuple[tuple[str, str | None], ...]  # (track slug, stage) in item order; None for work streams


class _Writer:
    def __init__(self, n: int, seed: int) -> None:
        self.seed = seed
        self.slots = schedule(n, seed)
        self.lives = {t.slug: Lifecycle(t, seed) for t in TRACKS}
        # Candidate items per body with their Zipf weight: at home full weight, the RCGM hears of
        # the networks' items at a third of it.
        self.pool: dict[str, list[tuple[Track, float]]] = {}
        for b in BODIES:
            cands = []
            for t in TRACKS:
                if b.slug in t.homes:
                    cands.append((t, ZIPF[t.slug]))
                elif b.slug == RCGM and t.document:
                    cands.append((t, ZIPF[t.slug] / 3))
            self.pool[b.slug] = cands

    def _pick_tracks(self, rng: Random, slot: Slot, k: int) -> list[Track]:
        cands = [(t, w) for t, w in self.pool[slot.body.slug] if self.lives[t.slug].at(slot.start) is not None]
        chosen: list[Track] = []
        while cands and len(chosen) < k:
            chosen.append(cands.pop(_draw(rng, cands))[0])
        return chosen

    def report(self, i: int) -> GeneratedReport:
        slot = self.slots[i]
        body = slot.body
        rng = Random(f"{self.seed}/report/{i}")
        k = rng.randint(8, 11)
        participants = sorted(rng.sample(MEMBERS, k), key=MEMBERS.index)
        c = Ctx(rng, slot, participants)

        # Items: the standing country item, tracked items, other business, and "new activities" last.
        n_top = rng.randint(6, 14)
        n_tracks = min(rng.randint(2, 5), n_top - 2)
        tracks = self._pick_tracks(rng, slot, n_tracks)
        blocks: list[tuple[str, list[str]]] = []
        proposals: list[tuple[str, list[str]]] = []
        facts: list[tuple[str, str | None]] = []
        for t in tracks:
            if not t.document:
                blocks.append(block_coalition(c) if t.slug == "regional-coalition" else block_civil_society(c))
                facts.append((t.slug, None))
                continue
            life = self.lives[t.slug]
            stage, edition = life.at(slot.start) or (PROPOSED, 1)
            text, subs = STAGE_BLOCKS[stage](c, t, edition, life)
            if stage == PROPOSED and rng.random() < 0.6:
                proposals.append((text, subs))  # goes under a "Proposal of new activities:" heading
            elif not subs and rng.random() < 0.12:
                # A "Regarding ...:" lead-in over the statement, as 003 item 2 is written.
                blocks.append((f"Regarding the {c.pick(t.names)}:", [text]))
            else:
                blocks.append((text, subs))
            facts.append((t.slug, STAGES[stage]))
        while len(blocks) + len(proposals) + 1 < n_top:
            blocks.append(filler(c))
        rng.shuffle(blocks)
        if proposals:
            if len(proposals) == 1 and rng.random() < 0.5:
                blocks.append(proposals[0])
            else:
                head = c.pick(("Proposal of new activities:", "Take note on the new activities proposed:"))
                blocks.append((head, [p[0] for p in proposals]))
        thanked = participants if rng.random() < 0.8 else sorted(rng.sample(participants, len(participants) - 2), key=MEMBERS.index)
        first = (f"To thank the delegations {c.pick(('of', 'from'))} {_join([self._cname(rng, x) for x in thanked])} "
                 f"for {c.pick(('their reports on best practices and advances relating to', 'sharing their progress made in', 'the presentation of the reports on their recent efforts and practices concerning'))} "
                 f"{body.topic}.")
        items = [(first, [])] + blocks
        text, when, place = self._render(rng, slot, participants, items)
        day = slot.start.isoformat()
        return GeneratedReport(f"{i:05d}_{body.slug}_{day}.txt", text, body.slug, slot.start, slot.end, when, place,
                               tuple(participants), len(items), tuple(facts))

    @staticmethod
    def _cname(rng: Random, code: str) -> str:
        names = COUNTRY_NAMES[code]
        return names[0] if len(names) == 1 or rng.random() < 0.7 else names[1]

    def _render(self, rng: Random, slot: Slot, participants: list[str],
                items: list[tuple[str, list[str]]]) -> tuple[str, str, str]:
        body = slot.body
        city, region = slot.venue
        country = DATELINE_COUNTRY.get(slot.host, COUNTRY_NAMES[slot.host][0])
        style = rng.randint(0, 2)
        when = fmt_date(slot.start, slot.end, style)
        dateline_place = f"{city}, {region}, {country}" if region else f"{city}, {country}"
        title_head = "CONCLUSIONS OF THE MEETING OF THE" if body.slug == RCGM and rng.random() < 0.6 else \
            rng.choice(("REPORT FROM THE MEETING OF THE", "REPORT OF THE MEETING OF THE"))
        title = f"{title_head} {body.title}"
        banner = rng.random() < 0.45
        out: list[str] = []
        layout = rng.random()
        if banner:
            out += ["", "", "", "", "Conferencia Regional sobre Migración", "Regional Conference on Migration", "", "", "", ""]
            if rng.random() < 0.5:
                out += [f"Meeting of the {rng.choice(body.names)}", ""]
            out += [title, "", dateline_place, "", when, ""]
        elif layout < 0.4:
            out += ["Final Version", "", "REGIONAL CONFERENCE ON MIGRATION (RCM)",
                    "REGIONAL CONSULTATION GROUP ON MIGRATION (RCGM)", "", title, "", dateline_place, when, ""]
        else:
            out += [("  " if rng.random() < 0.5 else "") + title, "", dateline_place, when, ""]

        name = body.names[0] if rng.random() < 0.7 else rng.choice(body.names)
        listed = _join([self._cname(rng, x) for x in participants])
        opening_city = CAPITAL.get(slot.host, city) if region else city
        if body.slug == RCGM:
            opening = (f"The {name} held its {rng.choice(('ordinary', 'regular'))} meeting on {when} in {opening_city}, "
                       f"{country} prior to the Vice-Ministerial Meeting of the Regional Conference on Migration (RCM), "
                       f"with participation of representatives from the following countries: {listed}.")
            preamble = rng.choice((
                "The RCGM submits its conclusions to the Vice-Ministerial Meeting for consideration, contained in the following agreements:",
                "The RCGM adopted the following agreements:"))
        elif rng.random() < 0.65:
            opening = (f"The {name} held its {rng.choice(('ordinary', 'regular'))} meeting on {when}{',' if style == 0 else ''} "
                       f"in {opening_city}, {country} prior to the meeting of the Regional Consultation Group on Migration "
                       f"(RCGM), with participation of representatives from the following countries: {listed}.")
            preamble = None
        else:
            opening = (f"The {name} held its regular meeting in {opening_city}, {country}, on {when}, with participation "
                       f"of representatives from {listed}.")
            preamble = None
        if preamble is None:
            short = _cap(body.short)
            preamble = rng.choice((
                f"{short} submits its report to the RCGM for consideration, contained in the following items:",
                f"{short} submits its report to the Regional Consultation Group on Migration (RCGM) for consideration, as follows: ",
                f"{short} submits the following report to the Regional Consultation Group on Migration (RCGM) for consideration: ",
                f"{short} submits the report to the Regional Consultation Group on Migration (RCGM) for consideration.  The report includes the following: ",
            ))
        if rng.random() < 0.15:
            opening = "[bookmark: _GoBack]" + opening
        out += [opening, "", preamble, ""]

        # List markers: (top, sub) styles seen in the samples.
        lost_ok = not items[0][1] and (len(items) < 2 or not items[1][1])
        m = rng.random()
        mstyle = "compact" if m < 0.25 else "spaced" if m < 0.55 else "paren" if m < 0.67 else \
            "numparen" if m < 0.77 else "bullet" if m < 0.9 else ("lost" if lost_ok else "spaced")
        spaced = mstyle in ("spaced", "lost") or (mstyle in ("paren", "numparen", "bullet") and rng.random() < 0.5)
        page_break_at = rng.randint(3, len(items)) if banner and len(items) > 4 and rng.random() < 0.6 else -1
        go_back = rng.randint(1, len(items)) if rng.random() < 0.1 else -1
        nbsp = rng.random() < 0.1
        for num, (text, subs) in enumerate(items, start=1):
            if num == page_break_at:
                out += ["", "", "", "Conferencia Regional sobre Migración", "Regional Conference on Migration", "", "", ""]
            if nbsp:
                text = text.replace(". ", ".\u00a0 ", 1)
            if num == go_back:
                text = "[bookmark: _GoBack]" + text
            top = f"{num})" if mstyle == "numparen" else "1." if mstyle == "lost" else f"{num}."
            out.append(f"{top} {text}" + (" " if rng.random() < 0.2 else ""))
            if spaced:
                out.append("")
            for j, sub in enumerate(subs):
                letter = chr(97 + j)
                if mstyle == "compact":
                    mark = f"- {letter}." if j == 0 else f" - {letter}."
                elif mstyle == "bullet":
                    mark = "\u2022"
                elif mstyle == "lost":
                    mark = f"{num - 1}."
                elif mstyle in ("paren", "numparen"):
                    mark = f"{letter})"
                else:
                    mark = f"{letter}."
                out.append(f"{mark} {sub}")
                if mstyle == "spaced":
                    out.append("")
            if subs and spaced and mstyle != "spaced":
                out.append("")
        if rng.random() < 0.12:
            width = rng.randint(85, 100)
            wrapped: list[str] = []
            for line in out:
                wrapped += _wrap(line, width) if len(line) > width else [line]
            out = wrapped
        return "\n".join(out).rstrip("\n") + "\n", when, dateline_place


def generate_reports(n: int, seed: int = 42) -> Iterator[GeneratedReport]:
    """The ``n`` reports in date order, each with the facts it was generated to state.

    >>> r = list(generate_reports(23))[22]
    >>> r.name, r.date_text, r.place, r.items
    ('00022_rcm-lon-smtp_2005-04-11.txt', 'April 11-12, 2005', 'Santo Domingo, Dominican Republic', 10)
    >>> r.tracks[:2]
    (('work-plan-migrant-smuggling', 'circulated-for-review'), ('smuggling-protocol-indicators', 'in-implementation'))
    """
    w = _Writer(n, seed)
    for i in range(len(w.slots)):
        yield w.report(i)


def generate(n: int, seed: int = 42) -> Iterator[tuple[str, str]]:
    """``(file name, text)`` of ``n`` synthetic reports; the same seed gives the same texts.

    >>> [name for name, _ in generate(2)]
    ['00000_rcm-lon-smtp_2003-04-29.txt', '00001_rcm-lon-nna_2003-04-30.txt']
    """
    for r in generate_reports(n, seed):
        yield r.name, r.text


GENERATED = re.compile(r"^\d{5,}_[a-z0-9-]+_\d{4}-\d{2}-\d{2}\.txt$")


def write_reports(n: int, out: Path, seed: int = 42, clean: bool = False) -> tuple[int, int]:
    """Write ``n`` reports into ``out`` (UTF-8, LF). Returns (written, stale files left in ``out``).

    With ``clean``, earlier generated reports (names like ``00012_rcm-rrpc_2004-06-14.txt``) are
    removed first, so a smaller run does not leave a larger run's files behind; nothing else is touched.
    """
    out.mkdir(parents=True, exist_ok=True)
    names = set()
    count = 0
    for name, text in generate(n, seed):
        (out / name).write_bytes(text.encode("utf-8"))
        names.add(name)
        count += 1
    stale = [p for p in out.iterdir() if GENERATED.match(p.name) and p.name not in names]
    if clean:
        for p in stale:
            p.unlink()
        stale = []
    return count, len(stale)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, required=True, metavar="N", help="number of reports to write")
    ap.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the .txt files (created)")
    ap.add_argument("--seed", type=int, default=42, help="random seed (default 42); same seed, same files")
    ap.add_argument("--clean", action="store_true", help="remove earlier generated reports from DIR first")
    args = ap.parse_args(argv)
    if args.reports < 0:
        ap.error("--reports must be >= 0")
    t0 = time.perf_counter()
    count, stale = write_reports(args.reports, args.out, args.seed, args.clean)
    print(f"wrote {count} reports to {args.out} in {time.perf_counter() - t0:.2f} s (seed {args.seed})")
    if stale:
        print(f"warning: {stale} reports from an earlier run are still in {args.out}; use --clean", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
