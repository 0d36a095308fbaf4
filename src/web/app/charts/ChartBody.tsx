import { Center, Skeleton, Stack, Text } from '@mantine/core';
import { problemMessage } from '../lib/problems';
import { EChart } from './EChart';
import type { ChartData } from './use-chart-data';

interface ChartBodyProps {
  title: string;
  data: ChartData | undefined;
  error: unknown;
  loading: boolean;
  onWarnings?: (warnings: string[]) => void;
}

/** A chart's drawing area: a placeholder while its data loads, the API's words if it fails. */
export function ChartBody({ title, data, error, loading, onWarnings }: ChartBodyProps) {
  if (error) {
    return (
      <Center h="100%" p="md">
        <Stack gap={4} align="center" role="alert">
          <Text size="sm" fw={600}>
            The data for this chart could not be loaded
          </Text>
          <Text size="sm" c="dimmed" ta="center">
            {problemMessage(error)}
          </Text>
        </Stack>
      </Center>
    );
  }
  if (loading || !data) return <Skeleton h="100%" w="100%" radius="sm" aria-label={`Loading ${title}`} />;
  return (
    <EChart
      spec={data.spec}
      result={data.result}
      label={`${title}: ${data.spec.type.replace('_', ' ')} chart`}
      {...(onWarnings ? { onWarnings } : {})}
    />
  );
}
