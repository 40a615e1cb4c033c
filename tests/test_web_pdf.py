"""The web form's PDFs come from the app's persistent offices, off the event loop (issue 15)."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from annexgen.web import create_app
from annexgen.word.office import OfficePool
from tests.test_office import _gone
from tests.test_web import SEED_003_FORM

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see processes"),
]


def test_offices_start_with_the_server_and_stop_with_it() -> None:
    app = create_app(office_workers=1)
    pool = app.app.state.office_pool
    with TestClient(app) as client:
        started = pool.pids
        assert started  # started by the server's start-up, before any click
        first = client.post("/pdf", data=SEED_003_FORM)
        second = client.post("/pdf", data=SEED_003_FORM)
        assert first.content.startswith(b"%PDF")
        assert second.content.startswith(b"%PDF")
        assert set(started) < set(pool.pids)  # the helper started then, and its office
        assert len(pool.pids) == 2  # both PDFs from that one office
        everything = pool.pids
    assert _gone(everything)  # the server's shutdown stopped it


def test_a_pool_given_to_the_app_stays_open() -> None:
    with OfficePool(1) as pool:
        with TestClient(create_app(pool=pool)) as client:
            assert client.post("/pdf", data=SEED_003_FORM).content.startswith(b"%PDF")
        assert len(pool.pids) == 2  # still there for its owner


def test_pages_are_served_while_a_pdf_is_being_made() -> None:
    # the PDF handler must not block the event loop: with the office stopped, the
    # PDF waits, and the home page is still answered meanwhile
    pool = OfficePool(1)
    with TestClient(create_app(pool=pool)) as client:
        assert client.post("/pdf", data=SEED_003_FORM).status_code == 200
        (office,) = pool.office_pids
        os.kill(office, signal.SIGSTOP)
        done = threading.Event()

        def download() -> None:
            client.post("/pdf", data=SEED_003_FORM)
            done.set()

        worker = threading.Thread(target=download)
        try:
            worker.start()
            deadline = time.monotonic() + 10
            while not _converting(pool) and time.monotonic() < deadline:
                time.sleep(0.01)
            assert _converting(pool)
            assert client.get("/").status_code == 200
            assert not done.is_set()  # the PDF is still being made
        finally:
            os.kill(office, signal.SIGCONT)
            worker.join(timeout=60)
        assert done.is_set()
    pool.close()


def _converting(pool: OfficePool) -> bool:
    return bool(pool._busy)
