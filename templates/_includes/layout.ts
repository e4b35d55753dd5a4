/** The page shell every HTML page shares: head, skip link, header, main, footer. */
import { escapeHtml as e } from "../../src/site/templating.ts";
import type { SiteData } from "../../src/site/index.ts";

/** What one page puts into the shell. */
export interface PageShell {
  readonly title: string;
  readonly canonical: string;
  readonly description: string;
  readonly lang?: string;
  /** Extra `<head>` markup, already escaped. */
  readonly head?: string;
  /** The `<main>` content, already escaped. */
  readonly main: string;
  /** Marks the current section in the navigation. */
  readonly section?: "home" | "archive" | "topics" | "search";
}

/** Renders a whole HTML page. */
export function layout(site: SiteData, page: PageShell): string {
  const shell = shellOf(site);
  const { options } = site;
  const title = page.title === options.siteTitle ? page.title : `${page.title} · ${options.siteTitle}`;
  return `<!DOCTYPE html>
<html lang="${e(page.lang ?? site.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<meta name="description" content="${e(page.description)}">
<link rel="canonical" href="${e(page.canonical)}">
${shell.head}${page.head ?? ""}${shell.top(page.section)}${page.main}${shell.bottom}`;
}

/** The parts of the shell that are the same on every page of a site (the header for each current section). */
interface Shell {
  readonly head: string;
  readonly top: (section: PageShell["section"]) => string;
  readonly bottom: string;
}

/** The shell of each site data a run renders with, made at its first page and let go with the data. */
const shells = new WeakMap<SiteData, Shell>();

function shellOf(site: SiteData): Shell {
  let shell = shells.get(site);
  if (shell === undefined) {
    shell = makeShell(site);
    shells.set(site, shell);
  }
  return shell;
}

function makeShell(site: SiteData): Shell {
  const { urls, options } = site;
  const head = flat(`<link rel="stylesheet" href="${e(urls.href("/css/site.css"))}">
<link rel="alternate" type="application/atom+xml" title="${e(options.siteTitle)}" href="${e(site.feedHref)}">
<link rel="alternate" type="application/feed+json" title="${e(options.siteTitle)}" href="${e(site.jsonFeedHref)}">
<meta name="color-scheme" content="light dark">
`);
  const tops = new Map<PageShell["section"], string>();
  const top = (section: PageShell["section"]): string => {
    let made = tops.get(section);
    if (made === undefined) {
      const nav = ([["home", "/", "Latest"], ["archive", "/archive/", "Archive"], ["topics", "/topics/", "Topics"], ["search", "/search/", "Search"]] as const)
        .map(([key, path, label]) => `<li><a href="${e(urls.href(path))}"${section === key ? ' aria-current="page"' : ""}>${label}</a></li>`)
        .join("");
      made = flat(`</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap">
<p class="site-title"><a href="${e(urls.href("/"))}">${e(options.siteTitle)}</a></p>
<nav aria-label="Sections"><ul>${nav}</ul></nav>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
`);
      tops.set(section, made);
    }
    return made;
  };
  const bottom = flat(`
</main>
<footer class="site-footer">
<div class="wrap">
<p>${e(options.siteDescription)} Subscribe: <a href="${e(site.feedHref)}">Atom feed</a> · <a href="${e(site.jsonFeedHref)}">JSON feed</a>.</p>
<p>Articles are published under the licence named on each; texts from Wikinews are CC BY 2.5.</p>
</div>
</footer>
</body>
</html>
`);
  return { head, top, bottom };
}

/** The text as one flat string (reading a character makes it one), as it is copied into every page. */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
