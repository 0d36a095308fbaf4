import { z } from 'zod';

export const TeamRole = z.enum(['admin', 'editor', 'viewer']);

const Name = z.string().trim().min(1, 'must not be empty').max(120);

export const Member = z
  .object({
    user_id: z.guid(),
    display_name: z.string().nullable(),
    avatar_url: z.string().nullable(),
    role: TeamRole,
    joined_at: z.string(),
  })
  .meta({ id: 'TeamMember' });

const TeamFields = {
  id: z.guid(),
  name: z.string(),
  description: z.string().nullable(),
  avatar_url: z.string().nullable(),
  settings: z.record(z.string(), z.unknown()),
  my_role: TeamRole,
  member_count: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
};

export const TeamSummary = z.object(TeamFields).meta({ id: 'TeamSummary' });
export const Team = z.object({ ...TeamFields, members: z.array(Member) }).meta({ id: 'Team' });
export const TeamList = z.object({ items: z.array(TeamSummary) }).meta({ id: 'TeamList' });

export const CreateTeamBody = z.object({
  name: Name,
  description: z.string().max(2000).nullable().optional(),
  avatar_url: z.url().max(2048).nullable().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});

export const UpdateTeamBody = CreateTeamBody.partial().refine(
  (body) => Object.keys(body).length > 0,
  'change at least one field',
);

export const MemberParams = z.object({ id: z.guid(), userId: z.guid() });
export const ChangeRoleBody = z.object({ role: TeamRole });

export const Invitation = z
  .object({
    id: z.guid(),
    team_id: z.guid(),
    team_name: z.string().nullable().describe('Shown to the invitee'),
    email: z.string(),
    role: TeamRole,
    invited_by: z.guid().nullable(),
    created_at: z.string(),
    expires_at: z.string(),
  })
  .meta({ id: 'Invitation' });

export const InvitationList = z.object({ items: z.array(Invitation) }).meta({ id: 'InvitationList' });

export const InviteBody = z.object({
  email: z
    .email()
    .max(254)
    .transform((email) => email.toLowerCase()),
  role: TeamRole.default('viewer'),
});
