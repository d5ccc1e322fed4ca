/**
 * Inbound files that were applied but could not be moved to the archive (the WMS account may read but
 * not rename, or the archive folder is refused). Such a file stays in the inbound folder, so without a
 * memory the next pickup would apply it again; an inventory snapshot applied again after a newer one
 * would even put old quantities back. The memory outlives restarts (the engine keeps it in its
 * settings, stored-held-files.ts) and names the exact file (path, size, time), so a new file dropped
 * later under the same name is read as new.
 */
export interface HeldFile {
  path: string;
  size: number;
  modifiedAt?: string;
  /** Why it could not be archived, as the transport said. */
  reason: string;
  heldAt: string;
  /** The merchant whose folder it is in: the engine clears the file's alert when it is released. */
  merchantId?: number;
}

export interface HeldFiles {
  list(): Promise<HeldFile[]>;
  hold(file: HeldFile): Promise<void>;
  /** Only once the file is archived at last or gone from its folder (moved, deleted, or replaced by a new file of its name). */
  release(path: string): Promise<void>;
}

/** The same file as the one held: same path, size and (when both sides know it) modification time. */
export function isHeld(held: HeldFile, file: { path: string; size: number; modifiedAt?: string }): boolean {
  if (held.path !== file.path || held.size !== file.size) return false;
  return held.modifiedAt === undefined || file.modifiedAt === undefined || held.modifiedAt === file.modifiedAt;
}

/** A memory that lasts as long as the connector (a Test, unit tests); the engine gives a stored one. */
export function memoryHeldFiles(): HeldFiles {
  const files = new Map<string, HeldFile>();
  return {
    list: () => Promise.resolve([...files.values()]),
    hold: (file) => {
      files.set(file.path, file);
      return Promise.resolve();
    },
    release: (path) => {
      files.delete(path);
      return Promise.resolve();
    },
  };
}
