import { useCallback, useState } from 'react';

/** Whether the sidebar is collapsed to icons, remembered across restarts on this machine. */
export const SIDEBAR_KEY = 'dockhand.sidebar.collapsed';

function read(): boolean {
  try {
    return window.localStorage.getItem(SIDEBAR_KEY) === 'true';
  } catch {
    return false; // storage may be disabled; the sidebar then simply starts open
  }
}

export function useSidebarCollapsed(): [boolean, () => void] {
  const [collapsed, setCollapsed] = useState(read);
  const toggle = useCallback(() => {
    setCollapsed((was) => {
      try {
        window.localStorage.setItem(SIDEBAR_KEY, String(!was));
      } catch {
        // not remembered, still toggled
      }
      return !was;
    });
  }, []);
  return [collapsed, toggle];
}
