import { describe, expect, it } from 'vitest';
import { queryAs, useTestDatabase } from '../../test/support/db.js';
import { createWorld } from '../../test/support/world.js';

const db = useTestDatabase();

describe('smoke', () => {
  it('builds the world', async () => {
    const world = await createWorld(db);
    const rows = await queryAs(db, world.viewer, 'select id from dashboards');
    expect(rows.map((r) => r.id)).toContain(world.team.dashboardId);
  });
});
