"""Find the shipped resources (ontology, shapes, queries, registry) wherever rcmkg runs from.

Order: an explicit override (``RCMKG_<KIND>`` environment variable, e.g. ``RCMKG_QUERIES``), the copy
inside an installed wheel (``rcmkg/_resources/<kind>``), then the source checkout (``<repo>/<kind>``).
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

KINDS = {"ontology": "ontology", "shapes": "shapes", "queries": "queries", "registry": "data/registry"}


def resource_dir(kind: str) -> Path:
    """The folder holding ``kind`` (one of ontology, shapes, queries, registry)."""
    if kind not in KINDS:
        raise KeyError(kind)
    override = os.environ.get(f"RCMKG_{kind.upper()}")
    if override:
        return Path(override)
    packaged = Path(str(files("rcmkg"))) / "_resources" / kind
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / KINDS[kind]


def resource_files(kind: str, pattern: str = "*.ttl") -> list[Path]:
    """The files of one kind, sorted by name so that every consumer sees the same order."""
    return sorted(resource_dir(kind).glob(pattern))
