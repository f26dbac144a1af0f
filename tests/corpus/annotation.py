"""Hand annotation of the issue-9 corpus (tests/corpus/reports), read by make_gold.py.

Conventions are those of ../shared/gold/NOTES.md; the corpus-specific calls are in README.md.
Per item: anchor (the first words after the printed marker, to cut the text out of the file),
label ("N." / "N.x", null where nothing is printed), marker (as printed), kind, actors, documents,
tracks. Commitments, documents and stages are written per report. Canonical organisation names are
the English names the scorer compares (registry prefLabels where the registry has the body).
"""

from __future__ import annotations

IOM = "International Organization for Migration"
UNHCR = "Office of the United Nations High Commissioner for Refugees"
UNICEF = "United Nations Children's Fund"
ECLAC = "Economic Commission for Latin America and the Caribbean"
CELADE = "Latin American and Caribbean Demographic Centre"
UNODC = "United Nations Office on Drugs and Crime"
SICA = "Central American Integration System"
RNCOM = "Regional Network of Civil Society Organizations for Migration"
TS = "Technical Secretariat"
RCM = "Regional Conference on Migration"
RCGM = "Regional Consultation Group on Migration"
NET = "Liaison Officer Network to Combat Migrant Smuggling and Trafficking in Persons"
CONS = "Liaison Officer Network for Consular Protection"
COAL = "Regional Coalition against Trafficking in Persons and Migrant Smuggling"
VM = "Vice-Ministerial Meeting"
ADHOC_X = "Ad Hoc Working Group on Extra-Regional Migration"
# No English name of this group is printed anywhere: it is a body the registry does not know, minted
# from its (Spanish) title, so the gold keeps the printed name.
ADHOC_C = "Grupo de Trabajo Ad Hoc sobre Niñez y Adolescencia Migrante No Acompañada"
PPT = "Presidency Pro Tempore"
COAL_TS = "Technical Secretariat of the Regional Coalition against Trafficking in Persons and Migrant Smuggling"
MC = "RCM Member Countries"

ALL11 = ["BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US"]

# Surface forms looked for (whole words, case kept) to fill organisation_mentions.
SURFACE = {
    "Secretariat against Sexual Violence, Exploitation and Trafficking in Persons (Guatemala)": [
        "Secretaría contra la Violencia Sexual, Explotación y Trata de Personas (SVET)", "SVET"],
    "Migrants in Countries in Crisis Initiative": ["MICIC Initiative"],
    IOM: ["International Organization for Migration (IOM)", "International Organization for Migration",
          "Organización Internacional para las Migraciones (OIM)",
          "Organización Internacional para las Migraciones", "IOM", "OIM"],
    UNHCR: ["Office of the United Nations High Commissioner for Refugees (UNHCR)",
            "Oficina del Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR)",
            "Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR)", "UNHCR", "ACNUR"],
    UNICEF: ["United Nations Children's Fund (UNICEF)", "Fondo de las Naciones Unidas para la Infancia (UNICEF)",
             "UNICEF"],
    ECLAC: ["Economic Commission for Latin America and the Caribbean (ECLAC)", "ECLAC",
            "Comisión Económica para América Latina y el Caribe (CEPAL)", "CEPAL"],
    CELADE: ["Latin American and Caribbean Demographic Centre (CELADE)", "CELADE"],
    UNODC: ["United Nations Office on Drugs and Crime (UNODC)",
            "Oficina de las Naciones Unidas contra la Droga y el Delito (UNODC)", "UNODC"],
    SICA: ["Secretaría General del Sistema de la Integración Centroamericana (SICA)",
           "Sistema de la Integración Centroamericana (SICA)", "SICA"],
    RNCOM: ["Regional Network of Civil Organizations for Migration (RNCOM)",
            "Red Regional de Organizaciones Civiles para las Migraciones (RROCM)", "RNCOM", "RROCM"],
    TS: ["Technical Secretariat", "RCM Technical Secretariat", "Secretaría Técnica (ST)", "Secretaría Técnica"],
    RCM: ["REGIONAL CONFERENCE ON MIGRATION (RCM)", "REGIONAL CONFERENCE ON MIGRATION",
          "Regional Conference on Migration (RCM)", "Regional Conference on Migration",
          "CONFERENCIA REGIONAL SOBRE MIGRACIÓN", "Conferencia Regional sobre Migración (CRM)",
          "Conferencia Regional sobre Migración", "XIV REGIONAL CONFERENCE ON MIGRATION",
          "XIV CONFERENCIA REGIONAL SOBRE MIGRACIÓN", "XXIV Conferencia Regional sobre Migración",
          "RCM", "CRM"],
    RCGM: ["REGIONAL CONSULTATION GROUP ON MIGRATION (RCGM)", "REGIONAL CONSULTATION GROUP ON MIGRATION",
           "Regional Consultation Group on Migration (RCGM)", "Regional Consultation Group on Migration",
           "GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN (GRCM)", "GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN",
           "Grupo Regional de Consulta sobre Migración (GRCM)", "Grupo Regional de Consulta sobre Migración",
           "RCGM", "GRCM"],
    NET: ["LIAISON OFFICER NETWORK TO COMBAT MIGRANT SMUGGLING AND TRAFFICKING IN PERSONS",
          "Liaison Officer Network to Combat Migrant Smuggling and Trafficking in Persons",
          "RED DE FUNCIONARIOS DE ENLACE PARA EL COMBATE AL TRÁFICO ILÍCITO DE MIGRANTES Y LA TRATA DE PERSONAS",
          "Red de Funcionarios de Enlace para el Combate al Tráfico Ilícito de Migrantes y la Trata de Personas",
          "Network", "Red"],
    CONS: ["Liaison Officer Network for Consular Protection",
           "RED DE FUNCIONARIOS DE ENLACE DE PROTECCIÓN CONSULAR",
           "RED DE FUNCIONARIOS DE ENLACE DE PROTECCIÓN CONSULAR",
           "Red de Funcionarios de Enlace de Protección Consular", "Network", "Red"],
    COAL: ["Regional Coalition against Trafficking in Persons and Migrant Smuggling",
           "Coalición Regional contra la Trata de Personas y el Tráfico Ilícito de Migrantes",
           "Coalición Regional", "Coalition", "Coalición"],
    VM: ["VICE-MINISTERIAL MEETING", "Vice-Ministerial Meeting", "REUNIÓN VICEMINISTERIAL",
         "Reunión Viceministerial", "XXIV Reunión Viceministerial de la CRM", "Vice-Ministers",
         "Viceministros"],
    ADHOC_X: ["Ad Hoc Working Group on Extra-Regional Migration", "Group"],
    ADHOC_C: ["GRUPO DE TRABAJO AD HOC SOBRE NIÑEZ Y ADOLESCENCIA MIGRANTE NO ACOMPAÑADA",
              "Grupo de Trabajo Ad Hoc sobre Niñez y Adolescencia Migrante No Acompañada", "Grupo"],
    PPT: ["Presidency Pro Tempore", "Presidencia Pro Tempore"],
    COAL_TS: ["Technical Secretariat of the Coalition", "Secretaría Técnica de la Coalición"],
}

COLLECTIVES = {
    MC: ["Member Countries", "países miembros", "países integrantes", "interested countries",
         "interested Member Countries"],
}


def m(body, date, city, iso2, *, end=None, printed, title, kind, doc_kind, language, alts=(), reports_to=None,
      notes=None):
    """The meeting block, in the shared gold's shape plus document_kind and language."""
    meeting = {
        "body": body,
        "body_as_printed": printed,
        "reports_to": reports_to,
        "held_prior_to": None,
        "date": date,
        "end_date": end,
        "date_as_printed": title[1],
        "place": {"city": city, "country_iso2": iso2, "city_alternatives": list(alts)},
        "meeting_kind": kind,
        "title_as_printed": title[0],
        "document_kind": doc_kind,
        "document_status": None,
        "is_excerpt": False,
        "language": language,
    }
    if notes:
        meeting["place_notes"] = notes
    return meeting


REPORTS: list[dict] = []

# --- 2003 RCGM, English, headed sections with no numbers -------------------------------------
REPORTS.append({
    "id": "rcgm2003", "source": "rcgm_2003-12-02_en.txt", "language": "en",
    "layout": ["title-case header on two lines plus a genre line", "place and date only in the opening "
               "sentence ('in its meeting held on December 2-3, 2003, in ...')", "headed sections, no numbers"],
    "meeting": m(RCGM, "2003-12-02", "Guatemala City", "GT", end="2003-12-03",
                 printed=["Regional Consultation Group on Migration (RCGM)", "Regional Consultation Group on Migration"],
                 title=("Conclusions and Recommendations", "December 2-3, 2003"), kind=None,
                 doc_kind="conclusions", language="en", alts=["Guatemala", "Ciudad de Guatemala"],
                 reports_to=VM),
    "delegations": ALL11,
    "organisations": [RCM, RCGM, IOM, ECLAC, CELADE, TS, NET],
    "organisations_optional": [
        {"name": PPT, "why_optional": "A role held by Panama, not an organisation."},
        {"name": VM, "why_optional": "Only 'the Vice-Ministers' (the recipients of the recommendation)."},
    ],
    "stops": ["Human Rights of Migrants", "Combat against Migrant Smuggling and Trafficking in Persons",
              "Administrative Matters"],
    "items": [
        {"anchor": "To thank the International Organization", "kind": "thanks", "actors": [IOM, ECLAC],
         "reconstructed": "1.", "note": "Section 'Migration and Development' (headings are not items)."},
        {"anchor": "To request that ECLAC", "kind": "request", "actors": [ECLAC, CELADE], "reconstructed": "2."},
        {"anchor": "To take note of the report presented by Panama", "kind": "take-note", "actors": ["PA"],
         "reconstructed": "3.", "note": "Section 'Human Rights of Migrants'. Panama acts as PPT (a role)."},
        {"anchor": "To recommend to the Vice-Ministers", "kind": "proposal", "kind_alt": ["decision", "request"],
         "actors": [TS], "actors_optional": [VM, MC],
         "documents": ["Regional Guidelines for the Protection of Migrant Workers in Transit"],
         "reconstructed": "4.", "note": "Recommendation upward plus an instruction to the TS."},
        {"anchor": "To accept the offer of the Government of Canada", "kind": "decision",
         "kind_alt": ["proposal"], "actors": ["CA"], "reconstructed": "5.",
         "note": "Section 'Combat against Migrant Smuggling and Trafficking in Persons'."},
        {"anchor": "To request the Liaison Officer Network", "kind": "request", "actors": [NET],
         "reconstructed": "6."},
        {"anchor": "To approve the budget", "kind": "decision", "actors": [TS], "actors_optional": ["PA"],
         "reconstructed": "7.", "note": "Section 'Administrative Matters'."},
    ],
    "commitments": [
        {"item": "2", "actor": ECLAC, "co_actors": [CELADE], "action": "present the final version of the study "
         "on remittances at the next RCGM meeting", "due": "the next meeting of the RCGM", "kind": "request",
         "requested_by": RCGM},
        {"item": "4", "actor": TS, "action": "circulate the final text of the Guidelines to the Member Countries",
         "due": "2004-01-31", "due_derived": "2004-01-31", "kind": "request", "requested_by": RCGM},
        {"item": "4", "actor": VM, "action": "adopt the Regional Guidelines for the Protection of Migrant Workers "
         "in Transit", "kind": "request", "requested_by": RCGM, "optional": True,
         "note": "A recommendation to the higher body; its adoption is not for this meeting to commit."},
        {"item": "5", "actor": "CA", "action": "host a regional seminar on the investigation of migrant "
         "smuggling networks", "due": "first semester of 2004", "due_derived": "2004-06-30", "kind": "pledge",
         "accepted": True},
        {"item": "6", "actor": NET, "action": "present a report on the exchange of information among its members "
         "at the next RCGM meeting", "due": "the next meeting of the RCGM", "kind": "request",
         "requested_by": RCGM},
    ],
    "documents": [
        {"title": "Regional Guidelines for the Protection of Migrant Workers in Transit",
         "mentions": ["Regional Guidelines for the Protection of Migrant Workers in Transit", "Guidelines"],
         "tracked_item": None, "items": ["4"], "doc_type": "guidelines"},
        {"title": "Study on family remittances and their impact on local development in Central America",
         "mentions": ["study on family remittances and their impact on local development in Central America",
                      "study on remittances"],
         "tracked_item": None, "items": ["1", "2"], "doc_type": "study", "issuer": ECLAC},
    ],
    "stages": {},
})

