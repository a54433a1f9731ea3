"""Open edX XBlocks for Tisseuse (micro-module, placement quiz, learning path).

The blocks read the builder's compiled JSON projection of modules and paths;
they never parse the YAML or Markdown sources inside the LMS.
"""
