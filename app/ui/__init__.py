"""The desktop app (PySide6): thin Qt views over :mod:`app.core`."""
