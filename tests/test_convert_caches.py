"""What the converter keeps between reports (issue 10, convert within 3x of the floor) changes no output.

The registry's find memo, the document signatures kept per registry, the matchers compiled before
the workers fork and the one Turtle writer per process must give exactly what a fresh computation
gives. Speed itself is measured in bench/bench_convert.py, never here.
"""

from __future__ import annotations

import re
from pathlib import Path

from builders import REPORTS

from rcmkg.converters.extract import FIND_KINDS, Extractor, prepare
from rcmkg.converters.parse import detect_language, parse
from rcmkg.converters.read import read
from rcmkg.iris import Iris
from rcmkg.namespaces import PREFIXES
from rcmkg.output import IRI, BNode, Lit, TurtleWriter, _iri_ref, turtle_writer
from rcmkg.pipeline import convert_file
from rcmkg.registry import KINDS, Registry
from rcmkg.resources import resource_files
from rcmkg.settings import DEFAULT_BASE, Settings

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted(REPORTS.glob("*.txt")) + sorted((ROOT / "tests" / "genres").glob("*.txt"))


def fresh_registry() -> Registry:
    """A registry of its own (not the process-wide cached one), so what it compiled can be seen."""
    return Registry._parse(DEFAULT_BASE, tuple(resource_files("registry")))


def test_find_kinds_lists_every_kind_set_the_converters_ask_for():
    registry = fresh_registry()
    assert TEXTS
    for path in TEXTS:
        Extractor(registry, Iris()).extract(parse(read(path), registry))
    asked = set(registry._patterns)
    listed = {frozenset(KINDS.values()) if k is None else frozenset(k) for k in FIND_KINDS}
    assert len(asked) >= 5
    # a kind set missing from FIND_KINDS is compiled in every worker instead of once before they fork
    assert asked <= listed, sorted(map(sorted, asked - listed))


def test_prepare_compiles_every_listed_matcher_and_the_signatures():
    registry = fresh_registry()
    prepare(registry, Iris())
    assert len(registry._patterns) == len({frozenset(KINDS.values()) if k is None else k for k in FIND_KINDS})
    # the signatures are the registry's: a second extractor does not build them again
    a, b = Extractor(registry, Iris())._signatures(), Extractor(registry, Iris())._signatures()
    assert a is b and len(a) > 0


