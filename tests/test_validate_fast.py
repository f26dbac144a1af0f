"""The fast paths of ``rcmkg validate`` find exactly what pyshacl finds.

- The compiled engine (``engine="fast"``, rcmkg.shacl: the shapes as SPARQL queries over pyoxigraph)
  against pyshacl (``engine="pyshacl"``, the reference): same results, field by field, on every
  per-constraint case (``tests/shapes/*/invalid.ttl``, one broken constraint each), on the converted
  samples, and on a folder of planted errors validated in one run (the files share IRIs: each is
  still validated as if alone).
- pyshacl's own fast path (each file with only the shared triples it reaches, the shared graphs
  validated once on their own) against one pyshacl run over the file with every shared triple.
- The shipped shapes compile without falling back to pyshacl; a shape using a component the compiler
  does not handle makes it fall back, with a warning.
"""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import pytest
import rdflib

from rcmkg import shacl
from rcmkg.resources import resource_files
from rcmkg.settings import DEFAULT_BASE, Settings
from rcmkg.validate import Result, _resources, _stamp, _use_fast, _validate_unit, validate

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted((Path(__file__).resolve().parent / "shapes").glob("*/invalid.ttl"))
HEADER = re.compile(r"^#\s*without:\s*vocabularies", re.M)


@pytest.fixture(scope="module")
def res():
    return _resources(_stamp(resource_files("shapes")), _stamp(resource_files("ontology")),
                      _stamp(resource_files("registry")), DEFAULT_BASE)


def _same(r: Result) -> tuple:
    """A result as both engines must give it: blank node ids are random."""
    value = "_:" if (r.value or "").startswith("_:") else r.value
    return tuple(x or "" for x in (r.severity, r.focus_node, r.path, r.message, value, r.source_file, r.shape,
                                    r.component))


def _agree(paths: list[Path], **kw) -> int:
    fast = validate(paths, engine="fast", **kw)
    reference = validate(paths, engine="pyshacl", **kw)
    assert sorted(map(_same, fast.results)) == sorted(map(_same, reference.results)), (
        sorted(set(map(_same, fast.results)) ^ set(map(_same, reference.results)))
    )
    assert fast.triples == reference.triples and fast.conforms == reference.conforms
    return len(fast.results)


