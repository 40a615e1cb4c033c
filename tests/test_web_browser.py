"""The web form end to end in a real headless Chromium (issues 13 and 14).

Every example is opened (a table with its spreadsheet) and downloaded again
unchanged; seeds 000, 002 and 003 are made from an empty form by typing and
compared with examples/; a table is typed into its grid; a wrong amount shows a
Latvian error tied to its input, and an English one after the language switch;
the form is filled with the keyboard alone; the check page marks seed 001's
wrong words; axe-core (the npm package, ``node_modules/axe-core``) finds no
serious or critical violation on any page, empty or filled, in both languages,
on a desktop and a phone.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import uvicorn
import yaml
from playwright.sync_api import Browser, Page, expect, sync_playwright

from annexgen.model.kinds import REGISTRY
from annexgen.model.loading import load_annex, load_annex_text
from annexgen.web import create_app
from annexgen.word.render import render
from tests.seeds import seed

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not IN_CI, reason="Chromium not installed"
)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


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


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    yield tab
    context.close()
    assert errors == [], errors


def axe_violations(page: Page) -> list[str]:
    """Serious and critical axe-core violations on the page as it is now."""
    assert AXE.is_file(), "run `npm ci` in the checkout: axe-core is missing"
    page.evaluate(AXE.read_text(encoding="utf-8"))  # DevTools evaluation: the page's CSP stays on
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def ready(page: Page) -> None:
    """Wait until the page has checked the form once (the status line is written)."""
    expect(page.locator("#status")).not_to_have_text("")


def download(page: Page, testid: str, target: Path) -> Path:
    with page.expect_download() as info:
        page.click(f'[data-testid="{testid}"]')
    info.value.save_as(target)
    return target


def open_file(page: Page, server: str, path: Path) -> None:
    """Open an example from the start page; a table with the spreadsheet its rows are in,
    both chosen at once as a clerk does."""
    page.goto(f"{server}/")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    files = [str(path)] + ([str(path.parent / data["rows_from"])] if "rows_from" in data else [])
    with page.expect_navigation():
        page.set_input_files('[data-testid="open-file"]', files)
    ready(page)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem[:3])
def test_every_example_opened_and_downloaded_unchanged(
    page: Page, server: str, example: Path, tmp_path: Path
) -> None:
    open_file(page, server, example)
    expect(page.locator("#status")).to_have_text("Kļūdu nav: dokumentu var lejupielādēt.")
    original = load_annex(example)
    saved = download(page, "download-yaml", tmp_path / "a.yaml").read_text(encoding="utf-8")
    if original.kind == "table":  # its rows are in the form now, and in the YAML (rows:)
        assert load_annex_text(saved).cells == original.cells
        expect(page.locator("#notices")).to_contain_text("rows:")
    else:
        assert load_annex_text(saved) == original
    docx = download(page, "download-docx", tmp_path / "a.docx").read_bytes()
    assert docx == render(original)  # the bytes `annexgen render` writes for the same data
    assert axe_violations(page) == []


def _dotted(data: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """YAML data → (input name, text typed): the test's own reading of the YAML."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _dotted(value, f"{prefix}{key}.")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _dotted(value, f"{prefix}{i}.")
    else:
        yield prefix.rstrip("."), str(data)


#: The YAML's shorthands, written out as the form's inputs hold them.
_SHORTHAND = {
    re.compile(r"^activities\.(\d+)$"): r"activities.\1.text",
    re.compile(r"^target_group$"): "target_group.direct",
    re.compile(r"^blocks\.(\d+)$"): r"blocks.\1.text",
}


def _typed(example: Path) -> list[tuple[str, str]]:
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    kind = data.pop("kind")
    assert kind in REGISTRY
    out = []
    for written, value in _dotted(data):
        name = written
        for pattern, replacement in _SHORTHAND.items():
            name = pattern.sub(replacement, name)
        out.append((name, value))
    return out


