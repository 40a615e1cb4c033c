"""The web form at the HTTP level (issues 13, 14 and 17): loss-free round trips of every
example and every field (a table's rows opened with their spreadsheet), Latvian words in
the catalog for every input and choice, English on request, downloads equal to
``annexgen render``, opening files, the check page's work, and the guard against hostile
requests (foreign hosts, cross-origin posts, odd field names, non-UTF-8 bytes, bodies
too large while streaming, work past its time limit)."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml
from babel.messages.pofile import read_po
from starlette.testclient import TestClient

from annexgen.i18n import use_language
from annexgen.model.kinds import REGISTRY
from annexgen.model.loading import check_data, load_annex, load_annex_text
from annexgen.model.saving import dump_annex
from annexgen.web import MAX_BODY_BYTES, create_app, form_to_data
from annexgen.web.app import download_name
from annexgen.web.form import Node, _walk, form_for, form_values
from annexgen.web.workers import JobTimeout, WorkerPool
from annexgen.word.render import render
from tests.seeds import seed

#: words every English message has and no Latvian one does
ENGLISH = re.compile(r"\b(the|is|not|expected|cannot)\b")
ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [*sorted((ROOT / "examples").glob("*.yaml")), ROOT / "tests/fixtures/every-field.yaml"]
BASE = "http://127.0.0.1:8000"
NBSP = "\u00a0"
PO = ROOT / "src" / "annexgen" / "locale" / "lv" / "LC_MESSAGES" / "annexgen.po"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(), base_url=BASE) as test_client:
        yield test_client


def _form(annex: object) -> dict[str, str]:
    values = form_values(annex)  # type: ignore[arg-type]
    return {"_kind": str(getattr(annex, "kind")), **values}  # noqa: B009


# --- the form holds everything -------------------------------------------------------


def _translations() -> dict[str, str]:
    """The catalog as a translator leaves it: English message id → Latvian (no context)."""
    with PO.open("rb") as fp:
        catalog = read_po(fp, domain="annexgen")
    return {m.id: m.string for m in catalog if m.id and not m.context and not m.fuzzy}  # type: ignore[misc]


def _words(node: Node) -> list[str]:
    """The message ids of a node (a list's row is labelled by its list's row name)."""
    label = [] if node.path.endswith("#") else [node.label]
    words = [*label, node.help, node.placeholder, *(w for v, w in node.choices if v)]
    return [w for w in words if w]


@pytest.mark.parametrize("kind", list(REGISTRY))
def test_every_input_and_choice_has_latvian_words_in_the_catalog(kind: str) -> None:
    """Issue 13: every label, help line and choice of the form is an English message id
    with a Latvian translation in the .po; the Latvian form shows it, never a code word."""
    catalog = _translations()
    english = list(_walk(form_for(kind, "en")))
    latvian = list(_walk(form_for(kind, "lv")))
    assert [n.path for n in english] == [n.path for n in latvian]
    printed = {label for k in REGISTRY.values() for label in k.labels.values()}
    for en, lv in zip(english, latvian, strict=True):
        assert en.label, en.path
        assert en.label != en.path.rsplit(".", 1)[-1], f"{en.path}: a code, not words"
        for word in _words(en):
            if word in printed:  # a row label as the document prints it (a placeholder)
                continue
            assert catalog.get(word), f"{en.path}: {word!r} has no Latvian in the catalog"
        for value, words in lv.choices:
            assert value == "" or words != value or value == "eiro", f"{lv.path}: {value}"
            assert "_" not in words, f"{lv.path}: {words}"  # never "co_financing"
        assert lv.label == catalog.get(en.label, lv.label)  # what the Latvian form shows
        assert lv.label != en.label or lv.label in ("Nr.",), en.path
        if en.words is not None:  # a list's row title and buttons, made from its row's name
            assert lv.words is not None
            assert (lv.words.name, lv.words.add) != (en.words.name, en.words.add), en.path


@pytest.mark.parametrize("kind", list(REGISTRY))
def test_every_model_field_has_an_input(kind: str) -> None:
    """Loss-free: each field of the model (and of every model inside it) has an input."""
    paths = {n.path for n in _walk(form_for(kind))}

    def walk(model: type, prefix: str) -> Iterator[str]:
        from annexgen.model.fields import Money  # noqa: PLC0415
        from annexgen.model.introspect import unwrap  # noqa: PLC0415

        for name, info in model.model_fields.items():  # type: ignore[attr-defined]
            if name == "kind":
                continue
            path = f"{prefix}{name}"
            yield path
            inner, is_list = unwrap(info.annotation)
            if isinstance(inner, type) and hasattr(inner, "model_fields") and inner is not Money:
                yield from walk(inner, f"{path}.#." if is_list else f"{path}.")

    missing = [p for p in walk(REGISTRY[kind].model, "") if p not in paths]
    assert missing == []


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem[:12])
def test_every_example_round_trips_through_the_form(example: Path) -> None:
    annex = load_annex(example)
    data = form_to_data(form_values(annex), annex.kind)
    again, problems = check_data(data)
    assert [p for p in problems if p.severity == "error"] == []
    # the same file, but for the order of the row labels' keys (a mapping has none); a table
    # whose rows came from a spreadsheet beside the YAML holds them in the form itself
    assert _data(again) == _data(annex)
    if annex.kind != "table":
        assert again == annex


def test_the_stated_totals_of_several_columns_round_trip_through_the_form() -> None:
    # issue 14 (loss-free): a per-column `total.stated` mapping once came back as the
    # Python text "{'price': …}"; one text box holds it as "price: 100,00; vat: 21,00"
    text = (
        "kind: table\ntitle: T\ncolumns:\n"
        "  - {key: who, label: Kas}\n"
        "  - {key: price, label: Cena, type: amount, total: true}\n"
        "  - {key: vat, label: PVN, type: amount, total: true, vat: {of: price, rate: 21}}\n"
        "rows:\n  - {who: A, price: '100,00'}\n"
        "total: {stated: {price: '100,00', vat: '21,00'}}\n"
    )
    annex = load_annex_text(text, "t.yaml")
    values = form_values(annex)
    assert values["total.stated"] == "price: 100,00; vat: 21,00"
    again, problems = check_data(form_to_data(values, "table"))
    assert [p for p in problems if p.severity == "error"] == []
    assert again == annex
    assert yaml.safe_load(dump_annex(again))["total"]["stated"] == {
        "price": "100,00",
        "vat": "21,00",
    }
    # a wrong figure in the one-line form is found at its column, as in the YAML
    values["total.stated"] = "price: 100,00; vat: 20,00"
    _, problems = check_data(form_to_data(values, "table"))
    assert [(p.code, p.location.field) for p in problems if p.severity == "error"] == [
        ("table-stated-total", "total.stated.vat")
    ]


def _data(annex: object) -> dict[str, object]:
    """The annex's data as saved, with a table's rows as parsed wherever they were read from."""
    data = yaml.safe_load(dump_annex(annex))  # type: ignore[arg-type]
    for key in ("rows_from", "sheet", "rows"):
        data.pop(key, None)
    if getattr(annex, "kind", "") == "table":
        data["rows"] = getattr(annex, "rows")  # noqa: B009
    return data  # type: ignore[no-any-return]


def _open(client: TestClient, example: Path, query: str = "") -> httpx.Response:
    """Open an example as a clerk does: the YAML, with the spreadsheet its rows are in."""
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    if "rows_from" not in data:
        return client.post(f"/open{query}", content=example.read_bytes(),
                           headers={"X-File-Name": example.name})  # fmt: skip
    sheet = example.parent / data["rows_from"]
    files = [("file", (p.name, p.read_bytes())) for p in (example, sheet)]
    return client.post(f"/open{query}", files=files)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem[:12])
def test_open_then_download_gives_the_same_model_and_renders_bytes(
    client: TestClient, example: Path
) -> None:
    opened = _open(client, example)
    assert opened.status_code == 200, opened.text
    body = opened.json()
    form = {"_kind": body["kind"], **body["values"]}
    saved = client.post("/yaml", data=form)
    assert saved.status_code == 200
    annex = load_annex(example)
    again = load_annex_text(saved.text)
    assert _data(again) == _data(annex)
    docx = client.post("/docx", data=form)
    assert docx.content == render(annex)  # what `annexgen render` writes for the same data
    if "rows_from:" in example.read_text(encoding="utf-8"):
        # the rows are in the form now, and the YAML downloaded holds them (issue 14)
        assert "rows_from" not in saved.text
        assert "\nrows:\n" in saved.text
        assert any("rows:" in note for note in body["notes"])
        assert again.cells == annex.cells  # every cell, computed ones included


@pytest.mark.parametrize("name", ["005-nvo-finansejums", "006-cenradis"])
def test_a_tables_spreadsheet_opened_after_its_yaml(client: TestClient, name: str) -> None:
    """The YAML alone opens with a note naming the file its rows are in; that file,
    opened next into the form, fills the grid — and the download writes `rows:`."""
    example = ROOT / "examples" / f"{name}.yaml"
    source = yaml.safe_load(example.read_text(encoding="utf-8"))["rows_from"]
    alone = client.post("/open", content=example.read_bytes(), headers={"X-File-Name": "a.yaml"})
    assert alone.status_code == 200
    first = alone.json()
    assert first["needs"] == source
    assert source in first["notes"][0]
    assert "Atveriet arī to" in first["notes"][0]
    assert not any(k.startswith("rows.") for k in first["values"])
    sheet = example.parent / source
    form = {"_kind": "table", **first["values"]}
    opened = client.post("/open", data=form, files=[("file", (sheet.name, sheet.read_bytes()))])
    assert opened.status_code == 200, opened.text
    values = opened.json()["values"]
    assert values["rows_from"] == ""
    saved = client.post("/yaml", data={"_kind": "table", **values})
    annex = load_annex(example)
    assert load_annex_text(saved.text).cells == annex.cells


def test_a_spreadsheet_alone_is_not_an_annex(client: TestClient) -> None:
    sheet = ROOT / "examples" / "005-nvo-finansejums.csv"
    opened = client.post("/open", files=[("file", (sheet.name, sheet.read_bytes()))])
    assert opened.status_code == 422
    assert "YAML" in opened.json()["lines"][0]


def test_opening_an_old_word_annex_goes_through_extract(client: TestClient) -> None:
    annex = load_annex(ROOT / "examples" / "003-integracijas-inkubators.yaml")
    opened = client.post("/open", content=render(annex), headers={"X-File-Name": "vecais.docx"})
    assert opened.status_code == 200
    values = opened.json()["values"]
    assert values["project_name"] == annex.project_name
    assert values["duration.until"] == "30.09.2015."
    assert values["costs.0.amount"] == "1 000,00 LVL (1 422,87 EUR)"


def test_opening_a_bad_file_says_why_in_latvian(client: TestClient) -> None:
    bad = client.post("/open", content=b"kind: generic\n", headers={"X-File-Name": "a.yaml"})
    assert bad.status_code == 422
    assert "trūkst lauka „title”" in " ".join(bad.json()["lines"])  # the catalog's words
    cp1257 = "title: ā".encode("cp1257")
    latin = client.post("/open", content=cp1257, headers={"X-File-Name": "a.yaml"})
    assert latin.status_code == 422
    assert "UTF-8" in latin.json()["lines"][0]
    pdf = client.post("/open", content=b"%PDF", headers={"X-File-Name": "a.pdf"})
    assert pdf.status_code == 422
    broken = client.post("/open", content=b"PK no zip", headers={"X-File-Name": "a.docx"})
    assert broken.status_code == 422
    assert broken.json()["lines"][0].startswith("Dokumentu nevar nolasīt")


# --- checks and previews -------------------------------------------------------------


def test_errors_are_latvian_and_tied_to_their_input(client: TestClient) -> None:
    form = _form(load_annex(ROOT / "examples" / "003-integracijas-inkubators.yaml"))
    bad = {**form, "costs.0.amount": "1000,555 EUR", "decision.date": "30.02.2013.",
           "project_name": ""}  # fmt: skip
    result = client.post("/validate", data=bad).json()
    assert result["ok"] is False
    problems = result["problems"]
    # the words of `annexgen check` for the same findings: the catalog's, by code
    assert "divi cipari aiz komata: „1000,555”" in problems["costs.0.amount"][0]["message"]
    assert problems["decision.date"][0]["message"].startswith("„30.02.2013.” nav īsts datums")
    assert problems["project_name"][0]["message"] == "trūkst lauka „project_name”"
    assert not any(ENGLISH.search(p["message"]) for ps in problems.values() for p in ps)
    assert result["status"] == "Jāizlabo 3 kļūdas."  # latvian-language §2: 3 → kļūdas
    download = client.post("/docx", data=bad)
    assert download.status_code == 422  # nothing is made from wrong data
    assert "costs.0.amount" in download.json()["problems"]


def test_english_on_request_latvian_whatever_the_browser_asks(client: TestClient) -> None:
    """Issue 13: `?lang=en` is the switch; Accept-Language and the server's ANNEXGEN_LANG
    (the suite's is en) are not; the document made is the same in both."""
    browser = {"Accept-Language": "en-GB,en;q=0.9"}
    page = client.get("/new/project-description", headers=browser)
    assert '<html lang="lv">' in page.text
    assert "Projekta nosaukums" in page.text
    assert page.headers["content-language"] == "lv"
    english = client.get("/new/project-description?lang=en")
    assert '<html lang="en">' in english.text
    assert "Project name" in english.text
    assert 'href="/check?lang=en"' in english.text  # the links keep the language
    form = {**_form(load_annex(ROOT / "examples" / "003-integracijas-inkubators.yaml")),
            "costs.0.amount": "1000,555 EUR", "decision.annex_number": "100"}  # fmt: skip
    lv = client.post("/validate", data=form, headers=browser).json()
    en = client.post("/validate?lang=en", data=form).json()
    assert lv["problems"]["decision.annex_number"][0]["message"] == (
        "skaitlis nedrīkst būt lielāks par 99"  # a limit of the model, by its code
    )
    assert en["problems"]["decision.annex_number"][0]["message"] == (
        "the number must be at most 99"
    )
    assert en["problems"]["costs.0.amount"][0]["message"] == (
        "amount has more than two decimals: '1000,555'"
    )
    assert en["status"] == "2 errors to correct."
    assert lv["previews"] == en["previews"]  # the document says the same: it is Latvian
    good = _form(load_annex(ROOT / "examples" / "003-integracijas-inkubators.yaml"))
    english_docx = client.post("/docx?lang=en", data=good).content
    assert english_docx == client.post("/docx", data=good).content
    refused = client.get("/", headers={"Host": "evil.example"}, params={"lang": "en"})
    assert refused.text == "Unknown server name (Host)."


def test_previews_say_what_the_document_says(client: TestClient) -> None:
    form = _form(load_annex(ROOT / "examples" / "003-integracijas-inkubators.yaml"))
    result = client.post("/validate", data=form).json()
    assert result["ok"] is True
    previews = result["previews"]
    # latvian-language §2, §11: words and euro equivalent; document-rules: "līdz" + dative
    assert previews["costs.0"] == (
        f"Daugavpils pašvaldības ieguldītais līdzfinansējums- 1{NBSP}000,00{NBSP}LVL "
        f"(viens tūkstotis latu) (1{NBSP}422,87{NBSP}EUR)."
    )
    assert previews["duration"].endswith(f"Līdz 2015.{NBSP}gada 30.{NBSP}septembrim")
    assert f"2013.{NBSP}gada 5.{NBSP}decembra sēdes" in previews["decision"]
    no_words = client.post("/validate", data={**form, "costs.0.in_words": "false"}).json()
    assert "tūkstotis" not in no_words["previews"]["costs.0"]  # "Summa arī vārdiem" off


def test_user_text_is_escaped_in_previews(client: TestClient) -> None:
    form = {"_kind": "generic", "title": "<script>alert(1)</script>", "paragraphs.0": "a"}
    document = client.post("/validate", data=form).json()["document"]
    assert "<script>" not in document
    assert "&lt;script&gt;" in document


def test_check_document_marks_seed_001(client: TestClient) -> None:
    path = seed("001")
    result = client.post("/check-document", content=path.read_bytes(),
                         headers={"X-File-Name": path.name})  # fmt: skip
    assert result.status_code == 200
    body = result.json()
    assert ">simt vienpadsmit tūkstoši" in body["html"]  # the marked wrong words
    assert "skaitlis ir 115 029,00, bet vārdiem rakstīts 111 029,00" in body["report"]
    assert not ENGLISH.search(body["report"])


# --- the guard -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["rows.²", "rows." + "1" * 5000 + ".label", ".".join(["rows"] * 3000), "nosuch", "rows.0.x",
     "rows.1000.label", "title\x00"],
)  # fmt: skip
def test_odd_field_names_are_400_never_500(client: TestClient, name: str) -> None:
    response = client.post("/validate", data={"_kind": "generic", name: "x"})
    assert response.status_code == 400


