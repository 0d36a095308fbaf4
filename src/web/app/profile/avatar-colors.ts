/**
 * The colours an avatar's initials may take: those whose light-variant text the theme darkens for
 * a 4.5:1 contrast (theme.ts); Mantine's full palette has some (green, orange, yellow…) that fail axe.
 */
export const AVATAR_COLORS = ['blue', 'red', 'gray'];
