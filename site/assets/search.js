// Search page enhancement: searches the Pagefind index (built after Eleventy) as the reader types.
// Without JavaScript the page still works: the form reloads the page and the full list stays visible.

const form = document.querySelector('.search-form')
const input = document.getElementById('search-input')
const status = document.getElementById('search-status')
const results = document.getElementById('search-results')
const browse = document.getElementById('search-browse')
const MAX_RESULTS = 20

let pagefind
let latest = 0

async function engine() {
  if (!pagefind) {
    pagefind = await import('/pagefind/pagefind.js')
    await pagefind.options({ excerptLength: 24 })
    pagefind.init()
  }
  return pagefind
}

/** Copies only text and <mark> from Pagefind's excerpt HTML, so content can never add markup. */
function excerptNodes(excerpt) {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html').body
  const out = document.createElement('p')
  out.className = 'search-results__excerpt'
  for (const node of parsed.firstChild?.childNodes ?? []) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark')
      mark.textContent = node.textContent
      out.append(mark)
    } else {
      out.append(node.textContent ?? '')
    }
  }
  return out
}

function show(query, items) {
  results.replaceChildren(
    ...items.map((item) => {
      const li = document.createElement('li')
      const heading = document.createElement('h3')
      const link = document.createElement('a')
      link.href = item.url
      link.textContent = item.meta?.title ?? item.url
      heading.append(link)
      if (item.meta?.kind) {
        const kind = document.createElement('span')
        kind.className = 'search-results__kind'
        kind.textContent = item.meta.kind
        heading.append(' ', kind)
      }
      li.append(heading, excerptNodes(item.excerpt ?? ''))
      return li
    }),
  )
  results.hidden = items.length === 0
  browse.hidden = true
  status.textContent =
    items.length === 0
      ? `No results for “${query}”. Browse the full list instead.`
      : `${items.length === MAX_RESULTS ? `Top ${MAX_RESULTS}` : items.length} ${items.length === 1 ? 'result' : 'results'} for “${query}”`
  if (items.length === 0) browse.hidden = false
}

async function run(query) {
  const ticket = ++latest
  const trimmed = query.trim()
  const url = new URL(location.href)
  if (trimmed) url.searchParams.set('q', trimmed)
  else url.searchParams.delete('q')
  history.replaceState(null, '', url)
  if (!trimmed) {
    results.hidden = true
    results.replaceChildren()
    browse.hidden = false
    status.textContent = ''
    return
  }
  try {
    const search = await (await engine()).search(trimmed)
    const items = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()))
    if (ticket === latest) show(trimmed, items)
  } catch {
    if (ticket === latest) status.textContent = 'Search is unavailable right now. Browse the full list below.'
  }
}

let timer
input.addEventListener('input', () => {
  clearTimeout(timer)
  timer = setTimeout(() => run(input.value), 150)
})
form.addEventListener('submit', (event) => {
  event.preventDefault()
  clearTimeout(timer)
  run(input.value)
})

const initial = new URL(location.href).searchParams.get('q')
if (initial) {
  input.value = initial
  run(initial)
}
