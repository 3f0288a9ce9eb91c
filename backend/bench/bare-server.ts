import { createSecretKey } from 'node:crypto';
import { createServer, IncomingMessage } from 'node:http';
import { verify } from 'jsonwebtoken';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { readAuthConfig } from '../src/config/auth.config';
import { SessionsRepository } from '../src/modules/auth/sessions.repository';
import { DepartmentsRepository } from '../src/modules/departments/departments.repository';

/**
 * The comparison server: bare node:http + a pg pool of the same size as the app's, answering GET /departments with
 * the very query the API runs (DepartmentsRepository.findAll, called through a one-line stand-in for TypeORM's
 * DataSource), as JSON. No framework, no logging, no security headers; no authentication either, unless
 * BARE_AUTH=1: then the same check as the app's guard (the bearer token verified, its session looked up with the
 * app's own SessionsRepository query), to tell the cost of the framework from the cost of checking sessions.
 * GET /me answers the checked actor: the session check alone, against the API's GET /api/auth/me.
 * Usage: node bare-server.js <port> (DATABASE_URL, DATABASE_POOL_SIZE, JWT_SECRET, BARE_AUTH from the environment).
 */
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});
const dataSource = { query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows };
const repository = new DepartmentsRepository(dataSource as unknown as DataSource);
const authConfig = readAuthConfig();
const sessions = new SessionsRepository(dataSource as unknown as DataSource, authConfig);
const key = createSecretKey(Buffer.from(authConfig.jwtSecret));

/** The actor of the request's open session (BARE_AUTH=1), an empty one when auth is off, else undefined. */
async function authorized(req: IncomingMessage): Promise<object | undefined> {
  if (process.env.BARE_AUTH !== '1') return {};
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !token) return undefined;
  try {
    const payload = verify(token, key, { algorithms: ['HS256'] }) as { sub: string; sid: string };
    return await sessions.findActiveActor(payload.sid, payload.sub);
  } catch {
    return undefined;
  }
}

const server = createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200).end('ok');
    return;
  }
  // /me: the session check alone, answering the actor (the API's GET /api/auth/me).
  if (req.method !== 'GET' || (req.url !== '/departments' && req.url !== '/me')) {
    res.writeHead(404).end();
    return;
  }
  authorized(req)
    .then(async (actor) =>
      actor && req.url === '/me' ? actor : actor ? repository.findAll(null) : undefined,
    )
    .then(
      (rows) => {
        if (!rows) {
          res.writeHead(401).end();
          return;
        }
        const body = JSON.stringify(rows);
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
      },
      (error: unknown) => {
        res.writeHead(500).end(String(error));
      },
    );
});
server.listen(Number(process.argv[2] ?? 3999), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
