"""The outside world: HTTP API, CLI, settings and storage around the engine."""
