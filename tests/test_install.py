"""The package works when installed from a wheel, away from this checkout (issue 4).

Slow (it builds and installs the package into a fresh virtual environment), but
it is the only test that proves the templates ship inside the wheel.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_install_renders_from_any_directory(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    # --system-site-packages: dependencies come from the test environment, so
    # the only thing installed here is annexgen itself, non-editable.
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(ROOT)],
        check=True,
        cwd=tmp_path,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(ROOT / "examples" / "003-integracijas-inkubators.yaml", work / "annex.yaml")
    where = subprocess.run(
        [str(python), "-c", "import annexgen.rendering as r; print(r._templates_dir())"],
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
    # the installed templates are the checked-in ones: same input, same bytes
    from annexgen.loading import load_annex  # noqa: PLC0415
    from annexgen.rendering import render  # noqa: PLC0415

    assert (work / "out.docx").read_bytes() == render(load_annex(work / "annex.yaml"))
