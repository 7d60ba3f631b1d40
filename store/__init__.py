"""The only door to DuckDB and the data files. See `Store`.

The public surface: `Store` (and `shared_store`, the one Store per data folder a server shares), the
refusal every write can raise (`IngestRefused`) and the one a busy writer lock raises (`StoreBusy`).
Helpers that other layers need beside a Store are imported from their own module by name
(`store.exports`, `store.atomic`, `store.manifest`, `store.meetings`, `store.settings`, the
templates); nothing else is re-exported here.
"""

from store.atomic import StoreBusy
from store.problems import IngestRefused
from store.repository import Store, shared_store

__all__ = ["IngestRefused", "Store", "StoreBusy", "shared_store"]
