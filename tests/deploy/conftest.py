"""Fixtures of the deployment checks. The helpers live in deploy_checks.py: a uniquely named module, so that
`from ... import` in the test modules never picks up another directory's conftest."""

from deploy_checks import rendered_overlays

__all__ = ["rendered_overlays"]
