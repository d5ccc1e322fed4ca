import { z } from 'zod';

/** A folder under a transport's root ("orders", "acme/in"): never ".." so nothing steps outside the root. */
export const folderPath = z
  .string()
  .max(500)
  .refine((p) => !p.split(/[\\/]/).includes('..'), 'A folder may not contain ".."');
