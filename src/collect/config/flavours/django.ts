/**
 * Django settings as a config flavour (`django`), listed in `./index.ts`:
 * `settings.DANCU_URL` reads the module-level constants of `settings.py` (or of a
 * `settings/` package: `settings/base.py`, `settings/prod.py`). Best effort, line based:
 *
 * ```python
 * DANCU_URL = "https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu"        # a string literal
 * DANCU_URL = os.environ.get("DANCU_URL", "https://…")            # ${DANCU_URL:https://…}
 * DANCU_URL = os.getenv("DANCU_URL")                              # ${DANCU_URL}
 * DANCU_URL = os.environ["DANCU_URL"]                             # ${DANCU_URL}
 * DANCU_URL = env("DANCU_URL", default="https://…")               # django-environ / decouple
 * ```
 *
 * Env reads are stored as `${NAME}` / `${NAME:default}` placeholders that
 * `ConfigIndex.withEnv` follows through `.env`/compose/k8s env. Anything else
 * (expressions, dicts, multi-line values) is not a value. Never throws.
 */
import type { ConfigValue } from './provider.js';

const STR = String.raw`[rRuUbBfF]{0,2}(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')`;
const ASSIGN = /^([A-Z][A-Z0-9_]*)\s*(?::\s*[\w.[\], ]+)?=\s*(.+?)\s*(?:#.*)?$/;
const LITERAL = new RegExp(`^${STR}$`);
const ENV_CALL = new RegExp(
  String.raw`^(?:os\.environ\.get|os\.getenv|getenv|environ\.get|env(?:\.str)?|config)\(\s*${STR}\s*(?:,\s*(?:default\s*=\s*)?${STR})?\s*(?:,[^)]*)?\)$`,
);
const ENV_INDEX = new RegExp(String.raw`^(?:os\.)?environ\[\s*${STR}\s*\]$`);

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[c] ?? c);
}

/** `settings.py`, `settings/*.py`, `*_settings.py`. */
export function isDjangoSettingsPath(path: string): boolean {
  return /(?:^|\/)(?:settings|[\w-]+_settings)\.py$/.test(path) || /(?:^|\/)settings\/[\w-]+\.py$/.test(path);
}

export function readDjangoSettings(path: string, text: string): ConfigValue[] {
  const out: ConfigValue[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.length > 4096 || !/^[A-Z]/.test(raw)) continue;
    const m = ASSIGN.exec(raw);
    if (!m) continue;
    const name = m[1]!;
    const expr = m[2]!;
    const column = raw.indexOf(expr) + 1;
    let value: string | undefined;
    const lit = LITERAL.exec(expr);
    if (lit) value = unescape(lit[1] ?? lit[2] ?? '');
    else {
      const e = ENV_CALL.exec(expr);
      if (e) {
        const key = unescape(e[1] ?? e[2] ?? '');
        const def = e[3] ?? e[4];
        value = def !== undefined ? `\${${key}:${unescape(def)}}` : `\${${key}}`;
      } else {
        const x = ENV_INDEX.exec(expr);
        if (x) value = `\${${unescape(x[1] ?? x[2] ?? '')}}`;
      }
    }
    if (value !== undefined) out.push({ key: name, value, file: path, line: i + 1, column });
  }
  return out;
}

export const djangoSettingsProvider = {
  appliesTo: (f: { path: string; kind: string; language?: string }): boolean => f.kind === 'source' && f.language === 'python' && isDjangoSettingsPath(f.path),
  read: readDjangoSettings,
  normalize: (k: string): string => k,
  rank: (path: string): number => (/(?:^|\/)(?:settings|settings\/(?:base|__init__))\.py$/.test(path) ? 0 : 1),
};
