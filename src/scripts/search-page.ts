// The search page: Pagefind in the browser, with the query and filters kept in the URL so that
// searches can be linked, bookmarked and restored on reload.
import { FILTER_NAMES, searchStateFromQuery, searchStateToQuery, type SearchState } from '../lib/search-state';
import { formatMessage, type Message, type MessageValues } from '../i18n/format-message';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(
    query: string | null,
    options: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

/** Results shown at first, and added by each press of "Show more results" (`data-page-size` may say otherwise). */
const PAGE_SIZE = 20;

/** The page's words, as the page wrote them (`data-messages`), in its language. */
type Say = (key: string, values?: MessageValues) => string;

function sayerOf(form: HTMLFormElement): Say {
  const messages = JSON.parse(form.dataset['messages'] ?? '{}') as Record<string, Message>;
  const lang = form.dataset['lang'] ?? document.documentElement.lang;
  return (key, values) => formatMessage(messages[key] ?? key, lang, values);
}

/** Wires the search form: Pagefind loads once, results follow every keystroke and filter change. */
export async function runSearchPage(form: HTMLFormElement): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.querySelector<HTMLElement>('.search-status');
  const list = document.querySelector<HTMLOListElement>('.search-results');
  if (!input || !status || !list) return;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select')];
  const say = sayerOf(form);
  const pageSize = Number(form.dataset['pageSize']) || PAGE_SIZE;
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'search-more';
  more.textContent = say('search.more');
  more.hidden = true;
  list.after(more);

  const state = searchStateFromQuery(location.search);
  input.value = state.query;
  const base = form.dataset['pagefindBase'] ?? '/pagefind/';
  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind.js`)) as Pagefind;
  } catch {
    status.textContent = say('search.missingIndex');
    return;
  }
  await pagefind.options({ highlightParam: 'highlight' });
  showFilters(selects, state);
  // A search linked with its filters shows them.
  if (Object.keys(state.filters).length > 0 || state.sort === 'date') form.querySelector('details')?.setAttribute('open', '');

  let latest = 0;
  let searched: string | undefined;
  const update = async () => {
    const current: SearchState = {
      query: input.value.trim(),
      filters: Object.fromEntries(
        selects.filter((select) => FILTER_NAMES.includes(select.name) && select.value).map((select) => [select.name, select.value]),
      ),
      sort: form.querySelector<HTMLSelectElement>('select[name="sort"]')?.value === 'date' ? 'date' : 'relevance',
    };
    const query = searchStateToQuery(current);
    // The same search again (Enter, then the typing pause that ends after it) would make the
    // reader wait for both: Pagefind answers one search at a time, and 10,000 matches take ~0.5 s.
    if (query === searched) return;
    searched = query;
    history.replaceState(null, '', `${location.pathname}${query}`);
    const run = ++latest;
    const sort: Record<string, 'desc'> | undefined = current.sort === 'date' || !current.query ? { date: 'desc' } : undefined;
    const search = await pagefind.search(current.query || null, { filters: current.filters, ...(sort ? { sort } : {}) });
    const first = await Promise.all(search.results.slice(0, pageSize).map((result) => result.data()));
    if (run !== latest) return;
    list.replaceChildren(...first.map((result) => resultItem(result, current.query)));
    let shown = first.length;
    const describeShown = () => {
      status.textContent = describe(current, search.results.length, shown, say);
      more.hidden = shown >= search.results.length;
    };
    describeShown();
    // The next results load only when asked for: each needs its own fragment fetched.
    more.onclick = async () => {
      more.disabled = true;
      const next = await Promise.all(search.results.slice(shown, shown + pageSize).map((result) => result.data()));
      more.disabled = false;
      if (run !== latest) return;
      const items = next.map((result) => resultItem(result, current.query));
      list.append(...items);
      shown += next.length;
      describeShown();
      // Where the reader was: the first new result, so a keyboard user goes on from there.
      items[0]?.querySelector('a')?.focus();
    };
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
  for (const select of selects) select.addEventListener('change', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void update();
  });
  list.addEventListener('keydown', (event) => moveFocus(event, list, input));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      list.querySelector<HTMLAnchorElement>('a')?.focus();
    }
  });
  await update();
}

/** Shows the URL's filters in the form, whose options the page was built with (see `searchFilterCounts`). */
function showFilters(selects: HTMLSelectElement[], state: SearchState): void {
  for (const select of selects) select.value = select.name === 'sort' ? (state.sort === 'date' ? 'date' : '') : (state.filters[select.name] ?? '');
}

/** One result: its cover, title, date and excerpt. */
function resultItem(result: PagefindResultData, query: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'result';
  if (result.meta['image']) {
    const image = document.createElement('img');
    image.src = result.meta['image'];
    image.alt = '';
    image.loading = 'lazy';
    // A picture on another host that does not answer: the result reads better without its frame.
    image.addEventListener('error', () => image.remove(), { once: true });
    item.append(image);
  }
  const body = document.createElement('div');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta['title'] ?? result.url;
  body.append(link);
  if (result.meta['date']) {
    const time = document.createElement('time');
    time.dateTime = result.meta['date'];
    time.textContent = new Date(`${result.meta['date']}T12:00:00Z`).toLocaleDateString(document.documentElement.lang, {
      dateStyle: 'long',
    });
    body.append(time);
  }
  const excerpt = document.createElement('p');
  // Pagefind's excerpt is escaped text with <mark> around the matched words.
  excerpt.innerHTML = query ? result.excerpt : '';
  if (excerpt.innerHTML) body.append(excerpt);
  item.append(body);
  return item;
}

function describe(state: SearchState, count: number, shown: number, say: Say): string {
  const filters = Object.entries(state.filters).map(([name, value]) => `${say(`search.filter.${name}`).toLocaleLowerCase()} ${value}`);
  const within = filters.length > 0 ? say('search.status.within', { filters: filters.join(', ') }) : '';
  const more = shown < count ? ` ${say('search.status.shown', { shown, count })}` : '';
  if (!state.query) return `${say(count === 0 ? 'search.status.none' : 'search.status.latest', { within })}${more}`;
  if (count === 0) return say(filters.length > 0 ? 'search.status.noResultsFiltered' : 'search.status.noResults', { query: state.query, within });
  return `${say('search.status.results', { count, query: state.query, within })}${more}`;
}

/** Arrow keys move through the result links; Enter follows the focused one, as links do. */
function moveFocus(event: KeyboardEvent, list: HTMLOListElement, input: HTMLInputElement): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
  const index = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (index < 0) return;
  event.preventDefault();
  const next = event.key === 'ArrowDown' ? links[index + 1] : links[index - 1];
  (next ?? (event.key === 'ArrowUp' ? input : links[index]))?.focus();
}
