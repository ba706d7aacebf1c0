/**
 * What browser tests need: Debian's Chromium through playwright-core, a tiny static server for a
 * built site on 127.0.0.1, and axe-core injected into a page.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium (`apt-get install chromium`); Playwright's own browser downloads are not used.
 * `CHROMIUM_PATH` overrides it, which is how the skip and CI paths of the browser tests are tried.
 */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Whether Chromium is installed where the browser tests look for it. */
export const hasChromium = existsSync(chromiumPath);

/**
 * Start headless Chromium with the flags this machine needs (no sandbox as root, no calls home:
 * the network is closed, and background requests would only fail).
 *
 * @returns The browser; close it when done.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** A running static server. */
export interface StaticServer {
  /** Base URL without a trailing slash, such as `http://127.0.0.1:41234`. */
  origin: string;
  /** Paths requested so far, for debugging. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serve a folder the way a static host does: `index.html` for folders, `404.html` (status 404)
 * for anything missing, nothing outside the folder.
 *
 * @param root The built site.
 * @returns The server, listening on 127.0.0.1 at a free port.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const requests: string[] = [];
  const base = path.resolve(root);
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      requests.push(pathname);
      let file = path.join(base, pathname);
      if (file !== base && !file.startsWith(base + path.sep)) file = path.join(base, '404.html');
      try {
        if ((await stat(file)).isDirectory()) {
          if (!pathname.endsWith('/')) {
            response.writeHead(301, { location: `${pathname}/` }).end();
            return;
          }
          file = path.join(file, 'index.html');
        }
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        const body = await readFile(path.join(base, '404.html')).catch(() => Buffer.from('Not found'));
        response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** One axe-core violation, as much as a test prints. */
export interface AxeViolation {
  id: string;
  impact?: string | null | undefined;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

const axePath = path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js');

/**
 * Run axe-core on the page as it is now.
 *
 * @param page A loaded page.
 * @returns Every violation axe found.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const { violations } = await (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run();
    return violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, ...(failureSummary ? { failureSummary } : {}) })),
    }));
  });
}

/**
 * Describe violations for a failure message.
 *
 * @param violations From `runAxe`.
 * @returns One line per violation and element.
 */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((violation) =>
      [`${violation.impact ?? 'unknown'}: ${violation.id}: ${violation.help} (${violation.helpUrl})`, ...violation.nodes.map((node) => `  ${JSON.stringify(node.target)} ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)].join('\n'),
    )
    .join('\n');
}
