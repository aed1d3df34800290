"""QRDesk sync client (plain Python, no Qt)."""