def _case_kwargs(path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict:
    if HEADER.search(path.read_text(encoding="utf-8")):
        bare = tmp_path / "ontology"
        bare.mkdir(exist_ok=True)
        shutil.copy(ROOT / "ontology" / "rcm.ttl", bare / "rcm.ttl")
        monkeypatch.setenv("RCMKG_ONTOLOGY", str(bare))
    else:
        monkeypatch.delenv("RCMKG_ONTOLOGY", raising=False)
    return {"registry": ()}


# ---- the compiled engine against pyshacl ----------------------------------------------------------------


def test_shipped_shapes_compile_without_falling_back(res) -> None:
    assert res.unsupported is None, f"the compiler refuses the shipped shapes: {res.unsupported}"
    assert res.compiled is not None and len(res.compiled.checks) > 300
    assert _use_fast(res, "fast", "none") and not _use_fast(res, "fast", "rdfs")
    assert not _use_fast(res, "pyshacl", "none")


def test_a_component_the_compiler_does_not_handle_is_refused() -> None:
    g = rdflib.Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true .
    """, format="turtle")
    with pytest.raises(shacl.Unsupported, match="sh:closed"):
        shacl.compile_shapes(g)


def test_unsupported_shapes_fall_back_to_pyshacl_with_a_warning(tmp_path: Path, monkeypatch) -> None:
    shapes = tmp_path / "shapes"
    shapes.mkdir()
    for f in sorted((ROOT / "shapes").glob("*.ttl")):
        shutil.copy(f, shapes / f.name)
    (shapes / "zz-closed.ttl").write_text("""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix schema: <http://schema.org/> .
        <https://w3id.org/rcmkg/shapes#ClosedPlace> a sh:NodeShape ; sh:targetClass schema:Place ;
            sh:closed true ; sh:ignoredProperties ( ) .
    """, encoding="utf-8")
    monkeypatch.setenv("RCMKG_SHAPES", str(shapes))
    case = CASES_BY_NAME["place-name-mincount"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = validate([case], registry=())
    assert any("validating with pyshacl" in str(w.message) for w in caught)
    assert any(r.component == "sh:ClosedConstraintComponent" for r in report.results), report.text()


CASES_BY_NAME = {p.parent.name: p for p in CASES}


@pytest.mark.slow
@pytest.mark.parametrize("case", [p.parent.name for p in CASES])
def test_every_case_gives_the_same_results_as_pyshacl(case: str, monkeypatch, tmp_path: Path) -> None:
    path = CASES_BY_NAME[case]
    assert _agree([path], **_case_kwargs(path, monkeypatch, tmp_path)) > 0


def _planted_folder(folder: Path, step: int, name: str) -> tuple[Path, list[Path]]:
    """A folder with every ``step``-th planted case that has no header of its own, named by ``name``."""
    folder.mkdir()
    picked = [p for p in CASES if not HEADER.search(p.read_text(encoding="utf-8"))][::step]
    for i, p in enumerate(picked):
        shutil.copy(p, folder / name.format(i=i, parent=p.parent.name))
    return folder, picked


def test_a_sample_of_cases_gives_the_same_results_as_pyshacl(monkeypatch, tmp_path: Path) -> None:
    # Every 30th case, in the fast suite (all of them: the slow test above).
    sample = CASES[::30]
    assert len(sample) > 10
    for path in sample:
        assert _agree([path], **_case_kwargs(path, monkeypatch, tmp_path)) > 0, path


def test_a_folder_of_planted_errors_in_one_run(tmp_path: Path) -> None:
    # The cases share their meeting, report and span IRIs: validated together in one run of the
    # queries, each file must still be checked as if alone (as pyshacl checks it), and in parallel too.
    folder, picked = _planted_folder(tmp_path / "planted", 12, "{i:03d}-{parent}.ttl")
    assert len(picked) > 20
    assert _agree([folder], registry=()) > len(picked)
    one = validate([folder], registry=(), settings=Settings(jobs=1))
    two = validate([folder], registry=(), settings=Settings(jobs=2))
    assert one.text() == two.text()


@pytest.mark.slow
def test_samples_give_the_same_results_as_pyshacl(converted: Path) -> None:
    files = sorted(converted.glob("*.ttl"))
    assert files
    _agree(files)


# ---- pyshacl's per-file path against one whole pyshacl run --------------------------------------------


def _both(path: Path, res) -> tuple[set, set]:
    graph = rdflib.Graph().parse(path, format="turtle", publicID=path.resolve().as_uri())
    fast = _validate_unit(str(path), graph, res, "none", DEFAULT_BASE)
    whole = _validate_unit(str(path), graph, res, "none", DEFAULT_BASE, whole=True)
    return set(fast), set(whole)


@pytest.mark.slow
def test_planted_errors_are_found_the_same_way(res):
    assert len(CASES) > 50
    found = 0
    for path in CASES:
        fast, whole = _both(path, res)
        assert fast == whole, (path.parent.name, sorted(fast ^ whole))
        found += bool(whole)
    assert found > 50  # the planted errors are found at all


@pytest.mark.slow
def test_samples_are_found_the_same_way(res, converted: Path):
    files = sorted(converted.glob("*.ttl"))
    assert files
    for path in files:
        fast, whole = _both(path, res)
        assert fast == whole, (path.name, sorted(fast ^ whole))


def test_cli_engine_option_gives_the_same_report() -> None:
    from click.testing import CliRunner

    from rcmkg.cli import cli

    case = str(CASES_BY_NAME["r4-iri-date-not-start-date"])
    runner = CliRunner()
    fast = runner.invoke(cli, ["validate", "--jobs", "1", case])
    reference = runner.invoke(cli, ["validate", "--engine", "pyshacl", case])
    assert fast.exit_code == reference.exit_code == 1, fast.output
    assert fast.output == reference.output and "R4" in fast.output
    bad = runner.invoke(cli, ["validate", "--engine", "nonsense", case])
    assert bad.exit_code == 2


# ---- the whole report against one plain pyshacl run over the whole graph ------------------------------


def _whole_graph_pyshacl(path: Path) -> set[tuple]:
    """One unmodified pyshacl run, every shape (SHACL Core and SHACL-SPARQL) over the file, the ontology
    and the vocabularies in one graph: no per-file split, no compiled queries, no global rewrite of the
    rules. Its results in the report's display form (the same helpers word both)."""
    import pyshacl

    from rcmkg.validate import _describe, _path, _term, _value_text

    sh = rdflib.Namespace(shacl.SH)
    # A fresh graph's prefixes (not the file's): pyshacl words its messages with the data graph's, and
    # rcmkg's reports are worded the same whatever prefixes a file declares.
    data = rdflib.Graph()
    data += rdflib.Graph().parse(path, format="turtle", publicID=path.resolve().as_uri())
    for f in resource_files("ontology"):
        data += rdflib.Graph().parse(f, format="turtle")
    shapes = rdflib.Graph()
    for f in resource_files("shapes"):
        if f.name.startswith("rcm-"):
            shapes += rdflib.Graph().parse(f, format="turtle")  # its prefixes word messages too
    owner = {ps: ns for ns, ps in shapes.subject_objects(sh.property)}
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True,
                                    allow_infos=True, advanced=True)
    out = set()
    for r in report.subjects(rdflib.RDF.type, sh.ValidationResult):
        shape = report.value(r, sh.sourceShape)
        shape = owner.get(shape, shape)
        component = _term(report.value(r, sh.sourceConstraintComponent))
        value = report.value(r, sh.value)
        sparql = component == "sh:SPARQLConstraintComponent"
        out.add((
            str(report.value(r, sh.resultSeverity))[len(shacl.SH):],
            _describe(report.value(r, sh.focusNode), data)[0],
            # a rule's path and value are what its SELECT binds: compared by focus node, shape and component
            None if sparql else _path(report.value(r, sh.resultPath), report),
            None if sparql else " / ".join(sorted(str(m) for m in report.objects(r, sh.resultMessage))),
            None if sparql or value is None else _value_text(value, data),
            _term(shape) if isinstance(shape, rdflib.URIRef) else None,
            component,
        ))
    return out


