// Judges Adaptive Cards against Microsoft's official Adaptive Card 1.5 JSON schema
// (schema/adaptive-card-1.5.json, unchanged from microsoft/AdaptiveCards; see schema/SOURCE.md).
// Usage: node judge-schema.js cards.json   (a JSON object: name -> card). Exit 1 when any card breaks the schema.
//
// Validator: ajv (npm "ajv", pinned in package.json), the most used JSON Schema validator for Node. The schema
// declares "$schema": "http://json-schema.org/draft-06/schema#"; ajv 8 validates draft-06 once the draft-06
// meta-schema it ships is added (ajv's documented way; ajv-draft-04 is only for draft-04). ajv-formats, by ajv's
// authors, checks the "uri" and "uri-reference" formats the schema uses, instead of ignoring them.
// ajv runs in its strict mode, so a keyword it does not know fails loudly rather than being skipped; the schema's own
// annotation keywords ("version", "features", "example") are declared as annotations, which validate nothing.
// Only the authoring lints "strictTypes" and "strictRequired" are off (see validators()).
// The schema names itself with draft-04's "id" where draft-06 says "$id"; ajv 8 refuses "id", so the in-memory copy
// has that one root key renamed (the file on disk stays as Microsoft published it).
//
// The one allowance: Teams' documented extension, the "msteams" property of the top-level card
// (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format: "width": "Full"
// and "entities" for mentions). It is taken off a copy of the top-level card before the Adaptive Card schema judges
// the rest, and is itself checked against MSTEAMS below. "msteams" anywhere else (a nested ShowCard, an element)
// is still refused by the schema's "additionalProperties": false.
// And the second: Teams' people picker, "choices.data" on an Input.ChoiceSet
// (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/people-picker: "new additions
// to the Input.ChoiceSet schema", a Data.Query whose dataset is graph.microsoft.com/users, optionally
// ?scope=currentContext). Taken off the same way, and checked against CHOICES_DATA below.
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const fs = require('fs');
const path = require('path');

const SCHEMA_FILE = path.join(__dirname, 'schema', 'adaptive-card-1.5.json');

const MSTEAMS = {
  type: 'object',
  properties: {
    width: { enum: ['Full'] },
    entities: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          type: { enum: ['mention'] },
          text: { type: 'string' },
          mentioned: {
            type: 'object',
            properties: { id: { type: 'string' }, name: { type: 'string' } },
            required: ['id', 'name'],
            additionalProperties: false,
          },
        },
        required: ['type', 'text', 'mentioned'],
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};

const CHOICES_DATA = {
  type: 'object',
  properties: {
    type: { enum: ['Data.Query'] },
    dataset: { enum: ['graph.microsoft.com/users', 'graph.microsoft.com/users?scope=currentContext'] },
  },
  required: ['type', 'dataset'],
  additionalProperties: false,
};

/** Takes Teams' people-picker extension off every Input.ChoiceSet of the copy, reporting a malformed one. */
function peoplePickers(judge, node, where, out) {
  if (Array.isArray(node)) {
    node.forEach((child, i) => peoplePickers(judge, child, `${where}/${i}`, out));
  } else if (node && typeof node === 'object') {
    if (node.type === 'Input.ChoiceSet' && 'choices.data' in node) {
      if (!judge.choicesData(node['choices.data'])) {
        out.push(...judge.choicesData.errors.map(
            (e) => `${where}/choices.data${e.instancePath} (Teams people picker) ${e.message}${detail(e)}`));
      }
      delete node['choices.data'];
    }
    for (const [key, child] of Object.entries(node)) {
      peoplePickers(judge, child, `${where}/${key}`, out);
    }
  }
}