# --- 2006 Consular Protection Network, Spanish, "1)" numbering, wrapped at 78 with hanging indent --
REPORTS.append({
    "id": "cons2006", "source": "consular_2006-11-20_es.txt", "language": "es",
    "layout": ["capitals header on four lines", "dateline in the header (Spanish date)",
               "opening 'se reunió el ... en ..., con la participación de representantes de'",
               "numbering '1)'", "hard-wrapped at 78 columns with a hanging indent"],
    "meeting": m(CONS, "2006-11-20", "San Salvador", "SV",
                 printed=["RED DE FUNCIONARIOS DE ENLACE DE PROTECCIÓN CONSULAR",
                          "Red de Funcionarios de Enlace de Protección Consular"],
                 title=("REUNIÓN DE LA RED DE FUNCIONARIOS DE ENLACE DE PROTECCIÓN CONSULAR",
                        "20 de noviembre de 2006"), kind=None, doc_kind="report", language="es",
                 reports_to=RCGM),
    "delegations": ALL11,
    "organisations": [RCM, RCGM, CONS, TS, UNHCR, IOM],
    "organisations_optional": [{"name": PPT, "why_optional": "A role held by El Salvador."}],
    "items": [
        {"label": "1.", "marker": "1)", "anchor": "Agradecer a las delegaciones la presentación", "kind": "thanks",
         "actors": [MC], "tracks": ["country-progress-reports"]},
        {"label": "2.", "marker": "2)", "anchor": "Tomar nota de la propuesta de México", "kind": "take-note",
         "kind_alt": ["request"], "actors": ["MX"],
         "documents": ["Regional Guidelines on Consular Protection in Cases of Detention, Accidents and Death of Migrants"],
         "tracks": ["consular-protection-guidelines"]},
        {"label": "3.", "marker": "3)", "anchor": "Solicitar a la Secretaría Técnica (ST)", "kind": "request",
         "actors": [TS]},
        {"label": "4.", "marker": "4)", "anchor": "Agradecer al Alto Comisionado", "kind": "thanks", "actors": [UNHCR]},
        {"label": "5.", "marker": "5)", "anchor": "Aceptar el ofrecimiento de Guatemala", "kind": "decision",
         "kind_alt": ["proposal"], "actors": ["GT", IOM]},
        {"label": "6.", "marker": "6)", "anchor": "Encomendar a la Presidencia Pro Tempore", "kind": "request",
         "kind_alt": ["decision"], "actors": ["SV"]},
    ],
    "commitments": [
        {"item": "2.", "actor": "MX", "action": "circulate a first draft of the Regional Consular Protection "
         "Guidelines among the Network's members", "due": "2007-02-28", "due_derived": "2007-02-28",
         "kind": "request", "requested_by": CONS},
        {"item": "3.", "actor": TS, "action": "update the directory of consular officials and send it to the "
         "delegations", "due": "2007-01-15", "due_derived": "2007-01-15", "kind": "request", "requested_by": CONS},
        {"item": "5.", "actor": "GT", "co_actors": [IOM], "action": "organise a regional workshop on consular "
         "protection with IOM support", "due": "primer trimestre de 2007", "due_derived": "2007-03-31",
         "kind": "pledge", "accepted": True},
        {"item": "6.", "actor": "SV", "action": "present this report at the next RCGM meeting (as PPT)",
         "due": "la próxima reunión del GRCM", "kind": "request", "requested_by": CONS},
    ],
    "documents": [
        {"title": "Regional Guidelines on Consular Protection in Cases of Detention, Accidents and Death of Migrants",
         "mentions": ["Lineamientos Regionales de Protección Consular", "primer borrador"],
         "tracked_item": "consular-protection-guidelines", "items": ["2."], "doc_type": "guidelines",
         "status_in_this_report": "proposed by Mexico; first draft due"},
    ],
    "stages": {"consular-protection-guidelines": "Mexico proposes Regional Consular Protection Guidelines "
               "(detention, accidents, death of migrants); first draft to circulate by 28 Feb 2007.",
               "country-progress-reports": "Delegations' national reports on consular assistance in 2006."},
})

# --- 2007 RCGM, English, capitals header, "held its regular meeting in ... on ...", 1./a) ------
REPORTS.append({
    "id": "rcgm2007", "source": "rcgm_2007-11-12_en.txt", "language": "en",
    "layout": ["capitals header on three lines", "place and date only in the opening sentence "
               "('held its regular meeting in ... on November 12 and 13, 2007')", "numbering '1.' with 'a)'",
               "hard-wrapped at 90 columns"],
    "meeting": m(RCGM, "2007-11-12", "San Pedro Sula", "HN", end="2007-11-13",
                 printed=["REGIONAL CONSULTATION GROUP ON MIGRATION (RCGM)",
                          "Regional Consultation Group on Migration (RCGM)"],
                 title=("CONCLUSIONS AND RECOMMENDATIONS", "November 12 and 13, 2007"), kind="regular",
                 doc_kind="conclusions", language="en", reports_to=VM),
    "delegations": ["CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US"],
    "delegations_notes": "Belize is not listed.",
    "organisations": [RCM, RCGM, CONS, NET, UNODC, UNICEF, IOM, RNCOM, TS, VM],
    "organisations_optional": [{"name": "RCM Virtual Secretariat", "why_optional": "A document platform."}],
    "items": [
        {"label": "1.", "marker": "1.", "anchor": "To approve the Regional Guidelines on Consular Protection",
         "kind": "decision", "actors": [CONS], "actors_optional": [VM],
         "documents": ["Regional Guidelines on Consular Protection in Cases of Detention, Accidents and Death of Migrants"],
         "tracks": ["consular-protection-guidelines"]},
        {"label": "2.", "marker": "2.", "anchor": "To take note of the progress report of the Liaison",
         "kind": "take-note", "actors": [NET]},
        {"label": "2.a", "parent": "2.", "marker": "a)", "anchor": "To request the Network to complete",
         "kind": "request", "actors": [NET]},
        {"label": "2.b", "parent": "2.", "marker": "b)", "anchor": "To thank the United Nations Office on Drugs",
         "kind": "thanks", "kind_alt": ["decision"], "actors": [UNODC]},
        {"label": "3.", "marker": "3.", "anchor": "To thank the United Nations Children's Fund", "kind": "thanks",
         "kind_alt": ["request"], "actors": [UNICEF, CONS, IOM],
         "documents": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents"],
         "tracks": ["child-repatriation-protocol"]},
        {"label": "4.", "marker": "4.", "anchor": "To thank the Regional Network of Civil Organizations",
         "kind": "thanks", "kind_alt": ["request"], "actors": [RNCOM], "tracks": ["civil-society-participation"]},
        {"label": "5.", "marker": "5.", "anchor": "To instruct the Technical Secretariat to publish",
         "kind": "request", "kind_alt": ["decision"], "actors": [TS]},
    ],
    "commitments": [
        {"item": "1.", "actor": VM, "action": "endorse the Regional Guidelines on Consular Protection",
         "kind": "request", "requested_by": RCGM, "optional": True, "note": "Recommendation upward."},
        {"item": "2.a", "actor": NET, "action": "complete the directory of national contact points on trafficking "
         "in persons", "due": "2008-02-29", "due_derived": "2008-02-29", "kind": "request", "requested_by": RCGM},
        {"item": "2.b", "actor": UNODC, "action": "provide technical assistance to interested Member Countries in "
         "harmonising legislation against migrant smuggling", "kind": "pledge", "accepted": True},
        {"item": "3.", "actor": CONS, "co_actors": [UNICEF, IOM], "action": "prepare a draft regional protocol "
         "for the repatriation of migrant children and adolescents", "kind": "request", "requested_by": RCGM},
        {"item": "4.", "actor": RNCOM, "action": "submit in writing its proposals on the protection of migrants "
         "in transit", "due": "2008-01-15", "due_derived": "2008-01-15", "kind": "request", "requested_by": RCGM},
        {"item": "5.", "actor": TS, "action": "publish the documents approved at this meeting on the RCM Virtual "
         "Secretariat", "kind": "request", "requested_by": RCGM},
    ],
    "documents": [
        {"title": "Regional Guidelines on Consular Protection in Cases of Detention, Accidents and Death of Migrants",
         "mentions": ["Regional Guidelines on Consular Protection in Cases of Detention, Accidents and Death of Migrants"],
         "tracked_item": "consular-protection-guidelines", "items": ["1."], "doc_type": "guidelines",
         "status_in_this_report": "approved by the RCGM"},
        {"title": "Regional Protocol for the Repatriation of Migrant Children and Adolescents",
         "mentions": ["draft regional protocol for the repatriation of migrant children and adolescents"],
         "tracked_item": "child-repatriation-protocol", "items": ["3."], "doc_type": "protocol",
         "status_in_this_report": "commissioned"},
        {"title": "Directory of national contact points on trafficking in persons",
         "mentions": ["directory of national contact points on trafficking in persons"], "tracked_item": None,
         "items": ["2.a"], "doc_type": "directory"},
    ],
    "stages": {"consular-protection-guidelines": "The RCGM approves the Guidelines submitted by the Consular "
               "Protection Network and recommends their endorsement by the Vice-Ministers.",
               "child-repatriation-protocol": "The RCGM entrusts the Consular Protection Network, with UNICEF "
               "and IOM, with drafting a regional protocol for the repatriation of migrant children.",
               "civil-society-participation": "RNCOM thanked for the joint session; invited to submit "
               "proposals on migrants in transit by 15 Jan 2008."},
})

