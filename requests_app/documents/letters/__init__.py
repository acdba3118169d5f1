"""The formal request letter, as PDF (fpdf2) and DOCX (python-docx), in Kazakh, Russian or English.

``letter_build`` lays out what the letter says, in the chosen language: from the requesting
authority (its address in the letter's language) to the requested authority, the references, a
subject line with the criminal case number and the assistance sought, the instrument's title,
every mandatory content of the instrument in the rulebook's order under a heading in words with
the article noted discreetly beside it ("Legal qualification (Art 3.2(c))"), the persons once
each with their appearance dates, the requested execution date and its reason, urgency,
confidentiality and the signature block of the chosen signatory (position, name, date, place of
seal; blank lines where none is chosen). ``letter_pdf_bytes`` and
``letter_docx_bytes`` only render that layout.

* ``data``: ``letter_data`` reads the request once (a fixed number of queries) into ``LetterData``;
* ``sections``: one builder per section of the letter, each from ``LetterData``, and
  ``letter_build``, which assembles them into a ``Letter`` (``layout``);
* ``pdf``, ``docx``: the renderers.

Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І) need a font that covers them: the PDF embeds the DejaVu Sans
shipped in ``static/fonts``; a DOCX cannot embed fonts, so its Normal style names a font for every
script slot (ascii, hAnsi, cs, eastAsia) that has the Kazakh letters on office machines.
"""

from .data import LetterData
from .data import letter_data
from .docx import letter_docx_bytes
from .layout import LETTER_LANGUAGES
from .layout import Letter
from .layout import LetterBlock
from .layout import english_is_working_language
from .layout import letter_default_language
from .layout import letter_language
from .notice import notice_letter_build
from .pdf import letter_pdf_bytes
from .sections import letter_build

__all__ = (
    "LETTER_LANGUAGES",
    "Letter",
    "LetterBlock",
    "LetterData",
    "english_is_working_language",
    "letter_build",
    "letter_data",
    "letter_default_language",
    "letter_docx_bytes",
    "letter_language",
    "letter_pdf_bytes",
    "notice_letter_build",
)
