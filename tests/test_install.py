"""The package works when installed from a wheel, away from this checkout (issue 4).

Slow (it builds and installs the package into a fresh virtual environment), but
it is the only test that proves the templates ship inside the wheel.
"""

from __future__ import annotations

import gettext
import io
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _venv_seeing_test_dependencies(venv: Path) -> Path:
    """A new venv whose only own package will be annexgen, its dependencies seen from here.

    ``--system-site-packages`` would show the *base* interpreter's packages,
    which inside a venv (CI, a clerk's machine) are not the test environment's.
    A path file naming this environment's site-packages works the same from a
    venv, a system Python and CI. Plain path lines: the ``.pth`` files in those
    folders (this checkout's editable install) are not run, so ``annexgen``
    comes from the wheel alone.
    """
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    here = [sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]
    here += [*site.getsitepackages(), site.getusersitepackages()]
    lines = dict.fromkeys(p for p in here if Path(p).is_dir() and p != purelib)
    (Path(purelib) / "test-dependencies.pth").write_text("\n".join(lines) + "\n")
    return python


@pytest.mark.slow
def test_wheel_install_renders_from_any_directory(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    python = _venv_seeing_test_dependencies(venv)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(ROOT)],
        check=True,
        cwd=tmp_path,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(ROOT / "examples" / "003-integracijas-inkubators.yaml", work / "annex.yaml")
    where = subprocess.run(
        [str(python), "-c", "import annexgen.word.templates as t; print(t.templates_dir())"],
        check=True,
        capture_output=True,
        text=True,
        cwd=work,
    ).stdout.strip()
    assert where.startswith(str(venv)), where  # templates from the installed package
    result = subprocess.run(
        [str(venv / "bin" / "annexgen"), "render", "annex.yaml", "-o", "out.docx"],
        capture_output=True,
        text=True,
        cwd=work,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # issue 13: the installed annexgen speaks Latvian from its compiled catalog (no .po
    # ships), in a terminal without any language setting
    clerk = {k: v for k, v in os.environ.items() if k != "ANNEXGEN_LANG"}
    (work / "bad.yaml").write_text("kind: generic\ntitel: X\n", encoding="utf-8")
    latvian = subprocess.run(
        [str(venv / "bin" / "annexgen"), "check", "bad.yaml"],
        capture_output=True, text=True, cwd=work, check=False, env={**clerk, "LANG": "C.UTF-8"},
    )  # fmt: skip
    assert "bad.yaml:2:1: titel: kļūda: nezināms lauks „titel” (varbūt „title”?)" in (
        latvian.stdout
    ), latvian.stdout + latvian.stderr
    assert "pārbaude: 1 fails; derīgi: 0, ar problēmām: 1" in latvian.stderr
    # the installed templates are the checked-in ones: same input, same bytes
    from annexgen.model.loading import load_annex  # noqa: PLC0415
    from annexgen.word.render import render  # noqa: PLC0415

    assert (work / "out.docx").read_bytes() == render(load_annex(work / "annex.yaml"))


@pytest.mark.slow
def test_the_sdist_builds_a_wheel_with_the_compiled_catalog(tmp_path: Path) -> None:
    """hatch_build.py compiles the .po when a wheel is built, from the sdist too."""
    from annexgen.messages import MESSAGES  # noqa: PLC0415

    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(dist)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    (sdist,) = dist.glob("annexgen-*.tar.gz")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist),
         str(sdist)],
        check=True, cwd=tmp_path,
    )  # fmt: skip
    (wheel,) = dist.glob("annexgen-*.whl")
    with zipfile.ZipFile(wheel) as package:
        names = package.namelist()
        mo = package.read("annexgen/locale/lv/LC_MESSAGES/annexgen.mo")
    assert not [n for n in names if n.endswith(".po")]
    catalog = gettext.GNUTranslations(io.BytesIO(mo))
    assert catalog.pgettext("missing-field", MESSAGES["missing-field"]) == "trūkst lauka „{field}”"
    # latvian-language §2: Babel's three Latvian forms survive the compile
    forms = [catalog.ngettext("{count} error", "{count} errors", n) for n in (1, 2, 10, 21)]
    assert forms == ["{count} kļūda", "{count} kļūdas", "{count} kļūdu", "{count} kļūda"]
