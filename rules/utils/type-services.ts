/**
 * The parser services with type information (program, checker, node maps) when the file is
 * linted with a TypeScript project, else undefined: rules then fall back to syntax.
 */
import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';

export function typeServices(sourceCode: Readonly<TSESLint.SourceCode>): ParserServicesWithTypeInformation | undefined {
  const services = sourceCode.parserServices;
  return services?.program && services.esTreeNodeToTSNodeMap ? (services as ParserServicesWithTypeInformation) : undefined;
}
