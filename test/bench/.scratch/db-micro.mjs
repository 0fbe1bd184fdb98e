import { readFileSync } from 'node:fs';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../../server/dist/database/embedded-postgres.js';
import { ContentRepository } from '../../../server/dist/content/content.repository.js';
import { contentReadScope } from '../../../server/dist/common/access-policy.js';

const cpu = (pids) => pids.reduce((t, pid) => { try { const s = readFileSync(`/proc/${pid}/stat`, 'utf8'); const f = s.slice(s.lastIndexOf(')') + 2).split(' '); return t + Number(f[11]) + Number(f[12]); } catch { return t; } }, 0) / 100;
const kids = (parent) => { const fs = require_fs(); return fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e)).filter((e) => { try { const s = fs.readFileSync(`/proc/${e}/stat`, 'utf8'); return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]) === parent; } catch { return false; } }).map(Number); };
import * as fsmod from 'node:fs'; const require_fs = () => fsmod;

const handle = await startEmbeddedPostgres({ dir: '/tmp/infraforum-bench-data/postgres' });
const postmaster = Number(readFileSync('/tmp/infraforum-bench-data/postgres/pgdata/postmaster.pid', 'utf8').split('\n')[0]);
const pool = new pg.Pool({ connectionString: handle.url, max: 16 });
const ids = (await pool.query(`SELECT id FROM content WHERE kind='question' AND status='published' AND visibility='public' ORDER BY md5(id::text) LIMIT 200`)).rows.map((r) => String(r.id));
const scope = contentReadScope(undefined);

async function run(name, work, seconds = 6, concurrency = 16) {
  // warm
  await Promise.all(Array.from({ length: concurrency }, async () => { const end = Date.now() + 1000; while (Date.now() < end) await work(); }));
  const pids = [postmaster, ...kids(postmaster)];
  const before = cpu(pids); const me = process.cpuUsage(); const t0 = Date.now(); let n = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => { const end = t0 + seconds * 1000; while (Date.now() < end) { await work(); n++; } }));
  const secs = (Date.now() - t0) / 1000; const mine = process.cpuUsage(me);
  const pgcpu = cpu([postmaster, ...kids(postmaster)]) - before;
  console.log(`${name.padEnd(48)} ${(n / secs).toFixed(0).padStart(6)} ops/s  PG ${(pgcpu / secs * 100).toFixed(0)}% = ${(pgcpu / n * 1000).toFixed(3)} ms/op  client ${((mine.user + mine.system) / 1e6 / n * 1000).toFixed(3)} ms/op`);
}
const pick = () => ids[Math.floor(Math.random() * ids.length)];
const shim = (named) => ({ manager: { query: async (sql, params) => (await pool.query(named ? { name: 'q' + hash(sql), text: sql, values: params } : sql, params)).rows } });
const hash = (s) => { let h = 0; for (const c of s) h = (h * 31 + c.charCodeAt(0)) | 0; return (h >>> 0).toString(36); };
const repo = new ContentRepository(shim(false));
const prepared = new ContentRepository(shim(true));
const detail = (r) => async () => { const id = pick(); await r.findVisible(id, scope, null); await r.listReplies(id, { viewerId: null, includeHiddenOf: 'none', limit: 100, offset: 0 }); };
const list = (r) => () => r.list(scope, { kind: 'question', sort: 'newest', limit: 20, offset: 0 });
await run('SELECT 1', () => pool.query('SELECT 1'));
await run('detail reads (item + replies + count), as now', detail(repo));
await run('detail reads, prepared statements', detail(prepared));
await run('findVisible only', () => repo.findVisible(pick(), scope, null));
await run('findVisible only, prepared', () => prepared.findVisible(pick(), scope, null));
await run('list kind=question (rows + count), as now', list(repo));
await run('list kind=question, prepared', list(prepared));
await pool.end(); await handle.stop();
