import { API_PREFIX, CLIENT_HEADER } from '@asah/contracts/api-paths';
import type { TErrorCode, TFieldError } from '@asah/contracts/errors';

/** An error answer of the API (ZApiError), or a network failure dressed as one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: TErrorCode | 'NETWORK_ERROR';
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: TErrorCode | 'NETWORK_ERROR';
    message: string;
    details?: unknown;
    requestId?: string;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
  }

  /** Per-field problems of a VALIDATION_FAILED answer; empty for every other code. */
  get fieldErrors(): TFieldError[] {
    if (this.code !== 'VALIDATION_FAILED' || !Array.isArray(this.details)) return [];
    return this.details.filter(isFieldError);
  }
}

function isFieldError(value: unknown): value is TFieldError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.field === 'string' && typeof v.code === 'string' && typeof v.message === 'string';
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: QueryParams;
  /** A plain value is sent as JSON; FormData is sent as multipart (the browser sets the boundary). */
  body?: unknown;
  signal?: AbortSignal;
}

interface ClientConfig {
  /** Called when the session cannot be renewed or the account was switched off, so the app can show the login page. */
  onSessionLost: (reason: ApiError) => void;
}

const config: ClientConfig = { onSessionLost: () => undefined };

export function configureApiClient(next: Partial<ClientConfig>): void {
  Object.assign(config, next);
}

const REFRESH_PATH = '/auth/refresh';
/** Answers to these never trigger a refresh: they are the session endpoints themselves. */
const NO_REFRESH_PATHS = new Set(['/auth/login', REFRESH_PATH, '/auth/logout']);
const RENEWABLE_CODES = new Set<string>(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

/** Whether an error means "the access cookie expired": worth one refresh and a retry. */
export const isRenewable = (error: ApiError) => error.status === 401 && RENEWABLE_CODES.has(error.code);

/** Tells the app the session is gone (see configureApiClient). */
export function reportSessionLost(error: ApiError): void {
  config.onSessionLost(error);
}

let refreshInFlight: Promise<boolean> | null = null;

/** Concurrent 401s share one refresh call: the refresh token rotates, a second call would fail. */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= send(REFRESH_PATH, { method: 'POST' })
    .then((response) => response.ok)
    .catch(() => false)
    .finally(() => {
      refreshInFlight = null;
    });
  return refreshInFlight;
}

export function buildUrl(path: string, query?: QueryParams): string {
  const url = `${API_PREFIX}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

function send(path: string, options: RequestOptions): Promise<Response> {
  const headers = new Headers({ [CLIENT_HEADER]: '1', Accept: 'application/json' });
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.body);
  }
  return fetch(buildUrl(path, options.query), {
    method: options.method ?? 'GET',
    headers,
    body,
    credentials: 'same-origin',
    signal: options.signal,
  });
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  return apiErrorFromBody(response.status, response.statusText, text);
}

/** The ApiError for an error answer's status and body text (shared with the XHR upload helper). */
export function apiErrorFromBody(status: number, statusText: string, text: string): ApiError {
  const fallback = {
    status,
    code: (status >= 500 ? 'INTERNAL' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'CONFLICT') as TErrorCode,
    message: statusText || `HTTP ${status}`,
  };
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    if (typeof body.code !== 'string') return new ApiError(fallback);
    return new ApiError({
      status: typeof body.statusCode === 'number' ? body.statusCode : status,
      code: body.code as TErrorCode,
      message: typeof body.message === 'string' ? body.message : fallback.message,
      details: body.details,
      requestId: typeof body.requestId === 'string' ? body.requestId : undefined,
    });
  } catch {
    return new ApiError(fallback);
  }
}

async function sendOrNetworkError(path: string, options: RequestOptions): Promise<Response> {
  try {
    return await send(path, options);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: String(cause) });
  }
}

/** Calls the API under `/api`, renewing the session once when the access cookie has expired. */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await sendOrNetworkError(path, options);

  if (response.status === 401 && !NO_REFRESH_PATHS.has(path)) {
    const error = await toApiError(response);
    if (!RENEWABLE_CODES.has(error.code)) throw error;
    if (!(await refreshSession())) {
      config.onSessionLost(error);
      throw error;
    }
    response = await sendOrNetworkError(path, options);
  }

  if (response.status === 403 && !NO_REFRESH_PATHS.has(path)) {
    const error = await toApiError(response);
    // Deactivated while signed in: every further call would fail the same way.
    if (error.code === 'ACCOUNT_INACTIVE') config.onSessionLost(error);
    throw error;
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) =>
    apiFetch<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiFetch<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body: unknown) => apiFetch<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => apiFetch<T>(path, { method: 'PUT', body }),
  delete: <T = void>(path: string) => apiFetch<T>(path, { method: 'DELETE' }),
  /** Multipart upload: `fields` are added as text parts beside the file. */
  upload: <T>(path: string, file: File, fields: Record<string, string | undefined> = {}) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) form.append(key, value);
    }
    form.append('file', file);
    return apiFetch<T>(path, { method: 'POST', body: form });
  },
};
