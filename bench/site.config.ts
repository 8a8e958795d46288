import { defineSiteConfig } from '../src/config/site-schema';

// The settings `npm run bench` builds its generated corpus with: the defaults, whose navigation is
// made from the corpus itself (the site's own navigation links pages the corpus does not have).
export default defineSiteConfig({
  title: 'Bench',
  defaultAuthor: 'Bench',
});
