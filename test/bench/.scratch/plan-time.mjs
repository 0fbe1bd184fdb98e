import pg from 'pg';
import { startEmbeddedPostgres } from '../../../server/dist/database/embedded-postgres.js';
import { ContentRepository } from '../../../server/dist/content/content.repository.js';
import { contentReadScope } from '../../../server/dist/common/access-policy.js';
const handle = await startEmbeddedPostgres({ dir: '/tmp/infraforum-bench-data/postgres' });
const client = new pg.Client({ connectionString: handle.url }); await client.connect();
const ids = (await client.query(`SELECT id FROM content WHERE kind='question' AND status='published' AND visibility='public' ORDER BY md5(id::text) LIMIT 50`)).rows.map((r) => String(r.id));
const recorded = [];
const repo = new ContentRepository({ manager: { query: async (sql, params) => { recorded.push({ sql, params }); return (await client.query(sql, params)).rows; } } });
await repo.findVisible(ids[0], contentReadScope(undefined), null);
await repo.listReplies(ids[0], { viewerId: null, includeHiddenOf: 'none', limit: 100, offset: 0 });
await repo.list(contentReadScope(undefined), { kind: 'question', sort: 'newest', limit: 20, offset: 0 });
const [find, replies, replyCount, listPage, listCount] = recorded;
async function timing(name, sql, params) {
  const plan = [], exec = [];
  for (let i = 0; i < 40; i++) {
    const p = params.map((v) => (v === ids[0] ? ids[i % ids.length] : v));
    const rows = (await client.query(`EXPLAIN (ANALYZE, SUMMARY) ${sql}`, p)).rows.map((r) => r['QUERY PLAN']);
    plan.push(Number(/([\d.]+) ms/.exec(rows.find((l) => l.startsWith('Planning Time')))[1]));
    exec.push(Number(/([\d.]+) ms/.exec(rows.find((l) => l.startsWith('Execution Time')))[1]));
  }
  const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(`${name.padEnd(60)} planning ${med(plan).toFixed(3)} ms  execution ${med(exec).toFixed(3)} ms`);
}
await timing('findVisible', find.sql, find.params);
await timing('findVisible without json_agg components', find.sql.replace(/COALESCE\(\(\s*SELECT json_agg[\s\S]*?\), '\[\]'::json\) AS components/, `'[]'::json AS components`), find.params);
await timing('findVisible without duplicate_of join', find.sql.replace(/LEFT JOIN content d ON d.id = c.duplicate_of_id AND d.deleted_at IS NULL/, '').replace(/d\.title AS duplicate_of_title, d\.slug AS duplicate_of_slug, d\.kind AS duplicate_of_kind,/, ''), find.params);
await timing('listReplies page', replies.sql, replies.params);
await timing('listReplies count', replyCount.sql, replyCount.params);
await timing('list page (kind=question newest)', listPage.sql, listPage.params);
await timing('list count (kind=question)', listCount.sql, listCount.params);
console.log((await client.query(`SELECT pg_size_pretty(pg_relation_size('content')) content_heap, pg_size_pretty(pg_total_relation_size('content')) content_total, pg_size_pretty(pg_relation_size('reply')) reply_heap, pg_size_pretty(pg_total_relation_size('reply')) reply_total, current_setting('shared_buffers') sb, current_setting('jit') jit`)).rows[0]);
console.log((await client.query(`SELECT count(*) FILTER (WHERE kind='question' AND status='published' AND visibility='public' AND deleted_at IS NULL) AS anon_questions FROM content`)).rows[0]);
await client.end(); await handle.stop();
