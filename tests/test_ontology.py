"""The ontology (ontology/rcm.ttl) and the vocabularies (ontology/vocabularies.ttl).

- Both parse (rdflib and the stricter pyoxigraph parser).
- The graph contract is covered: every rcm: and vocabulary term of docs/MODEL.md, and every rcm: term
  the converter writes for the sample reports, is declared.
- Every term has an English and a Spanish label and definition; the metadata is there.
- An OWL 2 RL closure (owlrl) of ontology + vocabularies + instance data is consistent (no owlrl error,
  no owl:Nothing member, no sameAs/differentFrom clash) and infers no surprising rcm: type: what domains
  and ranges add to the data stays within what the data asserts (plus rcm: superclasses).
- The vocabularies match rcmkg/namespaces.py: the same slugs, ranks for the stages, SKOS well-formed.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from rcmkg.namespaces import (
    ACTIONS,
    ACTS,
    COMMITMENT_KINDS,
    DOCTYPES,
    FULFILMENT,
    LACKS,
    MEETING_KINDS,
    MODALITIES,
    ORGTYPES,
    PREFIXES,
    REPORT_KINDS,
    ROLES,
    STAGES,
    VOC,
)

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "rcm.ttl"
VOCABULARIES = ROOT / "ontology" / "vocabularies.ttl"
MODEL = ROOT / "docs" / "MODEL.md"
VALID = Path(__file__).resolve().parent / "shapes" / "valid.ttl"

RCM = Namespace("https://w3id.org/rcmkg/ont#")
PROV = Namespace("http://www.w3.org/ns/prov#")
ERR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")
ONT_IRI = URIRef("https://w3id.org/rcmkg/ont")
SCHEMES = {
    "act": ACTS,
    "stage": tuple(s for s, _ in STAGES),
    "modality": MODALITIES,
    "commitment-kind": COMMITMENT_KINDS,
    "meeting-kind": MEETING_KINDS,
    "report-kind": REPORT_KINDS,
    "lack": LACKS,
    "action": ACTIONS,
    "doctype": DOCTYPES,
    "orgtype": ORGTYPES,
    "role": ROLES,
    "fulfilment": FULFILMENT,
}
TERM = re.compile(r"(?<![\w/<#])(rcm|act|stage|modality|doctype|orgtype|ckind|action|mkind):([A-Za-z][\w-]*)")


@cache
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY, format="turtle")


@cache
def vocabularies() -> rdflib.Graph:
    return rdflib.Graph().parse(VOCABULARIES, format="turtle")


def declared_terms() -> set[URIRef]:
    g = ontology()
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return {
        s for k in kinds for s in g.subjects(RDF.type, k) if isinstance(s, URIRef) and s.startswith(str(RCM))
    }


def classes() -> set[URIRef]:
    return {s for s in declared_terms() if (s, RDF.type, OWL.Class) in ontology()}


def properties() -> set[URIRef]:
    return declared_terms() - classes()


# ---- parsing and metadata ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [ONTOLOGY, VOCABULARIES], ids=lambda p: p.name)
def test_parses_with_rdflib_and_pyoxigraph(path: Path) -> None:
    import pyoxigraph as ox

    assert len(rdflib.Graph().parse(path, format="turtle")) > 100
    with path.open("rb") as fh:
        assert sum(1 for _ in ox.parse(fh, format=ox.RdfFormat.TURTLE)) > 100


def test_ontology_metadata() -> None:
    g = ontology()
    assert (ONT_IRI, RDF.type, OWL.Ontology) in g
    assert g.value(ONT_IRI, OWL.versionInfo) is not None
    for p in (DCTERMS.title, DCTERMS.description):
        assert {o.language for o in g.objects(ONT_IRI, p)} >= {"en", "es"}, p
    assert g.value(ONT_IRI, DCTERMS.license) is not None
    assert g.value(ONT_IRI, DCTERMS.creator) is not None
    assert not list(g.objects(ONT_IRI, OWL.imports)), "no owl:imports: no surprise entailments"


def test_no_equivalence_with_external_classes() -> None:
    g = ontology()
    assert not list(g.triples((None, OWL.equivalentClass, None)))
    assert not list(g.triples((None, OWL.equivalentProperty, None)))


# ---- coverage of the graph contract --------------------------------------------------------------------


def model_terms(text: str) -> set[str]:
    ns = {**PREFIXES, "ckind": VOC + "commitment-kind/", "mkind": VOC + "meeting-kind/"}
    return {ns[prefix] + local for prefix, local in TERM.findall(text)}


def test_every_term_of_the_model_is_declared() -> None:
    text = MODEL.read_text(encoding="utf-8")
    block = text[text.index("```turtle") :]
    block = block[: block.index("```", 10)]
    terms = model_terms(text)
    assert model_terms(block) <= terms and len(model_terms(block)) > 50
    declared = {str(t) for t in declared_terms()} | {
        str(s) for s in vocabularies().subjects(RDF.type, SKOS.Concept)
    }
    assert sorted(terms - declared) == []


def test_terms_the_brief_lists_are_declared() -> None:
    names = """
        Meeting Event Delegation Agreement Organisation Commitment Document Report SourceFile SourceText
        StageEvent Country CollectiveActor TrackedItem reportOf sourceFile sourceText dateText
        alsoReportedPlace meetingKind reportsTo heldPriorTo hasAgreement mentions represents atMeeting
        agreedAt position printedNumber number act text addressee concerns hasCommitment madeIn
        commitmentKind requestedBy committedBy coActor actionType action recipient object dueText dueDate
        dueDerived dueInterval condition optional ofTrack ofDocument reportedAt reportedIn stage modality
        eventDate eventInterval actor viaCommitment stageRank sha256 byteCount charCount unreconciled
        primaryDocument documentType fulfilledBy"""
    assert sorted(n for n in names.split() if RCM[n] not in declared_terms()) == []


@pytest.fixture(scope="module")
def converted_graph(converted: Path) -> rdflib.Graph:
    """The session's converted sample reports in one graph."""
    g = rdflib.Graph()
    for f in sorted(converted.glob("*.ttl")):
        g.parse(f, format="turtle")
    assert len(g) > 1000
    return g


