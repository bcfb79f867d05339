/** Notes for the run's summary, prefixed with the line they are about. */
import type { AnyNode } from './ast.js';
import type { TransformOptions } from './contract.js';

export function reportAt(options: TransformOptions, node: AnyNode, message: string): void {
  const line: unknown = node?.loc?.start?.line;
  options.report(typeof line === 'number' ? `line ${line}: ${message}` : message);
}
