"""Helpers shared by the UI tests: serve the real app in-process on a free port."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(pipeline, report: Path) -> Iterator[str]:
    """The app from ui.py over `pipeline`, served on 127.0.0.1; yields its URL."""
    import ui

    demo = ui.build_app(pipeline, report)
    url = ui.launch(demo, "127.0.0.1", free_port(), quiet=True)
    try:
        yield url.rstrip("/")
    finally:
        demo.close()
