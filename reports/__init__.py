"""Meeting agendas and exports (PPTX decks, PDF profiles, tables). CLI: `python -m reports`."""
