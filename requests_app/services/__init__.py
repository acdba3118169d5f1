"""Every change to a request goes through these functions (keyword-only, named
``<entity>_<action>``). Each one checks access and permission, locks the request row, validates
against the instrument's rulebook, writes the change and its log entry, and recomputes deadlines,
all in one database transaction."""
