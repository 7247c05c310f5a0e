/**
 * Real-browser test harness for the built extension.
 *
 *   const ext = await launchExtension();            // Debian's Chromium + .output/chrome-mv3
 *   const server = await startServer();              // serves tests/pages on 127.0.0.1
 *   const page = await ext.context.newPage();
 *   await page.goto(server.url('/dev-zh/some.html'));
 *   ...
 *   assertNoExternalRequests(ext.requests);          // nothing left the machine
 *   await ext.close(); await server.close();
 *
 * Everything runs offline: the browser is started with a host-resolver rule that maps
 * every host name except loopback to NOTFOUND, so a stray request fails fast instead of
 * leaving the machine, and it is still recorded in `requests` (Playwright reports it
 * before it fails), so `assertNoExternalRequests` catches it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PptrBrowser, type Page as PptrPage } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CHROME_EXTENSION_DIR = resolve(process.env.CHROME_EXTENSION_DIR ?? join(ROOT, '.output', 'chrome-mv3'));
export const FIREFOX_EXTENSION_DIR = resolve(process.env.FIREFOX_EXTENSION_DIR ?? join(ROOT, '.output', 'firefox-mv2'));
export const PAGES_DIR = join(ROOT, 'tests', 'pages');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

// ---------------------------------------------------------------------------
// Preconditions
// ---------------------------------------------------------------------------

/** Throws a readable error when the browser binary or the build output is missing. */
export function assertPrerequisites(opts: { browserPath: string; extensionDir: string; build: string; install: string }): void {
  if (!existsSync(opts.browserPath)) {
    throw new Error(
      `Browser not found at ${opts.browserPath}. Install it with \`bash scripts/ensure-browsers.sh\` ` +
        `(Debian package: ${opts.install}), or point the env var at another binary.`,
    );
  }
  const manifest = join(opts.extensionDir, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(`Built extension not found: ${manifest} is missing. Run \`${opts.build}\` first.`);
  }
}

/** The built manifest, parsed (handy for assertions about permissions, version, ...). */
export function readBuiltManifest(extensionDir = CHROME_EXTENSION_DIR): Record<string, unknown> {
  return JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------
// Request log + "nothing left the machine"
// ---------------------------------------------------------------------------

export interface SeenRequest {
  url: string;
  method: string;
  resourceType: string;
  /** 'page' for requests from a page/frame, 'service-worker' for the extension's worker. */
  source: 'page' | 'service-worker' | 'unknown';
  failed?: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const LOCAL_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'data:', 'blob:', 'about:']);

/** True when a URL stays on this machine: loopback HTTP(S)/WS or a browser-internal scheme. */
export function isLocalUrl(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(u.protocol)) return true;
  if (['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) {
    return LOOPBACK_HOSTS.has(u.hostname) || /^127\.\d+\.\d+\.\d+$/.test(u.hostname);
  }
  return false;
}

/** Fails (with the offending URLs listed) if any recorded request went off the machine. */
export function assertNoExternalRequests(requests: readonly SeenRequest[]): void {
  const external = requests.filter((r) => !isLocalUrl(r.url));
  if (external.length > 0) {
    const lines = external.map((r) => `  ${r.method} ${r.url} (${r.resourceType}, from ${r.source}${r.failed ? `, failed: ${r.failed}` : ''})`);
    throw new Error(`${external.length} request(s) tried to leave the machine (loopback and extension URLs only are allowed):\n${lines.join('\n')}`);
  }
}

// What a content script or the service worker could send: the test pages' own
// <script>, <img>, <link> and font loads are the page's, not the extension's.
const SCRIPTED_TYPES = new Set(['fetch', 'xhr', 'websocket', 'eventsource', 'ping', 'beacon', 'other']);

/** Like assertNoExternalRequests, but ignores the resources a test page's own HTML loads. */
export function assertExtensionStaysLocal(requests: readonly SeenRequest[]): void {
  assertNoExternalRequests(requests.filter((r) => r.source !== 'page' || SCRIPTED_TYPES.has(r.resourceType)));
}

// ---------------------------------------------------------------------------
// Chromium + extension
// ---------------------------------------------------------------------------

/** Chromium's switches for every run (tests and bench), besides the two that load the extension. */
export const CHROMIUM_SWITCHES = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--metrics-recording-only',
  // Safety net: nothing but loopback resolves, so no request can leave the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

export interface LaunchOptions {
  /** UI locale of the browser, e.g. 'zh-CN' or 'en-US' (drives chrome.i18n and navigator.language). */
  browserLocale?: string;
  /** Defaults to .output/chrome-mv3. */
  extensionDir?: string;
  /** Extra Chromium switches. */
  args?: string[];
}

