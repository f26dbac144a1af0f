"""Reports in the genre that the rules were not written against (tests/unseen/).

Written after the rules, by hand, in the ways other RCM bodies differ from the samples: an RCGM's
"conclusions" numbered with Roman numerals and "a)" sub-items, a network's report numbered "1)",
an organisation the registry does not know, "To approve" and "to instruct" decisions. The gold is
what a reader of each text would say.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rcmkg.converters.extract import Extractor
from rcmkg.converters.names import find_unknown_orgs
from rcmkg.converters.parse import parse
from rcmkg.converters.read import read
from rcmkg.iris import Iris
from rcmkg.registry import Registry

UNSEEN = Path(__file__).parent / "unseen"


@cache
def extracted(name: str):
    registry = Registry.load()
    return Extractor(registry, Iris()).extract(parse(read(UNSEEN / name), registry))


def _code(ref) -> str:
    return ref.iri.rsplit("/", 1)[-1].upper() if ref.kind == "country" else ref.label


def test_rcgm_conclusions_with_roman_numerals():
    x = extracted("rcgm_conclusions_2019.txt")
    assert x.body.iri.endswith("/org/rcm-rcgm")
    assert (x.meeting_date.isoformat(), x.report.date.end.isoformat()) == ("2019-06-25", "2019-06-26")
    assert x.place is not None and x.place.label == "Tegucigalpa"
    assert len(x.delegations) == 11
    items = [(a.item.marker, a.item.number, a.item.parent, a.act) for a in x.agreements]
    assert items == [
        ("I.", "1", None, "decision"),
        ("II.", "2", None, "thanks"),
        ("III.", "3", None, "other"),
        ("a)", "3.a", 3, "decision"),
        ("b)", "3.b", 3, "request"),
        ("IV.", "4", None, "take-note"),
    ]
    first = x.agreements[0]
    # "To approve the Work Plan": approved at this meeting, not asked for
    assert {(s.track, s.stage, s.modality) for s in first.stages} == {("work-plan-migrant-smuggling", "approved", "done")}
    # "and to instruct the Technical Secretariat to publish it ... by 30 August 2019"
    (c,) = first.commitments
    assert (c.kind, _code(c.actors[0]), c.due.date.isoformat()) == ("request", "Technical Secretariat", "2019-08-30")
    sub_a, sub_b = x.agreements[3], x.agreements[4]
    assert [_code(c.actors[0]) for c in sub_a.commitments] == ["GT"]
    assert sub_b.commitments[0].due.date.isoformat() == "2019-08-25"  # within two months


def test_an_organisation_the_registry_does_not_know_is_minted_and_reported():
    x = extracted("rcgm_conclusions_2019.txt")
    nrc = [m for m in x.mentions if m.label == "Norwegian Refugee Council"]
    assert len(nrc) == 1 and not nrc[0].known and nrc[0].iri.endswith("/org/norwegian-refugee-council")
    assert "org: Norwegian Refugee Council" in x.unreconciled
    thanks = x.agreements[1]
    assert [a.label for a in thanks.addressees] == ["Norwegian Refugee Council"]


def test_network_report_numbered_with_parentheses():
    x = extracted("rrpc_report_2019.txt")
    assert x.body.iri.endswith("/org/rcm-rrpc")
    assert x.meeting_date.isoformat() == "2019-03-12"
    assert sorted(_code(d) for d in x.delegations) == ["CA", "CR", "GT", "MX", "PA", "US"]
    assert [a.item.marker for a in x.agreements] == ["1)", "2)", "3)"]
    assert {m.label for m in x.mentions} >= {"International Organization for Migration",
                                             "Office of the United Nations High Commissioner for Refugees"}
    assert x.unreconciled == ()
    send, train = x.agreements[1].commitments[0], x.agreements[2].commitments[0]
    assert (_code(send.actors[0]), send.due.date.isoformat()) == ("MX", "2019-04-15")
    assert (train.kind, _code(train.actors[0]), train.due.date.isoformat()) == (
        "request", "International Organization for Migration", "2019-12-31")
    assert [t.label for t in x.agreements[0].tracks] and x.agreements[0].tracks[0].iri.endswith("/repatriation-protocol")


def test_name_shapes():
    text = ("To thank the Mexican Migration Institute and the Ministries of Foreign Affairs. "
            "The Refugee Law Project (RLP) presented. RLP will send. The Mesoamerica Program.")
    names = [(h.name, h.acronym) for h in find_unknown_orgs(text, [])]
    assert names == [("Mexican Migration Institute", None), ("Refugee Law Project", "RLP"), ("Refugee Law Project", "RLP")]
    # a known span hides what it covers
    assert find_unknown_orgs(text, [(text.index("Mexican"), text.index(" and"))])[0].name == "Refugee Law Project"
    # an acronym that does not fit the name is not taken for one
    assert find_unknown_orgs("the Work Plan (2018)", []) == []


def test_names_in_a_participants_list_leave_the_persons_out():
    # rows of a table in columns of spaces or tabs: a person, then the institution, a cell wrapped
    table = ("Mexico        Ms. Ana Garza Ruiz       National Institute of Migration (INM)\n"
             "UNICEF        Mr. Tomás Urrutia        Regional Office for Latin America\n"
             "Honduras\tSr. Wilmer Paz Cárcamo\tInstituto Nacional de Migración\n"
             "  Claudia Portillo      Dirección General de Migración y\n"
             "                        Extranjería\n"
             "  Sonia Henríquez       Office of Refugee Resettlement\n")
    assert [h.name for h in find_unknown_orgs(table, [])] == [
        "National Institute of Migration", "Regional Office for Latin America", "Instituto Nacional de Migración",
        "Dirección General de Migración y Extranjería", "Office of Refugee Resettlement"]
    # an institution and its delegate on lines of their own, or after a dash and a title
    lines = ("HONDURAS\n   Ministerio de Relaciones Exteriores\n   Ana María Zelaya\n"
             "   Instituto Nacional de Migración – Sr. Héctor Amaya\n"
             "Para: Dirección General de Asuntos Consulares y Panameños en el Exterior del Ministerio\n"
             "CC: Sánchez, Itzel\n")
    assert [h.name for h in find_unknown_orgs(lines, [])] == [
        "Ministerio de Relaciones Exteriores", "Instituto Nacional de Migración",
        "Dirección General de Asuntos Consulares y Panameños en el Exterior del Ministerio"]
    # prose wraps a name over lines and hyphenates it; "y al" starts a second name
    prose = ("Agradecer al Gobierno de Guatemala, en particular al Ministerio de Relaciones Exteriores y al\n"
             "Ministerio de Trabajo y Previsión Social, y al Instituto Nacional de Mi-\n"
             "gración por su apoyo.")
    assert [h.name for h in find_unknown_orgs(prose, [])] == [
        "Ministerio de Relaciones Exteriores", "Ministerio de Trabajo y Previsión Social",
        "Instituto Nacional de Migración"]


def test_spanish_report():
    x = extracted("informe_red_enlace_2017.txt")
    assert x.report.language == "es"
    assert x.body.iri.endswith("/org/rcm-lon-smtp") and x.meeting_date.isoformat() == "2017-06-21"
    assert len(x.delegations) == 8
    assert [(a.item.number, a.act) for a in x.agreements] == [
        ("1", "thanks"), ("2", "decision"), ("2.a", "request"), ("3", "take-note")]
    assert "International Organization for Migration" in {m.label for m in x.mentions}  # "OIM"
    (send,) = x.agreements[1].commitments  # "La Secretaría Técnica enviará ... a más tardar el 21 de julio de 2017"
    assert (send.kind, _code(send.actors[0]), send.due.date.isoformat()) == ("pledge", "Technical Secretariat", "2017-07-21")
    (ask,) = x.agreements[2].commitments  # "Solicitar a los Países Miembros remitir ... en un plazo de tres semanas"
    assert (ask.kind, _code(ask.actors[0]), ask.due.date.isoformat()) == ("request", "RCM Member Countries", "2017-07-12")


def test_titles_of_documents_the_registry_does_not_know_end_where_the_title_ends(tmp_path: Path):
    cases = {
        "The TS will send the Regional Action Plan on Labour Migration to the Member Countries for comments by 23 July 2004.":
            "Regional Action Plan on Labour Migration",
        "IOM will support the Handbook on Reintegration Services for Returned Migrants in April 2015.":
            "Handbook on Reintegration Services for Returned Migrants",
        "To share the Regional Diagnosis on Extra-Regional Migration Flows in the I Quarter of 2018.":
            "Regional Diagnosis on Extra-Regional Migration Flows",
        "To thank IOM for the Regional Strategy against Sexual Exploitation Associated with Travel and Tourism.":
            "Regional Strategy against Sexual Exploitation Associated with Travel and Tourism",
        "To thank Panama for the Handbook for the Management of Temporary Accommodation in Panama.":
            "Handbook for the Management of Temporary Accommodation in Panama",
    }
    # Each sentence as an item of a real report (rrpc_report_2019's head), read as any report is.
    head = (UNSEEN / "rrpc_report_2019.txt").read_text(encoding="utf-8").split("\n1) ")[0]
    items = "\n".join(f"{n}) {text}" for n, text in enumerate(cases, 1))
    (tmp_path / "r.txt").write_text(f"{head}\n{items}\n", encoding="utf-8")
    registry = Registry.load()
    x = Extractor(registry, Iris()).extract(parse(read(tmp_path / "r.txt"), registry))
    assert [a.item.text for a in x.agreements] == list(cases)
    for agreement, title in zip(x.agreements, cases.values(), strict=True):
        assert [d.label for d in agreement.documents] == [title], agreement.item.text



def test_a_notes_heading_ends_the_items(tmp_path: Path):
    # the .docx reader puts footnotes after the body under a bare "Notes" line
    text = (UNSEEN / "rrpc_report_2019.txt").read_text(encoding="utf-8") + "\nNotes\n\n1) A footnote, not an agreement.\n"
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    registry = Registry.load()
    x = Extractor(registry, Iris()).extract(parse(read(tmp_path / "r.txt"), registry))
    assert [a.item.marker for a in x.agreements] == ["1)", "2)", "3)"]


def test_a_spanish_report_of_questions_and_answers(tmp_path: Path):
    # "¿Qué se acordó?" labels an agreement as "What was agreed?" does (tests/layouts/consular_2003-08-26_en.docx);
    # "La Red acordó:" over dashes: each dash one; "Ninguno." none; "¿Quién es responsable?" never one of its own.
    text = "\n\n".join([
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN", "Reunión de la Red de Funcionarios de Enlace de Protección Consular",
        "La Red de Funcionarios de Enlace de Protección Consular se reunió en San Salvador los días 5 y 6 de mayo de 2011, "
        "con la participación de Belice, Costa Rica, El Salvador, Guatemala, Honduras, México y Nicaragua.",
        "Punto 1. Directorio", "Punto 1: ¿Qué se discutió? La ST presentó el directorio actualizado.",
        "Punto 1: ¿Qué se acordó? La Red acordó:", "- Actualizar el directorio antes del 30 de junio de 2011.",
        "- Solicitar a la OIM que lo publique en el sitio web.", "Punto 1: ¿Quién es responsable? Los países miembros; la OIM.",
        "Punto 2. Niñez migrante", "Punto 2: ¿Qué se acordó? Ninguno.",
        "Punto 3. Próxima reunión", "Punto 3: ¿Qué se acordó? La Red acordó celebrar su próxima reunión en Guatemala.",
        "San Salvador, 6 de mayo de 2011"]) + "\n"
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    registry = Registry.load()
    x = Extractor(registry, Iris()).extract(parse(read(tmp_path / "r.txt"), registry))
    assert [(a.item.number, a.item.text.split()[0]) for a in x.agreements] == [("1", "Actualizar"), ("2", "Solicitar"), ("3", "La")]
    due = x.agreements[0].commitments[0].due
    assert due is not None and due.date is not None and due.date.isoformat() == "2011-06-30"