# --- 2008 Consular Protection Network: one meeting, English and Spanish versions -------------
REPORTS.append({
    "id": "cons2008", "source": "consular_2008-10-22_en.txt", "language": "en",
    "translations": [{"source": "consular_2008-10-22_es.txt", "language": "es",
                      "note": "Spanish version of the same meeting; same items in the same order."}],
    "layout": ["EN: title-case header, no dateline; opening 'met on October 22-23, 2008, in the city of ... "
               "with the participation of representatives from'; '1.' with '(a)'; wrapped at 60 columns, "
               "with a wrapped line starting 'Tegucigalpa, on March 10, 2009.' inside item 2.a",
               "ES: capitals header with a dateline '22 y 23 de octubre de 2008'; opening 'en reunión celebrada "
               "los días'; Roman 'I.' with 'a)'; not wrapped"],
    "meeting": m(CONS, "2008-10-22", "Antigua Guatemala", "GT", end="2008-10-23",
                 printed=["Liaison Officer Network for Consular Protection",
                          "Red de Funcionarios de Enlace de Protección Consular"],
                 title=("Report of the Meeting", "October 22-23, 2008"), kind=None, doc_kind="report",
                 language="en", reports_to=RCGM, alts=["La Antigua Guatemala"]),
    "delegations": ["BZ", "CA", "CR", "SV", "GT", "HN", "MX", "NI", "PA", "US"],
    "delegations_notes": "The Dominican Republic is not listed (in either version).",
    "organisations": [RCM, CONS, RCGM, UNICEF, IOM, TS, UNHCR, RNCOM],
    "items": [
        {"label": "1.", "marker": "1.", "anchor": "To thank the delegations for their national reports",
         "kind": "thanks", "actors": [MC], "tracks": ["country-progress-reports"]},
        {"label": "2.", "marker": "2.", "anchor": "Regarding the draft Regional Protocol", "kind": "other",
         "actors": ["MX", "GT", UNICEF, IOM],
         "documents": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents"],
         "tracks": ["child-repatriation-protocol"]},
        {"label": "2.a", "parent": "2.", "marker": "(a)", "anchor": "To approve the draft Protocol in general",
         "kind": "decision", "actors": [RCGM, UNICEF],
         "documents": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents"],
         "tracks": ["child-repatriation-protocol"],
         "note": "A wrapped line starts 'Tegucigalpa, on March 10, 2009.': part of the item, not a dateline."},
        {"label": "2.b", "parent": "2.", "marker": "(b)", "anchor": "To request the Member Countries to send",
         "kind": "request", "actors": [MC, TS], "tracks": ["child-repatriation-protocol"]},
        {"label": "2.c", "parent": "2.", "marker": "(c)", "anchor": "To request the Technical Secretariat to "
         "consolidate", "kind": "request", "actors": [TS], "tracks": ["child-repatriation-protocol"]},
        {"label": "3.", "marker": "3.", "anchor": "To take note of the presentation of the Office",
         "kind": "take-note", "actors": [UNHCR]},
        {"label": "4.", "marker": "4.", "anchor": "To accept the offer of Honduras", "kind": "decision",
         "kind_alt": ["proposal"], "actors": ["HN"]},
        {"label": "5.", "marker": "5.", "anchor": "To take note of the request of the Regional Network",
         "kind": "take-note", "actors": [RNCOM], "tracks": ["civil-society-participation"]},
    ],
    "translation": {"source": "consular_2008-10-22_es.txt", "items": [
        {"marker": "I.", "anchor": "Agradecer a las delegaciones sus informes"},
        {"marker": "II.", "anchor": "En relación con el proyecto de Protocolo"},
        {"marker": "a)", "anchor": "Aprobar en términos generales"},
        {"marker": "b)", "anchor": "Solicitar a los países miembros que envíen"},
        {"marker": "c)", "anchor": "Solicitar a la Secretaría Técnica que consolide"},
        {"marker": "III.", "anchor": "Tomar nota de la presentación de la Oficina"},
        {"marker": "IV.", "anchor": "Aceptar el ofrecimiento de Honduras"},
        {"marker": "V.", "anchor": "Tomar nota de la solicitud de la Red Regional"},
    ]},
    "commitments": [
        {"item": "2.a", "actor": CONS, "action": "submit the draft Protocol to the RCGM for approval at its "
         "Tegucigalpa meeting", "due": "2009-03-10", "due_derived": "2009-03-10", "kind": "pledge",
         "inferred": ["actor"], "note": "Infinitive self-commitment of the Network."},
        {"item": "2.a", "actor": UNICEF, "action": "prepare a technical note to accompany the draft",
         "kind": "pledge", "optional": True, "note": "Future passive ('will be accompanied by a note prepared "
         "by UNICEF'); no explicit undertaking."},
        {"item": "2.b", "actor": MC, "action": "send final comments on the draft Protocol to the TS",
         "due": "2009-01-15", "due_derived": "2009-01-15", "kind": "request", "requested_by": CONS},
        {"item": "2.c", "actor": TS, "action": "consolidate comments and circulate the final version of the draft "
         "Protocol", "due": "2009-02-13", "due_derived": "2009-02-13", "kind": "request", "requested_by": CONS},
        {"item": "4.", "actor": "HN", "action": "host the next meeting of the Network",
         "due": "first semester of 2009", "due_derived": "2009-06-30", "kind": "pledge", "accepted": True},
        {"item": "5.", "actor": RNCOM, "action": "participate in the next meeting of the Network",
         "kind": "pledge", "optional": True, "note": "A request of RNCOM only taken note of."},
    ],
    "documents": [
        {"title": "Regional Protocol for the Repatriation of Migrant Children and Adolescents",
         "mentions": ["draft Regional Protocol for the Repatriation of Migrant Children and Adolescents",
                      "draft Protocol"],
         "tracked_item": "child-repatriation-protocol", "items": ["2.", "2.a", "2.b", "2.c"],
         "doc_type": "protocol", "status_in_this_report": "draft approved in general terms by the Network"},
        {"title": "UNICEF technical note on the draft Protocol", "mentions": ["technical note"],
         "tracked_item": "child-repatriation-protocol", "items": ["2.a"], "optional": True,
         "doc_type": "note"},
    ],
    "stages": {"child-repatriation-protocol": "The Consular Protection Network approves in general terms the "
               "draft Protocol by Mexico and Guatemala (UNICEF, IOM) and submits it to the RCGM for its March "
               "2009 meeting; comments by 15 Jan, final draft by 13 Feb 2009.",
               "country-progress-reports": "National reports on consular assistance to unaccompanied children.",
               "civil-society-participation": "RNCOM asks to take part in the next Network meeting."},
})

# --- 2009 RCGM Conclusiones, Spanish, "-" numbering, CONCLUSIONES heading, wrapped at 70 --------
REPORTS.append({
    "id": "rcgm2009", "source": "rcgm_2009-03-10_es.txt", "language": "es",
    "layout": ["capitals header on two lines, no dateline", "opening 'en reunión celebrada los días 10 y 11 de "
               "marzo de 2009 en ..., formuló las siguientes: CONCLUSIONES'", "items marked '-'",
               "hard-wrapped at 70 columns with a two-space hanging indent"],
    "meeting": m(RCGM, "2009-03-10", "Tegucigalpa", "HN", end="2009-03-11",
                 printed=["GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN",
                          "Grupo Regional de Consulta sobre Migración (GRCM)"],
                 title=("CONCLUSIONES", "10 y 11 de marzo de 2009"), kind=None, doc_kind="conclusions",
                 language="es", reports_to=VM),
    "delegations": ALL11,
    "organisations": [RCM, RCGM, CONS, NET, UNICEF, IOM, TS, ECLAC],
    "organisations_optional": [
        {"name": PPT, "why_optional": "A role held by Guatemala."},
        {"name": VM, "why_optional": "Only 'los Viceministros', the recipients."},
    ],
    "items": [
        {"marker": "-", "reconstructed": "1.", "anchor": "Aprobar el Protocolo Regional", "kind": "decision",
         "actors": [CONS], "actors_optional": [VM],
         "documents": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents"],
         "tracks": ["child-repatriation-protocol"]},
        {"marker": "-", "reconstructed": "2.", "anchor": "Agradecer al Fondo de las Naciones Unidas",
         "kind": "thanks", "actors": [UNICEF, IOM],
         "documents": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents"],
         "tracks": ["child-repatriation-protocol"]},
        {"marker": "-", "reconstructed": "3.", "anchor": "Solicitar a la Secretaría Técnica que prepare",
         "kind": "request", "actors": [TS],
         "documents": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents"],
         "tracks": ["child-repatriation-protocol"]},
        {"marker": "-", "reconstructed": "4.", "anchor": "Tomar nota del informe de la Red", "kind": "take-note",
         "actors": [NET]},
        {"marker": "-", "reconstructed": "5.", "anchor": "Acordar que la Presidencia Pro Tempore",
         "kind": "decision", "actors": ["GT"], "documents": ["RCM Plan of Action"]},
        {"marker": "-", "reconstructed": "6.", "anchor": "Agradecer a la Comisión Económica", "kind": "thanks",
         "kind_alt": ["request"], "actors": [ECLAC, TS]},
    ],
    "commitments": [
        {"item": "1", "actor": VM, "action": "adopt the Protocol at the XIV RCM", "kind": "request",
         "requested_by": RCGM, "optional": True, "note": "Recommendation upward."},
        {"item": "3", "actor": TS, "action": "prepare a follow-up mechanism for the Protocol and circulate it to "
         "the Member Countries", "due": "2009-04-30", "due_derived": "2009-04-30", "kind": "request",
         "requested_by": RCGM},
        {"item": "5", "actor": "GT", "action": "present to the Vice-Ministers a report on the RCM Plan of Action "
         "on migrants' human rights (as PPT)", "due": "XIV Conferencia Regional sobre Migración",
         "kind": "pledge", "note": "'Acordar que la PPT, ejercida por Guatemala, presente'."},
        {"item": "6", "actor": ECLAC, "action": "share the electronic version of the remittances study with the TS",
         "due": "2009-03-31", "due_derived": "2009-03-31", "kind": "request", "requested_by": RCGM},
    ],
    "documents": [
        {"title": "Regional Protocol for the Repatriation of Migrant Children and Adolescents",
         "mentions": ["Protocolo Regional para la Repatriación de Niñas, Niños y Adolescentes Migrantes",
                      "Protocolo"],
         "tracked_item": "child-repatriation-protocol", "items": ["1", "2", "3"], "doc_type": "protocol",
         "status_in_this_report": "approved by the RCGM; adoption recommended to the Vice-Ministers"},
        {"title": "RCM Plan of Action", "mentions": ["Plan de Acción de la CRM"], "tracked_item": None,
         "items": ["5"], "doc_type": "plan"},
        {"title": "Study on the effects of the economic crisis on remittance flows",
         "mentions": ["estudio sobre los efectos de la crisis económica en los flujos de remesas"],
         "tracked_item": None, "items": ["6"], "doc_type": "study", "issuer": ECLAC},
    ],
    "stages": {"child-repatriation-protocol": "The RCGM approves the Protocol presented by the Consular "
               "Protection Network, recommends its adoption by the Vice-Ministers, thanks UNICEF and IOM and "
               "asks the TS for a follow-up mechanism by 30 Apr 2009."},
})

