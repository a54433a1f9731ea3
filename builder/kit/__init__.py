"""The référent's printed kit (target ``kit``), built from the same sources.

``plan`` derives the minute-by-minute session plan, ``keys`` the answer keys
and paper activity sheets, ``paper_quiz`` the fixed paper placement form and
its scoring grid (through the placement engine itself), ``next_steps`` what to
do after a session, ``qr`` the QR codes and ``pdf`` the rendering with
WeasyPrint. ``documents`` lists every document of the kit. Only ``qr`` and
``pdf`` need the ``[kit]`` extra, and they import it lazily.
"""
