/**
 * Request handlers that frameworks take as call arguments, for the jscodeshift AST flavour
 * (same shapes as rules/utils/framework-calls.ts, decided by lib/frameworks/): h3 / Nitro /
 * Nuxt `defineEventHandler(fn)` and `defineEventHandler({ handler: fn })`, and route
 * callbacks of Hono, Express, Fastify and Koa objects (`app.get('/x', fn)`), the receiver
 * decided from what made it or, in a file importing the framework, from a parameter or
 * import named or typed as the framework's object.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import {
  callShapeOf,
  factoryHandlerShape,
  isConventionalReceiver,
  routeCallbackShape,
  routerMethodRole,
  routerOfCreator,
  routerOfTypeImport,
  routersImported,
} from '../../lib/frameworks/match.js';
import type { HandlerShape, RouterShape } from '../../lib/frameworks/types.js';
import { type AnyNode, isCallExpression, isObjectProperty, isReferenceIdentifier, memberPropertyName, programOf, propertyKeyName, requiredModule, unwrapExpression } from './ast.js';
import { isFunctionLike } from './eval-context.js';
import { declarationOf } from './scope.js';

/** Where a local comes from: `import { Hono as App } from 'hono'` -> { module: 'hono', imported: 'Hono' }. */
export interface ImportBinding {
  readonly module: string;
  /** 'default', '*' (namespace / the whole `require`), or the export name. */
  readonly imported: string;
}

/** Imports and top-level `require`s, keyed by the identifier node that declares the local. */
export function importBindings(root: Collection): Map<AnyNode, ImportBinding> {
  const out = new Map<AnyNode, ImportBinding>();
  for (const stmt of programOf(root).body as AnyNode[]) {
    if (stmt.type === 'ImportDeclaration') {
      const module = stmt.source.value as string;
      for (const spec of (stmt.specifiers ?? []) as AnyNode[]) {
        if (spec.type === 'ImportDefaultSpecifier') out.set(spec.local, { module, imported: 'default' });
        else if (spec.type === 'ImportNamespaceSpecifier') out.set(spec.local, { module, imported: '*' });
        else if (spec.type === 'ImportSpecifier') out.set(spec.local, { module, imported: (spec.imported.name ?? spec.imported.value) as string });
      }
    } else if (stmt.type === 'VariableDeclaration') {
      for (const d of stmt.declarations as AnyNode[]) {
        const module = d.init ? requiredModule(d.init) : undefined;
        if (module === undefined || d.init?.type === 'AwaitExpression') continue;
        if (d.id.type === 'Identifier') out.set(d.id, { module, imported: '*' });
        else if (d.id.type === 'ObjectPattern') {
          for (const p of d.id.properties as AnyNode[]) {
            if (isObjectProperty(p) && !p.computed && p.key.type === 'Identifier' && p.value.type === 'Identifier') {
              out.set(p.value, { module, imported: p.key.name as string });
            }
          }
        }
      }
    }
  }
  return out;
}

interface Candidate {
  readonly call: ASTPath;
  readonly property?: string;
}

const get = (path: ASTPath, ...keys: (string | number)[]): ASTPath => (path as AnyNode).get(...keys) as ASTPath;

