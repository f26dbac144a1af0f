"""Benchmarks of rcmkg (see bench/README.md); ``python -m bench`` runs them."""

import os

# The commands are timed as a person's machine runs them: with bytecode cached. An environment
# that says not to write it (PYTHONDONTWRITEBYTECODE, as some sandboxes set) would have every
# `python -m rcmkg` the benchmarks start compile each module it imports again (0.1 s a command).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
