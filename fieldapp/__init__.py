"""Feltbog: an offline notebook for co-creation staff and community organisers."""

__version__ = "0.1.0"
APP_NAME = "Feltbog"
