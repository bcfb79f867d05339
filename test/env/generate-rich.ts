import { generateEnvFiles, type GeneratedFiles } from '../../cli/env/generate.js';
import { buildSchema } from '../../cli/env/schema.js';
import { readFixture } from './helpers.js';

/** The generator's output for fixtures/rich/.env.example. */
export function generateRich(): GeneratedFiles {
  const { schema } = buildSchema({ name: '.env.example', text: readFixture('.env.example') }, []);
  return generateEnvFiles(schema);
}
