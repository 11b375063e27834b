export { renderJson, toJsonReport, type JsonReport } from './json.js'
export { renderMarkdown, type MarkdownOptions } from './markdown.js'
export { renderMermaid, type MermaidOptions } from './mermaid.js'
export { renderText, type TextOptions } from './text.js'
