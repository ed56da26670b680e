// Validates each line of an NDJSON file of services with ajv 8 against the ORUK 3.0 service schema, the
// baseline of benchmarks/scripts/validate-vs-ajv.sh. Every 3.0 schema file is added under the address its
// $refs use, so nothing is fetched. Prints one JSON line: documents, valid, invalid, loopSeconds, perSecond.
// Usage: node ajv-validate.mjs SCHEMA_DIR FILE.ndjson [--all-errors]
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.env.AJV_PREFIX, 'node_modules', 'x.js'));
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;

const [schemaDir, file, mode] = process.argv.slice(2);
const ajv = new Ajv({ strict: false, allErrors: mode === '--all-errors' });
addFormats(ajv);
const base = 'https://openreferraluk.org/specifications/3.0/schema/';
for (const name of readdirSync(schemaDir).filter((n) => n.endsWith('.json'))) {
  ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, name), 'utf8')), base + name);
}
const validate = ajv.getSchema(base + 'service.json');

const text = readFileSync(file, 'utf8');
const started = process.hrtime.bigint();
let documents = 0;
let valid = 0;
let from = 0;
while (from < text.length) {
  let to = text.indexOf('\n', from);
  if (to < 0) to = text.length;
  const line = text.slice(from, to);
  from = to + 1;
  if (line.trim() === '') continue;
  documents++;
  let ok = false;
  try {
    ok = validate(JSON.parse(line));
  } catch (e) {
    ok = false; // not JSON: counted invalid, as it is in oruk validate
  }
  if (ok) valid++;
}
const loopSeconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ documents, valid, invalid: documents - valid, loopSeconds,
  perSecond: Math.round(documents / loopSeconds) }));
