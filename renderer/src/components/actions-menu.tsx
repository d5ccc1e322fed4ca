import type { ReactNode } from 'react';
import { DropdownMenu } from 'radix-ui';
import { Ellipsis } from 'lucide-react';

/**
 * A "More actions" button opening a menu (Radix DropdownMenu: arrow keys, typeahead, Escape, focus
 * returned to the button). Rarely used or destructive actions live here, out of the way of the main ones.
 */
export function ActionsMenu({ label = 'More actions', children }: { label?: string; children: ReactNode }) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="button">
        <Ellipsis size={16} aria-hidden="true" />
        {label}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

export function ActionsMenuItem({ icon, danger, onSelect, children }: { icon?: ReactNode; danger?: boolean; onSelect: () => void; children: ReactNode }) {
  return (
    <DropdownMenu.Item className={`menu__item${danger ? ' menu__item--danger' : ''}`} onSelect={onSelect}>
      {icon}
      {children}
    </DropdownMenu.Item>
  );
}
