import {
  Button,
  Chip,
  Container,
  Group,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconNotes, IconSearch } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import type { MadeChart } from '../chat/tool-parts';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { DeleteItemModal } from '../workspace/DeleteItemModal';
import { EmptyWorkspace } from '../workspace/EmptyWorkspace';
import { ItemFormModal, type ItemFormTarget } from '../workspace/ItemFormModal';
import { itemContent } from '../workspace/item-content';
import {
  useWorkspaceItems,
  useWorkspaceTags,
  type WorkspaceItem,
  type WorkspaceItemType,
} from '../workspace/use-workspace';
import { WorkspaceItemCard } from '../workspace/WorkspaceItemCard';

// The dashboard picker is the chat's: loaded when a saved chart is first put on a dashboard.
const AddToDashboardModal = lazy(() => import('../chat/AddToDashboardModal'));

const TYPES = [
  { value: 'all', label: 'All' },
  { value: 'chart', label: 'Charts' },
  { value: 'note', label: 'Notes' },
  { value: 'analysis', label: 'Analyses' },
  { value: 'file', label: 'Files' },
];

/** Workspace: what I kept from chats (charts, notes, analyses), filtered by type, tags and title. */
export default function WorkspacePage() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [type, setType] = useState('all');
  const [tags, setTags] = useState<string[]>([]);
  const [form, setForm] = useState<ItemFormTarget | null>(null);
  const [placing, setPlacing] = useState<Pick<MadeChart, 'title' | 'spec'> | null>(null);
  const [deleting, setDeleting] = useState<WorkspaceItem | null>(null);
  const knownTags = useWorkspaceTags();
  const itemType = type === 'all' ? undefined : (type as WorkspaceItemType);
  const list = useWorkspaceItems({ itemType, tags, q });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  // A tag picked from a card may not be among the latest items' tags.
  const tagChoices = [...new Set([...(knownTags.data ?? []), ...tags])];
  const filtering = Boolean(q) || itemType !== undefined || tags.length > 0;

  const clear = () => {
    setSearch('');
    setType('all');
    setTags([]);
  };

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <PageHeader
          title="Workspace"
          action={
            <Button leftSection={<IconNotes size={16} />} onClick={() => setForm({ kind: 'new-note' })}>
              New note
            </Button>
          }
        >
          Charts, notes and analyses you kept, from chats or written here.
        </PageHeader>
        <Group gap="sm" align="center">
          <TextInput
            aria-label="Search the workspace by title"
            placeholder="Search by title"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            style={{ flex: 1, maxWidth: 380 }}
          />
          <SegmentedControl aria-label="Type of item" data={TYPES} value={type} onChange={setType} />
        </Group>
        {tagChoices.length > 0 && (
          <Group gap="xs" role="group" aria-label="Filter by tags">
            <Text size="sm" c="dimmed">
              Tags
            </Text>
            <Chip.Group multiple value={tags} onChange={setTags}>
              {tagChoices.map((tag) => (
                <Chip key={tag} value={tag} size="xs" variant="outline">
                  {tag}
                </Chip>
              ))}
            </Chip.Group>
            {tags.length > 0 && (
              <Button variant="subtle" size="compact-xs" onClick={() => setTags([])}>
                Clear tags
              </Button>
            )}
          </Group>
        )}
        {list.isError ? (
          <ErrorAlert error={list.error} title="The workspace could not be loaded" onRetry={() => list.refetch()} />
        ) : list.isPending ? (
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} role="status" aria-label="Loading the workspace">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} h={280} radius="md" />
            ))}
          </SimpleGrid>
        ) : items.length === 0 ? (
          <EmptyWorkspace filtering={filtering} onClear={clear} onNewNote={() => setForm({ kind: 'new-note' })} />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
              {items.map((item) => (
                <WorkspaceItemCard
                  key={item.id}
                  item={item}
                  onEdit={(edited) => setForm({ kind: 'edit', item: edited })}
                  onAddToDashboard={(chart) =>
                    setPlacing({ title: chart.title, spec: itemContent(chart).spec as MadeChart['spec'] })
                  }
                  onDelete={setDeleting}
                  onTag={(tag) => setTags((old) => (old.includes(tag) ? old : [...old, tag]))}
                />
              ))}
            </SimpleGrid>
            {list.hasNextPage && (
              <Group justify="center">
                <Button variant="default" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
                  Show more
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
      <ItemFormModal target={form} knownTags={knownTags.data ?? []} onClose={() => setForm(null)} />
      {placing && (
        <Suspense fallback={null}>
          <AddToDashboardModal chart={placing} onClose={() => setPlacing(null)} />
        </Suspense>
      )}
      <DeleteItemModal item={deleting} onClose={() => setDeleting(null)} />
    </Container>
  );
}
