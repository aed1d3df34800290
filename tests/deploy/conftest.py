"""Fixtures of the deployment checks. The helpers live in deploy_checks.py: a uniquely named module, so that
`from ... import` in the test modules never picks up another directory's conftest.

The image test's build starts when collection ends and the test runs last (see image_build.py): the build's
minutes overlap the rest of the suite instead of adding to CI's time."""

from __future__ import annotations

import pytest
from deploy_checks import rendered_overlays
from image_build import ImageBuild

__all__ = ["image_build", "rendered_overlays"]

_BUILD = pytest.StashKey[ImageBuild]()


def _is_image_test(item: pytest.Item) -> bool:
    return item.path.name == "test_image.py" and item.path.parent.name == "deploy"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Every test of the session passes here (this hook is not limited to this directory): the image test last.
    items.sort(key=_is_image_test)  # stable: the others keep their order


def pytest_collection_finish(session: pytest.Session) -> None:
    if not session.config.option.collectonly and any(_is_image_test(item) for item in session.items):
        session.config.stash[_BUILD] = ImageBuild()


def pytest_sessionfinish(session: pytest.Session) -> None:
    build = session.config.stash.get(_BUILD, None)
    if build is not None:
        build.stop()


@pytest.fixture(scope="session")
def image_build(request: pytest.FixtureRequest) -> ImageBuild:
    """The build started when collection ended (stopped and its image removed when the session ends)."""
    build = request.config.stash.get(_BUILD, None)
    assert build is not None, "the image build starts in pytest_collection_finish when test_image.py is selected"
    return build
