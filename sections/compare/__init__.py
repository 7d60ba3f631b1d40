"""Streamlit sections of the /compare page (pages/compare.py)."""
