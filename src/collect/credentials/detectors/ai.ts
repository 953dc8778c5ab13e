/**
 * AI platform keys: OpenAI (`sk-…T3BlbkFJ…`, project/service-account/admin keys),
 * Anthropic (`sk-ant-api03-…`), Groq (`gsk_…`), Hugging Face (`hf_…`, `api_org_…`).
 */
import { tokenDetector } from './token.js';
import type { Detector } from './types.js';

export const openaiKey = tokenDetector({
  id: 'openai-api-key',
  family: 'ai',
  description: 'OpenAI API key (sk-…, sk-proj-…, sk-svcacct-…, sk-admin-…, with the T3BlbkFJ marker)',
  keywords: ['t3blbkfj'],
  anchored: false,
  pattern: /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{16,200}T3BlbkFJ[A-Za-z0-9_-]{16,200}(?![A-Za-z0-9_-])/,
  bodyFrom: 3,
});

export const anthropicKey = tokenDetector({
  id: 'anthropic-api-key',
  family: 'ai',
  description: 'Anthropic API or admin key (sk-ant-api03-…, sk-ant-admin01-…)',
  keywords: ['sk-ant-'],
  pattern: /(?<![A-Za-z0-9_-])sk-ant-(?:api|admin|oat|ort)\d{2}-[A-Za-z0-9_-]{80,}(?![A-Za-z0-9_-])/,
  bodyFrom: 13,
});

export const groqKey = tokenDetector({
  id: 'groq-api-key',
  family: 'ai',
  description: 'Groq API key (gsk_ + 52 characters)',
  keywords: ['gsk_'],
  pattern: /(?<![A-Za-z0-9])gsk_[A-Za-z0-9]{52}(?![A-Za-z0-9])/,
  bodyFrom: 4,
});

export const huggingfaceToken = tokenDetector({
  id: 'huggingface-token',
  family: 'ai',
  description: 'Hugging Face user access token (hf_ + 34 letters) or organization token (api_org_)',
  keywords: ['hf_', 'api_org_'],
  pattern: /(?<![A-Za-z0-9])(?:hf|api_org)_[A-Za-z]{34}(?![A-Za-z0-9])/,
  bodyFrom: (t) => t.indexOf('_') + 1,
});

export const aiDetectors: readonly Detector[] = [openaiKey, anthropicKey, groqKey, huggingfaceToken];
