"""Meeting agendas and exports (PPTX decks, PDF profiles, tables). CLI: `python -m reports`.

Public API (import from the modules; this package imports nothing, so `reports.agenda` stays light):
  reports.deck.region_deck(store, regions, year, stage, lang) -> bytes
  reports.deck.agenda_deck(store, agenda, notes=None) -> bytes
  reports.profile_pdf.profile_pdf(store, region, year, stage, lang) -> bytes
  reports.tables.ranking_table / indicator_table / action_table -> DataFrame; table_bytes; export_table
  reports.images.images_available() -> bool (chromium + kaleido present: PDF export possible)
  reports.errors.ExportRefused (bad input) and ExportUnavailable (no chromium), both with .message(lang)
"""
