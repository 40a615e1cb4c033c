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


def test_fill_seed_000_fix_a_bad_amount_and_download(server: str, tmp_path: Path) -> None:
    title = (
        "Daugavpils pilsētas Izglītības pārvaldes projekta „Ar saskarsmi pret atkarībām” "
        "(„HUGS NOT DRUGS”) apraksts"
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        page = browser.new_page(accept_downloads=True)
        page.goto(f"{server}/new/project-description")
        # seed 000 (examples/000-hugs-not-drugs.yaml): no annex mark, its own title
        page.fill('[name="project_name"]', "Ar saskarsmi pret atkarībām")
        page.fill('[name="title"]', title)
        page.fill('[name="applicant"]', "Daugavpils pilsētas Izglītības pārvalde (DPIP)")
        page.fill('[name="duration.until"]', "2018-08-31")
        page.fill('[name="duration.note"]', "(2 gadi)")
        page.select_option('[name="options.cents"]', "none")
        page.click('fieldset[data-name="costs"] > button.add')
        page.select_option('[name="costs.0.role"]', "total")
        page.fill(
            '[name="costs.0.text"]',
            "100% ES Mūžizglītības Erasmus+ programmas atbalsts: projekta kopējais finansējums –",
        )
        page.fill('[name="costs.0.after"]', ".")
        page.fill('[name="costs.0.amount"]', "19 700.001 EUR")  # three decimals: wrong
        error = page.locator('.error[data-for="costs.0.amount"]')
        expect(error).to_contain_text("more than two decimals")
        page.fill('[name="costs.0.amount"]', "19 700.00 EUR")
        expect(error).to_have_text("")
        preview = page.locator('.preview[data-for="costs.0.amount"]')
        expect(preview).to_contain_text("deviņpadsmit tūkstoši septiņi simti eiro")
        page.click('fieldset[data-name="activities"] > button.add')
        page.fill('[name="activities.0"]', "Starptautiskas sanāksmes visās projekta dalībvalstīs.")
        expect(page.locator("#status")).to_have_text("Kļūdu nav.")
        with page.expect_download() as download_info:
            page.click("text=Lejupielādēt Word")
        target = tmp_path / "annex.docx"
        download_info.value.save_as(target)
        browser.close()
    paras = paragraphs(target.read_bytes())
    assert title in paras
    assert f"Līdz 2018.{NBSP}gada 31.{NBSP}augustam (2 gadi)" in paras  # latvian-language §6.2
    assert (
        "100% ES Mūžizglītības Erasmus+ programmas atbalsts: projekta kopējais finansējums – "
        f"19{NBSP}700,00{NBSP}EUR (deviņpadsmit tūkstoši septiņi simti eiro)."
    ) in paras
    assert "Starptautiskas sanāksmes visās projekta dalībvalstīs." in paras
