import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardWebContents } from '../../../main/shell/web-contents-guard.js';

/** The parts of a WebContents the guard hooks, with a way to play the page's navigations and window.open. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  navigate(url: string): boolean {
    let prevented = false;
    this.emit('will-navigate', { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function guarded() {
  const contents = new FakeContents();
  const opened: string[] = [];
  const refused: string[] = [];
  guardWebContents(contents as unknown as Parameters<typeof guardWebContents>[0], (url) => opened.push(url), (url) => refused.push(url));
  return { contents, opened, refused };
}

describe('what a page may hand to the browser (shell.openExternal)', () => {
  it('a link the app makes opens in the browser, and the window stays where it is', () => {
    const { contents, opened } = guarded();
    expect(contents.navigate('https://www.fedex.com/fedextrack/?trknbr=123456789012')).toBe(true);
    expect(contents.openHandler!({ url: 'https://help.shopify.com/en/manual' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.fedex.com/fedextrack/?trknbr=123456789012', 'https://help.shopify.com/en/manual']);
  });

  it('a link to another site, or over plain http, is neither opened nor followed', () => {
    const { contents, opened, refused } = guarded();
    expect(contents.navigate('https://evil.example.com/login')).toBe(true);
    expect(contents.openHandler!({ url: 'http://www.ups.com/track' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'https://tracking.warehouse-file.example/1Z' })).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
    expect(refused).toEqual(['https://evil.example.com/login', 'http://www.ups.com/track', 'https://tracking.warehouse-file.example/1Z']);
  });

  it('our own pages navigate normally and open nothing', () => {
    const { contents, opened } = guarded();
    expect(contents.navigate('dockhand://app/index.html#/orders')).toBe(false);
    expect(opened).toEqual([]);
  });
});
