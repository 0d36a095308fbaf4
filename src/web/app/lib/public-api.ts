import { createApiClient } from '../../api/client';

/** The API client for calls made without a session: sign-up, sign-in and refresh. */
export const publicApi = createApiClient({ baseUrl: window.location.origin });
