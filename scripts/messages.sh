#!/usr/bin/env bash
# Refresh every app's gettext catalogues (vi = the source language, en = the translation).
# Usage: scripts/messages.sh   (then translate the new entries of <app>/locale/en/LC_MESSAGES/django.po)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
PY="$(cd "$(dirname "$PY")" && pwd)/$(basename "$PY")"  # absolute, symlink kept (venv)
TOP="$(pwd)"
for app in thidua/*/; do
  [ -f "$app/apps.py" ] || continue
  (cd "$app" && "$PY" "$TOP/manage.py" makemessages -l vi -l en --no-obsolete \
      --add-location=file --ignore 'tests/*' --ignore 'static/*' >/dev/null)
done
echo "catalogues refreshed; untranslated English entries:"
for po in thidua/*/locale/en/LC_MESSAGES/django.po; do
  n=$(msgattrib --untranslated --no-obsolete "$po" 2>/dev/null | grep -c '^msgid ' || true)
  [ "$n" -gt 1 ] && echo "  $po: $((n - 1))"
done
true
