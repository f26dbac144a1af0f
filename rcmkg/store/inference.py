"""Entailments: the OWL RL closure of the ontology, and the data rules compiled from it.

owlrl over the whole archive does not scale (its RDFS closure is quadratic in the number of
literals; PERFORMANCE.md §5), so it only ever sees the TBox:

1. :func:`tbox_closure`: the OWL RL closure of the ontology and vocabularies (about 1,500 triples,
   0.6 s), filtered to the schema axioms queries need, cached on disk under the sha256 of the
   ontology's source files (``$RCMKG_CACHE_DIR``, default ``~/.cache/rcmkg``; empty disables) so
   that ``--data`` does not pay for it on every run.
2. :class:`Rules`: from the closed TBox, the single-premise data rules that matter (``rdf:type`` up
   ``rdfs:subClassOf*``, ``rdfs:subPropertyOf*``, ``owl:inverseOf``, ``rdfs:domain``/``rdfs:range``
   of ``rcm:`` properties), compiled by :func:`rule_body` into SPARQL that pyoxigraph runs natively
   (:meth:`rcmkg.store.local.LocalStore.infer`). Each rule has one premise, so recomputing after a
   load is one pass, linear in the data.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rcmkg.namespaces import OWL, RCM, RDF, RDFS, XSD

RULE_KINDS = ("same", "flip", "subject", "object", "types")

_NOT_CLASSES = (XSD, RDF + "langString", RDF + "PlainLiteral", RDFS + "Literal", RDFS + "Resource", OWL + "Thing")

# Each rule: the distinct premises (one scan per premise predicate or class), joined with the
# (premise, conclusion) table, minus what some graph already holds. MINUS against the conclusion
# predicates (or classes) is a hash anti-join; FILTER NOT EXISTS probes once per candidate and was
# 5x slower on 1,000 reports. {premise}/{minus} are empty for a full recompute, or limit the
# conclusions' subjects to the nodes of the graphs that changed (see rule_body).
HEADS = {"same": "?s ?q ?o", "flip": "?o ?q ?s", "subject": "?s a ?c", "object": "?o a ?c", "types": "?x a ?d"}
_SUBJECT = {"same": "s", "flip": "o", "subject": "s", "object": "o", "types": "x"}
_BODIES = {
    "same": """{{ SELECT DISTINCT ?s ?q ?o WHERE {{
      {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {premise} {keys} GRAPH ?g {{ ?s ?p ?o }}
                                         FILTER(?g NOT IN ({excluded}) {keyfilter}) }} }}
      VALUES (?p ?q) {{ {values} }} }} }}
  MINUS {{ {minus} {targets} GRAPH ?h {{ ?s ?q ?o }} {targetfilter} {hfilter} }}""",
    "flip": """{{ SELECT DISTINCT ?s ?q ?o WHERE {{
      {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {premise} {keys} GRAPH ?g {{ ?s ?p ?o }}
                                         FILTER(?g NOT IN ({excluded}) && !isLiteral(?o) {keyfilter}) }} }}
      VALUES (?p ?q) {{ {values} }} }} }}
  MINUS {{ {minus} {targets} GRAPH ?h {{ ?o ?q ?s }} {targetfilter} {hfilter} }}""",
    "subject": """{{ SELECT DISTINCT ?s ?c WHERE {{
      {{ SELECT DISTINCT ?s ?p WHERE {{ {premise} {keys} GRAPH ?g {{ ?s ?p ?o }}
                                      FILTER(?g NOT IN ({excluded}) {keyfilter}) }} }}
      VALUES (?p ?c) {{ {values} }} }} }}
  MINUS {{ {minus} {targets} GRAPH ?h {{ ?s a ?c }} {targetfilter} {hfilter} }}""",
    "object": """{{ SELECT DISTINCT ?o ?c WHERE {{
      {{ SELECT DISTINCT ?o ?p WHERE {{ {premise} {keys} GRAPH ?g {{ ?s ?p ?o }}
                                      FILTER(?g NOT IN ({excluded}) && !isLiteral(?o) {keyfilter}) }} }}
      VALUES (?p ?c) {{ {values} }} }} }}
  MINUS {{ {minus} {targets} GRAPH ?h {{ ?o a ?c }} {targetfilter} {hfilter} }}""",
    "types": """{{ SELECT DISTINCT ?x ?d WHERE {{
      {{ SELECT DISTINCT ?x ?c WHERE {{ {premise} {keys} GRAPH ?g {{ ?x a ?c }}
                                      FILTER(?g NOT IN ({excluded}) {keyfilter}) }} }}
      VALUES (?c ?d) {{ {values} }} }} }}
  MINUS {{ {minus} {targets} GRAPH ?h {{ ?x a ?d }} {targetfilter} {hfilter} }}""",
}
_PREMISE = {"same": "p", "flip": "p", "subject": "p", "object": "p", "types": "c"}
_CONCLUSION = {"same": "q", "flip": "q", "subject": "c", "object": "c", "types": "d"}


def rule_body(kind: str, pairs: Sequence[tuple[str, str]], excluded: str, nodes: Sequence[str] = (),
               blank_graphs: Sequence[str] = (), not_asserted: str = "") -> str:
    """The WHERE body of one rule; limited to conclusions about ``nodes`` (IRIs), or about the
    blank nodes of ``blank_graphs`` (a blank node's premises are all in its own graph). Premises
    come from graphs other than ``excluded``; a conclusion stated in a graph other than
    ``not_asserted`` (IRIs, comma-separated) is left out."""
    var = _SUBJECT[kind]
    premise = minus = ""
    if nodes:
        premise = minus = f"VALUES ?{var} {{ {' '.join(f'<{n}>' for n in nodes)} }}"
    elif blank_graphs:
        premise = f"VALUES ?g {{ {' '.join(f'<{g}>' for g in blank_graphs)} }} FILTER(isBlank(?{var}))"
    keys = sorted({f"<{a}>" for a, _ in pairs})
    targets = sorted({f"<{b}>" for _, b in pairs})
    p, c = _PREMISE[kind], _CONCLUSION[kind]
    parts: dict[str, str] = {}
    if premise:
        # With the subjects fixed, pyoxigraph is fast with FILTER IN and very slow with a second
        # VALUES (9 ms against 1.3 s for one report of 1,000); without them, VALUES is the fast one.
        parts.update(keys="", keyfilter=f"&& ?{p} IN ({', '.join(keys)})")
    else:
        parts.update(keys=f"VALUES ?{p} {{ {' '.join(keys)} }}", keyfilter="")
    if minus:
        parts.update(targets="", targetfilter=f"FILTER(?{c} IN ({', '.join(targets)}))")
    else:
        parts.update(targets=f"VALUES ?{c} {{ {' '.join(targets)} }}", targetfilter="")
    parts["hfilter"] = f"FILTER(?h NOT IN ({not_asserted}))" if not_asserted else ""
    return _BODIES[kind].format(premise=premise, minus=minus, excluded=excluded,
                                values=" ".join(f"(<{a}> <{b}>)" for a, b in pairs), **parts)


@dataclass(frozen=True)
class Rules:
    """The single-premise data rules compiled from the closed TBox.

    ``same``/``flip``: (p, q) where ``s p o`` entails ``s q o`` / ``o q s``; ``subject``/``object``:
    (p, C) where ``s p o`` entails ``s a C`` / ``o a C``; ``types``: (C, D) with C ⊑ D.

    >>> r = Rules.build(subclass=[("A", "B"), ("B", "C")], subproperty=[("p", "q")], inverse=[("q", "r")],
    ...                 domain=[], range=[])
    >>> r.same, r.flip, r.types
    ((('p', 'q'),), (('p', 'r'), ('q', 'r'), ('r', 'q')), (('A', 'B'), ('A', 'C'), ('B', 'C')))
    """

    same: tuple[tuple[str, str], ...]
    flip: tuple[tuple[str, str], ...]
    subject: tuple[tuple[str, str], ...]
    object: tuple[tuple[str, str], ...]
    types: tuple[tuple[str, str], ...]

    @classmethod
    def build(cls, *, subclass: Sequence[tuple[str, str]], subproperty: Sequence[tuple[str, str]],
              inverse: Sequence[tuple[str, str]], domain: Sequence[tuple[str, str]],
              range: Sequence[tuple[str, str]]) -> Rules:
        def closure(edges: Sequence[tuple[str, str]]) -> dict[str, set[str]]:
            direct: dict[str, set[str]] = {}
            for a, b in edges:
                direct.setdefault(a, set()).add(b)
            out = {}
            for start in direct:
                seen, todo = set(), [start]
                while todo:
                    for nxt in direct.get(todo.pop(), ()):
                        if nxt not in seen:
                            seen.add(nxt)
                            todo.append(nxt)
                seen.discard(start)
                out[start] = seen
            return out

        def is_class(c: str) -> bool:
            return not c.startswith(_NOT_CLASSES)

        supers = closure([e for e in subclass if is_class(e[1])])
        subprops: dict[str, set[str]] = {}
        for a, b in subproperty:
            subprops.setdefault(a, set()).add(b)
        inverses: dict[str, set[str]] = {}
        for a, b in inverse:
            inverses.setdefault(a, set()).add(b)
        # Walk property -> superproperty (same direction) and property -> inverse (flipped).
        props = set(subprops) | set(inverses) | {a for a, _ in domain} | {a for a, _ in range}
        reach: dict[str, set[tuple[str, bool]]] = {}
        for p in props:
            seen, todo = {(p, False)}, [(p, False)]
            while todo:
                q, flipped = todo.pop()
                for nxt in [(s, flipped) for s in subprops.get(q, ())] + [(i, not flipped) for i in inverses.get(q, ())]:
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
            reach[p] = seen
        doms: dict[str, set[str]] = {}
        rngs: dict[str, set[str]] = {}
        for a, c in domain:
            if a.startswith(RCM) and is_class(c):
                doms.setdefault(a, set()).add(c)
        for a, c in range:
            if a.startswith(RCM) and is_class(c):
                rngs.setdefault(a, set()).add(c)

        def up(classes: Iterable[str]) -> set[str]:
            out = set()
            for c in classes:
                out.add(c)
                out |= supers.get(c, set())
            return out

        same: set[tuple[str, str]] = set()
        flip: set[tuple[str, str]] = set()
        subj: set[tuple[str, str]] = set()
        obj: set[tuple[str, str]] = set()
        for p, reached in reach.items():
            for q, flipped in reached:
                if (q, flipped) != (p, False):
                    (flip if flipped else same).add((p, q))
                for c in up(doms.get(q, ())):
                    (obj if flipped else subj).add((p, c))
                for c in up(rngs.get(q, ())):
                    (subj if flipped else obj).add((p, c))
        types = {(c, d) for c, ds in supers.items() for d in ds}
        return cls(*(tuple(sorted(x)) for x in (same, flip, subj, obj, types)))

    def kinds(self) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
        """(rule kind, premise-conclusion pairs), in the order they must run."""
        return [(k, getattr(self, k)) for k in RULE_KINDS]

    def index(self) -> RuleIndex:
        """The rules by premise and by conclusion, for applying them in Python to a few triples."""
        return RuleIndex(self)

    def digest(self) -> str:
        """A hash of the rules (recorded in the metadata graph)."""
        doc = json.dumps([self.same, self.flip, self.subject, self.object, self.types])
        return hashlib.sha256(doc.encode()).hexdigest()


class RuleIndex:
    """:class:`Rules` keyed for one report's triples: what a triple entails (:meth:`conclusions`),
    and which premises could entail a given triple (:meth:`premises`). Terms are plain strings
    (IRIs); the rules are about IRIs only, so blank nodes and literals pass through as they are."""

    def __init__(self, rules: Rules) -> None:
        def by(pairs: Sequence[tuple[str, str]], reverse: bool = False) -> dict[str, tuple[str, ...]]:
            out: dict[str, list[str]] = {}
            for a, b in pairs:
                k, v = (b, a) if reverse else (a, b)
                out.setdefault(k, []).append(v)
            return {k: tuple(v) for k, v in out.items()}

        self.same, self.same_inv = by(rules.same), by(rules.same, True)
        self.flip, self.flip_inv = by(rules.flip), by(rules.flip, True)
        self.subject, self.subject_inv = by(rules.subject), by(rules.subject, True)
        self.object, self.object_inv = by(rules.object), by(rules.object, True)
        self.types, self.types_inv = by(rules.types), by(rules.types, True)
        #: The predicates and the classes (of rdf:type) the rules conclude.
        self.heads = frozenset(q for d in (self.same, self.flip) for qs in d.values() for q in qs)
        self.head_classes = frozenset(c for d in (self.subject, self.object, self.types) for cs in d.values() for c in cs)
        #: The predicates whose triples a rule reads or concludes (rdf:type among them): no other
        #: triple entails anything or is a conclusion.
        self.premises = frozenset((*self.same, *self.flip, *self.subject, *self.object, *self.heads, RDF + "type"))


_KEEP = {RDF + "type", RDFS + "subClassOf", RDFS + "subPropertyOf", OWL + "equivalentClass",
         OWL + "equivalentProperty", OWL + "inverseOf", RDFS + "domain", RDFS + "range"}
_SKIP_SUBJECTS = (RDF, RDFS, OWL, XSD)


def tbox_closure(ontology: bytes, source_sha: str | None = None) -> bytes:
    """The OWL RL entailments of the ontology (N-Triples in, N-Triples out): only the schema axioms
    and term types, no ``owl:sameAs`` or reflexive axioms, nothing about the RDF/OWL vocabularies.

    Cached on disk (``$RCMKG_CACHE_DIR``, default ``~/.cache/rcmkg``) under ``source_sha``, the
    sha256 of the ontology's source files (:func:`rcmkg.registry_graph.reference_hash`); without it,
    under the hash of ``ontology`` itself, which only repeats when its blank nodes keep their names.
    The answer keeps IRIs only, so it does not depend on how blank nodes are named.
    """
    key = source_sha.encode() if source_sha else ontology
    sha = hashlib.sha256(b"tbox-closure-v2\n" + key).hexdigest()[:32]
    cache = cache_dir()
    if cache is not None:
        hit = cache / f"tbox-{sha}.nt"
        if hit.is_file():
            return hit.read_bytes()
    # owlrl and rdflib cost 0.3 s to import: only paid when the closure is not in the cache.
    import owlrl
    import rdflib

    g = rdflib.Graph()
    g.parse(data=ontology.decode("utf-8"), format="nt")
    before = set(g)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    kept = []
    for s, p, o in g:
        if (s, p, o) in before or str(p) not in _KEEP or s == o:
            continue
        if not isinstance(s, rdflib.URIRef) or not isinstance(o, rdflib.URIRef):
            continue
        if str(s).startswith(_SKIP_SUBJECTS) or str(o) in (OWL + "Thing", RDFS + "Resource", OWL + "NamedIndividual"):
            continue
        kept.append(f"<{s}> <{p}> <{o}> .\n")
    out = "".join(sorted(kept)).encode("utf-8")
    if cache is not None:
        try:
            cache.mkdir(parents=True, exist_ok=True)
            tmp = cache / f".tbox-{sha}.{os.getpid()}"
            tmp.write_bytes(out)
            os.replace(tmp, cache / f"tbox-{sha}.nt")
        except OSError:
            pass  # a cache we cannot write only costs time
    return out


def cache_dir() -> Path | None:
    """Where the closure is cached: ``$RCMKG_CACHE_DIR`` (empty: no cache), else ``$XDG_CACHE_HOME/rcmkg``
    or ``~/.cache/rcmkg``."""
    env = os.environ.get("RCMKG_CACHE_DIR")
    if env is not None:
        return Path(env) if env else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "rcmkg"
