"""PPTX decks with native, editable charts: the profile of one or more regions, or a meeting agenda
(one slide per item, frozen to the agenda's snapshots) followed by its notes and follow-ups.

Every content slide carries its title, and a footer with the source, data-as-of and the filters
(year, stage, region). Numbers are formatted in the deck's language by i18n.format_number.
"""

from __future__ import annotations

from collections.abc import Sequence

from i18n import format_date
from reports import action_slides, official_report, region_slides, slides, view_slides
from reports.agenda import Agenda, AgendaItem
from reports.context import ReportContext, check_regions, check_year_stage
from reports.errors import ExportRefused
from reports.profile import RegionProfile, region_profile
from store.manifest import shared_year_stages
from views.overview import OverviewSelection, scope_title

NOTE_FIELDS = ("note", "decision", "owner_opd", "due_date")
NOTES_PER_SLIDE = 7
MAX_NOTE_CHARS = 400


def region_deck(store, regions: Sequence[str], year: int, stage: str, lang: str) -> bytes:
    """Per region: a cover, key figures, dimensions against benchmarks, trend, priority indicators,
    owner OPDs, and stage I claims against stage II verification. Refuses unknown regions, a
    year/stage without data, regions not assessed."""
    regions = list(regions)
    check_regions(store, regions)
    check_year_stage(store, year, stage)
    profiles = [region_profile(store, code, year, stage, lang) for code in regions]
    deck = slides.new_deck()
    for profile in profiles:
        region_cover(deck, profile)
        region_slides.index_slide(deck, profile)
        region_slides.radar_slide(deck, profile)
        region_slides.trend_slide(deck, profile)
        official_report.official_slide(deck, profile)
        region_slides.priority_slide(deck, profile)
        region_slides.opd_slide(deck, profile)
        view_slides.claims_slide(deck, store, profile.context, {"region": profile.code}, None)
    return slides.deck_bytes(deck)


def region_cover(deck, profile: RegionProfile) -> None:
    ctx = profile.context
    lines = [ctx.t("reports.region_subtitle", province=profile.province, year=ctx.year, stage=ctx.stage),
             ctx.t("sidebar.data_as_of", date=ctx.date()), ctx.source]
    slides.title_slide(deck, ctx.t("region.title", name=profile.name), lines,
                       ctx.t("reports.synthetic_notice") if ctx.synthetic else "")


def agenda_deck(store, agenda: Agenda, notes: Sequence[dict] | None = None) -> bytes:
    """A cover, one slide per agenda item (numbers from `store.frozen(agenda.snapshot_ids)`), then
    the meeting notes and follow-ups. `notes`: dicts with item (0-based index into agenda.items),
    note, decision, owner_opd, due_date (ISO date or free text). Refuses an agenda whose snapshots
    this data folder does not hold, and malformed notes."""
    deck = slides.new_deck()
    agenda_slides(deck, store, agenda, notes)
    return slides.deck_bytes(deck)


def agenda_slides(deck, store, agenda: Agenda, notes: Sequence[dict] | None = None) -> None:
    """Draw the agenda's slides into `deck`: a PowerPoint deck, or a reports.handout recorder (the
    PDF handout lays out the very same slides). Refusals as agenda_deck."""
    known = {snapshot.id for snapshot in store.snapshots()}
    missing = [sid for sid in agenda.snapshot_ids if sid not in known]
    if missing or not agenda.snapshot_ids:
        raise ExportRefused("reports.agenda_snapshots", ids=", ".join(missing) or "–")
    conflicts = shared_year_stages(s for s in store.snapshots() if s.id in set(agenda.snapshot_ids))
    if conflicts:
        raise ExportRefused("reports.agenda_conflicts", which=", ".join(f"{y} {st}" for y, st in conflicts))
    checked_notes = check_notes(notes or [], len(agenda.items))
    frozen = store.frozen(agenda.snapshot_ids)
    check_year_stage(frozen, agenda.year, agenda.stage)
    ctx = ReportContext.of(frozen, agenda.year, agenda.stage, agenda.lang)
    lines = [ctx.t("reports.deck_title", year=ctx.year, stage=ctx.stage),
             ctx.t("reports.agenda_frozen", date=ctx.date(), count=len(agenda.snapshot_ids)), ctx.source]
    if set(store.current_snapshot_ids()) != set(agenda.snapshot_ids):
        lines.append(ctx.t("reports.newer_data"))
    slides.title_slide(deck, agenda.title, lines, ctx.t("reports.synthetic_notice") if ctx.synthetic else "")
    for number, item in enumerate(agenda.items, start=1):
        try:
            item_slide(deck, frozen, agenda, item)
        except ExportRefused as refused:   # a scenario, region or programme gone: say so, make the rest
            missing_slide(deck, ctx, agenda, number, refused.message(agenda.lang))
    notes_slides(deck, ctx, agenda, checked_notes)


