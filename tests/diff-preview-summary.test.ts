import { describe, expect, it } from "vitest";
import { renderPreviewSummary } from "../src/cli/preview-summary.ts";
import type { PreviewReport } from "../src/cli/preview-summary.ts";

const report: PreviewReport = {
  articles: [
    { status: "added", file: "articles/2021/06/2021-06-04-new.txt", title: "New <b>one</b>", url: "/2021/06/04/new/" },
    { status: "removed", file: "articles/2020/01/2020-01-01-old.txt", title: null, url: null },
  ],
  pages: { added: ["/2021/06/04/new/"], changed: ["/", "/feed.xml"], removed: [], searchIndexChanged: true },
  pagesNote: null,
  diagnostics: [
    { file: "articles/2021/06/2021-06-04-new.txt", line: 3, column: 1, severity: "error", message: "The date 2021-02-30 does not exist", rule: "date-impossible" },
  ],
  pathPrefix: "/pr-7/",
  linkBase: "https://preview.example.org/pr-7/",
};

describe("renderPreviewSummary", () => {
  it("should list the articles with links into the preview, escaping their headlines", () => {
    const markdown = renderPreviewSummary(report);
    expect(markdown).toContain("### Articles: 1 added, 0 changed, 0 renamed, 1 removed");
    expect(markdown).toContain("| added | [New \\<b\\>one\\</b\\>](<https://preview.example.org/pr-7/2021/06/04/new/>) | `articles/2021/06/2021-06-04-new.txt` |");
    expect(markdown).toContain("| removed | (no headline) | `articles/2020/01/2020-01-01-old.txt` |");
  });

  it("should list every page added and changed, and the search index once", () => {
    const markdown = renderPreviewSummary(report);
    expect(markdown).toContain("[/feed\\.xml](<https://preview.example.org/pr-7/feed.xml>)");
    expect(markdown).toContain("1 added, 2 changed, 0 removed; search index changed");
  });

  it("should print every diagnostic in the project's located format", () => {
    expect(renderPreviewSummary(report)).toContain(
      "articles/2021/06/2021-06-04-new.txt:3:1  error  The date 2021-02-30 does not exist  date-impossible",
    );
  });

  it("should point to the artifact and say why pages were not compared when there is no preview host or site", () => {
    const markdown = renderPreviewSummary({ ...report, linkBase: null, pages: null, pagesNote: "The site was not built." });
    expect(markdown).toContain("`preview-site` artifact of this run, built for the path `/pr-7/`");
    expect(markdown).toContain("The site was not built.");
    expect(markdown).toContain("New \\<b\\>one\\</b\\> (`/2021/06/04/new/`)");
  });
});
