"""Shared by every test: an in-memory OS keyring (tests/keyrings.py), so no test touches a real one, a guard that
fails the run if a test changed a file of the checkout (tests/checkout_guard.py), and Hypothesis profiles."""

import os

from hypothesis import settings

pytest_plugins = ["tests.keyrings", "tests.checkout_guard"]

# "ci" (the default) draws the same examples on every run, so CI's verdict is about the change under test, not
# about which examples a run happened to draw. "explore" draws fresh ones each run and keeps failures in
# .hypothesis/ to replay: run it while working on a fuzzer (QRDESK_HYPOTHESIS=explore scripts/test.sh tests/...).
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", print_blob=True)
settings.load_profile(os.environ.get("QRDESK_HYPOTHESIS", "ci"))
