"""The drafted document converts to PDF with LibreOffice and shows its title on page 1."""

from __future__ import annotations

import shutil
import subprocess

import pytest

import doc_templates

from draft_helpers import EXAMPLES

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
]


def _to_pdf(docx, out_dir):
    profile_dir = out_dir / "lo-profile"  # a private LibreOffice profile: parallel runs do not collide
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile_dir}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out_dir), str(docx)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = out_dir / (docx.stem + ".pdf")
    assert pdf.is_file() and pdf.stat().st_size > 10_000
    return pdf


@pytest.mark.parametrize("name", EXAMPLES)
def test_pdf_page_one_shows_the_title(drafted, name, tmp_path):
    pdf = _to_pdf(drafted[name].path, tmp_path)
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    page_one = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
                              check=True, capture_output=True, text=True).stdout
    company = doc_templates.load_example(name).company.name
    assert f"{company}薪酬分配方案" in page_one.replace(" ", "")
    pages = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    size = next(line for line in pages.splitlines() if line.startswith("Page size"))
    assert "(A4)" in size


def test_rendered_page_one_has_the_title_in_its_top_band(drafted, tmp_path):
    """Rasterise page 1 and check ink in the title band, centred, above the body text."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) is not installed")
    from PIL import Image

    pdf = _to_pdf(drafted["private-manufacturer"].path, tmp_path)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=60)
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L").point(lambda p: 255 if p < 128 else 0)
    width, height = image.size

    def ink(top_mm: float, bottom_mm: float, left: float = 0.0, right: float = 1.0) -> int:
        """Dark pixels in a band of the page (rows in mm from the top, columns as page fractions)."""
        box = (int(width * left), int(height * top_mm / 297), int(width * right), int(height * bottom_mm / 297))
        return int(sum(image.crop(box).histogram()[255:]))

    assert ink(0, 36) == 0  # nothing above the 37 mm top margin
    assert ink(37, 50, 0.2, 0.8) > 200  # the 22 pt title, centred
    assert ink(37, 50, 0.0, 0.12) == 0  # …and not reaching the left margin
