#!/usr/bin/env node
// The release path's functions over a length (default 80 lines), measured with the TypeScript parser: every
// function declaration, method, function expression and arrow function, from its first line to its last (a
// nested function counts in its parent too). `node scripts/long-functions.mjs [--max N] [--all] [paths...]`;
// exits 1 when one is over. test/long-functions.test.ts keeps the release path under the limit.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
/** The release path: the description (shared/release/), the local pipeline and its jobs (cli/release/), juju's bundle checks, following upstream (shared/follow/, cli/follow/). */
export const RELEASE_PATH = ['shared/release', 'cli/release', 'shared/bundle-check.ts', 'shared/follow', 'cli/follow']

/** Every .ts file under the paths (relative to the repository). */
function tsFiles(paths) {
  const out = []
  for (const p of paths) {
    const abs = path.resolve(root, p)
    if (statSync(abs).isDirectory()) out.push(...tsFiles(readdirSync(abs).map((f) => path.join(p, f))))
    else if (abs.endsWith('.ts')) out.push(p)
  }
  return out.sort()
}

/** A function's name as a reader finds it: its declaration, the variable or property it is assigned to. */
function nameOf(node) {
  if (node.name) return node.name.getText()
  const parent = node.parent
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name) return parent.name.getText()
  return '(anonymous)'
}

/** [{file, name, line, lines}] for every function of the files, longest first. */
export function functionLengths(paths = RELEASE_PATH) {
  const out = []
  for (const file of tsFiles(paths)) {
    const text = readFileSync(path.join(root, file), 'utf8')
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
    const visit = (node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1
        const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line + 1
        out.push({ file, name: nameOf(node), line: first, lines: last - first + 1 })
      }
      ts.forEachChild(node, visit)
    }
    visit(sf)
  }
  return out.sort((a, b) => b.lines - a.lines)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const args = process.argv.slice(2)
  const at = args.indexOf('--max')
  const max = at >= 0 ? Number(args.splice(at, 2)[1]) : 80
  const all = args.includes('--all')
  const paths = args.filter((a) => a !== '--all')
  const fns = functionLengths(paths.length ? paths : RELEASE_PATH)
  const over = fns.filter((f) => f.lines > max)
  for (const f of all ? fns : over) console.log(`${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}`)
  console.log(
    over.length
      ? `${over.length} function(s) over ${max} lines`
      : `none over ${max} lines (longest: ${fns[0]?.name} ${fns[0]?.lines ?? 0})`,
  )
  process.exit(over.length ? 1 : 0)
}
