import { useEffect, useRef } from 'react';

/**
 * "You have changes that are not saved yet": a screen with unsaved edits (the format designer) guards
 * every way out of it, not only its own back link. Every way out of a screen ends in a hash change (the
 * sidebar, any link, a typed address, Back and Forward), so the guard sits on the hash change itself:
 * this module's listener is registered when the module loads, before any useRoute listener, and a change
 * away from the guarded page is undone (the page's address pushed back, so Back still works) and stopped
 * before the router sees it; the screen asks the person and, if they leave, calls leaveTo. Links ask
 * before the hash changes at all (blocksLeaving), which keeps the history tidy.
 *
 * Closing the window is the browser's own question (beforeunload), which the screen adds itself.
 */

interface Guard {
  /** The page it guards ("/formats/3"): changes that stay on it (another query) pass. */
  path: string;
  ask: (to: string) => void;
}

let guard: Guard | null = null;
let shownHref = typeof window === 'undefined' ? '' : window.location.href;

const pathOf = (hash: string) => (hash.replace(/^#/, '') || '/').split('?', 1)[0];

/** True when leaving for `to` ("/orders") must wait for the person's answer, which was asked for. */
export function blocksLeaving(to: string): boolean {
  if (!guard || pathOf(to) === guard.path) return false;
  guard.ask(to);
  return true;
}

/** Leaves for `to` without asking (the person said so). */
export function leaveTo(to: string): void {
  guard = null;
  window.location.hash = `#${to.startsWith('/') ? to : `/${to}`}`;
}

/** While `active`, leaving the current page calls `ask(to)` instead; the screen then shows its question. */
export function useLeaveGuard(active: boolean, ask: (to: string) => void): void {
  const asking = useRef(ask);
  asking.current = ask;
  useEffect(() => {
    if (!active) return;
    const mine: Guard = { path: pathOf(window.location.hash), ask: (to) => asking.current(to) };
    guard = mine;
    return () => {
      if (guard === mine) guard = null;
    };
  }, [active]);
}

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', (event) => {
    const to = (window.location.hash.replace(/^#/, '') || '/');
    if (guard && pathOf(to) !== guard.path) {
      event.stopImmediatePropagation();
      window.history.pushState(window.history.state, '', shownHref);
      guard.ask(to.startsWith('/') ? to : `/${to}`);
      return;
    }
    shownHref = window.location.href;
  });
}
