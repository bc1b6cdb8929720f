"""The engine: drafts in, findings out. A plain library; it never imports the web layer."""
