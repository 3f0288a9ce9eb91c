import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a caller's X-Request-Id may look like to be kept (it fits audit_log.request_id and logs safely). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's request id when it is short and plain, else a fresh one; never the raw header. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** pino-http's genReqId: the id is echoed back, so a client can quote it when reporting a problem. */
export function generateRequestId(req: IncomingMessage, res: ServerResponse): string {
  const id = requestIdFrom(req.headers['x-request-id']);
  res.setHeader('X-Request-Id', id);
  return id;
}
