import { useMantineColorScheme } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../lib/api';
import { queryKeys } from '../lib/query-keys';
import type { Profile } from './use-profile';

// The theme lives in two places: this browser's localStorage (Mantine's colour scheme manager,
// read before the app starts by public/color-scheme.js, so there is no flash) and the profile's
// preferences.theme, so that it follows the user to another browser. The profile wins when it
// is loaded; every change made here is written to both.

export const THEMES = ['light', 'dark', 'auto'] as const;
export type ThemePreference = (typeof THEMES)[number];

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** Applies the stored theme when the profile arrives, and again only if it changes there. */
export function useStoredTheme(profile: Profile | undefined): void {
  const { setColorScheme } = useMantineColorScheme();
  const stored = profile?.preferences.theme;
  const applied = useRef<ThemePreference | null>(null);
  useEffect(() => {
    if (!isThemePreference(stored) || stored === applied.current) return;
    applied.current = stored;
    setColorScheme(stored);
  }, [stored, setColorScheme]);
}

/**
 * Switches the theme at once and saves it in the profile. The cached profile is updated first, so
 * useStoredTheme agrees; if saving fails the theme stays as chosen here, in this browser.
 */
export function useSetTheme(): (theme: ThemePreference) => Promise<void> {
  const { setColorScheme } = useMantineColorScheme();
  const queryClient = useQueryClient();
  return async (theme) => {
    setColorScheme(theme);
    queryClient.setQueryData<Profile>(queryKeys.profile, (old) =>
      old ? { ...old, preferences: { ...old.preferences, theme } } : old,
    );
    try {
      const { data } = await api.PATCH('/api/profile', { body: { preferences: { theme } } });
      if (data) queryClient.setQueryData(queryKeys.profile, data);
    } catch {
      // Offline: the theme is kept in this browser only.
    }
  };
}
