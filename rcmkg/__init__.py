"""rcmkg: meeting reports of the Regional Conference on Migration as a knowledge graph."""

from __future__ import annotations

__version__ = "0.1.0"