def test_non_utf8_form_bytes_are_refused(client: TestClient) -> None:
    headers = {"content-type": "application/x-www-form-urlencoded"}
    response = client.post("/validate", content=b"_kind=generic&title=%FF%FE", headers=headers)
    assert response.status_code == 400
    raw = client.post("/validate", content="_kind=generic&title=ā".encode(), headers=headers)
    assert raw.status_code == 400  # bytes outside ASCII are not URL-encoding
    twice = client.post("/validate", content=b"_kind=generic&title=a&title=b", headers=headers)
    assert twice.status_code == 400


def test_cross_origin_posts_and_foreign_hosts_are_refused(client: TestClient) -> None:
    form = {"_kind": "generic", "title": "x", "paragraphs.0": "a"}
    assert client.post("/validate", data=form, headers={"Origin": BASE}).status_code == 200
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"},
                    {"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"}):  # fmt: skip
        assert client.post("/yaml", data=form, headers=headers).status_code == 403, headers
    for host in ("evil.example", "127.0.0.1.evil.example", "localhost.:8000"):
        assert client.get("/", headers={"Host": host}).status_code == 400, host
    assert client.get("/", headers={"Host": "localhost:8000"}).status_code == 200


def test_security_headers_on_every_response(client: TestClient) -> None:
    for response in (client.get("/"), client.get("/static/form.js"), client.get("/nosuch"),
                     client.get("/", headers={"Host": "evil.example"})):  # fmt: skip
        csp = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"


