"""Shared test set-up: the Hypothesis profiles and pytest's ``pytester`` fixture.

The "ci" profile is the default, so the suite is the same on every run and machine:
derandomized (examples come from a fixed seed per test), no deadline and no
time-based health check (a loaded CI machine must not fail a test), no example
database (nothing carried over from earlier runs). ``HYPOTHESIS_PROFILE=explore``
searches with fresh random examples locally; it is ignored when ``CI`` is set.
A failure prints a ``@reproduce_failure`` blob either way.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

pytest_plugins = ("pytester",)

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=40,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("explore", parent=settings.get_profile("ci"), derandomize=False)
settings.register_profile("thorough", parent=settings.get_profile("ci"), max_examples=500)

settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "ci"))
