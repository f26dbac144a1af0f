"""Where the graph lives: a persistent embedded store, an in-memory one, or a remote SPARQL endpoint.

Two implementations of one small protocol (:class:`rcmkg.store.load.Store`: ``query``, ``graphs``,
``close``), in four modules:

- :mod:`rcmkg.store.local`: :class:`LocalStore` wraps a pyoxigraph store, on disk (``Settings.store``, default ``.rcmkg/store``)
  or in memory (``LocalStore(None)``, what ``--data DIR`` builds for one run).
- :mod:`rcmkg.store.remote`: :class:`RemoteStore` asks any SPARQL 1.1 endpoint through SPARQLWrapper (basic auth from
  ``RCMKG_ENDPOINT_USER``/``RCMKG_ENDPOINT_PASSWORD``, bearer from ``RCMKG_ENDPOINT_TOKEN``).

- :mod:`rcmkg.store.inference`: the entailment rules and the cached OWL RL closure of the ontology.
- :mod:`rcmkg.store.load`: which store a command opens (:func:`open_store`), and ``rcmkg load``.
- :mod:`rcmkg.store.generations`: crash-consistent loads (store generations behind a pointer file).

Every query runs over the *union* of the named graphs (pyoxigraph ``use_default_graph_as_union``;
a remote endpoint must do the same, e.g. ``oxigraph serve --union-default-graph``). The union is a
bag: a triple stored in two graphs is seen twice, so no triple is ever stored twice on purpose.

Graphs (``{base}`` is ``Settings.base``):

- ``{base}id/graph/{body}/{date}``: one report. Its IRI comes from the file: the one
  ``?r a rcm:Report ; rcm:reportOf ?meeting`` it holds, ``/meeting/`` replaced by ``/graph/``.
- ``{base}id/graph/registry`` and ``{base}id/graph/ontology``: the registry and the ontology with
  the vocabularies (see :mod:`rcmkg.registry_graph`).
- ``{base}id/graph/meta``: per graph its ``rcm:sha256`` (of the Turtle file's bytes), source file
  name (``dct:identifier``), kind (``dct:type``) and ``void:triples``. Loading skips a file whose
  hash is already there and replaces the graph of a report whose content changed.
- ``{base}id/graph/ontology-closure`` and ``{base}id/graph/inferred``: entailments, see below.

Derived entries (the finished timeline of each tracked item, and the commitments index about the
archive as a whole, subject :data:`rcmkg.store.local.ARCHIVE`; :mod:`rcmkg.index`) live in a second pyoxigraph store,
``index/`` inside the store's folder, so that they never show in query answers or on the SPARQL
endpoint (an entry is megabytes of JSON). A load removes the entries of every node a changed report
mentions and the archive's (all of them when the registry or ontology changed), so an entry that
exists is current; a load marks the index untrusted until it has finished, so one cut short leaves
no stale entry behind (the next load drops them all).

Entailments. owlrl over the whole archive does not scale (its RDFS closure is quadratic in the
number of literals; PERFORMANCE.md §5), so it only ever sees the TBox:

1. The OWL RL closure of the ontology and vocabularies (about 1,500 triples, 0.6 s) is computed
   with owlrl when the ontology changes, filtered to the schema axioms queries need (subclass,
   subproperty, equivalence, inverse, domain, range, types of terms), and stored in
   ``{base}id/graph/ontology-closure``. It is cached on disk under the sha256 of the ontology's
   source files (``$RCMKG_CACHE_DIR``, default ``~/.cache/rcmkg``; empty disables) so ``--data``
   does not pay for it on every run.
2. From the closed TBox, the data rules that matter are all single-premise: ``rdf:type`` up
   ``rdfs:subClassOf*``, ``rdfs:subPropertyOf*``, ``owl:inverseOf`` (composed with each other), and
   ``rdfs:domain``/``rdfs:range`` of ``rcm:`` properties (classes only, not datatypes). They are
   compiled into five SPARQL UPDATEs with ``VALUES`` tables and run natively by pyoxigraph into
   ``{base}id/graph/inferred``, leaving out any triple already asserted in some graph. Because each
   rule has one premise, recomputing after a load is one pass, linear in the data. The fulfilment
   assessments (``{base}id/graph/fulfilment``, written after the entailments) are neither premises
   nor asserted for this, so a reload infers exactly what a first load does.

Incremental loads. When a load changes, adds or removes (``rcmkg load --prune``) at most
:data:`rcmkg.store.local.INCREMENTAL_LIMIT` reports and neither the registry nor the ontology,
its cost follows those reports, not the archive: each rule having one premise, an entailment can
only appear or go if it is a conclusion of, or is, a triple of a changed graph, so only those are
looked up (:meth:`LocalStore._infer_changes`); the timelines of the items the reports mention get
the rows of the changed meetings spliced in, and the commitments index the entries of the
commitments made there and the evidence their agreements give about earlier ones
(:mod:`rcmkg.index`). If a change touches what other reports also describe (a shared IRI whose
triples change), the derived entries it touches are computed whole. Either way the store and its
index are the same as after a full load of the same files (``tests/test_incremental_load.py``).

So ``?m a prov:Activity`` or ``?m a schema:Event`` finds meetings, though no report says so.

>>> from rcmkg.store.local import LocalStore                                  # doctest: +SKIP
>>> store = LocalStore(".rcmkg/store", base="https://w3id.org/rcmkg/")     # doctest: +SKIP
>>> summary = store.load(["data/rdf"])                                      # doctest: +SKIP
>>> store.query("SELECT (COUNT(*) AS ?n) { ?m a schema:Event }").rows       # doctest: +SKIP
"""