def _ours(path: Path) -> set[tuple]:
    report = validate([path], registry=(), settings=Settings(jobs=1))
    out = set()
    for r in report.results:
        sparql = r.component == "sh:SPARQLConstraintComponent"
        out.add((r.severity, r.focus_node, None if sparql else r.path, None if sparql else r.message,
                 None if sparql else r.value, r.shape, r.component))
    return out


def _disjoint_sorted(results: set[tuple]) -> set[tuple]:
    # pyshacl words a sh:disjoint over several properties in set order (random per process): the list
    # between "->" and " == " sorted
    def sort(message: str) -> str:
        return re.sub(r"->(.+?) == ", lambda m: "->" + ", ".join(sorted(m[1].split(", "))) + " == ", message,
                      count=1)

    return {r[:3] + (sort(r[3]),) + r[4:] if r[6] == "sh:DisjointConstraintComponent" else r for r in results}


def _whole_agrees(path: Path, monkeypatch, tmp_path: Path) -> int:
    _case_kwargs(path, monkeypatch, tmp_path)
    theirs, ours = _disjoint_sorted(_whole_graph_pyshacl(path)), _disjoint_sorted(_ours(path))
    assert ours == theirs, (path.parent.name, sorted(ours ^ theirs, key=str))
    return len(theirs)


def test_planted_errors_match_a_whole_graph_pyshacl_run(monkeypatch, tmp_path: Path) -> None:
    # Every 15th case in the fast suite (all: the slow test below). The cases cover every constraint of
    # every shape (tests/test_shapes.py::test_every_constraint_has_a_failing_case), so every constraint
    # kind the shapes use, the SHACL-SPARQL rules included.
    sample = CASES[::15]
    assert len(sample) > 15
    assert all(_whole_agrees(p, monkeypatch, tmp_path) > 0 for p in sample)


@pytest.mark.slow
@pytest.mark.parametrize("case", [p.parent.name for p in CASES])
def test_every_planted_error_matches_a_whole_graph_pyshacl_run(case: str, monkeypatch, tmp_path: Path) -> None:
    assert _whole_agrees(CASES_BY_NAME[case], monkeypatch, tmp_path) > 0


