"""``annexgen render`` and ``annexgen template check`` (reliability §4 row 22)."""

from __future__ import annotations

import html
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from annexgen.cli import main
from annexgen.model.kinds import KINDS
from tests.render.helpers import paragraphs, template_with

ROOT = Path(__file__).resolve().parents[2]
TITLE_003 = "Projekta „Integrācijas inkubators romu bērnu un jauniešu atbalstam” apraksts"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "annex.yaml"
    shutil.copy(ROOT / "examples" / "003-integracijas-inkubators.yaml", target)
    return target


def test_render_writes_next_to_the_input(example: Path) -> None:
    code, out, _ = invoke("render", str(example))
    assert code == 0
    assert out.strip() == str(example.with_suffix(".docx"))
    assert example.with_suffix(".docx").read_bytes().startswith(b"PK")


def test_render_output_option(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "x.docx"
    target.parent.mkdir()
    assert invoke("render", str(example), "-o", str(target))[0] == 0
    assert TITLE_003 in paragraphs(target.read_bytes())


#: Example 000's contact person, as its YAML gives them (document-rules §3.1).
PERSONAL_000 = ["Evelīna Balode", "+371 65425102", "+371 28336093", "evelina.balode@inbox.lv"]
PLACEHOLDER = "[personas dati]"  # Options.personal_placeholder's documented default


def _package_text(path: Path) -> str:
    """Every part of a .docx (body, headers, footers, properties, …) as text, with
    XML's escapes undone, so a value is found wherever Word could show it."""
    with zipfile.ZipFile(path) as package:
        parts = [package.read(name).decode("utf-8", "replace") for name in package.namelist()]
    return html.unescape("\n".join(parts))


def test_render_public_leaves_no_personal_value_in_any_part(tmp_path: Path) -> None:
    source = tmp_path / "annex.yaml"
    shutil.copy(ROOT / "examples" / "000-hugs-not-drugs.yaml", source)
    assert invoke("render", str(source))[0] == 0
    normal = _package_text(source.with_suffix(".docx"))
    assert all(value in normal for value in PERSONAL_000)  # the search finds them
    code, out, _ = invoke("render", str(source), "--public")
    assert code == 0
    public_path = tmp_path / "annex.public.docx"
    assert out.strip() == str(public_path)
    public = _package_text(public_path)
    for value in PERSONAL_000:
        assert value not in public
        assert value.replace(" ", "\u00a0") not in public
    assert "Balode" not in public  # not the surname alone either
    cell = paragraphs(public_path.read_bytes())
    assert f"{PLACEHOLDER}, eksperte projektu jautājumos\nTālr.: {PLACEHOLDER}" in "\n".join(cell)


def test_render_out_dir(tmp_path: Path) -> None:
    examples = sorted(str(p) for p in (ROOT / "examples").glob("*.yaml"))
    code, out, _ = invoke("render", *examples, "--out-dir", str(tmp_path / "out"))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        Path(e).with_suffix(".docx").name for e in examples
    ]
    assert len(out.splitlines()) == len(examples)


def test_render_e_signed_switch(example: Path) -> None:
    assert invoke("render", str(example), "--e-signed")[0] == 0
    document = docx.Document(str(example.with_suffix(".docx")))
    assert document.paragraphs[-1].text == (
        "DOKUMENTS IR PARAKSTĪTS AR DROŠU ELEKTRONISKO PARAKSTU UN SATUR LAIKA ZĪMOGU"
    )


