"""Save safety: conflicts, concurrent writers, faults, kills (issue 14, issue 21)."""
