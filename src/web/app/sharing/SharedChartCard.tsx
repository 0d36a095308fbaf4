import { Card, Center, Text } from '@mantine/core';
import { ChartBody } from '../charts/ChartBody';
import type { SharedChart } from './shared-snapshot';
import { useSharedChartData } from './use-shared-dashboard';

interface SharedChartCardProps {
  token: string;
  password: string | undefined;
  chart: SharedChart;
}

/** One chart of a shared dashboard: its title and its drawing, nothing to change it with. */
export function SharedChartCard({ token, password, chart }: SharedChartCardProps) {
  const data = useSharedChartData(token, chart.id, password, chart.spec !== null);
  return (
    <Card withBorder radius="md" padding="sm" h="100%" aria-label={chart.title} component="section">
      <Card.Section withBorder inheritPadding py={6}>
        <Text fw={600} size="sm" truncate="end" component="h3" m={0}>
          {chart.title}
        </Text>
      </Card.Section>
      <div style={{ flex: 1, minHeight: 0, paddingTop: 8 }}>
        {chart.spec ? (
          <ChartBody
            title={chart.title}
            data={data.data ? { spec: chart.spec, result: data.data } : undefined}
            error={data.error}
            loading={data.isPending}
          />
        ) : (
          <Center h="100%">
            <Text size="sm" c="dimmed" ta="center">
              {chart.problem === 'invalid'
                ? 'This chart’s settings cannot be read by this version of OCP.'
                : 'This chart has no data yet.'}
            </Text>
          </Center>
        )}
      </div>
    </Card>
  );
}
