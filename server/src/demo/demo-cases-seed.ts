import type { INestApplicationContext } from '@nestjs/common';
import { CreateContentSchema } from '@infraforum/shared';
import type { SessionUser } from '../common/session-user.js';
import { toSessionUser } from '../users/user.mapper.js';
import { CasesService } from '../cases/cases.service.js';
import { ContentRepository } from '../content/content.repository.js';
import { ContentService } from '../content/content.service.js';
import { ToolboxService } from '../toolbox/toolbox.service.js';
import { UserRepository } from '../users/user.repository.js';
import { DEMO_CASES } from './demo-cases.js';

const DAY = 24 * 60 * 60 * 1000;
const MODERATOR = 'moderator@kombit.dk';

/** Seeds the demo cases, who is working on the same, and the toolbox items; a second run adds nothing. */
export async function seedDemoCases(app: INestApplicationContext, now = new Date()): Promise<number> {
  const users = app.get(UserRepository);
  const content = app.get(ContentService);
  const cases = app.get(CasesService);
  const toolbox = app.get(ToolboxService);
  const repository = app.get(ContentRepository);
  const actor = async (email: string): Promise<SessionUser> => {
    const user = await users.findByEmail(email);
    if (!user) throw new Error(`Demo cases need the demo account ${email}`);
    return toSessionUser(user);
  };
  let created = 0;
  for (const demo of DEMO_CASES) {
    const author = await actor(demo.author);
    if (await repository.existsByAuthorAndTitle(author.id, demo.title)) continue;
    const input = CreateContentSchema.parse({
      kind: 'case',
      title: demo.title,
      body: demo.body,
      tags: demo.tags,
      visibility: demo.visibility,
      status: 'published',
      attributes: demo.attributes,
    });
    const item = await content.create(author, input);
    await repository.backdate(String(item.id), new Date(now.getTime() - demo.daysAgo * DAY), []);
    for (const mark of demo.workingOn) {
      await cases.mark(await actor(mark.email), String(item.id), { showContact: mark.showContact, note: mark.note });
    }
    if (demo.toolbox) {
      await toolbox.addItem(
        await actor(MODERATOR),
        demo.toolbox.section,
        { contentId: item.id, description: demo.toolbox.description },
        {},
      );
    }
    created += 1;
  }
  return created;
}