# --- 2009 Vice-Ministerial declaration: one meeting, English and Spanish versions ------------
REPORTS.append({
    "id": "vm2009", "source": "vm_2009-06-25_en.txt", "language": "en",
    "translations": [{"source": "vm_2009-06-25_es.txt", "language": "es",
                      "note": "Spanish version of the same declaration; same numbered items."}],
    "layout": ["EN: capitals header on three lines and a dateline 'June 25-26, 2009'; preamble "
               "('Recognizing ...', 'Reaffirming ...') before 'Agree to:'; '1.' numbering; not wrapped",
               "ES: capitals header and dateline '25 y 26 de junio de 2009'; 'Acuerdan:'; wrapped at 100 columns"],
    "meeting": m(VM, "2009-06-25", "Guatemala City", "GT", end="2009-06-26",
                 printed=["VICE-MINISTERIAL MEETING", "REUNIÓN VICEMINISTERIAL"],
                 title=("DECLARATION OF GUATEMALA CITY", "June 25-26, 2009"), kind=None,
                 doc_kind="declaration", language="en", alts=["Ciudad de Guatemala", "Guatemala"]),
    "delegations": ALL11,
    "organisations": [RCM, VM, RCGM, TS, UNICEF, IOM, UNHCR, RNCOM],
    "organisations_optional": [
        {"name": PPT, "why_optional": "A role (offered by Mexico for 2009-2010)."},
        {"name": "Liaison Officer Networks", "why_optional": "The RCGM's networks in general (preamble)."},
    ],
    "items": [
        {"label": "1.", "marker": "1.", "anchor": "Endorse the Regional Protocol for the Repatriation",
         "kind": "decision", "actors": [RCGM, MC],
         "documents": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents"],
         "tracks": ["child-repatriation-protocol"]},
        {"label": "2.", "marker": "2.", "anchor": "Instruct the Technical Secretariat to publish the Protocol",
         "kind": "request", "kind_alt": ["decision"], "actors": [TS],
         "documents": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents"],
         "tracks": ["child-repatriation-protocol"]},
        {"label": "3.", "marker": "3.", "anchor": "Thank the United Nations Children's Fund", "kind": "thanks",
         "actors": [UNICEF, IOM, UNHCR]},
        {"label": "4.", "marker": "4.", "anchor": "Take note of the declaration presented by the Regional",
         "kind": "take-note", "actors": [RNCOM], "tracks": ["civil-society-participation"]},
        {"label": "5.", "marker": "5.", "anchor": "Accept the offer of Mexico to assume", "kind": "decision",
         "kind_alt": ["proposal"], "actors": ["MX"]},
        {"label": "6.", "marker": "6.", "anchor": "Thank the Government and the people of Guatemala",
         "kind": "thanks", "actors": ["GT"]},
    ],
    "translation": {"source": "vm_2009-06-25_es.txt", "items": [
        {"marker": "1.", "anchor": "Respaldar el Protocolo Regional"},
        {"marker": "2.", "anchor": "Instruir a la Secretaría Técnica que publique"},
        {"marker": "3.", "anchor": "Agradecer al Fondo de las Naciones Unidas"},
        {"marker": "4.", "anchor": "Tomar nota de la declaración presentada"},
        {"marker": "5.", "anchor": "Aceptar el ofrecimiento de México"},
        {"marker": "6.", "anchor": "Agradecer al Gobierno y al pueblo"},
    ]},
    "commitments": [
        {"item": "1.", "actor": MC, "action": "have the competent national authorities apply the Protocol in all "
         "repatriations of children and adolescents", "kind": "request", "requested_by": VM,
         "note": "'instruct the competent national authorities' of the Member Countries."},
        {"item": "2.", "actor": TS, "action": "publish the Protocol in English and Spanish and distribute it to the "
         "consular networks", "due": "before the end of 2009", "due_derived": "2009-12-31", "kind": "request",
         "requested_by": VM},
        {"item": "5.", "actor": "MX", "action": "assume the Presidency Pro Tempore for 2009-2010 and host the XV "
         "RCM", "kind": "pledge", "accepted": True},
    ],
    "documents": [
        {"title": "Regional Protocol for the Repatriation of Migrant Children and Adolescents",
         "mentions": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents", "Protocol"],
         "tracked_item": "child-repatriation-protocol", "items": ["1.", "2."], "doc_type": "protocol",
         "status_in_this_report": "endorsed by the Vice-Ministers"},
        {"title": "RNCOM declaration at the dialogue with civil society", "mentions": ["declaration"],
         "tracked_item": "civil-society-participation", "items": ["4."], "optional": True,
         "doc_type": "declaration", "issuer": RNCOM},
    ],
    "stages": {"child-repatriation-protocol": "The Vice-Ministers endorse the Protocol approved by the RCGM and "
               "instruct the TS to publish and distribute it before the end of 2009.",
               "civil-society-participation": "RNCOM's declaration at the civil-society dialogue noted."},
})

# --- 2012 Regional Coalition, Spanish, date list in the opening sentence, "a)" top level -------
REPORTS.append({
    "id": "coal2012", "source": "coalition_2012-09-05_es.txt", "language": "es",
    "layout": ["title-case header on three lines, place without a date", "date list in the opening sentence "
               "('los días 5, 6 y 7 de septiembre de 2012')", "observer organisations listed after the delegations",
               "top-level items lettered 'a)'", "'Felicitar a ...'"],
    "meeting": m(COAL, "2012-09-05", "Panama City", "PA", end="2012-09-07",
                 printed=["Coalición Regional contra la Trata de Personas y el Tráfico Ilícito de Migrantes"],
                 title=("Informe de la Reunión Ordinaria", "5, 6 y 7 de septiembre de 2012"), kind="ordinary",
                 doc_kind="report", language="es", alts=["Ciudad de Panamá", "Panamá"], reports_to=RCGM),
    "delegations": ["BZ", "CR", "SV", "GT", "HN", "NI", "PA", "DO"],
    "delegations_notes": "Observers (IOM, UNODC, SICA) are organisations, not delegations.",
    "organisations": [COAL, IOM, UNODC, SICA, RCGM],
    "organisations_optional": [
        {"name": COAL_TS, "why_optional": "A role held by Costa Rica (actor = CR)."},
        {"name": "Secretariat against Sexual Violence, Exploitation and Trafficking in Persons (Guatemala)",
         "why_optional": "A national government agency of Guatemala, not an RCM partner organisation."},
    ],
    "items": [
        {"label": "a.", "marker": "a)", "anchor": "Aprobar el Plan Estratégico de la Coalición", "kind": "decision",
         "actors": [COAL, RCGM], "documents": ["Strategic Plan of the Regional Coalition 2012-2014"],
         "tracks": ["regional-coalition"]},
        {"label": "b.", "marker": "b)", "anchor": "Encomendar a Costa Rica", "kind": "request",
         "kind_alt": ["decision"], "actors": ["CR"],
         "documents": ["Regional Diagnosis on Protocols for the Repatriation of Victims of Trafficking in Persons"],
         "tracks": ["repatriation-protocol"]},
        {"label": "c.", "marker": "c)", "anchor": "Agradecer a la UNODC el ofrecimiento", "kind": "thanks",
         "kind_alt": ["request"], "actors": [UNODC]},
        {"label": "d.", "marker": "d)", "anchor": "Solicitar a la OIM que apoye", "kind": "request", "actors": [IOM],
         "documents": ["Strategic Plan of the Regional Coalition 2012-2014"], "tracks": ["regional-coalition"]},
        {"label": "e.", "marker": "e)", "anchor": "Tomar nota de la propuesta de El Salvador", "kind": "take-note",
         "actors": ["SV"]},
        {"label": "f.", "marker": "f)", "anchor": "Acordar que la próxima reunión ordinaria", "kind": "decision",
         "actors": []},
        {"label": "g.", "marker": "g)", "anchor": "Felicitar a Guatemala por la entrada", "kind": "thanks",
         "actors": ["GT"], "note": "'Felicitar' (congratulate) is read as thanks, the nearest kind."},
    ],
    "commitments": [
        {"item": "a.", "actor": COAL, "action": "send the Strategic Plan 2012-2014 to the RCGM for its information",
         "kind": "pledge", "inferred": ["actor"], "note": "Infinitive self-commitment ('y remitirlo')."},
        {"item": "b.", "actor": "CR", "action": "prepare a regional diagnosis on repatriation protocols for victims "
         "of trafficking (as the Coalition's Technical Secretariat)", "due": "la próxima reunión ordinaria",
         "kind": "request", "requested_by": COAL},
        {"item": "c.", "actor": UNODC, "action": "train prosecutors and police in investigating migrant smuggling",
         "kind": "pledge", "optional": True, "note": "Offer thanked, not explicitly accepted."},
        {"item": "c.", "actor": UNODC, "action": "present a proposed training calendar", "due": "2012-10-31",
         "due_derived": "2012-10-31", "kind": "request", "requested_by": COAL},
        {"item": "d.", "actor": IOM, "action": "support the English translation of the Strategic Plan",
         "kind": "request", "requested_by": COAL},
        {"item": "e.", "actor": None, "action": "analyse El Salvador's proposal at the next meeting",
         "kind": "pledge", "optional": True, "note": "Passive, no actor."},
        {"item": "f.", "actor": None, "action": "hold the next ordinary meeting in Tegucigalpa",
         "due": "primer trimestre de 2013", "due_derived": "2013-03-31", "kind": "pledge", "optional": True,
         "note": "No actor stated (Honduras as host is only implied)."},
    ],
    "documents": [
        {"title": "Strategic Plan of the Regional Coalition 2012-2014",
         "mentions": ["Plan Estratégico de la Coalición Regional", "Plan Estratégico"],
         "tracked_item": "regional-coalition", "items": ["a.", "d."], "doc_type": "plan",
         "status_in_this_report": "approved by the Coalition"},
        {"title": "Regional Diagnosis on Protocols for the Repatriation of Victims of Trafficking in Persons",
         "mentions": ["diagnóstico regional sobre los protocolos de repatriación de víctimas de trata de personas"],
         "tracked_item": "repatriation-protocol", "items": ["b."], "doc_type": "diagnosis",
         "status_in_this_report": "commissioned from Costa Rica"},
    ],
    "stages": {"regional-coalition": "The Coalition approves its Strategic Plan 2012-2014, sends it to the "
               "RCGM and asks IOM to support its English translation.",
               "repatriation-protocol": "The Coalition entrusts Costa Rica (its Technical Secretariat) with a "
               "regional diagnosis on repatriation protocols for trafficking victims."},
})

