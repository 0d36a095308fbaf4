import { z } from 'zod';

export const VersionParams = z.object({ id: z.guid(), number: z.coerce.number().int().min(1) });

const Author = z
  .object({ id: z.guid(), display_name: z.string(), avatar_url: z.string().nullable() })
  .nullable()
  .describe('Who saved it; null when that account was deleted or is not visible to you');

const VersionFields = {
  version_number: z.number().int(),
  change_summary: z.string().nullable(),
  provenance: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe(
      'For changes the assistant made: the prompt, agent, model, tool, query and reason; null for people’s edits',
    ),
  created_by: Author,
  created_at: z.string(),
};

export const VersionSummary = z.object(VersionFields).meta({ id: 'VersionSummary' });
export const Version = z
  .object({ ...VersionFields, snapshot: z.record(z.string(), z.unknown()).describe('The whole dashboard as saved') })
  .meta({ id: 'Version' });

export const VersionList = z
  .object({
    items: z.array(VersionSummary),
    next_before: z.number().int().nullable().describe('Pass as before for older versions'),
  })
  .meta({ id: 'VersionList' });

export const ListVersionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: z.coerce.number().int().min(1).optional().describe('Only versions older than this number'),
});

export const DiffQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

export const JsonPatchOperation = z
  .object({
    op: z.enum(['add', 'remove', 'replace', 'move', 'copy', 'test']),
    path: z.string(),
    from: z.string().optional(),
    value: z.unknown().optional(),
  })
  .meta({ id: 'JsonPatchOperation' });

export const VersionDiff = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    patch: z
      .array(JsonPatchOperation)
      .describe('RFC 6902 JSON Patch that turns the "from" snapshot into the "to" snapshot'),
    summary: z.array(z.string()).describe('The same changes in words'),
  })
  .meta({ id: 'VersionDiff' });
