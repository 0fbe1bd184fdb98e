import type { INestApplicationContext } from '@nestjs/common';
import { CreateContentSchema } from '@infraforum/shared';
import type { SessionUser } from '../common/session-user.js';
import { ContentRepository } from '../content/content.repository.js';
import { ContentService } from '../content/content.service.js';
import { ReplyService } from '../content/reply.service.js';
import { DialogueService } from '../dialogue/dialogue.service.js';
import { toSessionUser } from '../users/user.mapper.js';
import { UserRepository } from '../users/user.repository.js';
import { WebinarRepository } from '../webinars/webinar.repository.js';
import { DEMO_DIALOGUE, DEMO_EVALUATION, DEMO_SUGGESTIONS, DEMO_WEBINAR } from './demo-webinar.js';

/**
 * Seeds the webinar of 2 November 2023 (held), its dialogue questions with the answers given on the day,
 * its evaluation statements, and the nine topic suggestions from its closing question, through the same
 * services the API uses. Idempotent: an item its author already wrote (same title) is skipped.
 */
export async function seedDemoWebinar(app: INestApplicationContext): Promise<number> {
  const users = app.get(UserRepository);
  const content = app.get(ContentService);
  const replies = app.get(ReplyService);
  const repository = app.get(ContentRepository);
  const webinars = app.get(WebinarRepository);
  const dialogue = app.get(DialogueService);
  const actor = async (email: string): Promise<SessionUser> => {
    const user = await users.findByEmail(email);
    if (!user) throw new Error(`The demo webinar needs the demo account ${email}`);
    return toSessionUser(user);
  };
  let created = 0;

  const moderator = await actor(DEMO_WEBINAR.author);
  if (!(await repository.existsByAuthorAndTitle(moderator.id, DEMO_WEBINAR.title))) {
    const { title, body, tags, components, series, startsAt, endsAt, hosts, programme, recap } = DEMO_WEBINAR;
    const input = CreateContentSchema.parse({
      kind: 'webinar',
      title,
      body,
      tags,
      components,
      visibility: 'public',
      status: 'published',
      attributes: { series, startsAt, endsAt, hosts, programme, recap, status: 'held' },
    });
    const webinar = await content.create(moderator, input);
    const id = String(webinar.id);
    for (const question of DEMO_DIALOGUE) {
      await dialogue.importQuestion(id, {
        kind: 'open',
        prompt: question.prompt,
        answers: question.answers,
        answeredAt: new Date(DEMO_WEBINAR.startsAt),
      });
    }
    for (const statement of DEMO_EVALUATION) {
      await dialogue.importQuestion(id, { kind: 'likert', prompt: statement, answers: [], answeredAt: new Date(DEMO_WEBINAR.endsAt) });
    }
    const announced = new Date('2023-10-09T09:00:00+02:00');
    await repository.backdate(id, announced, []);
    await webinars.backdateTimeline(id, new Date(DEMO_WEBINAR.endsAt));
    created += 1;
  }

  // Written in the last minutes of the webinar, a minute apart.
  const suggestedAt = (index: number) => new Date(new Date('2023-11-02T11:52:00+01:00').getTime() + index * 60_000);
  for (const [index, suggestion] of DEMO_SUGGESTIONS.entries()) {
    const author = await actor(suggestion.author);
    if (await repository.existsByAuthorAndTitle(author.id, suggestion.title)) continue;
    const input = CreateContentSchema.parse({
      kind: 'suggestion',
      title: suggestion.title,
      body: suggestion.body,
      tags: ['infrastruktur-i-praksis'],
      visibility: 'members',
      status: 'published',
      attributes: { contact: { name: author.name, email: author.email, shownTo: 'moderators' } },
    });
    const item = await content.create(author, input);
    for (const email of suggestion.voters) await replies.voteOnContent(await actor(email), String(item.id), 1);
    await repository.backdate(String(item.id), suggestedAt(index), []);
    await webinars.backdateTimeline(String(item.id), suggestedAt(index));
    created += 1;
  }
  return created;
}
