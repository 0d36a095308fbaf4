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

/**
 * useChat's transport for OCP's assistant: each prompt goes to POST /api/chat/sessions/:id/turns
 * as { text } (the server keeps the conversation), regenerating to …/regenerate; the answer is
 * the AI SDK UI message stream. The session is made on the first prompt.
 */
export function assistantTransport(session: () => Promise<string>) {
  return new DefaultChatTransport<UIMessage>({
    api: '/api/chat/sessions',
    fetch: turnFetch,
    prepareSendMessagesRequest: async ({ messages, trigger }) => {
      const id = await session();
      if (trigger === 'regenerate-message') return { api: `/api/chat/sessions/${id}/regenerate`, body: {} };
      const lastPrompt = messages.findLast((m) => m.role === 'user');
      return { api: `/api/chat/sessions/${id}/turns`, body: { text: messageText(lastPrompt) } };
    },
  });
}
