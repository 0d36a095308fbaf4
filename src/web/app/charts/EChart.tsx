import { Box, Center, Text, useComputedColorScheme } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { toEChartsOption } from '../../../data/charts/to-echarts';
import type { ChartSpec, QueryResult } from '../../../shared/chart-spec';
import { echarts } from './echarts-setup';
import { useElementSize } from './use-element-size';

export interface EChartProps {
  spec: ChartSpec;
  result: QueryResult;
  /** Read by assistive technology in place of the picture. */
  label: string;
  onWarnings?: (warnings: string[]) => void;
}

/**
 * A chart drawn in the browser by ECharts from OCP's own toEChartsOption, at the size of its box
 * (KPI and table charts lay out in it), in the current colour scheme. data-chart-state says
 * "drawn" once the first frame is on screen and "settled" when the animation is over, and again
 * for each new picture (tests and bench:web wait for them).
 */
export function EChart({ spec, result, label, onWarnings }: EChartProps) {
  const { ref, width, height } = useElementSize<HTMLDivElement>();
  const canvas = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const theme = useComputedColorScheme('light');
  const [state, setState] = useState<'drawing' | 'drawn' | 'settled'>('drawing');

  const drawing = useMemo(() => {
    if (width === 0 || height === 0) return null;
    try {
      return { ...toEChartsOption(spec, result, { width, height, theme }), error: null };
    } catch (error) {
      return { option: null, warnings: [], error: error instanceof Error ? error.message : String(error) };
    }
  }, [spec, result, width, height, theme]);

  useEffect(() => {
    if (drawing?.warnings.length) onWarnings?.(drawing.warnings);
  }, [drawing, onWarnings]);

  // A new picture (not just a new size) is drawn and animated again: say so, so that whoever
  // waits for "settled" does not take the previous picture's state for this one's.
  const drawnFrom = useRef<unknown[] | null>(null);
  useEffect(() => {
    const from = [spec, result, theme];
    if (drawnFrom.current?.some((value, i) => value !== from[i])) setState('drawing');
    drawnFrom.current = from;
  }, [spec, result, theme]);

  useEffect(() => {
    const element = canvas.current;
    if (!element || !drawing?.option) return;
    if (!chart.current) {
      chart.current = echarts.init(element, null, { renderer: 'canvas' });
      chart.current.on('rendered', () => setState((old) => (old === 'drawing' ? 'drawn' : old)));
      chart.current.on('finished', () => setState('settled'));
    }
    chart.current.resize({ width, height });
    // The card behind it is the background here (the option's own is for server-side images).
    chart.current.setOption({ ...drawing.option, backgroundColor: 'transparent' }, { notMerge: true });
  }, [drawing, width, height]);

  useEffect(
    () => () => {
      chart.current?.dispose();
      chart.current = null;
    },
    [],
  );

  return (
    <Box ref={ref} pos="relative" w="100%" h="100%" style={{ minHeight: 0 }}>
      {drawing?.error ? (
        <Center h="100%" p="md">
          <Text size="sm" c="red" ta="center" role="alert">
            This chart cannot be drawn: {drawing.error}
          </Text>
        </Center>
      ) : (
        <div
          ref={canvas}
          role="img"
          aria-label={label}
          data-chart-state={state}
          style={{ position: 'absolute', inset: 0 }}
        />
      )}
    </Box>
  );
}
