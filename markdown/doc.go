// Package markdown owns cwo's Markdown: it parses the Markdown of data text (agreement bodies,
// roadmap summaries, progress notes) into a small document model of cwo's own, and renders that
// model as plain text. It is the only package that imports goldmark; the PDF renderer
// (render/pdf/mdpdf), the brochure cards and the XLSX narrative all start from [Parse].
//
// The rules for data text:
//
//   - The syntax is CommonMark with two GitHub extensions: tables, and autolinks for bare
//     http(s) URLs, www. addresses and e-mail addresses. Nothing else (no strikethrough, no task
//     lists, no footnotes, no typographic quotes): such text stays as written.
//   - Raw HTML is never interpreted. It is kept as literal text ([HTMLBlock], [RawHTML]) for the
//     renderers to show or drop; the plain-text rendering drops it.
//   - Images are not fetched: an [Image] carries only its alternative text.
//   - Backslash escapes and character references are resolved in [Text]; code keeps its
//     characters as written.
//   - A link target may become clickable only when [SafeURL] accepts it (http, https and mailto
//     URLs of printable ASCII characters); any other target is shown as its text alone.
//   - Paragraph and heading lines are also kept as written ([Paragraph.Lines]), for outputs that
//     show Markdown source rather than formatting it.
package markdown
