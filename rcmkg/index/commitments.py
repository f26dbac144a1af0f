"""The commitments entry: every commitment's row, items and evidence of fulfilment, about the whole archive.

Listing the commitments of a big archive reads a dozen properties of every commitment, and each
quad the disk store returns costs 10-20 microseconds (32 s for the open ones of 10,000 reports).
``rcmkg load`` therefore keeps them in one entry about :data:`rcmkg.store.local.ARCHIVE`: any
changed report drops it, and :func:`refresh_commitments` rebuilds it. The status on a given day is
worked out when asked (:func:`rcmkg.trace.commitments.select_commitments`).
"""

from __future__ import annotations

import msgspec

from rcmkg.index.codec import ENCODER, decode_entry
from rcmkg.sparql.results import Queryable
from rcmkg.store.local import ARCHIVE, LocalStore
from rcmkg.trace.commitments import CommitmentEntry, compute_commitment_entries

COMMITMENTS = "urn:rcmkg:commitments"
FORMAT = "rcmkg-commitments-2\n"  # 2: evidence of fulfilment instead of the first follow-up
_DECODER = msgspec.json.Decoder(list[CommitmentEntry])


def cached_commitments(store: Queryable) -> list[CommitmentEntry] | None:
    """The entries of a local store's commitments entry (None elsewhere, or without a current one)."""
    if not isinstance(store, LocalStore):
        return None
    data = store.index.get(ARCHIVE, COMMITMENTS)
    if data is None or not data.startswith(FORMAT):
        return None
    try:
        return decode_entry(_DECODER, data[len(FORMAT):])
    except msgspec.DecodeError:
        return None  # damaged: compute instead


def refresh_commitments(store: LocalStore, *, rebuild: bool = False) -> bool:
    """Build the commitments entry if there is none that is current (or always, with ``rebuild``);
    returns whether it was written.

    >>> refresh_commitments(LocalStore(".rcmkg/store"))                        # doctest: +SKIP
    True
    """
    if not rebuild and cached_commitments(store) is not None:  # decoded: a damaged entry is rebuilt
        return False
    store.index.set(ARCHIVE, COMMITMENTS, FORMAT + ENCODER.encode(compute_commitment_entries(store)).decode())
    return True
