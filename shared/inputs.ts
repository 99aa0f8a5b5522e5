/** Pure parsers for action inputs; each error names the input and the fix. */
import { UserError } from './errors.js'

/** Split an input list on spaces, commas and newlines, dropping empties. */
export function splitList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/** Non-empty, non-comment lines of a multi-line input. */
export function splitLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !s.startsWith('#'))
}

export function parseBool(value: string, inputName: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase()
  if (v === '') return fallback
  if (['true', 'yes', '1', 'on'].includes(v)) return true
  if (['false', 'no', '0', 'off'].includes(v)) return false
  throw new UserError(`${inputName}: '${value}' is not a boolean; use true or false`)
}

/** `KEY=value` lines (e.g. build-env); a line without '=' is an error naming the input. */
export function parseKeyValueLines(value: string, inputName: string): Array<[string, string]> {
  return splitLines(value).map((line) => {
    const i = line.indexOf('=')
    if (i <= 0) throw new UserError(`${inputName}: '${line}' is not a KEY=value line`)
    return [line.slice(0, i).trim(), line.slice(i + 1).trim()] as [string, string]
  })
}

/** Expand `{name}` placeholders; an unknown placeholder is an error naming the input. */
export function expandTemplate(template: string, values: Record<string, string>, inputName: string): string {
  return template.replace(/\{([a-z0-9-]+)\}/g, (_m, key: string) => {
    if (!(key in values)) {
      throw new UserError(
        `${inputName}: unknown placeholder {${key}} in '${template}'; use ${Object.keys(values)
          .map((k) => `{${k}}`)
          .join(', ')}`,
      )
    }
    return values[key]
  })
}

/** An http(s) URL input (a download root); the error names the input and an example. */
export function parseHttpUrl(value: string, inputName: string, example: string): string {
  if (!/^https?:\/\/[^/\s]+\S*$/.test(value.trim()))
    throw new UserError(`${inputName}: '${value}' is not an http(s) URL; use e.g. ${example}`)
  return value.trim()
}
