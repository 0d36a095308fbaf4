import { ActionIcon, CopyButton, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconPencil, IconRefresh } from '@tabler/icons-react';
import type { UIMessage } from 'ai';
import { memo } from 'react';
import { Markdown } from './Markdown';
import { ToolPartView } from './ToolPartView';
import { isToolPart } from './tool-parts';
import { messageText } from './transport';

interface MessageViewProps {
  message: UIMessage;
  /** Offered on the last prompt when nothing is streaming. */
  onEdit?: (() => void) | undefined;
  /** Offered on the last answer when nothing is streaming. */
  onRegenerate?: (() => void) | undefined;
}

/** One message: the user's prompt in a bubble; the assistant's text (markdown), tool steps and charts. */
export const MessageView = memo(function MessageView({ message, onEdit, onRegenerate }: MessageViewProps) {
  if (message.role === 'user') {
    return (
      <Stack gap={2} align="flex-end" style={{ alignSelf: 'flex-end', maxWidth: '85%' }} data-message-id={message.id}>
        <Paper radius="lg" px="sm" py={6} bg="var(--mantine-primary-color-light)" aria-label="Your message">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('')}
          </Text>
        </Paper>
        {onEdit && (
          <Tooltip label="Edit and send again">
            <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Edit your last message" onClick={onEdit}>
              <IconPencil size={14} />
            </ActionIcon>
          </Tooltip>
        )}
      </Stack>
    );
  }
  const text = messageText(message);
  return (
    <Stack gap={6} aria-label="Assistant’s answer" role="article" data-message-id={message.id}>
      {message.parts.map((part, index) => {
        const key = `${message.id}-${index}`;
        if (part.type === 'text') return part.text ? <Markdown key={key} text={part.text} /> : null;
        if (isToolPart(part)) return <ToolPartView key={key} part={part} />;
        return null;
      })}
      {(onRegenerate || text) && (
        <Group gap={2}>
          {text && (
            <CopyButton value={text}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy the answer'}>
                  <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Copy the answer" onClick={copy}>
                    {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          )}
          {onRegenerate && (
            <Tooltip label="Answer again">
              <ActionIcon
                size="sm"
                variant="subtle"
                color="gray"
                aria-label="Regenerate the answer"
                onClick={onRegenerate}
              >
                <IconRefresh size={14} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      )}
    </Stack>
  );
});
