"""The default texts of the letters the office generates (``LetterTemplate``), in Kazakh, Russian
and English, and the placeholders a template may use.

The migration that creates the letter templates seeds them from ``DEFAULT_TEXTS``; a kind and
language the office has no template for reads the default here. Every text names the instrument
as "the instrument named above": the letter prints its title under the subject, so no case of a
Kazakh or Russian noun has to agree with a title inserted into a sentence.

Placeholders are written ``{name}``; a literal brace is written twice (``{{`` and ``}}``). A
value that is not known for the request reads "—".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# The request letter's template frames the contents the rulebook lays out (assistance sought,
# mandatory and optional contents, persons): ``{contents}`` says where they go.
CONTENTS = "contents"
REQUEST_KIND = "request"

# Every placeholder a template may use, with what it stands for (shown in the admin and the API).
PLACEHOLDERS: dict[str, StrOrPromise] = {
    "reference": _("our reference (the letter's, else the request's)"),
    "their_reference": _("the other side's reference (the letter's, else the request's)"),
    "case_number": _("the criminal case number"),
    "requesting_authority": _("the requesting authority"),
    "requested_authority": _("the requested authority"),
    "our_authority": _("our authority on the request (the one that writes)"),
    "their_authority": _("the other side's authority on the request"),
    "instrument": _("the instrument's title"),
    "article": _("the article the letter is sent under, where one applies"),
    "letter_date": _("the date of the letter"),
    "reply_due_on": _("the date a reply is asked for"),
    "missing_items": _("what is missing (requests for additional information)"),
    "reasons": _("the reasons of the decision (refusal, deferral, conditions, partial execution)"),
    "ground": _("the ground of the refusal or deferral, with its article"),
    "conditions": _("the conditions of execution"),
    "deferred_until": _("the date execution is deferred until"),
    "received_on": _("the date the request was received"),
    "transmitted_on": _("the date the request was transmitted"),
    CONTENTS: _("the request letter only, once: where the assistance sought and the contents "
                "of the request are printed; the text before it opens the letter, the text "
                "after it closes it"),
}

EN, RU, KK = "en", "ru", "kk"

# (kind, language) -> (subject, body). Formal register, one paragraph per blank line.
DEFAULT_TEXTS: dict[tuple[str, str], tuple[str, str]] = {
    # --- the request letter itself: its subject, opening and closing around the contents -------
    (REQUEST_KIND, EN): (
        "Request for assistance",
        "Under the instrument named above, {requesting_authority} requests "
        "{requested_authority} to provide the following assistance:\n\n"
        "{contents}\n\n"
        "We thank you for your cooperation and remain at your disposal for any further "
        "information."),
    (REQUEST_KIND, RU): (
        "Запрос об оказании помощи",
        "В соответствии с вышеуказанным международным договором {requesting_authority} просит "
        "запрашиваемый орган ({requested_authority}) оказать следующую помощь:\n\n"
        "{contents}\n\n"
        "Выражаем признательность за сотрудничество. При необходимости готовы представить "
        "дополнительную информацию."),
    (REQUEST_KIND, KK): (
        "Көмек көрсету туралы сұрау салу",
        "Жоғарыда аталған халықаралық шартқа сәйкес {requesting_authority} сұрау салынатын "
        "органнан ({requested_authority}) мынадай көмек көрсетуді сұрайды:\n\n"
        "{contents}\n\n"
        "Ынтымақтастығыңыз үшін алғыс білдіреміз. Қажет болған жағдайда қосымша ақпарат беруге "
        "дайынбыз."),
    # --- request for additional information ----------------------------------------------------
    ("additional_info", EN): (
        "Request for additional information",
        "With reference to your request No. {their_reference} (our reference {reference}), made "
        "under the instrument named above, {our_authority} informs you that the following "
        "additional information is necessary for its execution:\n\n"
        "{missing_items}\n\n"
        "We kindly ask you to provide this information by {reply_due_on}. The request will be "
        "executed once the information has been received."),
    ("additional_info", RU): (
        "Запрос о предоставлении дополнительной информации",
        "Ссылаясь на Ваш запрос № {their_reference} (наш номер {reference}), направленный в "
        "соответствии с указанным выше международным договором, {our_authority} сообщает, что "
        "для его исполнения необходима следующая дополнительная информация:\n\n"
        "{missing_items}\n\n"
        "Просим предоставить указанную информацию в срок до {reply_due_on}. Запрос будет "
        "исполнен после получения запрошенной информации."),
    ("additional_info", KK): (
        "Қосымша ақпарат беру туралы сұрау",
        "Жоғарыда аталған халықаралық шартқа сәйкес жіберілген № {their_reference} "
        "сұрауыңызға (біздің нөміріміз {reference}) сілтеме жасай отырып, {our_authority} оны "
        "орындау үшін мынадай қосымша ақпарат қажет екенін хабарлайды:\n\n"
        "{missing_items}\n\n"
        "Көрсетілген ақпаратты {reply_due_on} күнінен кешіктірмей ұсынуыңызды сұраймыз. Сұрау "
        "сұратылған ақпарат алынғаннан кейін орындалады."),
    # --- acknowledgement of receipt ---------------------------------------------------------------
    ("acknowledgement", EN): (
        "Acknowledgement of receipt",
        "{our_authority} acknowledges receipt on {received_on} of your request No. "
        "{their_reference} for legal assistance in criminal matters, made under the instrument "
        "named above. The request has been registered under our reference {reference}; please "
        "quote it in all further correspondence."),
    ("acknowledgement", RU): (
        "Подтверждение получения запроса",
        "{our_authority} подтверждает получение {received_on} Вашего запроса № "
        "{their_reference} об оказании правовой помощи по уголовному делу, направленного в "
        "соответствии с указанным выше международным договором. Запрос зарегистрирован под "
        "номером {reference}; просим указывать этот номер в дальнейшей переписке."),
    ("acknowledgement", KK): (
        "Сұраудың алынғанын растау",
        "{our_authority} жоғарыда аталған халықаралық шартқа сәйкес жіберілген қылмыстық істер "
        "бойынша құқықтық көмек көрсету туралы № {their_reference} сұрауыңыздың {received_on} "
        "күні алынғанын растайды. Сұрау {reference} нөмірімен тіркелді; бұдан әрі хат алмасу кезінде "
        "осы нөмірді көрсетуіңізді сұраймыз."),
    # --- notice of refusal ----------------------------------------------------------------------------
    ("refusal_notice", EN): (
        "Notice of refusal of legal assistance",
        "With reference to your request No. {their_reference} (our reference {reference}), "
        "{our_authority} informs you that the assistance requested is refused on the following "
        "ground: {ground}.\n\n"
        "Reasons: {reasons}"),
    ("refusal_notice", RU): (
        "Уведомление об отказе в оказании правовой помощи",
        "Ссылаясь на Ваш запрос № {their_reference} (наш номер {reference}), {our_authority} "
        "уведомляет, что в оказании запрашиваемой помощи отказано по следующему основанию: "
        "{ground}.\n\n"
        "Причины отказа: {reasons}"),
    ("refusal_notice", KK): (
        "Құқықтық көмек көрсетуден бас тарту туралы хабарлама",
        "№ {their_reference} сұрауыңызға (біздің нөміріміз {reference}) сілтеме жасай отырып, "
        "{our_authority} сұратылған көмекті көрсетуден мынадай негізде бас тартылғанын "
        "хабарлайды: {ground}.\n\n"
        "Бас тарту себептері: {reasons}"),
    # --- notice of partial execution -------------------------------------------------------------
    ("partial_execution_notice", EN): (
        "Notice of partial execution",
        "With reference to your request No. {their_reference} (our reference {reference}), "
        "{our_authority} informs you that the request has been executed in part only. The part "
        "not executed and the reasons are as follows:\n\n"
        "{reasons}"),
    ("partial_execution_notice", RU): (
        "Уведомление о частичном исполнении запроса",
        "Ссылаясь на Ваш запрос № {their_reference} (наш номер {reference}), {our_authority} "
        "уведомляет, что запрос исполнен частично. Неисполненная часть запроса и причины:\n\n"
        "{reasons}"),
    ("partial_execution_notice", KK): (
        "Сұраудың ішінара орындалғаны туралы хабарлама",
        "№ {their_reference} сұрауыңызға (біздің нөміріміз {reference}) сілтеме жасай отырып, "
        "{our_authority} сұраудың ішінара ғана орындалғанын хабарлайды. Сұраудың орындалмаған "
        "бөлігі және оның себептері:\n\n"
        "{reasons}"),
    # --- notice of deferral ------------------------------------------------------------------------
    ("deferral_notice", EN): (
        "Notice of deferral of execution",
        "With reference to your request No. {their_reference} (our reference {reference}), "
        "{our_authority} informs you that its execution has been deferred until "
        "{deferred_until} on the following ground: {ground}.\n\n"
        "Reasons: {reasons}"),
    ("deferral_notice", RU): (
        "Уведомление об отсрочке исполнения запроса",
        "Ссылаясь на Ваш запрос № {their_reference} (наш номер {reference}), {our_authority} "
        "уведомляет, что его исполнение отсрочено до {deferred_until} по следующему основанию: "
        "{ground}.\n\n"
        "Причины: {reasons}"),
    ("deferral_notice", KK): (
        "Сұрауды орындауды кейінге қалдыру туралы хабарлама",
        "№ {their_reference} сұрауыңызға (біздің нөміріміз {reference}) сілтеме жасай отырып, "
        "{our_authority} оны орындау {deferred_until} күніне дейін мынадай негізде кейінге "
        "қалдырылғанын хабарлайды: {ground}.\n\n"
        "Себептері: {reasons}"),
    # --- notice of conditions ----------------------------------------------------------------------
    ("conditions_notice", EN): (
        "Notice of conditions of execution",
        "With reference to your request No. {their_reference} (our reference {reference}), "
        "{our_authority} informs you that the request may be executed subject to the following "
        "conditions:\n\n"
        "{conditions}\n\n"
        "Reasons: {reasons}\n\n"
        "We kindly ask you to let us know whether you accept these conditions."),
    ("conditions_notice", RU): (
        "Уведомление об условиях исполнения запроса",
        "Ссылаясь на Ваш запрос № {their_reference} (наш номер {reference}), {our_authority} "
        "уведомляет, что запрос может быть исполнен при соблюдении следующих условий:\n\n"
        "{conditions}\n\n"
        "Обоснование: {reasons}\n\n"
        "Просим сообщить, принимаете ли Вы указанные условия."),
    ("conditions_notice", KK): (
        "Сұрауды орындау шарттары туралы хабарлама",
        "№ {their_reference} сұрауыңызға (біздің нөміріміз {reference}) сілтеме жасай отырып, "
        "{our_authority} сұрау мынадай шарттар сақталған жағдайда орындалуы мүмкін екенін "
        "хабарлайды:\n\n"
        "{conditions}\n\n"
        "Негіздемесі: {reasons}\n\n"
        "Осы шарттарды қабылдайтыныңыз немесе қабылдамайтыныңыз туралы хабарлауыңызды "
        "сұраймыз."),
    # --- transmittal of results ---------------------------------------------------------------------
    ("results_transmittal", EN): (
        "Transmittal of the results of execution",
        "With reference to your request No. {their_reference} (our reference {reference}), "
        "{our_authority} transmits herewith the materials obtained in its execution. A list of "
        "the documents transmitted is enclosed."),
    ("results_transmittal", RU): (
        "О направлении результатов исполнения запроса",
        "Ссылаясь на Ваш запрос № {their_reference} (наш номер {reference}), {our_authority} "
        "направляет материалы, полученные в ходе его исполнения. Перечень направляемых "
        "документов прилагается."),
    ("results_transmittal", KK): (
        "Сұраудың орындалу нәтижелерін жіберу туралы",
        "№ {their_reference} сұрауыңызға (біздің нөміріміз {reference}) сілтеме жасай отырып, "
        "{our_authority} оны орындау барысында алынған материалдарды жолдайды. Жіберілетін "
        "құжаттардың тізбесі қоса беріліп отыр."),
    # --- status inquiry -------------------------------------------------------------------------------
    ("status_inquiry", EN): (
        "Inquiry on the status of execution",
        "On {transmitted_on} our request No. {reference} for legal assistance in criminal case "
        "No. {case_number} was sent to you under the instrument named above. As no information "
        "on its execution has been received to date, we kindly ask you to inform us of the "
        "status of its execution and of the expected date of completion, if possible by "
        "{reply_due_on}."),
    ("status_inquiry", RU): (
        "Запрос о ходе исполнения",
        "{transmitted_on} в соответствии с указанным выше международным договором в Ваш адрес "
        "был направлен запрос об оказании правовой помощи № {reference} по уголовному делу № "
        "{case_number}. Поскольку сведения о его исполнении до настоящего времени не поступили, "
        "просим сообщить о ходе исполнения запроса и предполагаемом сроке его завершения, по "
        "возможности до {reply_due_on}."),
    ("status_inquiry", KK): (
        "Сұраудың орындалу барысы туралы сұрау",
        "{transmitted_on} күні жоғарыда аталған халықаралық шартқа сәйкес Сіздің мекенжайыңызға № "
        "{case_number} қылмыстық іс бойынша құқықтық көмек көрсету туралы № {reference} сұрау "
        "жіберілген болатын. Оның орындалуы туралы мәліметтер осы уақытқа дейін түспегендіктен, "
        "сұраудың орындалу барысы және оны аяқтаудың болжамды мерзімі туралы мүмкіндігінше "
        "{reply_due_on} күнінен кешіктірмей хабарлауыңызды сұраймыз."),
    # --- reply --------------------------------------------------------------------------------------------
    ("reply", EN): (
        "Reply to your letter",
        "In reply to your letter No. {their_reference} concerning request No. {reference}, "
        "{our_authority} informs you as follows."),
    ("reply", RU): (
        "Ответ на Ваше письмо",
        "В ответ на Ваше письмо № {their_reference} по запросу № {reference} {our_authority} "
        "сообщает следующее."),
    ("reply", KK): (
        "Хатыңызға жауап",
        "№ {reference} сұрау бойынша № {their_reference} хатыңызға жауап ретінде "
        "{our_authority} мынаны хабарлайды."),
    # --- other letter -----------------------------------------------------------------------------------
    ("other", EN): (
        "Letter concerning request No. {reference}",
        "In connection with request No. {reference}, {our_authority} informs you as follows."),
    ("other", RU): (
        "Письмо по запросу № {reference}",
        "В связи с запросом № {reference} {our_authority} сообщает следующее."),
    ("other", KK): (
        "№ {reference} сұрауға қатысты хат",
        "№ {reference} сұрауға байланысты {our_authority} мынаны хабарлайды."),
}


def template_errors(text: str, kind: str = "") -> list[str]:
    """What is wrong with a template's text: an unknown placeholder, one with a format or a
    conversion (``{reference!r}``, ``{reference:>10}``), attribute or index access
    (``{reference.__class__}``), a positional field (``{}``, ``{0}``) or an unbalanced brace;
    for the text of a letter of ``kind``, ``{contents}`` anywhere but once in the request
    letter's. Empty when the text renders with ``template_render``."""
    from string import Formatter

    try:
        parsed = list(Formatter().parse(text))
    except ValueError:
        return [str(_("A brace is not closed or not doubled: write {name} for a placeholder "
                      "and {{ or }} for a brace itself."))]
    errors: list[str] = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            errors.append(str(_("Unknown placeholder {%(name)s}. Known: %(known)s.")
                              % {"name": name,
                                 "known": ", ".join(f"{{{known}}}" for known in PLACEHOLDERS)}))
        elif spec or conversion:
            errors.append(str(_("Write the placeholder {%(name)s} without a format or a "
                                "conversion.") % {"name": name}))
    if kind:
        count = sum(1 for parts in parsed if parts[1] == CONTENTS)
        if kind == REQUEST_KIND and count != 1:
            errors.append(str(_("The request letter's text names {contents} exactly once: "
                                "where the contents of the request are printed.")))
        elif kind != REQUEST_KIND and count:
            errors.append(str(_("{contents} belongs to the request letter only.")))
    return errors


def request_letter_frame(body: str, values: dict[str, str]) -> tuple[str, str]:
    """The request letter's opening and closing: its template's text rendered, before and after
    ``{contents}``."""
    marker = "\ue000"  # a private-use character: no value of a request holds it
    rendered = template_render(body, {**values, CONTENTS: marker})
    opening, _found, closing = rendered.partition(marker)
    return opening.strip(), closing.strip()


def template_render(text: str, values: dict[str, str]) -> str:
    """``text`` with its placeholders filled from ``values`` (one text per name of
    ``PLACEHOLDERS``). Only a text ``template_errors`` accepts is rendered: plain names looked
    up in a mapping of strings, so a template can neither run code nor reach an attribute;
    what the values contain is inserted as it is, never read as a template."""
    errors = template_errors(text)
    if errors:
        raise ValueError("; ".join(errors))
    return text.format_map({name: values.get(name, "") for name in PLACEHOLDERS})
