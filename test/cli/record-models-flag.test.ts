import t from 'tap';
import { parse, SERVE_HELP } from '../../src/cli/serve.js';

t.test('--record-models FILE, or BFE_RECORD_MODELS; the flag wins; off by default', async (t) => {
  t.equal(parse([], {}).recordModels, undefined);
  t.equal(parse(['--record-models', 'answers.json'], {}).recordModels, 'answers.json');
  t.equal(parse([], { BFE_RECORD_MODELS: 'env.json' }).recordModels, 'env.json');
  t.equal(parse([], { BFE_RECORD_MODELS: '' }).recordModels, undefined, 'an empty variable records nothing');
  t.equal(parse(['--record-models', 'flag.json'], { BFE_RECORD_MODELS: 'env.json' }).recordModels, 'flag.json');
  t.match(SERVE_HELP, /--record-models FILE[\s\S]*\(BFE_RECORD_MODELS\)/);
});
