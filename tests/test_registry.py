"""The curated registry (data/registry/*.ttl): well-formed SKOS/ORG data, unambiguous labels, and
labels that find what the sample reports name (checked against ../shared/gold when it is there).

The linker matches skos:prefLabel, skos:altLabel, skos:hiddenLabel (and skos:notation, schema:name)
accent- and case-insensitively, longest label first; so two resources of one kind sharing a label would
make a name ambiguous. The only labels shared on purpose are across kinds (see SHARED_BY_DESIGN).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, SKOS, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from rcmkg.namespaces import DOCTYPES, ORGTYPES, voc
from rcmkg.namespaces import ORG as ORG_NS
from rcmkg.namespaces import RCM as RCM_NS
from rcmkg.namespaces import SCHEMA as SCHEMA_NS
from rcmkg.registry import Entry, Match, Registry, fold

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT / "data" / "registry"
FILES = tuple(sorted(REGISTRY.glob("*.ttl")))
GOLD = ROOT.parent / "shared" / "gold"
BASE = "https://w3id.org/rcmkg/id/"

RCM = Namespace(RCM_NS)
SCHEMA = Namespace(SCHEMA_NS)
ORG = Namespace(ORG_NS)

WIKIDATA = re.compile(r"^http://www\.wikidata\.org/entity/Q[1-9][0-9]*$")
EU_COUNTRY = re.compile(r"^http://publications\.europa\.eu/resource/authority/country/[A-Z]{3}$")

KINDS = {
    RCM.Country: "country",
    RCM.Organisation: "org",
    RCM.CollectiveActor: "collective",
    RCM.TrackedItem: "track",
    RCM.Document: "doc",
    SCHEMA.Place: "place",
}
LABELS = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)

TRACKS = {
    "work-plan-migrant-smuggling", "repatriation-protocol", "legislation-matrices",
    "smuggling-protocol-indicators", "regional-coalition", "civil-society-participation",
    "migrant-women-guidelines", "rcm-glossary", "vulnerable-migrants-guidelines", "country-progress-reports",
    # documents other RCM bodies follow (the RCGM, the Vice-Ministers, the consular protection network)
    "child-repatriation-protocol", "consular-protection-guidelines",
}
MEMBERS = {"BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US"}
# English names the scorer and the gold standard use for the organisations they know.
CANONICAL = {
    "iom": "International Organization for Migration",
    "rcm": "Regional Conference on Migration",
    "rcm-rcgm": "Regional Consultation Group on Migration",
    "rcm-ts": "Technical Secretariat",
    "rcm-lon-smtp": "Liaison Officer Network to Combat Migrant Smuggling and Trafficking in Persons",
    "rncom": "Regional Network of Civil Society Organizations for Migration",
    "regional-coalition": "Regional Coalition against Trafficking in Persons and Migrant Smuggling",
    "sica": "Central American Integration System",
    "unodc": "United Nations Office on Drugs and Crime",
    "save-the-children": "Save the Children",
}
# Gold surface forms the registry leaves to the converter's rules on purpose: anaphora and bare
# common nouns that would over-match in other reports.
LEFT_TO_RULES = {"network", "the plan", "concept note", "action plan", "toolkit",
                 "countries", "interested countries", "delegations"}


@cache
def graph() -> rdflib.Graph:
    g = rdflib.Graph()
    for path in FILES:
        g.parse(path, format="turtle")
    return g


@cache
def resources() -> dict[URIRef, str]:
    out = {}
    for cls, kind in KINDS.items():
        for s in graph().subjects(RDF.type, cls):
            out[s] = kind
    return out


def of_kind(kind: str) -> list[URIRef]:
    return sorted(s for s, k in resources().items() if k == kind)


def slug(node: URIRef) -> str:
    return str(node).rsplit("/", 1)[-1]


def norm(text: str) -> str:
    return " ".join(fold(text).split())


def match_labels(node: URIRef) -> set[str]:
    """Everything the linker matches for a resource, normalised."""
    g = graph()
    values = [o for p in (*LABELS, SKOS.notation, SCHEMA.name) for o in g.objects(node, p)]
    return {norm(str(v)) for v in values}


@cache
def registry() -> Registry:
    return Registry.load(files=FILES)


def tracks_of(entry) -> set[str]:
    if entry.kind == "track":
        return {entry.slug}
    return {t.rsplit("/", 1)[-1] for t in registry().tracks_of(entry)}


def gold_reports() -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted(GOLD.glob("0*.json"))]


needs_gold = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/gold is not beside the checkout")


# ---- files and IRIs ---------------------------------------------------------------------------------


def test_registry_files_parse():
    names = {p.name for p in FILES}
    assert names == {"countries.ttl", "organisations.ttl", "collectives.ttl", "tracks.ttl", "documents.ttl", "places.ttl",
                     "roles.ttl"}
    for path in FILES:
        g = rdflib.Graph()
        g.parse(path, format="turtle")
        assert len(g) > 0, path.name
        assert f"@base <{BASE}> ." in path.read_text(encoding="utf-8"), path.name


def test_things_live_under_the_default_base():
    subjects = set(graph().subjects())
    assert subjects and resources(), "the registry names nothing"
    for s in subjects:
        assert isinstance(s, URIRef) and str(s).startswith(BASE), s
    for s, kind in resources().items():
        tail = str(s)[len(BASE):]
        assert re.fullmatch(r"[a-z0-9/-]+|country/[A-Z]{2}", tail), s
        assert tail.split("/")[0] == {"doc": "doc", "org": "org", "country": "country", "collective": "collective",
                                      "track": "track", "place": "place"}[kind], s
        assert len(slug(s)) <= 60, s


# ---- labels -----------------------------------------------------------------------------------------


def test_one_pref_label_per_language_and_an_english_one():
    g = graph()
    nodes = [*resources(), *g.subjects(RDF.type, SKOS.ConceptScheme)]
    assert nodes
    for node in nodes:
        prefs = list(g.objects(node, SKOS.prefLabel))
        langs = [p.language for p in prefs]
        assert "en" in langs, node
        assert len(langs) == len(set(langs)), (node, langs)
        for p in LABELS:
            for o in g.objects(node, p):
                assert isinstance(o, Literal) and o.language in {"en", "es"}, (node, p, o)
                assert str(o).strip() == str(o) and "  " not in str(o), (node, o)


def test_pref_alt_hidden_labels_are_disjoint():
    g = graph()
    assert resources()
    for node in resources():
        pref = {(str(o), o.language) for o in g.objects(node, SKOS.prefLabel)}
        alt = {(str(o), o.language) for o in g.objects(node, SKOS.altLabel)}
        hidden = {(str(o), o.language) for o in g.objects(node, SKOS.hiddenLabel)}
        assert not pref & alt, (node, pref & alt)
        assert not pref & hidden, (node, pref & hidden)
        assert not alt & hidden, (node, alt & hidden)
        # The linker folds case and accents: a hidden label that only differs so adds nothing.
        shown = {norm(v) for v, _ in pref | alt}
        assert not {norm(v) for v, _ in hidden} & shown, node


def test_no_two_resources_of_a_kind_share_a_label():
    by_label: dict[tuple[str, str], set[URIRef]] = defaultdict(set)
    for node, kind in resources().items():
        for label in match_labels(node):
            by_label[(kind, label)].add(node)
    clashes = {k: sorted(v) for k, v in by_label.items() if len(v) > 1}
    assert clashes == {}


def shared_by_design(a: URIRef, b: URIRef) -> bool:
    """A document and the track it is on; a country and a place in it (capital named like the country)."""
    g = graph()
    ka, kb = resources()[a], resources()[b]
    if {ka, kb} == {"doc", "track"}:
        doc, track = (a, b) if ka == "doc" else (b, a)
        return (doc, DCTERMS.subject, track) in g
    if {ka, kb} == {"country", "place"}:
        country, place = (a, b) if ka == "country" else (b, a)
        return (place, SCHEMA.containedInPlace, country) in g
    return False


def test_labels_shared_across_kinds_only_by_design():
    by_label: dict[str, set[URIRef]] = defaultdict(set)
    for node in resources():
        for label in match_labels(node):
            by_label[label].add(node)
    bad = []
    for label, nodes in by_label.items():
        nodes = sorted(nodes)
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 :]:
                if resources()[a] != resources()[b] and not shared_by_design(a, b):
                    bad.append((label, a, b))
    assert bad == []


def test_at_most_one_notation():
    # The meetings and organisations queries bind skos:notation: a second one would duplicate rows.
    assert resources()
    for node in resources():
        assert len(list(graph().objects(node, SKOS.notation))) <= 1, node


# ---- countries --------------------------------------------------------------------------------------


def test_countries():
    g = graph()
    countries = of_kind("country")
    assert MEMBERS <= {slug(c) for c in countries}
    for c in countries:
        notation = [str(n) for n in g.objects(c, SKOS.notation)]
        assert notation == [slug(c)] and re.fullmatch(r"[A-Z]{2}", slug(c)), c
        same = [str(o) for o in g.objects(c, OWL.sameAs)]
        assert len(same) == 1 and WIKIDATA.match(same[0]), c
        eu = [str(o) for o in g.objects(c, SKOS.exactMatch)]
        assert len(eu) == 1 and EU_COUNTRY.match(eu[0]), c
        assert {p.language for p in g.objects(c, SKOS.prefLabel)} == {"en", "es"}, c


def test_rcm_membership():
    g = graph()
    rcm = URIRef(BASE + "org/rcm")
    members = set()
    for m in g.subjects(RDF.type, ORG.Membership):
        assert (m, ORG.organization, rcm) in g
        assert (m, ORG.role, URIRef("https://w3id.org/rcmkg/voc/role/member")) in g
        (country,) = list(g.objects(m, ORG.member))
        assert (country, ORG.hasMembership, m) in g
        assert str(m) == f"{BASE}membership/rcm/{slug(country)}"
        members.add(slug(country))
    assert members == MEMBERS


# ---- organisations, collectives ----------------------------------------------------------------------


def test_organisations():
    g = graph()
    orgtypes = {URIRef(voc("orgtype", t)) for t in ORGTYPES}
    orgs = {slug(o): o for o in of_kind("org")}
    for name, english in CANONICAL.items():
        assert name in orgs, name
        assert {str(p) for p in g.objects(orgs[name], SKOS.prefLabel) if p.language == "en"} == {english}
    for o in orgs.values():
        classes = list(g.objects(o, ORG.classification))
        assert len(classes) == 1 and classes[0] in orgtypes, o
        for p in (ORG.subOrganizationOf, ORG.unitOf):
            for parent in g.objects(o, p):
                assert resources().get(parent) == "org", (o, parent)
        for t in g.objects(o, DCTERMS.subject):
            assert resources().get(t) == "track", (o, t)
    assert (orgs["rcm-ts"], ORG.unitOf, orgs["rcm"]) in g
    assert (orgs["rcm-rcgm"], ORG.subOrganizationOf, orgs["rcm"]) in g
    assert (orgs["rcm-lon-smtp"], ORG.subOrganizationOf, orgs["rcm-rcgm"]) in g


def test_wikidata_links():
    seen: dict[str, URIRef] = {}
    links = list(graph().subject_objects(OWL.sameAs))
    assert links, "no Wikidata links"
    for s, o in links:
        assert WIKIDATA.match(str(o)), (s, o)
        assert str(o) not in seen, (s, seen.get(str(o)))
        seen[str(o)] = s
    assert resources()
    for s in resources():
        assert len(list(graph().objects(s, OWL.sameAs))) <= 1, s


def test_collective():
    (c,) = of_kind("collective")
    assert slug(c) == "rcm-member-countries"
    assert {"rcm member countries", "member countries"} <= match_labels(c)


# ---- tracks and documents -----------------------------------------------------------------------------


def test_tracks():
    g = graph()
    scheme = URIRef(BASE + "scheme/tracks")
    tracks = {slug(t): t for t in of_kind("track")}
    assert set(tracks) == TRACKS
    if GOLD.is_dir():
        # every track of the samples' gold is in the registry (the registry also has other bodies' tracks)
        assert set(json.loads((GOLD / "tracks.json").read_text())) <= set(tracks)
    for name, t in tracks.items():
        assert (t, RDF.type, SKOS.Concept) in g
        assert (t, SKOS.inScheme, scheme) in g and (t, SKOS.topConceptOf, scheme) in g
        assert (scheme, SKOS.hasTopConcept, t) in g
        assert [str(n) for n in g.objects(t, SKOS.notation)] == [name]
        assert {p.language for p in g.objects(t, SKOS.prefLabel)} == {"en", "es"}, t
        assert list(g.objects(t, SKOS.definition)), t
        for doc in g.objects(t, RCM.primaryDocument):
            assert resources().get(doc) == "doc", (t, doc)
            assert (doc, DCTERMS.subject, t) in g, (t, doc)
            # The track answers to every name of its document.
            assert match_labels(doc) - {norm(str(d)) for d in g.objects(doc, SKOS.notation)} <= match_labels(t), t


def test_documents():
    g = graph()
    doctypes = {URIRef(voc("doctype", t)) for t in DOCTYPES}
    assert of_kind("doc")
    for d in of_kind("doc"):
        types = list(g.objects(d, RCM.documentType))
        assert len(types) == 1 and types[0] in doctypes, d
        for t in g.objects(d, DCTERMS.subject):
            assert resources().get(t) == "track", (d, t)
        for c in g.objects(d, DCTERMS.creator):
            assert resources().get(c) in {"org", "country"}, (d, c)
        for p in (DCTERMS.references, DCTERMS.hasPart, DCTERMS.isPartOf):
            for o in g.objects(d, p):
                assert resources().get(o) == "doc", (d, p, o)
        assert not list(g.objects(d, OWL.sameAs)), d  # identity links are for countries and organisations


# ---- places -------------------------------------------------------------------------------------------


def test_places():
    g = graph()
    for p in of_kind("place"):
        names = list(g.objects(p, SCHEMA.name))
        assert len(names) == 1, p  # the meetings query binds it as the city
        (country,) = list(g.objects(p, SCHEMA.containedInPlace))
        assert resources().get(country) == "country", p
        assert str(p).startswith(f"{BASE}place/{slug(country).lower()}/"), p
    capitals = {"CR", "SV", "HN", "PA", "GT", "MX", "NI", "BZ", "CA", "DO", "US"}
    assert capitals <= {slug(c) for p in of_kind("place") for c in g.objects(p, SCHEMA.containedInPlace)}


# ---- linking: what the labels find --------------------------------------------------------------------


def longest(text: str, kinds: set[str]):
    found = registry().find(text, kinds)
    return max(found, key=lambda m: m.end - m.start) if found else None


@pytest.mark.parametrize(("text", "kinds", "want"), [
    ("To thank IOM and the TS", {"org"}, "iom"),
    ("Conferencia Regional sobre Migración", {"org"}, "rcm"),
    ("la Secretaría Técnica", {"org"}, "rcm-ts"),
    ("la OIM", {"org"}, "iom"),
    ("Regional Conference of Migration", {"org"}, "rcm"),
    ("Puebla Process", {"org"}, "rcm"),
    ("Save The Children", {"org"}, "save-the-children"),
    ("Países Miembros de la CRM", {"collective"}, "rcm-member-countries"),
    ("Estados Unidos Mexicanos", {"country"}, "MX"),
    ("the United States of America", {"country"}, "US"),
    ("Glossary on Migration", {"doc"}, "iom-glossary-on-migration"),
    ("the Glossary", {"doc"}, "rcm-glossary"),
    ("Guide note regarding the Regional Protocol for the Repatriation of Victims of Trafficking in Persons",
     {"doc"}, "repatriation-protocol-guide-note"),
    ("Compliance Indicators of the Protocol to Prevent Migrant Smuggling by Land, Sea and Air",
     {"doc"}, "smuggling-protocol-compliance-indicators"),
    ("Panama City, Panama", {"place", "country"}, "panama-city"),
])
def test_names_link(text, kinds, want):
    m = longest(text, kinds)
    assert m is not None and m.entry.slug == want, (text, m)


@pytest.mark.parametrize(("text", "kinds", "unwanted"), [
    # generic phrases that must not reach a tracked item or document
    ("include civil society organizations in the processes of implementation of work plans", {"doc", "track"}, None),
    ("the Plan will be incorporated into the document as an annex", {"doc", "track"}, None),
    ("IOM to take into consideration in its concept note", {"doc", "track"}, None),
    ("the most important aspect of the action plan", {"doc", "track"}, None),
    ("a toolkit on the topic", {"doc", "track"}, None),
    # the Network only by name, never by the bare word
    ("since last meeting of this network", {"org"}, None),
    ("a Workshop for each RCM Liaison Officer Network in 2018", {"org"}, "rcm-lon-smtp"),
])
def test_generic_phrases_do_not_link(text, kinds, unwanted):
    found = registry().find(text, kinds)
    if unwanted is None:
        assert found == [], found
    else:
        assert unwanted not in {m.entry.slug for m in found}


def test_spanish_dateline_names_the_capital():
    # "Panamá, Panamá": the linker returns the country for both, the city answers to its own name.
    found = registry().find("Panamá, Panamá", {"country", "place"})
    assert [m.entry.slug for m in found] == ["PA", "PA"]
    city = registry().get(BASE + "place/pa/panama-city")
    assert "Panamá" in city.labels


@needs_gold
def test_gold_organisation_names_link_to_the_canonical_organisation():
    missing = []
    for g in gold_reports():
        for canonical, forms in g["organisation_mentions"].items():
            for form in forms:
                if norm(form) in LEFT_TO_RULES:
                    continue
                m = longest(form, {"org"})
                if m is None or m.entry.label("en") != canonical:
                    missing.append((g["source"], canonical, form, m and m.entry.slug))
    assert missing == []


@needs_gold
def test_gold_collective_names_link_to_the_member_countries():
    forms = [(g["source"], form) for g in gold_reports()
             for form in g["collective_actor_mentions"].get("RCM Member Countries", [])
             if norm(form) not in LEFT_TO_RULES]
    assert forms, "the gold names the member countries nowhere"
    for source, form in forms:
        m = longest(form, {"collective"})
        assert m is not None and m.entry.slug == "rcm-member-countries", (source, form)


@needs_gold
def test_gold_document_names_link_to_their_track():
    bad = []
    for g in gold_reports():
        for d in g["documents"]:
            for form in [*d["mentions"], *(d.get("mentions_in_annex") or [])]:
                if norm(form) in LEFT_TO_RULES or norm(form).startswith(("a ", "this ", "the ")):
                    continue
                # a document named through its issuer still reaches the track (001: the Coalition's report)
                m = longest(form, {"doc", "track", "org"})
                # the document the form names first: by one of its names, or described by head noun
                # and qualifiers as the converter reads it (in the sentence it stands in, which may
                # say more: "the indicators developed by IOM, which ... the Palermo Protocols")
                said = " ".join((ROOT / "data" / "reports" / g["source"]).read_text(encoding="utf-8").split())
                at = said.find(" ".join(form.split()))
                context = said[at : said.find(".", at) + 1 or None] if at >= 0 else form
                named = [(x.start, x.entry) for x in registry().find(context, {"doc", "track"})]
                described = head_noun_documents(context)
                first = sorted(named + described, key=lambda c: c[0])
                if first:
                    m = Match(0, len(form), first[0][1], form)
                if d["tracked_item"]:
                    if m is None or d["tracked_item"] not in tracks_of(m.entry):
                        bad.append((g["source"], d["title"], form, m and m.entry.slug))
                elif m is not None and tracks_of(m.entry):
                    bad.append((g["source"], d["title"], form, m.entry.slug))
    assert bad == []


def head_noun_documents(text: str) -> list[tuple[int, Entry]]:
    """The registry documents a text describes by head noun and qualifiers (the converter's rule)."""
    from rcmkg.converters.extract import HEAD_NOUN, Extractor
    from rcmkg.iris import Iris

    x = Extractor(registry(), Iris())
    out = []
    for hm in HEAD_NOUN.finditer(text):
        end = text.find(".", hm.end())
        found = x._by_head_noun(text, hm.start(), hm.end(), end if end >= 0 else len(text))
        if found is not None:
            out.append((hm.start(), found))
    return out


def label_tracks(text: str) -> set[str]:
    """The tracks an item's names lead to: tracks named, documents named (by a name, or by head noun
    and qualifiers as the converter reads them), bodies named."""
    out: set[str] = set()
    for sentence in re.split(r"(?<=[.;])\s+", text):
        for _, head in head_noun_documents(sentence):
            out |= tracks_of(head)
    for m in registry().find(text, {"track", "doc", "org", "country", "collective", "place"}):
        out |= tracks_of(m.entry)
    for m in registry().find(text, {"org", "country", "collective", "place"}):
        out |= tracks_of(m.entry)
    return out


@needs_gold
def test_labels_never_put_an_item_on_a_track_the_gold_does_not():
    wrong = []
    for g in gold_reports():
        for it in g["items"]:
            extra = label_tracks(it["text"]) - set(it.get("tracked_items") or [])
            if extra:
                wrong.append((g["source"], it["position"], sorted(extra)))
    assert wrong == []


@needs_gold
def test_labels_find_every_track_of_a_report_but_the_rule_based_one():
    reports = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "reports").glob("*.txt"))}
    tracks = json.loads((GOLD / "tracks.json").read_text())
    assert reports
    for source, text in reports.items():
        want = {t for t, entries in tracks.items() for e in entries if e["source"] == source}
        # country progress reports are found by rule ("thank the delegations of ... for their reports")
        assert label_tracks(text) == want - {"country-progress-reports"}, source
