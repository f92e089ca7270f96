/**
 * The request header proxy.ts puts a page's path and query in, so that a
 * page can send a visitor to sign in and back. Set only by proxy.ts: a
 * client's own value is replaced.
 */
export const PATH_HEADER = "x-parley-path";
