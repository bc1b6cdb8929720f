"""Every model Second Look loads, loaded once, from registry packages or local paths only."""

import os

# presidio imports tldextract, which builds its public-suffix extractor at import time from this
# variable: empty means the snapshot the package ships, never a fetch from the network. It must be
# set before any presidio module is imported, so it lives here, where every import of the models
# (and, through `checks/__init__.py`, of the engine) starts.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
