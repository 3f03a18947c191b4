"""Turn reportlab's PDF into archival PDF/A-2b with pikepdf, reproducibly.

Adds an sRGB output intent, the document language, and XMP metadata that mirrors
the document information dictionary (title, author, subject, keywords, dates)
together with the PDF/A identification. The file id is derived from the content,
so the same report gives the same bytes.
"""

from __future__ import annotations

import io
import struct
from datetime import datetime, timezone
from functools import cache

import pikepdf
from PIL import ImageCms

from fieldapp.reports.document import DocumentInfo

SRGB_NAME = "sRGB IEC61966-2.1"
# lcms stamps a profile with the time it was made; fix it so output is reproducible.
_ICC_DATE = struct.pack(">6H", 2000, 1, 1, 0, 0, 0)


@cache
def srgb_profile() -> bytes:
    profile = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    profile[24:36] = _ICC_DATE
    return bytes(profile)


def _pdf_date(moment: datetime) -> str:
    moment = moment.astimezone(timezone.utc) if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


def make_archival(pdf_bytes: bytes, info: DocumentInfo) -> bytes:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        icc = pdf.make_stream(srgb_profile())
        icc.N = 3
        icc.Alternate = pikepdf.Name.DeviceRGB
        intent = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent,
            S=pikepdf.Name.GTS_PDFA1,
            OutputConditionIdentifier=pikepdf.String(SRGB_NAME),
            Info=pikepdf.String(SRGB_NAME),
            RegistryName=pikepdf.String("http://www.color.org"),
            DestOutputProfile=icc,
        ))
        pdf.Root.OutputIntents = pikepdf.Array([intent])
        pdf.Root.Lang = pikepdf.String(info.lang)

        stamp = _pdf_date(info.created)
        docinfo = pdf.docinfo
        docinfo.Title = pikepdf.String(info.title)
        docinfo.Author = pikepdf.String(info.author)
        docinfo.Subject = pikepdf.String(info.subject)
        docinfo.Keywords = pikepdf.String(info.keywords)
        docinfo.CreationDate = pikepdf.String(stamp)
        docinfo.ModDate = pikepdf.String(stamp)
        for key in ("/Trapped",):  # PDF/A-2 allows only True/False; reportlab writes /False. Drop it.
            if key in docinfo:
                del docinfo[key]
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta.load_from_docinfo(docinfo, delete_missing=False)
            meta["dc:language"] = {info.lang}
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
        out = io.BytesIO()
        pdf.save(
            out,
            deterministic_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            compress_streams=True,
            min_version="1.7",
        )
    return out.getvalue()
