import { Button, type ButtonProps, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { MAX_CHARTS_PER_TAB } from './use-chart-actions';

interface AddChartButtonProps extends ButtonProps {
  /** How many charts the tab has: at the limit the button says why it does nothing. */
  chartCount: number;
  onAdd: () => void;
}

/** Opens the chart editor for a new chart on the active tab (editors only). */
export function AddChartButton({ chartCount, onAdd, ...buttonProps }: AddChartButtonProps) {
  const full = chartCount >= MAX_CHARTS_PER_TAB;
  const reason = `This tab already has ${MAX_CHARTS_PER_TAB} charts, the most a tab holds. Move or delete one, or add a tab.`;
  return (
    <Tooltip label={full ? reason : 'Make a chart from a dataset'} multiline w={full ? 280 : undefined}>
      {/* Disabled through aria and data attributes, not `disabled`, so the tooltip still explains why. */}
      <Button
        leftSection={<IconPlus size={16} />}
        {...buttonProps}
        {...(full ? { 'data-disabled': true, 'aria-disabled': true, 'aria-description': reason } : {})}
        onClick={(event) => {
          if (full) event.preventDefault();
          else onAdd();
        }}
      >
        Add chart
      </Button>
    </Tooltip>
  );
}
