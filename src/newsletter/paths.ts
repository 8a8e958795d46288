/** Where the newsletter's pages and API live. */
export const NEWSLETTER_PATHS = {
  subscribe: '/api/newsletter/subscribe',
  confirm: '/api/newsletter/confirm',
  unsubscribe: '/api/newsletter/unsubscribe',
  confirmPage: '/newsletter/confirm/',
  unsubscribePage: '/newsletter/unsubscribe/',
  checkInbox: '/newsletter/check-your-inbox/',
  confirmed: '/newsletter/confirmed/',
  unsubscribed: '/newsletter/unsubscribed/',
} as const;
