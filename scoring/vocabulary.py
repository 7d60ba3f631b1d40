"""The model's words, defined once: the index code, scopes, stages, kinds of score.

Everything else imports these names; a test fails on a stray literal of them elsewhere.
"""

from __future__ import annotations

INDEX_CODE = "ISC"            # the code of the Indeks Smart City in score tables
INDEX_SCOPE = "index"         # the scope of a plan or a gap that covers the whole index
STAGES = ("I", "II")          # Tahap I (self-assessment, claims) and Tahap II (verification)
SCORE_KINDS = ("index", "dimension", "chain", "element")
EVIDENCE_STATES = ("verified", "submitted", "missing")
