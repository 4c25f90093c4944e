import { UPLOAD_FIELD } from '@asah/contracts/content';
import { CLIENT_HEADER } from '@asah/contracts/api-paths';
import { ApiError, apiErrorFromBody, buildUrl, isRenewable, refreshSession, reportSessionLost, type QueryParams } from './api-client';

export interface UploadProgress {
  loaded: number;
  total: number;
  /** 0–100, whole numbers. */
  percent: number;
}

export interface UploadOptions {
  /** Text parts sent beside the file. */
  fields?: Record<string, string | undefined>;
  query?: QueryParams;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/**
 * Multipart upload of one file with upload progress, which fetch cannot report: XMLHttpRequest
 * with the same client header, cookies and error shape as `apiFetch`, and the same single
 * session renewal when the access cookie expired before the upload started.
 */
export async function uploadWithProgress<T>(path: string, file: File, options: UploadOptions = {}): Promise<T> {
  try {
    return await send<T>(path, file, options);
  } catch (error) {
    if (!(error instanceof ApiError) || !isRenewable(error)) throw error;
    if (!(await refreshSession())) {
      reportSessionLost(error);
      throw error;
    }
    return send<T>(path, file, options);
  }
}

function send<T>(path: string, file: File, { fields = {}, query, onProgress, signal }: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) form.append(key, value);
    }
    form.append(UPLOAD_FIELD, file);

    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path, query));
    xhr.setRequestHeader(CLIENT_HEADER, '1');
    xhr.setRequestHeader('Accept', 'application/json');

    xhr.upload.onprogress = (event) => {
      if (!onProgress || !event.lengthComputable) return;
      onProgress({ loaded: event.loaded, total: event.total, percent: Math.min(100, Math.round((event.loaded / event.total) * 100)) });
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        } catch (cause) {
          reject(new ApiError({ status: xhr.status, code: 'INTERNAL', message: String(cause) }));
        }
        return;
      }
      const error = apiErrorFromBody(xhr.status, xhr.statusText, xhr.responseText);
      // Deactivated while signed in, as apiFetch does.
      if (error.code === 'ACCOUNT_INACTIVE') reportSessionLost(error);
      reject(error);
    };
    // A server that refuses a body while it streams (413) may close the connection early.
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'Upload failed' }));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));

    if (signal) {
      if (signal.aborted) return xhr.abort();
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(form);
  });
}
