import { z } from 'zod';
import type { TransportDescriptor } from './transport-descriptor.js';

/** A folder on this computer or a share, written out in full: a relative one depends on where Dockhand was started. */
export function isAbsoluteLocalPath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

export const folderTransportSchema = z.object({
  kind: z.literal('folder'),
  path: z
    .string()
    .trim()
    .min(1, 'Choose a folder')
    .max(1000)
    .refine(isAbsoluteLocalPath, 'Enter the full path of the folder, such as /srv/wms or C:\\WMS'),
});

export type FolderTransportSettings = z.infer<typeof folderTransportSchema>;

/** A local or shared (mounted) folder: no login, so no secret and nowhere one could go. */
export const folderTransport = {
  kind: 'folder',
  label: 'Local or shared folder',
  help: 'A folder on this computer or a shared drive that the other side also reads and writes.',
  settingsSchema: folderTransportSchema,
  secretsSchema: z.object({}),
  secretAddress: () => null,
  requiredSecrets: () => ({}),
  describe: (t) => `folder ${t.path}`,
} satisfies TransportDescriptor<'folder', FolderTransportSettings>;
