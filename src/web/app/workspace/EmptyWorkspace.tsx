import { Button, Code, Group, List, Text } from '@mantine/core';
import { IconBookmarks, IconMessageChatbot, IconNotes } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState';

/** How items get into the workspace (or that none matches the filters). */
export function EmptyWorkspace({
  filtering,
  onClear,
  onNewNote,
}: {
  filtering: boolean;
  onClear: () => void;
  onNewNote: () => void;
}) {
  const icon = <IconBookmarks size={26} />;
  if (filtering)
    return (
      <EmptyState icon={icon} title="Nothing matches these filters">
        <Text c="dimmed">Try other words or fewer tags.</Text>
        <Button variant="default" onClick={onClear}>
          Clear filters
        </Button>
      </EmptyState>
    );
  return (
    <EmptyState icon={icon} title="Your workspace is empty">
      <Text c="dimmed" ta="center" maw={520}>
        The workspace keeps charts, notes and analyses you want to come back to. Charts get here from the assistant:
      </Text>
      <List size="sm" c="dimmed" spacing={4}>
        <List.Item>ask for a chart, then say “save it to my workspace”, or</List.Item>
        <List.Item>
          type <Code>/save Q3 revenue</Code> in a chat to keep its last chart under that title.
        </List.Item>
      </List>
      <Group gap="sm">
        <Button component={Link} to="/chat" leftSection={<IconMessageChatbot size={16} />}>
          Open the chat
        </Button>
        <Button variant="default" leftSection={<IconNotes size={16} />} onClick={onNewNote}>
          Write a note
        </Button>
      </Group>
    </EmptyState>
  );
}
