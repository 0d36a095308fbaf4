import { z } from 'zod';
import { HandlerConfig } from '../../ai/commands/handler-config.js';
import { patternError } from '../../ai/commands/pattern.js';
import { Owner } from '../dashboards/schema.js';
import { ListOwnedQuery, OwnedAbilities } from '../ownership.js';

const Name = z.string().trim().min(1, 'must not be empty').max(120);
const Description = z.string().max(2000).nullable();
const Timestamp = z.string().describe('ISO 8601 timestamp');

// Judged by RE2, the engine that matches it (linear time: no backreferences, no lookaround).
const CommandPattern = z
  .string()
  .min(1, 'must not be empty')
  .max(1000)
  .superRefine((pattern, ctx) => {
    if (pattern.length > 1000) return; // said above; not worth compiling
    const error = patternError(pattern);
    if (error) ctx.addIssue({ code: 'custom', message: error });
  })
  .describe(
    'An RE2 regular expression the message must match for the command to run, searched anywhere in the message unless anchored: write `^/name\\s+(.*)$`. Its groups fill the handler’s templates',
  );

export const Command = z
  .object({
    id: z.guid(),
    name: z.string(),
    description: z.string().nullable(),
    command_pattern: z.string(),
    handler_config: z
      .record(z.string(), z.unknown())
      .describe(
        'How the command runs (see HandlerConfig in the request bodies); rows stored before a rule existed may not follow it',
      ),
    owner: Owner,
    is_public: z.boolean().describe('Every signed-in user may use it (but not change it)'),
    abilities: OwnedAbilities,
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: 'Command' });

export const CommandList = z
  .object({
    items: z.array(Command),
    next_cursor: z.string().nullable().describe('Pass as cursor to get the next page; null on the last page'),
  })
  .meta({ id: 'CommandList' });

export const ListCommandsQuery = ListOwnedQuery;

export const CreateCommandBody = z.object({
  name: Name,
  description: Description.optional(),
  command_pattern: CommandPattern,
  handler_config: HandlerConfig,
  team_id: z.guid().optional().describe('Create it for this team (you must be editor or admin); else it is yours'),
  is_public: z.boolean().default(false),
});

export const UpdateCommandBody = z
  .object({
    name: Name.optional(),
    description: Description.optional(),
    command_pattern: CommandPattern.optional(),
    handler_config: HandlerConfig.optional(),
    is_public: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');

/** A command being written in the editor, tried before it is saved. */
export const CommandDraft = z
  .object({
    id: z
      .guid()
      .optional()
      .describe('The stored command the draft would replace (left out of the test); none for a new command'),
    name: Name,
    command_pattern: CommandPattern,
    handler_config: HandlerConfig,
  })
  .describe(
    'Try this unsaved command as one of yours, first among them (in place of the stored one with its id); checked like a save, so a 422 names its fields',
  );

export const CommandTestBody = z.object({
  message: z.string().min(1, 'must not be empty').max(20_000).describe('A chat message, as the user would send it'),
  draft: CommandDraft.optional(),
});

/** The id a test answer gives a draft without one (a new command). */
export const DRAFT_ID = '00000000-0000-0000-0000-000000000000';

const Groups = z
  .record(z.string(), z.string().nullable())
  .describe(
    'What the pattern captured: "0" the whole match, "1"… the groups, named groups by name; null if a group took no part',
  );

const TestOutcome = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('prompt'),
      text: z.string().describe('Sent to the model'),
      agent_id: z.guid().optional().describe('Sent to this agent'),
    }),
    z.object({
      kind: z.literal('tool'),
      tool: z.string(),
      input: z.record(z.string(), z.unknown()),
      use_last_chart: z.boolean().optional().describe('The session’s last chart goes into input.spec'),
    }),
    z.object({ kind: z.literal('reply'), text: z.string().describe('Answered at once') }),
    z.object({
      kind: z.literal('select'),
      model: z.string().optional(),
      agent: z.string().optional(),
      text: z.string().optional(),
    }),
    z.object({ kind: z.literal('webhook'), url: z.string().describe('Would be called (the test does not call it)') }),
  ])
  .describe('What the command would do');

export const CommandTestResult = z
  .object({
    command: z
      .discriminatedUnion('source', [
        z.object({ source: z.literal('builtin'), name: z.string() }),
        z.object({ source: z.literal('custom'), id: z.guid(), name: z.string(), groups: Groups }),
      ])
      .nullable()
      .describe('The command the message calls; null: none, the message goes to the model as it is'),
    outcome: TestOutcome.nullable(),
    skipped: z
      .array(z.object({ id: z.guid(), name: z.string(), reason: z.string() }))
      .describe(
        'Your custom commands (those you may edit) that can never run: their pattern or configuration is not valid',
      ),
  })
  .meta({ id: 'CommandTestResult' });
