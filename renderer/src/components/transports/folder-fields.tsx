import { TextField } from '../field.js';
import type { TransportFieldsProps } from './transport-fields.js';

/** A local or shared folder the other side reads and writes too (a mapped drive, an SMB or NFS mount). */
export function FolderFields({ draft, change, errors, otherSide = 'the WMS' }: TransportFieldsProps) {
  return (
    <TextField
      label="Folder path"
      value={draft.folderPath}
      onValue={(folderPath) => change({ folderPath })}
      error={errors['settings.transport.path']}
      placeholder="/srv/wms or \\server\share\wms"
      hint={`A folder on this computer or a shared drive that ${otherSide} also reads and writes.`}
      autoComplete="off"
    />
  );
}
