import { Box, Paper, Stack, Text } from '@mantine/core';
import type { UIMessage } from 'ai';
import { ToolPartView } from './ToolPartView';
import { isToolPart } from './tool-parts';

/** One message: the user's prompt in a bubble; the assistant's text, tool steps and charts. */
export function MessageView({ message }: { message: UIMessage }) {
  if (message.role === 'user') {
    return (
      <Box style={{ alignSelf: 'flex-end', maxWidth: '85%' }} aria-label="Your message">
        <Paper radius="lg" px="sm" py={6} bg="var(--mantine-primary-color-light)">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('')}
          </Text>
        </Paper>
      </Box>
    );
  }
  return (
    <Stack gap={6} aria-label="Assistant’s answer">
      {message.parts.map((part, index) => {
        const key = `${message.id}-${index}`;
        if (part.type === 'text')
          return (
            <Text key={key} size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {part.text}
            </Text>
          );
        if (isToolPart(part)) return <ToolPartView key={key} part={part} />;
        return null;
      })}
    </Stack>
  );
}