def test_find_memo_answers_as_a_fresh_search():
    registry = Registry.load()
    text = read(REPORTS / sorted(p.name for p in REPORTS.glob("*.txt"))[0]).text
    n = len(text)
    spans = [(0, None), (0, n // 3), (n // 3, 2 * n // 3), (n // 2, n), (17, 4000), (0, 0)]
    kind_sets = [k for k in FIND_KINDS if k is not None] + [None]
    total = 0
    for kinds in kind_sets:
        kset = frozenset(kinds) if kinds is not None else frozenset(KINDS.values())
        for s, e in spans:
            first = registry.find(text, kinds, s, e)
            fresh = registry._find(text, kset, s, len(text) if e is None else e)
            assert first == fresh
            first.clear()  # the caller's list is its own: the memo keeps its answer
            assert registry.find(text, kinds, s, e) == fresh
            # an equal text in another object is searched again, with the same answer
            assert registry.find("".join(list(text)), kinds, s, e) == fresh
            total += len(fresh)
    assert total > 50


def test_find_memo_does_not_mix_texts():
    registry = Registry.load()
    a, b = "To thank IOM and the TS for the report.", "Costa Rica and UNHCR will send the guide."
    ma, mb = registry.find(a), registry.find(b)
    assert [m.surface for m in ma] == ["IOM", "TS"]
    assert "UNHCR" in [m.surface for m in mb]
    assert registry.find(a) == ma and registry.find(b) == mb


def _scan_iri(w: TurtleWriter, iri: str) -> str:
    """The writer's IRI spelling as it was before the namespace look-up: a scan, longest namespace first."""
    if iri == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type":
        return "a"
    pn_local = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
    under_id = iri.startswith(w.id_base)
    for p, ns in w._ns:
        if iri.startswith(ns) and len(iri) > len(ns) and pn_local.match(iri[len(ns):]):
            return f"{p}:{iri[len(ns):]}"
    return _iri_ref(iri[len(w.id_base):] if under_id and len(iri) > len(w.id_base) else iri)


def test_namespace_lookup_spells_iris_as_the_scan_did():
    base = Settings().base
    w = TurtleWriter(base)
    assert w._by_ns is not None
    iris = [ns + local for ns in PREFIXES.values() for local in ("x", "a.b", "a.", "_1", "a/b", "", "a-b", "é")]
    iris += [base + "id/" + rest for rest in ("meeting/rcm/2017-11-27", "org/iom", "x", "", "a b", "country/CR")]
    iris += ["http://example.org/other#thing", "http://example.org/", base + "voc/act/", base + "voc/act/thanks"]
    assert len(iris) > 100
    for iri in iris:
        assert w._iri(iri) == _scan_iri(w, iri), iri
    # a namespace that does not end in "/" or "#": the scan is used, and gives the same spelling
    odd = TurtleWriter(base, {**PREFIXES, "odd": "http://example.org/odd-"})
    assert odd._by_ns is None
    assert odd._iri("http://example.org/odd-thing") == "odd:thing"
    assert odd._iri(base + "voc/act/thanks") == w._iri(base + "voc/act/thanks")


def test_one_writer_for_many_files_writes_what_fresh_writers_write():
    base = Settings().base
    graphs = []
    paths = sorted(REPORTS.glob("*.txt"))[:3]
    assert len(paths) == 3
    for path in paths:
        conv = convert_file(path, Settings())
        assert conv.triples > 100
        graphs.append(conv)
    # the turtle the pipeline wrote (with the process's shared writer) is what a fresh writer writes
    from rcmkg.pipeline import build_source

    for path, conv in zip(paths, graphs, strict=True):
        v = build_source(read(path), Settings())
        body = TurtleWriter(base).write(v.triples)
        assert conv.turtle.endswith(body)
    shared = turtle_writer(base)
    assert shared is turtle_writer(base)
    small = TurtleWriter(base)
    small.CACHE_MAX = 3  # the memo starts again between files: same bytes
    triples = [(IRI(base + "id/m/1"), IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), IRI(PREFIXES["rcm"] + "Meeting")),
               (IRI(base + "id/m/1"), IRI(PREFIXES["rcm"] + "x"), Lit("a\n\"b\"", lang="es")),
               (IRI(base + "id/m/1"), IRI(PREFIXES["rcm"] + "x"), Lit("7", datatype=PREFIXES["xsd"] + "integer")),
               (IRI(base + "id/m/1"), IRI(PREFIXES["rcm"] + "x"), BNode("b1")),
               (BNode("b1"), IRI(PREFIXES["rcm"] + "y"), Lit("x", datatype=PREFIXES["xsd"] + "string"))]
    outs = [small.write(triples[: k + 1]) for k in range(len(triples))] * 2
    assert outs[: len(triples)] == outs[len(triples):] == [TurtleWriter(base).write(triples[: k + 1]) for k in range(len(triples))]
    # IRIs, then blank nodes, then literals by (datatype, language, value)
    assert 'rcm:x _:b1, "a\\n\\"b\\""@es, 7 .' in outs[-1].replace(",\n        ", ", ")


def test_language_detection_counts_as_before():
    def before(text: str) -> str | None:
        from rcmkg.converters.parse import STOPWORDS

        words = re.findall(r"[a-záéíóúñçãõ]+", text[:20000].lower())
        counts = {lang: sum(w in sw for w in words) for lang, sw in STOPWORDS.items()}
        best = max(counts, key=lambda k: (counts[k], k == "en"))
        return best if counts[best] >= 5 else None

    texts = [read(p).text for p in TEXTS] + ["", "the of and to in", "la de los las y en del para", "le les des et du pour"]
    got = [detect_language(t) for t in texts]
    assert got == [before(t) for t in texts]
    assert {"en", "es"} <= set(got)


def test_commitment_scans_are_skipped_only_where_they_could_find_nothing():
    from rcmkg.converters.extract import _NEEDS, _sentences

    assert len(_NEEDS) >= 5
    for rx, words in _NEEDS.items():
        # a plain substring test is exact only for a case-sensitive pattern that spells the word
        assert not rx.flags & re.IGNORECASE, rx.pattern
        assert all(w in rx.pattern for w in words), rx.pattern
    matched = 0
    for path in TEXTS:
        text = read(path).text
        for ss, se in _sentences(text, 0, len(text)):
            sent = text[ss:se]
            for rx, words in _NEEDS.items():
                if rx.search(sent):
                    matched += 1
                    assert any(w in sent for w in words), (rx.pattern, sent)
    assert matched > 20
