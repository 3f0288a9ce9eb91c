import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { readSeedDocument, scaledDocument } from '../../bench/synthetic-document';
import { serializeDocument } from '../../src/modules/imports/imports.service';
import { createScratchDatabase, ScratchDatabase, serverUrl } from '../setup/test-database';
import { ensureCompiledServer, RunningServer, startCompiledServer } from './compiled-server';

/** Large enough that the import's one transaction lasts long enough to be killed in the middle. */
const INDICATORS = 1000;
const DEMO_PASSWORD = 'Jixiao@2025';

/**
 * kill -9 of the compiled server (`node backend/dist/main.js`) while it imports a budget document, then a restart
 * on the same database: the department is either there in full (byte-identical export) or not at all.
 * Embedded mode: a temporary DATA_DIR; with DATABASE_URL: a scratch database on that server.
 */
describe('kill -9 during an import', () => {
  let skip: string | undefined;
  let dataDir: string | undefined;
  let scratch: ScratchDatabase | undefined;
  let env: Record<string, string | undefined>;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    skip = await ensureCompiledServer();
    if (skip) return;
    if (serverUrl()) {
      scratch = await createScratchDatabase('jixiao_kill');
      env = { DATABASE_URL: scratch.connection.url };
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'jixiao-kill-'));
      env = { DATABASE_URL: undefined, DATA_DIR: dataDir };
    }
  }, 240_000);

  afterAll(async () => {
    server?.process.kill('SIGKILL');
    await scratch?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const login = async (url: string): Promise<string> => {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: process.env.DEMO_PASSWORD ?? DEMO_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`admin login: ${res.status} ${await res.text()}`);
    return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
  };

  const upload = (url: string, bearer: string, text: string): Promise<Response> => {
    const form = new FormData();
    form.append('file', new Blob([text], { type: 'application/json' }), 'document.json');
    return fetch(`${url}/api/imports`, { method: 'POST', headers: { authorization: bearer }, body: form });
  };

  /** On a server, the import's transaction holds this advisory lock from its first statement to its commit. */
  const waitForImportLock = async (code: string, timeoutMs: number): Promise<boolean> => {
    const client = new Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
        const { rows } = await client.query(
          `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid::int = hashtext($1)`,
          [`import:${code}:2025`],
        );
        if (rows.length) return true;
        await new Promise((r) => setTimeout(r, 10));
      }
      return false;
    } finally {
      await client.end();
    }
  };

  it('should hold all of the import or none of it after a restart', async () => {
    if (skip) {
      process.stdout.write(`SKIPPED kill -9 during an import: ${skip}\n`);
      return;
    }
    const seed = readSeedDocument();
    const calibration = scaledDocument(seed, '9100000001', INDICATORS);
    const victim = scaledDocument(seed, '9100000002', INDICATORS);
    const victimText = serializeDocument(victim);

    server = await startCompiledServer(env);
    let bearer = await login(server.url);
    // How long one import of this size takes here, to aim the kill at the middle of the next one.
    const calibrationStart = Date.now();
    expect((await upload(server.url, bearer, serializeDocument(calibration))).status).toBe(201);
    const importMs = Date.now() - calibrationStart;

    const sentAt = Date.now();
    const pending = upload(server.url, bearer, victimText).then(
      (res) => `answered ${res.status}`,
      () => 'no answer',
    );
    // On a server: the moment the transaction is seen open. Embedded (nothing to watch from outside): half-way.
    const lockSeen = env.DATABASE_URL ? await waitForImportLock('9100000002', importMs * 3) : undefined;
    if (!env.DATABASE_URL) await new Promise((r) => setTimeout(r, importMs / 2));
    const killedAfter = Date.now() - sentAt;
    server.process.kill('SIGKILL');
    const { signal } = await server.exited;
    expect(signal).toBe('SIGKILL');
    const outcome = await pending;
    // Killed mid-import: the request never got its answer (on a server: while the transaction was open).
    expect(outcome).toBe('no answer');
    if (env.DATABASE_URL) expect(lockSeen).toBe(true);

    server = await startCompiledServer(env);
    bearer = await login(server.url);
    const exported = await fetch(`${server.url}/api/departments/9100000002/years/2025/export`, {
      headers: { authorization: bearer },
    });
    const departments = (await (
      await fetch(`${server.url}/api/departments`, { headers: { authorization: bearer } })
    ).json()) as { code: string }[];
    if (exported.status === 404) {
      expect(departments.map((d) => d.code)).not.toContain('9100000002');
    } else {
      expect(exported.status).toBe(200);
      expect(await exported.text()).toBe(victimText);
    }
    process.stdout.write(
      `kill -9 ${killedAfter} ms into an import that takes ${importMs} ms: after the restart ${exported.status === 404 ? 'none' : 'all'} of it\n`,
    );
    // The database still takes the same import whole afterwards.
    expect((await upload(server.url, bearer, victimText)).status).toBe(201);
  }, 300_000);
});
