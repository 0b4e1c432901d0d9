// Reads one of Claimtracker's exports with citation-js, as a reference manager built on it
// would, and prints what it understood as CSL-JSON.
// Usage: node read_with_citation_js.mjs FILE FORMAT   (FORMAT: bibtex, ris or csljson)
import { readFileSync } from 'node:fs'
import { Cite } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import '@citation-js/plugin-csl'

// Each format named for what citation-js would otherwise have to guess from the text.
const INPUT_TYPES = {
  bibtex: '@biblatex/text',
  ris: '@ris/file',
  csljson: '@csl/list+object'
}

const [file, format] = process.argv.slice(2)
if (!file || !(format in INPUT_TYPES)) {
  console.error(`usage: node read_with_citation_js.mjs FILE ${Object.keys(INPUT_TYPES).join('|')}`)
  process.exit(2)
}
const text = readFileSync(file, 'utf8')
const input = format === 'csljson' ? JSON.parse(text) : text
const cite = await Cite.async(input, { forceType: INPUT_TYPES[format] })
process.stdout.write(JSON.stringify(cite.get({ format: 'real', type: 'json', style: 'csl' }), null, 2) + '\n')
