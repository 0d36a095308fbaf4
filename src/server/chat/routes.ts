import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { requireUser } from '../plugins/authenticate.js';
import { problemResponses } from '../problem-schema.js';
import {
  ChatMessage,
  ChatMessageList,
  ChatSearchResults,
  ChatSession,
  ChatSessionList,
  CreateChatMessageBody,
  CreateChatSessionBody,
  IdParams,
  ListChatMessagesQuery,
  ListChatSessionsQuery,
  SearchChatQuery,
  UpdateChatMessageBody,
  UpdateChatSessionBody,
} from './schema.js';
import * as service from './service.js';

const NoContent = z.null().describe('Done');

/**
 * /api/chat: the signed-in user's chat sessions and messages, and search over them. Each route
 * authenticates, validates, runs as the caller in one transaction and presents. Chat is private
 * to its owner: anyone else, signed in or not, never learns that a session or message exists.
 */
export function chatRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/chat/sessions',
      {
        schema: {
          tags: ['chat'],
          summary: 'Your chat sessions, most recently active first',
          querystring: ListChatSessionsQuery,
          response: { 200: ChatSessionList, ...problemResponses(401, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.listSessions(tx, request.query));
      },
    );

    app.post(
      '/chat/sessions',
      {
        schema: {
          tags: ['chat'],
          summary: 'Start a chat session, about everything, the workspace, or a dashboard you can read',
          body: CreateChatSessionBody,
          response: { 201: ChatSession, ...problemResponses(401, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const session = await db.asCaller(user, (tx) => service.createSession(tx, request.body));
        return reply.code(201).send(session);
      },
    );

    app.get(
      '/chat/sessions/:id',
      {
        schema: {
          tags: ['chat'],
          summary: 'One of your chat sessions',
          params: IdParams,
          response: { 200: ChatSession, ...problemResponses(401, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.requireSession(tx, request.params.id));
      },
    );

    app.patch(
      '/chat/sessions/:id',
      {
        schema: {
          tags: ['chat'],
          summary: 'Rename a chat session or replace its settings',
          params: IdParams,
          body: UpdateChatSessionBody,
          response: { 200: ChatSession, ...problemResponses(401, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.updateSession(tx, request.params.id, request.body));
      },
    );

    app.delete(
      '/chat/sessions/:id',
      {
        schema: {
          tags: ['chat'],
          summary: 'Delete a chat session with all its messages',
          params: IdParams,
          response: { 204: NoContent, ...problemResponses(401, 404, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await db.asCaller(user, (tx) => service.deleteSession(tx, request.params.id));
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/chat/sessions/:id/messages',
      {
        schema: {
          tags: ['chat'],
          summary: 'A chat session’s messages, oldest first',
          params: IdParams,
          querystring: ListChatMessagesQuery,
          response: { 200: ChatMessageList, ...problemResponses(401, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.listMessages(tx, request.params.id, request.query));
      },
    );

    app.post(
      '/chat/sessions/:id/messages',
      {
        schema: {
          tags: ['chat'],
          summary: 'Store a message in a chat session (storage only: nothing answers it yet)',
          params: IdParams,
          body: CreateChatMessageBody,
          response: { 201: ChatMessage, ...problemResponses(401, 404, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const message = await db.asCaller(user, (tx) => service.addMessage(tx, request.params.id, request.body));
        return reply.code(201).send(message);
      },
    );

    app.get(
      '/chat/messages/:id',
      {
        schema: {
          tags: ['chat'],
          summary: 'One message of one of your chat sessions',
          params: IdParams,
          response: { 200: ChatMessage, ...problemResponses(401, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.requireMessage(tx, request.params.id));
      },
    );

    app.patch(
      '/chat/messages/:id',
      {
        schema: {
          tags: ['chat'],
          summary: 'Replace a message’s content, metadata or output routing',
          params: IdParams,
          body: UpdateChatMessageBody,
          response: { 200: ChatMessage, ...problemResponses(401, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.updateMessage(tx, request.params.id, request.body));
      },
    );

    app.delete(
      '/chat/messages/:id',
      {
        schema: {
          tags: ['chat'],
          summary: 'Delete a message',
          params: IdParams,
          response: { 204: NoContent, ...problemResponses(401, 404, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await db.asCaller(user, (tx) => service.deleteMessage(tx, request.params.id));
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/chat/search',
      {
        schema: {
          tags: ['chat'],
          summary: 'Search all your chat messages: ranked full-text, else a substring match',
          querystring: SearchChatQuery,
          response: { 200: ChatSearchResults, ...problemResponses(401, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.searchMessages(tx, request.query.q, request.query.limit));
      },
    );
  };
}
