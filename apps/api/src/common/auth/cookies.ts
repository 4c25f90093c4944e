/** Access token cookie: sent with every API call. */
export const ACCESS_COOKIE = 'asah_at';
/** Refresh token cookie: sent only to /api/auth, so ordinary calls never carry it. */
export const REFRESH_COOKIE = 'asah_rt';
export const REFRESH_COOKIE_PATH = '/api/auth';
