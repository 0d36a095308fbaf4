import { Alert, Anchor, List, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmActions } from '../components/ConfirmActions';
import { ApiProblem } from '../lib/problems';
import { type Dataset, fetchDatasetUsage, useDeleteDataset } from './use-datasets';

/**
 * Asks before deleting a dataset. When charts use it, the API refuses (409) and says which; they
 * are listed, and "Delete anyway" deletes it regardless (those charts then show an error).
 */
export function DeleteDatasetModal({
  dataset,
  onClose,
  onDeleted,
}: {
  dataset: Dataset | null;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const remove = useDeleteDataset();
  const [inUse, setInUse] = useState<string | null>(null);
  const usage = useQuery({
    queryKey: ['datasets', 'usage', dataset?.id ?? ''],
    enabled: inUse !== null && dataset !== null,
    queryFn: () => fetchDatasetUsage(dataset?.id ?? ''),
  });

  const close = () => {
    setInUse(null);
    remove.reset();
    onClose();
  };

  const confirm = async (force: boolean) => {
    if (!dataset) return;
    try {
      await remove.mutateAsync({ id: dataset.id, force });
      setInUse(null);
      remove.reset();
      onDeleted();
    } catch (error) {
      if (error instanceof ApiProblem && error.code === 'dataset_in_use') {
        setInUse(error.problem.detail ?? error.problem.title);
        remove.reset();
      }
    }
  };

  const charts = usage.data?.charts ?? [];
  const hidden = (usage.data?.total ?? 0) - charts.length;
  return (
    <Modal opened={dataset !== null} onClose={close} title="Delete this dataset?">
      {dataset && (
        <Stack>
          {inUse === null ? (
            <Text>
              “{dataset.name}” and all its rows will be deleted for everyone who can use it. This cannot be undone.
            </Text>
          ) : (
            <Alert color="orange" title="Charts use this dataset" role="alert">
              <Stack gap="xs">
                <Text size="sm">
                  {usage.data
                    ? `${usage.data.total === 1 ? 'One chart draws' : `${usage.data.total} charts draw`} from it. If you delete it anyway, ${usage.data.total === 1 ? 'that chart' : 'those charts'} will show an error until ${usage.data.total === 1 ? 'it is' : 'they are'} pointed at other data.`
                    : inUse}
                </Text>
                {charts.length > 0 && (
                  <List size="sm" spacing={2} aria-label="Charts that use this dataset">
                    {charts.map((chart) => (
                      <List.Item key={chart.chart_id}>
                        “{chart.chart_title}” on{' '}
                        <Anchor component={Link} to={`/dashboards/${chart.dashboard_id}`} size="sm">
                          {chart.dashboard_title}
                        </Anchor>{' '}
                        ({chart.tab_title})
                      </List.Item>
                    ))}
                  </List>
                )}
                {hidden > 0 && (
                  <Text size="sm" c="dimmed">
                    And {hidden} on dashboards you cannot see.
                  </Text>
                )}
              </Stack>
            </Alert>
          )}
          <ConfirmActions
            error={remove.error}
            pending={remove.isPending}
            label={inUse === null ? 'Delete dataset' : 'Delete anyway'}
            onCancel={close}
            onConfirm={() => confirm(inUse !== null)}
          />
        </Stack>
      )}
    </Modal>
  );
}
