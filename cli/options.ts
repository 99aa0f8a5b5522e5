/**
 * The CLI's option tables: one Command per command or mode (name, operands, one-line summary, and its options:
 * name, value placeholder, one-line description, default). The parser (parseOptions) and the help (helpText,
 * synopsis) both read the table, so an option cannot be accepted without being documented, nor documented
 * without being accepted; test/cli-options.test.ts checks each command's help against its table.
 */
import { UserError } from '../shared/errors.js'

export interface Option {
  /** `--<name>` on the command line. */
  readonly name: string
  /** The value's placeholder in the help: PATH, CHANNEL, true|false. */
  readonly value: string
  /** One line: what the option is for. Also the reason given when a required option is missing. */
  readonly help: string
  /** Applied by the parser when the option is not given (and shown in the help). */
  readonly default?: string
  /** Refused when missing: `--<name> is required: <help>`. */
  readonly required?: boolean
  /** The only values taken (shown as the placeholder when value is empty). */
  readonly choices?: readonly string[]
}

export interface Command<O extends readonly Option[] = readonly Option[]> {
  /** The words after `build-snaps`: 'release plan', 'demo', 'build-k8s-snaps'. */
  readonly name: string
  /** What the usage line shows between the name and the options: '[run]', 'DIR'. */
  readonly operands?: string
  /** One line, for the top-level help and the head of the command's own. */
  readonly summary: string
  /** More lines under the summary in the command's own help. */
  readonly details?: readonly string[]
  readonly options: O
  /** How messages name the options: 'input' for an action (its action.yml inputs, bare names), else 'option'. */
  readonly noun?: 'option' | 'input'
}

/** A table, kept literal so that parseOptions' result names exactly its options (a typo is a type error). */
export function command<const O extends readonly Option[]>(c: Command<O>): Command<O> {
  return c
}

/** What parseOptions returns: every option of the table; string when it has a default or is required. */
export type Parsed<O extends readonly Option[]> = {
  [P in O[number] as P['name']]: P extends { default: string } | { required: true } ? string : string | undefined
}

const shown = (c: Command, name: string) => (c.noun === 'input' ? name : `--${name}`)
const placeholder = (o: Option) => o.value || (o.choices ?? []).join('|')

export function isHelpFlag(a: string): boolean {
  return a === '--help' || a === '-h'
}

/** A command's mode word and the arguments after it; `run` when the first argument is an option (or there is none). */
export function splitMode(args: string[]): [string, string[]] {
  return args[0] && !args[0].startsWith('-') ? [args[0], args.slice(1)] : ['run', args]
}

/** Whether args ask for help: `--help` or `-h` where an option name stands (not as another option's value). */
export function wantsHelp(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    if (isHelpFlag(args[i])) return true
    if (args[i].startsWith('--') && !args[i].includes('=')) i++
  }
  return false
}

/** `--name value` / `--name=value` pairs, each name an option of the table; the table's defaults filled in. */
export function parseOptions<const O extends readonly Option[]>(c: Command<O>, args: readonly string[]): Parsed<O> {
  const out: Record<string, string> = {}
  const known = c.options.map((o) => o.name)
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (!a.startsWith('--'))
      throw new UserError(`unexpected argument '${a}'; give ${c.noun ?? 'option'}s as --<name> value (build-snaps ${c.name} --help)`)
    const [name, first] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
    if (!known.includes(name))
      throw new UserError(
        `${c.name} has no ${c.noun ?? 'option'} '${shown(c, name)}'; its ${c.noun ?? 'option'}s are ${known.map((n) => shown(c, n)).join(', ') || 'none'}`,
      )
    let value = first
    if (value === undefined) {
      if (i + 1 >= args.length) throw new UserError(`--${name} needs a value`)
      value = args[++i]
    }
    out[name] = value
  }
  for (const o of c.options) {
    if (out[o.name] === undefined && o.default !== undefined) out[o.name] = o.default
    if (o.required && !out[o.name]) throw new UserError(`--${o.name} is required: ${o.help}`)
    if (o.choices && out[o.name] !== undefined && !o.choices.includes(out[o.name]))
      throw new UserError(`--${o.name}: '${out[o.name]}' is not ${o.choices.join(' or ')}`)
  }
  return out as Parsed<O>
}

/** One option as the usage line shows it: `--dir DIR`, `[--channel CHANNEL]`. */
function usageWord(o: Option): string {
  const w = `--${o.name} ${placeholder(o)}`
  return o.required ? w : `[${w}]`
}

/** Words laid out in lines of at most width characters, the later lines indented. */
export function wrap(head: string, words: string[], indent: number, width = 110): string[] {
  const lines: string[] = []
  let line = head
  for (const w of words) {
    if (line.length + 1 + w.length > width && line.trim()) {
      lines.push(line)
      line = ' '.repeat(indent) + w
    } else line = line ? `${line} ${w}` : w
  }
  lines.push(line)
  return lines
}

/** The usage lines: `build-snaps <name> <operands> [--option VALUE] ...`, wrapped. */
export function synopsis(c: Command, prefix = ''): string[] {
  const head = `${prefix}build-snaps ${c.name}${c.operands ? ` ${c.operands}` : ''}`
  const words = c.noun === 'input' ? ['[--<input> VALUE ...]'] : c.options.map(usageWord)
  return wrap(head, words, head.length + 1)
}

/** The command's help: usage, summary and details, and one line per option of its table. */
export function helpText(c: Command, extra: string[] = []): string {
  const rows = c.options.map((o) => {
    const notes = [...(o.required ? ['required'] : []), ...(o.default ? [`default: ${o.default}`] : [])]
    return [`--${o.name} ${placeholder(o)}`, `${o.help}${notes.length ? ` (${notes.join('; ')})` : ''}`]
  })
  rows.push(['-h, --help', 'print this help and exit'])
  const width = Math.min(Math.max(...rows.map(([l]) => l.length)) + 2, 36)
  const optionLines = rows.flatMap(([l, r]) => {
    const text = wrap('', r.split(/\s+/), 0, 110 - width - 2).map((t, i) => (i ? ' '.repeat(width + 2) + t : t))
    return l.length + 2 > width
      ? [`  ${l}`, ...text.map((t, i) => (i ? t : ' '.repeat(width + 2) + t))]
      : [`  ${l.padEnd(width)}${text[0]}`, ...text.slice(1)]
  })
  return [
    ...synopsis(c, 'usage: '),
    '',
    ...wrap('', c.summary.split(' '), 0),
    ...(c.details?.length ? ['', ...c.details] : []),
    '',
    `${c.noun === 'input' ? 'inputs' : 'options'}:`,
    ...optionLines,
    ...(extra.length ? ['', ...extra] : []),
    '',
  ].join('\n')
}

/** The option names a help text lists (its `  --name` lines): what the tests compare with the table. */
export function helpOptionNames(text: string): string[] {
  return [...text.matchAll(/^ {2}--([a-z0-9-]+) /gm)].map((m) => m[1])
}
