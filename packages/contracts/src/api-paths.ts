/** Path prefix of every API route; the portals and the content origin are served outside it. */
export const API_PREFIX = '/api';

/**
 * Header the portals send with every API call. A page on another origin cannot add it without a
 * CORS preflight, which the API never grants, so its presence proves the call came from a portal.
 */
export const CLIENT_HEADER = 'x-asah-client';
