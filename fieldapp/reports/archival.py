"""Turn reportlab's PDF into archival PDF/A-2b with pikepdf, reproducibly.

Adds an sRGB output intent, the document language, and XMP metadata that mirrors
the document information dictionary (title, author, subject, keywords, dates)
together with the PDF/A identification. The file id is derived from the content,
so the same report gives the same bytes.
"""

from __future__ import annotations

import io
import struct
from datetime import UTC, datetime
from functools import cache
from xml.sax.saxutils import escape

import pikepdf
import reportlab
from PIL import ImageCms

from fieldapp import APP_NAME, __version__
from fieldapp.reports.document import DocumentInfo

SRGB_NAME = "sRGB IEC61966-2.1"
CREATOR = f"{APP_NAME} {__version__}"
PRODUCER = f"ReportLab {reportlab.Version}; pikepdf {pikepdf.__version__}"
# lcms stamps a profile with the time it was made; fix it so output is reproducible.
_ICC_DATE = struct.pack(">6H", 2000, 1, 1, 0, 0, 0)


@cache
def srgb_profile() -> bytes:
    profile = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    profile[24:36] = _ICC_DATE
    return bytes(profile)


def _pdf_date(moment: datetime) -> str:
    moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


def _xmp_date(moment: datetime) -> str:
    moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def xmp_packet(info: DocumentInfo) -> str:
    """XMP metadata mirroring the document information dictionary, as PDF/A requires."""
    e = escape
    stamp = _xmp_date(info.created)
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{e(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{e(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{e(info.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{e(info.lang)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{e(info.keywords)}</pdf:Keywords>
   <pdf:Producer>{e(PRODUCER)}</pdf:Producer>
   <xmp:CreatorTool>{e(CREATOR)}</xmp:CreatorTool>
   <xmp:CreateDate>{stamp}</xmp:CreateDate>
   <xmp:ModifyDate>{stamp}</xmp:ModifyDate>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def make_archival(pdf_bytes: bytes, info: DocumentInfo) -> bytes:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        icc = pdf.make_stream(srgb_profile())
        icc.N = 3
        icc.Alternate = pikepdf.Name.DeviceRGB
        intent = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.OutputIntent,
                S=pikepdf.Name.GTS_PDFA1,
                OutputConditionIdentifier=pikepdf.String(SRGB_NAME),
                Info=pikepdf.String(SRGB_NAME),
                RegistryName=pikepdf.String("http://www.color.org"),
                DestOutputProfile=icc,
            )
        )
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
        docinfo.Creator = pikepdf.String(CREATOR)
        docinfo.Producer = pikepdf.String(PRODUCER)
        for key in ("/Trapped",):  # PDF/A-2 allows only True/False; reportlab writes /False. Drop it.
            if key in docinfo:
                del docinfo[key]
        # Written directly rather than through pikepdf's XMP editor: every value is ours,
        # and it saves a parse-and-serialise round trip on each report.
        pdf.Root.Metadata = pdf.make_stream(
            xmp_packet(info).encode("utf-8"), Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML
        )
        out = io.BytesIO()
        pdf.save(
            out,
            deterministic_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.preserve,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,  # reportlab's streams are compressed already
            compress_streams=True,
            min_version="1.7",
        )
    return out.getvalue()
