"""Offline by default: importing the engine never sets a library up to fetch from the network."""

import subprocess
import sys


def test_importing_the_engine_points_tldextract_at_its_bundled_suffix_list() -> None:
    # presidio-anonymizer imports presidio-analyzer, which imports tldextract; tldextract builds
    # its extractor at import time, so the setting must already be in place by then.
    code = (
        "import os; os.environ.pop('TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS', None)\n"
        "import checks.privacy.fixes\n"
        "from tldextract.tldextract import TLD_EXTRACTOR\n"
        "print(list(TLD_EXTRACTOR.suffix_list_urls))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "[]"
