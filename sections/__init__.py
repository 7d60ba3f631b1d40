"""Streamlit sections of one page each: sections/<page>/ is imported only by pages/<page>.py and its own
package. Pieces shared by two or more pages live in components/."""
