/**
 * Which variables in a file hold a Next.js `NextRequest`: parameters and variables typed
 * `NextRequest` (imported from `next/server` under any name), and the first parameter of
 * the exported `middleware`/`proxy` function (or default export) of a middleware file,
 * typed or not.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isNextServerModule, NEXT_FACTS } from '../../lib/catalog.js';
import { pathRole } from '../../lib/file-role.js';
import { collectModuleBindings } from './api-bindings.js';
import { type AnyNode, isReferenceIdentifier } from './ast.js';
import { scopeOf } from './scope.js';

const NEXT_REQUEST = 'NextRequest';

export interface RequestVariable {
  readonly name: string;
  /** The node of the scope that declares it (identity matters). */
  readonly scopeNode: AnyNode;
}

/** Local type names that mean NextRequest (its imports from next/server, and the bare name). */
export function nextRequestTypeNames(j: JSCodeshift, root: Collection): Set<string> {
  const names = new Set([NEXT_REQUEST]);
  for (const b of collectModuleBindings(j, root, isNextServerModule)) {
    if (b.exportName === NEXT_REQUEST) names.add(b.local);
  }
  return names;
}

/** `NextRequest` (or an alias of it) as a type node. */
export function isNextRequestType(typeNode: AnyNode, names: ReadonlySet<string>): boolean {
  const t = typeNode?.type === 'TSTypeAnnotation' ? typeNode.typeAnnotation : typeNode;
  return t?.type === 'TSTypeReference' && t.typeName?.type === 'Identifier' && names.has(t.typeName.name);
}

function declaringScopeNode(path: ASTPath, name: string): AnyNode {
  return scopeOf(path)?.lookup(name)?.node;
}

function isMiddlewareFunction(path: ASTPath): boolean {
  const node: AnyNode = path.node;
  const parent: AnyNode = path.parent?.node;
  const names: readonly string[] = NEXT_FACTS.middlewareFiles;
  if (parent?.type === 'ExportDefaultDeclaration') return true;
  if (node.type === 'FunctionDeclaration' && names.includes(node.id?.name) && parent?.type === 'ExportNamedDeclaration') return true;
  if (parent?.type === 'VariableDeclarator' && names.includes(parent.id?.name)) {
    const declaration: AnyNode = path.parent?.parent?.node;
    return path.parent?.parent?.parent?.node?.type === 'ExportNamedDeclaration' && declaration?.type === 'VariableDeclaration';
  }
  return false;
}

export interface RequestScan {
  readonly variables: RequestVariable[];
  /** Destructured NextRequest parameters (`({ geo }: NextRequest)`): not rewritten. */
  readonly destructuredParams: AnyNode[];
}

export function findRequestVariables(j: JSCodeshift, root: Collection, filename: string): RequestScan {
  const typeNames = nextRequestTypeNames(j, root);
  const middleware = pathRole(filename).middleware;
  const variables: RequestVariable[] = [];
  const destructuredParams: AnyNode[] = [];
  const seen = new Set<string>();
  const add = (path: ASTPath, name: string): void => {
    const scopeNode = declaringScopeNode(path, name);
    if (!scopeNode) return;
    const key = `${name}@${scopeNode.start ?? ''}:${scopeNode.end ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    variables.push({ name, scopeNode });
  };

  root.find(j.Function).forEach((found) => {
    const fnPath = found as unknown as ASTPath;
    const fn: AnyNode = fnPath.node;
    const params: AnyNode[] = fn.params ?? [];
    params.forEach((param, index) => {
      const paramPath = fnPath.get('params', index) as ASTPath;
      if (param.type === 'Identifier') {
        if (isNextRequestType(param.typeAnnotation, typeNames) || (index === 0 && middleware && isMiddlewareFunction(fnPath))) {
          add(paramPath, param.name);
        }
      } else if (param.type === 'ObjectPattern' && isNextRequestType(param.typeAnnotation, typeNames)) {
        destructuredParams.push(param);
      }
    });
  });
  root.find(j.VariableDeclarator).forEach((p: ASTPath) => {
    const id: AnyNode = (p.node as AnyNode).id;
    if (id.type === 'Identifier' && isNextRequestType(id.typeAnnotation, typeNames)) add(p.get('id') as ASTPath, id.name);
  });
  return { variables, destructuredParams };
}

/** Reference paths of a request variable (closures included, shadowing respected). */
export function requestReferences(j: JSCodeshift, root: Collection, variable: RequestVariable): ASTPath[] {
  return root
    .find(j.Identifier, { name: variable.name })
    .filter((p: ASTPath) => isReferenceIdentifier(p) && declaringScopeNode(p, variable.name) === variable.scopeNode)
    .paths();
}
