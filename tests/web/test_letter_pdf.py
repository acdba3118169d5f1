"""The letter a prosecutor signs, read back as the other side reads it: the PDF's pages and text
(pypdf), its first page rendered to an image (pypdfium2), and the DOCX (python-docx).

A4 on every page; the criminal case number and the assistance sought in the subject; headings in
words with the article beside them; each person once; our address in the letter's language; the
signatory's position and name; "page X of Y" in the letter's language."""

import io
import re
from datetime import date
from datetime import timedelta

import pypdf
import pypdfium2
import pytest
from docx import Document
from docx.oxml.ns import qn

from requests_app.documents.letters import letter_build
from requests_app.documents.letters import letter_docx_bytes
from requests_app.documents.letters import letter_pdf_bytes
from requests_app.documents.letters import pdf as letter_pdf
from requests_app.models import PersonRole
from requests_app.models import RequestPerson
from tests.factories import AssistanceRequestFactory
from tests.factories import SignatoryFactory
from tests.web.conftest import NOW

pytestmark = pytest.mark.django_db

A4_POINTS = (595.28, 841.89)
MM = 72 / 25.4  # points per millimetre
CASE = "2026-0001"
# A word longer than a line: the layout must break it rather than run into the margin.
LONG_WORD = "Transaction-" + "0123456789" * 14


@pytest.fixture
def signed(frozen_now):
    request = AssistanceRequestFactory(
        case_number=CASE, signatory=SignatoryFactory(),
        facts_summary="Funds were moved through shell companies. " * 30 + LONG_WORD)
    # The same witness entered twice (the drafting form was sent twice), and another person.
    for _ in range(2):
        RequestPerson.objects.create(request=request, role=PersonRole.TO_SERVE,
                                     full_name="Dragan Dedupović", birth_date=date(1980, 5, 1),
                                     appearance_date=NOW.date() + timedelta(days=75))
    RequestPerson.objects.create(request=request, role=PersonRole.TO_HEAR,
                                 full_name="Jovana Jovanović")
    return request


def _pdf(request, language: str) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(letter_pdf_bytes(letter_build(request, language=language))))


def _text(reader: pypdf.PdfReader) -> str:
    """The text of every page, lines wrapped on the page joined again."""
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def _docx(request, language: str):
    return Document(io.BytesIO(letter_docx_bytes(letter_build(request, language=language))))


def _docx_text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_every_page_of_the_pdf_letter_is_a4(signed, language):
    reader = _pdf(signed, language)
    assert len(reader.pages) >= 2
    for page in reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=0.5)


def test_the_subject_line_names_the_case_number_and_the_assistance_sought(signed):
    letter = letter_build(signed, language="ru")
    assert f"по уголовному делу № {CASE}" in letter.subject
    assert "Вручение документов" in letter.subject  # the assistance sought, in Russian
    assert letter.title.startswith(signed.reference) and CASE in letter.title
    assert " ".join(letter.subject.split()) in _text(_pdf(signed, "ru"))


def test_the_pdf_headings_are_words_with_the_article_noted_beside_them(signed):
    text = _text(_pdf(signed, "ru"))
    assert "Юридическая квалификация деяния (ст. 3.2(c))" in text
    assert "ст. 3.2(c) —" not in text


def test_the_signature_block_names_the_signatory_and_position_in_the_letter_language(signed):
    signatory = signed.signatory
    for language in ("kk", "ru", "en"):
        text = _text(_pdf(signed, language))
        assert signatory.name_in(language) in text
        assert signatory.position_in(language) in text
        assert signed.created_by.username not in text


def test_without_a_signatory_the_name_and_position_are_left_blank(frozen_now):
    request = AssistanceRequestFactory(case_number=CASE)
    letter = letter_build(request, language="ru")
    assert letter.signature[0].startswith("____") and "(должность)" in letter.signature[0]
    assert "(фамилия, инициалы)" in letter.signature[2]
    assert request.created_by.username not in " ".join(letter.signature)


