/** Samples of `./ai.ts` (synthetic). */
import { fake } from './fake.js';
import type { SampleSet } from './types.js';

export const samples: SampleSet = {
  'openai-api-key': {
    positives: [{ text: `OPENAI_API_KEY=sk-proj-${fake(30, 16)}T3BlbkFJ${fake(30, 17)}\n` }],
    negatives: [
      { text: 'sk-openai-123456\n', note: 'no T3BlbkFJ marker' },
      { text: `key: sk-proj-${'x'.repeat(20)}T3BlbkFJ${'x'.repeat(20)}\n`, note: 'placeholder body' },
    ],
  },
  'anthropic-api-key': {
    positives: [{ text: `const key = 'sk-ant-api03-${fake(93, 18)}AA';\n`, file: 'src/a.ts' }],
    negatives: [{ text: 'ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxx\n', note: 'truncated sample' }],
  },
  'groq-api-key': {
    positives: [{ text: `groq: gsk_${fake(52, 19)}\n` }],
    negatives: [{ text: `groq: gsk_${fake(40, 19)}\n`, note: 'too short' }],
  },
  'huggingface-token': {
    positives: [{ text: `HF_TOKEN=hf_${fake(34, 20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')}\n` }],
    negatives: [{ text: 'hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n', note: 'placeholder' }],
  },
};
