import { z } from 'zod';

const Permissions = z
  .object({ view: z.literal(true).default(true) })
  .strict()
  .describe('What the link allows; today, viewing');

const Password = z.string().min(4, 'must be at least 4 characters').max(200);

export const ShareLink = z
  .object({
    id: z.guid(),
    dashboard_id: z.guid(),
    permissions: z.record(z.string(), z.unknown()),
    expires_at: z.string().nullable(),
    has_password: z.boolean(),
    created_by: z.guid().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    last_accessed_at: z.string().nullable(),
  })
  .meta({ id: 'ShareLink' });

export const NewShareLink = ShareLink.extend({
  token: z.string().describe('The secret; shown only now. Anyone with it can view the dashboard'),
  url: z.string().describe('The page to share'),
}).meta({ id: 'NewShareLink' });

export const ShareLinkList = z.object({ items: z.array(ShareLink) }).meta({ id: 'ShareLinkList' });

const Expiry = z.iso
  .datetime({ offset: true })
  .refine((value) => Date.parse(value) > Date.now(), 'must be in the future')
  .nullable()
  .describe('When the link stops working; null: never');

export const CreateShareLinkBody = z.object({
  expires_at: Expiry.optional(),
  password: Password.optional().describe('Viewers must enter it'),
  permissions: Permissions.default({ view: true }),
});

export const UpdateShareLinkBody = z
  .object({
    expires_at: Expiry.optional(),
    password: Password.nullable().optional().describe('A new password, or null to remove it'),
    permissions: Permissions.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');

export const TokenParams = z.object({ token: z.string().min(1).max(256) });

export const SharedDashboard = z
  .object({
    id: z.guid(),
    title: z.string(),
    description: z.string().nullable(),
    settings: z.record(z.string(), z.unknown()),
    tabs: z.array(z.record(z.string(), z.unknown())),
    permissions: z.record(z.string(), z.unknown()),
    expires_at: z.string().nullable(),
  })
  .meta({ id: 'SharedDashboard' });

export const UnlockBody = z.object({ password: z.string().min(1).max(200) });
