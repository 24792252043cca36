"""Management commands of the council app."""
