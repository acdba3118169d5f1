"""Documents and pictures built from requests for people to read: presentation, not domain.

``letters`` lays out the formal request letter and renders it as PDF or DOCX; ``charts`` draws
the dashboard's SVG charts. Builders here only read and present: they put into words and shapes
what the selectors, the rulebook and the pure rule functions (``treaties.rules``) answer. They
decide no rule of their own (what is mandatory, allowed or due), so no second copy of a rule
lives here to drift from the first.
"""
