"""Tools built on the library: the ``cleaner`` command, the explain report, the rule catalogue.

Nothing in the core imports this package; it uses the core as any caller would.
"""