def _add_rows(page: Page, name: str) -> None:
    """Click "add" on every list the input ``name`` is in until its row exists."""
    parts = name.split(".")
    for depth, part in enumerate(parts):
        if not part.isdigit():
            continue
        list_name = ".".join(parts[:depth])
        rows = page.locator(f'[data-list][data-name="{list_name}"] > .items > .item')
        while rows.count() <= int(part):
            page.click(f'[data-list][data-name="{list_name}"] > button.add')


def type_into(page: Page, name: str, value: str) -> None:
    _add_rows(page, name)
    field = page.locator(f'[name="{name}"]')
    tag = field.evaluate("el => el.tagName + ':' + el.type")
    if tag == "SELECT:select-one":
        field.select_option(value)
    elif tag == "INPUT:checkbox":
        field.set_checked(value == "True")
    else:
        field.fill(value)


@pytest.mark.parametrize("number", ["000", "002", "003"])
def test_seed_made_from_an_empty_form_by_typing(
    page: Page, server: str, number: str, tmp_path: Path
) -> None:
    (example,) = (ROOT / "examples").glob(f"{number}-*.yaml")
    kind = yaml.safe_load(example.read_text(encoding="utf-8"))["kind"]
    page.goto(f"{server}/new/{kind}")
    ready(page)
    for name, value in _typed(example):
        type_into(page, name, value)
    expect(page.locator("#status")).to_have_text("Kļūdu nav: dokumentu var lejupielādēt.")
    saved = download(page, "download-yaml", tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert load_annex_text(saved) == load_annex(example)
    docx = download(page, "download-docx", tmp_path / "a.docx").read_bytes()
    assert docx == render(load_annex(example))
    assert axe_violations(page) == []


def test_wrong_amount_shows_a_latvian_error_tied_to_its_field(page: Page, server: str) -> None:
    page.goto(f"{server}/new/project-description")
    ready(page)
    page.fill('[name="project_name"]', "Pārbaude")
    page.click('[data-list][data-name="costs"] > button.add')
    amount = page.locator('[name="costs.0.amount"]')
    amount.fill("19 700.001 EUR")  # three decimals
    expect(amount).to_have_attribute("aria-invalid", "true")
    described = (amount.get_attribute("aria-describedby") or "").split()
    assert "costs.0.amount--error" in described
    error = page.locator('[id="costs.0.amount--error"]')
    expect(error).to_have_text(re.compile("vairāk nekā divi cipari aiz komata"))
    assert axe_violations(page) == []  # the invalid state is accessible too
    amount.fill("19 700,00 EUR")
    expect(amount).not_to_have_attribute("aria-invalid", "true")
    expect(error).to_be_hidden()
    preview = page.locator('[data-preview][data-name="costs.0"]')
    expect(preview).to_contain_text("19\u00a0700,00\u00a0EUR (deviņpadsmit tūkstoši septiņi simti")
    page.uncheck('[name="costs.0.in_words"]')  # "Summa arī vārdiem" off: the preview follows
    expect(preview).not_to_contain_text("deviņpadsmit")


def test_date_previews_take_the_case_of_their_place(page: Page, server: str) -> None:
    page.goto(f"{server}/new/project-description")
    page.fill('[name="project_name"]', "Pārbaude")
    page.fill('[name="duration.until"]', "30.09.2015.")
    page.fill('[name="decision.council"]', "Daugavpils pilsētas domes")
    page.fill('[name="decision.date"]', "2013-12-05")
    nbsp = "\u00a0"
    expect(page.locator('[data-preview][data-name="duration"]')).to_contain_text(
        f"Līdz 2015.{nbsp}gada 30.{nbsp}septembrim"  # latvian-language §6: "līdz" + dative
    )
    mark = page.locator('[data-preview][data-name="decision"]')
    expect(mark).to_contain_text(f"2013.{nbsp}gada 5.{nbsp}decembra sēdes")  # genitive
    expect(mark).not_to_contain_text("decembrim")


def test_keyboard_only(page: Page, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/new/generic")
    ready(page)

    def tab_to(selector: str) -> None:
        for _ in range(200):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.matches({selector!r})"):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to('[name="title"]')
    page.keyboard.type("Saistošo noteikumu paskaidrojuma raksts")
    tab_to('[data-list][data-name="rows"] > button.add')
    page.keyboard.press("Enter")  # the new row's first input gets the focus
    assert page.evaluate("document.activeElement.name") == "rows.0.label"
    page.keyboard.type("Mērķis")
    page.keyboard.press("Enter")  # Enter in a one-line input never submits
    page.keyboard.press("Tab")
    page.keyboard.type("Noteikt kārtību.")
    tab_to('[data-list][data-name="paragraphs"] > button.add')
    page.keyboard.press("Space")
    page.keyboard.type("Pirmā rindkopa.")
    tab_to('[data-list][data-name="paragraphs"] > button.add')
    page.keyboard.press("Enter")
    page.keyboard.type("Otrā rindkopa.")
    # move the second paragraph up with its own button
    tab_to('button[aria-label="Pārvietot 2. rindkopu uz augšu"]')
    page.keyboard.press("Enter")
    expect(page.locator("#status")).to_have_text("Kļūdu nav: dokumentu var lejupielādēt.")
    tab_to('[data-testid="download-yaml"]')
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    info.value.save_as(tmp_path / "a.yaml")
    annex = load_annex(tmp_path / "a.yaml")
    assert annex.title == "Saistošo noteikumu paskaidrojuma raksts"
    assert [(r.label, r.text) for r in annex.rows] == [("Mērķis", "Noteikt kārtību.")]
    assert annex.paragraphs == ["Otrā rindkopa.", "Pirmā rindkopa."]
    assert page.url.endswith("/new/generic")  # nothing was submitted by Enter


def test_rows_have_distinct_names_and_can_be_removed(page: Page, server: str) -> None:
    page.goto(f"{server}/new/project-announcement")
    ready(page)
    add = page.locator('[data-list][data-name="blocks"] > button.add')
    add.click()
    add.click()
    page.fill('[name="blocks.0.text"]', "A")
    page.fill('[name="blocks.1.text"]', "B")
    page.fill('[name="blocks.2.text"]', "C")
    names = page.eval_on_selector_all(
        "[data-list] button", "els => els.map(e => e.getAttribute('aria-label') || e.textContent)"
    )
    assert len(names) == len(set(names)), names
    page.click('button[aria-label="Dzēst 1. teksta daļu"]')
    assert page.input_value('[name="blocks.0.text"]') == "B"
    assert page.input_value('[name="blocks.1.text"]') == "C"
    page.click('[data-list][data-name="blocks.1.bullets"] > button.add')
    expect(page.locator('[name="blocks.1.bullets.0"]')).to_be_focused()
    label = page.locator('[data-list][data-name="blocks.1.bullets"] > button.add')
    assert label.get_attribute("aria-label") == "Pievienot saraksta punktu (2. teksta daļa)"


def test_draft_survives_reload_and_leaving_asks_first(page: Page, server: str) -> None:
    page.goto(f"{server}/new/generic")
    ready(page)
    page.fill('[name="title"]', "Melnraksts")
    page.click('[data-list][data-name="paragraphs"] > button.add')
    page.fill('[name="paragraphs.0"]', "Teksts")
    page.wait_for_timeout(50)
    page.reload()
    assert page.input_value('[name="title"]') == "Melnraksts"
    assert page.input_value('[name="paragraphs.0"]') == "Teksts"
    expect(page.locator("#notices")).to_contain_text("melnraksts")
    page.fill('[name="title"]', "Melnraksts 2")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.type), d.dismiss()))
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]


