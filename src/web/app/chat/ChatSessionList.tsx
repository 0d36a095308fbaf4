import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Group,
  Mark,
  Menu,
  Modal,
  ScrollArea,
  Skeleton,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDots, IconLayoutDashboard, IconPencil, IconPlus, IconSearch, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { problemMessage } from '../lib/problems';
import { snippetPieces } from './snippet';
import { type ChatSession, useChatSearch, useChatSessions, useDeleteSession, useRenameSession } from './use-chat-data';

interface ChatSessionListProps {
  activeId: string | undefined;
  onNewChat: () => void;
  onOpen: (sessionId: string, messageId?: string) => void;
  /** After the open session was deleted. */
  onDeletedActive: () => void;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The left side of the chat page: a new chat, search across every chat, and the sessions, newest first. */
export function ChatSessionList({ activeId, onNewChat, onOpen, onDeletedActive }: ChatSessionListProps) {
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query.trim(), 250);
  return (
    <Stack gap={0} h="100%">
      <Stack gap="xs" p="sm">
        <Button leftSection={<IconPlus size={16} />} onClick={onNewChat} fullWidth>
          New chat
        </Button>
        <TextInput
          aria-label="Search all chats"
          placeholder="Search all chats"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setQuery('');
          }}
          rightSection={
            query ? (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label="Clear the search"
                onClick={() => setQuery('')}
              >
                <IconX size={14} />
              </ActionIcon>
            ) : null
          }
        />
      </Stack>
      <ScrollArea style={{ flex: 1 }} px="xs">
        {q ? (
          <SearchResults q={q} onOpen={onOpen} />
        ) : (
          <Sessions activeId={activeId} onOpen={onOpen} onDeletedActive={onDeletedActive} />
        )}
      </ScrollArea>
    </Stack>
  );
}

function Sessions({
  activeId,
  onOpen,
  onDeletedActive,
}: Pick<ChatSessionListProps, 'activeId' | 'onOpen' | 'onDeletedActive'>) {
  const sessions = useChatSessions();
  const [renaming, setRenaming] = useState<ChatSession | null>(null);
  const [deleting, setDeleting] = useState<ChatSession | null>(null);
  if (sessions.isPending)
    return (
      <Stack gap="xs" p="xs" role="status" aria-label="Loading your chats">
        <Skeleton h={36} />
        <Skeleton h={36} />
        <Skeleton h={36} />
      </Stack>
    );
  if (sessions.isError)
    return (
      <Box p="xs">
        <ErrorAlert error={sessions.error} title="Your chats could not be loaded" onRetry={() => sessions.refetch()} />
      </Box>
    );
  if (sessions.data.length === 0)
    return (
      <Text size="sm" c="dimmed" p="sm">
        No chats yet. Start one with a question about your data.
      </Text>
    );
  return (
    <>
      <Box component="nav" aria-label="Chats">
        <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {sessions.data.map((session) => {
            const active = session.id === activeId;
            return (
              <Group
                key={session.id}
                component="li"
                gap={0}
                wrap="nowrap"
                style={{
                  borderRadius: 'var(--mantine-radius-sm)',
                  background: active ? 'var(--mantine-primary-color-light)' : undefined,
                }}
              >
                <UnstyledButton
                  onClick={() => onOpen(session.id)}
                  aria-current={active ? 'page' : undefined}
                  px="sm"
                  py={6}
                  style={{ flex: 1, minWidth: 0 }}
                >
                  <Group gap={6} wrap="nowrap">
                    {session.context_type === 'dashboard' && (
                      <IconLayoutDashboard size={14} aria-label="About a dashboard" style={{ flexShrink: 0 }} />
                    )}
                    <Text size="sm" truncate fw={active ? 600 : 400}>
                      {session.title}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {when.format(new Date(session.updated_at))}
                  </Text>
                </UnstyledButton>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${session.title}`} mr={4}>
                      <IconDots size={16} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setRenaming(session)}>
                      Rename
                    </Menu.Item>
                    <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={() => setDeleting(session)}>
                      Delete
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            );
          })}
        </Stack>
      </Box>
      {renaming && <RenameModal session={renaming} onClose={() => setRenaming(null)} />}
      {deleting && (
        <DeleteModal
          session={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            if (deleting.id === activeId) onDeletedActive();
          }}
        />
      )}
    </>
  );
}

function RenameModal({ session, onClose }: { session: ChatSession; onClose: () => void }) {
  const [title, setTitle] = useState(session.title);
  const rename = useRenameSession();
  return (
    <Modal opened onClose={onClose} title="Rename the chat">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (title.trim()) rename.mutate({ id: session.id, title: title.trim() }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <TextInput
            label="Title"
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            required
            maxLength={200}
            data-autofocus
            error={rename.isError ? problemMessage(rename.error) : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={rename.isPending} disabled={!title.trim()}>
              Rename
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeleteModal({
  session,
  onClose,
  onDeleted,
}: {
  session: ChatSession;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const remove = useDeleteSession();
  return (
    <Modal opened onClose={onClose} title="Delete the chat?">
      <Stack>
        <Text size="sm">
          “{session.title}” and its {session.message_count} messages will be deleted. Charts already on dashboards or in
          your workspace stay.
        </Text>
        {remove.isError && (
          <Alert color="red" role="alert">
            {problemMessage(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(session.id, {
                onSuccess: () => {
                  onClose();
                  onDeleted();
                },
              })
            }
          >
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function SearchResults({ q, onOpen }: { q: string; onOpen: ChatSessionListProps['onOpen'] }) {
  const search = useChatSearch(q);
  if (search.isPending)
    return (
      <Text size="sm" c="dimmed" p="sm" role="status">
        Searching…
      </Text>
    );
  if (search.isError)
    return (
      <Box p="xs">
        <ErrorAlert error={search.error} title="The search failed" onRetry={() => search.refetch()} />
      </Box>
    );
  if (search.data.items.length === 0)
    return (
      <Text size="sm" c="dimmed" p="sm" role="status">
        Nothing in your chats matches “{q}”.
      </Text>
    );
  return (
    <Stack gap={2} component="ul" aria-label="Search results" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {search.data.items.map((hit) => (
        <li key={hit.message_id}>
          <UnstyledButton
            onClick={() => onOpen(hit.session_id, hit.message_id)}
            px="sm"
            py={6}
            w="100%"
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            className="ocp-search-hit"
          >
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={600} truncate>
                {hit.session_title}
              </Text>
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                {hit.role === 'user' ? 'You' : 'Assistant'}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" lineClamp={3}>
              {snippetPieces(hit.snippet_html).map((piece, index) =>
                piece.mark ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: snippet pieces have no identity beyond their place
                  <Mark key={index}>{piece.text}</Mark>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <span key={index}>{piece.text}</span>
                ),
              )}
            </Text>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}
