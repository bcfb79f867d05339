/**
 * Request handlers that frameworks take as call arguments, for the ESLint AST flavour:
 * `defineEventHandler(fn)` / `defineEventHandler({ handler: fn })` (h3, Nitro, Nuxt) and
 * route callbacks of an app/router object (`app.get('/x', fn)`, `router.use(fn)`,
 * `fastify.route({ handler })`), with the receiver decided from what made it (`new Hono()`,
 * `express()`, `express.Router()`, `fastify()`, `new Koa()`, `new Router()` from @koa/router,
 * chains such as `new Hono().basePath('/api')`) or, in a file importing the framework, from
 * a parameter or import named or typed as the framework's object. Decided lazily per
 * function from where it sits, so a file pays only for the functions it has.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
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
import { memberName, unwrapTypeWrappers, type FunctionNode } from '../../lib/estree/ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Where a local name of the file comes from: `import { Hono as App } from 'hono'` -> { module: 'hono', imported: 'Hono' }. */
export interface ImportBinding {
  readonly module: string;
  /** 'default', '*' (namespace / the whole `require`), or the export name. */
  readonly imported: string;
}

/** Imports and top-level `require`s, keyed by the identifier that declares the local. */
export function importBindings(body: readonly TSESTree.ProgramStatement[]): Map<TSESTree.Identifier, ImportBinding> {
  const out = new Map<TSESTree.Identifier, ImportBinding>();
  for (const stmt of body) {
    if (stmt.type === AST_NODE_TYPES.ImportDeclaration) {
      const module = stmt.source.value;
      for (const spec of stmt.specifiers) {
        if (spec.type === AST_NODE_TYPES.ImportDefaultSpecifier) out.set(spec.local, { module, imported: 'default' });
        else if (spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier) out.set(spec.local, { module, imported: '*' });
        else {
          const imported = spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : spec.imported.value;
          out.set(spec.local, { module, imported });
        }
      }
    } else if (stmt.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const d of stmt.declarations) {
        const module = d.init ? requiredModule(d.init) : undefined;
        if (module === undefined) continue;
        if (d.id.type === AST_NODE_TYPES.Identifier) out.set(d.id, { module, imported: '*' });
        else if (d.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const p of d.id.properties) {
            if (p.type !== AST_NODE_TYPES.Property || p.computed || p.key.type !== AST_NODE_TYPES.Identifier) continue;
            if (p.value.type === AST_NODE_TYPES.Identifier) out.set(p.value, { module, imported: p.key.name });
          }
        }
      }
    }
  }
  return out;
}

/** `require('m')` -> 'm'. */
function requiredModule(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length !== 1) return undefined;
  if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require') return undefined;
  const arg = node.arguments[0];
  return arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string' ? arg.value : undefined;
}

interface Candidate {
  readonly call: TSESTree.CallExpression;
  /** Set when the function is the value of this property of an object argument. */
  readonly property?: string;
}

export interface FrameworkCalls {
  /** The shape of `fn` when a framework call takes it as a handler. */
  shapeOf(fn: FunctionNode): HandlerShape | undefined;
}

