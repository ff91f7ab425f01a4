"""Marked-up lines → a .docx laid out per GB/T 9704 (党政机关公文格式).

The templates produce plain lines with light markers; this module knows nothing of pay:

    ::title 文本        document title (小标宋 二号, centred)
    ::subtitle 文本     line under the title (楷体 三号, centred)
    # 文本              heading level 1 (黑体 三号, centred)
    ## 文本             heading level 2 (楷体 三号)
    ::basis 文本        the chapter's guideline basis (楷体)
    ::formula 文本      a formula line (centred)
    ::noindent 文本     body text without the first-line indent
    ::right 文本        body text aligned right
    ::annexnote 文本    附件说明 (GB/T 9704 §7.3.4: 附件：1．名称, further items aligned under the first)
    ::sign 单位|日期     落款: the issuer and the date, right-aligned four characters from the margin
    > 文本              quoted guideline text (楷体, indented)
    > | a | b |          consecutive quoted table lines become one real table
    [[table:NAME]]      a real Word table from `tables[NAME]`
    [[chart:NAME]]      a PNG from `charts[NAME]`
    [[pagebreak]]
    [[landscape]] / [[portrait]]   start a new section in that orientation (wide tables)
    anything else       a body paragraph (仿宋 三号, first line indented two characters)

Tables: rows never split across pages (cantSplit), the header repeats, small tables keep together,
column widths follow the content unless given. Page numbers follow GB/T 9704 §7.5: “— 1 —” in
四号 宋体, right on odd pages and left on even pages, one character from the edge.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

# GB/T 9704-2012 §5.2 and §7: fonts and sizes (二号 22pt, 三号 16pt, 四号 14pt, 五号 10.5pt).
TITLE_FONT = "方正小标宋简体"
TITLE_FALLBACK = "宋体"
BODY_FONT = "仿宋"
H1_FONT = "黑体"
H2_FONT = "楷体"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"
TITLE_PT, BODY_PT, SMALL_PT, TABLE_PT = 22, 16, 14, 10.5
# 22 lines of 28 characters in a 156 × 225 mm text block → lines about 28.9 pt apart.
LINE_PT = 28.9
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TEXT_WIDTH_MM = 210 - 28 - 26
LANDSCAPE_TEXT_WIDTH_MM = 297 - 37 - 35
KEEP_TOGETHER_ROWS = 15  # tables up to this many rows stay on one page
MIN_COLUMN_MM = 10
CELL_PADDING_MM = 3.5  # left and right cell margins plus a little air
PT_MM = 25.4 / 72

# Fonts a Chinese Word installation may lack: altName tells Word (and LibreOffice) what to use instead.
_FONT_TABLE = {
    TITLE_FONT: TITLE_FALLBACK,
    "仿宋": "仿宋_GB2312",
    "楷体": "楷体_GB2312",
    "黑体": "SimHei",
    "宋体": "SimSun",
}


@dataclass
class TableData:
    """A table as the templates' context supplies it: strings only, already formatted."""

    columns: list[str]
    rows: list[list[str]]
    title: str = ""
    note: str = ""
    font_pt: float = TABLE_PT
    widths_mm: Sequence[float] = ()
    keep_together: bool | None = None  # None: small tables (≤ KEEP_TOGETHER_ROWS rows) stay on one page


@dataclass
class ChartData:
    png: bytes
    caption: str = ""
    width_mm: float = 150


# ---- fonts ------------------------------------------------------------------------------


def set_run_font(rpr_parent, east_asia: str, size_pt: float | None = None, bold: bool | None = None,
                 latin: str = LATIN_FONT) -> None:
    """Set explicit fonts on a run or style: Latin and, via w:eastAsia, the Chinese font.

    Theme font attributes would override the explicit names, so they are removed.
    """
    rpr = rpr_parent.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    font = rpr_parent.font
    if size_pt is not None:
        font.size = Pt(size_pt)
    if bold is not None:
        font.bold = bold


