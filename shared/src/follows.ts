import { z } from 'zod';

// ---- Following and e-mail settings ----

/** Content (a question, a case, a webinar…), a catalog component, a tag, or a toolbox section. */
export const SUBSCRIPTION_TYPES = ['content', 'component', 'tag', 'toolbox_section'] as const;
export const SubscriptionType = z.enum(SUBSCRIPTION_TYPES, {
  error: 'Vælg hvad du vil følge: content, component, tag eller toolbox_section',
});
export type SubscriptionType = z.infer<typeof SubscriptionType>;
export const SUBSCRIPTION_TYPE_LABELS: Record<SubscriptionType, string> = {
  content: 'Indhold',
  component: 'Komponent',
  tag: 'Emneord',
  toolbox_section: 'Afsnit i Værktøjskassen',
};

export const SubscriptionTargetSchema = z.strictObject({
  type: SubscriptionType,
  /** The content's id, the component's or section's slug, or the tag. */
  key: z
    .union([z.string(), z.number()], { error: 'Angiv hvad du vil følge' })
    .transform((value) => String(value).trim().toLowerCase())
    .pipe(
      z
        .string()
        .min(1, { error: 'Angiv hvad du vil følge' })
        .max(100, { error: 'Nøglen må højst være på 100 tegn' })
        .regex(/^[a-z0-9æøå-]+$/, { error: 'Ukendt nøgle' }),
    ),
});
export type SubscriptionTarget = z.output<typeof SubscriptionTargetSchema>;
export type SubscriptionTargetInput = z.input<typeof SubscriptionTargetSchema>;

export const SUBSCRIPTIONS_MAX = 500;
export const PutSubscriptionsSchema = z.strictObject({
  items: z
    .array(SubscriptionTargetSchema, { error: 'items skal være en liste' })
    .max(SUBSCRIPTIONS_MAX, { error: `Du kan højst følge ${SUBSCRIPTIONS_MAX} ting` }),
});

export const SubscriptionSchema = z.object({
  type: SubscriptionType,
  key: z.string(),
  /** What it is called now (the content's title, the component's name, #tag, the section's title). */
  title: z.string(),
  path: z.string(),
  createdAt: z.string(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;
export const SubscriptionListSchema = z.object({ items: z.array(SubscriptionSchema) });
export type SubscriptionList = z.infer<typeof SubscriptionListSchema>;

export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export const DigestFrequency = z.enum(DIGEST_FREQUENCIES, { error: 'Vælg hvor ofte: aldrig, dagligt eller ugentligt' });
export type DigestFrequency = z.infer<typeof DigestFrequency>;
export const DIGEST_LABELS: Record<DigestFrequency, string> = { off: 'Aldrig', daily: 'Dagligt', weekly: 'Ugentligt (mandag)' };

export const NotificationSettingsSchema = z.strictObject({
  /** Mail at once about what concerns oneself: a reply to one's question, an accepted answer, a status change… */
  emailImmediate: z.boolean({ error: 'Vælg om du vil have e-mails med det samme' }),
  /** A digest of what is new in what one follows. */
  digest: DigestFrequency,
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

export const UnsubscribeSchema = z.strictObject({ token: z.string({ error: 'Linket er ugyldigt' }).min(10).max(400) });
export const UnsubscribeResultSchema = z.object({
  /** What the link turned off. */
  scope: z.enum(['immediate', 'digest']),
  settings: NotificationSettingsSchema,
});
export type UnsubscribeResult = z.infer<typeof UnsubscribeResultSchema>;
