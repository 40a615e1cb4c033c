"""The web form, at the HTTP level (issue 7): every route, errors next to fields,
previews, downloads, upload limits."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from starlette.testclient import TestClient

from annexgen.model.loading import load_annex, load_annex_text
from annexgen.web import MAX_BODY_BYTES, create_app, form_to_data
from annexgen.word.render import render
from tests.render.helpers import paragraphs
from tests.seeds import require_seeds

ROOT = Path(__file__).resolve().parent.parent
NBSP = "\u00a0"

SEED_003_FORM = {
    "_kind": "project-description",
    "decision.council": "Daugavpils pilsētas domes",
    "decision.date": "2013-12-05",
    "decision.number": "610",
    "signatory.position": "Daugavpils pilsētas domes priekšsēdētājs",
    "signatory.name": "J. Lāčplēsis",
    "project_name": "Integrācijas inkubators romu bērnu un jauniešu atbalstam",
    "applicant": "Biedrība „Izglītības iniciatīvu centrs”",
    "duration.until": "2015-09-30",
    "costs.0.role": "co_financing",
    "costs.0.text": "Daugavpils pašvaldības ieguldītais līdzfinansējums-",
    "costs.0.amount": "LVL 1000",
    "costs.0.after": ".",
    "activities.0": "Integrācijas inkubatora izveide un aktivitātes.",
    "activities.1": "Resursu centru roma bērniem un jauniešiem izveide un iekārtošana.",
    "activities.2": "",  # an unused "add" row
}


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app())


def test_home_lists_the_kinds(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    for kind in ("project-description", "generic", "project-announcement"):
        assert f'href="/new/{kind}"' in page.text
    assert 'lang="lv"' in page.text


def _seed_004_disclaimer() -> str:
    """The seed press release's last paragraph, as the council published it."""
    (seed,) = require_seeds().glob("004_*.txt")
    return seed.read_text(encoding="utf-8").strip().split("\n\n")[-1]


#: For each kind: a form as a clerk fills it (field names as the page gives them, with
#: "__i__" for a list index) and paragraphs the downloaded document must hold, by hand.
KIND_FORMS: dict[str, tuple[dict[str, str], list[str]]] = {
    "project-description": (
        SEED_003_FORM,
        [
            "Projekta „Integrācijas inkubators romu bērnu un jauniešu atbalstam” apraksts",
            "Biedrība „Izglītības iniciatīvu centrs”",
            f"Līdz 2015.{NBSP}gada 30.{NBSP}septembrim",  # no-break spaces, document-rules §1.4
        ],
    ),
    "generic": (
        {
            "_kind": "generic",
            "decision.council": "Rēzeknes novada domes",
            "decision.number": "12",
            "title": "Ūdensapgādes tīklu pārbūves darbu saraksts",
            "rows.0.label": "Objekts:",
            "rows.0.text": "Ģimnāzijas ielas ūdensvads, Dricānu pagasts",
            "paragraphs.0": "Darbus veic līdz rudens salnām; ceļu seguma atjaunošana — pēc tam.",
        },
        [
            "Pielikums",
            "Rēzeknes novada domes",
            f"lēmumam Nr.{NBSP}12",
            "Ūdensapgādes tīklu pārbūves darbu saraksts",
            "Objekts:",
            "Ģimnāzijas ielas ūdensvads, Dricānu pagasts",
            "Darbus veic līdz rudens salnām; ceļu seguma atjaunošana — pēc tam.",
        ],
    ),
    "project-announcement": (
        {
            "_kind": "project-announcement",
            "title": "Latgales plānošanas reģions sāk īstenot projektu LLI-402 “risk-free”",
            "blocks.0": "Projektā ir paredzētas divas galvenās aktivitāšu grupas.",
            "project.code": "LLI-402",
            "project.name": "Riska grupas jauniešu sociālā integrācija, balstoties uz sporta "
            "aktivitātēm",
            "project.short_name": "risk-free",
            "project.programme": "Interreg V-A Latvijas – Lietuvas pārrobežu sadarbības "
            "programmas 2014. – 2020.gadam",
            "project.responsible": "Latgales Plānošanas reģions",
            "options.quotes": "en",
        },
        [
            "Latgales plānošanas reģions sāk īstenot projektu LLI-402 “risk-free”",
            "Projektā ir paredzētas divas galvenās aktivitāšu grupas.",
        ],
    ),
}


