import { useEffect } from 'react';

/** "Pegawai · Portal Admin · Asah": the page first, so browser tabs stay tellable apart. */
export function useDocumentTitle(page: string, portal: string): void {
  useEffect(() => {
    document.title = `${page} · ${portal} · Asah`;
  }, [page, portal]);
}
