"""The web form's PDFs come from a LibreOffice each worker keeps running (issue 15)."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from annexgen.model.loading import load_annex
from annexgen.web import create_app
from tests.test_office import _gone, _processes_mentioning
from tests.test_web import BASE, ROOT, _form

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see processes"),
]

FORM = _form(load_annex(ROOT / "examples" / "003-integracijas-inkubators.yaml"))


@pytest.fixture
def own_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The workers (and so their offices) put their temporary folders here."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    yield tmp_path
    assert _gone(_processes_mentioning(str(tmp_path)), 10), "an office outlived the server"


def _offices(folder: Path, seconds: float = 30) -> list[int]:
    """The ``soffice.bin`` processes whose profile is in ``folder``, once there is one."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = [
            pid
            for pid in _processes_mentioning(str(folder))
            if b"soffice" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0]
        ]
        if found:
            return found
        time.sleep(0.05)
    return []


def test_the_office_starts_with_the_server_and_makes_every_pdf(own_tmp: Path) -> None:
    with TestClient(create_app(workers=1), base_url=BASE) as client:
        offices = _offices(own_tmp)
        assert len(offices) == 1  # started with the server, before anyone asked for a PDF
        for _ in range(2):
            response = client.post("/pdf", data=FORM)
            assert response.status_code == 200
            assert response.content.startswith(b"%PDF")
        assert _offices(own_tmp) == offices  # both PDFs from that same office
    assert _gone(offices)  # the server's shutdown stopped it


def test_pages_are_served_while_a_pdf_is_being_made(own_tmp: Path) -> None:
    with TestClient(create_app(workers=1), base_url=BASE) as client:
        assert client.post("/pdf", data=FORM).status_code == 200
        (office,) = _offices(own_tmp)
        os.kill(office, signal.SIGSTOP)  # the PDF now waits for LibreOffice
        done = threading.Event()

        def download() -> None:
            client.post("/pdf", data=FORM)
            done.set()

        worker = threading.Thread(target=download)
        try:
            worker.start()
            time.sleep(0.5)  # the request is in the worker, waiting on the office
            assert client.get("/").status_code == 200
            assert not done.is_set()  # answered while the PDF was still being made
        finally:
            os.kill(office, signal.SIGCONT)
            worker.join(timeout=120)
        assert done.is_set()
