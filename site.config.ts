import { defineSiteConfig } from './src/config/site-schema';

// The site's settings: the README's "Configuration" section explains each one.
export default defineSiteConfig({
  title: 'The Gurus',
  tagline: 'Machine Learning in production, from Madrid',
  url: process.env['SITE_URL'] ?? 'http://localhost:4321',
  language: 'en',
  timeZone: 'Europe/Madrid',
  defaultAuthor: 'The Gurus Team',
  social: [
    { label: 'Twitter', url: 'https://twitter.com/TheGurusTeam' },
    { label: 'LinkedIn', url: 'https://www.linkedin.com/company/the-gurus-team' },
  ],
  pageSize: 10,
  intro: 'We take machine learning models from the notebook to production, and write down what we learn on the way: here, and in our courses in Madrid.',
  trainingIntro: 'Hands-on courses on taking machine learning to production, taught by people who do it.',
  newsletter: {
    blurb: 'New posts about machine learning in production, and our courses, by email. No spam.',
    consentText:
      'I agree to receive emails from The Gurus about machine learning in production and our courses. I can unsubscribe at any time.',
    consentVersion: '2026-11-27',
    address: 'The Gurus Team · Madrid, Spain',
  },
});
