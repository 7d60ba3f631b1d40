"""A leader of Jawa Timur in Chromium: the national overview, Jawa Timur picked, the ranking's
province rank (1..n, the command line's `python -m store ranking` figures), the trends page's movers
of the province, then every kota of the province compared with its band and ranks. Each step reads
what the page shows (the data grids' cells) and checks it against the store or the command line;
the ranking must fit a 1366 px laptop (no sideways scroll) and show index and band on a 390 px phone."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from components.tables import RANKING_WIDTHS
from i18n import t
from scoring import round_score
from store import Store
from tests.browser.harness import REPO, app_pages, new_context, open_view, screenshot, title, wait_for_run

pytestmark = pytest.mark.browser
PAGES = app_pages()
LAPTOP, PHONE = (1366, 768), (390, 844)
STAGE, PROVINCE, LANG = "II", "35", "id"
ROW_MARKER_PX = 32   # the grid's row-selection column

_GRID = """(key) => { const box = document.querySelector('.st-key-' + key);
  const table = box.querySelector('table'), scroller = box.querySelector('.dvn-scroller');
  return {rows: [...table.querySelectorAll('tr')].map(r => [+r.getAttribute('aria-rowindex'),
                                                          [...r.children].map(c => c.innerText.trim())]),
          count: +table.getAttribute('aria-rowcount'), top: scroller.scrollTop,
          end: scroller.scrollHeight - scroller.clientHeight, width: scroller.scrollWidth,
          visible: scroller.clientWidth, step: scroller.clientHeight}; }"""


def grid(page, key: str) -> tuple[list[dict[str, str]], dict]:
    """Every row of the st.dataframe with `key` as {shown header: cell text} (the grid draws only the
    rows in view in its accessible table, so it is scrolled through), and its scroller's sizes."""
    page.locator(f".st-key-{key}").scroll_into_view_if_needed()
    page.locator(f".st-key-{key} table").first.wait_for(state="attached")   # drawn after the run
    found: dict[int, list[str]] = {}
    for _ in range(100):
        page.wait_for_timeout(300)   # the grid redraws its rows in view after a scroll
        state = page.evaluate(_GRID, key)
        found.update(dict(state["rows"]))
        if len(found) >= state["count"]:   # the header row is one of aria-rowcount
            break
        page.evaluate("([key, by]) => { document.querySelector('.st-key-' + key + ' .dvn-scroller').scrollTop += by; }",
                      [key, int(state["step"] * 0.5)])
    header = found.pop(1)
    assert len(found) == state["count"] - 1, f"read {len(found)} of {state['count'] - 1} rows of {key}"
    return [dict(zip(header, found[i], strict=True)) for i in sorted(found)], state


def choose_in(page, label: str, typed: str, option: str) -> None:
    """Type into the multiselect or selectbox labelled `label` and pick the one option `option`."""
    box = page.locator('[data-testid="stMultiSelect"], [data-testid="stSelectbox"]').filter(has_text=label).first
    field = box.locator("input").first
    field.click()
    field.type(typed)
    options = page.locator('[role="option"]')
    options.first.wait_for()
    assert option in [text.strip() for text in options.all_inner_texts()], options.all_inner_texts()
    options.filter(has_text=option).first.click()
    wait_for_run(page)


def go_to(page, page_name: str) -> None:
    """Open a page from the sidebar's navigation, as a user does."""
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text=t(f"nav.{page_name}", LANG)).first.click()
    page.wait_for_url(re.compile(rf"/{PAGES[page_name]}(\?|$)"))
    wait_for_run(page)


def cli_ranking(data_dir, year: int) -> list[dict]:
    answer = subprocess.run([sys.executable, "-m", "store", "--data-dir", str(data_dir), "ranking", "--year",
                             str(year), "--stage", STAGE, "--format", "json"], cwd=REPO, capture_output=True,
                            text=True, check=True)
    return json.loads(answer.stdout)


