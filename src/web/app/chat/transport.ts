import { DefaultChatTransport, type UIMessage } from 'ai';
import { authorizedFetch } from '../lib/api';
import { ApiProblem } from '../lib/problems';

/** The plain text of a message (what the turns endpoint takes). */
export function messageText(message: UIMessage | undefined): string {
  return (message?.parts ?? [])
    .flatMap((part) => (part.type === 'text' ? [part.text] : []))
    .join('\n')
    .trim();
}

/** fetch that signs the request, and turns a refusal (problem+json) into an ApiProblem useChat shows. */
async function turnFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await authorizedFetch(input, init);
  if (response.ok) return response;
  let problem: unknown;
  try {
    problem = await response.json();
  } catch {
    problem = undefined;
  }
  if (typeof problem === 'object' && problem !== null && 'code' in problem) throw new ApiProblem(problem as never);
  throw new Error(`The assistant could not answer (${response.status} ${response.statusText})`);
}

/** What a prompt is sent with (passed as useChat's per-request body). */
export interface TurnOptions {
  /** The agent to answer as; null for none. */
  agent_id?: string | null;
  /** The model to answer with; left out: the agent's, else the session's last, else the default. */
  model_id?: string;
  /** Edit and resend: the stored prompt this one replaces. */
  edit_message_id?: string;
}

function turnOptions(body: Record<string, unknown> | undefined, trigger: string): TurnOptions {
  const options: TurnOptions = {};
  if (body?.agent_id === null || typeof body?.agent_id === 'string') options.agent_id = body.agent_id;
  if (typeof body?.model_id === 'string') options.model_id = body.model_id;
  if (trigger === 'submit-message' && typeof body?.edit_message_id === 'string')
    options.edit_message_id = body.edit_message_id;
  return options;
}

/**
 * useChat's transport for OCP's assistant: each prompt goes to POST /api/chat/sessions/:id/turns
 * as { text, agent_id, model_id, edit_message_id } (the server keeps the conversation),
 * regenerating to …/regenerate; the answer is the AI SDK UI message stream. The session is made
 * on the first prompt.
 */
export function assistantTransport(session: () => Promise<string>) {
  return new DefaultChatTransport<UIMessage>({
    api: '/api/chat/sessions',
    fetch: turnFetch,
    prepareSendMessagesRequest: async ({ messages, trigger, body }) => {
      const id = await session();
      const options = turnOptions(body, trigger);
      if (trigger === 'regenerate-message') return { api: `/api/chat/sessions/${id}/regenerate`, body: options };
      const lastPrompt = messages.findLast((m) => m.role === 'user');
      return { api: `/api/chat/sessions/${id}/turns`, body: { text: messageText(lastPrompt), ...options } };
    },
  });
}
