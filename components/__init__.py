"""Streamlit pieces shared by two or more pages: the frame, URL-bound widgets, pickers, cached data
access, tables, downloads, sign-in roles, the routing workaround."""
