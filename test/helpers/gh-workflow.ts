/**
 * Workflows as GitHub reads them, for the workflow tests: the YAML, GitHub's own parser
 * (@actions/workflow-parser) and GitHub's expression evaluator (@actions/expressions).
 */
import { readFileSync } from 'node:fs'
import { register } from 'node:module'
import path from 'node:path'
import { Evaluator, Lexer, Parser, data } from '@actions/expressions'
import { parse } from 'yaml'
import { repoRoot } from './runner.js'

// @actions/workflow-parser imports its JSON schema without an import attribute, which Node 20 refuses;
// this loader hook adds the attribute for that package only.
const hook = `export async function load(url, context, next) {
  if (url.endsWith('.json') && url.includes('@actions/workflow-parser')) return next(url, { ...context, importAttributes: { type: 'json' } })
  return next(url, context)
}`
register(`data:text/javascript,${encodeURIComponent(hook)}`)

export type Permissions = Record<string, string> | string
export interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
  if?: string
}
export interface Job {
  'runs-on'?: unknown
  needs?: string | string[]
  permissions?: Permissions
  environment?: string | { name: string }
  outputs?: Record<string, string>
  steps?: Step[]
  uses?: string
  with?: Record<string, unknown>
  secrets?: Record<string, string> | 'inherit'
}
export interface Input {
  default?: unknown
  type?: string
  required?: boolean
}
export interface Workflow {
  on: Record<string, { inputs?: Record<string, Input>; secrets?: Record<string, { required?: boolean }> } | null>
  permissions?: Permissions
  concurrency?: { group: string; 'cancel-in-progress'?: boolean }
  env?: Record<string, string>
  jobs: Record<string, Job>
}

export const workflowText = (file: string): string => readFileSync(path.join(repoRoot, file), 'utf8')
export const loadWorkflow = (file: string): Workflow => parse(workflowText(file)) as Workflow

/** GitHub's parser: the errors it reports for a workflow's text (none for a valid workflow). */
export async function workflowErrors(name: string, content: string): Promise<string[]> {
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await import('@actions/workflow-parser')
  const res = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  const errors = res.context.errors.getErrors().map((e) => e.message)
  if (errors.length || !res.value) return errors
  const template = await convertWorkflowTemplate(res.context, res.value)
  return (template.errors ?? []).map((e) => String((e as { Message?: string }).Message ?? e))
}

/** Evaluate `${{ expr }}` (or a bare expression) with GitHub's evaluator. */
export function evaluate(expr: string, ctx: Record<string, unknown>): unknown {
  const inner = expr.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1')
  const lexed = new Lexer(inner).lex()
  const ast = new Parser(lexed.tokens, Object.keys(ctx), []).parse()
  const context = JSON.parse(JSON.stringify(ctx), data.reviver) as data.Dictionary
  return JSON.parse(JSON.stringify(new Evaluator(ast, context).evaluate(), data.replacer))
}

/** Expand every `${{ }}` inside a string (a concurrency group, a label). */
export function expand(template: string, ctx: Record<string, unknown>): string {
  return template.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, e: string) => String(evaluate(e, ctx)))
}

/** A job's token permissions: its own, else the workflow's; as scope -> read|write. */
export function jobPermissions(wf: Workflow, job: Job): Record<string, string> {
  const p = job.permissions ?? wf.permissions ?? {}
  if (typeof p === 'string') throw new Error(`permissions: '${p}' shorthand is not used by build-snaps`)
  return p
}
