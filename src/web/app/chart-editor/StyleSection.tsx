import {
  Divider,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { type ChartType, PALETTES } from '../../../shared/chart-spec';
import { AxisFields } from './AxisFields';
import type { Draft, FieldErrors } from './spec-draft';

type Style = NonNullable<Draft['style']>;

interface StyleSectionProps {
  type: ChartType;
  style: Style;
  /** What the chart is called when the title is left empty. */
  titlePlaceholder: string;
  /** Errors inside the style ("title", "y_axis.format.currency"). */
  errors: FieldErrors;
  /** Sets one value inside the style (undefined removes it). */
  onSet: (path: (string | number)[], value: unknown) => void;
}

const CUSTOM = '__custom__';
const PALETTE_LABELS: Record<(typeof PALETTES)[number], string> = {
  ocp: 'OCP',
  classic: 'Classic',
  vivid: 'Vivid',
  pastel: 'Pastel',
  mono: 'Monochrome',
  colorblind: 'Colour-blind safe',
};
const CARTESIAN: ChartType[] = ['line', 'area', 'bar', 'stacked_bar', 'scatter', 'combo', 'histogram', 'heatmap'];

/** Title, colours, legend and labels, then what only some types have (stacking, bins, KPI text, axes). */
export function StyleSection({ type, style, titlePlaceholder, errors, onSet }: StyleSectionProps) {
  const bars = type === 'bar' || type === 'stacked_bar';
  const palette = Array.isArray(style.palette) ? CUSTOM : (style.palette ?? null);
  const legend = style.legend;
  return (
    <Stack gap="sm">
      <TextInput
        label="Title"
        description="Also the chart’s name on the dashboard"
        placeholder={titlePlaceholder}
        value={style.title ?? ''}
        onChange={(e) => onSet(['title'], e.currentTarget.value || undefined)}
        error={errors.title}
        maxLength={200}
      />
      <TextInput
        label="Subtitle"
        value={style.subtitle ?? ''}
        onChange={(e) => onSet(['subtitle'], e.currentTarget.value || undefined)}
        error={errors.subtitle}
        maxLength={500}
      />
      <Select
        label="Colours"
        placeholder="Default (OCP)"
        data={[
          ...PALETTES.map((p) => ({ value: p, label: PALETTE_LABELS[p] })),
          ...(palette === CUSTOM ? [{ value: CUSTOM, label: 'Custom colours (edit them in the JSON view)' }] : []),
        ]}
        value={palette}
        onChange={(value) => value !== CUSTOM && onSet(['palette'], value ?? undefined)}
        error={errors.palette}
        clearable
        comboboxProps={{ withinPortal: true }}
      />
      <Group grow align="flex-end">
        <Switch
          label="Show the legend"
          checked={legend?.show ?? true}
          onChange={(e) => onSet(['legend', 'show'], e.currentTarget.checked ? undefined : false)}
        />
        <Select
          label="Legend position"
          data={['top', 'bottom', 'left', 'right'].map((p) => ({ value: p, label: p[0]?.toUpperCase() + p.slice(1) }))}
          value={legend?.position ?? 'top'}
          onChange={(value) => onSet(['legend', 'position'], value === 'top' ? undefined : value)}
          allowDeselect={false}
          disabled={legend?.show === false}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      <Switch
        label="Write the values on the marks"
        checked={style.labels ?? false}
        onChange={(e) => onSet(['labels'], e.currentTarget.checked ? true : undefined)}
      />
      {(bars || type === 'area' || type === 'line' || type === 'combo') && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Stacking
          </Text>
          <SegmentedControl
            aria-label="Stacking"
            data={[
              { value: 'none', label: 'None' },
              { value: 'stacked', label: 'Stacked' },
              { value: 'percent', label: '100%' },
            ]}
            value={style.stack ?? (type === 'stacked_bar' ? 'stacked' : 'none')}
            onChange={(value) => onSet(['stack'], value)}
          />
        </Stack>
      )}
      {bars && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Bars
          </Text>
          <SegmentedControl
            aria-label="Bar orientation"
            data={[
              { value: 'vertical', label: 'Vertical' },
              { value: 'horizontal', label: 'Horizontal' },
            ]}
            value={style.orientation ?? 'vertical'}
            onChange={(value) => onSet(['orientation'], value === 'vertical' && !style.orientation ? undefined : value)}
          />
        </Stack>
      )}
      {(type === 'line' || type === 'area' || type === 'combo') && (
        <Switch
          label="Smooth lines"
          checked={style.smooth ?? false}
          onChange={(e) => onSet(['smooth'], e.currentTarget.checked ? true : undefined)}
        />
      )}
      {type === 'histogram' && (
        <NumberInput
          label="Bins"
          placeholder="Automatic"
          min={2}
          max={200}
          allowDecimal={false}
          value={style.bins ?? ''}
          onChange={(value) => onSet(['bins'], typeof value === 'number' ? value : undefined)}
          error={errors.bins}
        />
      )}
      {type === 'kpi' && (
        <SimpleGrid cols={2} spacing="xs">
          <TextInput
            label="Prefix"
            placeholder="e.g. $"
            value={style.kpi?.prefix ?? ''}
            onChange={(e) => onSet(['kpi', 'prefix'], e.currentTarget.value || undefined)}
            maxLength={20}
          />
          <TextInput
            label="Suffix"
            placeholder="e.g. users"
            value={style.kpi?.suffix ?? ''}
            onChange={(e) => onSet(['kpi', 'suffix'], e.currentTarget.value || undefined)}
            maxLength={20}
          />
          <Switch
            label="Compare with the previous row"
            checked={style.kpi?.compare === 'previous_row'}
            onChange={(e) => onSet(['kpi', 'compare'], e.currentTarget.checked ? 'previous_row' : undefined)}
          />
        </SimpleGrid>
      )}
      {CARTESIAN.includes(type) && (
        <>
          <Divider label="X axis" labelPosition="left" />
          <AxisFields axis="x_axis" values={style.x_axis} errors={errors} onSet={onSet} dates />
          <Divider label="Y axis" labelPosition="left" />
          <AxisFields axis="y_axis" values={style.y_axis} errors={errors} onSet={onSet} />
          {type === 'combo' && (
            <>
              <Divider label="Second Y axis" labelPosition="left" />
              <AxisFields axis="y2_axis" values={style.y2_axis} errors={errors} onSet={onSet} />
            </>
          )}
        </>
      )}
      {!CARTESIAN.includes(type) && (
        <>
          <Divider label="Numbers" labelPosition="left" />
          <AxisFields axis="y_axis" values={style.y_axis} errors={errors} onSet={onSet} formatOnly />
        </>
      )}
    </Stack>
  );
}
