"""Elections: quotas, nominations and polls. ``tally.py`` is the pure counting core (no Django);
the poll models, ballots and pages come with the poll app (issue 8)."""
