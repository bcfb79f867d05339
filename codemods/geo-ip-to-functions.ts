/**
 * geo-ip-to-functions: `NextRequest.geo` / `.ip` (removed in Next.js 15) and raw reads of
 * the platform's geolocation / client-IP headers -> `geolocation(request)` /
 * `ipAddress(request)` from the functions API, with the import.
 *
 *   req.geo, req.ip                         -> geolocation(req), ipAddress(req)
 *   const { geo, ip: clientIp = 'x' } = req -> const geo = geolocation(req); const clientIp = ipAddress(req) ?? 'x';
 *   NextRequest['geo'] / ['ip'] types       -> Geo (type import) / string | undefined
 *   X.headers.get('x-vercel-ip-city')       -> geolocation(X).city
 *   H.get('x-vercel-ip-country')            -> geolocation({ headers: H }).country
 *   X.headers.get('x-real-ip')              -> ipAddress(X)         (H.get(...) -> ipAddress(H))
 * Request variables: parameters and variables typed NextRequest (any alias of the
 * next/server import), and the first parameter of the exported middleware/proxy function.
 */
import type { ASTPath } from 'jscodeshift';
import {
  EDGE_EXPORT_MIGRATION,
  GEO_HEADER_TO_FIELD,
  HEADER_CONSTANTS,
  IP_HEADERS,
  moduleExports,
  PREFERRED_FUNCTIONS_PACKAGE,
} from '../lib/catalog.js';
import { collectApiBindings } from './utils/api-bindings.js';
import { apiImportModule } from './utils/api-import.js';
import { type AnyNode, isMemberExpression, memberPropertyName, stringValue, unwrapExpression } from './utils/ast.js';
import type { TransformMeta } from './utils/contract.js';
import { findRequestVariables, isNextRequestType, nextRequestTypeNames, requestReferences } from './utils/next-request.js';
import { dropOptionalAccess, dropRepeatedOperands, dropUnreachableFallbacks } from './utils/redundant-reads.js';
import { isGlobalAt } from './utils/scope.js';
import { nodeText, parseExpression, parseStatement } from './utils/snippets.js';
import { FileRewrite, rewriteTransform } from './utils/file-rewrite.js';

const GEO = 'geo';
const IP = 'ip';
const GEOLOCATION = 'geolocation';
const IP_ADDRESS = 'ipAddress';
const GEO_TYPE = 'Geo';
const DECODE_URI_COMPONENT = 'decodeURIComponent';
const TS_VALUE_WRAPPERS: ReadonlySet<string> = new Set(['TSNonNullExpression', 'TSAsExpression', 'TSSatisfiesExpression']);
/** The one geo header whose value geolocation() percent-decodes. */
const CITY_HEADER = Object.keys(GEO_HEADER_TO_FIELD).find((h) => GEO_HEADER_TO_FIELD[h] === 'city');

const HEADER_NAMES = [...Object.keys(GEO_HEADER_TO_FIELD), IP_HEADERS.realIp];
const HEADER_TEXT = new RegExp(HEADER_NAMES.map((h) => h.replace(/[-]/g, '\\-')).join('|'), 'i');

/** Geo fields the upstream package has (its header constants are the ones @vercel/edge had). */
const UPSTREAM_GEO_HEADERS = new Set(
  Object.entries(HEADER_CONSTANTS)
    .filter(([name]) => name in EDGE_EXPORT_MIGRATION)
    .map(([, header]) => header as string),
);

export const meta: TransformMeta = {
  name: 'geo-ip-to-functions',
  description: 'NextRequest .geo/.ip and raw x-vercel-ip-*/x-real-ip header reads -> geolocation()/ipAddress()',
  textFilter: (source) =>
    HEADER_TEXT.test(source) || (/\b(?:geo|ip)\b/.test(source) && /NextRequest|\bmiddleware\b|\bproxy\b/.test(source)),
};

