"""Streamlit pieces shared by pages: URL-bound filters, the shared frame, cached data access."""
