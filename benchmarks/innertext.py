"""The page-type fixtures as a browser's ``document.body.innerText`` renders them.

    python benchmarks/innertext.py            # writes fixtures/pagetype/text/<name>.txt
    python benchmarks/innertext.py --check    # says which dumps differ, writes nothing

The text track of ``fixtures/pagetype`` (``benchmarks/pagetypes.py --track text``): each
hand-written page opened from disk in headless Chromium (Debian's ``chromium`` and
``chromium-driver``, driven by selenium from the test extra; no network), at a desktop
window size, and its body's ``innerText`` stored as UTF-8 with the newlines the browser
gives (CSS-hidden parts left out, table cells joined by tabs, blank lines between
paragraphs). The dumps are data, committed; rerun this after editing a page.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "pagetype"
WINDOW = "1400,1000"


def browser_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def open_driver(profile: Path) -> Any:
    """A headless Chromium under selenium, with Debian's chromedriver (Selenium Manager,
    which would download a driver, never runs)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, chromedriver = browser_path(), shutil.which("chromedriver")
    if browser is None or chromedriver is None:
        raise SystemExit("needs chromium and chromedriver (apt-get install chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-domain-reliability",
        "--lang=en-US",
        f"--window-size={WINDOW}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    driver.set_page_load_timeout(30)
    return driver


def inner_text(driver: Any, page: Path) -> str:
    driver.get(page.resolve().as_uri())
    text = driver.execute_script("return document.body ? document.body.innerText : '';")
    return (text or "").replace("\r\n", "\n").rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fixtures", type=Path, default=FIXTURES, help="folder of pages")
    ap.add_argument("--check", action="store_true", help="report differing dumps only")
    args = ap.parse_args(argv)
    out_dir = args.fixtures / "text"
    pages = sorted(args.fixtures.glob("*.html"))
    differ = 0
    with tempfile.TemporaryDirectory(prefix="innertext-") as profile:
        driver = open_driver(Path(profile))
        try:
            for page in pages:
                text = inner_text(driver, page)
                target = out_dir / f"{page.stem}.txt"
                old = target.read_text(encoding="utf-8") if target.exists() else None
                if old == text:
                    continue
                differ += 1
                if args.check:
                    print(f"differs: {target.relative_to(ROOT)}")
                else:
                    out_dir.mkdir(exist_ok=True)
                    target.write_text(text, encoding="utf-8")
                    print(f"wrote {target.relative_to(ROOT)}", file=sys.stderr)
        finally:
            driver.quit()
    print(f"{len(pages)} pages, {differ} dump(s) {'differ' if args.check else 'written'}")
    return 1 if args.check and differ else 0


if __name__ == "__main__":
    sys.exit(main())
