/**
 * The one way the web app talks to the server: JSON in and out, the session cookie sent along,
 * and every non-2xx answer turned into an ApiError carrying the server's error code.
 */

export const API_BASE = '/api/v1';

/** An error answered by the server (`{"error":{"code","message","details"?}}`) or the network. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Codes that mean "log in again" rather than "this request was wrong". */
const SESSION_ENDED_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

type SessionEndedHandler = (error: ApiError) => void;
let sessionEndedHandler: SessionEndedHandler = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** Replace what happens when the session has ended (the auth provider routes to /login). */
export function onSessionEnded(handler: SessionEndedHandler): void {
  sessionEndedHandler = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** A multipart body (file uploads); the browser sets its content type and boundary. */
  form?: FormData;
  /** Login and the session probe handle a 401 themselves instead of redirecting. */
  isSessionProbe?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `Idempotency-Key` on the benefits writes). */
  headers?: Record<string, string>;
}

/** `?a=1&b=x`, leaving out empty values so that unset filters are not sent. */
export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readErrorBody(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : error.code;
    return new ApiError(response.status, error.code, message, error.details);
  }
  return new ApiError(response.status, `HTTP_${response.status}`, response.statusText || `HTTP ${response.status}`);
}

/** Fetches, turning a network failure and every non-2xx answer into an ApiError. */
async function send(url: string, init: RequestInit, options: RequestOptions): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试');
  }
  if (!response.ok) {
    const error = await readErrorBody(response);
    if (response.status === 401 && SESSION_ENDED_CODES.has(error.code) && !options.isSessionProbe) {
      sessionEndedHandler(error);
    }
    throw error;
  }
  return response;
}

/** The file name a download answer proposes (RFC 6266 `filename*=UTF-8''…` first). */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // A malformed escape falls through to the plain name.
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1]?.trim() || fallback;
}

/**
 * Fetches a file from `/api/v1<path>` (an export, a rejects list) as a Blob with the name the
 * server proposes; failures arrive as ApiError, so the page can show the reason.
 */
export async function apiDownload(
  path: string,
  query: Record<string, QueryValue> | undefined,
  fallbackName: string,
): Promise<{ blob: Blob; fileName: string }> {
  const init: RequestInit = { method: 'GET', credentials: 'same-origin', headers: { Accept: '*/*' } };
  const response = await send(`${API_BASE}${path}${toQueryString(query)}`, init, {});
  return {
    blob: await response.blob(),
    fileName: fileNameFromDisposition(response.headers.get('content-disposition'), fallbackName),
  };
}

/** Send one request to `/api/v1<path>` and return the parsed JSON answer. */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const init: RequestInit = { method, headers, credentials: 'same-origin', signal: options.signal };
  if (options.form !== undefined) {
    init.body = options.form;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const response = await send(`${API_BASE}${path}${toQueryString(options.query)}`, init, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, options?: RequestOptions) =>
    apiRequest<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  /** POST a multipart form (a file upload). */
  upload: <T>(path: string, form: FormData) => apiRequest<T>('POST', path, { form }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};
