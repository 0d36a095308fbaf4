import { Badge } from '@mantine/core';
import { roleLabel, type TeamRole } from './use-teams';

// Strongest for the most rights; only colours whose text keeps a 4.5:1 contrast (axe) in both themes.
const LOOKS: Record<TeamRole, { color: string; variant: string }> = {
  admin: { color: 'blue', variant: 'filled' },
  editor: { color: 'blue', variant: 'light' },
  viewer: { color: 'gray', variant: 'light' },
};

/** A member's role as a small label (its word, not only its colour). */
export function RoleBadge({ role }: { role: TeamRole }) {
  return (
    <Badge {...LOOKS[role]} data-role={role}>
      {roleLabel(role)}
    </Badge>
  );
}
