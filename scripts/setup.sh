#!/usr/bin/env bash
# Prepare this checkout: Debian packages, a Python >= 3.12 virtualenv with the pinned
# dependencies, and the compiled translations. Safe to run again; it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# --- 1. System packages --------------------------------------------------------------------------
# fonts-liberation2: Times-metric serif with every Vietnamese glyph (1.x lacks them);
# libharfbuzz-subset0, libpango*: WeasyPrint (PDF); poppler-utils: pdftotext/pdffonts/pdfunite;
# chromium: browser tests (Playwright drives Debian's build; never `playwright install`);
# gettext: the translation catalogues; postgresql-client: pg_dump/pg_restore for `manage.py backup`
# and `restore` on PostgreSQL (and their tests).
PACKAGES="fonts-liberation2 libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 poppler-utils chromium gettext postgresql-client"
if command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = "0" ]; then
      echo "==> installing Debian packages:$missing"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -q
      # --no-install-recommends: chromium recommends fonts-liberation 1.x, which we must not use.
      apt-get install -y -q --no-install-recommends $missing
    else
      echo "Missing Debian packages. Run this once, then try again:" >&2
      echo "  sudo apt-get install -y --no-install-recommends$missing" >&2
      exit 1
    fi
  fi
else
  echo "warning: not a Debian/Ubuntu system; install the equivalents of: $PACKAGES" >&2
fi

# --- 2. Python >= 3.12 ---------------------------------------------------------------------------
is_new_enough() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }
find_python() {
  local candidates=("${PYTHON:-}" python3.13 python3.12 python3)
  if command -v pyenv >/dev/null 2>&1 || [ -d "${PYENV_ROOT:-$HOME/.pyenv}" ]; then
    local root
    root="$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")"
    for v in $(ls -d "$root"/versions/3.1[2-9]* 2>/dev/null | sort -rV); do
      candidates+=("$v/bin/python3")
    done
  fi
  candidates+=(/usr/bin/python3.13 /usr/bin/python3.12 /usr/local/bin/python3.13 /usr/local/bin/python3.12)
  for c in "${candidates[@]}"; do
    [ -n "$c" ] || continue
    local path
    path="$(command -v "$c" 2>/dev/null || true)"
    [ -n "$path" ] && is_new_enough "$path" && { echo "$path"; return 0; }
  done
  return 1
}

if [ -x .venv/bin/python ] && ! is_new_enough .venv/bin/python; then
  echo "==> .venv has Python < 3.12; recreating it"
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  PY="$(find_python)" || {
    echo "No Python >= 3.12 found (tried python3.13, python3.12, python3, pyenv versions)." >&2
    echo "Install one (e.g. apt-get install python3.12, or pyenv install 3.12) and retry." >&2
    exit 1
  }
  echo "==> creating .venv with $PY ($("$PY" --version))"
  "$PY" -m venv .venv
fi

# --- 3. Pinned dependencies (only when pyproject.toml changed) -----------------------------------
stamp=".venv/.thidua-installed"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "==> installing Python dependencies"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
  echo "$want" > "$stamp"
fi

# --- 4. Translations -------------------------------------------------------------------------------
DEBUG=1 .venv/bin/python manage.py compilemessages --ignore=.venv -v0
echo "==> set-up done ($(.venv/bin/python --version))"
