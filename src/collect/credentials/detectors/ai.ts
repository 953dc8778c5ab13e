/**
 * AI platform keys: OpenAI (`sk-…T3BlbkFJ…`, project/service-account/admin keys),
 * Anthropic (`sk-ant-api03-…`), Groq (`gsk_…`), Hugging Face (`hf_…`, `api_org_…`).
 */
import { tokenIsReal } from '../values.js';
import { regexDetector, type Detector } from './types.js';

export const openaiKey = regexDetector({
  id: 'openai-api-key',
  family: 'ai',
  description: 'OpenAI API key (sk-…, sk-proj-…, sk-svcacct-…, sk-admin-…, with the T3BlbkFJ marker)',
  kind: 'token',
  keywords: ['t3blbkfj'],
  pattern: /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{16,200}T3BlbkFJ[A-Za-z0-9_-]{16,200}(?![A-Za-z0-9_-])/,
  validate: (t) => tokenIsReal(t, t.slice(3)),
});

export const anthropicKey = regexDetector({
  id: 'anthropic-api-key',
  family: 'ai',
  description: 'Anthropic API or admin key (sk-ant-api03-…, sk-ant-admin01-…)',
  kind: 'token',
  keywords: ['sk-ant-'],
  anchored: true,
  pattern: /(?<![A-Za-z0-9_-])sk-ant-(?:api|admin|oat|ort)\d{2}-[A-Za-z0-9_-]{80,}(?![A-Za-z0-9_-])/,
  validate: (t) => tokenIsReal(t, t.slice(13)),
});

export const groqKey = regexDetector({
  id: 'groq-api-key',
  family: 'ai',
  description: 'Groq API key (gsk_ + 52 characters)',
  kind: 'token',
  keywords: ['gsk_'],
  anchored: true,
  pattern: /(?<![A-Za-z0-9])gsk_[A-Za-z0-9]{52}(?![A-Za-z0-9])/,
  validate: (t) => tokenIsReal(t, t.slice(4)),
});

export const huggingfaceToken = regexDetector({
  id: 'huggingface-token',
  family: 'ai',
  description: 'Hugging Face user access token (hf_ + 34 letters) or organization token (api_org_)',
  kind: 'token',
  keywords: ['hf_', 'api_org_'],
  anchored: true,
  pattern: /(?<![A-Za-z0-9])(?:hf|api_org)_[A-Za-z]{34}(?![A-Za-z0-9])/,
  validate: (t) => tokenIsReal(t, t.slice(t.indexOf('_') + 1)),
});

export const aiDetectors: readonly Detector[] = [openaiKey, anthropicKey, groqKey, huggingfaceToken];
