"""Shared by every test: an in-memory OS keyring (tests/keyrings.py), so no test touches a real one."""

pytest_plugins = ["tests.keyrings"]
