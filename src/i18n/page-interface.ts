import site from '@site-config';
import { translator, type Translate } from './translate';

declare global {
  namespace App {
    interface Locals {
      /** The language of the page being rendered, when it is not the site's (a translation). */
      lang?: string;
    }
  }
}

/**
 * The interface's words for the page being rendered: in its own language (a translation's
 * view sets `Astro.locals.lang` first), else the site's.
 */
export function pageInterface(locals: App.Locals): Translate {
  return translator(locals.lang ?? site.language);
}
