"""Platform conditions for the tests that cannot run on every OS the hosted workflow covers.

The Linux CI machine gets its Debian packages from scripts/setup.sh (Poppler, qrencode, Prometheus, Xvfb…); the
Windows and macOS runners of .github/workflows/tests.yml run the portable part of the suite without them. A test
that needs one of those is skipped there by a platform check, never by probing for the tool: on Linux a missing
tool is a broken setup and must fail, not skip.
"""

from __future__ import annotations

import sys

import pytest

ON_LINUX = sys.platform.startswith("linux")


def debian_tool(tool: str, package: str) -> pytest.MarkDecorator:
    """Skip off Linux: ``tool`` comes from the Debian ``package`` that scripts/setup.sh installs."""
    return pytest.mark.skipif(not ON_LINUX, reason=f"{tool} comes from the Debian package {package}, which "
                                                   "scripts/setup.sh installs on the Linux CI machine only")


# SIGKILL (a crash nothing can intercept) is POSIX; Windows ends a process with TerminateProcess instead.
posix_kill = pytest.mark.skipif(sys.platform == "win32", reason="Windows has no SIGKILL to crash a process with")

# A reader that goes away is EPIPE (SIGPIPE) on POSIX; Windows reports a closed pipe as EINVAL, and its
# shells have no `head` to close one.
posix_pipes = pytest.mark.skipif(sys.platform == "win32", reason="closed pipes are POSIX EPIPE; Windows has EINVAL")