@pytest.mark.parametrize("kind", sorted(KIND_FORMS))
def test_each_kind_form_gives_its_document(client: TestClient, kind: str) -> None:
    page = client.get(f"/new/{kind}")
    assert page.status_code == 200
    form, expected = KIND_FORMS[kind]
    for name in form:  # every name the test posts is one the page offers
        offered = re.sub(r"\.\d+(?=\.|$)", ".__i__", name)
        assert f'name="{offered}"' in page.text, offered
    response = client.post("/docx", data=form)
    assert response.status_code == 200, response.text
    paras = paragraphs(response.content)
    for paragraph in expected:
        assert paragraph in paras
    if kind == "project-announcement":  # the EU disclaimer, word for word as published
        assert paras[-1] == _seed_004_disclaimer()
    if kind == "project-description":
        assert 'name="duration.until"' in page.text
        assert 'data-name="activities"' in page.text  # repeatable group
        assert 'name="costs.__i__.amount"' in page.text  # its template row
        assert "Projekta pieteicējs" in page.text


def test_unknown_kind_is_404(client: TestClient) -> None:
    assert client.get("/new/minutes").status_code == 404


def test_form_names_become_model_data() -> None:
    data = form_to_data({k: v for k, v in SEED_003_FORM.items() if k != "_kind"}, "x")
    assert data["decision"] == {"council": "Daugavpils pilsētas domes", "date": "2013-12-05",
                                "number": "610"}  # fmt: skip
    assert data["activities"] == [
        "Integrācijas inkubatora izveide un aktivitātes.",
        "Resursu centru roma bērniem un jauniešiem izveide un iekārtošana.",
    ]
    assert data["costs"][0]["amount"] == "LVL 1000"


def test_validate_puts_errors_next_to_fields_and_shows_previews(client: TestClient) -> None:
    bad = {**SEED_003_FORM, "costs.0.amount": "1000,555 EUR", "decision.date": "2013-02-30"}
    result = client.post("/validate", data=bad).json()
    assert result["ok"] is False
    assert "more than two decimals" in " ".join(result["errors"]["costs.0.amount"])
    assert "decision.date" in result["errors"]
    good = client.post("/validate", data=SEED_003_FORM).json()
    assert good["ok"] is True
    # latvian-language §2, §11 and §6: words, euro equivalent, cases
    assert good["previews"]["costs.0.amount"] == (
        f"1{NBSP}000,00{NBSP}LVL (viens tūkstotis latu 00 santīmu) (1{NBSP}422,87{NBSP}EUR)"
    )
    assert good["previews"]["duration.until"].endswith(f"līdz 2015.{NBSP}gada 30.{NBSP}septembrim")


def test_missing_required_field_is_reported(client: TestClient) -> None:
    form = {k: v for k, v in SEED_003_FORM.items() if k != "project_name"}
    result = client.post("/validate", data=form).json()
    assert "required field 'project_name' is missing" in " ".join(result["errors"][""])


def test_download_docx(client: TestClient) -> None:
    response = client.post("/docx", data=SEED_003_FORM)
    assert response.status_code == 200
    assert "filename*=UTF-8''Integr%C4%81cijas" in response.headers["content-disposition"]
    paras = paragraphs(response.content)
    assert "Projekta „Integrācijas inkubators romu bērnu un jauniešu atbalstam” apraksts" in paras
    assert f"lēmumam Nr.{NBSP}610" in paras


def test_download_refuses_invalid_data(client: TestClient) -> None:
    response = client.post("/docx", data={**SEED_003_FORM, "costs.0.amount": "-5"})
    assert response.status_code == 422
    assert "negative" in response.text


def test_download_yaml_round_trips(client: TestClient) -> None:
    response = client.post("/yaml", data=SEED_003_FORM)
    assert response.status_code == 200
    text = response.text
    annex = load_annex_text(text)
    assert annex.project_name == SEED_003_FORM["project_name"]
    assert str(annex.costs[0].amount.amount) == "1000.00"
    assert yaml.safe_load(text)["kind"] == "project-description"


def test_upload_yaml_fills_the_form(client: TestClient) -> None:
    example = (ROOT / "examples" / "003-integracijas-inkubators.yaml").read_bytes()
    page = client.post("/upload", files={"file": ("annex.yaml", example, "text/yaml")})
    assert page.status_code == 200
    assert 'value="Daugavpils pilsētas domes"' in page.text
    assert "Ielādēts: annex.yaml" in page.text


