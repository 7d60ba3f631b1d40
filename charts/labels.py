"""Labels that fit a chart at every screen size, and one colour per region on a page.

A figure does not know how wide it will be drawn (a phone gives it ~360 px, a projector ~1,800),
so long names are made short enough for the narrowest: shortened at a whole word with "…", or
wrapped on a few lines, and the full name goes to the hover text. Region names use the usual
abbreviations (Kab., Kota Adm., Kep.) before anything is cut.

Every function returns plotly text: the parts of a name are HTML-escaped (plotly renders a subset
of HTML, so a name must show as typed) and lines are joined with <br>.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable, Sequence

from charts.theme import SERIES_COLOURS

ELLIPSIS = "…"
# Abbreviations of region names in common Indonesian use, longest first.
REGION_ABBREVIATIONS = (("Kabupaten Administrasi ", "Kab. Adm. "), ("Kota Administrasi ", "Kota Adm. "),
                        ("Kabupaten ", "Kab. "), ("Kepulauan ", "Kep. "))
_TRAILING = " ,;:·-–—/("


def _plain(text) -> str:
    return " ".join(str(text).split())


def shorten(text, limit: int) -> str:
    """`text` (spaces collapsed) when it has at most `limit` characters, else its first whole words
    that fit with "…" after them; a first word longer than `limit` is itself cut. Not escaped."""
    text = _plain(text)
    if len(text) <= limit:
        return text
    head = text[:limit - 1]                       # room for the ellipsis
    if text[limit - 1] != " " and " " in head:    # the cut fell inside a word: drop that word
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(_TRAILING) + ELLIPSIS


def wrap_lines(text, width: int, max_lines: int = 2) -> list[str]:
    """`text` in lines of at most `width` characters, broken between words, at most `max_lines` of
    them; what does not fit is dropped at a whole word and the last line ends with "…"."""
    lines = [shorten(line, width) for line in  # a single word longer than `width` is cut too
             textwrap.wrap(_plain(text), width, break_long_words=False, break_on_hyphens=False) or [""]]
    if len(lines) <= max_lines:
        return lines
    return [*lines[:max_lines - 1], shorten(" ".join(lines[max_lines - 1:]), width)]


def wrap(text, width: int, max_lines: int = 2) -> str:
    """wrap_lines as plotly text: each line escaped, joined with <br>."""
    return "<br>".join(html.escape(line, quote=False) for line in wrap_lines(text, width, max_lines))


def region_short_name(name) -> str:
    """A region's name with the usual abbreviations: "Kab. Adm. Kep. Seribu", "Kota Adm. Jakarta
    Pusat". Names are unique, and stay so: only the kind words are abbreviated."""
    short = _plain(name)
    for long_form, abbreviation in REGION_ABBREVIATIONS:
        short = short.replace(long_form, abbreviation)
    return short


def full_name(text) -> str:
    """The full name for the hover text, escaped."""
    return html.escape(_plain(text), quote=False)


def region_colours(names: Iterable[str], highlight: str | None = None) -> dict[str, str]:
    """One colour per region for every chart of a page: `highlight` (the user's region) always gets
    the first series colour, the others the next colours in the order given (the palette repeats
    after eight). Built once per page from the page's chosen regions and passed to each builder."""
    ordered = list(dict.fromkeys([*([highlight] if highlight else []), *names]))
    if highlight is None:
        return {name: SERIES_COLOURS[number % len(SERIES_COLOURS)] for number, name in enumerate(ordered)}
    others = SERIES_COLOURS[1:]
    return {name: SERIES_COLOURS[0] if name == highlight else others[(number - 1) % len(others)]
            for number, name in enumerate(ordered)}


def colours_for(series: Sequence[str], colours: dict[str, str] | None) -> list[str]:
    """The colour of each series: from `colours` (a page's region colours) when it names it, else the
    palette by position; series the map does not name never take a colour it has given out."""
    colours = colours or {}
    spare = [colour for colour in SERIES_COLOURS if colour not in colours.values()] or SERIES_COLOURS
    result, next_spare = [], 0
    for name in series:
        if name in colours:
            result.append(colours[name])
        else:
            result.append(spare[next_spare % len(spare)])
            next_spare += 1
    return result


# Width of a character of the value labels (13 px Source Sans Pro, digits and signs) in px: enough
# for the widest, so a margin sized by it always holds the text.
VALUE_FONT_SIZE, VALUE_CHARACTER_PX = 13, 7.2


def value_column(figure, rows: Sequence[str], texts: Sequence[str], colour: str = "#1F2933") -> None:
    """Print each row's value in a column right of the plot area (horizontal bar charts), and make
    the right margin as wide as the longest line: a value never runs past the chart's edge nor over
    a bar's name, whatever the screen. `rows` are the y categories; `texts` plotly text (<br> allowed)."""
    # One layout update for all rows: add_annotation per row re-validates the whole annotation list
    # each time (a page run's largest plotly cost on the region page, docs/benchmark.md).
    font = dict(size=VALUE_FONT_SIZE, color=colour)
    added = [dict(x=1, xref="paper", xanchor="left", xshift=8, y=row, yref="y", text=value, showarrow=False,
                  align="left", font=font) for row, value in zip(rows, texts, strict=True)]
    widest = max((len(html.unescape(line)) for value in texts for line in str(value).split("<br>")), default=0)
    figure.update_layout(annotations=[*figure.layout.annotations, *added],
                         margin=dict(r=int(16 + VALUE_CHARACTER_PX * widest)))


