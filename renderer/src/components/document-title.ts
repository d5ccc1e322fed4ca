import { useEffect } from 'react';

/** Each page names itself in the window title and history ("Orders · Dockhand"). */
export function documentTitle(page: string | null | undefined): string {
  return page ? `${page} · Dockhand` : 'Dockhand';
}

export function useDocumentTitle(page: string | null | undefined): void {
  useEffect(() => {
    document.title = documentTitle(page);
  }, [page]);
}
