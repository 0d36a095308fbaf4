import { Button, Container, Group, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useSession } from '../auth/use-session';
import { ErrorAlert } from '../components/ErrorAlert';
import { DatasetDrawer } from '../datasets/DatasetDrawer';
import { DatasetTable } from '../datasets/DatasetTable';
import { DeleteDatasetModal } from '../datasets/DeleteDatasetModal';
import { EmptyDatasets } from '../datasets/EmptyDatasets';
import { RenameDatasetModal } from '../datasets/RenameDatasetModal';
import { UploadModal } from '../datasets/UploadModal';
import { type Dataset, useDatasetList } from '../datasets/use-datasets';
import { useTeams } from '../home/use-dashboards';

/** Datasets: the files loaded into OCP, how to upload one, and each one's columns and rows. */
export default function DatasetsPage() {
  const session = useSession();
  const teams = useTeams();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useDatasetList(q);
  const [uploading, setUploading] = useState<{ target: Dataset | null } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<Dataset | null>(null);
  const [deleting, setDeleting] = useState<Dataset | null>(null);
  const teamNames = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
  const datasets = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between">
          <div>
            <Title order={1} size="h2">
              Datasets
            </Title>
            <Text c="dimmed" size="sm">
              Data that charts, SQL and the assistant can use.
            </Text>
          </div>
          <Button leftSection={<IconUpload size={16} />} onClick={() => setUploading({ target: null })}>
            Upload data
          </Button>
        </Group>
        <TextInput
          aria-label="Search datasets by name"
          placeholder="Search by name"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maw={420}
        />
        {list.isError ? (
          <ErrorAlert error={list.error} title="The datasets could not be loaded" onRetry={() => list.refetch()} />
        ) : list.isPending ? (
          <Stack role="status" aria-label="Loading datasets" gap="xs">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} h={44} radius="sm" />
            ))}
          </Stack>
        ) : datasets.length === 0 ? (
          <EmptyDatasets searching={Boolean(q)} onUpload={() => setUploading({ target: null })} />
        ) : (
          <>
            <DatasetTable
              datasets={datasets}
              myUserId={session?.user.id}
              teamNames={teamNames}
              onOpen={(dataset) => setOpenId(dataset.id)}
            />
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
      <DatasetDrawer
        datasetId={openId}
        myUserId={session?.user.id}
        teamNames={teamNames}
        onClose={() => setOpenId(null)}
        onReload={(dataset) => setUploading({ target: dataset })}
        onRename={setRenaming}
        onDelete={setDeleting}
      />
      <UploadModal
        opened={uploading !== null}
        target={uploading?.target ?? null}
        onClose={() => setUploading(null)}
        onOpenDataset={setOpenId}
      />
      <RenameDatasetModal dataset={renaming} onClose={() => setRenaming(null)} />
      <DeleteDatasetModal
        dataset={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => {
          notifications.show({ color: 'teal', message: `“${deleting?.name ?? 'The dataset'}” was deleted` });
          setDeleting(null);
          setOpenId(null);
        }}
      />
    </Container>
  );
}
