import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.js';
import { RENDERER_HOST } from './renderer-origin.js';

/**
 * Serves the built screens (dist/renderer) for the window's custom scheme: `dockhand://app/<path>` maps to
 * a file under the root and nowhere else. Plain Request -> Response, so it runs (and is tested) in Node;
 * window.ts registers it with `protocol.handle`.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file under `root` a request path names, or null when it would leave the root or is malformed. */
export function resolveRendererPath(root: string, url: string): string | null {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.host !== RENDERER_HOST) return null;
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const base = resolve(root);
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = resolve(join(base, relative));
  return file === base || file.startsWith(base + sep) ? file : null;
}

export function rendererFileHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveRendererPath(root, request.url);
    if (!file) return plain(404, 'Not found');
    const found = (await readIfFile(file)) ?? (extname(file) === '' ? await readIfFile(join(resolve(root), 'index.html')) : null);
    if (!found) {
      if (extname(file) === '' || extname(file) === '.html') return notBuilt(root);
      return plain(404, 'Not found');
    }
    const type = CONTENT_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(found.bytes), { status: 200, headers: headers(type) });
  };
}

async function readIfFile(file: string): Promise<{ file: string; bytes: Buffer } | null> {
  try {
    return { file, bytes: await readFile(file) };
  } catch {
    // Missing, a directory, or unreadable: all "not here" to the window.
    return null;
  }
}

function headers(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') });
}

/** Shown instead of a blank window when the screens were never built (`npm run build`). */
function notBuilt(root: string): Response {
  const html =
    '<!doctype html><meta charset="utf-8"><title>Dockhand</title>' +
    `<p>The Dockhand screens are not built (nothing at ${escapeHtml(root)}). Run <code>npm run build</code>, then start Dockhand again.</p>`;
  return new Response(html, { status: 503, headers: headers('text/html; charset=utf-8') });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