def test_upload_errors_and_limits(client: TestClient) -> None:
    bad = client.post("/upload", files={"file": ("a.yaml", b"kind: project-description\n", "x")})
    assert bad.status_code == 422
    assert "project_name" in bad.text
    big = io.BytesIO(b"a" * (MAX_BODY_BYTES + 1))
    assert client.post("/upload", files={"file": ("a.yaml", big, "x")}).status_code == 413
    pdf = client.post("/upload", files={"file": ("a.pdf", b"%PDF", "x")})
    assert pdf.status_code == 415
    broken = client.post("/upload", files={"file": ("a.docx", b"PK not a zip", "x")})
    assert broken.status_code == 422
    assert "cannot read the document" in broken.text


def test_upload_word_annex_fills_the_form(client: TestClient) -> None:
    docx = render(load_annex(ROOT / "examples" / "003-integracijas-inkubators.yaml"))
    page = client.post("/upload", files={"file": ("vecais.docx", docx, "x")})
    assert page.status_code == 200
    assert 'value="Integrācijas inkubators romu bērnu un jauniešu atbalstam"' in page.text
    assert 'value="2015-09-30"' in page.text


def test_user_text_is_escaped_in_the_page(client: TestClient) -> None:
    text = "kind: generic\ntitle: <script>alert(1)</script>\nparagraphs:\n  - a\n"
    page = client.post("/upload", files={"file": ("a.yaml", text.encode(), "x")})
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;" in page.text


@pytest.mark.libreoffice
def test_download_pdf(client: TestClient, tmp_path: Path) -> None:
    response = client.post("/pdf", data=SEED_003_FORM)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(response.content)
    # the PDF's own text, read back by poppler: Latvian letters and the form's values
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    words = " ".join(result.stdout.decode("utf-8").split())
    for letter in "āčēīšū„”":  # those the values below hold
        assert letter in words, letter
    for value in (
        "Daugavpils pilsētas domes",
        "2013. gada 5. decembra sēdes",
        "lēmumam Nr. 610",
        "Projekta „Integrācijas inkubators romu bērnu un jauniešu atbalstam” apraksts",
        "Biedrība „Izglītības iniciatīvu centrs”",
        "Līdz 2015. gada 30. septembrim",
        "1 000,00 LVL (viens tūkstotis latu 00 santīmu) (1 422,87 EUR)",
        "Resursu centru roma bērniem un jauniešiem izveide un iekārtošana.",
        "J. Lāčplēsis",
    ):
        assert value in words.replace(NBSP, " "), value


def test_unchecked_box_is_false_and_defaults_are_shown(client: TestClient) -> None:
    page = client.get("/new/project-description").text
    assert 'name="decision.act" id="decision.act" value="lēmumam"' in page  # model default
    assert 'name="decision.meeting" value="false"' in page
    response = client.post("/docx", data={**SEED_003_FORM, "decision.meeting": "false"})
    paras = paragraphs(response.content)
    assert f"2013.{NBSP}gada 5.{NBSP}decembra" in paras  # no "sēdes"


def test_untouched_groups_are_left_out() -> None:
    # the form pre-fills defaults (act "lēmumam", hidden "false"); that is not a decision
    data = form_to_data(
        {"project_name": "X", "decision.act": "lēmumam", "decision.meeting": "true",
         "signatory.acting": "false", "options.cents": "digits"},
        "project-description",
    )  # fmt: skip
    assert data == {"kind": "project-description", "project_name": "X"}
    kept = form_to_data({"project_name": "X", "options.cents": "none"}, "project-description")
    assert kept["options"] == {"cents": "none"}


def test_validate_gives_the_same_findings_as_check(client: TestClient) -> None:
    # issue 11: the web form shows the same finding (code, params, message) as check
    bad = {**SEED_003_FORM, "decision.date": "2013-13-45"}
    result = client.post("/validate", data=bad).json()
    (finding,) = [f for f in result["findings"] if f["field"] == "decision.date"]
    assert finding["severity"] == "error"
    assert finding["code"] in {"invalid-date", "invalid-value", "date-not-real"}
    assert finding["message"] in result["errors"]["decision.date"][0]


def test_a_form_of_an_unknown_kind_says_so_honestly(client: TestClient) -> None:
    result = client.post("/validate", data={**SEED_003_FORM, "_kind": "nav"}).json()
    assert result["ok"] is False
    (finding,) = result["findings"]
    assert (finding["code"], finding["field"]) == ("unknown-kind", "kind")
    assert "project-description" in result["errors"][""][0]
    page = client.post("/docx", data={**SEED_003_FORM, "_kind": "nav"})
    assert page.status_code == 422
    assert "&#39;kind&#39; must be one of" in page.text or "'kind' must be one of" in page.text
