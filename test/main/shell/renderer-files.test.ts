import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/shell/content-security-policy.js';
import { rendererFileHandler, resolveRendererPath } from '../../../main/shell/renderer-files.js';

let root: string;
let parent: string;
beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'dockhand-screens-'));
  root = join(parent, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Dockhand</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(parent, 'secret.key'), 'not for the window');
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => rendererFileHandler(root)(new Request(url, { method }));

describe('serving the screens on the dockhand:// scheme', () => {
  it('serves index.html at the root with the CSP header', async () => {
    const res = await get('dockhand://app/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toContain('<title>Dockhand</title>');
  });

  it('serves a script with its JavaScript type', async () => {
    const res = await get('dockhand://app/assets/index-abc.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers a screen path without a file with index.html, and a missing asset with 404', async () => {
    expect(await (await get('dockhand://app/orders/12')).text()).toContain('<title>Dockhand</title>');
    expect((await get('dockhand://app/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the screens folder', async () => {
    for (const url of ['dockhand://app/../secret.key', 'dockhand://app/%2e%2e/secret.key', 'dockhand://app/assets/..%2f..%2fsecret.key']) {
      const res = await get(url);
      expect(await res.text()).not.toContain('not for the window');
    }
    expect(resolveRendererPath(root, 'dockhand://app/..%2fsecret.key')).toBeNull();
    expect(resolveRendererPath(root, 'dockhand://other/index.html')).toBeNull();
    expect(resolveRendererPath(root, 'dockhand://app/a%00b')).toBeNull();
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('dockhand://app/index.html', 'POST')).status).toBe(405);
    expect((await get('dockhand://app/index.html', 'HEAD')).status).toBe(200);
  });

  it('explains how to build the screens when they are missing', async () => {
    const res = await rendererFileHandler(join(parent, 'nowhere'))(new Request('dockhand://app/'));
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });
});
