"""PDF from an HTML report, printed by headless Chromium (A4, the report's print stylesheet).

Chromium is a system program, not a Python package: on Debian `apt-get install chromium`. Set
`IMPLEMENTATIE_CHROMIUM` to use another Chromium or Chrome binary.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from implementatie.errors import ImplementatieError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 120
"""Seconds to wait for Chromium before giving up."""


def chromium() -> str:
    """The path of the Chromium binary, or one clear error saying how to install it."""
    chosen = os.environ.get("IMPLEMENTATIE_CHROMIUM")
    found = (
        shutil.which(chosen) if chosen else next(filter(None, map(shutil.which, BROWSERS)), None)
    )
    if found is None:
        raise ImplementatieError(
            "making a PDF needs Chromium, which was not found"
            + (f" at IMPLEMENTATIE_CHROMIUM={chosen!r}" if chosen else "")
            + "; install it (Debian/Ubuntu: apt-get install chromium) or use --format html "
            "and print that page from a browser"
        )
    return found


def headless(browser: str, profile: str, *args: str) -> list[str]:
    """A headless Chromium command line that stays offline and leaves nothing behind."""
    return [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-extensions",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *args,
    ]


def html_to_pdf(html: str) -> bytes:
    """Print an HTML page to PDF with headless Chromium; returns the PDF's bytes."""
    browser = chromium()
    with tempfile.TemporaryDirectory(prefix="implementatie-pdf-") as work:
        page, target = Path(work) / "report.html", Path(work) / "report.pdf"
        page.write_text(html, encoding="utf-8")
        command = headless(
            browser,
            str(Path(work) / "profile"),
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            page.as_uri(),
        )
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise ImplementatieError(
                f"Chromium took more than {TIMEOUT} s to print the PDF"
            ) from None
        if not target.is_file() or target.stat().st_size == 0:
            detail = done.stderr.strip().splitlines()[-1:] or ["no message"]
            raise ImplementatieError(f"Chromium did not print the PDF: {detail[0]}")
        return target.read_bytes()
