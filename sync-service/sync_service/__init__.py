"""QRDesk sync service."""
