export * from './refusal-of.ts';
