"""Full-text search with facets over the store: agreements, commitments, documents and names.

- :mod:`rcmkg.search.text`: folding, tokens, Snowball stems (English and Spanish), highlighting.
- :mod:`rcmkg.search.build`: the documents of a store and the SQLite FTS5 index ``rcmkg load``
  keeps in each store generation (``search.sqlite``), updated report by report.
- :mod:`rcmkg.search.query`: ranked (bm25) answers with snippets and facet counts.
- :mod:`rcmkg.search.static`: the prebuilt index and script of the static site.

Why SQLite FTS5: it ships with Python, its index is one file that travels with the store's
generation (so a reader never sees an index of another load), it ranks with bm25 and intersects
posting lists (facet filters included) in C (``bench/bench_search.py`` measures it). FTS5 has no stemmer for
Spanish, so the indexed columns hold Snowball stems (PyStemmer) of the text in its own language
and the query is stemmed the same way; the raw text is kept beside them for snippets.
"""
