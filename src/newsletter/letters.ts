import { courseSeats, courseStatusLabel, coursePrice, courseWhen, placeLines } from '../lib/course-facts.ts';
import { translator } from '../i18n/translate.ts';
import { formatDate } from '../lib/format-date.ts';
import type { LetterContent } from './campaign-email.ts';
import { escapeHtml, linkHtml } from '../lib/escape-html.ts';

/** The site facts letters are written with. */
export interface LetterSite {
  siteName: string;
  siteUrl: string;
  timeZone: string;
  lang: string;
}

const absolute = (url: string, site: LetterSite) => new URL(url, site.siteUrl).href;

/** Why a reader gets a campaign, for its footer. */
export const whyLine = (site: LetterSite, topicTitle?: string) =>
  translator(site.lang)(topicTitle ? 'email.whyTopic' : 'email.why', { site: site.siteName, topic: topicTitle ?? '' });

export interface PostForLetter {
  title: string;
  url: string;
  date?: Date | undefined;
  /** The body fit for email (built-page.ts). */
  html: string;
  /** The cover image's absolute URL. */
  cover?: string | undefined;
}

/** A post or page as an email: its title, date, cover and whole body, and a link to read it on the site. */
export function postLetter(post: PostForLetter, site: LetterSite, why: string): LetterContent {
  const cover = post.cover ? `<p><img src="${escapeHtml(post.cover)}" alt="" width="600"></p>\n` : '';
  return {
    subject: post.title,
    heading: post.title,
    byline: post.date ? formatDate(post.date, site.timeZone, site.lang) : undefined,
    html: `${cover}${post.html}`,
    readUrl: absolute(post.url, site),
    why,
  };
}

export interface CourseForLetter {
  title: string;
  url: string;
  summary: string;
  status: string;
  start?: Date | undefined;
  end?: Date | undefined;
  startHasTime: boolean;
  endHasTime: boolean;
  /** The days it meets, when its header lists them. */
  sessions?: readonly { start: Date; end?: Date | undefined; hasTime: boolean }[] | undefined;
  schedule?: string | undefined;
  venue?: string | undefined;
  address?: string | undefined;
  city: string;
  language?: string | undefined;
  price?: number | undefined;
  currency: string;
  seats?: number | undefined;
  seatsLeft?: number | undefined;
  registrationUrl?: string | undefined;
  /** The course's calendar file (`.ics`), attached when the course has dates. */
  calendar?: string | undefined;
}

/**
 * A course's announcement: its facts (when, where, price, seats left), how to register, and the
 * calendar file attached when it has dates.
 */
export function courseLetter(course: CourseForLetter, site: LetterSite, why: string): LetterContent {
  const t = translator(site.lang);
  const facts: [string, string | undefined][] = [
    [t('email.course.status'), courseStatusLabel(course.status, site.lang)],
    [t('course.when'), courseWhen(course, site.timeZone, site.lang)],
    [t('email.course.schedule'), course.schedule],
    [t('course.where'), placeLines(course).join(', ')],
    [t('course.language'), course.language],
    [t('course.price'), coursePrice(course.price, course.currency, site.lang)],
    [t('course.seats'), courseSeats(course.seats, course.seatsLeft, site.lang)],
  ];
  const rows = facts
    .filter((fact): fact is [string, string] => Boolean(fact[1]))
    .map(([name, value]) => `<tr><td><strong>${escapeHtml(name)}</strong></td><td>${escapeHtml(value)}</td></tr>`)
    .join('\n');
  const register = course.registrationUrl
    ? `<p><a class="button" href="${escapeHtml(course.registrationUrl)}">${escapeHtml(t('email.course.register'))}</a></p><p>${escapeHtml(t('email.course.orOpen', { url: course.registrationUrl }))}</p>`
    : '';
  const calendar = course.start && course.calendar ? `<p>${escapeHtml(t('email.course.calendar'))}</p>` : '';
  return {
    subject: course.status === 'open' ? t('email.course.registrationOpen', { title: course.title }) : course.title,
    heading: course.title,
    byline: courseWhen(course, site.timeZone, site.lang),
    html: `<p>${escapeHtml(course.summary)}</p>\n<table class="facts">${rows}</table>\n${register}\n${calendar}`,
    readUrl: absolute(course.url, site),
    why,
    attachments: course.start && course.calendar ? [{ filename: `${course.url.split('/').filter(Boolean).at(-1) ?? 'course'}.ics`, content: Buffer.from(course.calendar).toString('base64'), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] : [],
  };
}

export interface DigestPost {
  title: string;
  url: string;
  date: Date;
  summary: string;
}

/** New posts since the last digest, newest first: title, date, summary and link each. */
export function digestLetter(posts: readonly DigestPost[], site: LetterSite, why: string): LetterContent {
  const items = posts
    .map(
      (post) =>
        `<h2>${linkHtml(absolute(post.url, site), post.title)}</h2>\n<p class="byline">${escapeHtml(formatDate(post.date, site.timeZone, site.lang))}</p>\n<p>${escapeHtml(post.summary)}</p>`,
    )
    .join('\n');
  const count = translator(site.lang)('email.digest.count', { count: posts.length });
  return { subject: `${site.siteName}: ${count}`, heading: count, html: items, readUrl: site.siteUrl, why };
}
