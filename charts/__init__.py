"""Plotly figure builders: data frame in, figure out. One palette, one template; no Streamlit."""
