// One real-browser suite per test file: Chromium with the built extension and
// the test-page server, started once, with the extension's storage emptied
// and its settings set before every test.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { clearStorage, setLocal } from './extension-storage';
import { assertExtensionStaysLocal, launchExtension, startServer, type ExtensionHandle, type TestServer } from './harness';

export interface ExtensionSuite {
  readonly ext: ExtensionHandle;
  readonly server: TestServer;
  /** Empties storage and stores these settings (default: the suite's). */
  reset(settings?: object): Promise<void>;
}

export function extensionSuite(options: { settings?: object; browserLocale?: string } = {}): ExtensionSuite {
  let ext: ExtensionHandle | undefined;
  let server: TestServer | undefined;
  const suite: ExtensionSuite = {
    get ext() {
      if (!ext) throw new Error('the extension is not running yet');
      return ext;
    },
    get server() {
      if (!server) throw new Error('the test server is not running yet');
      return server;
    },
    async reset(settings = options.settings ?? {}) {
      await clearStorage(suite.ext);
      await setLocal(suite.ext, { settings });
    },
  };
  beforeAll(async () => {
    ext = await launchExtension({ browserLocale: options.browserLocale ?? 'en-US' });
    server = await startServer();
  });
  afterAll(async () => {
    if (ext) assertExtensionStaysLocal(ext.requests);
    await ext?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await suite.reset();
    suite.ext.errors.length = 0;
  });
  return suite;
}
