"""Every model Second Look loads, loaded once, from registry packages or local paths only."""
