// Judges Adaptive Cards by Microsoft's own parser (npm "adaptivecards"): each card is parsed as a Teams
// client would parse it, and every parse event (unknown element, property or value) and every validation
// event (a required input without a label or error message, duplicate ids, ...) is reported.
// Usage: node judge-cards.js cards.json   (a JSON object: name -> card). Exit 1 when any card has a problem.
const AC = require('adaptivecards/dist/adaptivecards.js');
const fs = require('fs');

// The one allowance: Teams' people picker (an Input.ChoiceSet whose choices come from "choices.data", a Data.Query
// of graph.microsoft.com/users) is documented by Microsoft with "choices": [] and filled as the person types; this
// library does not know the extension and would report the empty list. Such a picker gets one stand-in choice on a
// copy before parsing (judge-schema.js checks "choices.data" itself). Nothing else is changed.
function withPeoplePickersFilled(node) {
  if (Array.isArray(node)) {
    return node.map(withPeoplePickersFilled);
  }
  if (node && typeof node === 'object') {
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] = withPeoplePickersFilled(value);
    }
    if (out.type === 'Input.ChoiceSet' && out['choices.data'] && Array.isArray(out.choices) && out.choices.length === 0) {
      out.choices = [{ title: '(a colleague the search finds)', value: 'stand-in' }];
    }
    return out;
  }
  return node;
}

function problems(json) {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(withPeoplePickersFilled(json), context);
  const out = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    out.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) {
    out.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  return out;
}

const cards = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let bad = 0;
for (const [name, card] of Object.entries(cards)) {
  const found = problems(card);
  if (found.length) {
    bad++;
    console.log(`${name}: ${found.join(' | ')}`);
  }
}
console.log(`adaptivecards ${require('adaptivecards/package.json').version}: ${Object.keys(cards).length} cards parsed, ${bad} with problems`);
process.exit(bad ? 1 : 0);
