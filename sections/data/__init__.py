"""Streamlit sections of the /data page (pages/data.py): uploads, imports, stewardship, sign-in."""
