"""Tables of the A4 PDF profile whose cells wrap only between words.

fpdf2 breaks a word inside itself when the word is wider than its cell ("Kesenjang|an"). So the column
widths are chosen from the words: every column is at least as wide as its widest word (headings in
bold) plus the cell's margins; what is left of the table width is shared in proportion to the
preferred widths. When even the widest words do not fit side by side the font steps down
(MIN_SIZE at most); below that a word may still break, which the profile's tables never reach.
"""

from __future__ import annotations

from fpdf.fonts import FontFace

from reports import fonts

HEAD_FILL = (228, 231, 235)
PADDING_MM = 1.0
MIN_SIZE = 6.0
SIZE_STEP = 0.5
SLACK_MM = 0.3   # rounding of fpdf2's own width sums


def word_widths(pdf, texts, size: float, bold: bool) -> float:
    """The widest word of `texts` (split at spaces and line breaks) in mm, at `size` points."""
    pdf.set_font(pdf.family_name, "B" if bold else "", size)
    words = [word for text in texts for word in pdf.safe(str(text)).split()]
    return max((pdf.get_string_width(word) for word in words), default=0.0)


def column_widths(pdf, header, rows, preferred, size: float) -> tuple[list[float], float]:
    """(widths in mm adding up to sum(preferred), font size) so that no word is wider than its cell."""
    total = float(sum(preferred))
    while True:
        margin = 2 * (PADDING_MM + pdf.c_margin) + SLACK_MM
        least = [max(word_widths(pdf, [header[c]], size, True), word_widths(pdf, [r[c] for r in rows], size, False))
                 + margin for c in range(len(preferred))]
        if sum(least) <= total or size - SIZE_STEP < MIN_SIZE:
            break
        size -= SIZE_STEP
    room = total - sum(least)
    if room <= 0:
        return least, size
    # share the room in proportion to how much more than its least each column would like
    wants = [max(p - w, 0.0) for p, w in zip(preferred, least, strict=True)]
    shares = wants if sum(wants) > 0 else list(preferred)
    return [w + room * s / sum(shares) for w, s in zip(least, shares, strict=True)], size


def table(pdf, header, rows, preferred, size: float = 9, fills: dict | None = None) -> None:
    """A table of text cells, headings repeated on a new page; fills: (row, column) -> (fill, text)
    hex colours of body cells."""
    header = [pdf.safe(str(value)) for value in header]
    rows = [[pdf.safe(str(value)) for value in row] for row in rows]
    widths, size = column_widths(pdf, header, rows, preferred, size)
    pdf.set_font(pdf.family_name, "", size)
    heading = FontFace(emphasis="BOLD", fill_color=HEAD_FILL)
    with pdf.table(col_widths=widths, width=sum(widths), headings_style=heading, line_height=size * 0.5,
                   text_align="LEFT", first_row_as_headings=True, padding=PADDING_MM,
                   v_align="TOP") as drawn:
        for row_number, values in enumerate([header, *rows]):
            table_row = drawn.row()
            for column, value in enumerate(values):
                fill = (fills or {}).get((row_number - 1, column)) if row_number else None
                style = (FontFace(fill_color=fonts.rgb_tuple(fill[0]), color=fonts.rgb_tuple(fill[1]))
                         if fill else None)
                table_row.cell(value, style=style)
