import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built renderer from `root`. A path without an extension that names no file gets
 * index.html (the screens route on the client); a missing asset is a 404. Returns false when nothing
 * was found so the caller can answer.
 */
export async function serveStatic(root: string, pathname: string, res: ServerResponse, headOnly = false): Promise<boolean> {
  const file = await resolveFile(root, pathname);
  if (!file) return false;
  const type = CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': file.size,
    // Asset names may not be content-hashed; revalidate rather than serve a stale screen after an update.
    'Cache-Control': 'no-cache',
  });
  if (headOnly) {
    res.end();
    return true;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(file.path);
    stream.on('error', () => {
      res.destroy();
      done();
    });
    stream.on('end', done);
    stream.pipe(res);
  });
  return true;
}

async function resolveFile(root: string, pathname: string): Promise<{ path: string; size: number } | null> {
  const base = resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  // Anything that resolves outside the root (`..`, encoded or not) is not ours to serve.
  if (candidate !== base && !candidate.startsWith(base + sep)) return null;

  const direct = await fileAt(candidate);
  if (direct) return direct;
  const index = await fileAt(join(candidate, 'index.html'));
  if (index) return index;
  if (extname(decoded) === '') return fileAt(join(base, 'index.html'));
  return null;
}

async function fileAt(path: string): Promise<{ path: string; size: number } | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : null;
  } catch {
    return null;
  }
}