function validators() {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  if (schema.$schema !== 'http://json-schema.org/draft-06/schema#') {
    throw new Error(`${SCHEMA_FILE} declares ${schema.$schema}; judge-schema.js is set up for draft-06`);
  }
  if (typeof schema.id === 'string') {
    schema.$id = schema.id;
    delete schema.id;
  }
  // ajv's default strict mode: unknown keywords and ignored "additionalItems" throw (strictSchema), NaN/Infinity
  // are refused (strictNumbers). Two authoring lints stay off, as ajv ships them off or log-only: strictTypes
  // ("pattern" written without "type": "string", which Microsoft's enum definitions do) and strictRequired (a
  // "required" name not listed in the same sub-schema's "properties", as in ImplementationsOf.*). Neither changes
  // any validation result.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictRequired: false });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  addFormats(ajv, ['uri', 'uri-reference']);
  for (const keyword of ['version', 'features', 'example']) {
    ajv.addKeyword({ keyword, schemaType: ['string', 'number', 'array', 'object', 'boolean'] });
  }
  const card = ajv.compile(schema);
  return {
    card,
    msteams: ajv.compile(MSTEAMS),
    choicesData: ajv.compile(CHOICES_DATA),
    schemaId: schema.$id,
    definitions: new Set(Object.keys(schema.definitions)),
    definition: (name) => ajv.getSchema(`${schema.$id}#/definitions/${name}`),
  };
}

// The whole-card validation above is the verdict. Its errors are hard to read: ajv reports every branch of an
// anyOf that failed, and each element is tried against every element type, so a TextBlock also "fails" ActionSet,
// Container, ... To say what is wrong, each element with a "type" the schema defines is validated against that one
// definition, and only errors about the element itself (not about a nested typed element, which gets its own
// turn) are kept. An element whose "type" the schema does not define is named once.
function explain(judge, card) {
  const out = [];
  const typed = (v) => v && typeof v === 'object' && !Array.isArray(v) && typeof v.type === 'string';
  const at = (root, pointer) => pointer.split('/').slice(1).reduce((v, k) => (v == null ? v : v[k]), root);
  const walk = (node, pointer) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, `${pointer}/${i}`));
      return;
    }
    if (!node || typeof node !== 'object') {
      return;
    }
    if (typed(node) && pointer !== '' && !judge.definitions.has(node.type)) {
      out.push(`${pointer} "type": "${node.type}" is no Adaptive Card 1.5 type`);
    }
    const validate = typed(node) && judge.definitions.has(node.type) ? judge.definition(node.type) : null;
    if (validate && !validate(node)) {
      const errors = validate.errors.filter((e) => {
        const steps = e.instancePath.split('/').slice(1);
        for (let n = 1; n <= steps.length; n++) {
          if (typed(at(node, '/' + steps.slice(0, n).join('/')))) return false;
        }
        return true;
      });
      const precise = errors.filter((e) => e.keyword !== 'anyOf');
      for (const e of errors) {
        if (e.keyword === 'anyOf' && precise.some((p) => p.instancePath.startsWith(e.instancePath))) continue;
        out.push(`${pointer}${e.instancePath} (${node.type}) ${e.message}${detail(e)}`);
      }
    }
    for (const [k, v] of Object.entries(node)) {
      walk(v, `${pointer}/${k}`);
    }
  };
  walk(card, '');
  return [...new Set(out)];
}

function detail(e) {
  if (e.keyword === 'additionalProperties') return `: "${e.params.additionalProperty}"`;
  if (e.keyword === 'enum') return `: ${JSON.stringify(e.params.allowedValues)}`;
  return '';
}

function problems(judge, json) {
  const out = [];
  const copy = JSON.parse(JSON.stringify(json));
  if (copy && typeof copy === 'object' && 'msteams' in copy) {
    if (!judge.msteams(copy.msteams)) {
      out.push(...judge.msteams.errors.map((e) => `/msteams${e.instancePath} (Teams extension) ${e.message}${detail(e)}`));
    }
    delete copy.msteams;
  }
  peoplePickers(judge, copy, '', out);
  if (!judge.card(copy)) {
    const why = explain(judge, copy);
    if (why.length) {
      out.push(...why);
    } else {
      // Every element fits its own definition, but not where it stands (say, a TextRun in a card's body).
      out.push(...[...new Set(judge.card.errors.map((e) => `${e.instancePath || '/'} ${e.message}${detail(e)}`))]);
    }
  }
  return out;
}

const judge = validators();
const cards = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let bad = 0;
for (const [name, card] of Object.entries(cards)) {
  const found = problems(judge, card);
  if (found.length) {
    bad++;
    console.log(`${name}: ${found.join(' | ')}`);
  }
}
console.log(`schema ${judge.schemaId} (Adaptive Cards 1.5, ajv ${require('ajv/package.json').version}): `
    + `${Object.keys(cards).length} cards validated, ${bad} with problems`);
process.exit(bad ? 1 : 0);