def test_every_rcm_term_the_converter_writes_is_declared(converted_graph: rdflib.Graph) -> None:
    used = {p for p in converted_graph.predicates() if str(p).startswith(str(RCM))}
    used |= {o for o in converted_graph.objects(None, RDF.type) if str(o).startswith(str(RCM))}
    assert used and sorted(used - declared_terms()) == []
    concepts = set(vocabularies().subjects(RDF.type, SKOS.Concept))
    voc_used = {o for o in converted_graph.objects() if isinstance(o, URIRef) and str(o).startswith(VOC)}
    assert sorted(voc_used - concepts) == []


# ---- labels, definitions, declarations -----------------------------------------------------------------


@pytest.mark.parametrize("term", sorted(declared_terms()), ids=lambda t: t.split("#")[1])
def test_term_has_english_and_spanish_label_and_definition(term: URIRef) -> None:
    g = ontology()
    for p in (RDFS.label, SKOS.definition):
        langs = [o.language for o in g.objects(term, p)]
        assert sorted(langs) == ["en", "es"], (term, p, langs)
    assert (term, RDFS.isDefinedBy, ONT_IRI) in g


def test_properties_are_typed_and_ranges_sensible() -> None:
    g = ontology()
    assert properties(), "the ontology declares no properties"
    for p in properties():
        kinds = {k for k in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty) if (p, RDF.type, k) in g}
        assert len(kinds) == 1, (p, kinds)
        if OWL.AnnotationProperty in kinds:  # rcm:inverseLabel: for pages, no domain or range to check
            assert not list(g.objects(p, RDFS.range)) and not list(g.objects(p, RDFS.domain)), p
            continue
        for r in g.objects(p, RDFS.range):
            if OWL.DatatypeProperty in kinds:
                assert str(r).startswith(("http://www.w3.org/2001/XMLSchema#", str(RDF))), (p, r)
            else:
                assert (r, RDF.type, OWL.Class) in g, (p, r)
        for d in g.objects(p, RDFS.domain):
            assert (d, RDF.type, OWL.Class) in g, (p, d)


def test_every_object_property_reads_backwards_in_both_languages() -> None:
    """Pages name a property read from its object ("agreements of this meeting", never "is agreed
    at of"): every rcm object property has an inverse label in English and Spanish, or an
    owl:inverseOf whose labels serve."""
    g = ontology()
    objects = [p for p in properties() if (p, RDF.type, OWL.ObjectProperty) in g]
    assert len(objects) > 30
    missing = []
    for p in objects:
        langs = sorted(o.language for o in g.objects(p, RCM.inverseLabel))
        inverses = list(g.objects(p, OWL.inverseOf)) + list(g.subjects(OWL.inverseOf, p))
        if langs != ["en", "es"] and not any(
                sorted(o.language for o in g.objects(i, RDFS.label)) == ["en", "es"] for i in inverses):
            missing.append((p, langs))
    assert not missing, missing


