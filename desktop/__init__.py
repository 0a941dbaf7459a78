"""Cuttings: a desktop archive of news articles."""

__version__ = "0.1.0"
