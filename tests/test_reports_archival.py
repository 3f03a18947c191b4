"""Archival output: embedded fonts, PDF/A identification, metadata, reproducible bytes."""

from __future__ import annotations

import io
import re

import pikepdf
import pytest
from pypdf import PdfReader
from reports_pdf import fonts, page_texts, xmp
from reports_sample import TODAY, build

from fieldapp.reports import ReportOptions, render_activity_report, render_area_report, render_person_report
from fieldapp.store import Store


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    store = Store.memory(tmp_path_factory.mktemp("attachments"))
    yield build(store)
    store.close()


def _all(sample, **kw):
    options = ReportOptions(today=TODAY, **kw)
    return [
        render_activity_report(sample.store, sample.walkabout.id, options)[0],
        render_activity_report(sample.store, sample.meeting.id, options)[0],
        render_area_report(sample.store, sample.area.id, None, None, options)[0],
        render_person_report(sample.store, sample.people["Karen Bækgaard"].id, options)[0],
    ]


def test_every_font_is_embedded_and_only_the_bundled_family_is_used(sample):
    for pdf in _all(sample, internal=True):
        used = fonts(pdf)
        assert used, "no fonts found"
        assert all(used.values()), used
        assert all("DejaVuSans" in name for name in used), used


def test_greek_and_cyrillic_names_render(sample):
    text = " ".join(
        page_texts(
            render_activity_report(
                sample.store, sample.walkabout.id, ReportOptions(today=TODAY, internal=True)
            )[0]
        )
    )
    assert "Αλέξανδρος Παπαδόπουλος" in text and "Ирина Соколова" in text


def test_pdfa_identification_and_metadata(sample):
    pdf = render_area_report(sample.store, sample.area.id, None, None, ReportOptions(lang="en", today=TODAY))[
        0
    ]
    meta = xmp(pdf)
    assert re.search(r"<pdfaid:part[^>]*>2</pdfaid:part>", meta)
    assert re.search(r"<pdfaid:conformance[^>]*>B</pdfaid:conformance>", meta)
    assert re.search(r"<dc:language[^>]*><rdf:Bag><rdf:li>en</rdf:li>", meta)
    assert "Area report: Uldum" in meta
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title.startswith("Area report: Uldum")
    assert reader.metadata.subject == "Area report – Uldum"
    assert reader.metadata.author == "Hedensted Kommune"
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        assert str(doc.Root.Lang) == "en"
        intent = doc.Root.OutputIntents[0]
        assert intent.S == pikepdf.Name.GTS_PDFA1
        assert intent.DestOutputProfile.N == 3
        assert len(doc.trailer.ID) == 2
        assert doc.docinfo.CreationDate == "D:20261123120000+00'00'"
        meta = doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        assert meta["dc:title"].startswith("Area report")
        assert meta.pdfa_status == "2B"


def test_same_input_gives_identical_bytes(sample):
    first = _all(sample)
    second = _all(sample)
    assert first == second
    other_day = render_activity_report(
        sample.store, sample.walkabout.id, ReportOptions(today=TODAY.replace(day=24))
    )[0]
    assert other_day != first[0]
