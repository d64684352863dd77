"""Settings of the check-in benchmark's server: the real ones, with the bench's URLs."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.checkin_site"
