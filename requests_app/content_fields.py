"""Request attributes a rulebook's content rules may point to (``ContentRule.field``).

The completeness check reads these by name, so adding a content item to a rulebook needs no code
as long as it maps to one of them.
"""

CONTENT_FIELDS: dict[str, str] = {
    "requesting_authority": "The authority making the request",
    "proceedings_authority": "Name and address of the authority conducting the proceedings",
    "purpose": "Purpose of the request",
    "assistance_description": "Description of the assistance, evidence or measures sought",
    "offence_description": "Description of the offence (subject and nature of the case)",
    "legal_qualification": "Legal qualification of the offence",
    "applicable_law": "Text of the applicable law, including limitation periods",
    "facts_summary": "Summary of the relevant facts",
    "reasons_for_measures": "Why the evidence or measures are needed",
    "summoned_person_allowances": "Allowances and expenses of persons summoned",
    "attending_officials": "Officials who should be present at execution",
    "enclosed_documents": "Copies of documents relevant to the request",
    "signed_and_sealed": "Signed by the requesting authority and sealed with its official seal",
    "persons": "Persons concerned (to serve, hear, locate or transfer) with their particulars",
    "objects_to_locate": "Persons or objects to locate or identify",
    "search_details": "Place or person to search and items to seize",
    "questions": "Questions to be put",
    "procedure_requirements": "Special procedure or manner of recording statements",
    "confidentiality_requirements": "Confidentiality requirements",
    "other_information": "Any other information useful for execution",
    "requested_execution_date": "Date by which execution is requested, with its reason",
}