def _style(doc, name: str, east_asia: str, size_pt: float, bold: bool = False):
    style = doc.styles[name]
    set_run_font(style, east_asia, size_pt, bold)
    style.font.italic = False
    rpr = style.element.get_or_add_rPr()
    for node in rpr.findall(qn("w:color")):  # built-in headings are theme-blue
        rpr.remove(node)
    pf = style.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(LINE_PT if size_pt <= BODY_PT else size_pt * 1.5)
    return style


def _register_fonts(doc) -> None:
    """Declare the Chinese fonts with a GB2312 charset and a fallback name in fontTable.xml."""
    part = doc.part.part_related_by(RT.FONT_TABLE)  # python-docx keeps this part as raw bytes (_blob)
    blob = part.blob.decode("utf-8")
    entries = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
        f'<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
        for name, alt in _FONT_TABLE.items() if f'w:name="{name}"' not in blob
    )
    part._blob = blob.replace("</w:fonts>", entries + "</w:fonts>").encode("utf-8")


def _setup_styles(doc) -> None:
    normal = _style(doc, "Normal", BODY_FONT, BODY_PT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(lang)
    normal.paragraph_format.widow_control = False
    title = _style(doc, "Title", TITLE_FONT, TITLE_PT)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(LINE_PT)
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):  # the default Title style draws a rule under it
        ppr.remove(border)
    h1 = _style(doc, "Heading 1", H1_FONT, BODY_PT)
    h1.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    h1.paragraph_format.space_before = Pt(LINE_PT / 2)
    h1.paragraph_format.keep_with_next = True
    h2 = _style(doc, "Heading 2", H2_FONT, BODY_PT)
    h2.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    h2.paragraph_format.keep_with_next = True
    _style(doc, "Footer", PAGE_NUMBER_FONT, SMALL_PT)


# ---- page -------------------------------------------------------------------------------


def _setup_page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(15)
    section.footer_distance = Mm(24)  # 页码 about 7 mm below the text block
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], odd=True)
    _page_number(section.even_page_footer.paragraphs[0], odd=False)


