"""HTML views of the honoree registry (thin: parse, fetch through access, call a service)."""