export function frameworkCalls(sourceCode: SourceCode, bindings: ReadonlyMap<TSESTree.Identifier, ImportBinding>): FrameworkCalls {
  const importedModules = [...new Set([...bindings.values()].map((b) => b.module))];
  const routers = routersImported(importedModules);

  const bindingOf = (id: TSESTree.Identifier): { binding?: ImportBinding; variable?: TSESLint.Scope.Variable } => {
    const variable = ASTUtils.findVariable(sourceCode.getScope(id), id) ?? undefined;
    const def = variable?.defs[0];
    if (!def || !variable) return {};
    return { binding: bindings.get(def.name as TSESTree.Identifier), variable };
  };

  const receiverRouter = (input: TSESTree.Node, depth = 0): RouterShape | undefined => {
    if (depth > 6) return undefined;
    const node = unwrapTypeWrappers(input);
    if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) {
      const isNew = node.type === AST_NODE_TYPES.NewExpression;
      const callee = unwrapTypeWrappers(node.callee);
      const required = requiredModule(callee);
      if (required !== undefined) return routerOfCreator(required, '*', undefined, isNew);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const { binding } = bindingOf(callee);
        return binding && routerOfCreator(binding.module, binding.imported, undefined, isNew);
      }
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = memberName(callee);
        if (method === undefined) return undefined;
        const object = unwrapTypeWrappers(callee.object);
        const objectModule = requiredModule(object);
        if (objectModule !== undefined) return routerOfCreator(objectModule, '*', method, isNew);
        if (object.type === AST_NODE_TYPES.Identifier) {
          const { binding } = bindingOf(object);
          const created = binding && routerOfCreator(binding.module, binding.imported, method, isNew);
          if (created) return created;
        }
        const router = isNew ? undefined : receiverRouter(object, depth + 1);
        return router && routerMethodRole(router, method) ? router : undefined;
      }
      return undefined;
    }
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const { binding, variable } = bindingOf(node);
    const def = variable?.defs[0];
    if (!def || !variable || variable.defs.length !== 1) return undefined;
    if (binding) return isConventionalReceiver(routers, node.name);
    if (def.type === 'Variable') {
      return def.node.init && def.node.id === def.name ? receiverRouter(def.node.init, depth + 1) : undefined;
    }
    if (def.type === 'Parameter') {
      const typed = typeRouter(def.name as TSESTree.Identifier);
      if (typed) return typed;
    }
    return def.type === 'Parameter' ? isConventionalReceiver(routers, node.name) : undefined;
  };

  /** `(app: Hono)`, `(fastify: FastifyInstance)`: a parameter typed with a type imported from a router package. */
  const typeRouter = (param: TSESTree.Identifier): RouterShape | undefined => {
    const annotation = param.typeAnnotation?.typeAnnotation;
    if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
    let name: TSESTree.EntityName = annotation.typeName;
    while (name.type === AST_NODE_TYPES.TSQualifiedName) name = name.left;
    if (name.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = ASTUtils.findVariable(sourceCode.getScope(param), name.name);
    const binding = variable?.defs[0] && bindings.get(variable.defs[0].name as TSESTree.Identifier);
    return binding && routerOfTypeImport(binding.module);
  };

  const shapeOfCall = ({ call, property }: Candidate): HandlerShape | undefined => {
    const callee = unwrapTypeWrappers(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const { binding, variable } = bindingOf(callee);
      const factory =
        binding !== undefined
          ? callShapeOf(binding.module, binding.imported === 'default' ? callee.name : binding.imported)
          : variable
            ? undefined
            : callShapeOf(undefined, callee.name);
      if (!factory || (property !== undefined && !factory.handlerProperties?.includes(property))) return undefined;
      return factoryHandlerShape(factory);
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(callee);
    if (method === undefined) return undefined;
    const object = unwrapTypeWrappers(callee.object);
    if (object.type === AST_NODE_TYPES.Identifier) {
      const { binding } = bindingOf(object);
      if (binding?.imported === '*') {
        const factory = callShapeOf(binding.module, method);
        if (factory && (property === undefined || factory.handlerProperties?.includes(property))) {
          return factoryHandlerShape(factory);
        }
      }
    }
    const router = receiverRouter(object);
    if (!router || routerMethodRole(router, method) !== 'route') return undefined;
    if (property !== undefined && !router.handlerProperties?.includes(property)) return undefined;
    return routeCallbackShape(router);
  };

  /** The calls that may take `node` (a function, or a reference to one) as a handler. */
  const candidates = (node: TSESTree.Node): Candidate[] => {
    const parent = node.parent;
    if (!parent) return [];
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
      const out: Candidate[] = [{ call: parent }];
      const outer = parent.parent;
      if (outer?.type === AST_NODE_TYPES.CallExpression && outer.arguments.includes(parent)) out.push({ call: outer });
      return out;
    }
    if (parent.type === AST_NODE_TYPES.Property && parent.value === node && !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier) {
      const object = parent.parent;
      const call = object?.parent;
      if (object?.type === AST_NODE_TYPES.ObjectExpression && call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(object)) {
        return [{ call, property: parent.key.name }];
      }
    }
    return [];
  };

  /** References to a named function (`function h() {}`, `const h = () => …`) that are call arguments. */
  const referencesOf = (fn: FunctionNode): TSESTree.Node[] => {
    let declarator: TSESTree.Node | undefined;
    let name: string | undefined;
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
      declarator = fn;
      name = fn.id.name;
    } else if (fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier) {
      declarator = fn.parent;
      name = fn.parent.id.name;
    }
    if (!declarator || name === undefined) return [];
    const variable = sourceCode.getDeclaredVariables(declarator).find((v) => v.name === name);
    return variable ? variable.references.filter((r) => !r.init).map((r) => r.identifier) : [];
  };

  return {
    shapeOf(fn) {
      for (const site of [fn, ...referencesOf(fn)]) {
        for (const candidate of candidates(site)) {
          const shape = shapeOfCall(candidate);
          if (shape) return shape;
        }
      }
      return undefined;
    },
  };
}