def _field(paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
            run._r.append(node)
        elif text == instruction:
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = f" {instruction} "
            run._r.append(node)
        else:
            node = OxmlElement("w:t")
            node.text = text
            run._r.append(node)
    set_run_font(run, PAGE_NUMBER_FONT, SMALL_PT)


def _page_number(paragraph, odd: bool) -> None:
    """“— 1 —”, the number a PAGE field: right on odd pages, left on even ones, one character in."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    if odd:
        paragraph.paragraph_format.right_indent = Pt(SMALL_PT)
    else:
        paragraph.paragraph_format.left_indent = Pt(SMALL_PT)
    set_run_font(paragraph.add_run("— "), PAGE_NUMBER_FONT, SMALL_PT)
    _field(paragraph, "PAGE")
    set_run_font(paragraph.add_run(" —"), PAGE_NUMBER_FONT, SMALL_PT)


# ---- the document builder ---------------------------------------------------------------

_MARKER = re.compile(r"^\[\[(table|chart|pagebreak|landscape|portrait)(?::([^\]]+))?\]\]$")


class DocBuilder:
    """Turns marked-up lines into paragraphs, tables and pictures of one document."""

    def __init__(self, title: str = "", author: str = "", subject: str = "", keywords: str = "") -> None:
        self.doc = Document()
        _register_fonts(self.doc)
        _setup_styles(self.doc)
        _setup_page(self.doc)
        _properties(self.doc, title, author, subject, keywords)
        self._tables = 0
        self._charts = 0
        self._styles: dict[str, object] = {}
        self._runs: dict[tuple, object] = {}
        self._quoted_rows: list[list[str]] = []
        self._landscape = False
        self._style_ids: dict[str, str] = {}

    # paragraphs ------------------------------------------------------------------------

    def _para(self, text: str, *, style: str | None = None, font: str = BODY_FONT, size: float = BODY_PT,
              align=None, indent: bool = True, bold: bool | None = None):
        """A paragraph with one run; styles and run fonts come from cached XML (lookups by name are slow)."""
        paragraph = self.doc.add_paragraph()
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self.doc.styles[style].style_id
            node = OxmlElement("w:pStyle")
            node.set(qn("w:val"), self._style_ids[style])
            paragraph._p.get_or_add_pPr().insert(0, node)
        if align is not None:
            paragraph.alignment = align
        if indent and style is None:
            paragraph.paragraph_format.first_line_indent = Pt(size * 2)
        run = copy.deepcopy(self._run_template(font, size, bool(bold)))
        run.find(qn("w:t")).text = text
        paragraph._p.append(run)
        return paragraph

    def line(self, raw: str, tables: dict[str, TableData], charts: dict[str, ChartData]) -> None:
        text = raw.rstrip()
        if not text.strip():
            return
        if _is_table_line(text):
            self._quoted_rows.append(_cells(text))
            return
        self._flush_quoted()
        marker = _MARKER.match(text.strip())
        if marker:
            kind, name = marker.groups()
            if kind == "pagebreak":
                self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            elif kind == "table":
                self.table(tables[name])
            elif kind in ("landscape", "portrait"):
                self.section(landscape=kind == "landscape")
            else:
                self.chart(charts[name])
            return
        if text.startswith("::annexnote "):
            self._annex_note(text[12:].strip())
            return
        if text.startswith("::sign "):
            self._signature(*text[7:].split("|", 1))
            return
        if text.startswith("::title "):
            self._para(text[8:].strip(), style="Title", font=TITLE_FONT, size=TITLE_PT)
        elif text.startswith("::subtitle "):
            self._para(text[11:].strip(), font=H2_FONT, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        elif text.startswith("## "):
            self._para(text[3:].strip(), style="Heading 2", font=H2_FONT, bold=False)
        elif text.startswith("# "):
            self._para(text[2:].strip(), style="Heading 1", font=H1_FONT, bold=False)
        elif text.startswith("::basis "):
            self._para(text[8:].strip(), font=H2_FONT)
        elif text.startswith("::formula "):
            self._para(text[10:].strip(), align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        elif text.startswith("::noindent "):
            self._para(text[11:].strip(), indent=False)
        elif text.startswith("::right "):
            self._para(text[8:].strip(), align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
        elif text.startswith(">"):
            paragraph = self._para(text[1:].strip(), font=H2_FONT, size=SMALL_PT)
            paragraph.paragraph_format.left_indent = Pt(BODY_PT * 2)
            paragraph.paragraph_format.line_spacing = Pt(LINE_PT * SMALL_PT / BODY_PT)
        else:
            self._para(text.strip())

    def lines(self, text: str, tables: dict[str, TableData], charts: dict[str, ChartData]) -> None:
        for raw in text.splitlines():
            self.line(raw, tables, charts)
        self._flush_quoted()

    def _flush_quoted(self) -> None:
        """Quoted “| a | b |” lines of a guideline's table, as a real table in the quote's font."""
        rows, self._quoted_rows = self._quoted_rows, []
        if not rows:
            return
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        self.table(TableData(rows[0], rows[1:], font_pt=SMALL_PT - 3.5), numbered=False)

    def _annex_note(self, text: str) -> None:
        """附件说明: “附件：1．…” two characters in; later items (no “附件：”) aligned under the first name."""
        paragraph = self._para(text, indent=False)
        lead = Pt(BODY_PT * 2)
        if text.startswith("附件"):
            paragraph.paragraph_format.left_indent = lead
        else:
            paragraph.paragraph_format.left_indent = lead + Pt(BODY_PT * 3)

    def _signature(self, issuer: str, date: str = "") -> None:
        """落款: issuer above the date, both right-aligned four characters in (GB/T 9704 §7.3.5.2)."""
        self.doc.add_paragraph()  # one blank line after the body
        for text in (issuer.strip(), date.strip()):
            if text:
                paragraph = self._para(text, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
                paragraph.paragraph_format.right_indent = Pt(BODY_PT * 4)
                paragraph.paragraph_format.keep_with_next = True

    def section(self, landscape: bool) -> None:
        """A new section (on a new page) in the given orientation, same margins turned with the page."""
        from docx.enum.section import WD_SECTION

        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        portrait = (Mm(210), Mm(297))
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = portrait[::-1] if landscape else portrait
        m = MARGINS_MM
        top, right, bottom, left = (m["left"], m["top"], m["right"], m["bottom"]) if landscape else (
            m["top"], m["right"], m["bottom"], m["left"])
        section.top_margin, section.right_margin = Mm(top), Mm(right)
        section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
        self._landscape = landscape

    # tables and charts ------------------------------------------------------------------

    def _caption(self, text: str, size: float = SMALL_PT):
        paragraph = self._para(text, font=H1_FONT, size=size, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def table(self, data: TableData, numbered: bool = True) -> None:
        if numbered:
            self._tables += 1
        if data.title:
            self._caption(f"表{self._tables}　{data.title}" if numbered else data.title)
        table = self.doc.add_table(rows=1 + len(data.rows), cols=len(data.columns))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _full_width(table)
        rows = list(table.rows)  # table.cell() rescans the whole grid per call: slow on big tables
        style = self._table_style(data.font_pt).style_id
        head, body = self._run_template(H1_FONT, data.font_pt, True), self._run_template(BODY_FONT, data.font_pt)
        for cell, heading in zip(rows[0].cells, data.columns):
            _cell(cell, heading, style, head)
        _repeat_header(rows[0])
        for row, values in zip(rows[1:], data.rows):
            for cell, value in zip(row.cells, values):
                _cell(cell, value, style, body)
        keep = data.keep_together if data.keep_together is not None else len(data.rows) <= KEEP_TOGETHER_ROWS
        for i, row in enumerate(rows):
            _cant_split(row)
            if keep and i < len(rows) - 1:
                _keep_with_next(row)
        widths = data.widths_mm or _auto_widths(data, LANDSCAPE_TEXT_WIDTH_MM if self._landscape
                                                 else TEXT_WIDTH_MM)
        _set_widths(table, rows, widths)
        if data.note:
            note = self._para(data.note, size=data.font_pt + 1, indent=False)
            note.paragraph_format.line_spacing = Pt((data.font_pt + 1) * 1.5)
        else:  # a blank line keeps the next paragraph off the table's bottom rule
            self.doc.add_paragraph().paragraph_format.line_spacing = Pt(data.font_pt)

    def _table_style(self, size: float):
        """One paragraph style per table font size: centred, single-spaced, no indent."""
        name = f"表格文字 {size:g}"
        if name not in self._styles:
            style = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = self.doc.styles["Normal"]
            set_run_font(style, BODY_FONT, size)
            fmt = style.paragraph_format
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
            fmt.first_line_indent = Pt(0)
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
            fmt.space_before = fmt.space_after = Pt(1)
            self._styles[name] = style
        return self._styles[name]

    def _run_template(self, font: str, size: float, bold: bool = False):
        key = (font, size, bold)
        if key not in self._runs:
            paragraph = self.doc.add_paragraph()
            run = paragraph.add_run("")
            set_run_font(run, font, size, bold)
            run._r.remove(run._r.find(qn("w:t"))) if run._r.find(qn("w:t")) is not None else None
            text = OxmlElement("w:t")
            text.set(qn("xml:space"), "preserve")
            run._r.append(text)
            self._runs[key] = copy.deepcopy(run._r)
            paragraph._p.getparent().remove(paragraph._p)
        return self._runs[key]

    def chart(self, data: ChartData) -> None:
        self._charts += 1
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        paragraph.paragraph_format.keep_with_next = bool(data.caption)  # the caption stays under its chart
        paragraph.add_run().add_picture(io.BytesIO(data.png), width=Mm(data.width_mm))
        if data.caption:
            paragraph = self._caption(f"图{self._charts}　{data.caption}")
        paragraph.paragraph_format.keep_with_next = True  # the data table follows the chart

    def save(self, target) -> None:
        self.doc.save(target)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def _cell(cell, text: str, style_id: str, run_template) -> None:
    """Fill a cell fast: a pStyle reference for the layout, a copied run that carries the fonts.

    (python-docx's `paragraph.style = …` looks the style up anew each time: too slow for big tables.)
    """
    p = cell._tc.p_lst[0]
    ppr = p.get_or_add_pPr()
    pstyle = OxmlElement("w:pStyle")
    pstyle.set(qn("w:val"), style_id)
    ppr.insert(0, pstyle)
    run = copy.deepcopy(run_template)
    run.find(qn("w:t")).text = str(text)
    p.append(run)


def _is_table_line(text: str) -> bool:
    stripped = text.lstrip("> ").strip()
    return text.startswith(">") and stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3


def _cells(text: str) -> list[str]:
    return [c.strip() for c in text.lstrip("> ").strip().strip("|").split("|")]


def _display_width(text: str) -> float:
    """Width in character cells: a Chinese character is two, a Latin letter or digit one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text) or 1


def _auto_widths(data: TableData, total_mm: float) -> list[float]:
    """Column widths that fit each column's widest cell (header included) on one line where the
    text width allows, the room left shared in proportion: names do not wrap beside short numbers."""
    sample = [data.columns, *data.rows[:200]]
    char_mm = data.font_pt * PT_MM / 2  # a Latin character; a Chinese one is two
    need = [max(_display_width(str(r[i])) if i < len(r) else 1 for r in sample) * char_mm + CELL_PADDING_MM
            for i in range(len(data.columns))]
    need = [max(n, MIN_COLUMN_MM) for n in need]
    if sum(need) >= total_mm:
        return [n * total_mm / sum(need) for n in need]
    spare = total_mm - sum(need)
    return [n + spare * n / sum(need) for n in need]


def _set_widths(table, rows, widths_mm: Sequence[float]) -> None:
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(int(Mm(width).twips)))
    for row in rows:
        for tc, width in zip(row._tr.tc_lst, widths_mm):
            tc.width = Mm(width)