def test_render_reports_bad_input_and_goes_on(example: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: project-description\ntitel: x\n", encoding="utf-8")
    code, out, err = invoke("render", str(bad), str(example))
    assert code == 1
    assert (
        f"{bad}:2:1: titel: error: unknown field 'titel' (did you mean 'title'?) [unknown-field]"
    ) in err.splitlines()
    assert str(example.with_suffix(".docx")) in out  # the good one was still rendered
    assert not bad.with_suffix(".docx").exists()


def test_render_usage_errors(example: Path, tmp_path: Path) -> None:
    assert invoke("render")[0] == 2
    assert invoke("render", str(example), str(example), "-o", str(tmp_path / "x.docx"))[0] == 2


def test_render_with_custom_template(example: Path, tmp_path: Path) -> None:
    template = tmp_path / "mine.docx"
    template.write_bytes(
        template_with("project-description", "{{ title }}", "MANS: {{ title | upper }}")
    )
    assert invoke("render", str(example), "--template", str(template))[0] == 0
    written = paragraphs(example.with_suffix(".docx").read_bytes())
    assert f"MANS: {TITLE_003.upper()}" in written
    assert "MANS: PROJEKTA „INTEGRĀCIJAS INKUBATORS ROMU BĒRNU UN JAUNIEŠU ATBALSTAM” APRAKSTS" in (
        written
    )  # upper() of Latvian letters, by hand
    assert TITLE_003 not in written  # the bundled template's heading was not used
    assert "Daugavpils pilsētas domes priekšsēdētājs\tJ.\u00a0Lāčplēsis" in written
    broken = tmp_path / "broken.docx"
    broken.write_bytes(template_with("project-description", "{{ title }}", "{{ nope }}"))
    code, _, err = invoke("render", str(example), "--template", str(broken))
    assert code == 1
    assert "nope" in err


@pytest.mark.libreoffice
def test_render_pdf(example: Path) -> None:
    code, out, _ = invoke("render", str(example), "--pdf")
    assert code == 0
    assert example.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    assert out.splitlines() == [str(example.with_suffix(".docx")), str(example.with_suffix(".pdf"))]


def test_template_check_on_bundled_templates() -> None:
    templates = sorted(str(p) for p in (ROOT / "templates").glob("*.docx"))
    assert len(templates) == len(KINDS)
    assert invoke("template", "check", *templates) == (0, "", "")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("{{ title }}", "{{ title ", "template syntax error"),
        ("{{ title }}", "{{ titel }}", "unknown variable 'titel'"),
        ("{{ title }}", "{{ title | replace(“a”, “b”) }}", "typographic quotes"),
        ("{{ title }}", "{{ cycler.__init__.__globals__.os.getpid() }}", "unsafe"),
        # unknown filters/tests are found when Jinja generates code, not when it parses;
        # the check once crashed on them with no message at all
        ("{{ title }}", "{{ title | nosuch }}", "no filter named 'nosuch'. Filters: amount,"),
        ("{{ title }}", "{% if title is nosuch %}x{% endif %}", "No test named 'nosuch'"),
        # misspelt fields, also in a branch the trial render's sample data never takes
        ("{{ title }}", "{{ signature.nmae }}", "'signature' has no field 'nmae'"),
        (
            "{{ title }}",
            "{% if e_signed %}{{ data.contact.phnoe }}{% endif %}",
            "'data.contact' has no field 'phnoe'; its fields: email, mobile, name, phone",
        ),
        ("{{ title }}", "{{ data.costs[0].amout }}", "'data.costs' has no field 'amout'"),
    ],
)
def test_template_check_finds_problems(tmp_path: Path, old: str, new: str, message: str) -> None:
    path = tmp_path / "t.docx"
    path.write_bytes(template_with("project-description", old, new))
    code, out, _ = invoke("template", "check", str(path))
    assert code == 1
    assert message in out
    assert str(path) in out


def test_template_check_names_the_paragraph_of_an_unknown_filter(tmp_path: Path) -> None:
    path = tmp_path / "t.docx"
    path.write_bytes(template_with("project-description", "{{ title }}", "{{ title | quotd }}"))
    code, out, _ = invoke("template", "check", str(path))
    assert code == 1
    assert "body paragraph '{{ title | quotd }}': error: template syntax error" in out
    assert "[template-unknown-filter]" in out


def test_template_check_warns_about_split_tags(tmp_path: Path) -> None:
    path = tmp_path / "t.docx"
    split = '{{ ti</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">tle }}'
    path.write_bytes(template_with("project-description", "{{ title }}", split))
    code, out, _ = invoke("template", "check", str(path))
    assert code == 0
    assert "warning: tag '{{ title }}' is split across formatting runs" in out


def test_template_check_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "t.docx"
    path.write_text("hello")
    code, out, _ = invoke("template", "check", str(path))
    assert code == 1
    assert "not a Word (.docx) file" in out


def test_render_pdf_without_libreoffice_says_how_to_get_it(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 4: "a clear message when not [installed]"; exit 3 = environment problem,
    # and the Word file is still written
    empty = tmp_path / "no-office"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    code, _, err = invoke("render", str(example), "--pdf")
    assert code == 3
    assert "apt-get install libreoffice-writer-nogui" in err
    assert example.with_suffix(".docx").is_file()
    assert not example.with_suffix(".pdf").exists()


def test_template_check_reports_a_misused_filter(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(template_with("project-description", "{{ title }}", "{{ title | amount }}"))
    code, out, _ = invoke("template", "check", str(bad))
    assert code == 1
    assert "filter 'amount' cannot format" in out


def test_template_check_accepts_real_fields_of_every_kind(tmp_path: Path) -> None:
    # fields of the three annex models, list items and plain values (.year of a date)
    fields = (
        "{{ data.decision.date.year }} {{ data.costs[0].amount.amount }} {{ mark.lines[0] }} "
        "{% if false %}{{ data.contact.email }} {{ data.blocks }} {{ data.rows }}{% endif %} "
        "{{ properties.keywords }} {{ table_header.label }}"
    )
    path = tmp_path / "t.docx"
    path.write_bytes(template_with("project-description", "{{ title }}", fields))
    assert invoke("template", "check", str(path)) == (0, "", "")