def test_a_leader_of_jawa_timur(browser, demo_server):
    store = Store(demo_server.data_dir)
    year = max(store.years(STAGE))
    regions = store.regions().set_index("code")
    in_province = set(regions.index[regions["province_code"] == PROVINCE])
    cli = {row["region_code"]: row for row in cli_ranking(demo_server.data_dir, year)
           if row["region_code"] in in_province}
    context, watch = new_context(browser, LAPTOP)
    try:
        # 1. the national overview; Jawa Timur picked in the province filter
        page = open_view(context, watch, demo_server.link(PAGES["overview"], lang=LANG), charts=2)
        choose_in(page, t("overview.filter_province", LANG), "Jawa Timur", "Jawa Timur")
        page.wait_for_url(re.compile(r"province=35"))
        assert "Jawa Timur" in title(page)

        # 2. the ranking: the province's regions with their province rank, as the command line ranks them
        rows, sizes = grid(page, "overview_ranking")
        assert sizes["width"] <= sizes["visible"], "the ranking scrolls sideways at 1366 px"
        by_code = {re.search(r"region=([\d.]+)", row[t("overview.head_profile", LANG)]).group(1): row
                   for row in rows}
        assert set(by_code) == set(cli)
        province_ranks = {code: int(row[t("overview.head_province_rank", LANG)]) for code, row in by_code.items()}
        assert province_ranks == {code: row["province_rank"] for code, row in cli.items()}
        assert min(province_ranks.values()) == 1 and max(province_ranks.values()) <= len(cli)
        assert all(int(row[t("overview.head_rank", LANG)]) == cli[code]["rank"] for code, row in by_code.items())
        assert t("overview.head_province", LANG) not in rows[0]   # one province: its name is in the title
        screenshot(page, "province-journey-ranking-1366-id")

        # 3. the trends page's movers: the province chosen on the overview stays chosen (one URL key)
        go_to(page, "trends")
        assert "province=35" in page.url and "Jawa Timur" in title(page)
        params = dict(re.findall(r"[?&](from|to)=(\d+)", page.url))
        first, last = int(params["from"]), int(params["to"])
        before = store.scores(first, STAGE, "index").set_index("region_code")["index"]
        after = store.scores(last, STAGE, "index").set_index("region_code")["index"]
        risers = {regions.loc[c, "name"] for c in after.index
                  if c in in_province and c in before.index and round_score(after[c]) > round_score(before[c])}
        assert risers, "the demo's Jawa Timur has risers"
        gains, _ = grid(page, "trends_gains")
        shown = [row[t("word.region", LANG)] for row in gains]
        assert set(shown) <= risers and len(shown) == min(10, len(risers))
        fallers = {regions.loc[c, "name"] for c in after.index
                   if c in in_province and c in before.index and round_score(after[c]) < round_score(before[c])}
        if fallers:
            losses, _ = grid(page, "trends_losses")
            shown = [row[t("word.region", LANG)] for row in losses]
            assert set(shown) <= fallers and len(shown) == min(10, len(fallers))
        else:   # the side says so in words
            assert page.locator(".st-key-trends_losses").inner_text().strip() == t("overview.none_losses", LANG)
        screenshot(page, "province-journey-trends-1366-id")

        # 4. every kota of Jawa Timur compared, each with its band and ranks
        go_to(page, "compare")
        choose_in(page, t("compare.anchor", LANG), "Kota Surabaya", "Kota Surabaya (35.78)")
        choose_in(page, t("compare.peer_method", LANG), "sejenis", t("compare.peers_all_province_kind", LANG))
        ranking = store.ranking(year, STAGE).set_index("region_code")
        kota = [c for c in ranking.index if c in in_province and regions.loc[c, "kind"] == "kota"]
        rows, sizes = grid(page, "compare_standing_rows")
        assert sorted(row[t("overview.head_region", LANG)] for row in rows) == sorted(regions.loc[kota, "name"])
        names = store.framework_of(year, STAGE).band_names(LANG)
        by_name = ranking.reset_index().set_index("name")
        for row in rows:
            expected = by_name.loc[row[t("overview.head_region", LANG)]]
            assert row[t("overview.head_band", LANG)] == names[int(expected["band"])]
            assert row[t("compare.head_rank", LANG)] == t("region.rank_of", LANG, rank=int(expected["rank"]),
                                                          total=len(ranking))
            assert row[t("compare.head_province_rank", LANG)] == t(
                "compare.rank_in", LANG, rank=int(expected["province_rank"]),
                total=int(expected["province_regions"]), place="Jawa Timur")
        screenshot(page, "province-journey-compare-1366-id")
        assert watch.problems() == {}
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_province_ranking_on_a_phone_shows_index_and_band(browser, demo_server, lang):
    context, watch = new_context(browser, PHONE)
    try:
        page = open_view(context, watch, demo_server.link(PAGES["overview"], province=PROVINCE, lang=lang), charts=2)
        rows, sizes = grid(page, "overview_ranking")
        assert list(rows[0])[:4] == [t(f"overview.head_{name}", lang) for name in ("rank", "region", "index", "band")]
        first_four = ROW_MARKER_PX + sum(RANKING_WIDTHS[n] for n in ("rank", "region", "index", "band"))
        assert first_four <= sizes["visible"], (first_four, sizes["visible"])
        screenshot(page, f"province-journey-ranking-390-{lang}")
        assert watch.problems() == {}
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_ranking_fits_a_laptop_nationally_and_for_a_province(browser, demo_server, lang):
    """Every column in view at 1366 px: the national ranking of a year with evaluation groups (its widest:
    province, group and rank in group) and a province's (its province rank)."""
    year = int(min(Store(demo_server.data_dir).evaluation_groups()["year"]))
    context, watch = new_context(browser, LAPTOP)
    try:
        for params in ({"year": year}, {"year": year, "province": PROVINCE}):
            page = open_view(context, watch, demo_server.link(PAGES["overview"], lang=lang, **params), charts=2)
            rows, sizes = grid(page, "overview_ranking")
            assert t("overview.head_group_rank", lang) in rows[0]
            assert (t("overview.head_province_rank", lang) in rows[0]) == ("province" in params)
            assert sizes["width"] <= sizes["visible"], (params, sizes)
            page.close()
        assert watch.problems() == {}
    finally:
        context.close()
