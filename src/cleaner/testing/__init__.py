"""Testing with cleaner: the pytest plugin (``plugin``) and the Hypothesis strategies.

``cleaner.testing.plugin`` is registered as the pytest plugin ``cleaner``;
``cleaner.testing.strategies`` builds generated pages (it needs ``hypothesis``), from the
word banks in ``data/`` (``banks``). Importing this package imports neither; the core
library never imports it.
"""