def item_slide(deck, store, agenda: Agenda, item: AgendaItem) -> None:
    """The one slide of an agenda item (its params may override the agenda's year and stage)."""
    params = item.params
    year, stage = int(params.get("year", agenda.year)), params.get("stage", agenda.stage)
    check_year_stage(store, year, stage)
    ctx = ReportContext.of(store, year, stage, agenda.lang)
    if item.view in ("region", "gaps"):
        profile = region_profile(store, params.get("region", ""), year, stage, agenda.lang)
        if item.view == "region":
            region_slides.region_summary_slide(deck, profile, item.title or ctx.t("region.title", name=profile.name))
        else:
            region_slides.gaps_slide(deck, profile, item.title or ctx.t("gaps.title", name=profile.name))
    elif item.view == "overview":
        provinces = dict(zip(store.regions()["province_code"], store.regions()["province_name"], strict=False))
        title = item.title or scope_title(OverviewSelection.from_params(params, provinces), provinces,
                                          store.group_names(agenda.lang), ctx.t, year, stage)
        view_slides.overview_slide(deck, store, ctx, params, title)
    elif item.view == "compare":
        view_slides.compare_slide(deck, store, ctx, params, item.title or None)
    elif item.view == "claims":
        view_slides.claims_slide(deck, store, ctx, params, item.title or None)
    elif item.view == "plan":
        action_slides.plan_slide(deck, store, ctx, params, item.title or None)
    elif item.view == "scenario":
        action_slides.scenario_slide(deck, store, ctx, params, item.title or None)
    else:
        view_slides.trends_slide(deck, store, ctx, params, item.title or None)


def missing_slide(deck, ctx: ReportContext, agenda: Agenda, number: int, reason: str) -> None:
    """The slide of an agenda item that cannot be drawn any more (its saved scenario deleted, its
    region or year no longer in the data): its title and what is missing, so the deck is still made."""
    slide = slides.content_slide(deck, _item_label(ctx, agenda, number - 1), ctx.footer(agenda.title))
    slides.add_text(slide, slides.FULL, [ctx.t("reports.item_missing"), reason], size=20)


def check_notes(notes: Sequence[dict], item_count: int) -> list[dict]:
    """Notes as plain text fields, sorted by item; refused when not a list of such dicts."""
    checked = []
    for number, entry in enumerate(notes, start=1):
        if not isinstance(entry, dict):
            raise ExportRefused("reports.bad_notes", problem=f"entry {number} is not an object")
        item = entry.get("item", entry.get("item_index"))
        if isinstance(item, bool) or not isinstance(item, int) or not 0 <= item < item_count:
            problem = f"entry {number}: item {item!r} is not 0..{item_count - 1}"
            raise ExportRefused("reports.bad_notes", problem=problem)
        fields = {name: _shortened(str(entry.get(name) or "")) for name in NOTE_FIELDS}
        checked.append({"item": item, **fields})
    return sorted(checked, key=lambda entry: entry["item"])


def notes_slides(deck, ctx: ReportContext, agenda: Agenda, notes: list[dict]) -> None:
    """Meeting notes and follow-ups (decision, owner OPD, due date), a few rows per slide."""
    header = [ctx.t("reports.col_item"), ctx.t("region.col_note"), ctx.t("reports.col_decision"),
              ctx.t("region.col_owner"), ctx.t("reports.col_due")]
    pages = [notes[start:start + NOTES_PER_SLIDE] for start in range(0, len(notes), NOTES_PER_SLIDE)] or [[]]
    for page in pages:
        slide = slides.content_slide(deck, ctx.t("reports.notes_title"), ctx.footer(agenda.title))
        if not page:
            slides.add_text(slide, slides.FULL, [ctx.t("reports.no_notes")], size=20)
            continue
        rows = [[_item_label(ctx, agenda, entry["item"]), entry["note"], entry["decision"], entry["owner_opd"],
                 _due(entry["due_date"], ctx.lang)] for entry in page]
        slides.add_table(slide, header, rows, slides.Box(0.5, 1.35, 12.33, 0.6 * (len(rows) + 1)),
                         widths=[2.2, 4.4, 2.9, 1.6, 1.23], size=12)


def _shortened(text: str) -> str:
    """Long notes are cut (with an ellipsis) so a table row fits a slide; the full text stays stored."""
    return text if len(text) <= MAX_NOTE_CHARS else text[:MAX_NOTE_CHARS - 1] + "…"


def _item_label(ctx: ReportContext, agenda: Agenda, index: int) -> str:
    item = agenda.items[index]
    return f"{index + 1}. {item.title or ctx.t(f'present.view_{item.view}')}"


def _due(value: str, lang: str) -> str:
    """An ISO date in the deck's words (15 Des 2026); any other text as it was typed."""
    if len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        try:
            return format_date(value, lang)
        except (ValueError, IndexError):
            return value
    return value
