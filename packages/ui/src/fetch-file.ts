import { CLIENT_HEADER } from '@asah/contracts/api-paths';
import { apiErrorFromBody, buildUrl, isRenewable, refreshSession, reportSessionLost } from './api-client';

interface FileRequest {
  method?: 'GET' | 'POST';
  /** Sent as JSON. */
  body?: unknown;
}

/**
 * A file answer of the API (a PDF, a JSON download) as a Blob, with the same client header, error
 * shape and single session renewal as `apiFetch`. A plain link would lose the renewal and show the
 * person a raw JSON error page when the access cookie has just expired.
 */
export async function fetchFile(path: string, request: FileRequest = {}): Promise<Blob> {
  let response = await send(path, request);
  if (response.status === 401) {
    const error = apiErrorFromBody(response.status, response.statusText, await response.text());
    if (!isRenewable(error)) throw error;
    if (!(await refreshSession())) {
      reportSessionLost(error);
      throw error;
    }
    response = await send(path, request);
  }
  if (!response.ok) throw apiErrorFromBody(response.status, response.statusText, await response.text());
  return response.blob();
}

function send(path: string, { method = 'GET', body }: FileRequest): Promise<Response> {
  const headers = new Headers({ [CLIENT_HEADER]: '1' });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  return fetch(buildUrl(path), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
}

/** Saves a Blob under a file name (the browser's download, not a new tab). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Shows a Blob (a PDF preview) in a new tab. The tab is opened before the file is fetched, inside the
 * click, because browsers block pop-ups opened after an await.
 */
export function openBlobIn(tab: Window | null, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  if (tab) tab.location.href = url;
  else window.location.href = url;
  // Long enough for the viewer to load; the tab keeps its document after the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A safe file name from a certificate number like `SERT/2026/SMG/000001`. */
export function fileNameFrom(text: string, extension: string): string {
  const base = text.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'file';
  return `${base}.${extension}`;
}