def test_multipart_uploads_are_limited(client: TestClient) -> None:
    """Opening several files: at most a few, every part counted, a name never a path."""
    part = ("file", ("a.csv", b"x"))
    many = client.post("/open", files=[part] * 5)
    assert many.status_code == 400
    big = client.post("/open", files=[("file", ("a.yaml", b"a" * (MAX_BODY_BYTES + 10)))])
    assert big.status_code == 413
    odd = client.post("/open", data={"_kind": "table", "nosuch": "x"}, files=[part])
    assert odd.status_code == 400
    example = ROOT / "examples" / "005-nvo-finansejums.yaml"
    sheet = example.with_suffix(".csv")
    climbing = client.post(
        "/open",
        files=[
            ("file", ("a.yaml", example.read_bytes())),
            ("file", ("../../" + sheet.name, sheet.read_bytes())),
        ],
    )
    assert climbing.status_code == 200  # saved under its own name, in the job's folder only


def test_bodies_are_limited_while_they_stream(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"a" * 65536

    streamed = client.post("/open", content=chunks(), headers={"X-File-Name": "a.yaml"})
    assert streamed.status_code == 413  # chunked: no Content-Length to trust
    announced = client.post(
        "/open", content=b"x", headers={"X-File-Name": "a.yaml", "Content-Length": "99999999"}
    )
    assert announced.status_code == 413


def test_download_names_have_no_bidi_controls() -> None:
    name = download_name("Projekts \u202egpj.exe\u202c un \u2066x\u2069", ".docx")
    assert name == "Projekts gpj.exe un x.docx"
    with use_language("lv"):
        assert download_name("\u200f\u202e", ".pdf") == "pielikums.pdf"


def test_unknown_kind_is_a_latvian_404(client: TestClient) -> None:
    page = client.get("/new/minutes")
    assert page.status_code == 404
    assert "Tāda pielikuma veida nav" in page.text


def test_work_past_its_time_limit_is_stopped_and_the_page_still_answers() -> None:
    """Issue 17 item 4: a job that runs too long holds one worker, never the server."""
    app = create_app(workers=1)
    pool: WorkerPool = app.state.pool

    async def scenario() -> tuple[bool, int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE) as http:
            slow = asyncio.create_task(pool.run(time.sleep, 30, timeout=3))
            await asyncio.sleep(0.5)
            page = await http.get("/")
            answered_while_busy = not slow.done()
            with pytest.raises(JobTimeout):
                await slow
            return answered_while_busy, page.status_code

    answered_while_busy, status = asyncio.run(scenario())
    assert status == 200
    assert answered_while_busy  # GET / came back while the job still ran
    assert asyncio.run(pool.run(sum, [1, 2], timeout=30)) == 3  # a fresh worker took over
    pool.close()


@pytest.mark.libreoffice
def test_download_pdf(client: TestClient) -> None:
    form = _form(load_annex(ROOT / "examples" / "003-integracijas-inkubators.yaml"))
    response = client.post("/pdf", data=form)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


@pytest.mark.slow
def test_templates_and_static_files_ship_in_the_wheel(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path),
         str(ROOT)],
        check=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("annexgen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    web = ROOT / "src" / "annexgen" / "web"
    for path in [*web.glob("templates/*"), *web.glob("static/*")]:
        assert f"annexgen/web/{path.relative_to(web)}" in names, path
