// Methods of classes: of this module (instances, statics, `this`, superclasses) and, through the
// project index, of classes and instances other modules export. No type information.
import rule from '../../rules/no-floating-background-promise.js';
import { fixture } from './fixtures/paths.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';
import { withImport } from './wait-until-import.js';

const ruleTester = createRuleTester();
/** A Pages Router API route of the fixture project: waitUntil is the only keeper offered. */
const route = fixture('project-index', 'pages/api/audit.ts');
const routeJs = fixture('project-index', 'pages/api/audit.js');

/** One floating call `target` in a non-async handler: handed to waitUntil. */
function floating(code: string, target: string) {
  return {
    filename: route,
    code,
    errors: [{ messageId: 'floating' as const, suggestions: [{ messageId: 'wrapWaitUntil' as const, output: withImport(code.replace(target, `waitUntil(${target})`)) }] }],
  };
}

const LOCAL = `class Store {\n  async save(x) { await fetch('/s', { method: 'POST', body: x }); }\n  label() { return 'store'; }\n  static async purge() { await fetch('/purge'); }\n  later = () => fetch('/later');\n}\n`;

ruleTester.run('no-floating-background-promise (class methods)', rule, {
  valid: [
    // Awaited, handed off, or not promises.
    { filename: route, code: `${LOCAL}export default async function handler(req, res) { await new Store().save('x'); res.end(); }` },
    { filename: route, code: `${LOCAL}const store = new Store();\nexport default function handler(req, res) { store.label(); res.end(); }` },
    { filename: route, code: `import { audit } from '@/lib/audit-log';\nexport default function handler(req, res) { audit.format('x'); res.end(); }` },
    // Methods no class of the project defines: unknown.
    { filename: route, code: `${LOCAL}const store = new Store();\nexport default function handler(req, res) { store.missing(); res.end(); }` },
    { filename: route, code: `import { audit } from '@/lib/audit-log';\nexport default function handler(req, res) { audit.toString(); audit.constructor(); res.end(); }` },
    // A class of a package: not followed.
    { filename: route, code: `import { Queue } from 'some-queue';\nexport default function handler(req, res) { new Queue().push(1); res.end(); }` },
    // Shadowed: the local `store` is a plain object here.
    { filename: route, code: `${LOCAL}const store = new Store();\nexport default function handler(req, res) { const store = { save() {} }; store.save(); res.end(); }` },
    // A reassigned binding may hold anything.
    { filename: route, code: `${LOCAL}let store = new Store();\nstore = { save() {} };\nexport default function handler(req, res) { store.save(); res.end(); }` },
    // Getters are not followed.
    { filename: route, code: `class A { get ready() { return fetch('/x'); } }\nexport default function handler(req, res) { new A().ready; res.end(); }` },
  ],
  invalid: [
    // This module's classes: an instance held in a const, a new expression, a static, a function-valued field.
    floating(`${LOCAL}const store = new Store();\nexport default function handler(req, res) { store.save('x'); res.end(); }`, `store.save('x')`),
    floating(`${LOCAL}export default function handler(req, res) { new Store().save('x'); res.end(); }`, `new Store().save('x')`),
    floating(`${LOCAL}export default function handler(req, res) { Store.purge(); res.end(); }`, `Store.purge()`),
    floating(`${LOCAL}export default function handler(req, res) { const s = new Store(); s.later(); res.end(); }`, `s.later()`),
    // A superclass of this module; a class expression.
    floating(`${LOCAL}class Child extends Store {}\nexport default function handler(req, res) { new Child().save('x'); res.end(); }`, `new Child().save('x')`),
    floating(`const Sink = class { async put() {} };\nexport default function handler(req, res) { new Sink().put(); res.end(); }`, `new Sink().put()`),
    // Another module's exports: an instance, a class (new and static), a subclass, a default-exported class.
    floating(`import { audit } from '@/lib/audit-log';\nexport default function handler(req, res) { audit.record('x'); res.end(); }`, `audit.record('x')`),
    floating(`import { audit } from '@/lib/audit-log';\nexport default function handler(req, res) { audit.recordTwice('x'); res.end(); }`, `audit.recordTwice('x')`),
    floating(`import { AuditLog } from '@/lib/audit-log';\nexport default function handler(req, res) { new AuditLog().send('x'); res.end(); }`, `new AuditLog().send('x')`),
    floating(`import { AuditLog as Log } from '@/lib/audit-log';\nexport default function handler(req, res) { Log.flush(); res.end(); }`, `Log.flush()`),
    floating(`import { TenantAuditLog } from '@/lib/audit-log';\nconst log = new TenantAuditLog();\nexport default function handler(req, res) { log.record('x'); res.end(); }`, `log.record('x')`),
    floating(`import Metrics from '@/lib/audit-log';\nconst metrics = new Metrics();\nexport default function handler(req, res) { metrics.increment('hits'); res.end(); }`, `metrics.increment('hits')`),
    // A namespace import of the class; CommonJS destructuring of the instance.
    floating(`import * as audits from '@/lib/audit-log';\nexport default function handler(req, res) { new audits.AuditLog().record('x'); res.end(); }`, `new audits.AuditLog().record('x')`),
    {
      filename: routeJs,
      languageOptions: { ...jsLanguageOptions, parserOptions: { ...jsLanguageOptions.parserOptions, sourceType: 'script' as const } },
      code: `const { audit } = require('../../lib/audit-log');\nmodule.exports = function handler(req, res) { audit.record('x'); res.end(); };`,
      errors: [
        {
          messageId: 'floating' as const,
          suggestions: [
            {
              messageId: 'wrapWaitUntil' as const,
              output: `const { audit } = require('../../lib/audit-log');\nconst { waitUntil } = require('@vercel/functions');\nmodule.exports = function handler(req, res) { waitUntil(audit.record('x')); res.end(); };`,
            },
          ],
        },
      ],
    },
    // JS.
    { ...floating(`${LOCAL}const store = new Store();\nexport default function handler(req, res) { store.save('x'); res.end(); }`, `store.save('x')`), filename: routeJs, languageOptions: jsLanguageOptions },
  ],
});
