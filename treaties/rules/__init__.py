"""Pure rule functions: they read a rulebook and plain facts and return verdicts.

Nothing here touches the database or the clock; callers pass dates and times in.
"""
