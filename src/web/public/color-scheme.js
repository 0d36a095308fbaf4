// Runs before the app: applies the colour scheme saved by Mantine (light, dark or auto), so a
// dark-mode user never sees a white flash while the JavaScript loads.
(() => {
  try {
    const saved = window.localStorage.getItem('ocp-color-scheme');
    const scheme = saved === 'light' || saved === 'dark' ? saved : 'auto';
    const dark = scheme === 'dark' || (scheme === 'auto' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.setAttribute('data-mantine-color-scheme', dark ? 'dark' : 'light');
  } catch {
    // Storage blocked: the app picks the scheme when it starts.
  }
})();
