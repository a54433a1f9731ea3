"""``tisseuse audit``: accessibility evidence for every built package.

The CLI imports this package only when the command runs: it needs Playwright
(the ``[audit]`` extra), Debian's Chromium and axe-core from npm.
"""

#: The targets the audit can open: pages a browser shows outside an LMS, or
#: SCORM packages the stand-in LMS launches. Open edX blocks need Open edX.
AUDIT_TARGETS = ("web", "scorm12", "scorm2004")
