export { renderJson, toJsonReport, type JsonReport } from './json.js'
export { renderMarkdown } from './markdown.js'
export { renderMermaid } from './mermaid.js'
export { renderText } from './text.js'
