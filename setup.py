"""Only the package list, which pyproject.toml cannot express: found packages plus one mapped data folder.

``[tool.setuptools.packages.find]`` cannot add a package whose folder sits elsewhere, and an explicit list in
pyproject.toml would silently drop every new subpackage from the wheel. Everything else is in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["app", "app.*", "cloud_sync", "cloud_sync.*"]), "app._resources"])
