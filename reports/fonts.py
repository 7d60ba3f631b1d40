"""The PDF document class: an embedded Unicode font when the machine has one, a footer on every
page, and small text helpers.

A Unicode TTF (DejaVu Sans or Liberation Sans, which Debian installs with chromium's fontconfig)
is embedded so Indonesian and English text, "→", "–" and "≈" print as typed and can be searched
and extracted. Without one, the built-in Helvetica is used and the few characters outside
Latin-1 are replaced by plain equivalents.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fpdf import FPDF

FONT_CANDIDATES = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
)
LATIN1_REPLACEMENTS = {"–": "-", "—": "-", "→": "->", "≈": "~", "▲": "+", "▼": "-", "⚠️": "", "⚠": "",
                       "’": "'", "‘": "'", "“": '"', "”": '"', "…": "..."}
EMOJI_WARNING = ("⚠️ ", "⚠️", "⚠ ")
TEXT = (31, 41, 51)


def unicode_font() -> tuple[str, str] | None:
    """(regular, bold) TTF paths of the first font found, or None."""
    for regular, bold in FONT_CANDIDATES:
        if Path(regular).is_file() and Path(bold).is_file():
            return regular, bold
    return None


def rgb_tuple(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


class ProfileDocument(FPDF):
    """A4 portrait, 15 mm margins; `footer_text` and `page_text(page)` printed on every page."""

    def __init__(self, footer_text: str, page_text: Callable[[int], str]):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(auto=True, margin=22)
        self._footer_text, self._page_text = footer_text, page_text
        font = unicode_font()
        self.unicode = font is not None
        if font:
            self.add_font("MatraSans", "", font[0])
            self.add_font("MatraSans", "B", font[1])
            self.family_name = "MatraSans"
        else:
            self.family_name = "helvetica"
        self.set_font(self.family_name, "", 10)

    def safe(self, text: str) -> str:
        """Text the current font can print (emoji dropped; Latin-1 stand-ins without a TTF)."""
        for emoji in EMOJI_WARNING:
            text = text.replace(emoji, "")
        if self.unicode:
            return text
        for character, plain in LATIN1_REPLACEMENTS.items():
            text = text.replace(character, plain)
        return text.encode("latin-1", "replace").decode("latin-1")

    def write_line(self, text: str, size: int = 10, bold: bool = False, colour=TEXT) -> None:
        """A paragraph across the page width, then a line break."""
        self.set_font(self.family_name, "B" if bold else "", size)
        self.set_text_color(*colour)
        self.multi_cell(0, size * 0.5, self.safe(text), new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*TEXT)

    def footer(self) -> None:
        self.set_y(-18)
        self.set_font(self.family_name, "", 7)
        self.set_text_color(82, 96, 109)
        self.multi_cell(0, 3.5, self.safe(self._footer_text), new_x="LMARGIN", new_y="NEXT")
        self.cell(0, 3.5, self.safe(self._page_text(self.page_no())), align="R")
        self.set_text_color(*TEXT)
