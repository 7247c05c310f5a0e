import { defineWebExtConfig } from 'wxt';

// Browser that `npm run dev` (wxt dev) opens with the extension loaded: Debian's
// packages, installed by `bash scripts/ensure-browsers.sh`.
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineWebExtConfig({
  binaries: {
    chrome: '/usr/bin/chromium',
    firefox: '/usr/bin/firefox-esr',
  },
  chromiumArgs: [
    // Chromium refuses to start as root with its sandbox on.
    ...(isRoot ? ['--no-sandbox'] : []),
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-component-update',
    '--disable-background-networking',
    '--disable-sync',
  ],
});
