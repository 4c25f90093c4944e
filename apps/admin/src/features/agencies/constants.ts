/** The header picker lists agencies in one request; the API caps a page at 200. */
export const AGENCY_LIST_MAX = 200;
