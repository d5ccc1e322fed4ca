import { TextField } from '../../../components/field.js';
import type { TransportFieldsProps } from './transport-fields.js';

/** A local or shared folder the WMS reads and writes (a mapped drive, an SMB or NFS mount). */
export function FolderFields({ draft, change, errors }: TransportFieldsProps) {
  return (
    <TextField
      label="Folder path"
      value={draft.folderPath}
      onValue={(folderPath) => change({ folderPath })}
      error={errors['settings.transport.path']}
      placeholder="/srv/wms or \\server\share\wms"
      hint="A folder on this computer or a shared drive that the WMS also reads and writes."
      autoComplete="off"
    />
  );
}
