import { createTheme, localStorageColorSchemeManager } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});

/** Where the chosen scheme is kept; public/color-scheme.js reads the same key before the app starts. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'ocp-color-scheme' });
