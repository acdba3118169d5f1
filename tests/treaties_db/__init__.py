"""The treaty layer against the database: the loader, parties and their status, the migration
of the parties table, the selectors. (``tests/treaties`` holds the pure tests and needs none.)"""
