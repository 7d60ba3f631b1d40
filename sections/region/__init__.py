"""Streamlit sections of the /region page (pages/region.py)."""
