import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/types.js';
import { notFound } from '../errors/api-error.js';
import { requireUser } from '../plugins/authenticate.js';
import { problemResponses } from '../problem-schema.js';

const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone').concat('UTC'));
const JsonObject = z.record(z.string(), z.unknown());

export const Profile = z
  .object({
    id: z.guid(),
    email: z.string().nullable(),
    display_name: z.string(),
    avatar_url: z.string().nullable(),
    timezone: z.string(),
    preferences: JsonObject.describe('Theme, language, notifications…'),
    workspace_settings: JsonObject.describe('Preferred chart types and the like'),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Profile' });

export const UpdateProfileBody = z
  .object({
    display_name: z.string().trim().min(1, 'must not be empty').max(120).optional(),
    avatar_url: z.url().max(2048).nullable().optional(),
    timezone: z
      .string()
      .refine((zone) => TIME_ZONES.has(zone), 'must be an IANA time zone such as Europe/Paris')
      .optional(),
    preferences: JsonObject.optional().describe(
      'Merged into the stored preferences, key by key; a null value removes a key',
    ),
    workspace_settings: JsonObject.optional().describe('Merged like preferences'),
  })
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');

async function getProfile(tx: Tx): Promise<z.infer<typeof Profile>> {
  const { rows } = await tx.query<{ profile: z.infer<typeof Profile> }>(
    `select json_build_object('id', p.id, 'email', auth.jwt() ->> 'email', 'display_name', p.display_name,
       'avatar_url', p.avatar_url, 'timezone', p.timezone, 'preferences', p.preferences,
       'workspace_settings', p.workspace_settings, 'created_at', p.created_at, 'updated_at', p.updated_at) as profile
     from public.user_profiles p where p.id = (select auth.uid())`,
  );
  if (!rows[0]) throw notFound('Profile not found');
  return rows[0].profile;
}

/** /api/profile: the signed-in user's own profile and preferences. */
export function profileRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/profile',
      {
        schema: {
          tags: ['profile'],
          summary: 'Your profile and preferences',
          response: { 200: Profile, ...problemResponses(401) },
        },
      },
      async (request) => db.asCaller(requireUser(request), getProfile),
    );

    app.patch(
      '/profile',
      {
        schema: {
          tags: ['profile'],
          summary: 'Change your name, avatar, time zone or preferences',
          body: UpdateProfileBody,
          response: { 200: Profile, ...problemResponses(401, 422) },
        },
      },
      async (request) => {
        const body = request.body;
        return db.asCaller(requireUser(request), async (tx) => {
          // jsonb_strip_nulls after the merge: sending {"theme": null} removes the key.
          await tx.query(
            `update public.user_profiles set
               display_name = coalesce($1, display_name),
               avatar_url = case when $2 then $3 else avatar_url end,
               timezone = coalesce($4, timezone),
               preferences = case when $5::jsonb is null then preferences else jsonb_strip_nulls(preferences || $5::jsonb) end,
               workspace_settings = case when $6::jsonb is null then workspace_settings
                                         else jsonb_strip_nulls(workspace_settings || $6::jsonb) end
             where id = (select auth.uid())`,
            [
              body.display_name ?? null,
              body.avatar_url !== undefined,
              body.avatar_url ?? null,
              body.timezone ?? null,
              body.preferences ?? null,
              body.workspace_settings ?? null,
            ],
          );
          return getProfile(tx);
        });
      },
    );
  };
}
