import http from 'node:http';
import { spawn } from 'node:child_process';
const child = spawn(process.execPath, ['test/bench/bare-server.mjs'], { env: { ...process.env, BODY_BYTES: '5300' }, stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise((r) => child.stdout.on('data', (d) => { const m = /PORT (\d+)/.exec(String(d)); if (m) r(Number(m[1])); }));
const url = `http://127.0.0.1:${port}/api/content/1`;
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const viaHttp = () => new Promise((resolve, reject) => http.get(url, { agent }, (res) => { let b = ''; res.setEncoding('utf8'); res.on('data', (c) => (b += c)); res.on('end', () => resolve(JSON.parse(b))); }).on('error', reject));
const viaFetch = async () => { const req = new Request(url, { headers: { 'x-forwarded-for': '127.0.0.1' } }); const r = await fetch(req); return r.json(); };
async function run(name, fn) {
  for (let i = 0; i < 500; i++) await fn();
  const cpu = process.cpuUsage(); const t = Date.now(); let n = 0;
  await Promise.all(Array.from({ length: 16 }, async () => { while (Date.now() - t < 5000) { await fn(); n++; } }));
  const used = process.cpuUsage(cpu);
  console.log(`${name.padEnd(28)} ${(n / 5).toFixed(0)} req/s, client CPU ${((used.user + used.system) / 1000 / n).toFixed(3)} ms per request`);
}
await run('fetch (undici, Request obj)', viaFetch);
await run('http.get keep-alive agent', viaHttp);
await run('fetch (undici, Request obj)', viaFetch);
await run('http.get keep-alive agent', viaHttp);
child.kill(); agent.destroy();
