"""Writes the vocabulary extracts in this folder from the published authority tables (README.md says
which file, repository and commit each comes from). Not run by the tests: the extracts are committed;
run it again to refresh them from newer copies of the tables.

    python tests/dcat-ap/vocabularies/extract.py FILETYPES_SKOS_RDF LANGUAGE_GC ADMS_SKOS_V1_RDF

The SKOS tables (file types, licence types) are copied triple for triple: each kept concept with its
whole description (blank nodes included) and the concept scheme. The language table is read from the
Publications Office's Genericode edition of the same authority table (listId
http://publications.europa.eu/resource/authority/language), whose rows give the code and the labels;
each row becomes the concept the SKOS edition has for it: ``<listId/CODE> a skos:Concept;
skos:inScheme <listId>; dc:identifier "CODE"; skos:prefLabel`` (English and Spanish labels only).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import rdflib
from rdflib.namespace import DC, OWL, RDF, SKOS

HERE = Path(__file__).parent
AUTHORITY = "http://publications.europa.eu/resource/authority/"
#: What rcmkg's description uses (rcmkg/publish/void.py) and a few neighbours, so that a test can
#: also name a real concept the description does not use.
FILE_TYPES = ("RDF_TURTLE", "RDF_N_TRIPLES", "RDF_TRIG", "RDF_N_QUADS", "RDF_XML", "JSON_LD", "N3", "GZIP",
              "HTML", "CSV")
LANGUAGES = ("ENG", "SPA", "FRA", "POR")  # the RCM's working languages
LICENCE_TYPES = ("Attribution", "PublicDomain", "ViralEffect-ShareAlike")
GC = "{http://docs.oasis-open.org/codelist/ns/genericode/1.0/}"


def _copy(src: rdflib.Graph, out: rdflib.Graph, node: rdflib.term.Node) -> None:
    """The concise bounded description of ``node``: its triples, and those of its blank nodes."""
    for p, o in src.predicate_objects(node):
        out.add((node, p, o))
        if isinstance(o, rdflib.BNode):
            _copy(src, out, o)


def _write(g: rdflib.Graph, name: str, header: str) -> None:
    g.bind("skos", SKOS)
    g.bind("dc", DC)
    body = g.serialize(format="turtle")
    (HERE / name).write_text(header + "\n" + body, encoding="utf-8")


def file_types(path: Path) -> None:
    src = rdflib.Graph().parse(path, format="xml")
    scheme = rdflib.URIRef(AUTHORITY + "file-type")
    out = rdflib.Graph()
    _copy(src, out, scheme)
    for code in FILE_TYPES:
        concept = rdflib.URIRef(f"{AUTHORITY}file-type/{code}")
        assert (concept, SKOS.inScheme, scheme) in src, code
        _copy(src, out, concept)
    out.bind("at", "http://publications.europa.eu/ontology/authority/")
    out.bind("atold", AUTHORITY)
    _write(out, "file-type.ttl", "# EU Vocabularies, authority table 'file-type' (extract); see README.md\n")


def languages(path: Path) -> None:
    root = ET.parse(path).getroot()
    ident = root.find("Identification")
    assert ident is not None
    list_id = next(e.text for e in ident.findall("LongName") if e.get("Identifier") == "listId")
    version = ident.findtext("Version")
    assert list_id == AUTHORITY + "language", list_id
    scheme = rdflib.URIRef(list_id)
    out = rdflib.Graph()
    out.add((scheme, RDF.type, SKOS.ConceptScheme))
    out.add((scheme, OWL.versionInfo, rdflib.Literal(version)))
    found = set()
    for row in root.iter("Row"):
        values = {v.get("ColumnRef"): v.findtext("SimpleValue") for v in row.findall("Value")}
        code = values.get("code")
        if code not in LANGUAGES:
            continue
        found.add(code)
        concept = rdflib.URIRef(f"{list_id}/{code}")
        out.add((concept, RDF.type, SKOS.Concept))
        out.add((concept, SKOS.inScheme, scheme))
        out.add((concept, DC.identifier, rdflib.Literal(code)))
        out.add((concept, SKOS.prefLabel, rdflib.Literal(values["eng_label"], lang="en")))
        out.add((concept, SKOS.prefLabel, rdflib.Literal(values["spa_label"], lang="es")))
    assert found == set(LANGUAGES), found
    _write(out, "language.ttl", "# EU Vocabularies, authority table 'language' (extract); see README.md\n")


def licence_types(path: Path) -> None:
    src = rdflib.Graph().parse(path, format="xml")
    scheme = rdflib.URIRef("http://purl.org/adms/licencetype/1.0")
    out = rdflib.Graph()
    _copy(src, out, scheme)
    for code in LICENCE_TYPES:
        concept = rdflib.URIRef("http://purl.org/adms/licencetype/" + code)
        assert (concept, SKOS.inScheme, scheme) in src, code
        _copy(src, out, concept)
    out.bind("adms", "http://www.w3.org/ns/adms#")
    _write(out, "licence-type.ttl", "# ADMS controlled vocabulary 'Licence Type' (extract); see README.md\n")


if __name__ == "__main__":
    file_types(Path(sys.argv[1]))
    languages(Path(sys.argv[2]))
    licence_types(Path(sys.argv[3]))
