"""The only door to DuckDB and the data files. See `Store`."""

from store.atomic import StoreBusy
from store.problems import IngestRefused, Problem
from store.repository import SCORE_KINDS, Store, shared_store
from store.upload import Preview, UploadCheck

__all__ = ["SCORE_KINDS", "IngestRefused", "Preview", "Problem", "Store", "StoreBusy", "UploadCheck",
           "shared_store"]