def _cant_split(row) -> None:
    """A row is never broken across two pages (a number must not be cut in two)."""
    trpr = row._tr.get_or_add_trPr()
    node = OxmlElement("w:cantSplit")
    node.set(qn("w:val"), "true")
    trpr.insert(0, node)


def _keep_with_next(row) -> None:
    for tc in row._tr.tc_lst:
        for p in tc.p_lst:
            p.get_or_add_pPr().keepNext_val = True


def _properties(doc, title: str, author: str, subject: str, keywords: str) -> None:
    """Title, company and today's date: not python-docx's template values (author “python-docx”, 2013)."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, author, author
    props.subject, props.keywords, props.category = subject, keywords, "薪酬分配方案"
    props.comments, props.identifier, props.content_status = "", "", "草案"
    props.language, props.revision = "zh-CN", 1
    props.created = props.modified = now


def _repeat_header(row) -> None:
    """The header row repeats on every page a long table spans."""
    trpr = row._tr.get_or_add_trPr()
    node = OxmlElement("w:tblHeader")
    node.set(qn("w:val"), "true")
    trpr.append(node)


def _full_width(table) -> None:
    tblpr = table._tbl.tblPr
    width = tblpr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tblpr.append(width)
    width.set(qn("w:type"), "pct")
    width.set(qn("w:w"), "5000")


def build(blocks: Iterable[str], tables: dict[str, TableData], charts: dict[str, ChartData], *,
          title: str = "", author: str = "", subject: str = "", keywords: str = "") -> DocBuilder:
    builder = DocBuilder(title=title, author=author, subject=subject, keywords=keywords)
    for block in blocks:
        builder.lines(block, tables, charts)
    return builder
