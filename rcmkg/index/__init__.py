"""Derived entries: what ``rcmkg load`` precomputes so that traces and commitments stay fast.

- :mod:`rcmkg.index.timelines`: each tracked item's finished timeline.
- :mod:`rcmkg.index.commitments`: every commitment with its items and first follow-up.

Built by :func:`rcmkg.store.load.load_paths` from the pure computations of :mod:`rcmkg.trace`,
stored in the local store's :class:`~rcmkg.store.local.DerivedIndex` (which drops what a changed
report makes stale), and read by :mod:`rcmkg.trace.lookup`. Entries are msgspec JSON behind a
format line: an entry in another format, or damaged, is computed again.
"""
