"""Reading finished PDFs back for the report tests: text, metadata, fonts, every string inside."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
from pypdf import PdfReader


def _open(source: bytes | Path) -> bytes:
    return source if isinstance(source, bytes) else Path(source).read_bytes()


def page_texts(source: bytes | Path) -> list[str]:
    reader = PdfReader(io.BytesIO(_open(source)))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def full_text(source: bytes | Path) -> str:
    return " ".join(page_texts(source))


def everything(source: bytes | Path) -> str:
    """All text a reader could find: page text, metadata, and every string and stream decoded."""
    data = _open(source)
    parts = [full_text(data), data.decode("latin-1")]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    raw = obj.read_bytes()
                except pikepdf.PdfError:  # an image codec pikepdf does not decode (JPEG): no text there
                    raw = obj.read_raw_bytes()
                parts += [raw.decode("utf-8", "ignore"), raw.decode("latin-1")]
            elif isinstance(obj, pikepdf.String):
                parts.append(str(obj))
            elif isinstance(obj, pikepdf.Dictionary):
                parts += [str(v) for v in obj.values() if isinstance(v, pikepdf.String)]
        parts += [str(v) for v in pdf.docinfo.values()]
    return "\n".join(parts)


def fonts(source: bytes | Path) -> dict[str, bool]:
    """Every font used on any page -> whether its program is embedded."""
    found: dict[str, bool] = {}
    with pikepdf.open(io.BytesIO(_open(source))) as pdf:
        for page in pdf.pages:
            for font in (page.Resources.get("/Font") or {}).values():
                descriptor = font.get("/FontDescriptor")
                if descriptor is None and "/DescendantFonts" in font:
                    descriptor = font.DescendantFonts[0].get("/FontDescriptor")
                embedded = descriptor is not None and any(
                    key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
                )
                found[str(font.BaseFont)] = embedded
            for xobject in (page.Resources.get("/XObject") or {}).values():
                if xobject.get("/Subtype") == "/Form":
                    for font in (xobject.get("/Resources", {}).get("/Font") or {}).values():
                        descriptor = font.get("/FontDescriptor")
                        found[str(font.BaseFont)] = descriptor is not None and "/FontFile2" in descriptor
    return found


def xmp(source: bytes | Path) -> str:
    with pikepdf.open(io.BytesIO(_open(source))) as pdf:
        return pdf.Root.Metadata.read_bytes().decode("utf-8")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text)
