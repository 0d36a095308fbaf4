import { BarChart, HeatmapChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  GraphicComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';

/**
 * The parts of ECharts that toEChartsOption's options use (src/data/charts/*-option.ts), about
 * half the library. echarts-parts.test.ts draws every example chart with only these, so a chart
 * type that needs another part fails there, not in someone's browser.
 */
export const ECHARTS_PARTS = [
  LineChart,
  BarChart,
  ScatterChart,
  PieChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  VisualMapComponent,
  GraphicComponent,
  LabelLayout,
];
