"""Every RCM body's reports, every layout, Spanish as a first language (issue 9, points 1-4).

tests/genres/ holds short reports written for this suite in the genres of ../shared/RCM.md: RCGM
"Conclusiones" (Spanish, place and date in the header, "en reunión celebrada los días ...") and
"Conclusions and Recommendations" (English, title case header on several lines, hard-wrapped at 75
columns, "met on November 24-25, 2014, in the city of Managua, Nicaragua with the participation of
..."), a Network report in an older rendering (headed sections with no numbers, "in its meeting held
on"), a Coalition "Informe" ("a)" items, a list of days), a Vice-Ministerial declaration ("I."
items, "Los Viceministros ..., reunidos en"), an ad hoc group's minutes ("-" items, a body the
registry does not know) and a consular Network report whose bullet glyphs were lost in extraction.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from rcmkg.cli import cli
from rcmkg.converters.extract import Extractor
from rcmkg.converters.parse import parse
from rcmkg.converters.read import read
from rcmkg.errors import InputError
from rcmkg.iris import Iris
from rcmkg.model import Extracted, Ref
from rcmkg.registry import Registry

GENRES = Path(__file__).parent / "genres"


@cache
def registry() -> Registry:
    return Registry.load()


@cache
def extracted(name: str) -> Extracted:
    return Extractor(registry(), Iris()).extract(parse(read(GENRES / name), registry()))


def code(ref: Ref) -> str:
    return ref.iri.rsplit("/", 1)[-1].upper() if ref.kind == "country" else ref.label


def slug(ref: Ref) -> str:
    return ref.iri.rsplit("/", 1)[-1]


ALL_MEMBERS = ["BZ", "CA", "CR", "DO", "GT", "HN", "MX", "NI", "PA", "SV", "US"]


def test_rcgm_conclusiones_in_spanish():
    x = extracted("rcgm_conclusiones_2010_es.txt")
    assert slug(x.body) == "rcm-rcgm"
    assert x.report.language == "es" and x.report.doc_kind == "conclusions"
    assert (x.meeting_date.isoformat(), x.report.date.end and x.report.date.end.isoformat()) == ("2010-05-18", "2010-05-19")
    assert x.place is not None and x.place.label == "Tapachula" and x.place_country is not None and code(x.place_country) == "MX"
    assert sorted(code(d) for d in x.delegations) == ALL_MEMBERS
    acts = [(a.item.number, a.act) for a in x.agreements]
    assert acts == [("1", "thanks"), ("2", "take-note"), ("3", "decision"), ("4", "request"), ("5", "decision"),
                    ("6", "request"), ("7", "proposal")]
    by = {a.item.number: a for a in x.agreements}
    (c4,) = by["4"].commitments  # "Solicitar a la Secretaría Técnica que circule ... a más tardar el 30 de junio de 2010"
    assert (c4.kind, code(c4.actors[0]), c4.due and c4.due.date and c4.due.date.isoformat()) == ("request", "Technical Secretariat", "2010-06-30")
    (c5,) = by["5"].commitments  # "La OIM se comprometió a apoyar ... en el segundo semestre de 2010"
    assert (c5.kind, slug(c5.actors[0]), c5.due and c5.due.date and c5.due.date.isoformat()) == ("pledge", "iom", "2010-12-31")
    (c6,) = by["6"].commitments  # "Encomendar a la Red ... antes del 15 de septiembre": the meeting's year
    assert (c6.kind, slug(c6.actors[0])) == ("request", "rcm-rrpc")
    assert c6.due is not None and c6.due.no_year and c6.due.date is not None and c6.due.date.isoformat() == "2010-09-15"
    (c7,) = by["7"].commitments  # "Costa Rica ofreció ser sede ..."
    assert (c7.kind, code(c7.actors[0])) == ("pledge", "CR")
    assert x.lacks == ("year",)
    assert any("without a year" in w and "antes del 15 de septiembre" in w for w in x.warnings)


def test_rcgm_conclusions_met_on_in_the_city_of_with_participation():
    x = extracted("rcgm_conclusions_2014_en.txt")
    assert slug(x.body) == "rcm-rcgm" and x.report.doc_kind == "conclusions"
    assert (x.meeting_date.isoformat(), x.report.date.end and x.report.date.end.isoformat()) == ("2014-11-24", "2014-11-25")
    assert x.place is not None and x.place.label == "Managua"
    # the failure the issue reports: "met on <date> in <place> with the participation of ..." lost them
    assert sorted(code(d) for d in x.delegations) == ALL_MEMBERS
    assert {"UNHCR", "ECLAC", "UNICEF"} <= {m.iri.rsplit("/", 1)[-1].upper() for m in x.mentions}
    items = [(a.item.marker, a.item.number, a.item.parent, a.act) for a in x.agreements]
    assert items == [
        ("1)", "1", None, "thanks"),
        ("2)", "2", None, "decision"),
        ("3)", "3", None, "other"),
        ("(a)", "3.a", 3, "request"),
        ("(b)", "3.b", 3, "decision"),
        ("4)", "4", None, "decision"),
        ("5)", "5", None, "request"),
    ]
    # "... the workshop held in / Managua, on November 23, 2014. The RCGM took note ...": a wrapped
    # line, not a closing dateline; the item goes on.
    assert x.agreements[0].item.text.endswith("The RCGM took note of its results.")
    (c,) = x.agreements[6].commitments  # "by December 15th": no year printed
    assert c.due is not None and c.due.no_year and c.due.date is not None and c.due.date.isoformat() == "2014-12-15"
    (iom,) = x.agreements[4].commitments
    assert (slug(iom.actors[0]), iom.due and iom.due.date and iom.due.date.isoformat()) == ("iom", "2015-03-31")


def test_network_report_with_headed_sections_and_no_numbers():
    x = extracted("network_report_2003_en.txt")
    assert slug(x.body) == "rcm-lon-smtp"
    assert (x.meeting_date.isoformat(), x.report.date.end and x.report.date.end.isoformat()) == ("2003-12-02", "2003-12-03")
    assert x.place is not None and x.place.label == "Guatemala City"
    assert sorted(code(d) for d in x.delegations) == ["CR", "GT", "HN", "MX", "NI", "SV"]
    # the two headings ("Information exchange", "Training") and the "agreed on the following:" lead-in
    # are not items; each paragraph under a heading is
    assert [(a.item.number, a.item.marker, a.act) for a in x.agreements] == [
        ("1", None, "request"), ("2", None, "decision"), ("3", None, "proposal"), ("4", None, "thanks")]
    assert [code(c.actors[0]) for a in x.agreements for c in a.commitments] == [
        "RCM Member Countries", "Technical Secretariat", "International Organization for Migration"]
    assert x.lacks == ()


def test_coalition_informe_with_day_list_and_spanish_voices():
    x = extracted("coalition_informe_2019_es.txt")
    assert slug(x.body) == "regional-coalition" and x.report.doc_kind == "report"
    # "los días 27, 28 y 29 de marzo de 2019"
    assert (x.meeting_date.isoformat(), x.report.date.end and x.report.date.end.isoformat()) == ("2019-03-27", "2019-03-29")
    assert x.place is not None and x.place.label == "Guatemala City"  # "en la Ciudad de Guatemala, Guatemala"
    assert sorted(code(d) for d in x.delegations) == ["CR", "DO", "GT", "HN", "NI", "PA", "SV"]
    assert [a.act for a in x.agreements] == ["thanks", "request", "proposal", "proposal", "decision"]
    by = [a.commitments for a in x.agreements]
    (st,) = by[1]  # "Se solicita a la ST que remita ... en el primer trimestre de 2019"
    assert (st.kind, code(st.actors[0]), st.due and st.due.date and st.due.date.isoformat()) == ("request", "Technical Secretariat", "2019-03-31")
    (sv,) = by[2]  # "El Salvador ofreció compartir ..."
    assert (sv.kind, code(sv.actors[0])) == ("pledge", "SV")
    (ppt,) = by[4]  # "El informe ... será presentado por la Presidencia Pro Tempore al GRCM antes del 15 de mayo de 2019"
    assert (slug(ppt.actors[0]), ppt.due and ppt.due.date and ppt.due.date.isoformat()) == ("rcm-ppt", "2019-05-15")


def test_vice_ministerial_declaration():
    x = extracted("viceministerial_declaracion_2017_es.txt")
    # "Los Viceministros de los Países Miembros de la Conferencia Regional sobre Migración (CRM), reunidos en"
    assert slug(x.body) == "rcm-vmm"
    assert x.report.doc_kind == "declaration" and x.report.title is not None
    assert x.report.title.value == "DECLARACIÓN DE SAN SALVADOR"
    assert sorted(code(d) for d in x.delegations) == ALL_MEMBERS
    assert [(a.item.marker, a.act) for a in x.agreements] == [("I.", "decision"), ("II.", "request"), ("III.", "thanks")]
    (c,) = x.agreements[1].commitments
    assert (c.kind, code(c.actors[0])) == ("request", "Technical Secretariat")


def test_ad_hoc_group_unknown_to_the_registry_is_minted_not_refused(tmp_path: Path):
    # (the group on extra-regional migration is in the registry: the same report of another group)
    known = extracted("adhoc_group_2016_en.txt")
    assert known.body.known and slug(known.body) == "rcm-adhoc-extraregional" and not known.unreconciled
    f = tmp_path / "adhoc_group_2016_en.txt"
    f.write_text((GENRES / "adhoc_group_2016_en.txt").read_text(encoding="utf-8").replace("EXTRA-REGIONAL MIGRATION", "LABOUR MIGRATION")
                 .replace("Extra-Regional Migration", "Labour Migration"), encoding="utf-8")
    x = Extractor(registry(), Iris()).extract(parse(read(f), registry()))
    assert not x.body.known and x.body.label == "Ad Hoc Working Group on Labour Migration"
    assert "org: Ad Hoc Working Group on Labour Migration" in x.unreconciled
    assert x.report.doc_kind == "minutes"
    assert [(a.item.marker, a.act) for a in x.agreements] == [("-", "take-note"), ("-", "decision"), ("-", "request")]
    assert x.lacks == ("delegations",)
    assert any(w.startswith("no delegation list") for w in x.warnings)


def test_bullets_whose_glyph_was_lost_and_an_agreed_lead_in():
    x = extracted("consular_network_2015_en.txt")
    assert slug(x.body) == "rcm-rrpc"  # "Liaison Officer Network for Consular Protection"
    assert x.place is not None and x.place.label == "San José"
    assert sorted(code(d) for d in x.delegations) == ["CA", "CR", "HN", "MX", "SV"]
    # "The Network agreed:" introduces the list; it is not an item of its own
    assert [(a.item.number, a.item.parent, a.act) for a in x.agreements] == [
        ("1", None, "thanks"), ("2", None, "decision"), ("3", None, "take-note")]


def test_a_report_naming_no_body_is_converted_with_a_warning(tmp_path: Path):
    f = tmp_path / "untitled.txt"
    f.write_text("San José, Costa Rica, 3 de marzo de 2016\n\n1. Agradecer a Costa Rica por la organización.\n\n"
                 "2. La Secretaría Técnica enviará el informe a los países antes del 30 de marzo de 2016.\n", encoding="utf-8")
    x = Extractor(registry(), Iris()).extract(parse(read(f), registry()))
    assert not x.body.known and slug(x.body) == "unidentified-rcm-body"
    assert set(x.lacks) == {"body", "delegations"}
    assert any(w.startswith("body not recognised") for w in x.warnings)
    assert [a.act for a in x.agreements] == ["thanks", "decision"]


def test_a_text_with_no_date_is_still_refused(tmp_path: Path):
    f = tmp_path / "notes.txt"
    f.write_text("The Regional Consultation Group on Migration met with the participation of Belize.\n\n"
                 "1. To thank Belize.\n", encoding="utf-8")
    with pytest.raises(InputError, match="no recognisable meeting date"):
        parse(read(f), registry())


def test_convert_warns_and_strict_refuses(tmp_path: Path):
    runner = CliRunner()
    out = tmp_path / "out"
    ok = runner.invoke(cli, ["convert", str(GENRES), "--out", str(out), "--jobs", "1"])
    assert ok.exit_code == 0, ok.output
    assert "warning: adhoc_group_2016_en.txt: no delegation list" in ok.output
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == len(list(GENRES.glob("*.txt"))) == 7
    ttl = (out / "rcm-rcgm_2010-05-18.ttl").read_text(encoding="utf-8")
    assert "rcm:reportKind rkind:conclusions" in ttl and "rcm:sourceLacks lack:year" in ttl
    strict = runner.invoke(cli, ["convert", str(GENRES), "--out", str(tmp_path / "strict"), "--jobs", "1", "--strict"])
    assert strict.exit_code == 1
    errors = [line for line in strict.output.splitlines() if line.startswith("error: ")]
    assert any("adhoc_group_2016_en.txt: no delegation list" in e for e in errors)
    assert not (tmp_path / "strict" / "rcm-rcgm_2010-05-18.ttl").exists()
    assert (tmp_path / "strict" / "rcm-lon-smtp_2003-12-02.ttl").is_file()  # a report lacking nothing


def test_documents_described_by_head_noun_and_qualifiers(tmp_path: Path):
    # No registry label is a phrase from one report: a document is recognised by its head noun and the
    # distinctive words of its name (or its author named right after the head noun).
    f = tmp_path / "network.txt"
    f.write_text(
        "The Liaison Officer Network to Combat Migrant Smuggling and Trafficking in Persons held its regular meeting "
        "in San José, Costa Rica, on 4 May 2021, with the participation of representatives from Canada and Mexico.\n\n"
        "1. To ask IOM to update the comparative matrixes of national legislation on smuggling and trafficking.\n\n"
        "2. To thank the Coalition for the action lines prepared by the Regional Coalition in 2020.\n\n"
        "3. Member Countries will follow up on these indicators at the next meeting.\n",
        encoding="utf-8")
    x = Extractor(registry(), Iris()).extract(parse(read(f), registry()))
    docs = [[slug(d) for d in a.documents] for a in x.agreements]
    assert docs[0] == ["legislation-matrices"]  # head noun + two distinctive words of its name
    assert docs[1] == ["coalition-action-lines"]  # head noun + its author right after it
    assert docs[2] == []  # "these indicators": a reference back, not a description
    tracks = {slug(t) for a in x.agreements for t in a.tracks}
    assert "regional-coalition" in tracks
