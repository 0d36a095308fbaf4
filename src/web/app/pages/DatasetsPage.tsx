import { Button, Container, Group, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useSession } from '../auth/use-session';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { RowsSkeleton } from '../components/RowsSkeleton';
import { DatasetDrawer } from '../datasets/DatasetDrawer';
import { DatasetTable } from '../datasets/DatasetTable';
import { DeleteDatasetModal } from '../datasets/DeleteDatasetModal';
import { EmptyDatasets } from '../datasets/EmptyDatasets';
import { RenameDatasetModal } from '../datasets/RenameDatasetModal';
import { UploadModal } from '../datasets/UploadModal';
import { type Dataset, useDatasetList } from '../datasets/use-datasets';
import { useTeamNames } from '../teams/use-team-lookups';

/** Datasets: the files loaded into OCP, how to upload one, and each one's columns and rows. */
export default function DatasetsPage() {
  const session = useSession();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useDatasetList(q);
  const [uploading, setUploading] = useState<{ target: Dataset | null } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<Dataset | null>(null);
  const [deleting, setDeleting] = useState<Dataset | null>(null);
  const teamNames = useTeamNames();
  const datasets = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <PageHeader
          title="Datasets"
          action={
            <Button leftSection={<IconUpload size={16} />} onClick={() => setUploading({ target: null })}>
              Upload data
            </Button>
          }
        >
          Data that charts, SQL and the assistant can use.
        </PageHeader>
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
          <RowsSkeleton label="Loading datasets" />
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
