import { pipeUIMessageStreamToResponse } from 'ai';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AssistantServices, runTurn, type TurnRequest } from '../../ai/chat/turn.js';
import type { DataServices } from '../../data/services.js';
import type { Database } from '../../db/database.js';
import { IdParams } from '../dashboards/schema.js';
import { notFound } from '../errors/api-error.js';
import { requireUser } from '../plugins/authenticate.js';
import { problemResponses } from '../problem-schema.js';

const TurnBody = z.object({
  text: z.string().trim().min(1, 'must not be empty').max(20_000),
  agent_id: z
    .guid()
    .nullable()
    .optional()
    .describe('The agent for this prompt; null for none; left out: the session’s last choice'),
  model_id: z
    .guid()
    .optional()
    .describe('The model for this prompt; left out: the agent’s, else the session’s last choice, else the default'),
  edit_message_id: z
    .guid()
    .optional()
    .describe('Edit and resend: replaces this prompt of yours and what followed it (kept, marked superseded)'),
});

const RegenerateBody = z.object({
  agent_id: z.guid().nullable().optional(),
  model_id: z.guid().optional(),
});

const Stream = z.any().describe('The AI SDK UI message stream (text/event-stream)');

/**
 * The assistant: POST a prompt, get the answer as a stream of UI message chunks over SSE (what
 * the AI SDK's useChat reads). Both messages are stored as they happen; closing the connection
 * stops the turn and keeps what was generated.
 */
export function assistantRoutes(db: Database, data: DataServices, ai: AssistantServices): FastifyPluginAsyncZod {
  return async (app) => {
    const stream = async (request: FastifyRequest, reply: FastifyReply, turn: TurnRequest) => {
      const user = requireUser(request);
      const disconnected = new AbortController();
      // Throws (as problem+json) before anything streams: unknown session, agent or model.
      const { stream, assistantMessageId } = await runTurn({ db, data, ai }, user, turn, disconnected.signal);
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) disconnected.abort();
      });
      reply.hijack();
      pipeUIMessageStreamToResponse({
        response: reply.raw,
        stream,
        headers: { 'x-request-id': request.id, 'x-message-id': assistantMessageId },
      });
    };

    app.post(
      '/chat/sessions/:id/turns',
      {
        schema: {
          tags: ['chat'],
          summary: 'Send a prompt and stream the assistant’s answer (SSE, AI SDK UI message stream)',
          description:
            'Chunks: start (with the model and agent used), text deltas, tool calls and their results (a make_chart result is a chart to draw), finish. Custom and built-in slash commands are matched first.',
          params: IdParams,
          body: TurnBody,
          produces: ['text/event-stream'],
          response: { 200: Stream, ...problemResponses(401, 404, 409, 422) },
        },
      },
      async (request, reply) =>
        stream(request, reply, {
          sessionId: request.params.id,
          text: request.body.text,
          agentId: request.body.agent_id,
          modelId: request.body.model_id,
          editMessageId: request.body.edit_message_id,
        }),
    );

    app.post(
      '/chat/sessions/:id/regenerate',
      {
        schema: {
          tags: ['chat'],
          summary: 'Answer the last prompt again (the previous answer is kept, marked superseded)',
          params: IdParams,
          body: RegenerateBody,
          produces: ['text/event-stream'],
          response: { 200: Stream, ...problemResponses(401, 404, 409, 422) },
        },
      },
      async (request, reply) =>
        stream(request, reply, {
          sessionId: request.params.id,
          agentId: request.body.agent_id,
          modelId: request.body.model_id,
          regenerate: true,
        }),
    );

    app.post(
      '/chat/sessions/:id/stop',
      {
        schema: {
          tags: ['chat'],
          summary: 'Stop the answer being generated in this session (what was generated is kept)',
          params: IdParams,
          response: { 200: z.object({ stopped: z.boolean() }), ...problemResponses(401, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const visible = await db.asCaller(user, async (tx) => {
          const { rows } = await tx.query('select 1 from public.chat_sessions where id = $1', [request.params.id]);
          return rows.length > 0;
        });
        if (!visible) throw notFound('Chat session not found');
        const running = ai.running.get(request.params.id);
        running?.abort();
        return { stopped: Boolean(running) };
      },
    );
  };
}
