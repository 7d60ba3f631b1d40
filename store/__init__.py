"""The only door to DuckDB and the data files. See `Store`."""

from store.problems import IngestRefused, Problem
from store.repository import SCORE_KINDS, Store, shared_store

__all__ = ["SCORE_KINDS", "IngestRefused", "Problem", "Store", "shared_store"]
