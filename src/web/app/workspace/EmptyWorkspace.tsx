import { Button, Code, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBookmarks, IconMessageChatbot } from '@tabler/icons-react';
import { Link } from 'react-router';

/** How items get into the workspace (or that none matches the filters). */
export function EmptyWorkspace({ filtering, onClear }: { filtering: boolean; onClear: () => void }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack align="center" gap="sm" py="lg">
        <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
          <IconBookmarks size={26} />
        </ThemeIcon>
        {filtering ? (
          <>
            <Title order={2} size="h4">
              Nothing matches these filters
            </Title>
            <Text c="dimmed">Try other words or fewer tags.</Text>
            <Button variant="default" onClick={onClear}>
              Clear filters
            </Button>
          </>
        ) : (
          <>
            <Title order={2} size="h4">
              Your workspace is empty
            </Title>
            <Text c="dimmed" ta="center" maw={520}>
              The workspace keeps charts, notes and analyses you want to come back to. They get here from the assistant:
            </Text>
            <List size="sm" c="dimmed" spacing={4}>
              <List.Item>ask for a chart, then say “save it to my workspace”, or</List.Item>
              <List.Item>
                type <Code>/save Q3 revenue</Code> in a chat to keep its last chart under that title.
              </List.Item>
            </List>
            <Button component={Link} to="/chat" leftSection={<IconMessageChatbot size={16} />}>
              Open the chat
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}
