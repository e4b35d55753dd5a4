/** Small pieces several templates print: article lists, pagination, period links, the month calendar, topic lists. */
import { escapeHtml as e, WEEKDAYS, monthName } from "../../src/site/templating.ts";
import type { ArticleSummary, Link, MonthCalendar, TopicLink } from "../../src/site/index.ts";

/** A list of articles with date and lead. */
export function articleList(items: readonly ArticleSummary[], headingLevel: 2 | 3 = 2): string {
  if (items.length === 0) return `<p class="empty">No articles.</p>`;
  const h = `h${headingLevel}`;
  const rows = items.map((item) => `<li class="teaser"${item.lang === null ? "" : ` lang="${e(item.lang)}"`}>
<${h} class="teaser-title"><a href="${e(item.href)}">${e(item.title)}</a></${h}>
<p class="meta"><time datetime="${e(item.date)}">${e(item.dateLabel)}</time></p>${item.summary === null ? "" : `
<p class="lead">${e(item.summary)}</p>`}
</li>`);
  return `<ol class="teasers">\n${rows.join("\n")}\n</ol>`;
}

/** Links to the newer and older page of a listing, with the position. */
export function pager(label: string, newer: Link | null, older: Link | null, pageNumber: number, pageCount: number): string {
  if (newer === null && older === null) return "";
  return `<nav class="pager" aria-label="${e(label)}">
${newer === null ? `<span></span>` : `<a rel="prev" href="${e(newer.href)}">← ${e(newer.label)}</a>`}
<span class="pager-position">Page ${pageNumber} of ${pageCount}</span>
${older === null ? `<span></span>` : `<a rel="next" href="${e(older.href)}">${e(older.label)} →</a>`}
</nav>`;
}

/** Links to the previous and next period (or article) that exists. */
export function prevNext(label: string, previous: Link | null, next: Link | null): string {
  if (previous === null && next === null) return "";
  return `<nav class="prev-next" aria-label="${e(label)}">
${previous === null ? `<span></span>` : `<a href="${e(previous.href)}"><span class="hint">Previous</span> ${e(previous.label)}</a>`}
${next === null ? `<span></span>` : `<a class="next" href="${e(next.href)}"><span class="hint">Next</span> ${e(next.label)}</a>`}
</nav>`;
}

/** A month as a table, Monday first; days with articles are links. */
export function calendarTable(calendar: MonthCalendar): string {
  const head = WEEKDAYS.map((day) => `<th scope="col">${day}</th>`).join("");
  const rows = calendar.weeks.map((week) => `<tr>${week.map((cell) => {
    if (cell.day === null) return `<td></td>`;
    if (cell.href === null) return `<td>${cell.day}</td>`;
    const label = `${cell.day} ${monthName(calendar.month)} ${calendar.year}: ${cell.count} ${cell.count === 1 ? "article" : "articles"}`;
    return `<td class="has-articles"><a href="${e(cell.href)}" aria-label="${e(label)}">${cell.day}</a></td>`;
  }).join("")}</tr>`);
  return `<table class="calendar">
<caption class="visually-hidden">${monthName(calendar.month)} ${calendar.year}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}

/** Topics as a list: linked where the topic has a page, plain text otherwise. */
export function topicList(topics: readonly TopicLink[], withCounts: boolean): string {
  const items = topics.map((topic) => {
    const count = withCounts ? ` <span class="count">${topic.count}</span>` : "";
    return topic.href === null ? `<li>${e(topic.name)}${count}</li>` : `<li><a href="${e(topic.href)}">${e(topic.name)}</a>${count}</li>`;
  });
  return `<ul class="topic-list">${items.join("")}</ul>`;
}
