"""The PPTX region slide and the PDF profile give the rank within the evaluation group beside the
national and province ranks, the very numbers of Store.ranking's row (demo 2024 Tahap II: two groups)."""

import io

import pytest
from pptx import Presentation
from pypdf import PdfReader

from i18n import t
from reports.deck import region_deck
from reports.profile_pdf import profile_pdf
from tests.reports.conftest import STAGE, YEAR, slide_texts


def one_region_per_group(store) -> list[tuple[str, object]]:
    """(region code, ranking row) of the last-ranked region of each of the year's groups (a rank far
    from 1, so a national or province rank cannot pass for it)."""
    ranking = store.ranking(YEAR, STAGE)
    assert ranking["group"].nunique() == 2
    picked = ranking.sort_values("group_rank").groupby("group").tail(1)
    return [(row.region_code, row) for row in picked.itertuples(index=False)]


def expected_lines(store, row, lang: str) -> list[str]:
    """The group and province sentences worded from the ranking row by hand (the messages' own text)."""
    group = t("region.group_rank", lang, rank=int(row.group_rank), total=int(row.group_regions),
              group=store.group_names(lang)[row.group])
    province = t("region.group_ranks", lang, province_rank=int(row.province_rank),
                 province_total=int(row.province_regions), province=row.province_name,
                 kind_rank=int(row.kind_rank), kind_total=int(row.kind_regions),
                 kind=t(f"word.{row.kind}", lang).lower())
    return [group, province]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_region_slide_gives_the_group_rank(report_store, lang):
    for code, row in one_region_per_group(report_store):
        deck = Presentation(io.BytesIO(region_deck(report_store, [code], YEAR, STAGE, lang)))
        text = "\n".join(text for slide in deck.slides for text in slide_texts(slide))
        for line in expected_lines(report_store, row, lang):
            assert line in text
        assert t("region.rank_of", lang, rank=int(row.rank), total=len(report_store.ranking(YEAR, STAGE))) in text


@pytest.mark.slow
def test_profile_pdf_gives_the_group_rank(report_store):
    """The PDF sets the ranks side by side as labelled figures: national, province, kind, group."""
    total = len(report_store.ranking(YEAR, STAGE))
    for code, row in one_region_per_group(report_store):
        reader = PdfReader(io.BytesIO(profile_pdf(report_store, code, YEAR, STAGE, "en")))
        text = " ".join(reader.pages[0].extract_text().split())
        figures = [(t("region.metric_rank", "en"), row.rank, total),
                   (t("reports.rank_province", "en", province=row.province_name), row.province_rank,
                    row.province_regions),
                   (t(f"reports.rank_{row.kind}", "en"), row.kind_rank, row.kind_regions),
                   (t("reports.rank_group", "en", group=report_store.group_names("en")[row.group]), row.group_rank,
                    row.group_regions)]
        for label, rank, of in figures:
            assert f"{' '.join(label.split())} {t('region.rank_of', 'en', rank=int(rank), total=int(of))}" in text