# --- 2015 Network (smuggling), English, dateline with a day range, '-' sub-items, page footer --
REPORTS.append({
    "id": "net2015", "source": "network_2015-06-09_en.txt", "language": "en",
    "layout": ["capitals header, one long title line, dateline '9-10 June 2015' (day-month order)",
               "opening 'held its meeting on 9 and 10 June 2015 in ...'", "'1.' with '-' sub-items",
               "a page footer line ('RCM - Liaison Officer Network - Page 2 of 3') between items 2.b and 3",
               "a due date without a year ('by August 15th')"],
    "meeting": m(NET, "2015-06-09", "Panama City", "PA", end="2015-06-10",
                 printed=["LIAISON OFFICER NETWORK TO COMBAT MIGRANT SMUGGLING AND TRAFFICKING IN PERSONS",
                          "Liaison Officer Network to Combat Migrant Smuggling and Trafficking in Persons"],
                 title=("REPORT OF THE LIAISON OFFICER NETWORK TO COMBAT MIGRANT SMUGGLING AND TRAFFICKING IN "
                        "PERSONS", "9-10 June 2015"), kind=None, doc_kind="report", language="en",
                 reports_to=RCGM),
    "delegations": ["CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US"],
    "organisations": [RCM, NET, RCGM, COAL, TS, UNODC, IOM, RNCOM],
    "organisations_optional": [{"name": COAL_TS, "why_optional": "A role held by Costa Rica."}],
    "stops": ["RCM - Liaison Officer Network - Page 2 of 3"],
    "items": [
        {"label": "1.", "marker": "1.", "anchor": "To thank the delegations for their reports", "kind": "thanks",
         "actors": [MC], "tracks": ["country-progress-reports"]},
        {"label": "2.", "marker": "2.", "anchor": "To thank the Regional Coalition against Trafficking",
         "kind": "thanks", "actors": [COAL], "tracks": ["regional-coalition"]},
        {"label": "2.a", "parent": "2.", "marker": "-", "anchor": "To take note of the Regional Diagnosis",
         "kind": "take-note", "actors": ["CR"],
         "documents": ["Regional Diagnosis on Protocols for the Repatriation of Victims of Trafficking in Persons"],
         "tracks": ["repatriation-protocol"]},
        {"label": "2.b", "parent": "2.", "marker": "-", "anchor": "To request the RCM Technical Secretariat",
         "kind": "request", "actors": [TS],
         "documents": ["Regional Diagnosis on Protocols for the Repatriation of Victims of Trafficking in Persons"],
         "tracks": ["repatriation-protocol"]},
        {"label": "3.", "marker": "3.", "anchor": "To thank the United Nations Office on Drugs", "kind": "thanks",
         "kind_alt": ["take-note"], "actors": [UNODC], "documents": ["Model Law against the Smuggling of Migrants"]},
        {"label": "4.", "marker": "4.", "anchor": "To request IOM to present", "kind": "request", "actors": [IOM],
         "documents": ["Comparative Matrices of the Legislation in RCM Member Countries relating to Migrant "
                       "Smuggling and Trafficking in Persons"], "tracks": ["legislation-matrices"]},
        {"label": "5.", "marker": "5.", "anchor": "To thank the Regional Network of Civil Organizations",
         "kind": "thanks", "actors": [RNCOM], "tracks": ["civil-society-participation"]},
        {"label": "6.", "marker": "6.", "anchor": "To accept the offer of Mexico to share", "kind": "decision",
         "kind_alt": ["proposal"], "actors": ["MX"]},
    ],
    "commitments": [
        {"item": "2.b", "actor": TS, "action": "circulate the Regional Diagnosis to the Member Countries",
         "due": "2015-07-31", "due_derived": "2015-07-31", "kind": "request", "requested_by": NET},
        {"item": "3.", "actor": UNODC, "action": "support the review of national legislation in interested "
         "countries", "kind": "pledge", "optional": True, "note": "Offer only taken note of."},
        {"item": "4.", "actor": IOM, "action": "present an update of the Comparative Matrices at the next Network "
         "meeting", "due": "the next meeting of the Network", "kind": "request", "requested_by": NET},
        {"item": "6.", "actor": "MX", "action": "share its protocol for the attention of smuggled migrants with the "
         "Member Countries", "due": "2015-08-15", "due_derived": "2015-08-15", "kind": "pledge",
         "accepted": True, "note": "'by August 15th': no year printed; the meeting's (2015)."},
    ],
    "documents": [
        {"title": "Regional Diagnosis on Protocols for the Repatriation of Victims of Trafficking in Persons",
         "mentions": ["Regional Diagnosis on Protocols for the Repatriation of Victims of Trafficking in Persons",
                      "Diagnosis"], "tracked_item": "repatriation-protocol", "items": ["2.a", "2.b"],
         "doc_type": "diagnosis", "issuer": COAL},
        {"title": "Coalition progress report", "mentions": ["progress report"], "tracked_item": "regional-coalition",
         "items": ["2."], "optional": True, "doc_type": "progress report"},
        {"title": "Model Law against the Smuggling of Migrants",
         "mentions": ["Model Law against the Smuggling of Migrants"], "tracked_item": None, "items": ["3."],
         "doc_type": "model law", "issuer": UNODC},
        {"title": "Comparative Matrices of the Legislation in RCM Member Countries relating to Migrant Smuggling "
         "and Trafficking in Persons",
         "mentions": ["Comparative Matrices of the legislation of the RCM Member Countries on migrant smuggling "
                      "and trafficking in persons"], "tracked_item": "legislation-matrices", "items": ["4."],
         "doc_type": "matrices"},
        {"title": "Mexico's protocol for the attention of smuggled migrants",
         "mentions": ["protocol for the attention of smuggled migrants"], "tracked_item": None, "items": ["6."],
         "doc_type": "protocol", "issuer": "MX"},
    ],
    "stages": {"country-progress-reports": "Delegations report on actions since the last meeting.",
               "regional-coalition": "The Coalition presents its progress report.",
               "repatriation-protocol": "Costa Rica presents the Coalition's Regional Diagnosis on repatriation "
               "protocols; the TS to circulate it by 31 Jul 2015.",
               "legislation-matrices": "IOM asked to present an update of the Comparative Matrices at the next "
               "meeting.",
               "civil-society-participation": "RNCOM presents on migrants who become victims of crime in transit."},
})

# --- 2016 ad hoc group, English, lost bullet glyphs, date list in the header ------------------
REPORTS.append({
    "id": "adhoc2016", "source": "adhoc_2016-06-14_en.txt", "language": "en",
    "layout": ["title-case header with a dateline listing days ('June 14, 15 and 16, 2016')",
               "opening names place but no date ('met in San José, Costa Rica, with the participation of')",
               "bullets whose glyph survives as a stray private-use character (U+F0B7) on three items and is "
               "lost entirely (blank line only) on the last two"],
    "meeting": m(ADHOC_X, "2016-06-14", "San José", "CR", end="2016-06-16",
                 printed=["Ad Hoc Working Group on Extra-Regional Migration"],
                 title=("Minutes of the Meeting", "June 14, 15 and 16, 2016"), kind=None, doc_kind="minutes",
                 language="en", alts=["San Jose"], reports_to=RCGM),
    "delegations": ["CA", "CR", "SV", "GT", "HN", "MX", "NI", "PA", "US"],
    "delegations_notes": "UNHCR and IOM attended as observer organisations.",
    "organisations": [RCM, ADHOC_X, UNHCR, IOM, RCGM, TS],
    "items": [
        {"marker": "\uf0b7", "reconstructed": "1.", "anchor": "To thank Costa Rica for hosting", "kind": "thanks",
         "actors": ["CR"]},
        {"marker": "\uf0b7", "reconstructed": "2.", "anchor": "To request UNHCR and IOM to prepare",
         "kind": "request", "actors": [UNHCR, IOM]},
        {"marker": "\uf0b7", "reconstructed": "3.", "anchor": "To take note of the proposal of Panama",
         "kind": "take-note", "actors": ["PA"]},
        {"reconstructed": "4.", "anchor": "To request the Technical Secretariat to create", "kind": "request",
         "actors": [TS], "note": "Bullet glyph lost: the item is only set off by blank lines."},
        {"reconstructed": "5.", "anchor": "To recommend to the RCGM the inclusion", "kind": "proposal",
         "kind_alt": ["request"], "actors": [RCGM]},
    ],
    "commitments": [
        {"item": "2", "actor": UNHCR, "co_actors": [IOM], "action": "prepare a joint mapping of reception "
         "capacities in transit countries", "due": "2016-09-30", "due_derived": "2016-09-30", "kind": "request",
         "requested_by": ADHOC_X},
        {"item": "3", "actor": None, "action": "discuss Panama's proposed identification protocol at the next RCGM "
         "meeting", "kind": "pledge", "optional": True, "note": "Passive."},
        {"item": "4", "actor": TS, "action": "create a virtual forum for the Group's focal points",
         "due": "before the end of July 2016", "due_derived": "2016-07-31", "kind": "request",
         "requested_by": ADHOC_X},
        {"item": "5", "actor": RCGM, "action": "include extra-regional migration as a permanent agenda item",
         "kind": "request", "requested_by": ADHOC_X, "optional": True, "note": "Recommendation upward."},
    ],
    "documents": [
        {"title": "Joint mapping of reception capacities in transit countries",
         "mentions": ["joint mapping of the reception capacities available in the countries of transit"],
         "tracked_item": None, "items": ["2"], "doc_type": "mapping"},
        {"title": "Regional protocol for the identification of extra-regional migrants",
         "mentions": ["regional protocol for the identification of extra-regional migrants"],
         "tracked_item": None, "items": ["3"], "optional": True, "doc_type": "protocol",
         "status_in_this_report": "proposed by Panama"},
    ],
    "stages": {},
})

# --- 2014 ad hoc group on unaccompanied children, Spanish, "(a)", place/date only in opening ---
REPORTS.append({
    "id": "adhoc2014", "source": "adhoc_2014-10-16_es.txt", "language": "es",
    "layout": ["capitals header on three lines, no dateline", "opening 'se reunió en la ciudad de Managua, "
               "Nicaragua, los días 16 y 17 de octubre de 2014, con la participación de'", "numbering '(a)'",
               "'La OIM se comprometió a ...'"],
    "meeting": m(ADHOC_C, "2014-10-16", "Managua", "NI", end="2014-10-17",
                 printed=["GRUPO DE TRABAJO AD HOC SOBRE NIÑEZ Y ADOLESCENCIA MIGRANTE NO ACOMPAÑADA",
                          "Grupo de Trabajo Ad Hoc sobre Niñez y Adolescencia Migrante No Acompañada"],
                 title=("ACTA DE LA REUNIÓN", "16 y 17 de octubre de 2014"), kind=None, doc_kind="minutes",
                 language="es", reports_to=RCGM),
    "delegations": ["CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA"],
    "organisations": [RCM, ADHOC_C, IOM, UNICEF, UNHCR, TS, RNCOM],
    "organisations_optional": [{"name": PPT, "why_optional": "A role held by Nicaragua."}],
    "items": [
        {"label": "a.", "marker": "(a)", "anchor": "Agradecer a Nicaragua", "kind": "thanks", "actors": ["NI"]},
        {"label": "b.", "marker": "(b)", "anchor": "Tomar nota de los avances presentados", "kind": "take-note",
         "actors": [MC], "documents": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents"],
         "tracks": ["child-repatriation-protocol"]},
        {"label": "c.", "marker": "(c)", "anchor": "Solicitar a la OIM y al UNICEF", "kind": "request",
         "actors": [IOM, UNICEF],
         "documents": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents"],
         "tracks": ["child-repatriation-protocol"]},
        {"label": "d.", "marker": "(d)", "anchor": "Agradecer al ACNUR su presentación", "kind": "thanks",
         "kind_alt": ["take-note"], "actors": [UNHCR]},
        {"label": "e.", "marker": "(e)", "anchor": "Solicitar a la Secretaría Técnica que convoque",
         "kind": "request", "actors": [TS]},
        {"label": "f.", "marker": "(f)", "anchor": "Tomar nota de la presentación de la Red Regional",
         "kind": "take-note", "actors": [RNCOM], "tracks": ["civil-society-participation"]},
        {"label": "g.", "marker": "(g)", "anchor": "La OIM se comprometió a compartir", "kind": "decision",
         "kind_alt": ["proposal"], "actors": [IOM, MC]},
    ],
    "commitments": [
        {"item": "c.", "actor": IOM, "co_actors": [UNICEF], "action": "prepare a proposed update of the Protocol "
         "including the best-interests determination and present it to the Group", "due": "2015-02-15",
         "due_derived": "2015-02-15", "kind": "request", "requested_by": ADHOC_C},
        {"item": "d.", "actor": UNHCR, "action": "train consular officials on international protection needs of "
         "children", "kind": "pledge", "optional": True, "note": "Offer only taken note of."},
        {"item": "e.", "actor": TS, "action": "convene a virtual meeting of the Group to follow up",
         "due": "primer trimestre de 2015", "due_derived": "2015-03-31", "kind": "request",
         "requested_by": ADHOC_C},
        {"item": "g.", "actor": IOM, "action": "share with the Member Countries its systematisation of good "
         "practices in receiving returned children", "due": "2014-11-30", "due_derived": "2014-11-30",
         "kind": "pledge", "note": "'La OIM se comprometió a ...': a self-commitment in the third person."},
    ],
    "documents": [
        {"title": "Regional Protocol for the Repatriation of Migrant Children and Adolescents",
         "mentions": ["Protocolo Regional para la Repatriación de Niñas, Niños y Adolescentes Migrantes",
                      "Protocolo"], "tracked_item": "child-repatriation-protocol", "items": ["b.", "c."],
         "doc_type": "protocol", "status_in_this_report": "in application since 2009; update requested"},
        {"title": "Systematisation of good practices in the reception of returned children",
         "mentions": ["sistematización de buenas prácticas en la recepción de niñez retornada"],
         "tracked_item": None, "items": ["g."], "doc_type": "study", "issuer": IOM},
    ],
    "stages": {"child-repatriation-protocol": "Countries report on applying the Protocol; IOM and UNICEF asked "
               "for a proposed update (best interests of the child) by 15 Feb 2015.",
               "civil-society-participation": "RROCM presents on reception of returned children."},
})

