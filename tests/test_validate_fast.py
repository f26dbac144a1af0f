"""The fast path of ``rcmkg validate`` (each file with only the shared triples it reaches, the shared
graphs validated once on their own) finds exactly what one pyshacl run over the file together with
every shared triple finds, on a corpus with planted errors (``tests/shapes/*/invalid.ttl``, one
broken constraint each) and on the converted samples."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from rcmkg.resources import resource_files
from rcmkg.settings import DEFAULT_BASE
from rcmkg.validate import _resources, _stamp, _validate_unit

CASES = sorted((Path(__file__).resolve().parent / "shapes").glob("*/invalid.ttl"))


@pytest.fixture(scope="module")
def res():
    return _resources(_stamp(resource_files("shapes")), _stamp(resource_files("ontology")),
                      _stamp(resource_files("registry")), DEFAULT_BASE)


def _both(path: Path, res) -> tuple[set, set]:
    graph = rdflib.Graph().parse(path, format="turtle", publicID=path.resolve().as_uri())
    fast = _validate_unit(str(path), graph, res, "none", DEFAULT_BASE)
    whole = _validate_unit(str(path), graph, res, "none", DEFAULT_BASE, whole=True)
    return set(fast), set(whole)


def test_planted_errors_are_found_the_same_way(res):
    assert len(CASES) > 50
    found = 0
    for path in CASES:
        fast, whole = _both(path, res)
        assert fast == whole, (path.parent.name, sorted(fast ^ whole))
        found += bool(whole)
    assert found > 50  # the planted errors are found at all


def test_samples_are_found_the_same_way(res, converted: Path):
    files = sorted(converted.glob("*.ttl"))
    assert files
    for path in files:
        fast, whole = _both(path, res)
        assert fast == whole, (path.name, sorted(fast ^ whole))
