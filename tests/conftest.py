"""Shared by every test: an in-memory OS keyring (tests/keyrings.py), so no test touches a real one, and a
guard that fails the run if a test changed a file of the checkout (tests/checkout_guard.py)."""

pytest_plugins = ["tests.keyrings", "tests.checkout_guard"]