# --- 2018 RCGM, English, mixed-case header, dateline on two lines, 'o' sub-bullets -----------
REPORTS.append({
    "id": "rcgm2018", "source": "rcgm_2018-11-27_en.txt", "language": "en",
    "layout": ["header mixing capitals and title case; place and date on two header lines", "opening 'met on "
               "November 27-28, 2018, in Panama City, Panama, with the participation of the delegations of'",
               "'1.' items without blank lines between them; sub-items marked 'o' (a Word bullet glyph)",
               "a due date without a year that falls after the meeting's year end ('by January 18th')"],
    "meeting": m(RCGM, "2018-11-27", "Panama City", "PA", end="2018-11-28",
                 printed=["Regional Consultation Group on Migration",
                          "Regional Consultation Group on Migration (RCGM)"],
                 title=("Conclusions and Recommendations", "November 27-28, 2018"), kind=None,
                 doc_kind="conclusions", language="en", reports_to=VM),
    "delegations": ALL11,
    "organisations": [RCM, RCGM, NET, CONS, COAL, RNCOM, TS, IOM],
    "organisations_optional": [
        {"name": PPT, "why_optional": "A role held by Panama."},
        {"name": VM, "why_optional": "Only 'the Vice-Ministers', recipients of the recommendation."},
    ],
    "items": [
        {"label": "1.", "marker": "1.", "anchor": "To approve the Regional Work Plan", "kind": "decision",
         "actors": [NET], "actors_optional": [VM], "documents": ["Regional Work Plan to Combat Migrant Smuggling"],
         "tracks": ["work-plan-migrant-smuggling"]},
        {"label": "2.", "marker": "2.", "anchor": "To take note of the report of the Liaison Officer Network for",
         "kind": "take-note", "actors": [CONS]},
        {"label": "2.a", "parent": "2.", "marker": "o", "anchor": "To request the Member Countries to update",
         "kind": "request", "actors": [MC]},
        {"label": "2.b", "parent": "2.", "marker": "o", "anchor": "To thank Mexico for presenting",
         "kind": "thanks", "actors": ["MX"],
         "documents": ["Regional Guidelines on Consular Protection in Cases of Detention, Accidents and Death of Migrants"],
         "tracks": ["consular-protection-guidelines"]},
        {"label": "3.", "marker": "3.", "anchor": "To thank the Regional Coalition against", "kind": "thanks",
         "actors": [COAL], "tracks": ["regional-coalition"]},
        {"label": "4.", "marker": "4.", "anchor": "To take note of the recommendations of the Regional",
         "kind": "take-note", "actors": [RNCOM], "tracks": ["civil-society-participation"]},
        {"label": "5.", "marker": "5.", "anchor": "To instruct the Technical Secretariat to prepare",
         "kind": "request", "kind_alt": ["decision"], "actors": [TS, IOM],
         "documents": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents"],
         "tracks": ["child-repatriation-protocol"]},
        {"label": "6.", "marker": "6.", "anchor": "To thank Panama, in its capacity", "kind": "thanks",
         "actors": ["PA"]},
    ],
    "commitments": [
        {"item": "1.", "actor": VM, "action": "endorse the Regional Work Plan 2019-2025", "kind": "request",
         "requested_by": RCGM, "optional": True, "note": "Recommendation upward."},
        {"item": "2.a", "actor": MC, "action": "update their consular contact points in the RCM directory",
         "due": "by January 18th", "due_derived": "2019-01-18", "kind": "request", "requested_by": RCGM,
         "note": "No year printed. A deadline set in late November 2018 for 'January 18th' can only be "
                 "18 January 2019 (the next such date after the meeting), not the meeting's year."},
        {"item": "5.", "actor": TS, "co_actors": [IOM], "action": "prepare the terms of reference for evaluating "
         "the Protocol and share them with the Member Countries", "due": "2019-03-31",
         "due_derived": "2019-03-31", "kind": "request", "requested_by": RCGM},
    ],
    "documents": [
        {"title": "Regional Work Plan to Combat Migrant Smuggling",
         "mentions": ["Regional Work Plan to Combat Migrant Smuggling 2019-2025"],
         "tracked_item": "work-plan-migrant-smuggling", "items": ["1."], "doc_type": "work plan",
         "status_in_this_report": "approved by the RCGM; endorsement recommended"},
        {"title": "Regional Guidelines on Consular Protection in Cases of Detention, Accidents and Death of Migrants",
         "mentions": ["updated version of the Regional Guidelines on Consular Protection in Cases of Detention, "
                      "Accidents and Death of Migrants"], "tracked_item": "consular-protection-guidelines",
         "items": ["2.b"], "doc_type": "guidelines", "status_in_this_report": "updated version presented"},
        {"title": "Terms of reference for the evaluation of the Regional Protocol for the Repatriation of Migrant "
         "Children and Adolescents", "mentions": ["terms of reference"], "tracked_item": "child-repatriation-protocol",
         "items": ["5."], "doc_type": "terms of reference"},
        {"title": "Regional Protocol for the Repatriation of Migrant Children and Adolescents",
         "mentions": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents"],
         "tracked_item": "child-repatriation-protocol", "items": ["5."], "doc_type": "protocol"},
        {"title": "Regional Coalition annual report 2018", "mentions": ["annual report for 2018"],
         "tracked_item": "regional-coalition", "items": ["3."], "optional": True, "doc_type": "annual report"},
    ],
    "stages": {"work-plan-migrant-smuggling": "The RCGM approves the Regional Work Plan 2019-2025 submitted by "
               "the Network and recommends its endorsement to the Vice-Ministers.",
               "consular-protection-guidelines": "Mexico presents the updated Guidelines.",
               "regional-coalition": "The Coalition presents its 2018 annual report.",
               "civil-society-participation": "RNCOM's recommendations on civil society in return and "
               "reintegration noted.",
               "child-repatriation-protocol": "The TS, with IOM, to prepare terms of reference for evaluating the "
               "Protocol by 31 Mar 2019."},
})

# --- 2019 RCGM recommendations for the Vice-Ministers, Spanish ----------------------------------
REPORTS.append({
    "id": "rcgm2019", "source": "rcgm_2019-06-25_es.txt", "language": "es",
    "layout": ["capitals header naming the genre 'RECOMENDACIONES PARA LOS VICEMINISTROS' and a dateline",
               "opening 'reunido en la Ciudad de México el 25 de junio de 2019, con la participación de'",
               "'1.' with 'a.' sub-items", "no conference line in the header"],
    "meeting": m(RCGM, "2019-06-25", "Mexico City", "MX",
                 printed=["GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN (GRCM)",
                          "Grupo Regional de Consulta sobre Migración (GRCM)"],
                 title=("RECOMENDACIONES PARA LOS VICEMINISTROS", "25 de junio de 2019"), kind=None,
                 doc_kind="recommendations", language="es", alts=["Ciudad de México"], reports_to=VM),
    "delegations": ALL11,
    "organisations": [RCGM, TS, IOM, UNICEF, COAL, ECLAC, UNHCR],
    "organisations_optional": [{"name": VM, "why_optional": "Only 'los Viceministros', the recipients."}],
    "items": [
        {"label": "1.", "marker": "1.", "anchor": "Respaldar el Plan de Trabajo Regional", "kind": "decision",
         "kind_alt": ["proposal"], "actors": [RCGM],
         "documents": ["Regional Work Plan to Combat Migrant Smuggling"], "tracks": ["work-plan-migrant-smuggling"],
         "note": "A recommendation to the Vice-Ministers, worded as the decision they are asked to take."},
        {"label": "2.", "marker": "2.", "anchor": "Instruir a la Secretaría Técnica que realice", "kind": "request",
         "kind_alt": ["decision", "proposal"], "actors": [TS, IOM, UNICEF],
         "documents": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents"],
         "tracks": ["child-repatriation-protocol"]},
        {"label": "3.", "marker": "3.", "anchor": "En materia de protección consular", "kind": "other",
         "actors": [], "tracks": ["consular-protection-guidelines"]},
        {"label": "3.a", "parent": "3.", "marker": "a.", "anchor": "Tomar nota de la versión actualizada",
         "kind": "take-note", "actors": [],
         "documents": ["Regional Guidelines on Consular Protection in Cases of Detention, Accidents and Death of Migrants"],
         "tracks": ["consular-protection-guidelines"]},
        {"label": "3.b", "parent": "3.", "marker": "b.", "anchor": "Solicitar a los países miembros que designen",
         "kind": "request", "actors": [MC],
         "documents": ["Regional Guidelines on Consular Protection in Cases of Detention, Accidents and Death of Migrants"],
         "tracks": ["consular-protection-guidelines"]},
        {"label": "4.", "marker": "4.", "anchor": "Tomar nota del informe anual", "kind": "take-note",
         "actors": [COAL], "tracks": ["regional-coalition"]},
        {"label": "5.", "marker": "5.", "anchor": "Agradecer a la Comisión Económica", "kind": "thanks",
         "actors": [ECLAC, UNHCR]},
    ],
    "commitments": [
        {"item": "2.", "actor": TS, "co_actors": [IOM, UNICEF], "action": "evaluate the Protocol and present the "
         "results", "due": "2020-03-31", "due_derived": "2020-03-31", "kind": "request", "requested_by": VM,
         "note": "Recommended instruction of the Vice-Ministers to the TS."},
        {"item": "3.b", "actor": MC, "action": "designate contact points for applying the Consular Guidelines",
         "due": "2019-09-30", "due_derived": "2019-09-30", "kind": "request", "requested_by": RCGM},
    ],
    "documents": [
        {"title": "Regional Work Plan to Combat Migrant Smuggling",
         "mentions": ["Plan de Trabajo Regional para Combatir el Tráfico Ilícito de Migrantes 2019-2025"],
         "tracked_item": "work-plan-migrant-smuggling", "items": ["1."], "doc_type": "work plan"},
        {"title": "Regional Protocol for the Repatriation of Migrant Children and Adolescents",
         "mentions": ["Protocolo Regional para la Repatriación de Niñas, Niños y Adolescentes Migrantes"],
         "tracked_item": "child-repatriation-protocol", "items": ["2."], "doc_type": "protocol"},
        {"title": "Regional Guidelines on Consular Protection in Cases of Detention, Accidents and Death of Migrants",
         "mentions": ["Lineamientos Regionales de Protección Consular en casos de detención, accidentes y "
                      "fallecimiento de personas migrantes", "Lineamientos"],
         "tracked_item": "consular-protection-guidelines", "items": ["3.a", "3.b"], "doc_type": "guidelines"},
        {"title": "Regional Coalition annual report", "mentions": ["informe anual"],
         "tracked_item": "regional-coalition", "items": ["4."], "optional": True, "doc_type": "annual report"},
    ],
    "stages": {"work-plan-migrant-smuggling": "The RCGM recommends that the Vice-Ministers endorse the Work Plan "
               "2019-2025.",
               "child-repatriation-protocol": "The RCGM recommends instructing the TS (IOM, UNICEF) to evaluate "
               "the Protocol by 31 Mar 2020.",
               "consular-protection-guidelines": "Updated Guidelines noted; countries to designate contact "
               "points by 30 Sep 2019.",
               "regional-coalition": "The Coalition's annual report noted."},
})

