import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { assertValidPack } from './lib/pack/schema';
import { prescreenData } from './lib/relevance/prescreen-data';

/** The quote packs are data: a malformed one stops the build with a message naming the quote and field. */
function validateQuotePacks(): void {
  const lexicon = JSON.parse(readFileSync('assets/lexicon.json', 'utf8')) as { concepts: { id: string }[] };
  const tags = new Set(lexicon.concepts.map((c) => c.id));
  for (const file of readdirSync('assets/quotes').filter((f) => f.endsWith('.json'))) {
    assertValidPack(JSON.parse(readFileSync(join('assets/quotes', file), 'utf8')), tags, `assets/quotes/${file}`);
  }
}

/** `virtual:ai-prescreen`: the pre-screen's word lists, computed from the lexicon when the extension is built. */
function aiPrescreenModule(): Plugin {
  const id = 'virtual:ai-prescreen';
  return {
    name: 'tian-quotes:ai-prescreen',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(moduleId) {
      if (moduleId !== `\0${id}`) return undefined;
      this.addWatchFile('assets/lexicon.json');
      const data = JSON.stringify(prescreenData(JSON.parse(readFileSync('assets/lexicon.json', 'utf8'))));
      return `export default ${data};`;
    },
  };
}

/**
 * Scripts that run in web pages and call nearly every function they hold: the every-page
 * screen, the full reading and the card's UI. V8's compile hint has their functions compiled
 * with the script, not pre-parsed and then parsed again one by one on first call. In the bench
 * an ordinary article's cost fell by about 1.5 ms, and the task that draws the card on an AI
 * article from about 17 to 9 ms of CPU. Chromium reads the comment; Firefox ignores it.
 */
function compileEagerly(...fileNames: string[]): Plugin {
  return {
    name: 'tian-quotes:compile-eagerly',
    generateBundle(_, bundle) {
      for (const fileName of fileNames) {
        const chunk = bundle[fileName];
        if (chunk?.type === 'chunk') chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      }
    },
  };
}

const WEB_PAGES = ['http://*/*', 'https://*/*'];

// https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports keep every module's dependencies visible to a reader.
  imports: false,
  vite: () => ({ plugins: [preact(), aiPrescreenModule(), compileEagerly('page-screen.js', 'content-scripts/content.js', 'card-ui.js')] }),
  hooks: { 'build:before': validateQuotePacks },
  manifest: ({ manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus'],
    commands: {
      // Firefox's MV2 build names the toolbar button's command differently.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+Q' },
        description: '__MSG_entry_command_open_search__',
      },
      'focus-card': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_entry_command_focus_card__',
      },
    },
    omnibox: { keyword: 'tian' },
    // Every page: the pre-screen (entrypoints/page-screen.ts), top frame, once the page is idle.
    content_scripts: [{ matches: WEB_PAGES, js: ['page-screen.js'], run_at: 'document_idle' }],
    // Imported by that script only where needed: the full reading on pages that may be
    // about AI, the card's UI on pages that get a card.
    web_accessible_resources: [
      { resources: ['content-scripts/content.js', 'card-ui.js'], matches: WEB_PAGES, use_dynamic_url: true },
    ],
    action: { default_title: '__MSG_actionTitle__' },
    // The every-page pre-screen uses Set.prototype.intersection (Chrome 122, Firefox 127).
    ...(manifestVersion === 3 ? { minimum_chrome_version: '122' } : {}),
    browser_specific_settings: {
      gecko: {
        id: 'tian-quotes@example.org',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
});
