import { createServer } from 'node:http';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { DepartmentsRepository } from '../src/modules/departments/departments.repository';

/**
 * The comparison server: bare node:http + a pg pool of the same size as the app's, answering GET /departments with
 * the very query the API runs (DepartmentsRepository.findAll, called through a one-line stand-in for TypeORM's
 * DataSource), as JSON. No framework, no authentication, no logging, no security headers.
 * Usage: node bare-server.js <port> (DATABASE_URL, DATABASE_POOL_SIZE from the environment).
 */
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});
const dataSource = { query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows };
const repository = new DepartmentsRepository(dataSource as unknown as DataSource);

const server = createServer((req, res) => {
  if (req.method !== 'GET' || req.url !== '/departments') {
    res.writeHead(404).end();
    return;
  }
  repository.findAll(null).then(
    (rows) => {
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