def test_our_address_is_in_cyrillic_in_the_russian_letter(signed):
    text = _text(_pdf(signed, "ru"))
    assert "г. Астана, проспект Мангилик Ел, 14" in text
    assert "Mangilik" not in text


def test_our_address_is_in_kazakh_in_the_kazakh_letter(signed):
    assert "Астана қ., Мәңгілік Ел даңғылы, 14" in _text(_pdf(signed, "kk"))


def test_each_person_is_printed_once(signed):
    text = _text(_pdf(signed, "en"))
    assert text.count("Dragan Dedupović") == 1
    assert text.count("Jovana Jovanović") == 1


@pytest.mark.parametrize(("language", "numbering"), [
    ("en", "page {page} of {pages}"), ("ru", "страница {page} из {pages}"),
    ("kk", "{pages} беттің {page}-беті")])
def test_every_pdf_page_is_numbered_page_x_of_y_in_the_letter_language(signed, language,
                                                                        numbering):
    reader = _pdf(signed, language)
    pages = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert numbering.format(page=number, pages=pages) in " ".join(page.extract_text().split())


def test_the_first_page_rendered_stays_inside_the_margins_and_is_not_blank(signed):
    content = letter_pdf_bytes(letter_build(signed, language="ru"))
    document = pypdfium2.PdfDocument(content)
    scale = 2  # 144 dpi
    image = document[0].render(scale=scale).to_pil().convert("L")
    width, height = image.size
    assert (width, height) == (round(A4_POINTS[0] * scale), round(A4_POINTS[1] * scale))
    margin = round(15 * MM * scale)
    pixels = image.load()

    def dark(x_range, y_range) -> int:
        return sum(1 for x in x_range for y in y_range if pixels[x, y] < 128)

    assert dark(range(width - margin, width), range(height)) == 0  # right margin
    assert dark(range(margin), range(height)) == 0  # left margin
    assert dark(range(margin, width - margin), range(margin, height - margin)) > 5_000


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_fonts_read_once_a_process_write_the_bytes_fpdf2_writes_reading_them_afresh(
        signed, language, monkeypatch):
    # The PDF embeds the subset of DejaVu Sans the letter uses; the fonts' metrics are read once
    # per process (``_font_add``) instead of by ``add_font`` for every letter (time frozen: the
    # creation date is the same). Twice, so the second letter reuses what the first one read.
    letter = letter_build(signed, language=language)
    read_once = [letter_pdf_bytes(letter), letter_pdf_bytes(letter)]
    monkeypatch.setattr(letter_pdf, "_fonts_add", letter_pdf._fonts_add_uncached)
    assert read_once == [letter_pdf_bytes(letter)] * 2


# --- DOCX ----------------------------------------------------------------------------------------
def test_the_docx_letter_is_a4_with_the_same_texts(signed):
    document = _docx(signed, "ru")
    for section in document.sections:
        assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297),
                                                                               abs=0.1)
    text = _docx_text(document)
    assert f"по уголовному делу № {CASE}" in text
    assert signed.signatory.name_ru in text and signed.signatory.position_ru in text
    assert "г. Астана, проспект Мангилик Ел, 14" in text
    assert text.count("Dragan Dedupović") == 1
    assert "Юридическая квалификация деяния  (ст. 3.2(c))" in text


def test_the_docx_footer_numbers_the_pages_with_fields(signed):
    footer = _docx(signed, "ru").sections[0].footer.paragraphs[0]
    assert footer.text.startswith(f"{signed.reference} · страница ")
    fields = [node.text.strip() for node in footer._p.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert re.search(r"страница \d+ из \d+", footer.text)


def test_the_letters_own_words_are_in_its_language_whatever_the_interface(signed):
    # The letter's date line and page numbering come from its own words, not the UI catalogue.
    assert letter_build(signed, language="kk").references[-1].startswith("Күні: ")
    assert letter_build(signed, language="ru").references[-1].startswith("Дата: ")
