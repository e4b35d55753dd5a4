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
  const { urls, options } = site;
  const title = page.title === options.siteTitle ? page.title : `${page.title} · ${options.siteTitle}`;
  const nav = ([["home", "/", "Latest"], ["archive", "/archive/", "Archive"], ["topics", "/topics/", "Topics"], ["search", "/search/", "Search"]] as const)
    .map(([key, path, label]) => `<li><a href="${e(urls.href(path))}"${page.section === key ? ' aria-current="page"' : ""}>${label}</a></li>`)
    .join("");
  return `<!DOCTYPE html>
<html lang="${e(page.lang ?? site.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<meta name="description" content="${e(page.description)}">
<link rel="canonical" href="${e(page.canonical)}">
<link rel="stylesheet" href="${e(urls.href("/css/site.css"))}">
<link rel="alternate" type="application/atom+xml" title="${e(options.siteTitle)}" href="${e(site.feedHref)}">
<link rel="alternate" type="application/feed+json" title="${e(options.siteTitle)}" href="${e(site.jsonFeedHref)}">
<meta name="color-scheme" content="light dark">
${page.head ?? ""}</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap">
<p class="site-title"><a href="${e(urls.href("/"))}">${e(options.siteTitle)}</a></p>
<nav aria-label="Sections"><ul>${nav}</ul></nav>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${page.main}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${e(options.siteDescription)} Subscribe: <a href="${e(site.feedHref)}">Atom feed</a> · <a href="${e(site.jsonFeedHref)}">JSON feed</a>.</p>
<p>Articles are published under the licence named on each; texts from Wikinews are CC BY 2.5.</p>
</div>
</footer>
</body>
</html>
`;
}