# ---- stored results: only changed files are validated again -------------------------------------------


def test_only_changed_files_are_validated_again(tmp_path: Path) -> None:
    folder, picked = _planted_folder(tmp_path / "rdf", 20, "{i:03d}.ttl")
    assert len(picked) > 10
    (folder / "valid.ttl").write_bytes((ROOT / "tests" / "shapes" / "valid.ttl").read_bytes())
    cache = tmp_path / "results.sqlite"
    first = validate([folder], registry=(), cache=cache, settings=Settings(jobs=2))
    assert first.cached == 0 and not first.conforms
    again = validate([folder], registry=(), cache=cache, settings=Settings(jobs=1))
    assert again.cached == len(picked) + 1 and again.text() == first.text()

    # One file changes (an error planted in the valid one): only it is validated again, and the report
    # is the one a run without stored results gives.
    valid = folder / "valid.ttl"
    valid.write_text(valid.read_text(encoding="utf-8").replace('schema:startDate "', 'schema:startDate "x', 1),
                     encoding="utf-8")
    changed = validate([folder], registry=(), cache=cache)
    fresh = validate([folder], registry=())
    assert changed.cached == len(picked) and changed.text() == fresh.text() != first.text()
    assert any(r.source_file == str(valid) and r.component == "sh:DatatypeConstraintComponent"
               for r in changed.results), changed.text()

    # The same bytes under another name: validated (relative IRIs resolve against where a file sits).
    shutil.copy(folder / "000.ttl", folder / "zz-copy.ttl")
    renamed = validate([folder], registry=(), cache=cache)
    assert renamed.cached == len(picked) + 1 and renamed.text() == validate([folder], registry=()).text()

    # Other shapes, ontology, registry or options: nothing stored is reused.
    other = validate([folder], cache=cache)  # the shipped registry this time
    assert other.cached == 0
    assert validate([folder], registry=(), cache=cache, engine="pyshacl").cached == 0


def test_cli_cache_option(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from rcmkg.cli import cli

    case = str(CASES_BY_NAME["r4-iri-date-not-start-date"])
    cache = str(tmp_path / "c.sqlite")
    runner = CliRunner()
    first = runner.invoke(cli, ["validate", "--jobs", "1", "--cache", cache, case])
    second = runner.invoke(cli, ["validate", "--jobs", "1", "--cache", cache, case])
    assert first.exit_code == second.exit_code == 1 and first.output == second.output and "R4" in first.output
    assert (tmp_path / "c.sqlite").stat().st_size > 0


# ---- a report is worded alike in every process ------------------------------------------------------------

_WORDING = """
import json, sys
from pathlib import Path
from rcmkg.validate import validate
out = {}
for engine in ("fast", "pyshacl"):
    report = validate([Path(sys.argv[1])], registry=(), engine=engine)
    out[engine] = sorted(r.message for r in report.results if r.component == "sh:DisjointConstraintComponent")
print(json.dumps(out))
"""


def test_a_pair_constraint_over_several_properties_is_worded_alike_whatever_the_string_hashing(
    monkeypatch, tmp_path: Path
) -> None:
    # pyshacl lists the properties of `sh:disjoint skos:altLabel, skos:hiddenLabel` in set order, which
    # follows PYTHONHASHSEED: the report must not.
    import json
    import os
    import subprocess
    import sys

    case = CASES_BY_NAME["label-preflabel-disjoint-altlabel"]
    env = {k: v for k, v in os.environ.items() if k != "RCMKG_ONTOLOGY"}
    seen = set()
    for seed in ("1", "2", "3", "4"):
        run = subprocess.run([sys.executable, "-c", _WORDING, str(case)], env={**env, "PYTHONHASHSEED": seed},
                             capture_output=True, text=True, check=True)
        out = json.loads(run.stdout)
        assert out["fast"] == out["pyshacl"] and out["fast"], out
        seen.add(tuple(out["fast"]))
    assert len(seen) == 1, seen
    assert "->skos:altLabel, skos:hiddenLabel == " in next(iter(seen))[0]
