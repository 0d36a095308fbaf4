import { Box, Button, Drawer, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconMessages } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ChatConversation } from '../chat/ChatConversation';
import { ChatSessionList } from '../chat/ChatSessionList';
import { chatKeys, createChatSession, useChatSession } from '../chat/use-chat-data';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageLoader } from '../components/PageLoader';

const LIST_WIDTH = 300;

/**
 * A new chat: its stand-in id for useChat, and the session once the first prompt made one (set in
 * place, synchronously, as the session is made).
 */
interface FreshChat {
  readonly key: string;
  sessionId: string | null;
}

const freshChat = (): FreshChat => ({ key: `new-${crypto.randomUUID()}`, sessionId: null });

/**
 * The chat page: the sessions and search on the left, the conversation on the right. A new chat
 * becomes a session with its first prompt, and the address follows (/chat/:sessionId) without
 * interrupting the answer.
 */
export default function ChatPage() {
  const { sessionId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width: 62em)');
  const [listOpen, list] = useDisclosure(false);
  const [fresh, setFresh] = useState<FreshChat>(freshChat);

  // Another session opened: a later "new chat" starts afresh.
  useEffect(() => {
    if (sessionId && fresh.sessionId && sessionId !== fresh.sessionId) setFresh(freshChat());
  }, [sessionId, fresh]);

  const showFresh = !sessionId || sessionId === fresh.sessionId;
  const open = (id: string, messageId?: string) => {
    list.close();
    navigate(messageId ? `/chat/${id}?message=${messageId}` : `/chat/${id}`);
  };
  const newChat = () => {
    list.close();
    setFresh(freshChat());
    navigate('/chat');
  };

  const sessions = (
    <ChatSessionList
      activeId={sessionId}
      onNewChat={newChat}
      onOpen={open}
      onDeletedActive={() => {
        setFresh(freshChat());
        navigate('/chat', { replace: true });
      }}
    />
  );

  return (
    <Box style={{ display: 'flex', height: 'calc(100dvh - var(--app-shell-header-height, 56px))' }}>
      <VisuallyHidden>
        <Title order={1}>Chat</Title>
      </VisuallyHidden>
      {narrow ? (
        <Drawer opened={listOpen} onClose={list.close} title="Chats" size={LIST_WIDTH} padding={0}>
          <Box h="calc(100dvh - 60px)">{sessions}</Box>
        </Drawer>
      ) : (
        <Box
          component="section"
          aria-label="Your chats"
          w={LIST_WIDTH}
          style={{ flexShrink: 0, borderRight: '1px solid var(--mantine-color-default-border)', height: '100%' }}
        >
          {sessions}
        </Box>
      )}
      <Box component="section" aria-label="Conversation" style={{ flex: 1, minWidth: 0, height: '100%' }}>
        {narrow && (
          <Button
            variant="subtle"
            size="compact-sm"
            m="xs"
            leftSection={<IconMessages size={16} />}
            onClick={list.open}
          >
            Chats
          </Button>
        )}
        <Box style={{ height: narrow ? 'calc(100% - 40px)' : '100%' }}>
          {showFresh ? (
            <FreshConversation
              key={fresh.key}
              chat={fresh}
              onCreated={(id) => {
                // Set before the address changes, so that no render shows the stored session in its place.
                fresh.sessionId = id;
                navigate(`/chat/${id}`, { replace: true });
              }}
            />
          ) : (
            <StoredConversation key={sessionId} sessionId={sessionId as string} focus={params.get('message')} />
          )}
        </Box>
      </Box>
    </Box>
  );
}

function Welcome() {
  return (
    <Stack gap={4} align="center" py="xl" ta="center">
      <Title order={2}>What would you like to know?</Title>
      <Text c="dimmed" size="sm" maw={520}>
        Ask about your datasets in plain words — “revenue by month as a line chart” — and the assistant answers with
        text and charts you can put on a dashboard. Type / for commands.
      </Text>
    </Stack>
  );
}

function FreshConversation({ chat, onCreated }: { chat: FreshChat; onCreated: (sessionId: string) => void }) {
  const queryClient = useQueryClient();
  const made = useRef<Promise<string> | null>(null);
  const created = useRef(onCreated);
  created.current = onCreated;
  // The first prompt makes the session; a failure lets the next prompt try again.
  const session = useCallback(() => {
    made.current ??= createChatSession({ title: 'New chat' }).then(
      (s) => {
        void queryClient.invalidateQueries({ queryKey: chatKeys.sessions });
        created.current(s.id);
        return s.id;
      },
      (error: unknown) => {
        made.current = null;
        throw error;
      },
    );
    return made.current;
  }, [queryClient]);
  return <ChatConversation chatId={chat.key} session={session} history={[]} emptyState={<Welcome />} />;
}

function StoredConversation({ sessionId, focus }: { sessionId: string; focus: string | null }) {
  const chat = useChatSession(sessionId);
  const session = useCallback(() => Promise.resolve(sessionId), [sessionId]);
  // Opened from a search hit: bring that message into view.
  useEffect(() => {
    if (!focus || !chat.data) return;
    const element = document.querySelector(`[data-message-id="${CSS.escape(focus)}"]`);
    element?.scrollIntoView({ block: 'center' });
  }, [focus, chat.data]);
  if (chat.isPending) return <PageLoader label="Loading the conversation" />;
  if (chat.isError)
    return (
      <Box p="md">
        <ErrorAlert error={chat.error} title="The conversation could not be loaded" onRetry={() => chat.refetch()} />
      </Box>
    );
  return (
    <ChatConversation
      chatId={sessionId}
      session={session}
      history={chat.data.messages}
      settings={chat.data.session.settings}
      dashboardId={
        chat.data.session.context_type === 'dashboard' ? (chat.data.session.context_id ?? undefined) : undefined
      }
      emptyState={<Welcome />}
    />
  );
}
