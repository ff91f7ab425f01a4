"""Guideline parameters as YAML (a package only so that the files ship with the distribution)."""
