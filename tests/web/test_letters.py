"""The formal request letter as PDF and DOCX, in Kazakh and Russian: addressed from the requesting
to the requested authority, the instrument's title, every mandatory content under a heading in
words with its article noted beside it, persons with appearance dates, and a signature and seal
block."""

import io
import re
from datetime import timedelta

import pytest
from docx import Document
from docx.oxml.ns import qn

from requests_app.documents.letters import letter_build
from requests_app.documents.letters import letter_docx_bytes
from requests_app.documents.letters import letter_pdf_bytes
from tests.factories import AssistanceRequestFactory
from tests.factories import summoned_person
from tests.web.conftest import NOW
from treaties.rulebook import get_rulebook

pytestmark = pytest.mark.django_db

KAZAKH_LETTERS = "ӘҒҚҢӨҰҮҺІ"
RS = get_rulebook("kz-rs-2015")


def _docx_text(content: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(content)).paragraphs]


def _pdf_text(content: bytes) -> str:
    """Text of an uncompressed fpdf2 PDF, without a PDF library: each font's ToUnicode map turns
    the glyph ids shown in the page streams back into characters."""
    pdf = content.decode("latin-1")
    objects = dict(re.findall(r"(?s)(\d+) 0 obj\n(.*?)\nendobj", pdf))
    maps: dict[str, dict[int, str]] = {}
    for name, ref in re.findall(r"/F(\d+) (\d+) 0 R", pdf):
        to_unicode = re.search(r"/ToUnicode (\d+) 0 R", objects[ref]).group(1)
        maps[name] = {int(gid, 16): bytes.fromhex(uni).decode("utf-16-be")
                      for gid, uni in re.findall(r"<([0-9A-F]+)> <([0-9A-F]+)>",
                                                 objects[to_unicode])}
    unescape = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}
    text, font = [], None
    for match in re.finditer(r"/F(\d+) [\d.]+ Tf|Td \(((?:\\.|[^\\])*?)\) Tj", pdf):
        if match.group(1):
            font = match.group(1)
            continue
        raw = re.sub(r"\\(.)", lambda m: unescape.get(m.group(1), m.group(1)), match.group(2))
        data = raw.encode("latin-1")
        text.append("".join(maps[font].get(int.from_bytes(data[i:i + 2], "big"), "?")
                            for i in range(0, len(data) - 1, 2)))
    return "\n".join(text)


@pytest.fixture
def draft():
    request = AssistanceRequestFactory(is_urgent=True, urgency_reason="Trial opens in June",
                                       is_confidential=True,
                                       requested_execution_date=NOW.date() + timedelta(days=80),
                                       requested_execution_reason="The trial is set for June")
    summoned_person(request, NOW.date() + timedelta(days=75))
    return request


def test_the_pdf_letter_downloads_with_its_reference(prosecutor_client, frozen_now, draft):
    response = prosecutor_client.get(f"/requests/{draft.pk}/letter.pdf?lang=kk")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment;")
    assert f"{draft.reference}-kk.pdf" in response["Content-Disposition"]
    # The reference is in the document's metadata (UTF-16BE, as PDF text strings are).
    assert draft.reference.encode("utf-16-be").hex() in response.content.decode("latin-1")


def test_the_kazakh_pdf_letter_renders_kazakh_text(frozen_now, draft):
    content = letter_pdf_bytes(letter_build(draft, language="kk"), compress=False)
    text = " ".join(_pdf_text(content).split())  # lines wrapped on the page joined again
    assert "Қазақстан Республикасының Бас прокуратурасы" in text
    assert "Қазақстан Республикасы мен Сербия Республикасы арасындағы" in text
    assert draft.reference in text
    assert "Әрекетті заңдық саралау" in text  # the article beside it: test_letter_pdf.py
    assert int(re.search(rb"/Count (\d+)", content).group(1)) >= 1  # the page tree
    assert len(content) > 10_000  # the font subset is embedded


def test_the_pdf_embeds_a_font_covering_every_kazakh_letter(frozen_now, draft):
    draft.purpose = f"Тест: {KAZAKH_LETTERS} {KAZAKH_LETTERS.lower()}"
    draft.save()
    draft.refresh_from_db()
    text = _pdf_text(letter_pdf_bytes(letter_build(draft, language="kk"), compress=False))
    assert KAZAKH_LETTERS in text and KAZAKH_LETTERS.lower() in text


def test_the_russian_docx_letter_is_addressed_and_cites_every_mandatory_content_in_order(
        prosecutor_client, frozen_now, draft):
    response = prosecutor_client.get(f"/requests/{draft.pk}/letter.docx?lang=ru")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    paragraphs = _docx_text(response.content)
    text = "\n".join(paragraphs)
    assert "Генеральная прокуратура Республики Казахстан" in text
    assert "Министерство юстиции Республики Сербия" in text
    assert "Договор между Республикой Казахстан и Республикой Сербия" in text
    assert draft.reference in text
    notes = [match.group(1) for p in paragraphs
             if (match := re.search(r"\s\s\((ст\. [^)]+\)?)\)$", p))]
    mandatory = [f"ст. {rule.citation.reference.removeprefix('Art ')}"
                 for rule in RS.mandatory_contents]
    assert notes[:len(mandatory)] == mandatory
    assert "Юридическая квалификация деяния  (ст. 3.2(c))" in paragraphs
    assert draft.legal_qualification in paragraphs


def test_the_kazakh_docx_letter_is_in_kazakh(prosecutor_client, frozen_now, draft):
    response = prosecutor_client.get(f"/requests/{draft.pk}/letter.docx?lang=kk")
    text = "\n".join(_docx_text(response.content))
    assert "Қазақстан Республикасының Бас прокуратурасы" in text
    assert "Сербия Республикасының Әділет министрлігі" in text
    assert "Әрекетті заңдық саралау  (3.2(c)-бап)" in text


def test_the_letter_lists_persons_with_appearance_dates_and_the_execution_date(frozen_now,
                                                                                draft):
    letter = letter_build(draft, language="en")
    lines = [line for block in letter.blocks for line in block.lines]
    assert any("Petar Petrović" in line and "appearance date" in line for line in lines)
    assert "The trial is set for June" in lines
    assert any("Trial opens in June" in line for line in lines)
    assert letter.markings  # urgent and confidential
    assert letter.signature[1] == draft.requesting_authority.name_en


def test_a_missing_mandatory_content_is_marked_in_the_letter(frozen_now):
    request = AssistanceRequestFactory(legal_qualification="")
    letter = letter_build(request, language="en")
    block = next(b for b in letter.blocks if b.note == "(Art 3.2(c))"
                 and b.heading.startswith("Legal"))
    assert block.lines == ("[not provided]",)


def test_the_docx_normal_style_names_a_font_for_every_script(frozen_now, draft):
    document = Document(io.BytesIO(letter_docx_bytes(letter_build(draft, language="kk"))))
    fonts = document.styles["Normal"].element.rPr.rFonts
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        assert fonts.get(qn(slot)) == "Times New Roman"


def test_without_lang_the_letter_is_in_the_active_language(prosecutor_client, frozen_now, draft):
    response = prosecutor_client.get(f"/requests/{draft.pk}/letter.docx",
                                     HTTP_ACCEPT_LANGUAGE="kk")
    assert "Қазақстан Республикасының Бас прокуратурасы" in "\n".join(
        _docx_text(response.content))
    assert f"{draft.reference}-kk.docx" in response["Content-Disposition"]
