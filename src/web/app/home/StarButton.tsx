import { ActionIcon, Tooltip } from '@mantine/core';
import { IconStar, IconStarFilled } from '@tabler/icons-react';
import type { MouseEvent } from 'react';
import { useStarredIds, useToggleStar } from './use-starred';

/** Stars or unstars a dashboard for the signed-in user: on the dashboard's title and on home cards. */
export function StarButton({ dashboardId, title }: { dashboardId: string; title: string }) {
  const { ids, loaded } = useStarredIds();
  const toggle = useToggleStar();
  const starred = ids.includes(dashboardId);
  const label = `${starred ? 'Unstar' : 'Star'} ${title}`;

  const onClick = (event: MouseEvent) => {
    // On a home card the button sits over the card's link: the click is the star's only.
    event.preventDefault();
    event.stopPropagation();
    toggle.mutate({ id: dashboardId, star: !starred, title });
  };

  return (
    <Tooltip label={starred ? 'Starred: shown first on the home page' : 'Star: show it first on the home page'}>
      <ActionIcon
        variant="subtle"
        color={starred ? 'yellow' : 'gray'}
        aria-label={label}
        aria-pressed={starred}
        disabled={!loaded}
        onClick={onClick}
      >
        {starred ? <IconStarFilled size={18} aria-hidden /> : <IconStar size={18} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}