def test_check_page_marks_seed_001s_wrong_words(page: Page, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/check")
    assert axe_violations(page) == []
    page.set_input_files('[data-testid="check-file"]', str(seed("001")))
    marks = page.locator("mark")
    expect(marks.first).to_be_visible()
    marked = " ".join(marks.all_text_contents())
    assert "simt vienpadsmit tūkstoši" in marked  # the words say 111 029, the figure 115 029
    findings = page.locator(".finding-list")
    expect(findings).to_contain_text("simt piecpadsmit tūkstoši divdesmit deviņi")  # suggestion
    assert axe_violations(page) == []
    report = download(page, "download-findings", tmp_path / "f.txt").read_text(encoding="utf-8")
    assert "simt piecpadsmit tūkstoši" in report
    with page.expect_navigation():
        page.click('[data-testid="open-in-form"]')
    ready(page)
    assert page.url.endswith("/new/project-description")
    assert page.input_value('[name="project_name"]') == "Darbīgās kopienas"


@pytest.mark.parametrize("kind", list(REGISTRY))
@pytest.mark.parametrize("device", ["desktop", "phone"])
@pytest.mark.parametrize("lang", ["lv", "en"])
def test_every_page_is_accessible_and_fits(
    browser: Browser, server: str, kind: str, device: str, lang: str
) -> None:
    context = browser.new_context(**(PHONE if device == "phone" else {}))
    page = context.new_page()
    query = "?lang=en" if lang == "en" else ""
    for path in ("/", f"/new/{kind}", "/check", "/new/nonexistent"):
        page.goto(f"{server}{path}{query}")
        assert page.evaluate("document.documentElement.lang") == lang
        if path.startswith("/new/") and "nonexistent" not in path:
            ready(page)
        assert axe_violations(page) == [], path
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"{path} scrolls sideways on a {device}: {width}"
    context.close()


def test_phone_shows_the_form_one_column(browser: Browser, server: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{server}/new/project-description")
    ready(page)
    form = page.locator("#annex").bounding_box()
    assert form is not None
    assert form["width"] > 300  # not laid out 980 px wide and shrunk
    context.close()


def test_the_language_switch(page: Page, server: str) -> None:
    """Issue 13: Latvian by default (whatever the browser asks for), English by the switch
    at the top — labels, errors tied to their input, previews' words — and back, the
    draft kept both ways."""
    page.context.set_extra_http_headers({"Accept-Language": "en-GB,en;q=0.9"})
    page.goto(f"{server}/new/project-description")
    ready(page)
    assert page.evaluate("document.documentElement.lang") == "lv"  # not the browser's
    expect(page.locator('label[for="project_name"]')).to_contain_text("Projekta nosaukums")
    page.fill('[name="project_name"]', "Pārbaude")
    page.click('[data-list][data-name="costs"] > button.add')
    page.fill('[name="costs.0.amount"]', "19 700.001 EUR")
    expect(page.locator('[name="costs.0.amount"]')).to_have_attribute("aria-invalid", "true")
    switch = page.get_by_role("link", name="English")
    expect(switch).to_have_attribute("lang", "en")
    with page.expect_navigation():
        switch.click()  # no "leave the page?" question: the draft goes along
    ready(page)
    assert page.url.endswith("/new/project-description?lang=en")
    assert page.evaluate("document.documentElement.lang") == "en"
    expect(page.locator('label[for="project_name"]')).to_have_text(re.compile("^Project name"))
    expect(page.locator("h1")).to_have_text("Project description")
    assert page.input_value('[name="project_name"]') == "Pārbaude"
    amount = page.locator('[name="costs.0.amount"]')
    assert amount.input_value() == "19 700.001 EUR"
    expect(amount).to_have_attribute("aria-invalid", "true")
    described = (amount.get_attribute("aria-describedby") or "").split()
    assert "costs.0.amount--error" in described
    error = page.locator('[id="costs.0.amount--error"]')
    expect(error).to_have_text(re.compile("amount has more than two decimals: '19 700.001'"))
    add = page.locator('[data-list][data-name="activities"] > button.add')
    expect(add).to_have_attribute("aria-label", "Add activity")
    amount.fill("19 700,00 EUR")
    expect(page.locator("#status")).to_have_text("No errors: the document can be downloaded.")
    preview = page.locator('[data-preview][data-name="costs.0"]')
    expect(preview).to_contain_text("In the document: ")
    expect(preview).to_contain_text("deviņpadsmit tūkstoši")  # the document stays Latvian
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.get_by_role("link", name="Latviski").click()
    ready(page)
    assert page.evaluate("document.documentElement.lang") == "lv"
    expect(page.locator("#status")).to_have_text("Kļūdu nav: dokumentu var lejupielādēt.")
    assert page.input_value('[name="costs.0.amount"]') == "19 700,00 EUR"


def test_a_table_typed_into_its_grid(page: Page, server: str, tmp_path: Path) -> None:
    """Issue 14: a table's rows are a grid — one input per cell named by its dotted path,
    the columns the annex's own, computed cells shown read-only, rows added, moved and
    removed, the stated total editable."""
    page.goto(f"{server}/new/table")
    ready(page)
    page.fill('[name="title"]', "Cenrādis")
    columns = page.locator('[data-list][data-name="columns"] > button.add')
    made = page.locator('[data-list][data-name="columns"] > .items > .item')
    for i, (key, label, kind) in enumerate((("service", "Pakalpojums", "text"),
                                            ("price", "Cena, EUR", "amount"),
                                            ("vat", "PVN, EUR", "amount"))):  # fmt: skip
        if made.count() <= i:  # a table has at least one column: the first is there
            columns.click()
        page.fill(f'[name="columns.{i}.key"]', key)
        page.fill(f'[name="columns.{i}.label"]', label)
        page.select_option(f'[name="columns.{i}.type"]', kind)
    page.check('[name="columns.1.total"]')
    page.fill('[name="columns.2.vat.of"]', "price")
    page.fill('[name="columns.2.vat.rate"]', "21")
    header = page.locator("[data-grid] thead th")
    expect(header).to_have_text(["Nr.", "Pakalpojums", "Cena, EUR", "PVN, EUR", "Rinda"])
    add = page.locator("[data-grid] > button.add")
    add.click()
    expect(page.locator('[name="rows.0.service"]')).to_be_focused()
    page.keyboard.type("Zāles īre")
    page.keyboard.press("Tab")  # the keyboard goes cell by cell, computed cells skipped
    assert page.evaluate("document.activeElement.name") == "rows.0.price"
    page.keyboard.type("100,00")
    page.keyboard.press("Enter")  # never submits
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "remove"  # ↑↓: one row
    add.click()
    page.fill('[name="rows.1.service"]', "Skatuve")
    page.fill('[name="rows.1.price"]', "50")
    assert page.locator('[name="rows.0.vat"]').count() == 0  # computed: no input
    vat = page.locator('output[id="rows.0.vat"]')
    expect(vat).to_have_text("21,00")
    cell = page.locator('[name="rows.1.price"]')
    assert cell.get_attribute("aria-label") == "Cena, EUR, 2. tabulas rinda"
    page.click('button[aria-label="Pārvietot 2. tabulas rindu uz augšu"]')
    assert page.input_value('[name="rows.0.service"]') == "Skatuve"
    expect(page.locator('output[id="rows.0.vat"]')).to_have_text("10,50")
    page.fill('[name="total.stated"]', "149,00")  # the rows add up to 150,00
    stated = page.locator('[name="total.stated"]')
    expect(stated).to_have_attribute("aria-invalid", "true")
    expect(page.locator('[id="total.stated--error"]')).to_contain_text("150,00")
    stated.fill("150,00")
    page.fill('[name="rows.1.price"]', "1x")
    expect(page.locator('[name="rows.1.price"]')).to_have_attribute("aria-invalid", "true")
    assert axe_violations(page) == []
    page.click('button[aria-label="Dzēst 2. tabulas rindu"]')
    page.fill('[name="total.stated"]', "50,00")
    expect(page.locator("#status")).to_have_text("Kļūdu nav: dokumentu var lejupielādēt.")
    saved = download(page, "download-yaml", tmp_path / "t.yaml")
    annex = load_annex(saved)
    assert [(r["service"], r["price"], r["vat"]) for r in annex.cells] == [
        ("Skatuve", Decimal("50.00"), Decimal("10.50"))
    ]
