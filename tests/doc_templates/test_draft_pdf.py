"""The drafted documents converted to PDF with LibreOffice: what a reader sees on the pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from draft_helpers import EXAMPLES, table_after

import doc_templates

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.slow


def _to_pdf(docx: Path, out_dir: Path) -> Path:
    assert SOFFICE, "LibreOffice (soffice) is needed for the layout tests"
    profile_dir = out_dir / "lo-profile"  # a private LibreOffice profile: parallel runs do not collide
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile_dir}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out_dir), str(docx)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = out_dir / (docx.stem + ".pdf")
    assert pdf.is_file() and pdf.stat().st_size > 10_000
    return pdf


def _run(*args: str) -> str:
    return subprocess.run(list(args), check=True, capture_output=True, text=True, timeout=60).stdout


def _pages(pdf: Path) -> list[str]:
    count = int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", str(pdf))).group(1))
    return [_run("pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-") for n in range(1, count + 1)]


@pytest.fixture(scope="module")
def pdfs(drafted, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pdf")
    return {name: _to_pdf(drafted[name].path, out) for name in ("private-restaurant", "soe-power")}


@pytest.mark.parametrize("name", ["private-restaurant", "soe-power"])
def test_page_one_shows_the_title_on_a4(pdfs, name):
    page_one = _pages(pdfs[name])[0]
    company = doc_templates.load_example(name).company.name
    assert f"{company}薪酬分配方案" in page_one.replace(" ", "")
    assert "(A4)" in _run("pdfinfo", str(pdfs[name]))


def test_page_numbers_sit_right_on_odd_and_left_on_even_pages(pdfs):
    pdf = pdfs["soe-power"]
    boxes = _run("pdftotext", "-bbox", "-f", "1", "-l", "4", str(pdf), "-")
    pages = boxes.split("<page ")[1:]
    for number, page in enumerate(pages, 1):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        dashes = [float(x) for x in re.findall(r'<word xMin="([\d.]+)"[^>]*>—</word>', page)]
        assert len(dashes) == 2, number  # “— n —”
        if number % 2:
            assert min(dashes) > width / 2, number  # right
        else:
            assert max(dashes) < width / 2, number  # left


def test_wide_annex_is_landscape_and_no_row_is_cut(pdfs):
    pdf = pdfs["soe-power"]
    info = _run("pdfinfo", "-f", "1", "-l", "200", str(pdf))
    sizes = re.findall(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info)
    landscape = [int(n) for n, w, h in sizes if float(w) > float(h)]
    assert landscape, "the grade × step annex should be on landscape pages"
    pages = _pages(pdf)
    profile = doc_templates.load_example("soe-power")
    seen_steps = set()
    for n in landscape:
        for line in pages[n - 1].splitlines():
            cells = line.split()
            if cells and cells[0].isdigit() and len(cells) > 3:
                seen_steps.add(int(cells[0]))
                # a whole row: the step and one entry (amount or —) for each grade of its table
                assert len(cells) - 1 in (10, len(profile.grades) - 10), line
    assert seen_steps == set(range(1, profile.components.pay_steps.count + 1))


def test_small_tables_stay_on_one_page(pdfs, drafted):
    for name, pdf in pdfs.items():
        pages = _pages(pdf)
        for title in ("年度考核等次分布", "津贴补贴标准", "年度工资总额测算", "岗位等级及人数"):
            last_row = table_after(drafted[name].path, title)[-1]
            caption = re.compile(r"表\s*\d+\s+" + title)
            page = next(p for p in pages if caption.search(p))
            below = page[caption.search(page).start():].replace(" ", "")
            assert last_row[0][:4] in below and last_row[-1].replace(" ", "")[:4] in below, (name, title)


def test_rendered_page_one_has_the_title_in_its_top_band(pdfs, tmp_path):
    """Rasterise page 1 and check ink in the title band, centred, above the body text."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdfs["private-restaurant"]),
                    str(tmp_path / "page")], check=True, timeout=60)
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L").point(lambda p: 255 if p < 128 else 0)
    width, height = image.size

    def ink(top_mm: float, bottom_mm: float, left: float = 0.0, right: float = 1.0) -> int:
        box = (int(width * left), int(height * top_mm / 297), int(width * right), int(height * bottom_mm / 297))
        return int(sum(image.crop(box).histogram()[255:]))

    assert ink(0, 36) == 0  # nothing above the 37 mm top margin
    assert ink(37, 50, 0.2, 0.8) > 200  # the 22 pt title, centred
    assert ink(37, 50, 0.0, 0.12) == 0


def test_notes_convert_too(drafted, tmp_path):
    pdf = _to_pdf(drafted["soe-power"].notes_path, tmp_path)
    text = "".join(_pages(pdf)).replace(" ", "").replace("\n", "")
    assert "编制说明" in text and "各指引对本企业的适用" in text


def test_all_samples_convert(drafted, tmp_path):
    for name in EXAMPLES:
        assert _to_pdf(drafted[name].path, tmp_path).is_file()
