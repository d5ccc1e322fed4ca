/**
 * Restoring the window where it was, unless that place is gone (a monitor unplugged, a resolution
 * changed): then the window opens at the default size, centred by the OS.
 */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const;

/** How much of the title bar must be on a screen for the window to count as reachable. */
const VISIBLE_EDGE = 80;

export function restorableBounds(saved: Bounds | null, workAreas: readonly Bounds[]): Bounds | null {
  if (!saved) return null;
  const { x, y, width, height } = saved;
  if (![x, y, width, height].every(Number.isFinite) || width < MIN_WINDOW_SIZE.width || height < MIN_WINDOW_SIZE.height) return null;
  const reachable = workAreas.some(
    (area) =>
      x + width - VISIBLE_EDGE >= area.x &&
      x + VISIBLE_EDGE <= area.x + area.width &&
      y >= area.y &&
      y + VISIBLE_EDGE <= area.y + area.height,
  );
  return reachable ? { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) } : null;
}
