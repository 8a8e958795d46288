// The search page: Pagefind in the browser, with the query and filters kept in the URL so that
// searches can be linked, bookmarked and restored on reload.
import { FILTER_NAMES, searchStateFromQuery, searchStateToQuery, type SearchState } from '../lib/search-state';

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

const PAGE_SIZE = 20;

/** Wires the search form: Pagefind loads once, results follow every keystroke and filter change. */
export async function runSearchPage(form: HTMLFormElement): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.querySelector<HTMLElement>('.search-status');
  const list = document.querySelector<HTMLOListElement>('.search-results');
  if (!input || !status || !list) return;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select')];

  const state = searchStateFromQuery(location.search);
  input.value = state.query;
  const base = form.dataset['pagefindBase'] ?? '/pagefind/';
  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind.js`)) as Pagefind;
  } catch {
    status.textContent = 'The search index is missing. It is made by `npm run build`: build the site once, then reload.';
    return;
  }
  await pagefind.options({ highlightParam: 'highlight' });
  showFilters(selects, state);

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
    const results = await Promise.all(search.results.slice(0, PAGE_SIZE).map((result) => result.data()));
    if (run !== latest) return;
    render(list, results, current.query);
    status.textContent = describe(current, search.results.length);
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

function render(list: HTMLOListElement, results: PagefindResultData[], query: string): void {
  list.replaceChildren(
    ...results.map((result) => {
      const item = document.createElement('li');
      item.className = 'result';
      if (result.meta['image']) {
        const image = document.createElement('img');
        image.src = result.meta['image'];
        image.alt = '';
        image.loading = 'lazy';
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
    }),
  );
}

function describe(state: SearchState, count: number): string {
  const filters = Object.entries(state.filters).map(([name, value]) => `${name} ${value}`);
  const within = filters.length > 0 ? ` with ${filters.join(', ')}` : '';
  if (!state.query) return count === 0 ? `No posts${within}.` : `Latest posts${within}.`;
  if (count === 0) {
    return `No results for “${state.query}”${within}. Try fewer or different words${filters.length > 0 ? ', or remove a filter' : ''}.`;
  }
  return `${count} ${count === 1 ? 'result' : 'results'} for “${state.query}”${within}.`;
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
