// @ts-check
/**
 * The ceiling for the content benchmark: a bare Node `http` server answering every request with one fixed JSON body
 * (BODY_BYTES, about the size of a content detail). Listens on 127.0.0.1, a free port, and prints it as `PORT <n>`.
 */
import http from 'node:http';

const size = Number(process.env.BODY_BYTES ?? 1024);
const item = {
  id: 1,
  kind: 'question',
  slug: 'context-handler-giver-timeouts-efter-opdateringen',
  path: '/spoergsmaal/1-context-handler-giver-timeouts-efter-opdateringen',
  title: 'Context Handler giver timeouts efter opdateringen',
  status: 'published',
  visibility: 'public',
  tags: ['certifikater', 'nedbrud'],
  score: 3,
  replyCount: 2,
  body: '',
};
// Pad the body so the whole JSON document is `size` bytes.
item.body = 'x'.repeat(Math.max(0, size - Buffer.byteLength(JSON.stringify(item))));
const body = Buffer.from(JSON.stringify(item));

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`PORT ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
