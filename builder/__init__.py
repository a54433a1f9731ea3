"""Tisseuse builder: sources in ``modules/`` -> one typed model -> output targets."""

__version__ = "0.1.0.dev0"