/** The handler shape of every function of the file that a framework call takes as a handler. */
export function findFrameworkCallHandlers(j: JSCodeshift, root: Collection, bindings: ReadonlyMap<AnyNode, ImportBinding>): Map<AnyNode, { path: ASTPath; shape: HandlerShape }> {
  const importedModules = [...new Set([...bindings.values()].map((b) => b.module))];
  const routers = routersImported(importedModules);
  const found = new Map<AnyNode, { path: ASTPath; shape: HandlerShape }>();

  /** The declaring identifier path of the name at `path` and its import binding, if any. */
  const resolveName = (path: ASTPath): { declared?: ASTPath; binding?: ImportBinding } => {
    const declared = declarationOf(path, (path.node as AnyNode).name as string);
    return { declared, binding: declared ? bindings.get(declared.node) : undefined };
  };

  const typeRouter = (declared: ASTPath): RouterShape | undefined => {
    const annotation: AnyNode = (declared.node as AnyNode).typeAnnotation?.typeAnnotation;
    if (annotation?.type !== 'TSTypeReference') return undefined;
    let name: AnyNode = annotation.typeName;
    while (name?.type === 'TSQualifiedName') name = name.left;
    if (name?.type !== 'Identifier') return undefined;
    for (const [node, binding] of bindings) if (node.name === name.name) return routerOfTypeImport(binding.module);
    return undefined;
  };

  const receiverRouter = (input: ASTPath, depth = 0): RouterShape | undefined => {
    if (depth > 6) return undefined;
    const node: AnyNode = unwrapExpression(input.node);
    const path = node === input.node ? input : pathOfNode(input, node);
    if (!path) return undefined;
    if (node.type === 'NewExpression' || isCallExpression(node)) {
      const isNew = node.type === 'NewExpression';
      const calleePath = pathOfNode(get(path, 'callee'), unwrapExpression(node.callee));
      const callee: AnyNode = calleePath?.node;
      if (!calleePath || !callee) return undefined;
      const required = requiredModule(callee);
      if (required !== undefined) return routerOfCreator(required, '*', undefined, isNew);
      if (callee.type === 'Identifier') {
        const { binding } = resolveName(calleePath);
        return binding && routerOfCreator(binding.module, binding.imported, undefined, isNew);
      }
      const method = memberPropertyName(callee);
      if (method === undefined) return undefined;
      const objectPath = pathOfNode(get(calleePath, 'object'), unwrapExpression(callee.object));
      if (!objectPath) return undefined;
      const object: AnyNode = objectPath.node;
      const objectModule = requiredModule(object);
      if (objectModule !== undefined) return routerOfCreator(objectModule, '*', method, isNew);
      if (object.type === 'Identifier') {
        const { binding } = resolveName(objectPath);
        const created = binding && routerOfCreator(binding.module, binding.imported, method, isNew);
        if (created) return created;
      }
      const router = isNew ? undefined : receiverRouter(objectPath, depth + 1);
      return router && routerMethodRole(router, method) ? router : undefined;
    }
    if (node.type !== 'Identifier') return undefined;
    const { declared, binding } = resolveName(path);
    if (!declared) return undefined;
    if (binding) return isConventionalReceiver(routers, node.name as string);
    const owner: AnyNode = declared.parent?.node;
    if (owner?.type === 'VariableDeclarator' && declared.name === 'id') {
      return owner.init ? receiverRouter(get(declared.parent as ASTPath, 'init'), depth + 1) : undefined;
    }
    if (isFunctionLike(owner) && declared.parent && (declared as AnyNode).parentPath?.name === 'params') {
      return typeRouter(declared) ?? isConventionalReceiver(routers, node.name as string);
    }
    return undefined;
  };

  const factoryShape = (module: string | undefined, name: string, property: string | undefined): HandlerShape | undefined => {
    const factory = callShapeOf(module, name);
    if (!factory || (property !== undefined && !factory.handlerProperties?.includes(property))) return undefined;
    return factoryHandlerShape(factory);
  };

  const shapeOfCall = ({ call, property }: Candidate): HandlerShape | undefined => {
    const calleePath = pathOfNode(get(call, 'callee'), unwrapExpression((call.node as AnyNode).callee));
    const callee: AnyNode = calleePath?.node;
    if (!calleePath || !callee) return undefined;
    if (callee.type === 'Identifier') {
      const { declared, binding } = resolveName(calleePath);
      if (binding) return factoryShape(binding.module, binding.imported === 'default' ? (callee.name as string) : binding.imported, property);
      return declared ? undefined : factoryShape(undefined, callee.name as string, property);
    }
    const method = memberPropertyName(callee);
    if (method === undefined) return undefined;
    const objectPath = get(calleePath, 'object');
    const object: AnyNode = unwrapExpression(callee.object);
    if (object?.type === 'Identifier') {
      const { binding } = resolveName(objectPath);
      const namespaced = binding?.imported === '*' ? factoryShape(binding.module, method, property) : undefined;
      if (namespaced) return namespaced;
    }
    const router = receiverRouter(objectPath);
    if (!router || routerMethodRole(router, method) !== 'route') return undefined;
    if (property !== undefined && !router.handlerProperties?.includes(property)) return undefined;
    return routeCallbackShape(router);
  };

  const candidates = (path: ASTPath): Candidate[] => {
    const parent = path.parent as ASTPath | null;
    const parentNode: AnyNode = parent?.node;
    if (!parent || !parentNode) return [];
    if (isCallExpression(parentNode) && (path as AnyNode).parentPath?.name === 'arguments') {
      const out: Candidate[] = [{ call: parent }];
      const outer = parent.parent as ASTPath | null;
      if (outer && isCallExpression(outer.node) && (parent as AnyNode).parentPath?.name === 'arguments') out.push({ call: outer });
      return out;
    }
    if (isObjectProperty(parentNode) && path.name === 'value' && !parentNode.computed) {
      const object = parent.parent as ASTPath | null;
      const call = object?.parent as ASTPath | null;
      const key = propertyKeyName(parentNode);
      if (key !== undefined && object?.node.type === 'ObjectExpression' && call && isCallExpression(call.node) && (object as AnyNode).parentPath?.name === 'arguments') {
        return [{ call, property: key }];
      }
    }
    return [];
  };

  /** Reference paths of a named function (`function h() {}`, `const h = () => …`). */
  const referencesOf = (fnPath: ASTPath): ASTPath[] => {
    const fn: AnyNode = fnPath.node;
    const declarator: AnyNode = fnPath.parent?.node;
    const id: AnyNode = fn.type === 'FunctionDeclaration' ? fn.id : declarator?.type === 'VariableDeclarator' && fnPath.name === 'init' ? declarator.id : undefined;
    if (id?.type !== 'Identifier') return [];
    return root
      .find(j.Identifier, { name: id.name })
      .filter((p: ASTPath) => p.node !== id && isReferenceIdentifier(p) && declarationOf(p, id.name as string)?.node === id)
      .paths();
  };

  root.find(j.Function).forEach((fnPath) => {
    for (const site of [fnPath as ASTPath, ...referencesOf(fnPath as ASTPath)]) {
      for (const candidate of candidates(site)) {
        const shape = shapeOfCall(candidate);
        if (shape) {
          found.set(fnPath.node, { path: fnPath as ASTPath, shape });
          return;
        }
      }
    }
  });
  return found;
}

/** The path of `node` at or below `path` through wrapper nodes (`x as T`, `(x)`). */
function pathOfNode(path: ASTPath, node: AnyNode): ASTPath | undefined {
  let current: ASTPath | undefined = path;
  for (let i = 0; current && i < 8; i++) {
    if (current.node === node) return current;
    const next: AnyNode = (current.node as AnyNode).expression;
    current = next ? get(current, 'expression') : undefined;
  }
  return undefined;
}
