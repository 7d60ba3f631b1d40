"""Sign-in with OIDC end to end: Chromium, the app, and a real OpenID provider (npm oidc-provider,
tests/browser/oidc_provider.mjs) started here on a free local port. The allow-list in the secrets
makes Ana an administrator and Budi a data steward for 35.09; Dodi is known to the provider and to
nobody else. An administrator uploads; a steward uploads for their region only; a stranger sees the
pages and no write control; a stranger who sends a write's widget event over the websocket writes
nothing (the same event sent from an administrator's session does write: the event itself works)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg

from i18n import t
from store import Store
from tests.browser.harness import (
    ARTIFACTS,
    REPO,
    app_pages,
    copy_demo_data,
    error_boxes,
    free_ports,
    new_context,
    open_options,
    open_view,
    stop,
    wait_for_run,
    wait_until_healthy,
)
from tests.store.helpers import tree_fingerprint

PROVIDER = REPO / "tests" / "browser" / "oidc_provider.mjs"
CLIENT_SECRET = "browser-suite-client-secret"
PEOPLE = {"ana": ("ana@pemkab.example.id", "Ana Admin"), "budi": ("budi@pemkab.example.id", "Budi Steward"),
          "dodi": ("dodi@elsewhere.example.id", "Dodi Stranger")}
SECRETS = """
[auth]
redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"
cookie_secret = "browser-suite-cookie-secret-0123456789"
client_id = "matra-test"
client_secret = "{client_secret}"
server_metadata_url = "http://127.0.0.1:{provider_port}/.well-known/openid-configuration"
# Streamlit asks for prompt=select_account unless told otherwise; oidc-provider knows login and consent.
client_kwargs = {{ prompt = "login" }}

[matra_access]
claim = "email"

[[matra_access.people]]
who = "ANA@pemkab.example.id"
role = "admin"

[[matra_access.people]]
who = "budi@pemkab.example.id"
role = "steward"
regions = ["35.09"]
"""


@contextmanager
def running(command: list[str], log: Path, env: dict | None = None):
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
    try:
        yield process
    finally:
        stop(process)


@pytest.fixture(scope="module")
def oidc_app(tmp_path_factory):
    """The provider and the app (with the [auth] secrets and the allow-list) on a copy of the data."""
    if shutil.which("node") is None or not (REPO / "node_modules" / "oidc-provider").exists():
        pytest.fail("node and node_modules/oidc-provider are needed: `make test` runs npm ci")
    folder = tmp_path_factory.mktemp("oidc")
    data_dir = copy_demo_data(folder / "data")
    provider_port, app_port = free_ports(2)
    secrets = folder / "secrets.toml"
    secrets.write_text(SECRETS.format(app_port=app_port, provider_port=provider_port, client_secret=CLIENT_SECRET))
    ARTIFACTS.mkdir(exist_ok=True)
    accounts = json.dumps({key: {"email": email, "name": name} for key, (email, name) in PEOPLE.items()})
    env = {k: v for k, v in os.environ.items() if k not in ("MATRA_ADMIN_PASSWORD", "MATRA_SECRETARY_PASSWORD")}
    env.update(MATRA_DATA_DIR=str(data_dir))
    with running(["node", str(PROVIDER), str(provider_port), f"http://127.0.0.1:{app_port}/oauth2callback",
                  CLIENT_SECRET, accounts], ARTIFACTS / "oidc-provider.log"), \
            running([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                     "--server.port", str(app_port), "--server.address", "127.0.0.1",
                     "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
                     "--secrets.files", str(secrets)], ARTIFACTS / "server-oidc.log", env) as app:
        url = f"http://127.0.0.1:{app_port}"
        wait_until_healthy(url, app, ARTIFACTS / "server-oidc.log", seconds=90)
        yield url, data_dir


def data_page(url: str) -> str:
    return f"{url}/{app_pages()['data']}?lang=en&year=2025&stage=II"


def signed_in(browser, url: str, who: str):
    """A new browser context signed in as `who` through the provider's own login and consent pages."""
    context, watch = new_context(browser, (1366, 900))
    page = open_view(context, watch, data_page(url))
    page.get_by_role("button", name=t("data.signin_oidc", "en")).click()
    page.locator('input[name="login"]').fill(who)
    page.locator('input[name="password"]').fill("any password: the provider's development login")
    page.locator('button[type="submit"]').click()
    page.locator('button[type="submit"]', has_text="Continue").click()   # the consent page
    page.wait_for_url(f"{url}/**")
    page.goto(data_page(url))   # Streamlit comes back to the app's root after a sign-in
    wait_for_run(page)
    email, _ = PEOPLE[who]
    page.get_by_text(f"Signed in as {email}").wait_for()
    return context, page


def upload(page, path: Path) -> None:
    uploader = page.get_by_role("region", name=t("data.upload_file", "en"), exact=True)
    uploader.locator('input[type="file"]').set_input_files(str(path))
    wait_for_run(page)


def region_file(data_dir: Path, tmp_path: Path, regions: list[str]) -> Path:
    store = Store(data_dir)
    lines = ["region_code,indicator_code,level,claimed_level,evidence,note"]
    framework = store.framework_for(2025)
    top = framework.max_level   # every indicator at the framework's top level
    lines += [f"{region},{i.code},{top},{top},verified,uji" for region in regions for i in framework.indicators]
    path = tmp_path / f"upload-{'-'.join(regions)}.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def commit(page) -> None:
    page.get_by_role("button", name=t("data.commit", "en")).click()
    page.get_by_text(t("data.committed", "en", id="\0").split("\0")[1].strip()).first.wait_for()
    wait_for_run(page)


