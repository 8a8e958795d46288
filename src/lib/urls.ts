/**
 * Where an article lives on the site.
 *
 * @example articleUrl('ml-in-production') // '/posts/ml-in-production/'
 */
export const articleUrl = (id: string): string => `/posts/${id}/`;

/**
 * Where a static page lives on the site.
 *
 * @example pageUrl('about') // '/pages/about/'
 */
export const pageUrl = (id: string): string => `/pages/${id}/`;
