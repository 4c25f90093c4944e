import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const SANE_ID = /^[\w.-]{1,100}$/;

/**
 * The id of a request: the load balancer's `x-request-id` when it looks sane (so one request can
 * be followed across processes), else a new UUID. Assigned once, before the body is parsed, so a
 * body-parser error carries it too; the logger reuses it.
 */
export function requestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  res.setHeader('x-request-id', id);
  return id;
}
