import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { ECHARTS_PARTS } from './echarts-parts';

echarts.use([...ECHARTS_PARTS, CanvasRenderer]);

export { echarts };
