// Robustness check of the codemods on one file, through the CLI runner's in-process entry
// (applyTransform: text filter, envelope, transform, output parse check): no transform
// throws, no output is rejected as unparseable, every changed output also parses with the
// ESLint parser for its language, and a second run over the output changes nothing.
// Shared by scripts/robustness.mjs and test/robustness.
import { languageFor, parseError } from './check-lint.mjs';

const FAILED = /^the .+ transform failed: /;
const BAD_OUTPUT = /^the .+ transform produced code that does not parse/;

/**
 * @param {{ codemods: { name: string, module: object }[], applyTransform: Function,
 *           parsers?: { jscodeshiftFor: Function, parserFor: Function }, exhaustive?: boolean }} options
 * parsers: the runner's parser helpers, to re-run a failing transform directly for its stack.
 * exhaustive: also run each transform on files its text filter rejects, and report a filter
 * false negative when the transform would have changed such a file.
 */
export function createCodemodChecker({ codemods, applyTransform, parsers, exhaustive = false }) {
  const options = { runtimeModules: [] };
  const unfiltered = new Map(codemods.map(({ name, module }) => [name, { ...module, meta: { ...module.meta, textFilter: () => true } }]));

  /** The stack of a transform failure, by calling the transform directly (the runner keeps only the message). */
  async function stackOf(module, filePath, text) {
    if (!parsers) return '(no stack: the runner keeps only the message)';
    try {
      const j = parsers.jscodeshiftFor(parsers.parserFor(filePath));
      await module.default({ path: filePath, source: text }, { jscodeshift: j, j, stats: () => {}, report: () => {} }, { ...options, report: () => {} });
      return '(did not throw when called directly)';
    } catch (error) {
      return error?.stack ?? String(error);
    }
  }

  async function checkFile(filePath, text) {
    const report = { file: filePath, changed: [], skipped: [], unparseable: [], crashes: [], corruptions: [], unstable: [], filterMisses: [] };
    let language;
    for (const { name, module } of codemods) {
      let result = await applyTransform(filePath, text, module, options);
      if (exhaustive && result.status === 'unchanged' && result.filtered) {
        const forced = await applyTransform(filePath, text, unfiltered.get(name), options);
        if (forced.status === 'changed') report.filterMisses.push({ codemod: name, file: filePath });
        if (forced.status === 'error') result = forced;
      }
      if (result.status === 'skipped') report.skipped.push({ codemod: name, reason: result.reason });
      if (result.status === 'error') {
        const { message, line, column } = result.error;
        if (FAILED.test(message)) report.crashes.push({ codemod: name, file: filePath, message, stack: await stackOf(module, filePath, text) });
        else if (BAD_OUTPUT.test(message)) report.corruptions.push({ codemod: name, file: filePath, stage: 'output rejected by the runner', error: message });
        else report.unparseable.push({ codemod: name, where: `${line}:${column}`, message });
      }
      if (result.status !== 'changed') continue;
      report.changed.push(name);
      language ??= languageFor(filePath, text);
      if (!parseError(text, filePath, language)) {
        const error = parseError(result.output, filePath, language);
        if (error) report.corruptions.push({ codemod: name, file: filePath, stage: 'output does not parse with the ESLint parser', error });
      }
      const again = await applyTransform(filePath, result.output, module, options);
      if (again.status === 'changed' && again.output !== result.output) report.unstable.push({ codemod: name, file: filePath });
      if (again.status === 'error') report.unstable.push({ codemod: name, file: filePath, error: again.error.message });
    }
    return report;
  }

  return { checkFile, names: codemods.map(({ name }) => name) };
}
