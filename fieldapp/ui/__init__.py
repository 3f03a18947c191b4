"""The desktop app (PySide6). The only package that imports Qt."""

from fieldapp.ui.compat import pin_singletons

pin_singletons()
