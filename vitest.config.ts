import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects:
//  - unit: fast tests of lib/ and components/. Node environment by default; a test
//    that needs a DOM opts in with `// @vitest-environment happy-dom`. WxtVitest()
//    swaps `wxt/browser` for WXT's in-memory fake browser and applies wxt.config.ts
//    (aliases, Preact plugin, ...); `virtual:ai-prescreen` is computed by a test helper.
//  - e2e: real Chromium (and Firefox ESR) driving the built extension in .output/.
//    Run after `npm run build && npm run build:firefox`; files run one at a time.
export default defineConfig({
  test: {
    // The unit suite may be empty while lib/ is being written; `vitest run --project unit`
    // must still succeed then. (Only settable at the root, not per project.)
    passWithNoTests: true,
    teardownTimeout: 30_000,
    projects: [
      {
        plugins: [WxtVitest()],
        resolve: { alias: { 'virtual:ai-prescreen': resolve(import.meta.dirname, 'tests/helpers/ai-prescreen.ts') } },
        test: {
          name: 'unit',
          setupFiles: ['tests/helpers/set-methods.ts', 'tests/helpers/setup-i18n.ts'],
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        // The first-look test reads the shipped XPath and word lists from the source.
        resolve: { alias: { '@': import.meta.dirname, 'virtual:ai-prescreen': resolve(import.meta.dirname, 'tests/helpers/ai-prescreen.ts') } },
        test: {
          name: 'e2e',
          setupFiles: ['tests/helpers/set-methods.ts'],
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { concurrent: false },
          retry: 0,
        },
      },
    ],
  },
});
