import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Generated files go to a throw-away folder, never the project's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
