"""``tisseuse audit``: accessibility evidence for every built package.

The CLI imports this package only when the command runs: it needs Playwright
(the ``[audit]`` extra), Debian's Chromium and axe-core from npm.
"""
