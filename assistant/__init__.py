"""A chat assistant over news articles that cites verbatim source passages."""

__version__ = "0.1.0"
