"""What the service keeps: districts, policy versions, the audit log, hashed API keys, hashed roster
entries and aggregate outcome counts. Never the text of a draft."""