@pytest.mark.parametrize(
    ("a", "b"), [("agreedAt", "hasAgreement"), ("madeIn", "hasCommitment"), ("atMeeting", "hasDelegation")]
)
def test_inverse_pairs(a: str, b: str) -> None:
    g = ontology()
    assert (RCM[b], OWL.inverseOf, RCM[a]) in g or (RCM[a], OWL.inverseOf, RCM[b]) in g
    assert (RCM[a], RDF.type, OWL.FunctionalProperty) in g


def test_alignments() -> None:
    g = ontology()
    schema, org, eli = (
        Namespace("http://schema.org/"),
        Namespace("http://www.w3.org/ns/org#"),
        Namespace("http://data.europa.eu/eli/ontology#"),
    )
    expected = [
        (RCM.Meeting, RDFS.subClassOf, schema.Event),
        (RCM.Meeting, RDFS.subClassOf, PROV.Activity),
        (RCM.Agreement, RDFS.subClassOf, PROV.Entity),
        (RCM.Commitment, RDFS.subClassOf, PROV.Plan),
        (RCM.Organisation, RDFS.subClassOf, org.Organization),
        (RCM.Organisation, RDFS.subClassOf, schema.Organization),
        (RCM.Country, RDFS.subClassOf, org.FormalOrganization),
        (RCM.Delegation, RDFS.subClassOf, org.Organization),
        (RCM.Delegation, RDFS.subClassOf, PROV.Agent),
        (RCM.Document, RDFS.subClassOf, eli.Work),
        (RCM.Document, RDFS.subClassOf, schema.CreativeWork),
        (RCM.SourceFile, RDFS.subClassOf, eli.Manifestation),
        (RCM.StageEvent, RDFS.subClassOf, PROV.Activity),
        (RCM.TrackedItem, RDFS.subClassOf, SKOS.Concept),
        (RCM.agreedAt, RDFS.subPropertyOf, PROV.wasGeneratedBy),
        (RCM.committedBy, RDFS.subPropertyOf, PROV.wasAttributedTo),
        (RCM.represents, RDFS.subPropertyOf, PROV.actedOnBehalfOf),
        (RCM.concerns, RDFS.subPropertyOf, DCTERMS.references),
        (RCM.documentType, RDFS.subPropertyOf, eli.work_type),
        (RCM.hasDelegation, RDFS.subPropertyOf, schema.attendee),
    ]
    assert [t for t in expected if t not in g] == []


# ---- OWL 2 RL closure ----------------------------------------------------------------------------------


def closure(*extra: rdflib.Graph) -> tuple[rdflib.Graph, rdflib.Graph]:
    import owlrl

    asserted = rdflib.Graph()
    asserted += ontology()
    asserted += vocabularies()
    for g in extra:
        asserted += g
    # owl:sameAs to Wikidata is identity with things outside our data: smushing would give Wikidata
    # entities our types. Keep it out, as rcmkg.validate does for --inference owlrl.
    for s, o in list(asserted.subject_objects(OWL.sameAs)):
        if "/id/" not in str(s) or "/id/" not in str(o):
            asserted.remove((s, OWL.sameAs, o))
    closed = rdflib.Graph()
    closed += asserted
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closed)
    return asserted, closed


def rcm_types(g: rdflib.Graph, node: object) -> set[URIRef]:
    return {t for t in g.objects(node, RDF.type) if isinstance(t, URIRef) and t.startswith(str(RCM))}


def rcm_superclasses(c: URIRef) -> set[URIRef]:
    out = {c}
    for sup in ontology().objects(c, RDFS.subClassOf):
        if isinstance(sup, URIRef) and sup.startswith(str(RCM)):
            out |= rcm_superclasses(sup)
    return out


def assert_consistent(asserted: rdflib.Graph, closed: rdflib.Graph) -> None:
    errors = [str(o) for o in closed.objects(None, ERR.error)]
    assert errors == []
    assert list(closed.subjects(RDF.type, OWL.Nothing)) == []
    clashes = [(s, o) for s, o in closed.subject_objects(OWL.sameAs) if (s, OWL.differentFrom, o) in closed]
    assert clashes == []
    # Distinct things of ours are never merged (a functional property over-applied would do that).
    merged = [
        (s, o)
        for s, o in closed.subject_objects(OWL.sameAs)
        if s != o and isinstance(s, URIRef) and isinstance(o, URIRef) and "/id/" in s and "/id/" in o
    ]
    assert merged == []
    # Activities and entities stay apart (PROV-CONSTRAINTS), whatever the alignments add.
    both = set(closed.subjects(RDF.type, PROV.Activity)) & set(closed.subjects(RDF.type, PROV.Entity))
    assert both == set()
    # Domains and ranges add no rcm: type the data does not already assert (up to rcm: superclasses).
    surprising = {}
    for node in {s for s in closed.subjects() if isinstance(s, URIRef | rdflib.BNode)}:
        expected = (
            set().union(*(rcm_superclasses(c) for c in rcm_types(asserted, node)))
            if rcm_types(asserted, node)
            else set()
        )
        extra = rcm_types(closed, node) - expected
        if extra:
            surprising[str(node)] = sorted(extra)
    assert surprising == {}