def test_an_allowed_administrator_uploads(browser, oidc_app, tmp_path):
    url, data_dir = oidc_app
    context, page = signed_in(browser, url, "ana")
    assert page.get_by_text("administrator").count()
    upload(page, region_file(data_dir, tmp_path, ["35.09", "35.10"]))
    commit(page)
    assert error_boxes(page) == []
    assert Store(data_dir).snapshots()[-1].created_by == PEOPLE["ana"][0]
    context.close()


def test_an_allowed_steward_uploads_only_for_their_region(browser, oidc_app, tmp_path):
    url, data_dir = oidc_app
    context, page = signed_in(browser, url, "budi")
    assert page.get_by_text("data steward (35.09)").count()
    assert page.get_by_role("combobox", name=t("steward.retract_pick", "en")).count() == 0
    manifest = (data_dir / "snapshots" / "manifest.json").read_bytes()
    upload(page, region_file(data_dir, tmp_path, ["35.09", "35.10"]))
    page.get_by_text("outside your account's scope").wait_for()
    wait_for_run(page)
    assert any("outside your account's scope (35.10)" in e for e in error_boxes(page)), error_boxes(page)
    assert page.get_by_role("button", name=t("data.commit", "en")).count() == 0
    assert (data_dir / "snapshots" / "manifest.json").read_bytes() == manifest
    upload(page, region_file(data_dir, tmp_path, ["35.09"]))
    commit(page)
    assert Store(data_dir).snapshots()[-1].created_by == PEOPLE["budi"][0]
    context.close()


def test_a_signed_in_stranger_sees_the_pages_and_no_write_control(browser, oidc_app):
    url, _ = oidc_app
    context, page = signed_in(browser, url, "dodi")
    assert page.get_by_text("viewer").count()
    assert page.locator('[data-testid="stFileUploader"]').count() == 0
    assert page.get_by_role("button", name=t("data.commit", "en")).count() == 0
    assert page.get_by_role("combobox", name=t("steward.retract_pick", "en")).count() == 0
    page.goto(f"{url}/?lang=en")
    assert len(wait_for_run(page, 2)) >= 2, "the overview draws its charts for a viewer"
    assert error_boxes(page) == []
    context.close()


def replayable(captured: list) -> bytes:
    """The rerun request among the caught websocket messages, made fit to send from a new tab: the
    browser lists in it the large messages it already holds (cached_message_hashes) and the server
    then sends only their hashes; a new tab holds none of them and would drop its connection
    ("Cached ForwardMsg MISS"), so the replayed request says it holds none. Everything the server
    acts on (the page, the widget states with the button's trigger) is left as it was sent."""
    for message in captured:
        request = BackMsg.FromString(message if isinstance(message, bytes) else message.encode())
        if request.HasField("rerun_script"):
            triggers = [w.id for w in request.rerun_script.widget_states.widgets if w.HasField("trigger_value")]
            assert any(w.endswith("_button") for w in triggers), triggers
            del request.rerun_script.cached_message_hashes[:]
            return request.SerializeToString()
    raise AssertionError(f"the click sent no rerun request ({len(captured)} messages caught)")


def test_a_stranger_sending_a_write_event_over_the_websocket_writes_nothing(browser, oidc_app):
    """Ana's click on "Retract this snapshot" is caught before it reaches the server; the very same websocket
    message is then sent from Dodi's session (nothing happens) and from a second session of Ana's
    (the snapshot is retracted: the message is a working write)."""
    url, data_dir = oidc_app
    captured, hold = [], {"on": False}

    def catch_ana(ws):
        server = ws.connect_to_server()
        ws.on_message(lambda message: captured.append(message) if hold["on"] else server.send(message))

    ana, page = signed_in(browser, url, "ana")
    page.close()
    page = ana.new_page()
    page.route_web_socket("**/_stcore/stream", catch_ana)
    page.goto(data_page(url))
    wait_for_run(page)
    open_options(page, page.get_by_role("combobox", name=t("steward.retract_pick", "en"))).first.click()
    wait_for_run(page)
    page.get_by_text(t("steward.retract_confirm", "en")).first.click()
    wait_for_run(page)
    leaves_empty = page.get_by_text(re.compile(re.escape(t("steward.confirm_empty", "en", year="\0", stage="\0"))
                                               .replace("\0", ".+")))
    if leaves_empty.count():
        leaves_empty.first.click()
        wait_for_run(page)
    def retracted() -> int:
        return sum(s.status == "retracted" for s in Store(data_dir).snapshots())

    retracted_before = retracted()
    hold["on"] = True
    page.get_by_role("button", name=t("steward.retract_button", "en")).click()
    page.wait_for_timeout(1000)
    event = replayable(captured)
    page.close()

    def send_from(context) -> None:
        connection = {}

        def attach(ws):
            connection["server"] = ws.connect_to_server()

        tab = context.new_page()
        tab.route_web_socket("**/_stcore/stream", attach)
        tab.goto(data_page(url))
        wait_for_run(tab)
        connection["server"].send(event)
        tab.wait_for_timeout(3000)   # the rerun the event asks for, then its end
        wait_for_run(tab)
        tab.close()

    dodi, dodi_page = signed_in(browser, url, "dodi")
    dodi_page.close()
    before, logged_before = tree_fingerprint(data_dir), len(Store(data_dir).audit_log())
    send_from(dodi)
    assert tree_fingerprint(data_dir) == before, "a viewer's crafted event wrote"
    logged = Store(data_dir).audit_log()[logged_before:]
    assert all(line["outcome"] == "refused" for line in logged), logged
    send_from(ana)
    deadline = time.monotonic() + 30
    while retracted() == retracted_before and time.monotonic() < deadline:
        time.sleep(0.5)
    assert retracted() == retracted_before + 1, "the same event from an administrator retracts"
    dodi.close()
    ana.close()
