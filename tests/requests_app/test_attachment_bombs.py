"""Hostile uploads (issue 12, defect 3): the .odt check read the whole ``mimetype`` member of the
zip, so a 1 MB upload inflated to 1 GB of memory for 10 s (about 10 GB at the 10 MB limit). Now at
most 100 inflated bytes of it are ever read."""

from __future__ import annotations

import io
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from requests_app.exceptions import InvalidInput
from requests_app.services.attachments import MIMETYPE_READ_BYTES
from requests_app.services.attachments import attachment_check_file

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _odt(mimetype_member: bytes) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", mimetype_member)
        archive.writestr("content.xml", "<office:document-content/>")
    return SimpleUploadedFile("letter.odt", buffer.getvalue())


def test_a_real_odt_is_accepted():
    assert attachment_check_file(_odt(ODT_MIMETYPE)).label == "ODT"


def test_a_zip_bomb_named_odt_is_refused_without_inflating_it():
    # 200 MB of zeros after the right mimetype: about 200 KB compressed.
    bomb = _odt(ODT_MIMETYPE + b"\x00" * (200 * 1024 * 1024))
    assert bomb.size < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(InvalidInput) as error:
            attachment_check_file(bomb)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert set(error.value.errors) == {"uploaded_file"}
    assert peak < 16 * 1024 * 1024  # was the whole 200 MB


def test_a_bomb_whose_padding_passes_the_check_is_still_not_inflated():
    # The right mimetype padded with 200 MB of spaces reads as ODT from its first bytes; the
    # check still inflates no more than MIMETYPE_READ_BYTES of it.
    padded = _odt(ODT_MIMETYPE + b" " * (200 * 1024 * 1024))
    tracemalloc.start()
    try:
        assert attachment_check_file(padded).label == "ODT"
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert MIMETYPE_READ_BYTES <= 100
    assert peak < 16 * 1024 * 1024
