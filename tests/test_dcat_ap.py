"""The VoID/DCAT description against the official DCAT-AP 3.0.0 SHACL shapes (tests/dcat-ap/, verbatim
copies with their licence): the core shapes, the class ranges and the controlled-vocabulary shapes, the
last with extracts of the EU file-type and language tables and the ADMS licence types loaded as data
(tests/dcat-ap/vocabularies/), as the static site writes the description and as the server answers it;
and its counts against the data they count."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pyshacl
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.namespace import DCAT, DCTERMS, RDF, SKOS, VOID

from rcmkg.cli import cli
from rcmkg.settings import Settings
from tests.test_server import BASE, convert_samples, disk_store, serve_store

DCAT_AP = Path(__file__).parent / "dcat-ap"
SHAPES = DCAT_AP / "dcat-ap-SHACL.ttl"
#: The core shapes, and the vocabulary, range and deprecation shapes of the same release.
ALL_SHAPES = ("dcat-ap-SHACL.ttl", "mdr-vocabularies.shape.ttl", "range.ttl", "deprecateduris.ttl")
VOCABULARIES = ("file-type.ttl", "language.ttl", "licence-type.ttl")
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
IANA = "http://www.iana.org/assignments/media-types/"
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
MDR = rdflib.Namespace("http://data.europa.eu/r5r#")


@functools.cache
def _shapes(names: tuple[str, ...]) -> rdflib.Graph:
    g = rdflib.Graph()
    for name in names:
        g.parse(DCAT_AP / name, format="turtle")
    return g


@functools.cache
def _vocabularies() -> rdflib.Graph:
    g = rdflib.Graph()
    for name in VOCABULARIES:
        g.parse(DCAT_AP / "vocabularies" / name, format="turtle")
    return g


def dcat_ap_report(data: rdflib.Graph, shapes: tuple[str, ...] = ALL_SHAPES,
                   vocabularies: bool = True) -> list[tuple[rdflib.URIRef, str]]:
    """(severity, "focus path value: message") of each result about ``data``, as a DCAT-AP
    validator gives them: the vocabularies are loaded beside the description, and only top-level
    results count (a nested sh:detail is the reason of its parent, not a result of its own).
    Results about the vocabularies' own nodes are theirs, not the description's, and are left out
    (the EU tables' concept schemes have no dct:title, which the core shapes want of a scheme)."""
    merged = rdflib.Graph()
    merged += data
    if vocabularies:
        merged += _vocabularies()
    conforms, report, _ = pyshacl.validate(merged, shacl_graph=_shapes(shapes), inference="none", advanced=True)
    described = set(data.subjects())
    vocabulary_nodes = set(_vocabularies().subjects()) if vocabularies else set()
    out = []
    results = list(report.objects(None, SH.result))
    assert results or conforms, "a report without results must be one that conforms"
    for r in results:
        focus = report.value(r, SH.focusNode)
        if focus not in described:
            # left out only when it is about a node the vocabularies describe, nothing else
            assert focus in vocabulary_nodes, f"a result about a node of neither graph: {focus}"
            continue
        out.append((report.value(r, SH.resultSeverity),
                    f"{focus} {report.value(r, SH.resultPath)} {report.value(r, SH.value)}: "
                    f"{report.value(r, SH.resultMessage)}"))
    return sorted(out)


def dcat_ap_violations(data: rdflib.Graph, shapes: tuple[str, ...] = ALL_SHAPES, vocabularies: bool = True) -> list[str]:
    """The DCAT-AP 3 violations of ``data`` (one line each; warnings and infos do not count)."""
    return [line for severity, line in dcat_ap_report(data, shapes, vocabularies) if severity == SH.Violation]


@pytest.fixture(scope="module")
def ttl(tmp_path_factory) -> Path:
    return convert_samples(tmp_path_factory.mktemp("dcat") / "rdf")


@pytest.fixture(scope="module")
def site(ttl, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dcat-site") / "site"
    result = CliRunner().invoke(cli, ["publish", "--base", BASE, "--data", str(ttl), "--out", str(out),
                                      "--sparql-endpoint", "https://example.org/sparql"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def served(ttl, tmp_path_factory) -> tuple[rdflib.Graph, str]:
    import httpx

    store = disk_store(ttl, tmp_path_factory.mktemp("dcat-store") / "store")
    with serve_store(store, Settings(base=BASE, query_timeout=20)) as url:
        r = httpx.get(url + "/void.ttl", timeout=60)
        assert r.status_code == 200, r.text
        count = httpx.post(url + "/sparql", data={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                           headers={"Accept": "application/sparql-results+json"}, timeout=60).json()
    return rdflib.Graph().parse(data=r.text, format="turtle"), count["results"]["bindings"][0]["n"]["value"]


def test_the_shapes_are_the_official_ones():
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    assert len(shapes) > 1000
    assert (rdflib.URIRef("https://semiceu.github.io/DCAT-AP/releases/3.0.0/shacl/dcat-ap-SHACL.ttl#dcat:DatasetShape"), RDF.type,
            SH.NodeShape) in shapes
    cv = rdflib.Graph().parse(DCAT_AP / "mdr-vocabularies.shape.ttl", format="turtle")
    # the restrictions this test relies on, each testing skos:inScheme of the value
    for name, scheme in (("FileTypeRestriction", "http://publications.europa.eu/resource/authority/file-type"),
                         ("LanguageRestriction", "http://publications.europa.eu/resource/authority/language"),
                         ("LicenceTypeRestriction", "http://purl.org/adms/licencetype/1.0")):
        prop = cv.value(MDR[name], SH.property)
        assert cv.value(prop, SH.path) == SKOS.inScheme and cv.value(prop, SH.hasValue) == rdflib.URIRef(scheme), name
    assert (MDR.Distribution_ShapeCV, SH.targetClass, DCAT.Distribution) in cv
    assert len(rdflib.Graph().parse(DCAT_AP / "range.ttl", format="turtle")) > 300


def test_the_vocabulary_extracts_hold_what_the_description_uses(site):
    """Each controlled value of the description is a concept of the extracts, in the scheme the
    vocabulary shapes want: the validation below rests on real entries of the tables, not on the
    description's own say-so (it states no skos:inScheme)."""
    g = rdflib.Graph().parse(site / "void.ttl", format="turtle")
    vocab = _vocabularies()
    used = {(o, scheme) for p, scheme in ((DCTERMS.format, FILE_TYPE[:-1]), (DCTERMS.language, LANGUAGE[:-1]),
                                          (DCTERMS.type, "http://purl.org/adms/licencetype/1.0"))
            for o in g.objects(None, p)}
    assert len(used) >= 7, used  # 4 file types, 2 languages, the licence's type
    for concept, scheme in used:
        assert (concept, SKOS.inScheme, rdflib.URIRef(scheme)) in vocab, concept
        assert (concept, SKOS.inScheme, None) not in g, concept
    assert not set(g.subjects(SKOS.inScheme, None)) & set(vocab.subjects())


#: The core shapes on the description alone (it must hold up without any vocabulary data), and every
#: shape of the release with the vocabularies loaded.
PROFILES = pytest.mark.parametrize(("shapes", "vocabularies"), [(("dcat-ap-SHACL.ttl",), False), (ALL_SHAPES, True)],
                                   ids=["core", "core+vocabularies+ranges"])


@PROFILES
def test_site_void_conforms_to_dcat_ap_3(site, shapes, vocabularies):
    for name in ("void.ttl", ".well-known/void"):
        g = rdflib.Graph().parse(site / name, format="turtle")
        assert len(g) > 100
        assert dcat_ap_violations(g, shapes, vocabularies) == [], name


@PROFILES
def test_served_void_conforms_to_dcat_ap_3(served, shapes, vocabularies):
    g, _ = served
    assert dcat_ap_violations(g, shapes, vocabularies) == []


def test_the_only_warning_is_the_publisher_outside_the_eu_corporate_bodies(site, served):
    """The vocabulary shapes warn (not fail) when the publisher is not an EU corporate body, which
    rcmkg's publisher is not; nothing else is even a warning."""
    for g in (rdflib.Graph().parse(site / "void.ttl", format="turtle"), served[0]):
        warnings = [line for severity, line in dcat_ap_report(g) if severity != SH.Violation]
        assert len(warnings) == 1 and f" {DCTERMS.publisher} " in warnings[0], warnings


def _one_distribution(g: rdflib.Graph) -> rdflib.term.Node:
    dist = next(d for d in g.subjects(RDF.type, DCAT.Distribution) if (d, DCTERMS.format, None) in g)
    return dist


def _replace(g: rdflib.Graph, s: rdflib.term.Node, p: rdflib.URIRef, o: rdflib.term.Node, cls: rdflib.URIRef | None) -> None:
    g.remove((s, p, None))
    g.add((s, p, o))
    if cls is not None:
        g.add((o, RDF.type, cls))


@pytest.mark.parametrize(("prop", "value", "cls", "path"), [
    # a file type the EU table does not have (its Turtle is RDF_TURTLE), typed as DCAT-AP wants
    (DCTERMS.format, rdflib.URIRef(FILE_TYPE + "TURTLE"), DCTERMS.MediaTypeOrExtent, DCTERMS.format),
    # a format that is no file type at all
    (DCTERMS.format, rdflib.URIRef("https://www.w3.org/TR/turtle/"), DCTERMS.MediaTypeOrExtent, DCTERMS.format),
    # the media type as a literal (what the description held before issue 12)
    (DCAT.mediaType, rdflib.Literal("text/turtle"), None, DCAT.mediaType),
    # a language outside the EU table (ISO 639-1 code in the table's namespace)
    (DCTERMS.language, rdflib.URIRef(LANGUAGE + "ES"), DCTERMS.LinguisticSystem, DCTERMS.language),
], ids=["unknown-file-type", "not-a-file-type", "media-type-literal", "unknown-language"])
def test_a_value_outside_the_vocabularies_is_a_violation(site, prop, value, cls, path):
    g = rdflib.Graph().parse(site / "void.ttl", format="turtle")
    subject = rdflib.URIRef(BASE + "id/dataset") if prop == DCTERMS.language else _one_distribution(g)
    assert (subject, prop, None) in g
    _replace(g, subject, prop, value, cls)
    violations = dcat_ap_violations(g)
    assert violations and all(line.startswith(f"{subject} {path} {value}") for line in violations), violations


def test_a_real_neighbour_concept_passes(site):
    """The other side of the failing cases: another concept of the tables (CSV, French) passes, so
    a violation above is about the value, not about any change."""
    g = rdflib.Graph().parse(site / "void.ttl", format="turtle")
    _replace(g, _one_distribution(g), DCTERMS.format, rdflib.URIRef(FILE_TYPE + "CSV"), DCTERMS.MediaTypeOrExtent)
    g.add((rdflib.URIRef(BASE + "id/dataset"), DCTERMS.language, rdflib.URIRef(LANGUAGE + "FRA")))
    g.add((rdflib.URIRef(LANGUAGE + "FRA"), RDF.type, DCTERMS.LinguisticSystem))
    assert dcat_ap_violations(g) == []


def test_a_licence_type_outside_the_adms_types_is_a_violation(site):
    g = rdflib.Graph().parse(site / "void.ttl", format="turtle")
    lic = g.value(rdflib.URIRef(BASE + "id/dataset"), DCTERMS.license)
    assert g.value(lic, DCTERMS.type) == rdflib.URIRef("http://purl.org/adms/licencetype/Attribution")
    free = rdflib.URIRef("http://purl.org/adms/licencetype/Free")
    _replace(g, lic, DCTERMS.type, free, SKOS.Concept)
    g.add((free, SKOS.prefLabel, rdflib.Literal("Free", lang="en")))
    violations = dcat_ap_violations(g)
    assert len(violations) == 1 and violations[0].startswith(f"{lic} {DCTERMS.type} "), violations


def test_controlled_vocabularies(site):
    g = rdflib.Graph().parse(site / "void.ttl", format="turtle")
    dists = list(g.subjects(RDF.type, DCAT.Distribution))
    assert len(dists) >= 4
    formats = [f for d in dists for f in g.objects(d, DCTERMS.format)]
    assert formats and all(str(f).startswith(FILE_TYPE) for f in formats), formats
    types = [m for d in dists for m in g.objects(d, DCAT.mediaType)]
    assert types and all(str(m).startswith(IANA) and (m, RDF.type, DCTERMS.MediaType) in g for m in types), types
    langs = list(g.objects(None, DCTERMS.language))
    assert langs and all(str(x).startswith(LANGUAGE) for x in langs)
    lic = list(g.objects(None, DCTERMS.license))
    assert lic and all((x, RDF.type, DCTERMS.LicenseDocument) in g for x in lic)


@pytest.mark.slow
def test_the_same_store_gives_the_same_description(ttl, tmp_path):
    """Byte for byte: the class partitions (blank nodes) are named after their class."""
    from rcmkg.publish.void import DatasetInfo, describe_dataset
    from rcmkg.store.local import LocalStore

    path = disk_store(ttl, tmp_path / "store")
    info = DatasetInfo("https://example.org/rcmkg/", sparql_endpoint="https://example.org/sparql",
                       issued=dt.date(2026, 1, 1))
    with LocalStore(path, base=BASE, read_only=True) as local:
        runs = [[str(t) for t in describe_dataset(local.ox, BASE, info)] for _ in range(2)]
    assert sum(" <http://rdfs.org/ns/void#classPartition> _:" in t for t in runs[0]) >= 10
    assert runs[0] == runs[1]


def test_entities_are_within_the_uri_space(site):
    """void:entities counts the typed IRIs within void:uriSpace in the published dump, no more."""
    g = rdflib.Graph().parse(site / "void.ttl", format="turtle")
    ds = rdflib.URIRef(BASE + "id/dataset")
    space = str(g.value(ds, VOID.uriSpace))
    dump = rdflib.Graph().parse(site / "dumps" / "rcmkg.ttl", format="turtle")
    typed = {s for s in dump.subjects(RDF.type, None) if isinstance(s, rdflib.URIRef)}
    within = {s for s in typed if str(s).startswith(space)}
    assert within and len(within) < len(typed)  # the ontology's and vocabularies' terms lie outside
    assert int(g.value(ds, VOID.entities)) == len(within)


def test_served_dataset_is_what_the_endpoint_answers_over(served):
    g, n = served
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    svc = next(g.subjects(RDF.type, DCAT.DataService))
    default = g.value(g.value(svc, sd.defaultDataset), sd.defaultGraph)
    assert int(g.value(default, VOID.triples)) == int(n)
    # the published dataset is part of it, and says so with a smaller count
    assert int(g.value(g.value(svc, DCAT.servesDataset), VOID.triples)) <= int(n)
