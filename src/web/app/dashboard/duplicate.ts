import type { paths } from '../../api/schema';
import { savedLayout } from './layout';
import type { Dashboard } from './use-dashboard';

export type CreateDashboardBody = paths['/api/dashboards']['post']['requestBody']['content']['application/json'];

const COPY = ' (copy)';

/** "Sales (copy)", within the 200 characters a title may have. */
export function copyTitle(title: string): string {
  return `${title.slice(0, 200 - COPY.length)}${COPY}`;
}

/**
 * What POST /api/dashboards needs to make a copy: the same tabs and charts in the same order, the
 * settings without the chart places (they name the old charts; `layoutForCopy` maps them once the
 * copy exists), private whatever the original was (a copy is a draft of one's own).
 */
export function duplicateBody(source: Dashboard, teamId: string | undefined): CreateDashboardBody {
  const { layout: _places, ...settings } = source.settings;
  return {
    title: copyTitle(source.title),
    description: source.description,
    is_public: false,
    settings,
    ...(teamId ? { team_id: teamId } : {}),
    tabs: source.tabs.map((tab) => ({
      title: tab.title,
      description: tab.description,
      settings: tab.settings,
      charts: tab.charts.map((chart) => ({
        title: chart.title,
        chart_type: chart.chart_type,
        configuration: chart.configuration,
      })),
    })),
  };
}

/**
 * The original's saved chart places keyed by the copy's chart ids. The API creates the tabs and
 * charts in the order sent and answers with them in that order, so the n-th chart of the n-th tab
 * of the copy is the copy of the original's. Null when the original had no saved places.
 */
export function layoutForCopy(
  source: Pick<Dashboard, 'settings' | 'tabs'>,
  copy: Pick<Dashboard, 'settings' | 'tabs'>,
): Record<string, unknown> | null {
  const places = savedLayout(source.settings);
  const mapped: Record<string, unknown> = {};
  source.tabs.forEach((tab, t) => {
    tab.charts.forEach((chart, c) => {
      const place = places[chart.id];
      const newId = copy.tabs[t]?.charts[c]?.id;
      if (place && newId) mapped[newId] = place;
    });
  });
  return Object.keys(mapped).length > 0 ? { ...copy.settings, layout: mapped } : null;
}
