"""Cloud sync in the GUI: account dialog, background sync controller, status indicator, conflicts list."""
