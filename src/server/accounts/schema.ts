import { z } from 'zod';

export const Email = z.email().max(254).describe('Email address, case-insensitive');
export const Password = z.string().min(8, 'must be at least 8 characters').max(256).describe('At least 8 characters');

export const SignUpBody = z.object({
  email: Email,
  password: Password,
  display_name: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .optional()
    .describe('Shown to teammates; defaults to the email’s name'),
});

export const SignInBody = z.object({ email: Email, password: z.string().min(1).max(256) });

export const RefreshBody = z.object({ refresh_token: z.string().min(1).max(200) });

export const SignOutBody = z
  .object({
    scope: z.enum(['local', 'global']).default('local').describe('local: this session; global: every session'),
  })
  .default({ scope: 'local' });

export const SessionResponse = z
  .object({
    access_token: z.string().describe('A JWT to send as "Authorization: Bearer …"'),
    token_type: z.literal('bearer'),
    expires_in: z.number().int().describe('Seconds until the access token expires'),
    refresh_token: z.string().describe('Exchange for a new session at /api/auth/refresh; usable once'),
    user: z.object({ id: z.guid(), email: z.string() }),
  })
  .meta({ id: 'Session' });

export const CurrentUser = z.object({ id: z.guid(), email: z.string().nullable() }).meta({ id: 'CurrentUser' });