def legend_name(name, limit: int = 30) -> str:
    """A series' name for a legend or a direct label: region kinds abbreviated, then shortened at a
    word (the full name is in the hover text). Escaped."""
    return html.escape(shorten(region_short_name(name), limit), quote=False)


def short_ticks(categories: Sequence[str], shown: Sequence[str]) -> dict:
    """Axis settings that show `shown` (short or wrapped names) for `categories` (the full names the
    traces keep as their data, so the hover text, a test or an export still sees the full name)."""
    return dict(tickmode="array", tickvals=list(categories), ticktext=list(shown))


def map_label(name, limit: int = 20) -> str:
    """A region's label on a map: a kabupaten by its name alone, a kota as "Kota X" ("Kabupaten
    Jember" -> "Jember", "Kota Administrasi Jakarta Pusat" -> "Kota Jakarta Pusat"), shortened at a
    word. A kabupaten and the kota of the same name stay apart by the word "Kota". Escaped."""
    short = region_short_name(name)
    for kind, shown in (("Kab. Adm. ", ""), ("Kab. ", ""), ("Kota Adm. ", "Kota ")):
        if short.startswith(kind):
            short = shown + short[len(kind):]
            break
    return html.escape(shorten(short, limit), quote=False)


# Where a point's label may sit, in order of preference: (plotly textposition, x and y direction).
LABEL_PLACES = (("middle right", 1, 0), ("middle left", -1, 0), ("top center", 0, 1), ("bottom center", 0, -1),
                ("top right", 1, 1), ("top left", -1, 1), ("bottom right", 1, -1), ("bottom left", -1, -1))
# Text size of map labels and the width of one of their characters (px, a generous average).
POINT_LABEL_FONT_SIZE, POINT_LABEL_CHARACTER_PX = 11, 6.0


def point_label_places(xs: Sequence[float], ys: Sequence[float], texts: Sequence[str],
                       scales: Sequence[float], bounds: tuple[float, float, float, float] | None = None,
                       marker_px: float = 10.0) -> list[str]:
    """A plotly textposition for each point's label, chosen so labels cover other labels, dots and
    the outside of `bounds` (x0, y0, x1, y1: the plot's data extent) as little as possible when the
    chart is drawn at any of `scales` (pixels per data unit, equal on both axes as on a map; a chart
    does not know its width, so a map passes its wide-screen and its phone scale). Greedy: the most
    crowded points choose first, each takes the place in LABEL_PLACES with the least overlap at the
    first scale, then at the next (on a phone a reader can zoom in; a room looking at a projector
    cannot), then the first in order. Texts are plotly text (escaped, one line)."""
    height = POINT_LABEL_FONT_SIZE * 1.4 + 2                  # a pixel of air round each label
    widths = [len(html.unescape(text)) * POINT_LABEL_CHARACTER_PX + 2 for text in texts]
    gap = marker_px / 2 + 2
    count = len(widths)

    def box(scale: float, number: int, dx: int, dy: int) -> tuple[float, float, float, float]:
        x, y, width = xs[number] * scale, ys[number] * scale, widths[number]
        left = x + gap if dx > 0 else x - gap - width if dx < 0 else x - width / 2
        bottom = y + gap if dy > 0 else y - gap - height if dy < 0 else y - height / 2
        return left, bottom, left + width, bottom + height

    def overlap(a, b) -> float:
        return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))

    def dot(scale: float, number: int) -> tuple[float, float, float, float]:
        x, y = xs[number] * scale, ys[number] * scale
        return x - marker_px / 2, y - marker_px / 2, x + marker_px / 2, y + marker_px / 2

    def outside(scale: float, candidate) -> float:
        if bounds is None:
            return 0.0
        frame = tuple(value * scale for value in bounds)
        return (candidate[2] - candidate[0]) * (candidate[3] - candidate[1]) - overlap(candidate, frame)

    def crowding(number: int) -> int:
        scale = min(scales)
        reach = widths[number] / scale
        return -sum(1 for other in range(count) if other != number
                    and abs(xs[other] - xs[number]) < reach and abs(ys[other] - ys[number]) < reach)

    placed: dict[float, list] = {scale: [] for scale in scales}
    chosen = [LABEL_PLACES[0][0]] * count
    for number in sorted(range(count), key=crowding):
        best = None
        for rank, (place, dx, dy) in enumerate(LABEL_PLACES):
            cost = []
            for scale in scales:
                candidate = box(scale, number, dx, dy)
                cost.append(sum(overlap(candidate, other) for other in placed[scale])
                            + sum(overlap(candidate, dot(scale, other)) for other in range(count) if other != number)
                            + outside(scale, candidate))
            if best is None or (cost, rank) < best[:2]:
                best = (cost, rank, place, dx, dy)
        chosen[number] = best[2]
        for scale in scales:
            placed[scale].append(box(scale, number, best[3], best[4]))
    return chosen
