import en from './messages/en.ts';
import es from './messages/es.ts';

import type { Message } from './format-message.ts';

/** Every message the interface shows, by key: English has them all. */
export type Catalogue = { [Key in keyof typeof en]: Message };
export type MessageKey = keyof typeof en;

/**
 * The interface's languages, by primary language subtag. Adding one is adding its file in
 * `messages/` (a `Partial<Catalogue>`: what it lacks falls back to English) and its line here.
 */
export const CATALOGUES: Record<string, Partial<Catalogue>> = { en, es };
