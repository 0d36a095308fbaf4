import { z } from 'zod';
import { Owner } from '../dashboards/schema.js';
import { ListOwnedQuery, OwnedAbilities } from '../ownership.js';

const Name = z.string().trim().min(1, 'must not be empty').max(120);
const Description = z.string().max(2000).nullable();
const Instructions = z.string().max(50000).describe('What the agent is told before every conversation');
const Settings = z.record(z.string(), z.unknown()).describe('Model, temperature, tools and the like');
const Timestamp = z.string().describe('ISO 8601 timestamp');

export const Agent = z
  .object({
    id: z.guid(),
    name: z.string(),
    description: z.string().nullable(),
    instructions: z.string(),
    owner: Owner,
    is_public: z.boolean().describe('Every signed-in user may use it (but not change it)'),
    settings: Settings,
    abilities: OwnedAbilities,
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: 'Agent' });

export const AgentList = z
  .object({
    items: z.array(Agent),
    next_cursor: z.string().nullable().describe('Pass as cursor to get the next page; null on the last page'),
  })
  .meta({ id: 'AgentList' });

export const ListAgentsQuery = ListOwnedQuery;

export const CreateAgentBody = z.object({
  name: Name,
  description: Description.optional(),
  instructions: Instructions,
  team_id: z.guid().optional().describe('Create it for this team (you must be editor or admin); else it is yours'),
  is_public: z.boolean().default(false),
  settings: Settings.default({}),
});

export const UpdateAgentBody = z
  .object({
    name: Name.optional(),
    description: Description.optional(),
    instructions: Instructions.optional(),
    is_public: z.boolean().optional(),
    settings: Settings.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');
