// Judges Kept's Teams app manifest (teams/manifest.json) against Microsoft's Teams app manifest schema v1.17
// (schema/teams-manifest-1.17.json, unchanged from OfficeDev/microsoft-teams-app-schema; see schema/SOURCE.md),
// the schema the manifest names in its "$schema" and the one the Developer Portal's validator starts from.
// Usage: node judge-teams-manifest.js manifest.json   Exit 1 when the manifest breaks the schema.
//
// Validator: ajv-draft-04 (by ajv's authors), because the schema declares draft-04. ajv-formats checks the
// formats it uses. Strict mode stays on for unknown keywords; the schema's authoring quirks that ajv would
// refuse as lints ("strictTypes", "strictRequired", unknown formats it does not use) are the only ones off.
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');
const fs = require('fs');
const path = require('path');

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'schema', 'teams-manifest-1.17.json'), 'utf8'));
const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, strictTuples: false });
addFormats(ajv);
const validate = ajv.compile(schema);
if (validate(manifest)) {
  console.log('teams manifest: valid against the v1.17 schema');
  process.exit(0);
}
for (const e of validate.errors) {
  console.log('teams manifest: ' + (e.instancePath || '/') + ' ' + e.message + ' ' + JSON.stringify(e.params));
}
process.exit(1);