export interface ExtensionHandle {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** chrome-extension://<id> */
  baseUrl: string;
  /** Opens chrome-extension://<id>/<path> in a new tab and waits for it to load. */
  openExtensionPage(path: string): Promise<Page>;
  /** Every request the browser context (pages and the service worker) made, in order. */
  requests: SeenRequest[];
  /** Uncaught page errors and console.error messages from pages and the service worker. */
  errors: string[];
  /** Shorthand for assertNoExternalRequests(this.requests). */
  assertNoExternalRequests(): void;
  close(): Promise<void>;
}

function chromiumLocaleEnv(locale: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (locale) {
    const posix = locale.replace('-', '_');
    // Chromium on Linux picks its UI language from these as well as from --lang.
    env.LANGUAGE = posix;
    env.LANG = `${posix}.UTF-8`;
  }
  return env;
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<ExtensionHandle> {
  const extensionDir = resolve(opts.extensionDir ?? CHROME_EXTENSION_DIR);
  assertPrerequisites({
    browserPath: CHROMIUM_PATH,
    extensionDir,
    build: 'npm run build',
    install: 'chromium',
  });

  const userDataDir = await mkdtemp(join(tmpdir(), 'tian-quotes-chromium-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...CHROMIUM_SWITCHES,
    ...(opts.browserLocale ? [`--lang=${opts.browserLocale}`] : []),
    ...(opts.args ?? []),
  ];

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args,
      // Playwright adds --disable-extensions by default; it must not be there.
      ignoreDefaultArgs: ['--disable-extensions'],
      locale: opts.browserLocale,
      env: chromiumLocaleEnv(opts.browserLocale),
      timeout: 60_000,
    });
  } catch (e) {
    await rm(userDataDir, { recursive: true, force: true });
    throw new Error(`Could not launch ${CHROMIUM_PATH}: ${(e as Error).message}`);
  }

  const requests: SeenRequest[] = [];
  const errors: string[] = [];
  const byRequest = new WeakMap<Request, SeenRequest>();
  context.on('request', (req) => {
    let source: SeenRequest['source'] = 'unknown';
    if (req.serviceWorker()) source = 'service-worker';
    else {
      try {
        req.frame(); // throws for requests that do not come from a frame
        source = 'page';
      } catch {
        source = 'unknown';
      }
    }
    const seen: SeenRequest = { url: req.url(), method: req.method(), resourceType: req.resourceType(), source };
    byRequest.set(req, seen);
    requests.push(seen);
  });
  context.on('requestfailed', (req) => {
    const seen = byRequest.get(req);
    if (seen) seen.failed = req.failure()?.errorText ?? 'failed';
  });
  const watchPage = (page: Page) => {
    page.on('pageerror', (err) => errors.push(`[page ${page.url()}] ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`[console ${page.url()}] ${msg.text()}`);
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);

  let serviceWorker: Worker;
  try {
    serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: 30_000,
      }));
  } catch (e) {
    await context.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true });
    throw new Error(
      `The extension's service worker did not start within 30 s (extension dir: ${extensionDir}). ` +
        `Is the build valid? ${(e as Error).message}`,
    );
  }
  serviceWorker.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`[service worker] ${msg.text()}`);
  });

  const extensionId = new URL(serviceWorker.url()).host;
  const baseUrl = `chrome-extension://${extensionId}`;

  return {
    context,
    serviceWorker,
    extensionId,
    baseUrl,
    requests,
    errors,
    async openExtensionPage(path: string) {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/${path.replace(/^\//, '')}`, { waitUntil: 'load' });
      return page;
    },
    assertNoExternalRequests() {
      assertNoExternalRequests(requests);
    },
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

// ---------------------------------------------------------------------------
// Firefox ESR + extension (puppeteer-core over WebDriver BiDi)
// ---------------------------------------------------------------------------

export interface FirefoxExtensionHandle {
  browser: PptrBrowser;
  /** The add-on id from browser_specific_settings.gecko.id, as reported by webExtension.install. */
  addonId: string;
  /** The moz-extension host (fixed per run through the extensions.webextensions.uuids pref). */
  uuid: string;
  /** moz-extension://<uuid> */
  baseUrl: string;
  /**
   * Opens moz-extension://<uuid>/<path> in a new tab and waits until its document is
   * there (and, if given, `selector` matches).
   */
  openExtensionPage(path: string, selector?: string): Promise<PptrPage>;
  /** Requests made by the tabs opened through this handle (not the background page). */
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Firefox needs two things Chromium does not:
 *  - the add-on is installed temporarily through BiDi `webExtension.install`
 *    (puppeteer's browser.installExtension) after launch;
 *  - BiDi refuses to navigate to moz-extension:// unless Firefox runs with
 *    --remote-allow-system-access, and even then the navigation command does not
 *    report completion for the extension page (process switch), so we start it
 *    without awaiting and poll the new document instead.
 * All non-loopback HTTP(S) goes to a dead proxy on 127.0.0.1:9, so nothing can leave.
 */
export async function launchFirefoxExtension(opts: { browserLocale?: string; extensionDir?: string } = {}): Promise<FirefoxExtensionHandle> {
  const extensionDir = resolve(opts.extensionDir ?? FIREFOX_EXTENSION_DIR);
  assertPrerequisites({
    browserPath: FIREFOX_PATH,
    extensionDir,
    build: 'npm run build:firefox',
    install: 'firefox-esr',
  });
  const manifest = readBuiltManifest(extensionDir) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  const uuid = randomUUID();

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, ...(opts.browserLocale ? { LANG: `${opts.browserLocale.replace('-', '_')}.UTF-8` } : {}) },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      ...(opts.browserLocale ? { 'intl.locale.requested': opts.browserLocale, 'intl.accept_languages': opts.browserLocale } : {}),
      // Offline: every non-loopback request goes to a closed port on loopback.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '127.0.0.1, localhost',
      'network.trr.mode': 5,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
    protocolTimeout: 60_000,
  });

  let addonId: string;
  try {
    addonId = await browser.installExtension(extensionDir);
  } catch (e) {
    await browser.close().catch(() => {});
    throw new Error(`Firefox refused to install the add-on from ${extensionDir}: ${(e as Error).message}`);
  }

  const requests: SeenRequest[] = [];
  const baseUrl = `moz-extension://${uuid}`;
  return {
    browser,
    addonId,
    uuid,
    baseUrl,
    requests,
    async openExtensionPage(path: string, selector?: string) {
      const page = await browser.newPage();
      page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), resourceType: r.resourceType(), source: 'page' }));
      page.on('requestfailed', (r) => {
        const seen = requests.findLast((x) => x.url === r.url());
        if (seen) seen.failed = r.failure()?.errorText ?? 'failed';
      });
      const url = `${baseUrl}/${path.replace(/^\//, '')}`;
      // See above: this navigation never reports completion, so do not await it.
      page.goto(url, { timeout: 120_000 }).catch(() => {});
      // Firefox's WebDriver BiDi can fail an evaluation that lands mid-navigation
      // ("right-hand side of 'in' should be an object, got null"): poll again then.
      const deadline = Date.now() + 20_000;
      for (;;) {
        try {
          await page.waitForFunction(
            (href: string, sel: string | null) => location.href === href && document.readyState !== 'loading' && (!sel || document.querySelector(sel) !== null),
            { timeout: Math.max(1_000, deadline - Date.now()), polling: 100 },
            url,
            selector ?? null,
          );
          return page;
        } catch (e) {
          if ((e as Error).name === 'TimeoutError' || Date.now() > deadline) throw e;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    async close() {
      await browser.close().catch(() => {});
    },
  };
}

// ---------------------------------------------------------------------------
// Static HTTP server for tests/pages
// ---------------------------------------------------------------------------

export interface RouteSpec {
  body: string | Buffer;
  status?: number;
  /** e.g. { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'" } */
  headers?: Record<string, string>;
}

export interface TestServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** Absolute URL for a path on this server ('/dev-zh/x.html' or 'dev-zh/x.html'). */
  url(path: string): string;
  /** Serve `spec` at `path` (exact path match, query string ignored); overrides files. */
  route(path: string, spec: RouteSpec): void;
  /** Paths (with query) of every request the server received, in order. */
  hits: string[];
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export async function startServer(opts: { root?: string } = {}): Promise<TestServer> {
  const root = resolve(opts.root ?? PAGES_DIR);
  const routes = new Map<string, RouteSpec>();
  const hits: string[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const rawUrl = req.url ?? '/';
    hits.push(rawUrl);
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(rawUrl, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    const custom = routes.get(pathname);
    if (custom) {
      const type = extname(pathname) ? MIME[extname(pathname).toLowerCase()] : undefined;
      res.writeHead(custom.status ?? 200, {
        'content-type': type ?? 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...custom.headers,
      });
      res.end(req.method === 'HEAD' ? undefined : custom.body);
      return;
    }
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${pathname}`);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    hits,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    route: (path, spec) => {
      routes.set(path.startsWith('/') ? path : `/${path}`, spec);
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
