#!/usr/bin/env node
// @ts-check
/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, e.g. from `content-bench.mjs --cpu-prof DIR`): the functions with the
 * most self time, and self time per package (node_modules/<name>, node: internals, the app's own dist files).
 *
 *   node test/bench/cpu-profile-summary.mjs FILE.cpuprofile [--top 30] [--from 12.5] [--to 40]
 *
 * --from/--to keep only the samples between those seconds after the profile started (content-bench.mjs prints when
 * each measured run began), so start-up and other routes are left out.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/**
 * @typedef {object} ProfileNode
 * @property {number} id
 * @property {{ functionName: string, url: string, lineNumber: number }} callFrame
 * @property {number[]} [children]
 */

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' }, from: { type: 'string', default: '0' }, to: { type: 'string' } },
});
const top = Number(values.top);
const fromUs = Number(values.from) * 1e6;
const toUs = values.to === undefined ? Infinity : Number(values.to) * 1e6;
if (positionals.length === 0) {
  console.error('Usage: node test/bench/cpu-profile-summary.mjs FILE.cpuprofile [--top 30]');
  process.exit(2);
}

/** Where a function comes from: a package, a Node internal, the app's own code, or V8 itself. @param {string} url */
function origin(url) {
  if (url === '') return '(v8)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  const app = /\/(server\/dist|web\/build|shared\/dist)\/(.*)$/.exec(url);
  return app ? `${app[1]}/${app[2]?.split('/')[0]}` : url;
}

for (const file of positionals) {
  /** @type {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[], startTime: number, endTime: number }} */
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  /** @type {Map<number, number>} */
  const selfTime = new Map();
  let at = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (at >= fromUs && at <= toUs) selfTime.set(id, (selfTime.get(id) ?? 0) + delta);
  });
  const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfTime.entries()]
    .filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)')
    .reduce((sum, [, time]) => sum + time, 0);
  const busy = total - idle;

  /** @type {Map<string, number>} */
  const byFunction = new Map();
  /** @type {Map<string, number>} */
  const byOrigin = new Map();
  for (const [id, time] of selfTime) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    const where = frame.url
      ? `${frame.url.replace(/^file:\/\/.*?\/(node_modules|server\/dist|web\/build)\//, '$1/')}:${frame.lineNumber + 1}`
      : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + time);
    const from = frame.url ? origin(frame.url) : frame.functionName;
    byOrigin.set(from, (byOrigin.get(from) ?? 0) + time);
  }
  // Inclusive: a sample counts for every origin with at least one frame on its stack (who calls whom, roughly).
  /** @type {Map<number, number>} */
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  /** @type {Map<string, number>} */
  const inclusive = new Map();
  for (const [id, time] of selfTime) {
    if (byId.get(id)?.callFrame.functionName === '(idle)') continue;
    const seen = new Set();
    for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame?.url) seen.add(origin(frame.url));
    }
    for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + time);
  }
  /** @param {Map<string, number>} map */
  const ranked = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  /** @param {number} us */
  const pct = (us) => `${((us / busy) * 100).toFixed(1).padStart(5)} %`;

  console.log(`\n${file}`);
  console.log(
    `${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (${((busy / total) * 100).toFixed(0)} %); shares below are of busy time`,
  );
  console.log('\nSelf time by package / origin:');
  for (const [name, time] of ranked(byOrigin)) console.log(`${pct(time)}  ${(time / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  console.log('\nInclusive time by package / origin (a frame of it anywhere on the stack):');
  for (const [name, time] of ranked(inclusive)) console.log(`${pct(time)}  ${(time / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  console.log('\nSelf time by function:');
  for (const [name, time] of ranked(byFunction)) console.log(`${pct(time)}  ${(time / 1000).toFixed(0).padStart(7)} ms  ${name}`);
}
