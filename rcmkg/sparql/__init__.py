"""SPARQL as the rest of rcmkg sees it.

- :mod:`rcmkg.sparql.terms`: one RDF term in results (:class:`~rcmkg.sparql.terms.Term`) and its
  conversions from and to pyoxigraph.
- :mod:`rcmkg.sparql.results`: :class:`~rcmkg.sparql.results.QueryResult`, normalised so that the
  local store, ``--data`` and a remote endpoint give byte-identical output.
- :mod:`rcmkg.sparql.writers`: the result and graph writers, registered by format name; the CLI
  and the server both write through them.
- :mod:`rcmkg.sparql.bind`: parameter values as SPARQL terms, the project's prologue.
- :mod:`rcmkg.sparql.catalogue`: the canned queries (``queries/*.rq``), their parameters, running them.
"""
