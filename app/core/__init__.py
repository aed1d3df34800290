"""Plain-Python core of QRDesk: no Qt import (enforced by import-linter)."""
