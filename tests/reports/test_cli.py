"""`python -m reports` as a user runs it: exit 0 done, 2 refused input, 1 unavailable/internal.

The tests call the CLI's entry point `reports.cli.main(argv)` in this process (what `python -m
reports` runs) and read what it prints with capsys; one smoke test starts the real `python -m
reports` to check the module entry point and its exit code end to end.
"""

import io
import json
import os
import subprocess
import sys
from types import SimpleNamespace

import openpyxl
import pytest
from pptx import Presentation
from pypdf import PdfReader

from reports.agenda import Agenda, AgendaItem, encode, to_json
from reports.cli import main
from tests.conftest import REPO
from tests.reports.conftest import JEMBER, SURABAYA


@pytest.fixture
def run(capsys):
    """run(data_dir, *args) -> (returncode, stdout, stderr) of the CLI, in this process."""
    def call(data_dir, *args):
        capsys.readouterr()   # start from clean streams
        code = main(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        return SimpleNamespace(returncode=code, stdout=out, stderr=err)
    return call


@pytest.fixture(scope="module")
def agenda(report_store) -> Agenda:
    return Agenda("Rakor", 2024, "II", "en", report_store.current_snapshot_ids(),
                  (AgendaItem("region", {"region": JEMBER}), AgendaItem("trends", {"regions": SURABAYA})))


def test_python_m_reports_smoke(report_data, tmp_path):
    """The one real process: `python -m reports` runs main() and exits with its code."""
    out = tmp_path / "ranking.xlsx"
    done = subprocess.run([sys.executable, "-m", "reports", "--data-dir", str(report_data), "table", "ranking",
                           "--year", "2024", "--stage", "II", "--format", "xlsx", "--lang", "en", "--out", str(out)],
                          cwd=REPO, capture_output=True, text=True, timeout=240, env=dict(os.environ))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.cell(1, 1).value == "Rank" and sheet.cell(2, 1).value == 1


def test_region_deck(report_data, tmp_path, run):
    out = tmp_path / "deck.pptx"
    done = run(report_data, "deck", "--regions", f"{JEMBER},{SURABAYA}", "--year", "2024", "--stage", "II",
               "--lang", "id", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    deck = Presentation(io.BytesIO(out.read_bytes()))
    assert deck.slides[0].shapes.title.text == "Profil Kabupaten Jember"
    assert len(deck.slides) == 14   # 7 per region: profile, key figures, dimensions, trends, priorities, OPDs, claims


def test_agenda_deck_from_link_token_and_file(report_data, agenda, tmp_path, run):
    token = encode(agenda)
    file = tmp_path / "agenda.json"
    file.write_text(to_json(agenda), encoding="utf-8")
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps([{"item": 0, "note": "ok", "decision": "go", "owner_opd": "Dinkes",
                                  "due_date": "2026-12-01"}]), encoding="utf-8")
    expected = ["Rakor", "Profile of Kabupaten Jember", "Smart City Index by year, stage II",
                "Meeting notes and follow-ups"]
    out = tmp_path / "agenda.pptx"
    done = run(report_data, "deck", "--agenda", f"https://matra.example/present?lang=en&agenda={token}",
               "--notes", str(notes), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert [slide.shapes.title.text for slide in Presentation(out).slides] == expected
    for source in (token, str(file)):   # a bare token, a JSON file
        out.unlink()
        assert main(["--data-dir", str(report_data), "deck", "--agenda", source, "--out", str(out)]) == 0
        assert [slide.shapes.title.text for slide in Presentation(out).slides][:3] == expected[:3]


def test_an_agenda_deck_with_a_deleted_scenario_is_made_with_a_slide_saying_so(report_data, report_store,
                                                                              tmp_path, run):
    """Issue 25 (8): `reports deck --agenda` refused the whole deck (exit 2, no file) when a saved
    scenario of the agenda had been deleted."""
    agenda = Agenda("Rakor", 2024, "II", "id", report_store.current_snapshot_ids(),
                    (AgendaItem("scenario", {"region": JEMBER, "scenario": "0123456789ab"}),
                     AgendaItem("region", {"region": JEMBER})))
    out = tmp_path / "agenda.pptx"
    done = run(report_data, "deck", "--agenda", encode(agenda), "--out", str(out))
    assert done.returncode == 0, done.stderr
    deck = Presentation(out)
    assert [slide.shapes.title.text for slide in deck.slides] == [
        "Rakor", "1. Skenario simulasi", "Profil Kabupaten Jember", "Catatan rapat dan tindak lanjut"]
    assert any("Skenario ini tidak ada lagi" in shape.text_frame.text for shape in deck.slides[1].shapes
               if shape.has_text_frame)


def test_refused_inputs_exit_2(report_data, report_store, tmp_path, capsys, run):
    out = tmp_path / "x"
    assessed = set(report_store.scores(2019, "I", "index")["region_code"])
    absent = next(code for code in report_store.regions()["code"] if code not in assessed)
    for args, message in [
        (["deck", "--regions", "99.99", "--year", "2024", "--stage", "II"], "Unknown region code: 99.99"),
        (["deck", "--agenda", "https://matra.example/present?agenda=broken"], "Not a valid agenda"),
    ]:
        done = run(report_data, *args, "--out", str(out))
        assert done.returncode == 2, (args, done.stderr)
        assert message in done.stderr
    for args, message in [
        (["deck", "--regions", JEMBER, "--year", "2031", "--stage", "II"], "No data for 2031 stage II"),
        (["deck", "--year", "2024", "--stage", "II"], "Name at least one region"),
        (["deck", "--agenda", "x" * 5000], "Not a valid agenda"),
        (["table", "indicators", "--year", "2024", "--stage", "II", "--lang", "en"], "needs --region"),
        (["profile", "--region", absent, "--year", "2019", "--stage", "I", "--lang", "en"], "not assessed"),
    ]:
        assert main(["--data-dir", str(report_data), *args, "--out", str(out)]) == 2, args
        assert message in capsys.readouterr().err
    with pytest.raises(SystemExit) as bad_choice:
        main(["--data-dir", str(report_data), "profile", "--region", JEMBER, "--year", "2024", "--stage", "III",
              "--out", str(out)])
    assert bad_choice.value.code == 2
    assert not out.exists()


def test_profile_pdf_and_its_unavailable_exit(report_data, tmp_path, monkeypatch, run):
    out = tmp_path / "profile.pdf"
    with monkeypatch.context() as no_browser:
        no_browser.setenv("BROWSER_PATH", "/nonexistent/chromium")
        missing = run(report_data, "profile", "--region", JEMBER, "--year", "2024", "--stage", "II", "--lang", "en",
                      "--out", str(out))
    assert missing.returncode == 1
    assert "apt-get install chromium" in missing.stderr and not out.exists()
    # With chromium back: reuses this process's kaleido server instead of starting one per test.
    assert main(["--data-dir", str(report_data), "profile", "--region", JEMBER, "--year", "2024", "--stage", "II",
                 "--lang", "en", "--out", str(out)]) == 0
    assert "Kabupaten Jember" in PdfReader(out).pages[0].extract_text()


def test_tables(report_data, tmp_path, run):
    out = tmp_path / "ranking.xlsx"
    done = run(report_data, "table", "ranking", "--year", "2024", "--stage", "II", "--format", "xlsx",
               "--lang", "en", "--out", str(out))
    assert done.returncode == 0, done.stderr
    sheet = openpyxl.load_workbook(out).active
    assert sheet.cell(1, 1).value == "Rank" and sheet.cell(2, 1).value == 1
    csv_out = tmp_path / "actions.csv"
    assert main(["--data-dir", str(report_data), "table", "actions", "--region", JEMBER, "--year", "2024",
                 "--stage", "II", "--out", str(csv_out)]) == 0
    assert csv_out.read_text(encoding="utf-8-sig").startswith("Untuk,Kode,Indikator")


def test_help_lists_every_table():
    from reports.cli import _parser
    from reports.tables import TABLES

    text = _parser().format_help()
    assert all(name in text for name in TABLES) and f"{', '.join(TABLES)} as CSV/XLSX" in text
