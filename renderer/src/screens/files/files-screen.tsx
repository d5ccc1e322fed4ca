import { useState } from 'react';
import { useApi } from '../../api/hooks.js';
import { SelectField, TextField } from '../../components/field.js';
import { Pager } from '../../components/pager.js';
import { Empty, QueryView } from '../../components/states.js';
import { formatDateTime } from '../../format/time.js';
import { FileDetail } from './file-detail.js';
import { DIRECTION_LABELS, isFiltered, KIND_LABELS, listInput, NO_FILTER, type FilesFilter } from './files-filter.js';

const PAGE_SIZE = 50;

const DIRECTION_OPTIONS = [{ value: '', label: 'Sent and received' }, ...Object.entries(DIRECTION_LABELS).map(([value, label]) => ({ value, label }))];
const KIND_OPTIONS = [{ value: '', label: 'Every kind' }, ...Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))];

/** Every file Dockhand sent or picked up in the last 30 days: filtered, paged, opened in a panel. */
export function FilesScreen() {
  const [filter, setFilter] = useState<FilesFilter>(NO_FILTER);
  const [offset, setOffset] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  const merchants = useApi('merchants.list', {});
  const files = useApi('files.list', listInput(filter, { limit: PAGE_SIZE, offset }), { placeholderData: (previous) => previous });
  const change = (part: Partial<FilesFilter>) => {
    setFilter({ ...filter, ...part });
    setOffset(0);
  };
  const merchantOptions = [{ value: '', label: 'All merchants' }, ...(merchants.data ?? []).map((m) => ({ value: String(m.id), label: m.name }))];
  return (
    <>
      <div className="page-header">
        <h1>Files</h1>
      </div>
      <p className="files-intro">Files sent to the warehouse and picked up from it are kept on this computer for 30 days.</p>
      <div className="toolbar files-filters">
        <SelectField label="Merchant" value={filter.merchantId} options={merchantOptions} onValue={(merchantId) => change({ merchantId })} />
        <SelectField label="Direction" value={filter.direction} options={DIRECTION_OPTIONS} onValue={(direction) => change({ direction: direction as FilesFilter['direction'] })} />
        <SelectField label="Kind" value={filter.kind} options={KIND_OPTIONS} onValue={(kind) => change({ kind: kind as FilesFilter['kind'] })} />
        <TextField label="From" type="date" value={filter.from} onValue={(from) => change({ from })} />
        <TextField label="To" type="date" value={filter.to} onValue={(to) => change({ to })} />
        <TextField label="Name contains" hint="Words of the name from their start: acme, 2026-12, conf" type="search" value={filter.text} onValue={(text) => change({ text })} />
        {isFiltered(filter) ? (
          <button type="button" className="button button--ghost" onClick={() => change(NO_FILTER)}>
            Clear filters
          </button>
        ) : null}
      </div>
      <div className={openId === null ? 'files-layout' : 'files-layout files-layout--open'}>
        <QueryView query={files} what="Loading files">
          {(data) =>
            data.items.length === 0 ? (
              <Empty title={isFiltered(filter) ? 'No files match these filters.' : 'No files yet: files appear here once Dockhand sends or picks one up.'} />
            ) : (
              <div>
                <div className="table-wrap">
                  <table aria-label="Files">
                    <thead>
                      <tr>
                        <th scope="col">Time</th>
                        <th scope="col">Merchant</th>
                        <th scope="col">Direction</th>
                        <th scope="col">Kind</th>
                        <th scope="col">Name</th>
                        <th scope="col" className="files-num">
                          Rows
                        </th>
                        <th scope="col" className="files-num">
                          Errors
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.items.map((f) => (
                        <tr key={f.id} aria-selected={f.id === openId ? true : undefined} className={f.id === openId ? 'files-row--open' : undefined}>
                          <td>{formatDateTime(f.createdAt)}</td>
                          <td>{f.merchantName ?? '—'}</td>
                          <td>{DIRECTION_LABELS[f.direction]}</td>
                          <td>{KIND_LABELS[f.kind]}</td>
                          <td>
                            <button type="button" className="files-name" onClick={() => setOpenId(f.id)}>
                              {f.name}
                            </button>
                          </td>
                          <td className="files-num">{f.rows.toLocaleString()}</td>
                          <td className={f.errors > 0 ? 'files-num files-errors' : 'files-num'}>{f.errors.toLocaleString()}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pager offset={offset} limit={PAGE_SIZE} total={data.total} onOffset={setOffset} />
              </div>
            )
          }
        </QueryView>
        {openId !== null ? <FileDetail key={openId} id={openId} onClose={() => setOpenId(null)} /> : null}
      </div>
    </>
  );
}
