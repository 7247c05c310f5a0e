#!/usr/bin/env bash
# Makes sure the browsers the e2e tests drive are installed: Debian's chromium
# (/usr/bin/chromium) and firefox-esr (/usr/bin/firefox-esr), and a font with Chinese
# characters (fonts-wqy-microhei, when fontconfig knows none): the card shows every remark
# in Chinese, and its screenshots and the bench's frames should draw it as a reader's
# browser does, not as empty boxes.
# Idempotent and silent when all three are there. Installs with apt-get as root, or through
# `sudo -n` when not root; otherwise explains what to run and exits 1.
set -euo pipefail

declare -A BIN=([chromium]=/usr/bin/chromium [firefox-esr]=/usr/bin/firefox-esr)
missing=()
for pkg in chromium firefox-esr; do
  [[ -x "${BIN[$pkg]}" ]] || missing+=("$pkg")
done
if ! fc-list :lang=zh family 2>/dev/null | grep -q .; then missing+=(fonts-wqy-microhei); fi
((${#missing[@]} == 0)) && exit 0

echo "ensure-browsers: installing ${missing[*]} (Debian packages) ..." >&2
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-browsers: apt-get not found; install ${missing[*]} yourself (the tests expect ${BIN[chromium]} and ${BIN[firefox-esr]})." >&2
  exit 1
fi
if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  echo "ensure-browsers: ${missing[*]} missing and not root (no passwordless sudo). Run as root:" >&2
  echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
if ! { "${SUDO[@]}" apt-get update -q && "${SUDO[@]}" apt-get install -y -q "${missing[@]}"; } >"$log" 2>&1 </dev/null; then
  tail -n 40 "$log" >&2
  rm -f "$log"
  echo "ensure-browsers: apt-get failed to install ${missing[*]}." >&2
  exit 1
fi
rm -f "$log"
for pkg in "${missing[@]}"; do
  if [[ -n "${BIN[$pkg]:-}" && ! -x "${BIN[$pkg]}" ]]; then
    echo "ensure-browsers: $pkg installed but ${BIN[$pkg]} is still missing." >&2
    exit 1
  fi
done
echo "ensure-browsers: installed ${missing[*]}." >&2
