"""Pages of the awards app: thin, every read through thidua/units/access.py."""
