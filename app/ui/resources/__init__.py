"""Icons and the desktop entry, shipped as package data and read with importlib.resources."""
