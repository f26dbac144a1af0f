"""The ontology as a dereferenceable vocabulary (W3C "Best Practice Recipes for Publishing RDF
Vocabularies", recipe 3, hash namespace): ``https://w3id.org/rcmkg/ont`` and every term
``.../ont#Meeting`` are answered by a 303 See Other to ``ont.html`` (the pyLODE documentation,
whose anchors are the terms' local names) or to ``ont.ttl``/``ont.rdf``/``ont.jsonld``/``ont.nt``
by Accept. The namespace is fixed, not under ``--base``: the server and the site answer for it
when their base covers it (the default base ``https://w3id.org/rcmkg/`` does).
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
import re
import sys
import types
from typing import Any

import pyoxigraph as ox

from rcmkg.namespaces import RCM
from rcmkg.publish.conneg import RDF_FORMATS, Format
from rcmkg.resources import resource_files
from rcmkg.sparql.terms import stable_blank_nodes
from rcmkg.sparql.writers import rdf_bytes

#: The ontology's IRI (the document a term IRI's fragment lives in).
ONTOLOGY = RCM.rstrip("#")
#: The file the ontology is written in (the other ontology files are the SKOS vocabularies).
ONTOLOGY_FILE = "rcm.ttl"


def ontology_path(base: str) -> str | None:
    """The ontology's path under ``base`` (``ont`` for the default base), or None when ``base`` does
    not cover it and the server or site cannot answer for it."""
    return ONTOLOGY[len(base):] if ONTOLOGY.startswith(base) and len(ONTOLOGY) > len(base) else None


def ontology_triples() -> list[ox.Triple]:
    """The ontology's own triples (``ontology/rcm.ttl``), its blank nodes (OWL lists) labelled from
    what they say: the parser names them at random, and the documents would differ at each run."""
    files = [f for f in resource_files("ontology") if f.name == ONTOLOGY_FILE]
    return list(stable_blank_nodes(q.triple for f in files
                                   for q in ox.parse(path=str(f), format=ox.RdfFormat.TURTLE, base_iri=ONTOLOGY)))


def ontology_document(fmt: Format) -> bytes:
    """The ontology in one RDF format (not HTML: :func:`ontology_html`)."""
    return rdf_bytes(ontology_triples(), fmt.key)


#: The representations of the ontology: HTML documentation and every RDF format.
ONTOLOGY_FORMATS: tuple[Format, ...] = RDF_FORMATS


def pylode() -> Any:
    """pyLODE's OntPub, working around pyLODE 3.4.1 reading its own pyproject.toml at import
    (RDFLib/pyLODE#260): give it a ``pylode.version`` module first."""
    if "pylode.version" not in sys.modules:
        try:
            import pylode.version  # noqa: F401
        except (FileNotFoundError, OSError):
            for name in [m for m in sys.modules if m == "pylode" or m.startswith("pylode.")]:
                del sys.modules[name]
            stub = types.ModuleType("pylode.version")
            stub.__version__ = importlib.metadata.version("pylode")  # type: ignore[attr-defined]
            sys.modules["pylode.version"] = stub
    # pyLODE's supermodel loader calls logging.basicConfig(level=DEBUG) at import, which would make
    # every later log line of the process (asyncio's included) print; undo that for the root logger.
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    from pylode import OntPub  # 1 s to import: only when documenting the ontology

    root.handlers[:] = handlers
    root.setLevel(level)
    return OntPub


def ontology_html() -> str:
    """The pyLODE documentation of the ontology files (its anchors are the terms' local names, so
    ``ont.html#Meeting`` lands on rcm:Meeting). Raises whatever pyLODE raises."""
    import rdflib  # 0.3 s to import: only when documenting the ontology

    g = rdflib.Graph()
    for f in resource_files("ontology"):
        g.parse(data=f.read_bytes(), format="turtle")
    ontpub = pylode()
    quiet = logging.getLogger()
    level = quiet.level
    quiet.setLevel(max(level, logging.WARNING))  # pyLODE logs progress at INFO on the root logger
    try:
        html = str(ontpub(g).make_html())
    finally:
        quiet.setLevel(level)
    return _SCHEMA_ORG.sub(lambda m: m.group(1) + _sorted_json(m.group(2)) + m.group(3), html)


# pyLODE's schema.org JSON-LD comes out of rdflib in hash order (another order each run): sorted here,
# so that the same ontology gives the same page.
_SCHEMA_ORG = re.compile(r'(<script id="schema.org" type="application/ld\+json">)(.*?)(</script>)', re.DOTALL)


def _sorted_json(text: str) -> str:
    def order(value: Any, ordered: bool = False) -> Any:
        if isinstance(value, dict):  # an @list's order is its meaning; any other array is a set
            return {k: order(value[k], k == "@list") for k in sorted(value)}
        if isinstance(value, list) and ordered:
            return [order(v) for v in value]
        if isinstance(value, list):
            return sorted((order(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        return value

    try:
        data = json.loads(text)
    except ValueError:
        return text  # not JSON: left as pyLODE wrote it
    # the characters that could end or comment the script element escaped, as the pages do theirs
    out = json.dumps(order(data), indent=2, ensure_ascii=False)
    return "\n" + out.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