class GeoIpRewrite extends FileRewrite {
  /** The module a new import of each API function comes from (chosen once per file). */
  private readonly modules = new Map<string, string>();
  /** Every local expression this run wrote for each API function (more than one when a local hides one). */
  private readonly locals = new Map<string, Set<string>>();
  /** Every geolocation()/ipAddress() call this run wrote, and the geolocation() ones. */
  private readonly created = new Set<AnyNode>();
  private readonly createdGeo = new Set<AnyNode>();

  /** Where a new import of `name` comes from: lib/import-source's choice (`Geo` goes with geolocation). */
  private moduleOf(name: string): string {
    let module = this.modules.get(name);
    if (module === undefined) {
      const api = name === GEO_TYPE ? GEOLOCATION : name;
      module = apiImportModule(this.root, api, this.options.runtimeModules, this.file.path);
      this.modules.set(name, module);
    }
    return module;
  }

  /**
   * The local name of an API function (or the Geo type) at `site`: an existing binding when
   * nothing hides it there, else an import under a free name.
   */
  private local(name: string, site: ASTPath, typeOnly = false): string {
    const local = this.editor.ensure({
      module: this.moduleOf(name),
      name,
      typeOnly,
      reuseFrom: (s) => moduleExports(s, name, this.options.runtimeModules),
      at: site,
    });
    if (!typeOnly) this.locals.set(name, (this.locals.get(name) ?? new Set<string>()).add(local));
    return local;
  }

  private isLocalOf(name: string, text: string | undefined): boolean {
    return text !== undefined && (this.locals.get(name)?.has(text) ?? false);
  }

  /** `fn(argument)`, the call that replaces the expression at `site`. */
  private call(fn: string, argument: AnyNode, site: ASTPath): AnyNode {
    const node = this.j.callExpression(parseExpression(this.j, this.local(fn, site)), [argument]);
    this.created.add(node);
    if (fn === GEOLOCATION) this.createdGeo.add(node);
    return node;
  }

  run(): void {
    this.rewriteRequestProperties();
    this.rewriteTypes();
    this.rewriteHeaderReads();
    if (this.created.size > 0) this.tidy();
  }

  /**
   * The rewrites above can leave `geolocation(req)?.country ?? geolocation(req).country`
   * (from `req.geo?.country ?? req.headers.get('x-vercel-ip-country')`) and
   * `ipAddress(req) ?? ipAddress(req)`. geolocation() always returns an object, and both
   * functions only read headers, so those reduce to one read. Separate reads of
   * `geolocation(req)` elsewhere in a function stay: each is a cheap, correct call.
   */
  private tidy(): void {
    const j = this.j;
    dropOptionalAccess(j, this.root, this.createdGeo);
    dropRepeatedOperands(j, this.root, {
      keyOf: (node) => this.readKey(node),
      isNew: (node) => {
        const n = unwrapExpression(node);
        return this.created.has(isMemberExpression(n) ? unwrapExpression(n.object) : n);
      },
    });
    dropUnreachableFallbacks(
      j,
      this.root,
      (node) => this.createdGeo.has(node),
      (logical) =>
        this.note(
          `${GEOLOCATION}() always returns an object (its fields are undefined off the platform), so the fallback after \`${logical.operator}\` is never used; check what it was for`,
          logical,
        ),
    );
  }

  /**
   * One key per value read: `ipAddress(req)`, and `geolocation(req).city` with or without
   * `?.`. Only the API's own functions, on a plain identifier.
   */
  private readKey(node: AnyNode): string | undefined {
    const n = unwrapExpression(node);
    const member = isMemberExpression(n);
    const call = member ? unwrapExpression(n.object) : n;
    if (call?.type !== 'CallExpression' && call?.type !== 'OptionalCallExpression') return undefined;
    const argument: AnyNode = call.arguments.length === 1 ? call.arguments[0] : undefined;
    if (call.optional === true || argument?.type !== 'Identifier') return undefined;
    const callee = calleeText(call.callee);
    if (!member) return this.isLocalOf(IP_ADDRESS, callee) ? `${callee}(${argument.name})` : undefined;
    const field = memberPropertyName(n);
    if (field === undefined || !this.isLocalOf(GEOLOCATION, callee)) return undefined;
    return `${callee}(${argument.name}).${field}`;
  }

