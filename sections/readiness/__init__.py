"""Streamlit sections of the /readiness page (pages/readiness.py)."""
