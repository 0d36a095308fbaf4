import { z } from 'zod';

export const ITEM_TYPES = ['chart', 'file', 'note', 'analysis'] as const;

const MAX_TAGS = 50;

const Title = z.string().trim().min(1, 'must not be empty').max(200);
const Content = z.record(z.string(), z.unknown()).describe('The item itself: a chart spec, a note’s text, …');
const Timestamp = z.string().describe('ISO 8601 timestamp');
// No commas: the list filter takes tags as a comma-separated list.
const Tag = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(50)
  .regex(/^[^,]*$/, 'must not contain a comma');
const dedupe = (tags: string[]) => [...new Set(tags)];

const Tags = z
  .array(Tag)
  .transform(dedupe)
  .pipe(z.array(z.string()).max(MAX_TAGS, `at most ${MAX_TAGS} different tags`))
  .describe(`Up to ${MAX_TAGS} short labels, trimmed; duplicates are dropped`);

const MessageId = z.guid().nullable().describe('The chat message (one of yours) the item came from');

export const WorkspaceItem = z
  .object({
    id: z.guid(),
    item_type: z.enum(ITEM_TYPES),
    title: z.string(),
    content: Content,
    tags: z.array(z.string()),
    created_from_message_id: z.guid().nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: 'WorkspaceItem' });

export const WorkspaceItemList = z
  .object({
    items: z.array(WorkspaceItem),
    next_cursor: z.string().nullable().describe('Pass as cursor to get the next page; null on the last page'),
  })
  .meta({ id: 'WorkspaceItemList' });

export const ListWorkspaceItemsQuery = z.object({
  item_type: z.enum(ITEM_TYPES).optional(),
  tags: z
    .string()
    .max(MAX_TAGS * 52)
    .transform((list) =>
      dedupe(
        list
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      ),
    )
    .pipe(z.array(Tag).max(MAX_TAGS))
    .optional()
    .describe('Comma-separated; only items that carry every one of them'),
  q: z.string().trim().min(1).max(200).optional().describe('Search in titles'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});

export const CreateWorkspaceItemBody = z.object({
  item_type: z.enum(ITEM_TYPES),
  title: Title,
  content: Content.default({}),
  tags: Tags.default([]),
  created_from_message_id: MessageId.optional(),
});

export const UpdateWorkspaceItemBody = z
  .object({
    item_type: z.enum(ITEM_TYPES).optional(),
    title: Title.optional(),
    content: Content.optional(),
    tags: Tags.optional(),
    created_from_message_id: MessageId.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');
