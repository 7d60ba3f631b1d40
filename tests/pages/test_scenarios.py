"""Saved what-if scenarios in the pages: a link opens one (figures as Store.whatif computes them),
a signed-in note taker saves one and the link reopens it, a hostile name is shown as text, and
changing a choice leaves the scenario."""

import errno
import io
import os
import re

import openpyxl
import pytest

from components.auth import SESSION_KEY
from i18n import format_number, t
from store import Store
from store.scenarios import Scenario
from store.users import SECRETARY, Identity
from tests.pages.conftest import chart_specs, metric, open_page, sign_in


def sign_in_as_secretary(app, name: str, monkeypatch) -> None:
    """A meeting secretary signed in with the shared secretary password (re-checked at every write)."""
    monkeypatch.setenv("MATRA_SECRETARY_PASSWORD", "sekretariat-rahasia")
    app.session_state[SESSION_KEY] = Identity(name, SECRETARY, (), "shared")

IMG = "<img src=x onerror=alert(1)> **bold**"
LEVELS = {"GOV.LP.01": 4, "GOV.KP.03": "verify"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_scenario_link_opens_its_choices_and_figures(data_dir, lang):
    store = Store(data_dir)
    year = max(store.years("II"))
    saved = store.save_scenario(Scenario("35.09", IMG, year, "II", LEVELS), created_by="Ani")
    expected = store.whatif("35.09", year, "II", levels=LEVELS)
    app = open_page("region", region="35.09", year=year, stage="II", lang=lang, scenario=saved.id)
    assert not app.exception
    assert app.selectbox(key="scenario").value == saved.id
    assert sorted(app.multiselect(key="whatif_indicators").value) == sorted(LEVELS)
    assert app.selectbox(key="wl_GOV.KP.03").value == "verify"
    assert metric(app, t("whatif.index", lang)) == format_number(expected.index_after, lang)
    assert metric(app, t("whatif.rank", lang)) == f"{expected.rank_after} / {expected.regions}"
    loaded = [c.value for c in app.caption if "Ani" in c.value]
    assert len(loaded) == 1 and "\\<img" in loaded[0]
    assert not re.search(r"(?<!\\)[<*]", loaded[0])      # every < and * escaped: markdown shows them as text
    # a hand change leaves the scenario: the link no longer claims to be it
    app.selectbox(key="wl_GOV.LP.01").set_value(3).run()
    assert app.selectbox(key="scenario").value == ""
    assert app.query_params.get("scenario") in (None, "", [""])


def test_a_signed_in_note_taker_saves_a_scenario_and_its_link_reopens_it(data_dir, monkeypatch):
    store = Store(data_dir)
    year = max(store.years("II"))
    params = {"whatif_indicators": ",".join(LEVELS), **{f"wl_{c}": v for c, v in LEVELS.items()}}
    monkeypatch.setenv("MATRA_SECRETARY_PASSWORD", "sekretariat-rahasia")
    app = open_page("gaps", region="35.09", year=year, stage="II", lang="en", **params)
    assert not app.exception
    assert t("whatif.signin_to_save", "en") in [c.value for c in app.caption]
    assert not [b for b in app.button if b.key == "whatif_save"]        # a viewer cannot write
    # The sign-in is where the save is: the one sign-in form (components/signin.py), in the panel.
    assert t("whatif.signin_expander", "en") in [e.label for e in app.expander]
    sign_in(app, "Budi", "sekretariat-rahasia")
    app.text_input(key="whatif_save_name").input("Verifikasi GOV")
    app.button(key="whatif_save").click().run()
    assert not app.exception
    [saved] = store.scenarios("35.09")
    assert (saved.name, saved.created_by, saved.levels, saved.year) == ("Verifikasi GOV", "Budi", LEVELS, year)
    line = store.audit_log()[-1]
    assert (line["action"], line["who"], line["role"], line["ids"]) == ("scenario", "Budi", "secretary",
                                                                         ["35.09", saved.id])
    assert app.query_params["scenario"] in (saved.id, [saved.id])
    reopened = open_page("region", region="35.09", year=year, stage="II", lang="en", scenario=saved.id)
    expected = store.whatif("35.09", year, "II", levels=LEVELS)
    assert metric(reopened, t("whatif.index", "en")) == format_number(expected.index_after, "en")


def test_an_unknown_scenario_link_is_explained(data_dir):
    store = Store(data_dir)
    year = max(store.years("II"))
    app = open_page("region", region="35.09", year=year, stage="II", lang="en", scenario="0123456789ab")
    assert not app.exception
    assert any("0123456789ab" in w.value for w in app.warning)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_compare_shows_saved_scenarios_beside_the_actual_figures_and_exports_them(data_dir, lang):
    store = Store(data_dir)
    year = max(store.years("II"))
    formula = "=HYPERLINK(\"http://x\",\"klik\")"
    saved = store.save_scenario(Scenario("35.09", formula, year, "II", LEVELS), created_by="Ani")
    expected = store.whatif("35.09", year, "II", levels=LEVELS)
    app = open_page("compare", mode="manual", regions="35.09,35.78", year=year, stage="II", lang=lang)
    assert not app.exception
    table = next(d.value for d in app.dataframe if t("scenario.col_name", lang) in d.value.columns)
    assert len(table) == 1
    row = table.iloc[0]
    assert row[t("scenario.col_name", lang)] == formula                 # the table holds the text as typed
    assert row[t("scenario.col_index", lang)] == \
        f"{format_number(expected.index_before, lang)} → {format_number(expected.index_after, lang)}"
    assert row[t("scenario.col_rank", lang)] == f"{expected.rank_before} → {expected.rank_after}"
    assert row[t("scenario.col_province_rank", lang)] == \
        f"{expected.province_rank_before} → {expected.province_rank_after}"
    assert f"scenario={saved.id}" in row[t("scenario.col_open", lang)]
    # the export: the same figures, the formula neutralised
    from reports.tables import scenario_table, table_bytes
    workbook = openpyxl.load_workbook(io.BytesIO(table_bytes(
        scenario_table(store, ["35.09", "35.78"], year, "II", lang), "xlsx", "x")))
    header, values = list(workbook.active.values)
    cells = dict(zip(header, values, strict=True))
    assert cells[t("scenario.col_name", lang)] == "'" + formula
    assert cells[t("scenario.col_index_after", lang)] == round(expected.index_after, 2)
    assert cells[t("scenario.col_province_rank_after", lang)] == expected.province_rank_after


def test_compare_says_when_no_scenario_is_saved(data_dir):
    store = Store(data_dir)
    year = max(store.years("II"))
    app = open_page("compare", mode="manual", regions="35.09,35.78", year=year, stage="II", lang="en")
    assert t("scenario.none", "en", year=year, stage="II") in [c.value for c in app.caption]


def test_plan_and_scenario_slides_of_an_agenda(data_dir):
    from reports.agenda import Agenda, AgendaItem, encode

    store = Store(data_dir)
    year = max(store.years("II"))
    saved = store.save_scenario(Scenario("35.09", "Dua langkah", year, "II", LEVELS), created_by="Ani")
    agenda = Agenda("Rakor", year, "II", "en", store.current_snapshot_ids(),
                    (AgendaItem("plan", {"region": "35.09"}),
                     AgendaItem("scenario", {"region": "35.09", "scenario": saved.id})))
    register = store.programmes("35.09")
    everything = store.whatif("35.09", year, "II", programme_codes=list(register["programme_code"]))
    plan = open_page("present", agenda=encode(agenda), mode="slides", slide=2, lang="en")
    assert not plan.exception
    assert [h.value for h in plan.header] == ["Kabupaten Jember\\: action plan"]   # plain(): markdown-inert
    assert metric(plan, t("plan.summary_all_done", "en")) == format_number(everything.index_after, "en")
    assert metric(plan, t("plan.summary_programmes", "en")) == str(len(register))
    assert len(plan.get("plotly_chart")) == 1
    expected = store.whatif("35.09", year, "II", levels=LEVELS)
    scenario = open_page("present", agenda=encode(agenda), mode="slides", slide=3, lang="en")
    assert not scenario.exception
    assert metric(scenario, t("whatif.index", "en")) == format_number(expected.index_after, "en")
    assert metric(scenario, t("whatif.rank", "en")) == str(expected.rank_after)
    assert f"now \\#{expected.rank_before}" in [c.value for c in scenario.caption]   # markdown shows "now #N"
    assert any("GOV.LP.01" in m.value.replace("\\", "") and "→ 4" in m.value for m in scenario.markdown)
    store.delete_scenario("35.09", saved.id)
    gone = open_page("present", agenda=encode(agenda), mode="slides", slide=3, lang="en")
    assert t("present.scenario_gone", "en") in [i.value for i in gone.info]


def test_the_agenda_builder_adds_a_saved_scenario(data_dir):
    store = Store(data_dir)
    year = max(store.years("II"))
    saved = store.save_scenario(Scenario("35.09", "Dua langkah", year, "II", LEVELS))
    app = open_page("present", lang="en", year=year, stage="II")
    app.selectbox(key="present_new_view").set_value("scenario").run()
    app.selectbox(key="present_new_scenario_region").set_value("35.09").run()
    assert app.multiselect(key="present_new_scenarios").options == ["Dua langkah"]
    app.multiselect(key="present_new_scenarios").set_value([saved.id]).run()
    app.button(key="present_add").click().run()
    assert not app.exception
    assert app.session_state["present_items"] == [
        {"view": "scenario", "params": {"region": "35.09", "scenario": saved.id}, "title": ""}]


def test_the_plan_slide_draws_hostile_programme_names_as_text(data_dir):
    from reports.agenda import Agenda, AgendaItem, encode

    store = Store(data_dir)
    year = max(store.years("II"))
    code = store.region_indicators("35.09", year, "II")["indicator_code"].iloc[0]
    header = "programme_code,name,dimension,indicators,owner_opd,budget,budget_source,start_year,end_year,status"
    store.import_programmes("35.09", "p.csv", (f'{header}\nX1,"<a href=""javascript:alert(1)"">klik</a>",GOV,'
                                               f'{code}=4,Diskominfo,1000,APBD,{year},{year + 1},running\n').encode())
    agenda = Agenda("Rakor", year, "II", "en", store.current_snapshot_ids(), (AgendaItem("plan", {"region": "35.09"}),))
    app = open_page("present", agenda=encode(agenda), mode="slides", slide=2, lang="en")
    assert not app.exception
    spec = chart_specs(app)[0]
    assert "<a href" not in str(spec) and "&lt;a href" in str(spec["data"][0]["y"])
    # escaped once (issue 25 item 9: the slide drew `&lt;a href…` because it was escaped twice)
    assert "&amp;lt;" not in str(spec)
    # the hover names the programme in full from its bar's category (escaped once, by charts.bars)
    assert spec["data"][0]["y"] == ['X1 · &lt;a href="javascript:alert(1)"&gt;klik&lt;/a&gt;']
    assert spec["data"][0]["hovertemplate"].startswith("%{y}")


@pytest.mark.parametrize(("lang", "code", "words"), [("en", errno.EROFS, "The data folder cannot be written"),
                                                     ("id", errno.ENOSPC, "Disk penuh")])
def test_the_web_what_if_save_on_a_refusing_disk_says_so_and_writes_nothing(data_dir, monkeypatch, lang, code,
                                                                            words):
    """Issue 25 (7): the web what-if save showed an uncaught OSError on a read-only or full disk."""
    from tests.store.helpers import tree_fingerprint

    year = max(Store(data_dir).years("II"))
    params = {"whatif_indicators": ",".join(LEVELS), **{f"wl_{c}": v for c, v in LEVELS.items()}}
    app = open_page("gaps", region="35.09", year=year, stage="II", lang=lang, **params)
    sign_in_as_secretary(app, "Budi", monkeypatch)
    app.run()
    before = {k: v for k, v in tree_fingerprint(data_dir).items() if k != ".matra.lock"}
    real_replace = os.replace

    def refuse(source, target, *args, **kwargs):
        if str(target).startswith(str(data_dir)):
            raise OSError(code, os.strerror(code), str(target))
        return real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", refuse)
    app.text_input(key="whatif_save_name").input("Verifikasi GOV")
    app.button(key="whatif_save").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert any(words in e.value for e in app.error), [e.value for e in app.error]
    # the empty lock file may appear (the simulated disk refuses renames only); nothing else changes
    assert {k: v for k, v in tree_fingerprint(data_dir).items() if k != ".matra.lock"} == before


def test_the_web_what_if_save_past_the_scenario_bound_says_so(data_dir, monkeypatch):
    """Issue 25 (4): a signed-in note taker could save scenarios without limit."""
    store = Store(data_dir)
    year = max(store.years("II"))
    monkeypatch.setenv("MATRA_MAX_SCENARIOS", "1")
    store.save_scenario(Scenario("35.09", "yang pertama", year, "II", {"GOV.LP.01": 4}), created_by="Ani")
    params = {"whatif_indicators": ",".join(LEVELS), **{f"wl_{c}": v for c, v in LEVELS.items()}}
    app = open_page("gaps", region="35.09", year=year, stage="II", lang="en", **params)
    sign_in_as_secretary(app, "Budi", monkeypatch)
    app.run()
    app.text_input(key="whatif_save_name").input("Verifikasi GOV")
    app.button(key="whatif_save").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert t("whatif.refused_too_many_scenarios", "en", value=1) in [e.value for e in app.error]
    assert [s.name for s in store.scenarios("35.09")] == ["yang pertama"]
