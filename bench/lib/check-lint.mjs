// Robustness check of ESLint rules on one file: no rule throws, every autofix output and
// every suggestion output parses, and a second fix pass over the fixed output changes
// nothing. Shared by scripts/robustness.mjs (over the corpus) and test/robustness.
import { createRequire } from 'node:module';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';

const TS_FILE = /\.(?:[cm]?ts|tsx)$/;
const SOURCE_FILES = ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'];

/** Language options for a file: the typescript-eslint parser for TS, espree for JS. */
function languageOptionsFor(language) {
  if (language === 'ts') return { parser: tsParser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } };
  const [, sourceType, jsx] = /^js-(\w+)-(jsx|nojsx)$/.exec(language);
  return { ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx: jsx === 'jsx' } } };
}

// espree exactly as ESLint uses it (ESLint's own dependency, resolved from ESLint).
const espree = createRequire(createRequire(import.meta.url).resolve('eslint'))('espree');

/** The parser's error for `text` under `language`, or null when it parses. */
export function parseError(text, filePath, language) {
  try {
    if (language === 'ts') {
      tsParser.parse(text, { filePath, ecmaFeatures: { jsx: true }, range: false, loc: false, comment: false, tokens: false });
    } else {
      const { sourceType, parserOptions } = languageOptionsFor(language);
      espree.parse(text, { ecmaVersion: 'latest', sourceType, ecmaFeatures: parserOptions.ecmaFeatures });
    }
    return null;
  } catch (error) {
    const where = error.lineNumber ? `${error.lineNumber}:${error.column}` : error.location ? `${error.location.start.line}:${error.location.start.column}` : '';
    return `${where} ${error.message.split('\n')[0]}`.trim();
  }
}

/**
 * The language a file is linted as: TS by extension (typescript-eslint then decides JSX by the
 * extension too). For JS, .mjs is a module and .cjs CommonJS;
 * a .js file is a module when it parses as one, else CommonJS; JSX when it parses with it.
 */
export function languageFor(filePath, text) {
  if (TS_FILE.test(filePath)) return 'ts';
  const kinds = /\.mjs$/.test(filePath) ? ['module'] : /\.cjs$/.test(filePath) ? ['commonjs'] : ['module', 'commonjs'];
  for (const jsx of ['jsx', 'nojsx']) {
    for (const kind of kinds) {
      const language = `js-${kind}-${jsx}`;
      if (!parseError(text, filePath, language)) return language;
    }
  }
  return `js-${kinds[0]}-jsx`;
}

/** Applies one fix ({ range, text }) to `text`. */
const applyFix = (text, fix) => text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);

/**
 * @param {{ plugin: object, pluginName?: string, ruleNames: string[], cwd: string, settings?: object }} options
 * Every rule of the plugin is enabled at 'error' with its default options.
 */
export function createLintChecker({ plugin, pluginName = 'fn', ruleNames, cwd, settings = {} }) {
  const rules = Object.fromEntries(ruleNames.map((name) => [`${pluginName}/${name}`, 'error']));
  const instances = new Map();
  const eslintFor = (language, fix) => {
    const key = `${language}:${fix}`;
    if (!instances.has(key)) {
      const config = [
        {
          files: SOURCE_FILES,
          plugins: { [pluginName]: plugin },
          rules,
          settings,
          languageOptions: languageOptionsFor(language),
          // Inline directives in third-party code would hide findings or name unknown rules.
          linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
        },
      ];
      instances.set(key, new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, fix, cache: false, ignore: false }));
    }
    return instances.get(key);
  };

  const crashOf = (error, file) => ({
    file,
    rule: error.ruleId ?? /Rule: "([^"]+)"/.exec(error.message)?.[1] ?? 'unknown',
    message: error.message.split('\n')[0],
    stack: error.stack,
  });

  /** Checks one file; `text` is its content, `filePath` its absolute path (for roles and the Next version). */
  async function checkFile(filePath, text) {
    const language = languageFor(filePath, text);
    const report = { file: filePath, language, unparseable: false, crashes: [], findings: [], fixed: false, corruptions: [], unstable: null, suggestions: 0 };
    let plain;
    try {
      [plain] = await eslintFor(language, false).lintText(text, { filePath });
    } catch (error) {
      report.crashes.push(crashOf(error, filePath));
      return report;
    }
    const fatal = plain.messages.find((message) => message.fatal);
    if (fatal) {
      report.unparseable = true;
      return report;
    }
    for (const message of plain.messages) {
      // ruleId null: ESLint's own notes (e.g. an inline directive ignored under noInlineConfig).
      if (!message.ruleId) continue;
      report.findings.push({ rule: message.ruleId, line: message.line, column: message.column, message: message.message });
      for (const suggestion of message.suggestions ?? []) {
        report.suggestions++;
        const error = parseError(applyFix(text, suggestion.fix), filePath, language);
        if (error) report.corruptions.push({ file: filePath, rule: message.ruleId, stage: `suggestion "${suggestion.desc}" at ${message.line}:${message.column}`, error });
      }
    }
    if (!plain.messages.some((message) => message.fix)) return report;

    let fixed;
    try {
      [fixed] = await eslintFor(language, true).lintText(text, { filePath });
    } catch (error) {
      report.crashes.push(crashOf(error, filePath));
      return report;
    }
    if (fixed.output === undefined) return report;
    report.fixed = true;
    const error = parseError(fixed.output, filePath, language);
    if (error) {
      const rulesWithFixes = [...new Set(plain.messages.filter((message) => message.fix).map((message) => message.ruleId))];
      report.corruptions.push({ file: filePath, rule: rulesWithFixes.join(', '), stage: 'autofix', error });
      return report;
    }
    try {
      const [second] = await eslintFor(language, true).lintText(fixed.output, { filePath });
      if (second.output !== undefined && second.output !== fixed.output) {
        const [again] = await eslintFor(language, false).lintText(fixed.output, { filePath });
        const stillFixing = [...new Set(again.messages.filter((message) => message.fix).map((message) => `${message.ruleId} (${message.line}:${message.column})`))];
        report.unstable = { file: filePath, rules: stillFixing.join(', ') || 'unknown' };
      }
    } catch (error) {
      report.crashes.push(crashOf(error, `${filePath} (fixed output)`));
    }
    return report;
  }

  return { checkFile, rules: Object.keys(rules) };
}
