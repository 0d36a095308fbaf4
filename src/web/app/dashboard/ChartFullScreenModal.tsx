import { Center, Modal, Text } from '@mantine/core';
import { ChartBody } from '../charts/ChartBody';
import { useSavedChartData } from '../charts/use-chart-data';
import type { Chart } from './use-dashboard';

/** One chart filling the screen, with its title; Esc or the close button returns to the dashboard. */
export function ChartFullScreenModal({ chart, onClose }: { chart: Chart | null; onClose: () => void }) {
  return (
    <Modal
      opened={chart !== null}
      onClose={onClose}
      fullScreen
      title={chart?.title}
      closeButtonProps={{ 'aria-label': 'Close full screen' }}
      styles={{
        content: { display: 'flex', flexDirection: 'column' },
        body: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
        title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' },
      }}
    >
      {chart && <FullScreenChart chart={chart} />}
    </Modal>
  );
}

function FullScreenChart({ chart }: { chart: Chart }) {
  const configured = Object.keys(chart.configuration).length > 0;
  // The same query as the card's: the data is on screen at once, without a second request.
  const data = useSavedChartData(chart, configured);
  return (
    <div style={{ flex: 1, minHeight: 0 }} data-testid="full-screen-chart">
      {configured ? (
        <ChartBody title={chart.title} data={data.data} error={data.error} loading={data.isPending} />
      ) : (
        <Center h="100%">
          <Text c="dimmed">This chart has no data configuration yet.</Text>
        </Center>
      )}
    </div>
  );
}
