import { useChat } from '@ai-sdk/react';
import { Alert, Box, Button, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { UIMessage } from 'ai';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../lib/api';
import { problemMessage } from '../lib/problems';
import { ChatComposer, type PromptChoice } from './ChatComposer';
import { MessageView } from './MessageView';
import { assistantTransport, messageText, type TurnOptions } from './transport';
import { chatKeys } from './use-chat-data';
import { useRefreshAfterTools } from './use-refresh-after-tools';

interface ChatConversationProps {
  /** useChat's id: the session's, or a stand-in until the first prompt makes one. */
  chatId: string;
  /** The session's id, made on the first call if there is none yet. */
  session: () => Promise<string>;
  history: UIMessage[];
  /** The session's last choice of agent and model (preselected). */
  settings?: Record<string, unknown> | undefined;
  /** The dashboard this chat is about, reloaded when a tool changes it. */
  dashboardId?: string | undefined;
  /** Shown while the conversation is empty. */
  emptyState: ReactNode;
}

/** The id under which the server stored a prompt (live prompts learn it from their answer's metadata). */
function storedPromptId(messages: UIMessage[], index: number): string {
  const prompt = messages[index] as UIMessage;
  const answer = messages[index + 1];
  const metadata = answer?.metadata as { user_message_id?: unknown } | undefined;
  return typeof metadata?.user_message_id === 'string' ? metadata.user_message_id : prompt.id;
}

function initialChoice(settings: Record<string, unknown> | undefined): PromptChoice {
  return {
    agentId: typeof settings?.agent_id === 'string' ? settings.agent_id : '',
    modelId: typeof settings?.model_id === 'string' ? settings.model_id : null,
  };
}

/**
 * A conversation with the assistant: streamed answers (markdown, tool steps, inline charts),
 * the agent and model chosen per prompt, stop, regenerate the last answer, edit the last prompt.
 * Used by the dashboard's panel and by the chat page.
 */
export function ChatConversation({
  chatId,
  session,
  history,
  settings,
  dashboardId,
  emptyState,
}: ChatConversationProps) {
  const queryClient = useQueryClient();
  const transport = useMemo(() => assistantTransport(session), [session]);
  const { messages, sendMessage, regenerate, status, stop, error, clearError } = useChat({
    id: chatId,
    messages: history,
    transport,
    onFinish: ({ message }) => {
      // A new title, a new "last active": the session list shows them.
      void queryClient.invalidateQueries({ queryKey: chatKeys.sessions });
      // The model the server chose becomes the shown choice, as it is now the session's.
      const model = (message.metadata as { model?: { id?: unknown } } | undefined)?.model;
      if (typeof model?.id === 'string') {
        const id = model.id;
        setChoice((current) => (current.modelId ? current : { ...current, modelId: id }));
      }
    },
  });
  useRefreshAfterTools(messages, dashboardId);
  const busy = status === 'submitted' || status === 'streaming';
  const [choice, setChoice] = useState(() => initialChoice(settings));
  const viewport = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const [editing, setEditing] = useState<{ messageId: string; storedId: string; text: string } | null>(null);

  const options = (): TurnOptions => ({
    agent_id: choice.agentId || null,
    ...(choice.modelId ? { model_id: choice.modelId } : {}),
  });

  const send = (text: string) => {
    clearError();
    following.current = true;
    if (editing) {
      const { messageId, storedId } = editing;
      setEditing(null);
      void sendMessage({ text, messageId }, { body: { ...options(), edit_message_id: storedId } });
    } else void sendMessage({ text }, { body: options() });
  };

  const stopAnswer = useCallback(() => {
    void stop();
    // Closing the stream stops the turn; saying so as well covers a proxy that keeps it open.
    void session()
      .then((id) => api.POST('/api/chat/sessions/{id}/stop', { params: { path: { id } } }))
      .catch(() => {});
  }, [stop, session]);

  const lastPrompt = messages.findLastIndex((m) => m.role === 'user');
  const last = messages.length - 1;

  // Follow the answer as it grows, unless the reader scrolled up to read something earlier.
  useEffect(() => {
    const element = viewport.current;
    if (element && following.current && messages.length > 0) element.scrollTo({ top: element.scrollHeight });
  }, [messages]);

  return (
    <Stack gap={0} h="100%">
      <ScrollArea
        style={{ flex: 1 }}
        viewportRef={viewport}
        px="md"
        onScrollPositionChange={({ y }) => {
          const element = viewport.current;
          if (element) following.current = element.scrollHeight - element.clientHeight - y < 80;
        }}
      >
        <Stack gap="md" py="md" aria-live="polite" aria-busy={busy} maw={860} mx="auto">
          {messages.length === 0 && emptyState}
          {messages.map((message, index) => (
            <MessageView
              key={message.id}
              message={message}
              onEdit={
                !busy && index === lastPrompt
                  ? () =>
                      setEditing({
                        messageId: message.id,
                        storedId: storedPromptId(messages, index),
                        text: messageText(message),
                      })
                  : undefined
              }
              onRegenerate={
                !busy && index === last && message.role === 'assistant'
                  ? () => {
                      clearError();
                      following.current = true;
                      void regenerate({ body: options() });
                    }
                  : undefined
              }
            />
          ))}
          {status === 'submitted' && (
            <Text size="sm" c="dimmed" role="status">
              Thinking…
            </Text>
          )}
          {error && (
            <Alert color="red" role="alert" title="The assistant could not answer">
              <Group justify="space-between" gap="xs">
                <span>{problemMessage(error)}</span>
                {messages.at(-1)?.role === 'user' && (
                  <Button size="xs" variant="white" color="red" onClick={() => void regenerate({ body: options() })}>
                    Try again
                  </Button>
                )}
              </Group>
            </Alert>
          )}
        </Stack>
      </ScrollArea>
      <Box p="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        <Box maw={860} mx="auto">
          <ChatComposer
            key={editing?.messageId ?? 'new'}
            busy={busy}
            onSend={send}
            onStop={stopAnswer}
            choice={choice}
            onChoiceChange={setChoice}
            initialText={editing?.text ?? ''}
            editing={editing ? { onCancel: () => setEditing(null) } : undefined}
          />
        </Box>
      </Box>
    </Stack>
  );
}
