"""The engine: drafts in, findings out. A plain library; it never imports the web layer."""

import models  # noqa: F401  (sets the offline environment before presidio is imported)
