"""HTML views of campaigns: reads through selectors (access-checked), writes via services."""
