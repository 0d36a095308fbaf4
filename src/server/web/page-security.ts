/**
 * The Content-Security-Policy of the app's page: scripts only from this server (the build has no
 * inline script), inline styles (Mantine sets its CSS variables with them), canvases' blob and
 * data images, requests only to this server. Helmet's default for the API keeps
 * upgrade-insecure-requests, which would break the app served over plain HTTP on a LAN address.
 */
export const APP_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');
