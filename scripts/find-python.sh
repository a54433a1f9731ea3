#!/usr/bin/env sh
# Print the path of a Python >= 3.12 interpreter, or explain how to get one.
# Order: $PYTHON, python3.12/python3.13 on PATH, pyenv's versions, /usr/bin.
set -u

works() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; }

for candidate in "${PYTHON:-}" python3.12 python3.13 python3; do
    [ -n "$candidate" ] || continue
    path=$(command -v "$candidate" 2>/dev/null) || continue
    if works "$path"; then echo "$path"; exit 0; fi
done
for path in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3 /usr/bin/python3.1[2-9] /usr/local/bin/python3.1[2-9]; do
    [ -x "$path" ] || continue
    if works "$path"; then echo "$path"; exit 0; fi
done
echo "error: Tisseuse needs Python 3.12 or newer and none was found." >&2
echo "Install it (e.g. 'pyenv install 3.12') or set PYTHON=/path/to/python3.12." >&2
exit 1
