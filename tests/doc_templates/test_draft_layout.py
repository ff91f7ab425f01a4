"""Layout of the drafted documents, read from the .docx XML: rows that never split, small tables
kept together, landscape annex, GB/T 9704 page numbers, 附件说明 and 落款, document properties."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from draft_helpers import EXAMPLES, body_blocks

import doc_templates


def _documents(report) -> list[docx.document.Document]:
    return [docx.Document(str(report.path)), docx.Document(str(report.notes_path))]


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_row_can_split_across_pages(drafted, name):
    for document in _documents(drafted[name]):
        for table in document.tables:
            for row in table.rows:
                cant = row._tr.trPr.find(qn("w:cantSplit")) if row._tr.trPr is not None else None
                assert cant is not None and cant.get(qn("w:val")) == "true"
            header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
            assert header is not None  # the header repeats on a following page


@pytest.mark.parametrize("name", EXAMPLES)
def test_small_tables_keep_together_and_have_two_columns(drafted, name):
    document = docx.Document(str(drafted[name].path))
    for table in document.tables:
        assert len(table.columns) >= 2  # no lone one-column table
        rows = table.rows
        if len(rows) <= 16:
            for row in rows[:-1]:
                for cell in row.cells:
                    assert all(p.paragraph_format.keep_with_next for p in cell.paragraphs)


@pytest.mark.parametrize("name", EXAMPLES)
def test_column_widths_fill_the_text_block(drafted, name):
    document = docx.Document(str(drafted[name].path))
    for table in document.tables:
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        total_mm = sum(grid) / 56.7
        assert 150 <= total_mm <= 250, total_mm  # portrait 156 mm, landscape 225 mm
        assert min(grid) / 56.7 >= 9.9


def test_wide_annex_table_is_on_a_landscape_section(drafted):
    document = docx.Document(str(drafted["soe-power"].path))
    orientations = [s.orientation for s in document.sections]
    assert orientations[0] == WD_ORIENT.PORTRAIT and WD_ORIENT.LANDSCAPE in orientations
    landscape = next(s for s in document.sections if s.orientation == WD_ORIENT.LANDSCAPE)
    assert landscape.page_width > landscape.page_height
    assert orientations[-1] == WD_ORIENT.PORTRAIT  # the quotes return to portrait


@pytest.mark.parametrize("name", EXAMPLES)
def test_page_numbers_right_on_odd_left_on_even(drafted, name):
    for document in _documents(drafted[name]):
        assert document.settings.odd_and_even_pages_header_footer
        section = document.sections[0]
        odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
        assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and even.alignment == WD_ALIGN_PARAGRAPH.LEFT
        for paragraph in (odd, even):
            assert "PAGE" in paragraph._p.xml and paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert odd.paragraph_format.right_indent.pt == 14 and even.paragraph_format.left_indent.pt == 14


@pytest.mark.parametrize("name", EXAMPLES)
def test_document_properties(drafted, name):
    report = drafted[name]
    company = doc_templates.load_example(name).company.name
    for document, title in zip(_documents(report), (f"{company}薪酬分配方案", f"{company}薪酬分配方案编制说明")):
        props = document.core_properties
        assert props.title == title and props.author == company and props.last_modified_by == company
        assert "python-docx" not in f"{props.author}{props.comments}{props.last_modified_by}{props.keywords}"
        assert props.created.year == dt.datetime.now().year and props.created.year != 2013
        assert props.subject and props.keywords


@pytest.mark.parametrize("name", EXAMPLES)
def test_annex_note_and_signature_close_the_body(drafted, name):
    report = drafted[name]
    texts = [v for k, v in body_blocks(report.path) if k == "p"]
    first = next(i for i, t in enumerate(texts) if t.startswith("附件："))
    assert texts[first].startswith("附件：1．")
    company = doc_templates.load_example(name).company.name
    tail = texts[first:first + 6]
    assert company in tail and any("年" in t and "月" in t and "日" in t for t in tail)
    document = docx.Document(str(report.path))
    signature = next(p for p in document.paragraphs if p.text == company)
    assert signature.alignment == WD_ALIGN_PARAGRAPH.RIGHT and signature.paragraph_format.right_indent.pt == 64


def test_chart_has_its_data_beside_it(drafted):
    for report in drafted.values():
        document = docx.Document(str(report.path))
        assert len(document.inline_shapes) == 1
        blocks = body_blocks(report.path)
        caption = next(i for i, (k, v) in enumerate(blocks) if k == "p" and v.startswith("图1"))
        following = [v for k, v in blocks[caption + 1:caption + 4] if k == "p"]
        assert any(v.endswith("图中数据（元/月）") for v in following)
