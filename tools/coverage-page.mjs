// Turns docs/data-coverage.md (written by `npm run data:report`) into the
// extension's coverage.html, so the coverage table and its known gaps ship
// inside the extension instead of being linked on a website. Handles the
// Markdown that report writes: headings, paragraphs, tables, bullet lists and
// `code`. Every piece of text is escaped; the page has no script.

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escape = (s) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
const inline = (s) => escape(s).replace(/`([^`]+)`/g, "<code>$1</code>");

const cells = (line) => line.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());

export function coverageHtml(markdown, { title, lang = "en" }) {
  const lines = markdown.split("\n");
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "") continue;
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      out.push(`<h${heading[1].length}>${inline(heading[2])}</h${heading[1].length}>`);
    } else if (line.startsWith("|") && /^\|[\s:|-]+\|$/.test(lines[i + 1] ?? "")) {
      const head = cells(line);
      const numeric = cells(lines[i + 1]).map((c) => c.endsWith(":"));
      i += 2;
      const rows = [];
      for (; i < lines.length && lines[i].startsWith("|"); i++) rows.push(cells(lines[i]));
      i--;
      out.push("<table>", `<thead><tr>${head.map((h) => `<th scope="col">${inline(h)}</th>`).join("")}</tr></thead>`, "<tbody>");
      for (const r of rows) out.push(`<tr>${r.map((c, j) => `<td${numeric[j] ? ' class="num"' : ""}>${inline(c)}</td>`).join("")}</tr>`);
      out.push("</tbody></table>");
    } else if (line.startsWith("- ")) {
      out.push("<ul>");
      for (; i < lines.length && lines[i].startsWith("- "); i++) out.push(`<li>${inline(lines[i].slice(2))}</li>`);
      i--;
      out.push("</ul>");
    } else {
      const para = [line];
      while (i + 1 < lines.length && lines[i + 1].trim() !== "" && !/^(#|\||- )/.test(lines[i + 1])) para.push(lines[++i]);
      out.push(`<p>${inline(para.join(" "))}</p>`);
    }
  }
  return [
    "<!doctype html>",
    `<html lang="${escape(lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(title)}</title>`,
    '<link rel="stylesheet" href="styles.css">',
    "</head>",
    '<body class="page-coverage">',
    '<main class="coverage details">',
    ...out,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