# --- 2019 Network (smuggling), Spanish, wrapped at 80, a line 'Ciudad de México, el ...' mid-item --
REPORTS.append({
    "id": "net2019", "source": "network_2019-03-20_es.txt", "language": "es",
    "layout": ["capitals header whose title wraps over two lines, no dateline",
               "opening 'celebró su reunión ordinaria en San Salvador, El Salvador, el 20 de marzo de 2019, con la "
               "participación de'", "'1.' with 'a)'; hard-wrapped at 80 columns",
               "a wrapped line starting 'Ciudad de México, el 26 de junio de 2019.' inside item 2.a (not a closing "
               "dateline)", "a due date without a year ('a más tardar el 21 de junio')",
               "a commitment in the third person with no infinitive ('Guatemala ofreció compartir ...')",
               "an impersonal request ('Se solicita a la ST que ...') and a passive with its agent"],
    "meeting": m(NET, "2019-03-20", "San Salvador", "SV",
                 printed=["RED DE FUNCIONARIOS DE ENLACE PARA EL COMBATE AL TRÁFICO ILÍCITO DE MIGRANTES Y LA "
                          "TRATA DE PERSONAS", "Red de Funcionarios de Enlace para el Combate al Tráfico Ilícito "
                          "de Migrantes y la Trata de Personas"],
                 title=("INFORME DE LA REUNIÓN DE LA RED DE FUNCIONARIOS DE ENLACE PARA EL COMBATE AL TRÁFICO "
                        "ILÍCITO DE MIGRANTES Y LA TRATA DE PERSONAS", "20 de marzo de 2019"), kind="ordinary",
                 doc_kind="report", language="es", reports_to=RCGM),
    "delegations": ["CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"],
    "organisations": [RCM, NET, RCGM, TS, IOM, COAL],
    "organisations_optional": [{"name": VM, "why_optional": "Only 'los Viceministros'."}],
    "items": [
        {"label": "1.", "marker": "1.", "anchor": "Agradecer a las delegaciones sus informes sobre los avances",
         "kind": "thanks", "actors": [MC], "tracks": ["country-progress-reports"]},
        {"label": "2.", "marker": "2.", "anchor": "En relación con el Plan de Trabajo Regional", "kind": "other",
         "actors": [], "documents": ["Regional Work Plan to Combat Migrant Smuggling"],
         "tracks": ["work-plan-migrant-smuggling"]},
        {"label": "2.a", "parent": "2.", "marker": "a)", "anchor": "Tomar nota de su aprobación por el GRCM",
         "kind": "take-note", "kind_alt": ["proposal"], "actors": [RCGM, TS],
         "documents": ["Regional Work Plan to Combat Migrant Smuggling"], "tracks": ["work-plan-migrant-smuggling"],
         "note": "A wrapped line starts 'Ciudad de México, el 26 de junio de 2019.': part of the item."},
        {"label": "2.b", "parent": "2.", "marker": "b)", "anchor": "Solicitar a los países miembros que envíen",
         "kind": "request", "actors": [MC, TS], "documents": ["Regional Work Plan to Combat Migrant Smuggling"],
         "tracks": ["work-plan-migrant-smuggling"]},
        {"label": "3.", "marker": "3.", "anchor": "Agradecer a la OIM su ofrecimiento", "kind": "thanks",
         "actors": [IOM]},
        {"label": "4.", "marker": "4.", "anchor": "Tomar nota de la presentación de la Coalición", "kind": "take-note",
         "actors": [COAL], "documents": ["Strategic Plan of the Regional Coalition"], "tracks": ["regional-coalition"]},
        {"label": "5.", "marker": "5.", "anchor": "Guatemala ofreció compartir", "kind": "proposal",
         "actors": ["GT"]},
        {"label": "6.", "marker": "6.", "anchor": "Se solicita a la ST que remita", "kind": "request",
         "actors": [TS, "GT"]},
    ],
    "commitments": [
        {"item": "2.a", "actor": TS, "action": "prepare a summary version of the Work Plan for the Vice-Ministers",
         "kind": "pledge", "note": "'Para ello, la Secretaría Técnica preparará': needed before the "
         "Vice-Ministerial meeting of 26 June 2019, but no due phrase is printed for it, so due is null."},
        {"item": "2.b", "actor": MC, "action": "send the TS the name of the institution coordinating the Plan's "
         "implementation", "due": "2019-06-21", "due_derived": "2019-06-21", "kind": "request",
         "requested_by": NET, "note": "'a más tardar el 21 de junio': no year printed; the meeting's (2019)."},
        {"item": "3.", "actor": IOM, "action": "support a regional workshop on financial investigation of migrant "
         "smuggling in Guatemala", "due": "segundo semestre de 2019", "due_derived": "2019-12-31",
         "kind": "pledge", "note": "An offer thanked and scheduled ('que se realizará')."},
        {"item": "5.", "actor": "GT", "action": "share its border-post guide for identifying trafficking victims "
         "with the Member Countries", "kind": "pledge", "note": "'ofreció compartir': an offer recorded in the "
         "report itself."},
        {"item": "6.", "actor": TS, "action": "send the Member Countries the guide offered by Guatemala",
         "due": "2019-04-30", "due_derived": "2019-04-30", "kind": "request", "requested_by": NET,
         "note": "Impersonal 'Se solicita a la ST que ...'."},
        {"item": "6.", "actor": TS, "action": "consolidate the countries' comments on the guide",
         "due": "la próxima reunión de la Red", "kind": "pledge",
         "note": "A passive with its agent ('serán consolidadas por la Secretaría Técnica')."},
    ],
    "documents": [
        {"title": "Regional Work Plan to Combat Migrant Smuggling",
         "mentions": ["Plan de Trabajo Regional para Combatir el Tráfico Ilícito de Migrantes 2019-2025",
                      "Plan"], "tracked_item": "work-plan-migrant-smuggling", "items": ["2.", "2.a", "2.b"],
         "doc_type": "work plan", "status_in_this_report": "approved by the RCGM; to go to the Vice-Ministers"},
        {"title": "Strategic Plan of the Regional Coalition", "mentions": ["Plan Estratégico"],
         "tracked_item": "regional-coalition", "items": ["4."], "doc_type": "plan"},
        {"title": "Guatemala's guide for identifying trafficking victims at border posts",
         "mentions": ["guía de actuación para la identificación de víctimas de trata en puestos fronterizos",
                      "guía"],
         "tracked_item": None, "items": ["5.", "6."], "doc_type": "guide", "issuer": "GT"},
    ],
    "stages": {"country-progress-reports": "Delegations report on progress against smuggling and trafficking.",
               "work-plan-migrant-smuggling": "The Network notes the RCGM's approval of the Work Plan 2019-2025, "
               "proposes it go to the Vice-Ministers on 26 June 2019; countries to name coordinating institutions "
               "by 21 June.",
               "regional-coalition": "The Coalition presents its Strategic Plan."},
})

# --- 2019 Vice-Ministerial declaration, Spanish, title case header, closing dateline ----------
REPORTS.append({
    "id": "vm2019", "source": "vm_2019-06-26_es.txt", "language": "es",
    "layout": ["title-case header on three lines, no dateline", "long opening 'reunidos en la Ciudad de México "
               "los días 26 y 27 de junio de 2019, en ocasión de ...'", "preamble 'Considerando ...', 'Acuerdan:'",
               "'1.' numbering", "a closing dateline after the last item"],
    "meeting": m(VM, "2019-06-26", "Mexico City", "MX", end="2019-06-27",
                 printed=["Reunión Viceministerial", "XXIV Reunión Viceministerial de la CRM"],
                 title=("Declaración de la Ciudad de México", "26 y 27 de junio de 2019"), kind=None,
                 doc_kind="declaration", language="es", alts=["Ciudad de México"]),
    "delegations": ALL11,
    "organisations": [RCM, VM, RCGM, NET, TS, IOM, UNICEF, RNCOM],
    "organisations_optional": [{"name": PPT, "why_optional": "A role (offered by El Salvador for 2019-2020)."}],
    "stops": ["Ciudad de México, 27 de junio de 2019"],
    "items": [
        {"label": "1.", "marker": "1.", "anchor": "Aprobar el Plan de Trabajo Regional", "kind": "decision",
         "kind_alt": ["request"], "actors": [NET], "documents": ["Regional Work Plan to Combat Migrant Smuggling"],
         "tracks": ["work-plan-migrant-smuggling"]},
        {"label": "2.", "marker": "2.", "anchor": "Instruir a la Secretaría Técnica que, con el apoyo",
         "kind": "request", "kind_alt": ["decision"], "actors": [TS, IOM, UNICEF],
         "documents": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents"],
         "tracks": ["child-repatriation-protocol"]},
        {"label": "3.", "marker": "3.", "anchor": "Tomar nota de los Lineamientos Regionales", "kind": "take-note",
         "kind_alt": ["request"], "actors": [MC],
         "documents": ["Regional Guidelines on Consular Protection in Cases of Detention, Accidents and Death of Migrants"],
         "tracks": ["consular-protection-guidelines"]},
        {"label": "4.", "marker": "4.", "anchor": "Agradecer a la Red Regional de Organizaciones", "kind": "thanks",
         "actors": [RNCOM], "tracks": ["civil-society-participation"]},
        {"label": "5.", "marker": "5.", "anchor": "Aceptar el ofrecimiento de El Salvador", "kind": "decision",
         "kind_alt": ["proposal"], "actors": ["SV"]},
    ],
    "commitments": [
        {"item": "1.", "actor": NET, "action": "present an annual report on the implementation of the Work Plan",
         "kind": "request", "requested_by": VM},
        {"item": "2.", "actor": TS, "co_actors": [IOM, UNICEF], "action": "evaluate the Protocol and present the "
         "results", "due": "2020-03-31", "due_derived": "2020-03-31", "kind": "request", "requested_by": VM},
        {"item": "3.", "actor": MC, "action": "disseminate the updated Guidelines among their consulates",
         "kind": "request", "requested_by": VM, "optional": True, "note": "An exhortation without a deliverable."},
        {"item": "5.", "actor": "SV", "action": "assume the Presidency Pro Tempore for 2019-2020", "kind": "pledge",
         "accepted": True},
    ],
    "documents": [
        {"title": "Regional Work Plan to Combat Migrant Smuggling",
         "mentions": ["Plan de Trabajo Regional para Combatir el Tráfico Ilícito de Migrantes 2019-2025"],
         "tracked_item": "work-plan-migrant-smuggling", "items": ["1."], "doc_type": "work plan",
         "status_in_this_report": "approved by the Vice-Ministers"},
        {"title": "Regional Protocol for the Repatriation of Migrant Children and Adolescents",
         "mentions": ["Protocolo Regional para la Repatriación de Niñas, Niños y Adolescentes Migrantes"],
         "tracked_item": "child-repatriation-protocol", "items": ["2."], "doc_type": "protocol"},
        {"title": "Regional Guidelines on Consular Protection in Cases of Detention, Accidents and Death of Migrants",
         "mentions": ["Lineamientos Regionales de Protección Consular"],
         "tracked_item": "consular-protection-guidelines", "items": ["3."], "doc_type": "guidelines"},
    ],
    "stages": {"work-plan-migrant-smuggling": "The Vice-Ministers approve the Work Plan 2019-2025 and ask the "
               "Network for an annual implementation report.",
               "child-repatriation-protocol": "The Vice-Ministers instruct the TS (IOM, UNICEF) to evaluate the "
               "Protocol by 31 Mar 2020.",
               "consular-protection-guidelines": "The updated Guidelines noted; countries urged to disseminate "
               "them.",
               "civil-society-participation": "RROCM thanked for the civil-society dialogue."},
})

