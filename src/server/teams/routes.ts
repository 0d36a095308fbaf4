import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { IdParams } from '../dashboards/schema.js';
import { requireUser } from '../plugins/authenticate.js';
import { problemResponses } from '../problem-schema.js';
import * as q from './queries.js';
import {
  ChangeRoleBody,
  CreateTeamBody,
  Invitation,
  InvitationList,
  InviteBody,
  MemberParams,
  Team,
  TeamList,
  UpdateTeamBody,
} from './schema.js';
import * as service from './service.js';

const NoContent = z.null().describe('Done');

/** /api/teams and /api/invitations: teams, members and roles, invitations by email. */
export function teamRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/teams',
      {
        schema: {
          tags: ['teams'],
          summary: 'Your teams, with your role in each',
          response: { 200: TeamList, ...problemResponses(401) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { items: await db.asCaller(user, (tx) => q.listMyTeams(tx)) };
      },
    );

    app.post(
      '/teams',
      {
        schema: {
          tags: ['teams'],
          summary: 'Create a team; you become its admin',
          body: CreateTeamBody,
          response: { 201: Team, ...problemResponses(401, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        return reply.code(201).send(await db.asCaller(user, (tx) => service.createTeam(tx, request.body)));
      },
    );

    app.get(
      '/teams/:id',
      {
        schema: {
          tags: ['teams'],
          summary: 'A team with its members',
          params: IdParams,
          response: { 200: Team, ...problemResponses(401, 404) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.getTeam(tx, request.params.id));
      },
    );

    app.patch(
      '/teams/:id',
      {
        schema: {
          tags: ['teams'],
          summary: 'Rename or edit a team (admins)',
          params: IdParams,
          body: UpdateTeamBody,
          response: { 200: Team, ...problemResponses(401, 403, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.updateTeam(tx, request.params.id, request.body));
      },
    );

    app.delete(
      '/teams/:id',
      {
        schema: {
          tags: ['teams'],
          summary: 'Delete a team with its dashboards, agents and commands (admins)',
          params: IdParams,
          response: { 204: NoContent, ...problemResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await db.asCaller(user, (tx) => service.deleteTeam(tx, request.params.id));
        return reply.code(204).send(null);
      },
    );

    app.patch(
      '/teams/:id/members/:userId',
      {
        schema: {
          tags: ['teams'],
          summary: 'Change a member’s role (admins); the last admin cannot be demoted',
          params: MemberParams,
          body: ChangeRoleBody,
          response: { 200: Team, ...problemResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) =>
          service.changeRole(tx, request.params.id, request.params.userId, request.body.role),
        );
      },
    );

    app.delete(
      '/teams/:id/members/:userId',
      {
        schema: {
          tags: ['teams'],
          summary: 'Remove a member (admins), or leave (yourself); the last admin stays',
          params: MemberParams,
          response: { 204: NoContent, ...problemResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await db.asCaller(user, (tx) =>
          service.removeMember(tx, request.params.id, request.params.userId, user.userId),
        );
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/teams/:id/invitations',
      {
        schema: {
          tags: ['teams'],
          summary: 'Invite an email address with a role (admins); replaces an open invitation to it',
          params: IdParams,
          body: InviteBody,
          response: { 201: Invitation, ...problemResponses(401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const invitation = await db.asCaller(user, (tx) =>
          service.invite(tx, request.params.id, request.body.email, request.body.role),
        );
        return reply.code(201).send(invitation);
      },
    );

    app.get(
      '/teams/:id/invitations',
      {
        schema: {
          tags: ['teams'],
          summary: 'The team’s open invitations (admins)',
          params: IdParams,
          response: { 200: InvitationList, ...problemResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.listTeamInvitations(tx, request.params.id));
      },
    );

    app.get(
      '/invitations',
      {
        schema: {
          tags: ['teams'],
          summary: 'Open invitations addressed to your email',
          response: { 200: InvitationList, ...problemResponses(401) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { items: await db.asCaller(user, (tx) => q.listMyInvitations(tx)) };
      },
    );

    app.post(
      '/invitations/:id/accept',
      {
        schema: {
          tags: ['teams'],
          summary: 'Accept an invitation addressed to you and join the team',
          params: IdParams,
          response: { 200: Team, ...problemResponses(401, 404, 410) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.acceptInvitation(tx, request.params.id));
      },
    );

    app.delete(
      '/invitations/:id',
      {
        schema: {
          tags: ['teams'],
          summary: 'Revoke an invitation (team admins) or decline it (the invitee)',
          params: IdParams,
          response: { 204: NoContent, ...problemResponses(401, 404) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await db.asCaller(user, (tx) => service.deleteInvitation(tx, request.params.id));
        return reply.code(204).send(null);
      },
    );
  };
}
