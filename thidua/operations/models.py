"""No models: this app's tables are the cache table (settings.CACHES), created by `migrate`.

The module exists so that Django sends this app the post_migrate signal (apps.py)."""