def test_closure_of_ontology_and_vocabularies_is_consistent() -> None:
    assert_consistent(*closure())


def test_closure_with_the_valid_report_graph_is_consistent() -> None:
    assert_consistent(*closure(rdflib.Graph().parse(VALID, format="turtle")))


def test_closure_with_a_converted_report_and_the_registry_is_consistent(
    converted_graph: rdflib.Graph,
) -> None:
    from rcmkg.resources import resource_files

    registry = rdflib.Graph()
    for f in resource_files("registry"):
        registry.parse(f, format="turtle")
    assert_consistent(*closure(converted_graph, registry))


def test_closure_detects_a_clash() -> None:
    # The test above can fail: a node typed meeting and agreement is reported by owlrl.
    bad = rdflib.Graph()
    node = URIRef("https://w3id.org/rcmkg/id/meeting/x/2018-07-19/item/1")
    bad.add((node, RDF.type, RCM.Agreement))
    bad.add((node, RCM.agreedAt, URIRef("https://w3id.org/rcmkg/id/meeting/x/2018-07-19")))
    bad.add((node, RDF.type, RCM.Meeting))
    with pytest.raises(AssertionError):
        assert_consistent(*closure(bad))


def test_closure_infers_the_aligned_types() -> None:
    g = rdflib.Graph().parse(VALID, format="turtle")
    _, closed = closure(g)
    meeting = URIRef("https://w3id.org/rcmkg/id/meeting/rcm-lon-smtp/2018-07-19")
    item = URIRef(str(meeting) + "/item/5")
    assert (meeting, RDF.type, PROV.Activity) in closed
    assert (item, PROV.wasGeneratedBy, meeting) in closed
    assert (meeting, URIRef("http://schema.org/attendee"), URIRef(str(meeting) + "/delegation/CA")) in closed


# ---- vocabularies --------------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_scheme_has_exactly_the_slugs_of_namespaces(scheme: str) -> None:
    g = vocabularies()
    iri = URIRef(VOC + scheme)
    assert (iri, RDF.type, SKOS.ConceptScheme) in g
    members = {str(c) for c in g.subjects(SKOS.inScheme, iri)}
    assert members == {f"{VOC}{scheme}/{slug}" for slug in SCHEMES[scheme]}
    assert {str(c) for c in g.objects(iri, SKOS.hasTopConcept)} == members
    assert {str(c) for c in g.subjects(SKOS.topConceptOf, iri)} == members
    assert sorted(o.language for o in g.objects(iri, SKOS.prefLabel)) == ["en", "es"]


@pytest.mark.parametrize(
    "concept", sorted(vocabularies().subjects(RDF.type, SKOS.Concept)), ids=lambda c: c[len(VOC) :]
)
def test_concept_is_well_formed(concept: URIRef) -> None:
    g = vocabularies()
    pref = list(g.objects(concept, SKOS.prefLabel))
    assert sorted(p.language for p in pref) == ["en", "es"], pref
    assert sorted(d.language for d in g.objects(concept, SKOS.definition)) == ["en", "es"]
    assert g.value(concept, SKOS.notation) == Literal(concept.rsplit("/", 1)[1])
    alt = set(g.objects(concept, SKOS.altLabel)) | set(g.objects(concept, SKOS.hiddenLabel))
    assert not alt & set(pref)


def test_stage_ranks() -> None:
    g = vocabularies()
    ranks = {str(s).rsplit("/", 1)[1]: o.toPython() for s, o in g.subject_objects(RCM.stageRank)}
    assert ranks == dict(STAGES)
    for s, _ in STAGES:
        rank = g.value(URIRef(f"{VOC}stage/{s}"), RCM.stageRank)
        assert rank.datatype == URIRef("http://www.w3.org/2001/XMLSchema#integer")
    assert {s for s, r in ranks.items() if r == 0} == {"deferred", "withdrawn", "superseded"}


def test_stage_close_matches_point_to_pso() -> None:
    g = vocabularies()
    matches = {
        str(s).rsplit("/", 1)[1]: str(o)
        for s, o in g.subject_objects(SKOS.closeMatch)
        if str(s).startswith(VOC + "stage/")
    }
    assert matches["drafted"] == "http://purl.org/spar/pso/draft"
    assert matches["circulated-for-review"] == "http://purl.org/spar/pso/under-review"
