"""Only what pyproject.toml cannot express: the package list (found packages plus one mapped data folder) and
compiling the translation catalogues into that folder before it is copied.

``[tool.setuptools.packages.find]`` cannot add a package whose folder sits elsewhere, and an explicit list in
pyproject.toml would silently drop every new subpackage from the wheel. Everything else is in pyproject.toml.
"""

import importlib.util
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py


class BuildWithTranslations(build_py):
    """resources/translations/*.qm are build output (scripts/translations.py); a wheel must carry them."""

    def run(self) -> None:
        script = Path(__file__).resolve().parent / "scripts" / "translations.py"
        if script.is_file():  # an sdist without scripts/ ships the .qm files it was made with
            spec = importlib.util.spec_from_file_location("qrdesk_translations", script)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            try:
                module.build()
            except module.ToolMissing as exc:  # PySide6 is not in the build environment
                print(f"warning: translations not compiled: {exc}")
        super().run()


setup(packages=[*find_packages(include=["app", "app.*", "cloud_sync", "cloud_sync.*"]), "app._resources"],
      cmdclass={"build_py": BuildWithTranslations})
