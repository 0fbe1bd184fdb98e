import type { INestApplicationContext } from '@nestjs/common';
import { CreateContentSchema } from '@infraforum/shared';
import type { SessionUser } from '../common/session-user.js';
import { ContentRepository } from '../content/content.repository.js';
import { ContentService } from '../content/content.service.js';
import { ReplyService } from '../content/reply.service.js';
import { toSessionUser } from '../users/user.mapper.js';
import { UserRepository } from '../users/user.repository.js';
import { DEMO_GUIDES, DEMO_QUESTIONS } from './demo-content.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Seeds the demo guides and questions through the same services the API uses (validation, rendering, access rules),
 * then dates them back. Idempotent: an item its author already wrote (same title) is skipped.
 */
export async function seedDemoContent(app: INestApplicationContext, now = new Date()): Promise<number> {
  const users = app.get(UserRepository);
  const content = app.get(ContentService);
  const replies = app.get(ReplyService);
  const repository = app.get(ContentRepository);
  const cache = new Map<string, SessionUser>();
  const actor = async (email: string): Promise<SessionUser> => {
    const cached = cache.get(email);
    if (cached) return cached;
    const user = await users.findByEmail(email);
    if (!user) throw new Error(`Demo content needs the demo account ${email}`);
    const session = toSessionUser(user);
    cache.set(email, session);
    return session;
  };
  const daysAgo = (days: number, offsetMinutes = 0) => new Date(now.getTime() - days * DAY + offsetMinutes * 60_000);
  let created = 0;

  for (const guide of DEMO_GUIDES) {
    const author = await actor(guide.author);
    if (await repository.existsByAuthorAndTitle(author.id, guide.title)) continue;
    const { title, body, tags, components, visibility, attributes } = guide;
    const input = CreateContentSchema.parse({ kind: 'guide', title, body, tags, components, visibility, attributes, status: 'published' });
    const item = await content.create(author, input);
    await repository.backdate(String(item.id), daysAgo(guide.daysAgo), []);
    created += 1;
  }

  for (const question of DEMO_QUESTIONS) {
    const author = await actor(question.author);
    if (await repository.existsByAuthorAndTitle(author.id, question.title)) continue;
    const { title, body, tags, components, visibility } = question;
    const input = CreateContentSchema.parse({ kind: 'question', title, body, tags, components, visibility, status: 'published' });
    const item = await content.create(author, input);
    const dated: { id: string; createdAt: Date }[] = [];
    for (const [index, answer] of question.answers.entries()) {
      const reply = await replies.create(await actor(answer.author), String(item.id), answer.body);
      dated.push({ id: String(reply.id), createdAt: daysAgo(answer.daysAgo, index) });
      for (const email of answer.voters?.up ?? []) await replies.voteOnReply(await actor(email), String(reply.id), 1);
      for (const email of answer.voters?.down ?? []) await replies.voteOnReply(await actor(email), String(reply.id), -1);
      if (answer.accepted) await replies.accept(author, String(reply.id));
    }
    for (const email of question.voters?.up ?? []) await replies.voteOnContent(await actor(email), String(item.id), 1);
    for (const email of question.voters?.down ?? []) await replies.voteOnContent(await actor(email), String(item.id), -1);
    await repository.backdate(String(item.id), daysAgo(question.daysAgo), dated);
    created += 1;
  }
  return created;
}
