"""Streamlit sections of the /present page (pages/present.py): the agenda builder, live slides, the meeting desk."""
