// Writes docs/configuration.md from fixline.schema.json (`npm run docs:config`).
import { writeFileSync } from 'node:fs'
import schema from '../fixline.schema.json' with { type: 'json' }
import { renderConfigReference } from '../src/config/reference.js'

writeFileSync('docs/configuration.md', renderConfigReference(schema))
