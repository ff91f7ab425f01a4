"""Jinja2 templates of the scheme chapters (a package so that wheels ship the .j2 files)."""
