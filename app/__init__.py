"""QRDesk: an offline QR-code studio."""

__version__ = "0.1.0"
