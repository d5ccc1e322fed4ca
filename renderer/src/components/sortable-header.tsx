import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import './sortable-header.css';

export type SortDirection = 'asc' | 'desc';

/**
 * A column header that sorts its table: a button in the `th` (so it is reached by Tab and pressed with
 * Enter or Space), `aria-sort` on the `th` for the column the table is sorted by, and an arrow that says
 * which way. The table decides what a press does (usually: this column, or the other way round).
 */
export function SortableHeader({
  label,
  sorted,
  onSort,
  className,
}: {
  label: string;
  /** The direction when the table is sorted by this column; undefined when it is not. */
  sorted: SortDirection | undefined;
  onSort: () => void;
  className?: string;
}) {
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined;
  const Icon = sorted === 'asc' ? ArrowUp : sorted === 'desc' ? ArrowDown : ChevronsUpDown;
  return (
    <th scope="col" aria-sort={ariaSort} className={className}>
      <button type="button" className={`sortable-header${sorted ? ' sortable-header--active' : ''}`} onClick={onSort}>
        {label}
        <Icon className="sortable-header__icon" aria-hidden="true" size={14} />
      </button>
    </th>
  );
}