  private rewriteRequestProperties(): void {
    const { variables, destructuredParams } = findRequestVariables(this.j, this.root, this.file.path);
    for (const param of destructuredParams) {
      const names = (param.properties as AnyNode[]).map((p) => p.key?.name);
      if (names.includes(GEO) || names.includes(IP)) {
        this.note('a destructured NextRequest parameter reads geo/ip; name the parameter and use geolocation()/ipAddress() by hand', param);
      }
    }
    for (const variable of variables) {
      for (const ref of requestReferences(this.j, this.root, variable)) this.rewriteReference(ref, variable.name);
    }
  }

  private rewriteReference(ref: ASTPath, requestName: string): void {
    const parentPath = ref.parent as ASTPath;
    const parent: AnyNode = parentPath?.node;
    if (!parent) return;
    if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && ref.name === 'object') {
      const property = memberPropertyName(parent);
      if (property !== GEO && property !== IP) return;
      if (parent.optional === true) {
        // geolocation()/ipAddress() read the request's headers: they throw on a nullish request.
        this.note(
          `${requestName}?.${property}: ${property === GEO ? GEOLOCATION : IP_ADDRESS}() needs the request and throws without one; left as it is (check ${requestName} first, then call it)`,
          parent,
        );
        return;
      }
      const grand: AnyNode = parentPath.parent?.node;
      if (
        (grand?.type === 'AssignmentExpression' && parentPath.name === 'left') ||
        grand?.type === 'UpdateExpression' ||
        (grand?.type === 'UnaryExpression' && grand.operator === 'delete')
      ) {
        this.note(`${requestName}.${property} is written to; left as it is`, parent);
        return;
      }
      parentPath.replace(this.call(property === GEO ? GEOLOCATION : IP_ADDRESS, this.j.identifier(requestName), parentPath));
      this.changed = true;
      return;
    }
    if (parent.type === 'VariableDeclarator' && ref.name === 'init' && parent.id.type === 'ObjectPattern') {
      this.rewriteDestructuring(parentPath, requestName);
      return;
    }
    if (parent.type === 'AssignmentExpression' && ref.name === 'right' && parent.left.type === 'ObjectPattern') {
      const keys = (parent.left.properties as AnyNode[]).map((p) => p.key?.name);
      if (keys.includes(GEO) || keys.includes(IP)) this.note(`geo/ip destructured from ${requestName} in an assignment; rewrite it by hand`, parent);
    }
  }

  /** `const { geo, ip: addr = '0.0.0.0', nextUrl } = req;` */
  private rewriteDestructuring(declaratorPath: ASTPath, requestName: string): void {
    const declarator: AnyNode = declaratorPath.node;
    const statementPath = declaratorPath.parent as ASTPath;
    const statement: AnyNode = statementPath.node;
    const props: AnyNode[] = declarator.id.properties;
    if (!Array.isArray((statementPath as AnyNode).parentPath?.value)) {
      this.note(`geo/ip destructured from ${requestName} outside a statement list; rewrite it by hand`, declarator);
      return;
    }
    const picked = props.filter((p) => (p.type === 'Property' || p.type === 'ObjectProperty') && !p.computed && (p.key.name === GEO || p.key.name === IP));
    if (picked.length === 0) return;
    const created: AnyNode[] = [];
    for (const prop of picked) {
      const fn = prop.key.name === GEO ? GEOLOCATION : IP_ADDRESS;
      const value: AnyNode = prop.value;
      const target = value.type === 'AssignmentPattern' ? value.left : value;
      const fallback = value.type === 'AssignmentPattern' ? ` ?? ${nodeText(value.right, this.file.source)}` : '';
      const text = `${statement.kind} ${nodeText(target, this.file.source)} = ${this.local(fn, declaratorPath)}(${requestName})${fallback};`;
      created.push(parseStatement(this.j, `${text}\n`));
    }
    const rest = props.filter((p) => !picked.includes(p));
    this.changed = true;
    if (rest.length > 0) {
      this.editor.setPatternProperties(declarator, rest);
      for (const node of created.reverse()) statementPath.insertAfter(node);
      return;
    }
    statement.declarations = statement.declarations.filter((d: AnyNode) => d !== declarator);
    if (statement.declarations.length > 0) {
      for (const node of created.reverse()) statementPath.insertAfter(node);
      return;
    }
    const leading = (statement.comments ?? []).filter((c: AnyNode) => c.leading);
    if (leading.length > 0) created[0].comments = leading;
    statementPath.replace(...created);
  }

  /** `NextRequest['geo']` -> `Geo`, `NextRequest['ip']` -> `string | undefined`. */
  private rewriteTypes(): void {
    const j = this.j;
    const typeNames = nextRequestTypeNames(j, this.root);
    this.root.find(j.TSIndexedAccessType).forEach((p: ASTPath) => {
      const node: AnyNode = p.node;
      if (!isNextRequestType(node.objectType, typeNames)) return;
      const index: AnyNode = node.indexType;
      const key = index?.type === 'TSLiteralType' ? stringValue(index.literal) : undefined;
      if (key === GEO) {
        p.replace(j.tsTypeReference(j.identifier(this.local(GEO_TYPE, p, true))));
        this.changed = true;
      } else if (key === IP) {
        p.replace(j.tsUnionType([j.tsStringKeyword(), j.tsUndefinedKeyword()]));
        this.changed = true;
      }
    });
  }

  /** Whether `geolocation()` in this file returns `field` (fn-kit's Geo has more than upstream's). */
  private supportsHeader(header: string): boolean {
    if (UPSTREAM_GEO_HEADERS.has(header)) return true;
    if (!this.moduleOf(GEOLOCATION).startsWith(PREFERRED_FUNCTIONS_PACKAGE)) return true;
    return collectApiBindings(this.j, this.root, this.options.runtimeModules).some(
      (b) => b.exportName === GEOLOCATION && !b.module.startsWith(PREFERRED_FUNCTIONS_PACKAGE),
    );
  }

  /** `X.headers.get('x-vercel-ip-city')`, `H.get('x-real-ip')`; notes for `req.headers['x-real-ip']`. */
  private rewriteHeaderReads(): void {
    const j = this.j;
    this.root.find(j.CallExpression).forEach((p: ASTPath) => {
      const call: AnyNode = p.node;
      const callee = unwrapExpression(call.callee);
      if (call.arguments.length !== 1 || memberPropertyName(callee) !== 'get') return;
      const header = stringValue(call.arguments[0])?.toLowerCase();
      if (header === undefined) return;
      const field = GEO_HEADER_TO_FIELD[header];
      if (field === undefined && header !== IP_HEADERS.realIp) return;
      const headersExpr: AnyNode = callee.object;
      const inner = unwrapExpression(headersExpr);
      const request = memberPropertyName(inner) === 'headers' && inner.type === 'MemberExpression' ? inner.object : undefined;
      if (field === undefined) {
        p.replace(this.call(IP_ADDRESS, request ?? headersExpr, p));
        this.changed = true;
        return;
      }
      if (!this.supportsHeader(header)) {
        this.note(`${header} has no field in ${PREFERRED_FUNCTIONS_PACKAGE}'s geolocation(); left as it is`, call);
        return;
      }
      const argument = request ?? parseExpression(j, `{ headers: ${nodeText(headersExpr, this.file.source)} }`);
      p.replace(j.memberExpression(this.call(GEOLOCATION, argument, p), j.identifier(field)));
      if (header === CITY_HEADER) this.dropCityDecode(p);
      this.changed = true;
    });
    this.noteNodeStyleReads();
  }

  /**
   * geolocation() percent-decodes the city already: `decodeURIComponent(<city read>)` and
   * `decodeURIComponent(<city read> ?? 'literal')` would decode twice (and throw on a `%` in
   * a decoded name), so the wrapper goes and the fallback stays. A fallback with a `%` in it
   * relied on the decoding: that site keeps the wrapper, with a note.
   */
  private dropCityDecode(readPath: ASTPath): void {
    let argumentPath = readPath;
    // `city!`, `city as string`: the same value.
    while (TS_VALUE_WRAPPERS.has((argumentPath.parent?.node as AnyNode)?.type as string) && argumentPath.name === 'expression') {
      argumentPath = argumentPath.parent as ASTPath;
    }
    const parent: AnyNode = argumentPath.parent?.node;
    if (parent?.type === 'LogicalExpression' && (parent.operator === '??' || parent.operator === '||') && argumentPath.name === 'left') {
      const fallback = stringValue(parent.right);
      if (fallback === undefined) return;
      argumentPath = argumentPath.parent as ASTPath;
      if (fallback.includes('%')) {
        if (isDecodeCall(argumentPath)) {
          this.note(
            `${GEOLOCATION}().city is already decoded, but the fallback of this decodeURIComponent() has a \`%\` in it; decodeURIComponent stays: check the city is not decoded twice`,
            argumentPath.parent?.node,
          );
        }
        return;
      }
    }
    if (isDecodeCall(argumentPath)) (argumentPath.parent as ASTPath).replace(argumentPath.node);
  }

  /**
   * `req.headers['x-real-ip']` (a Node IncomingMessage's plain header object): upstream's
   * ipAddress()/geolocation() read `headers.get()`, which that object lacks, so these stay;
   * each one gets a note so the run does not pass over them silently.
   */
  private noteNodeStyleReads(): void {
    this.root.find(this.j.MemberExpression).forEach((p: ASTPath) => {
      const node: AnyNode = p.node;
      if (!node.computed) return;
      const header = stringValue(node.property)?.toLowerCase();
      if (header === undefined || (GEO_HEADER_TO_FIELD[header] === undefined && header !== IP_HEADERS.realIp)) return;
      if (memberPropertyName(unwrapExpression(node.object)) !== 'headers') return;
      const fn = header === IP_HEADERS.realIp ? IP_ADDRESS : GEOLOCATION;
      this.note(
        `${nodeText(node, this.file.source)} reads a Node-style header object; ${fn}() reads headers with headers.get() (a Request or Headers), so it is left as it is: pass ${fn}() a Web Request, or keep reading the header`,
        node,
      );
    });
  }
}

/** Whether the expression at `path` is the only argument of a call of the global decodeURIComponent. */
function isDecodeCall(path: ASTPath): boolean {
  const call: AnyNode = path.parent?.node;
  return (
    call?.type === 'CallExpression' &&
    path.parentPath?.name === 'arguments' &&
    call.arguments.length === 1 &&
    call.callee.type === 'Identifier' &&
    call.callee.name === DECODE_URI_COMPONENT &&
    isGlobalAt(path.parent as ASTPath, DECODE_URI_COMPONENT)
  );
}

/** `f` or `ns.f` as text (the form ImportEditor.ensure hands out); undefined for anything else. */
function calleeText(callee: AnyNode): string | undefined {
  if (callee?.type === 'Identifier') return callee.name;
  if (isMemberExpression(callee) && !callee.computed && !callee.optional && callee.object.type === 'Identifier' && callee.property.type === 'Identifier') {
    return `${callee.object.name}.${callee.property.name}`;
  }
  return undefined;
}

export default rewriteTransform((j, root, file, options) => new GeoIpRewrite(j, root, file, options));
