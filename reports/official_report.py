"""The region's official (published) results in the PPTX deck and the PDF profile, exactly as the
region page shows them: the published index as its text (views.official), the rank as published,
Matra's computed index beside it (marked synthetic when it is), and every source with its address."""

from __future__ import annotations

from reports import slides
from reports.profile import RegionProfile
from reports.slides import Box
from views.official import published, rank_text


def official_rows(profile: RegionProfile) -> tuple[list[str], list[list[str]]]:
    """Header and rows: year, official index (published), rank (as published), predicate, Matra's
    index, official minus Matra."""
    ctx = profile.context
    synthetic = ctx.t("official.synthetic_short") if ctx.synthetic else ""
    header = [ctx.t("official.col_year"), ctx.t("official.col_official"), ctx.t("official.col_rank"),
              ctx.t("official.col_predicate"), ctx.t("official.col_matra", synthetic=synthetic),
              ctx.t("official.col_difference")]
    rows = [[str(r["year"]), published(r["index"], ctx.lang), rank_text(r["rank"], r["rank_of"]), r["predicate"],
             "" if r["computed"] is None or r["computed"] != r["computed"] else ctx.number(r["computed"]),
             "" if r["difference"] is None or r["difference"] != r["difference"]
             else ctx.number(r["difference"], signed=True)]
            for r in profile.official.astype(object).where(profile.official.notna(), None).to_dict("records")]
    return header, rows


def source_texts(profile: RegionProfile) -> list[str]:
    """'2024: source — address' per published year (the address written out: a slide or a printed
    page has no link to click)."""
    ctx = profile.context
    return [ctx.t("official.source_line", year=r["year"], source=r["source"] + (
        f" — {r['source_url']}" if r["source_url"] else f" {ctx.t('official.no_address')}"))
        for r in profile.official.to_dict("records")]


def official_slide(deck, profile: RegionProfile) -> None:
    """A slide of the region's published results beside Matra's, with the sources (none when no
    result is recorded)."""
    if profile.official.empty:
        return
    ctx = profile.context
    slide = slides.content_slide(deck, ctx.t("official.report_heading"), ctx.footer(profile.scope))
    header, rows = official_rows(profile)
    height = 0.42 * (len(rows) + 1)
    slides.add_table(slide, header, rows, Box(0.5, 1.35, 12.33, height), widths=[1.0, 2.4, 2.0, 1.8, 3.13, 2.0],
                     size=12)
    intro = ctx.t("official.region_intro", synthetic=ctx.t("official.synthetic_note") if ctx.synthetic else "")
    slides.add_text(slide, Box(0.5, 1.5 + height, 12.33, 5.4 - height), [intro, *source_texts(profile)], size=11,
                    colour=slides.MUTED_COLOUR)


def official_line(profile: RegionProfile) -> str:
    """'Official index 2024 (published): 3.93, rank 1 — source: ...' for the deck's year, or ''."""
    ctx = profile.context
    rows = profile.official[profile.official["year"] == ctx.year] if not profile.official.empty else profile.official
    if rows.empty:
        return ""
    row = rows.iloc[0]
    rank = ctx.t("official.slide_rank", rank=rank_text(row["rank"], row["rank_of"])) if row["rank"] else ""
    source = row["source"] + (f" — {row['source_url']}" if row["source_url"] else "")
    return ctx.t("official.slide_line", year=ctx.year, index=published(row["index"], ctx.lang), rank=rank,
                 source=source)
