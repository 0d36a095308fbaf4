import { ActionIcon, Group, Textarea, Tooltip } from '@mantine/core';
import { IconPlayerStopFilled, IconSend } from '@tabler/icons-react';
import { useState } from 'react';

interface ChatComposerProps {
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
}

/** Where a prompt is written: Enter sends, Shift+Enter starts a new line; Stop while answering. */
export function ChatComposer({ busy, onSend, onStop }: ChatComposerProps) {
  const [text, setText] = useState('');
  const send = () => {
    const prompt = text.trim();
    if (!prompt || busy) return;
    onSend(prompt);
    setText('');
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Textarea
          aria-label="Message the assistant"
          placeholder="Ask for a chart of your data…"
          autosize
          minRows={1}
          maxRows={6}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              send();
            }
          }}
          style={{ flex: 1 }}
        />
        {busy ? (
          <Tooltip label="Stop the answer">
            <ActionIcon size="lg" variant="light" color="red" aria-label="Stop" onClick={onStop}>
              <IconPlayerStopFilled size={16} />
            </ActionIcon>
          </Tooltip>
        ) : (
          <Tooltip label="Send (Enter)">
            <ActionIcon size="lg" type="submit" aria-label="Send" disabled={!text.trim()}>
              <IconSend size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </form>
  );
}