# --- 1998 RCGM, Spanish, date list only in the header, Word numbering lost ---------------------
REPORTS.append({
    "id": "rcgm1998", "source": "rcgm_1998-11-10_es.txt", "language": "es",
    "layout": ["mixed-case header with a dateline listing days ('Ottawa, Canadá, 10, 11 y 12 de noviembre de "
               "1998')", "opening names the place but no date ('en su reunión celebrada en la ciudad de Ottawa')",
               "top-level numbering lost on export (paragraphs with no marker) under a "
               "'CONCLUSIONES Y RECOMENDACIONES' heading; sub-items 'a.' 'b.' kept",
               "observer organisations in the opening", "a due month without a day ('en enero de 1999')"],
    "meeting": m(RCGM, "1998-11-10", "Ottawa", "CA", end="1998-11-12",
                 printed=["Grupo Regional de Consulta sobre Migración"],
                 title=("CONCLUSIONES Y RECOMENDACIONES", "10, 11 y 12 de noviembre de 1998"), kind=None,
                 doc_kind="conclusions", language="es", reports_to=VM),
    "delegations": ALL11,
    "delegations_notes": "IOM, ECLAC and UNHCR attended as observer organisations.",
    "organisations": [RCM, RCGM, IOM, ECLAC, UNHCR],
    "organisations_optional": [{"name": VM, "why_optional": "Only 'los Viceministros', the recipients."}],
    "items": [
        {"reconstructed": "1.", "anchor": "Agradecer al Gobierno de Canadá", "kind": "thanks", "actors": ["CA"]},
        {"reconstructed": "2.", "anchor": "Tomar nota del informe presentado por la OIM", "kind": "take-note",
         "kind_alt": ["proposal"], "actors": [IOM], "actors_optional": [VM]},
        {"reconstructed": "3.", "anchor": "Solicitar a la OIM que, en coordinación", "kind": "request",
         "actors": [IOM, ECLAC]},
        {"reconstructed": "4.", "anchor": "Encomendar a México la organización", "kind": "request",
         "kind_alt": ["decision"], "actors": ["MX", UNHCR]},
        {"reconstructed": "4.a", "parent_position": 4, "marker": "a.", "anchor": "México circulará una propuesta",
         "kind": "decision", "kind_alt": ["other"], "actors": ["MX"]},
        {"reconstructed": "4.b", "parent_position": 4, "marker": "b.", "anchor": "Los países miembros designarán",
         "kind": "decision", "kind_alt": ["other"], "actors": [MC]},
        {"reconstructed": "5.", "anchor": "Aceptar el ofrecimiento de El Salvador", "kind": "decision",
         "kind_alt": ["proposal"], "actors": ["SV"]},
    ],
    "commitments": [
        {"item": "2", "actor": VM, "action": "consider temporary humanitarian measures for nationals of the "
         "countries hit by Hurricane Mitch", "kind": "request", "requested_by": RCGM, "optional": True,
         "note": "Recommendation upward."},
        {"item": "3", "actor": IOM, "co_actors": [ECLAC], "action": "prepare and present a study on migration and "
         "development in Central America after Hurricane Mitch", "due": "1999-01-15", "due_derived": "1999-01-15",
         "kind": "request", "requested_by": RCGM},
        {"item": "4", "actor": "MX", "co_actors": [UNHCR], "action": "organise a seminar on the human rights of "
         "migrants", "due": "primer semestre de 1999", "due_derived": "1999-06-30", "kind": "request",
         "requested_by": RCGM},
        {"item": "5", "actor": "MX", "action": "circulate a draft programme for the seminar",
         "due": "1998-12-15", "due_derived": "1998-12-15", "kind": "pledge"},
        {"item": "6", "actor": MC, "action": "designate their participants in the seminar", "due": "1999-01-31",
         "due_derived": "1999-01-31", "kind": "pledge"},
        {"item": "7", "actor": "SV", "action": "host the IV Regional Conference on Migration",
         "due": "enero de 1999", "due_derived": "1999-01", "kind": "pledge", "accepted": True},
    ],
    "documents": [
        {"title": "IOM report on the effects of Hurricane Mitch on migration flows in the region",
         "mentions": ["informe presentado por la OIM sobre los efectos del huracán Mitch en los flujos "
                      "migratorios de la región"], "tracked_item": None, "items": ["2"], "optional": True,
         "doc_type": "report", "issuer": IOM, "note": "Possibly an oral report."},
        {"title": "Study on migration and development in Central America after Hurricane Mitch",
         "mentions": ["estudio sobre las migraciones y el desarrollo en Centroamérica después del huracán Mitch"],
         "tracked_item": None, "items": ["3"], "doc_type": "study"},
    ],
    "stages": {},
})

# --- 2022 Consular Protection Network, English, "1)" with "a)", wrapped at 72, yearless dues ------
REPORTS.append({
    "id": "cons2022", "source": "consular_2022-05-18_en.txt", "language": "en",
    "layout": ["title-case header, no dateline", "'held its regular meeting in Tegucigalpa, Honduras, on May 18 and "
               "19, 2022'", "observer organisations after the delegations", "'1)' with 'a)'", "wrapped at 72",
               "due dates without a year ('by July 21st', 'by August 31st', 'by June 30th')",
               "a commitment in the future tense ('Mexico and Guatemala will prepare') and an offer accepted in "
               "a second sentence"],
    "meeting": m(CONS, "2022-05-18", "Tegucigalpa", "HN", end="2022-05-19",
                 printed=["Liaison Officer Network for Consular Protection"],
                 title=("Report of the Virtual and In-Person Meeting", "May 18 and 19, 2022"), kind="regular",
                 doc_kind="report", language="en", reports_to=RCGM),
    "delegations": ALL11,
    "delegations_notes": "IOM, UNHCR and UNICEF attended as organisations.",
    "organisations": [RCM, CONS, RCGM, IOM, UNHCR, UNICEF, TS],
    "organisations_optional": [{"name": "Migrants in Countries in Crisis Initiative",
                                "why_optional": "An initiative whose guidelines are cited, not a participant."}],
    "items": [
        {"label": "1.", "marker": "1)", "anchor": "To thank Honduras for hosting", "kind": "thanks", "actors": ["HN"]},
        {"label": "2.", "marker": "2)", "anchor": "Regarding the Regional Guidelines on Consular", "kind": "other",
         "actors": [],
         "documents": ["Regional Guidelines on Consular Protection in Cases of Detention, Accidents and Death of Migrants"],
         "tracks": ["consular-protection-guidelines"]},
        {"label": "2.a", "parent": "2.", "marker": "a)", "anchor": "To take note of the results of the survey",
         "kind": "take-note", "actors": [TS], "tracks": ["consular-protection-guidelines"]},
        {"label": "2.b", "parent": "2.", "marker": "b)", "anchor": "Mexico and Guatemala will prepare",
         "kind": "decision", "actors": ["MX", "GT"], "tracks": ["consular-protection-guidelines"]},
        {"label": "2.c", "parent": "2.", "marker": "c)", "anchor": "To request the Member Countries to send",
         "kind": "request", "actors": [MC, TS], "tracks": ["consular-protection-guidelines"]},
        {"label": "3.", "marker": "3)", "anchor": "To thank UNHCR for the presentation", "kind": "thanks",
         "actors": [UNHCR, IOM], "documents": ["MICIC Initiative guidelines"]},
        {"label": "4.", "marker": "4)", "anchor": "UNICEF offered to support a training", "kind": "proposal",
         "kind_alt": ["decision"], "actors": [UNICEF],
         "documents": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents"],
         "tracks": ["child-repatriation-protocol"]},
        {"label": "5.", "marker": "5)", "anchor": "To request the Technical Secretariat to update", "kind": "request",
         "actors": [TS]},
    ],
    "commitments": [
        {"item": "2.b", "actor": "MX", "co_actors": ["GT"], "action": "prepare a chapter on consular assistance to "
         "migrants in disasters and share it with the Network", "due": "by July 21st", "due_derived": "2022-07-21",
         "kind": "pledge", "note": "No year printed; the meeting's (2022)."},
        {"item": "2.c", "actor": MC, "action": "send comments on the chapter to the TS", "due": "by August 31st",
         "due_derived": "2022-08-31", "kind": "request", "requested_by": CONS},
        {"item": "4.", "actor": UNICEF, "action": "support a training for consular officials on the Protocol",
         "due": "second half of 2022", "due_derived": "2022-12-31", "kind": "pledge", "accepted": True},
        {"item": "5.", "actor": TS, "action": "update the regional directory of consular contact points and "
         "circulate it", "due": "by June 30th", "due_derived": "2022-06-30", "kind": "request",
         "requested_by": CONS},
    ],
    "documents": [
        {"title": "Regional Guidelines on Consular Protection in Cases of Detention, Accidents and Death of Migrants",
         "mentions": ["Regional Guidelines on Consular Protection in Cases of Detention, Accidents and Death of "
                      "Migrants", "Guidelines"], "tracked_item": "consular-protection-guidelines",
         "items": ["2.", "2.a"], "doc_type": "guidelines"},
        {"title": "Chapter on consular assistance to migrants in situations of disaster",
         "mentions": ["chapter on consular assistance to migrants in situations of disaster", "chapter"],
         "tracked_item": "consular-protection-guidelines", "items": ["2.b", "2.c"], "doc_type": "chapter"},
        {"title": "MICIC Initiative guidelines", "mentions": ["MICIC Initiative guidelines"],
         "tracked_item": None, "items": ["3."], "optional": True, "doc_type": "guidelines"},
        {"title": "Regional Protocol for the Repatriation of Migrant Children and Adolescents",
         "mentions": ["Regional Protocol for the Repatriation of Migrant Children and Adolescents"],
         "tracked_item": "child-repatriation-protocol", "items": ["4."], "doc_type": "protocol"},
        {"title": "Regional directory of consular contact points",
         "mentions": ["regional directory of consular contact points"], "tracked_item": None, "items": ["5."],
         "doc_type": "directory"},
    ],
    "stages": {"consular-protection-guidelines": "Survey on applying the Guidelines; Mexico and Guatemala to draft "
               "a chapter on disasters by 21 Jul 2022; comments by 31 Aug.",
               "child-repatriation-protocol": "UNICEF's offer of training on the Protocol accepted (second half "
               "of 2022)."},
})
