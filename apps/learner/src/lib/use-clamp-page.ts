import { useEffect } from 'react';

/** After the last row of the last page is deleted (or filtered away), step back to a page that exists. */
export function useClampPage(total: number | undefined, pageSize: number, page: number, goTo: (page: number) => void) {
  useEffect(() => {
    if (total === undefined) return;
    const last = Math.max(1, Math.ceil(total / pageSize));
    if (page > last) goTo(last);
  }, [total, pageSize, page, goTo]);
}
