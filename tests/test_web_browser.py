"""End to end in a real headless Chromium (issue 7): fill the form for seed 003, see an error
appear for a bad amount, fix it, download the .docx and read it back."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import expect, sync_playwright

from annexgen.web import create_app
from tests.render.helpers import paragraphs

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not IN_CI, reason="Chromium not installed"
)
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline:  # pragma: no cover - start-up failure
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


def test_fill_fix_and_download(server: str, tmp_path: Path) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        page = browser.new_page(accept_downloads=True)
        page.goto(f"{server}/new/project-description")
        page.fill('[name="decision.council"]', "Daugavpils pilsētas domes")
        page.fill('[name="decision.date"]', "2013-12-05")
        page.fill('[name="decision.number"]', "610")
        page.fill('[name="signatory.position"]', "Daugavpils pilsētas domes priekšsēdētājs")
        page.fill('[name="signatory.name"]', "J. Lāčplēsis")
        page.fill(
            '[name="project_name"]', "Integrācijas inkubators romu bērnu un jauniešu atbalstam"
        )
        page.fill('[name="applicant"]', "Biedrība „Izglītības iniciatīvu centrs”")
        page.fill('[name="duration.until"]', "2015-09-30")
        page.click('fieldset[data-name="costs"] > button.add')
        page.fill('[name="costs.0.text"]', "Daugavpils pašvaldības ieguldītais līdzfinansējums-")
        page.fill('[name="costs.0.amount"]', "LVL 1000,555")  # three decimals: wrong
        error = page.locator('.error[data-for="costs.0.amount"]')
        expect(error).to_contain_text("more than two decimals")
        page.fill('[name="costs.0.amount"]', "LVL 1000")
        expect(error).to_have_text("")
        preview = page.locator('.preview[data-for="costs.0.amount"]')
        expect(preview).to_contain_text("viens tūkstotis latu")
        expect(page.locator("#status")).to_have_text("Kļūdu nav.")
        page.screenshot(path=str(tmp_path / "form.png"), full_page=True)
        with page.expect_download() as download_info:
            page.click("text=Lejupielādēt Word")
        target = tmp_path / "annex.docx"
        download_info.value.save_as(target)
        browser.close()
    paras = paragraphs(target.read_bytes())
    assert "Projekta „Integrācijas inkubators romu bērnu un jauniešu atbalstam” apraksts" in paras
    assert f"Līdz 2015.{NBSP}gada 30.{NBSP}septembrim" in paras
    assert f"Daugavpils pilsētas domes priekšsēdētājs\tJ.{NBSP}Lāčplēsis" in paras
